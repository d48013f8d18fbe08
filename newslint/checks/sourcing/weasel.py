"""style.weasel: unsupported generalisations and unsourced hedges.

Two tiers, because news and encyclopedic prose use the same words differently:

- **Weasel phrases** ("is widely considered", "many believe", "regarded by many") claim
  the weight of a crowd without naming anyone. They are flagged wherever they stand.
- **Hedges and vague quantifiers** ("some", "several", "perhaps", "might", "is seen as",
  "one of the most", "well-known") are ordinary news words when a source carries them
  ("the economy may slow, analysts said"; "some banks will close, the minister said").
  They are flagged only when neither the sentence nor a neighbouring sentence of its
  paragraph carries an attribution to an identifiable source, and at most once per
  sentence: the reporter is then asserting the hedge on nobody's authority.

Quoted speech is never flagged, nor is the legal "alleged"/"allegedly".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from newslint.checks.sourcing.context import source_nearby, sourced_contents
from newslint.checks.sourcing.vague import vague_attributions
from newslint.checks.sourcing.weasel_words import (
    HEDGES,
    PHRASES,
    TRIGGER_HEDGES_RE,
    TRIGGER_PHRASES_RE,
    TRIGGERS_HEDGES,
    TRIGGERS_PHRASES,
)
from newslint.document import Document, word_spans
from newslint.finding import Hit
from newslint.windows import local


@local
def weasel(doc: Document, options: dict) -> Iterator[Hit]:
    """style.weasel: an unsupported generalisation or an unsourced hedge."""
    yield from weasel_hits(doc, [span for _a, span in vague_attributions(doc)])


def _sentences_with(doc: Document, words: list[str], pattern: re.Pattern) -> set[int] | None:
    """Indexes of sentences holding one of ``words`` (as a whole word) or ``pattern``.

    None when the lower-cased text does not keep the text's offsets (a few non-ASCII
    capitals lower to two characters): the caller then tries every sentence.
    """
    text = doc.text
    low = text.lower()
    if len(low) != len(text):
        return None
    out = {doc.sentence_at(i) for i, _j in word_spans(low, words)}
    for m in pattern.finditer(text):
        out.add(doc.sentence_at(m.start()))
    return out


def _running_max(values: list[int]) -> list[int]:
    out, best = [], -1
    for v in values:
        best = max(best, v)
        out.append(best)
    return out


def weasel_hits(doc: Document, taken: list[tuple[int, int]]) -> Iterator[Hit]:
    """Weasel phrases anywhere, unsourced hedges once per sentence; ``taken``: vague spans."""
    text = doc.text
    busy = {doc.sentence_at(s) for s, _e in taken}
    taken = sorted(taken)
    taken_ends = _running_max([e for _s, e in taken])
    taken_starts = [s for s, _e in taken]

    def overlaps_taken(a: int, b: int) -> bool:
        # The spans starting before b, and of those the furthest end: log time per match.
        k = bisect_left(taken_starts, b)
        return k > 0 and taken_ends[k - 1] > a

    reported = sourced_contents(doc)
    may_phrase = _sentences_with(doc, TRIGGERS_PHRASES, TRIGGER_PHRASES_RE)
    may_hedge = _sentences_with(doc, TRIGGERS_HEDGES, TRIGGER_HEDGES_RE)
    for block in doc.blocks:
        if block.kind == "heading":
            continue
        for k in range(doc.sentence_at(block.start), len(doc.sentences)):
            s, e = doc.sentences[k]
            if s >= block.end:
                break
            if e <= block.start:
                continue
            found = False
            phrases = PHRASES.finditer(text, s, e) if may_phrase is None or k in may_phrase else ()
            for m in phrases:
                a, b = m.start(), m.end()
                if doc.in_quote(a) or overlaps_taken(a, b) or a in reported:
                    continue  # quoted, a vague source already, or a source's own claim
                found = True
                yield Hit(a, b, f"Weasel words '{m.group()}': say who holds this view.")
            if found or k in busy or (may_hedge is not None and k not in may_hedge):
                continue
            if source_nearby(doc, k):
                continue
            for m in HEDGES.finditer(text, s, e):
                if doc.in_quote(m.start()):
                    continue
                word = m.group()
                yield Hit(
                    m.start(),
                    m.end(),
                    f"Unsourced hedge '{word}': say who says so, or state what is known.",
                )
                break
