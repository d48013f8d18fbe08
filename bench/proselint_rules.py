"""What the proselint.* rules cost and find on real news.

    python bench/proselint_rules.py [../shared/data/news/bbc] [--every K] [--rules default|all] [--ignore GROUPS]

Checks every K-th file through ``newslint.check_text`` (what users run): with
all default rules, with no rules (reading only) and with the default proselint
rules only, and prints words per second for each, the proselint rules' own speed
(their time beyond reading) and their findings per rule per 1,000 words. ``--rules all`` also times every proselint rule,
default or not, one at a time.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import newslint  # noqa: E402
from newslint.engine import builtin_rules  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "bbc"


def run(texts: list[tuple[str, str]], repeat: int = 3, **kwargs) -> tuple[float, list]:
    """Best time of ``repeat`` runs over all texts (the machine is shared), and the findings."""
    newslint.check_text(texts[0][1], path=texts[0][0], **kwargs)  # load lazily first
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        findings = []
        for path, text in texts:
            findings.extend(newslint.check_text(text, path=path, **kwargs))
        best = min(best, time.perf_counter() - start)
    return best, findings


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--rules", choices=["default", "all"], default="default")
    ap.add_argument("--ignore", default="", help="rule groups to leave out of both runs")
    args = ap.parse_args()
    files = sorted(Path(args.folder).rglob("*.txt"))[:: args.every]
    texts = [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in files]
    words = sum(len(t.split()) for _, t in texts)
    print(f"{len(texts)} files, {words} words")

    ignore = [g for g in args.ignore.split(",") if g]
    ours_ids = [r.id for r in builtin_rules() if r.id.startswith("proselint.") and r.default]
    everything, _ = run(texts, ignore=ignore)
    parse_only, _ = run(texts, select=[])
    alone, findings = run(texts, select=ours_ids)
    cost = max(alone - parse_only, 1e-9)
    print(f"all default rules:              {words / everything:9.0f} words/s")
    print(f"reading only (no rules):        {words / parse_only:9.0f} words/s")
    print(
        f"default proselint rules alone:  {words / cost:9.0f} words/s "
        f"(their time beyond reading; {cost / everything:.1%} of a default run)"
    )
    ours = [f for f in findings if f.rule.startswith("proselint.")]
    counts = collections.Counter(f.rule for f in ours)
    for rule, n in sorted(counts.items()):
        print(f"  {rule:32s} {n:5d} findings, {1000 * n / words:.2f} per 1,000 words")
    if args.rules == "all":
        for rule in builtin_rules():
            if rule.id.startswith("proselint."):
                secs, found = run(texts, repeat=1, select=[rule.id])
                n = sum(f.rule == rule.id for f in found)
                own = max(secs - parse_only, 1e-9)
                print(f"  alone {rule.id:32s} {words / own:9.0f} words/s  {n:5d} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
