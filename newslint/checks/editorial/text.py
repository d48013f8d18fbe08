"""What the editorial rules share: where they look, sentence starts, datelines."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.document import Block, Document, per_document

# Blocks that hold running prose; an image's alt text or a table cell is not edited copy.
PROSE = ("paragraph", "item", "title", "heading")

# A dateline opening a story: "BEDFORD, N.H. (AP) — ", "NEW YORK (AP) -- ",
# "WASHINGTON — ". Its place name follows dateline style, not body style.
_DATELINE = regex.compile(
    r"(?:[A-Z][A-Z.'’\- ]{1,40}[A-Z.])"  # the city, in capitals
    r"(?:,\s*[A-Z][\w.'’ ]{0,30}?)?"  # a state or country
    r"\s*(?:\([^()\n]{1,40}\)\s*)?"  # (AP), (Reuters)
    r"(?:—|–|--|-)"
)


def blocks(doc: Document, headings: bool = True) -> Iterator[Block]:
    """The prose blocks a rule reads (headings, and a plain-text story's headline, too
    unless ``headings`` is False)."""
    for block in doc.blocks:
        if block.kind not in PROSE:
            continue
        if not headings and heading_like(doc, block):
            continue
        yield block


def matches(
    pattern: regex.Pattern, doc: Document, *, quotes: bool = True, headings: bool = True
) -> Iterator[regex.Match]:
    """Matches of ``pattern`` inside prose blocks; inside quoted speech only when
    ``quotes`` is True, inside headings only when ``headings`` is True."""
    text = doc.text
    for block in blocks(doc, headings):
        for m in pattern.finditer(text, block.start, block.end):
            if m.end() <= m.start():
                continue
            if not quotes and doc.in_quote(m.start()):
                continue
            yield m


@per_document
def sentence_starts(doc: Document) -> frozenset[int]:
    """The offset of each sentence's first word (past opening quotation marks and
    brackets)."""
    text = doc.text
    out = set()
    for start, end in doc.sentences:
        i = start
        while i < end and (text[i].isspace() or text[i] in "\"'“‘([—–-*_"):
            i += 1
        out.add(i)
    return frozenset(out)


def starts_sentence(doc: Document, pos: int) -> bool:
    return pos in sentence_starts(doc)


@per_document
def datelines(doc: Document) -> tuple[tuple[int, int], ...]:
    """Spans of datelines: capitals, an optional state, an optional agency, a dash, at
    the start of one of the first blocks."""
    out = []
    for block in doc.blocks[:4]:
        m = _DATELINE.match(doc.text, block.start, block.end)
        if m:
            out.append((m.start(), m.end()))
    return tuple(out)


def in_dateline(doc: Document, pos: int) -> bool:
    return any(s <= pos < e for s, e in datelines(doc))


def heading_like(doc: Document, block: Block) -> bool:
    """A heading block, or the first block of a story when it is one short line and more
    follows (the headline of a story saved as plain text)."""
    if block.kind in ("heading", "title"):
        return True
    if len(doc.blocks) < 2 or block != doc.blocks[0]:
        return False
    line = doc.text[block.start : block.end].strip()
    return "\n" not in line and len(line) < 100


def cased_like(model: str, word: str) -> str:
    """``word`` with the case of ``model``'s first letter."""
    if model[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word
