"""What the sourcing rules share about a document: which sentences an attribution
covers, and an index of spans.

Every sourcing rule reads the one attribution analysis of the document
(:func:`newslint.attribution.attributions`); these are views of it, memoised on the
document.
"""

from __future__ import annotations

from bisect import bisect_right

from newslint.attribution import Attribution, attributions
from newslint.document import Document, per_document


@per_document
def attributed_sentences(doc: Document) -> set[int]:
    """Indices of sentences that carry a cue, a source, or part of an attributed content."""
    return sentences_of(doc, attributions(doc))


def sentences_of(doc: Document, found: list[Attribution]) -> set[int]:
    """Indices of sentences that carry a cue, a source, or part of the content of one of
    the attributions ``found``."""
    out: set[int] = set()
    for a in found:
        for span in (a.cue, a.source):
            if span:
                out.add(doc.sentence_at(span[0]))
        if a.content:
            first, last = (
                doc.sentence_at(a.content[0]),
                doc.sentence_at(max(a.content[1] - 1, a.content[0])),
            )
            out.update(range(first, last + 1))
    return out


@per_document
def sourced_sentences(doc: Document) -> set[int]:
    """Sentences that carry an attribution to an identifiable source.

    A cue or source outside quotations whose source is not a vague group; its content
    sentences count too, so a long indirect claim stays attributed to its end.
    """
    out: set[int] = set()
    for a in attributions(doc):
        if not (a.source and a.cue) or a.kind == "vague" or doc.in_quote(a.cue[0]):
            continue
        out.add(doc.sentence_at(a.cue[0]))
        out.add(doc.sentence_at(a.source[0]))
        if a.content:
            first = doc.sentence_at(a.content[0])
            last = doc.sentence_at(max(a.content[1] - 1, a.content[0]))
            out.update(range(first, last + 1))
    return out


def source_nearby(doc: Document, k: int) -> bool:
    """Sentence ``k``, or the sentence before or after it, carries an identifiable source.

    Neighbours count across a paragraph break (news copy often gives each sentence its
    own paragraph, and the same story must read the same however it is paragraphed),
    but not across a heading.
    """
    sourced = sourced_sentences(doc)
    if k in sourced:
        return True
    for j in (k - 1, k + 1):
        if j in sourced and 0 <= j < len(doc.sentences):
            block = doc.block_at(doc.sentences[j][0])
            if block is not None and block.kind != "heading":
                return True
    return False


def sentence_end(doc: Document, pos: int) -> int:
    """Where the text of the sentence holding ``pos`` ends, trailing space left out: its
    last character, read without copying the sentence (a run-on one may be the whole
    document)."""
    s, e = doc.sentences[doc.sentence_at(pos)]
    text = doc.text
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


@per_document
def sourced_contents(doc: Document) -> Spans:
    """The content spans of attributions to an identifiable source: what a named,
    described or pronoun source is reported to have said (its words, not the reporter's)."""
    return Spans(
        a.content
        for a in attributions(doc)
        if a.content and a.source and a.kind not in ("vague", "none", "unknown")
    )


# Words one of which every PHRASES / HEDGES match contains: sentences without any are
# skipped before the (slower) patterns run. Found with str.find, which scans in C.


class Spans:
    """Merged spans, for "is this offset inside any of them?" in log time."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def __contains__(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]
