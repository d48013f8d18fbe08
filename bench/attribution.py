"""Score the attribution extractor against PolNeAR brat annotations.

    python bench/attribution.py [../shared/data/news/polnear-train] [--limit N] [--every K]
        [--split all|heldout|dev|train] [--rules-only]

A predicted cue (source) counts as correct when it overlaps an annotated cue
(source); recall counts annotated spans overlapped by a prediction. Articles with
several annotators use the first annotation file. Prints precision, recall, F1 and
the extractor's speed in words per CPU second (process time, so other jobs on
the machine do not skew it; the model loads and its memo warms up inside the run).

``--split heldout`` scores only the 20% of articles the shipped tagger never saw
(``scripts/train_attribution.py`` splits by crc32 of the file name: 0 held out, 1 tunes
thresholds, 2-4 train); ``--rules-only`` switches the tagger off.

``--agreement`` prints instead how PolNeAR's own annotators agree: on the articles
annotated by several people, every other annotator scored against the first with the
same overlap measure (the ceiling a system trained on first annotations can expect).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import zlib
from bisect import bisect_left
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from newslint.attribution import (
    attributions,  # noqa: E402
    settings,  # noqa: E402
)
from newslint.attribution import model as attribution_model  # noqa: E402
from newslint.readers import load  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "polnear-train"


def read_ann(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Spans by label (Cue, Source, Content, Attribution-no-source) from a brat file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        info = parts[1]
        label, ranges = info.split(" ", 1)
        parts = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
        spans.setdefault(label, []).append((parts[0][0], parts[-1][1]))
    return spans


def pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(text file, first annotation file) for every annotated article."""
    anns: dict[str, Path] = {}
    for p in sorted((folder / "attributions").glob("*.ann")):
        stem = p.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, p)
    out = []
    for t in sorted((folder / "text").glob("*.txt")):
        if t.stem in anns:
            out.append((t, anns[t.stem]))
    return out


def overlaps(span: tuple[int, int], sorted_spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect_left(starts, span[1])
    for j in range(k - 1, max(k - 30, -1), -1):
        s, e = sorted_spans[j]
        if s < span[1] and span[0] < e:
            return True
    return False


SPLITS = {"all": {0, 1, 2, 3, 4}, "heldout": {0}, "dev": {1}, "train": {2, 3, 4}}


class Score:
    def __init__(self) -> None:
        self.tp_p = self.n_p = self.tp_g = self.n_g = 0

    def add(self, predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
        gold = sorted(gold)
        pred = sorted(predicted)
        gs, ps = [s for s, _ in gold], [s for s, _ in pred]
        self.n_p += len(pred)
        self.n_g += len(gold)
        self.tp_p += sum(overlaps(p, gold, gs) for p in pred)
        self.tp_g += sum(overlaps(g, pred, ps) for g in gold)

    def line(self, name: str) -> str:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{name:8s} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (pred {self.n_p}, gold {self.n_g})"


def agreement(folder: Path) -> None:
    """Every later annotator of an article against its first, as if it were a system."""
    by_article: dict[str, list[Path]] = {}
    for p in sorted((folder / "attributions").glob("*.ann")):
        by_article.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    several = {k: v for k, v in by_article.items() if len(v) > 1}
    cue, source = Score(), Score()
    for files in several.values():
        first = read_ann(files[0])
        for other in map(read_ann, files[1:]):
            cue.add(other.get("Cue", []), first.get("Cue", []))
            source.add(other.get("Source", []), first.get("Source", []))
    pairs_n = sum(len(v) - 1 for v in several.values())
    print(f"PolNeAR annotator agreement: {len(several)} articles, {pairs_n} annotator pairs")
    print(cue.line("cue"))
    print(source.line("source"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--every", type=int, default=1, help="score every K-th article (subset)")
    ap.add_argument("--split", default="all", choices=list(SPLITS))
    ap.add_argument("--rules-only", action="store_true", help="switch the trained tagger off")
    ap.add_argument("--veto", type=float, default=None, help="override the tagger's veto margin")
    ap.add_argument(
        "--model", default=None, help="another weights file (scripts/train_attribution.py)"
    )
    ap.add_argument("--agreement", action="store_true", help="annotators against the first")
    args = ap.parse_args(argv)
    if args.agreement:
        agreement(Path(args.folder))
        return
    attribution_model.PATH = args.model
    settings.USE_MODEL = not args.rules_only
    if args.veto is not None:
        settings.VETO = args.veto
    items = [
        (t, a)
        for t, a in pairs(Path(args.folder))
        if zlib.crc32(t.stem.encode()) % 5 in SPLITS[args.split]
    ][:: args.every]
    if args.limit:
        items = items[: args.limit]
    cue, source = Score(), Score()
    words = 0
    elapsed = 0.0
    for text_path, ann_path in items:
        doc = load(os.fspath(text_path))
        words += len(doc.text.split())
        t0 = time.process_time()
        found = attributions(doc)
        elapsed += time.process_time() - t0
        gold = read_ann(ann_path)
        cue.add([a.cue for a in found if a.cue], gold.get("Cue", []))
        source.add(
            [a.source for a in found if a.source and not a.continued], gold.get("Source", [])
        )
    print(f"PolNeAR attribution, split {args.split}, {len(items)} articles, {words} words")
    print(cue.line("cue"))
    print(source.line("source"))
    print(
        f"speed    {words / elapsed:,.0f} words/s "
        "(extractor CPU time, one process, cold start; document model excluded)"
    )


if __name__ == "__main__":
    main()
