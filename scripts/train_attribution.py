"""Train the attribution cue and source taggers on PolNeAR and write the weights file.

    python scripts/train_attribution.py [../shared/data/news/polnear-train] [--epochs 5]
        [--out newslint/data/attribution.json.gz] [--final]

Training data: PolNeAR (Newell, Margolin & Ruths, "An attribution relations corpus
for political news", LREC 2018), the training compartment in ../shared/data. Only
weights leave this script; no corpus text is written.

Splits are by article (crc32 of the file name mod 5): 0 is held out and never
used here (``bench/attribution.py --split heldout`` scores it), 1 tunes the
thresholds, 2-4 train. With ``--final`` the model is retrained on 1-4 with the
tuned thresholds and the number of epochs.

Both taggers are binary averaged perceptrons (pure Python) over the features of
``newslint.attribution.model``; the cue tagger is trained with the gold
previous decision, the source tagger with the gold cue positions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import zlib
from bisect import bisect_left
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # the benchmark reads PolNeAR the same way

from attribution import DEFAULT, pairs, read_ann  # noqa: E402

from newslint.attribution.model import (  # noqa: E402
    BOUNDARY,
    OFFSETS,
    pair_features,
    token_features,
    type_features,
)
from newslint.attribution.tokens import Tokens  # noqa: E402
from newslint.readers import load  # noqa: E402


def split_of(stem: str) -> int:
    """Deterministic article split, 0-4 (0 = held out)."""
    return zlib.crc32(stem.encode()) % 5


def examples(folder: Path, splits: set[int]):
    """Per document: words, in-quote flags, cue labels, source labels, sentence ranges.

    The cue tagger reads whole documents (as at run time), the source tagger sentences."""
    docs = []
    for text_path, ann_path in pairs(folder):
        if split_of(text_path.stem) not in splits:
            continue
        doc = load(os.fspath(text_path))
        gold = read_ann(ann_path)
        toks = Tokens(doc.text)
        if not toks.words:
            continue
        inq = [doc.in_quote(p) for p in toks.starts]
        spans = list(zip(toks.starts, toks.ends, strict=True))
        cl = _labels(spans, gold.get("Cue", []))
        sl = _labels(spans, gold.get("Source", []))
        ranges = [r for r in (toks.range(s, e) for s, e in doc.sentences) if r[0] < r[1]]
        docs.append((toks.words, inq, cl, sl, ranges))
    return docs


def sentences(docs):
    """The per-sentence view the source tagger trains on."""
    return [(w[a:b], q[a:b], c[a:b], s[a:b]) for w, q, c, s, ranges in docs for a, b in ranges]


def quoted(inq: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of quotations from per-token flags."""
    return runs(inq)


