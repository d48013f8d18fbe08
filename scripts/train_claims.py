"""Train sourcing.unattributed's claim scorer on the PolNeAR training annotations.

    python scripts/train_claims.py [../shared/data/news/polnear-train] [--epochs 8]
        [--out newslint/data/claims.json.gz]

Sentences of the training split (crc32 of the file name mod 5 in 2-4, as for the
attribution tagger; 0 is held out, 1 tunes the threshold) become examples:

- a claim (1): the content of an attribution with its source and cue cut away ("Smith
  said taxes will rise." -> "Taxes will rise."), a further sentence of a content that
  runs on, or the content of a claim PolNeAR marks as attributed to nobody;
- narration (0): a sentence of the reporter's that no annotation touches.

Quoted speech and headings are left out: sourcing.unattributed handles quotations by
their marks. The model is logistic regression (AdaGrad, L2), pure Python; weights
smaller than ``--keep`` are dropped. Prints the dev split's ranking quality.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # PolNeAR is read as the benchmarks read it

from sourcing import polnear_items, read_relations  # noqa: E402
from unattributed import _cut  # noqa: E402

from newslint.checks.sourcing.claims import features  # noqa: E402
from newslint.readers import parse  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "news" / "polnear-train"
_QUOTES = "\"“”‘’'"


def examples(folder: Path, parts: set[int]) -> list[tuple[str, int]]:
    """(sentence, label) pairs from the articles whose crc32 mod 5 is in ``parts``."""
    out: list[tuple[str, int]] = []
    for text_path, ann_path in polnear_items(folder, 1):
        if zlib.crc32(text_path.stem.encode()) % 5 not in parts:
            continue
        text = text_path.read_text(encoding="utf-8")
        doc = parse(text, "a.txt", "text")
        rels = read_relations(ann_path)
        touched = set()
        claims: dict[int, str] = {}
        for rel in rels:
            for span in (rel["cue"], rel["source"], rel["content"]):
                if span:
                    first = doc.sentence_at(span[0])
                    last = doc.sentence_at(max(span[1] - 1, span[0]))
                    touched.update(range(first, last + 1))
            content = rel["content"]
            if not content:
                continue
            k = doc.sentence_at(rel["cue"][0])
            first = doc.sentence_at(content[0])
            last = doc.sentence_at(max(content[1] - 1, content[0]))
            s, e = doc.sentences[k]
            if rel["source"] and rel["cue"] and first == k:
                cut = _cut(text, s, e, rel["source"], rel["cue"], content)
                if cut:
                    claims[k] = cut
            elif rel["source"] is None and first == k:
                claims[k] = text[s:e]  # a claim attributed to nobody, cue and all
            for j in range(max(first, k + 1), last + 1):
                js, je = doc.sentences[j]
                if content[0] <= js and je <= content[1] + 2:
                    claims[j] = text[js:je]
        for k, (s, e) in enumerate(doc.sentences):
            block = doc.block_at(s)
            if block is None or block.kind == "heading":
                continue
            sentence = claims.get(k) if k in claims else (text[s:e] if k not in touched else None)
            if not sentence or sentence[:1] in _QUOTES or doc.in_quote(s):
                continue
            if len(sentence.split()) < 6 or sentence.rstrip().endswith("?"):
                continue  # as sourcing.unattributed reads: fragments and questions are left
            out.append((sentence, int(k in claims)))
    return out


def train(data: list[tuple[list[str], int]], epochs: int, l2: float, seed: int) -> dict:
    """Logistic regression by AdaGrad; ``data`` holds feature lists and labels."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rng = random.Random(seed)
    order = list(range(len(data)))
    rate = 0.3
    for _epoch in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            grad = p - y
            for f in feats:
                g = grad + l2 * w.get(f, 0.0)
                g2[f] = g2.get(f, 0.0) + g * g
                w[f] = w.get(f, 0.0) - rate * g / math.sqrt(g2[f] + 1e-8)
    return w


def auc(scored: list[tuple[float, int]]) -> float:
    """The probability that a random claim outscores a random narration sentence."""
    scored = sorted(scored)
    pos = sum(y for _s, y in scored)
    neg = len(scored) - pos
    rank_sum = sum(i + 1 for i, (_s, y) in enumerate(scored) if y)
    return (rank_sum - pos * (pos + 1) / 2) / max(pos * neg, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--keep", type=float, default=0.02, help="drop smaller weights")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--vocab", type=int, default=3000, help="the N commonest English words (wordfreq); 0: all"
    )
    ap.add_argument("--out", default=str(ROOT / "newslint" / "data" / "claims.json.gz"))
    args = ap.parse_args()
    folder = Path(args.folder)
    vocab = None
    if args.vocab:
        from wordfreq import top_n_list

        vocab = frozenset(w.replace("’", "'") for w in top_n_list("en", args.vocab))
    rows = examples(folder, {2, 3, 4})
    counts = Counter(f for s, _y in rows for f in set(features(s, vocab)))
    data = [([f for f in features(s, vocab) if counts[f] >= args.min_count], y) for s, y in rows]
    print(f"training: {len(data)} sentences, {sum(y for _f, y in data)} claims")
    w = train(data, args.epochs, args.l2, args.seed)
    weights = {f: round(v, 3) for f, v in w.items() if abs(v) >= args.keep or f == "bias"}
    dev = examples(folder, {1})
    get = weights.get
    scored = [(sum(get(f, 0.0) for f in features(s, vocab)), y) for s, y in dev]
    print(f"dev: {len(dev)} sentences, {sum(y for _s, y in dev)} claims, AUC {auc(scored):.3f}")
    for threshold in (0.0, 1.0, 2.0, 3.0, 4.0):
        hits = [(s, y) for s, y in scored if s > threshold]
        tp = sum(y for _s, y in hits)
        pos = sum(y for _s, y in scored)
        print(
            f"  score > {threshold:.1f}: precision {tp / max(len(hits), 1):.3f}, "
            f"recall {tp / max(pos, 1):.3f}, {len(hits)} flagged"
        )
    payload = {
        "about": "sourcing.unattributed claim scorer; see scripts/train_claims.py",
        "data": "PolNeAR training annotations (Newell, Margolin & Ruths, LREC 2018)",
        "weights": dict(sorted(weights.items())),
        # Words kept as themselves; others fold to their ending (see claims.tokens).
        "vocab": sorted(vocab) if vocab else None,
    }
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    Path(args.out).write_bytes(gzip.compress(raw, mtime=0))
    print(f"wrote {args.out}: {len(weights)} weights, {len(raw) // 1024} KB before gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
