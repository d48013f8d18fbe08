"""What the attribution extractor adds to a default ``newslint check`` (issue 10: <= 30%).

    python bench/attribution_cost.py [../shared/data/news/bbc] [--every K]

Runs every default rule over the folder's articles in one process, as a ``--jobs 1``
check does (no cache), and measures the CPU time spent inside the extractor
(``Extractor.run``, which every sourcing rule and the source audit share)
against the CPU time of everything else. The extractor's model loads and its memo
warms inside the measured run, as in a real first run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newslint import check_text  # noqa: E402
from newslint.attribution.extractor import Extractor  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "bbc"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--every", type=int, default=1, help="every K-th article (a subset)")
    args = ap.parse_args(argv)
    files = sorted(Path(args.folder).glob("*/*.txt"))[:: args.every]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    inside = [0.0]
    run = Extractor.run

    def timed(self):  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        try:
            return run(self)
        finally:
            inside[0] += time.process_time() - t0

    Extractor.run = timed  # type: ignore[method-assign]
    start = time.process_time()
    for text in texts:
        check_text(text, path="story.txt")
    total = time.process_time() - start
    rest = total - inside[0]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words; default rules, one process, CPU time")
    print(f"everything but the extractor {rest:.2f} s, extractor {inside[0]:.2f} s")
    print(f"the extractor adds {inside[0] / rest:.1%} to the rest   target <= 30%")


if __name__ == "__main__":
    main()