def _labels(spans: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[int]:
    """1 for each token overlapping a gold span."""
    gold = sorted(gold)
    out = []
    for a, b in spans:
        k = bisect_left(gold, (b,))
        out.append(int(any(gs < b and a < ge for gs, ge in gold[max(k - 8, 0) : k])))
    return out


class Features:
    """Feature strings interned as ids; per (word, offset) lists memoised."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.memo: dict[tuple[str, int], list[int]] = {}

    def fid(self, f: str) -> int:
        k = self.ids.get(f)
        if k is None:
            k = self.ids[f] = len(self.ids)
        return k

    def typ(self, word: str, d: int) -> list[int]:
        key = (word, d)
        got = self.memo.get(key)
        if got is None:
            got = self.memo[key] = [self.fid(f) for f in type_features(word, d)]
        return got

    def token(self, words, i, inq, prev, left=-1, right=-1, lowers=None) -> list[int]:
        """Feature ids of token ``i``; with ``lowers`` also the word-pair features (cues)."""
        n = len(words)
        out = []
        for d in OFFSETS:
            j = i + d
            out.extend(self.typ(words[j] if 0 <= j < n else BOUNDARY, d))
        out.extend(self.fid(f) for f in token_features(words, i, inq, prev, left, right))
        if lowers is not None:
            out.extend(self.fid(f) for f in pair_features(lowers, i))
        return out


# Word-pair features for the cue tagger (``--no-pairs`` switches them off) and the
# source tagger (``--source-pairs`` switches them on).
PAIRS = True
SOURCE_PAIRS = False


def distances(flags: list[int]) -> tuple[list[int], list[int]]:
    n = len(flags)
    left, right = [-1] * n, [-1] * n
    last = -1
    for i in range(n):
        left[i] = i - last if last >= 0 else -1
        if flags[i]:
            last = i
    nxt = -1
    for i in range(n - 1, -1, -1):
        right[i] = nxt - i if nxt >= 0 else -1
        if flags[i]:
            nxt = i
    return left, right


def instances(feats: Features, data, which: str, cue_flags=None):
    """(feature ids, label +1/-1) for every token; sources skip cue tokens."""
    out = []
    for k, (words, inq, cl, sl, *_ranges) in enumerate(data):
        if which == "cue":
            lowers = [w.lower() for w in words] if PAIRS else None
            for i in range(len(words)):
                prev = cl[i - 1] if i else 0
                f = feats.token(words, i, inq[i], prev, lowers=lowers)
                out.append((f, 1 if cl[i] else -1))
        else:
            flags = cl if cue_flags is None else cue_flags[k]
            left, right = distances(flags)
            lowers = [w.lower() for w in words] if SOURCE_PAIRS else None
            for i in range(len(words)):
                if flags[i]:
                    continue
                prev = sl[i - 1] if i else 0
                f = feats.token(words, i, inq[i], prev, left[i], right[i], lowers)
                out.append((f, 1 if sl[i] else -1))
    return out


def train(insts, n_feats: int, epochs: int, seed: int = 7) -> list[float]:
    """Averaged binary perceptron."""
    w = [0.0] * n_feats
    u = [0.0] * n_feats
    c = 1
    rng = random.Random(seed)
    order = list(range(len(insts)))
    for ep in range(epochs):
        rng.shuffle(order)
        errors = 0
        for k in order:
            f, y = insts[k]
            s = 0.0
            for j in f:
                s += w[j]
            if y * s <= 0:
                errors += 1
                cy = c * y
                for j in f:
                    w[j] += y
                    u[j] += cy
            c += 1
        print(f"  epoch {ep + 1}: {errors} errors", file=sys.stderr)
    return [wi - ui / c for wi, ui in zip(w, u, strict=True)]


def named(feats: Features, weights: list[float], keep: float) -> dict[str, float]:
    names = [""] * len(feats.ids)
    for f, k in feats.ids.items():
        names[k] = f
    return {names[k]: round(x, 2) for k, x in enumerate(weights) if abs(x) >= keep}


def runs(flags: list[bool]) -> list[tuple[int, int]]:
    out, i, n = [], 0, len(flags)
    while i < n:
        if flags[i]:
            j = i
            while j + 1 < n and flags[j + 1]:
                j += 1
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def span_prf(pred: list[list[bool]], gold: list[list[int]]) -> tuple[float, float, float]:
    tp_p = n_p = tp_g = n_g = 0
    for p, g in zip(pred, gold, strict=True):
        ps, gs = runs(p), runs([bool(x) for x in g])
        n_p += len(ps)
        n_g += len(gs)
        tp_p += sum(any(a < d and c < b for c, d in gs) for a, b in ps)
        tp_g += sum(any(a < d and c < b for c, d in ps) for a, b in gs)
    pr = tp_p / n_p if n_p else 0.0
    rc = tp_g / n_g if n_g else 0.0
    return pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def choose(scores: list[list[float]], gold, min_precision: float) -> float:
    """The threshold with the best span F1 among those with precision >= min_precision."""
    best = (0.0, 0.0)
    for t in [x / 4 for x in range(-8, 41)]:
        pred = [[s > t for s in row] for row in scores]
        p, r, f = span_prf(pred, gold)
        print(f"  threshold {t:5.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}", file=sys.stderr)
        if p >= min_precision and f > best[1]:
            best = (t, f)
    return best[0]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument(
        "--out",
        default=str(
            Path(__file__).resolve().parents[1] / "newslint" / "data" / "attribution.json.gz"
        ),
    )
    ap.add_argument("--min-precision", type=float, default=0.87)
    ap.add_argument("--keep", type=float, default=0.05, help="drop smaller weights")
    ap.add_argument("--prune", type=float, default=1.0, help="weights kept in the shipped file")
    ap.add_argument("--prune-pairs", type=float, default=2.0, help="word-pair weights kept")
    ap.add_argument("--final", action="store_true", help="retrain on splits 1-4")
    ap.add_argument("--no-pairs", action="store_true", help="no word-pair cue features")
    ap.add_argument("--source-pairs", action="store_true", help="word pairs for sources too")
    ap.add_argument(
        "--cue-threshold",
        type=float,
        default=None,
        help="fix the cue threshold (chosen by the whole extractor's dev F1, not the tagger's)",
    )
    args = ap.parse_args(argv)
    global PAIRS, SOURCE_PAIRS
    PAIRS = not args.no_pairs
    SOURCE_PAIRS = args.source_pairs
    folder = Path(args.folder)
    tr = examples(folder, {2, 3, 4})
    dev = examples(folder, {1})
    print(f"train {len(tr)} documents, dev {len(dev)}", file=sys.stderr)
    from newslint.attribution.model import Model, compact

    models = {}
    thresholds = {}
    for which in ("cue", "source"):
        feats = Features()
        insts = instances(feats, tr if which == "cue" else sentences(tr), which)
        print(f"{which}: {len(insts)} tokens, {len(feats.ids)} features", file=sys.stderr)
        weights = named(feats, train(insts, len(feats.ids), args.epochs), args.keep)
        models[which] = {"weights": weights, "threshold": 0.0}
    # Thresholds on the dev split, with the runtime scorer (cue first, then sources).
    m = Model(models)
    cue_scores = [m.tag_cues(w, [x.lower() for x in w], quoted(q)) for w, q, *_ in dev]
    thresholds["cue"] = choose(cue_scores, [d[2] for d in dev], args.min_precision)
    if args.cue_threshold is not None:
        thresholds["cue"] = args.cue_threshold
    models["cue"]["threshold"] = thresholds["cue"]
    m = Model(models)
    src_scores, src_gold = [], []
    for w, q, _c, sl, ranges in dev:
        flags = [x > 0 for x in m.tag_cues(w, [x.lower() for x in w], quoted(q))]
        for a, b in ranges:
            src_scores.append(m.tag_sources(w[a:b], q[a:b], flags[a:b]))
            src_gold.append(sl[a:b])
    thresholds["source"] = choose(src_scores, src_gold, args.min_precision)
    models["source"]["threshold"] = thresholds["source"]
    print(f"thresholds {thresholds}", file=sys.stderr)
    if args.final:
        tr = tr + dev
        for which in ("cue", "source"):
            feats = Features()
            insts = instances(feats, tr if which == "cue" else sentences(tr), which)
            weights = named(feats, train(insts, len(feats.ids), args.epochs), args.keep)
            models[which] = {"weights": weights, "threshold": thresholds[which]}
    models = {k: compact(v, args.prune, keep_pairs=args.prune_pairs) for k, v in models.items()}
    data = {
        "about": "newslint attribution taggers; averaged perceptron weights trained on the "
        "PolNeAR training compartment (Newell, Margolin & Ruths, LREC 2018), "
        "see scripts/train_attribution.py",
        **models,
    }
    raw = json.dumps(data, separators=(",", ":"), sort_keys=True).encode()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_bytes(gzip.compress(raw, 9, mtime=0))
    sizes = {k: sum(len(g[1]) for g in v["groups"].values()) for k, v in models.items()}
    print(f"wrote {args.out}: {len(raw) // 1024} KB raw, weights {sizes}")


if __name__ == "__main__":
    main()
