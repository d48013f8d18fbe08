"""Score the source audit's `kind` on the hand-labelled sample in tests/data/source_kinds.yml.

    python bench/source_kinds.py [--wrong]

Each expected source is matched to the extracted attribution whose source span overlaps
it most (for a claim with no source: an attribution with no source whose cue overlaps
the expected cue). Prints the share of expected sources matched, the kind accuracy over
the matched ones, and a confusion table (rows: the hand label, columns: the extractor's
kind). ``--wrong`` also lists every wrong or unmatched item. tests/test_source_kinds.py
runs the same scoring and holds the thresholds.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newslint.attribution import KINDS, Attribution, attributions  # noqa: E402
from newslint.readers import parse  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "source_kinds.yml"
Span = tuple[int, int]


@dataclass(frozen=True)
class Outcome:
    """One expected source and what the extractor made of it (``got`` None: unmatched)."""

    text: str
    source: str  # the expected source text, or the cue of a claim with no source
    expected: str
    got: str | None


def find_span(text: str, phrase: str, nth: int = 1) -> Span:
    """The ``nth`` whole-word occurrence of ``phrase`` in ``text``."""
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    found = list(pattern.finditer(text))
    if len(found) < nth:
        raise ValueError(f"{phrase!r} (occurrence {nth}) not in {text!r}")
    m = found[nth - 1]
    return m.start(), m.end()


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(expected: dict, text: str, found: list[Attribution]) -> Attribution | None:
    """The attribution that best overlaps the expected source (or, for none, its cue)."""
    if expected.get("source") is None:
        span = find_span(text, expected["cue"], expected.get("nth", 1))
        pool = [(a.cue, a) for a in found if a.source is None and a.cue]
    else:
        span = find_span(text, expected["source"], expected.get("nth", 1))
        pool = [(a.source, a) for a in found if a.source]
    best = max(pool, key=lambda p: _overlap(span, p[0]), default=None)
    if best is None or _overlap(span, best[0]) == 0:
        return None
    return best[1]


def score(sample: list[dict]) -> list[Outcome]:
    """Run the extractor on every paragraph of the sample and match the expected sources."""
    out = []
    for item in sample:
        text = item["text"]
        found = attributions(parse(text, "t.txt", "text"))
        for exp in item["expect"]:
            got = match(exp, text, found)
            label = exp["source"] if exp.get("source") is not None else exp["cue"]
            out.append(Outcome(text, label, exp["kind"], got.kind if got else None))
    return out


def load_sample(path: Path = SAMPLE) -> list[dict]:
    """The hand-labelled paragraphs."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    """(share of expected sources matched, kind accuracy over the matched ones)."""
    matched = [o for o in outcomes if o.got is not None]
    share = len(matched) / len(outcomes) if outcomes else 0.0
    accuracy = sum(o.got == o.expected for o in matched) / len(matched) if matched else 0.0
    return share, accuracy


def confusion(outcomes: list[Outcome]) -> str:
    """A text table: hand label by row, extractor's kind (or unmatched) by column."""
    cols = [*KINDS, "unmatched"]
    short = {"named-person": "person", "named-organisation": "org"}
    head = ["label \\ got"] + [short.get(c, c) for c in cols]
    rows = [head]
    for kind in KINDS:
        row = [kind]
        for col in cols:
            got = None if col == "unmatched" else col
            row.append(str(sum(o.expected == kind and o.got == got for o in outcomes)))
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    return "\n".join(
        "  ".join(
            cell.rjust(w) if i else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    )


def wrong(outcomes: list[Outcome]) -> list[str]:
    """One line per wrong or unmatched item."""
    return [
        f"{o.expected:>18} -> {o.got or 'unmatched':<18} {o.source!r} in {o.text[:90]!r}"
        for o in outcomes
        if o.got != o.expected
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wrong", action="store_true", help="list wrong and unmatched items")
    args = ap.parse_args()
    outcomes = score(load_sample())
    share, accuracy = rates(outcomes)
    matched = sum(o.got is not None for o in outcomes)
    print(
        f"sources: {len(outcomes)}  matched: {matched} ({share:.3f})  kind accuracy: {accuracy:.3f}"
    )
    print(confusion(outcomes))
    if args.wrong:
        print("\n".join(wrong(outcomes)))


if __name__ == "__main__":
    main()
