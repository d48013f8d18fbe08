"""What the attribution analysis produces: :class:`Attribution` records and the span
helpers its parts share."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

Span = tuple[int, int]
KINDS = ("named-person", "named-organisation", "anonymous", "vague", "pronoun", "none")
# A cue whose source the extractor could not find: benchmarks count the cue; the source
# audit (whose kinds are KINDS, docs/formats.md) leaves it out.
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: offsets into ``doc.text``; ``source`` None when nobody is named."""

    source: Span | None
    cue: Span | None
    content: Span | None
    quote: bool
    kind: str
    # For a pronoun source: the span of the named source it refers to, when clear.
    resolved: Span | None = None
    # True when the content carries no cue of its own and continues an earlier speaker.
    continued: bool = False
    # For a resolved pronoun: the kind of the source it stands for (a pronoun resolved
    # to "a spokesman" is anonymous, to "Jane Doe" named), and the person's gender when
    # the text gives it ("female", "male": an honorific, or "he"/"she" itself).
    resolved_kind: str | None = None
    gender: str | None = None


def runs(flags: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of True as (start, end) token ranges."""
    out = []
    start = -1
    for i, f in enumerate(flags):
        if f and start < 0:
            start = i
        elif not f and start >= 0:
            out.append((start, i))
            start = -1
    if start >= 0:
        out.append((start, len(flags)))
    return out


def overlaps_any(span: Span, spans: list[Span], starts: list[int]) -> bool:
    k = bisect_left(starts, span[1])
    return any(spans[j][0] < span[1] and span[0] < spans[j][1] for j in range(max(k - 3, 0), k))


# Words between a subject and its verb besides auxiliaries: "the ministers all urged",
# "migrants themselves understand".


def runs_of(indices) -> list[tuple[int, int]]:
    """Maximal runs of consecutive indices as ``(start, end)`` ranges."""
    out: list[tuple[int, int]] = []
    for i in indices:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def in_ranges(i: int, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect_right(starts, i) - 1
    return k >= 0 and i < ranges[k][1]
