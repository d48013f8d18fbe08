"""Long documents read in bounded windows.

A news story is a few thousand words; a transcript, a liveblog or an archive exported as
one file can be millions. Rules whose context is local (a sentence and the few around
it: sourcing, weasel words, typography, proselint) run on windows of the document, each
a sub-document of its own with a slice of the text: their per-document work (tokens,
the attribution analysis) is then held for one window at a time, and memory grows with
the window, not the file. Each window carries a margin of paragraphs on either side for
context, and reports only what falls in its core, so a finding is reported once and
sees the paragraphs around it as it would in the whole document.

Rules that read the whole story (a name spelled two ways, an abbreviation defined
earlier, one spelling per story) run on the whole document, as before.

Documents shorter than :data:`WINDOW_CHARS` are never split: every news story is read
whole, exactly as without windows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from newslint.document import Block, Document, OffsetMap, Suppressions
from newslint.sentences import split_sentences

# Characters of prose in a window's core (about 25,000 words).
WINDOW_CHARS = 150_000
# Paragraphs of context on either side of a core.
CONTEXT_BLOCKS = 4

_Check = TypeVar("_Check", bound=Callable)


def local(check: _Check) -> _Check:
    """Mark a code rule's check as one that reads only a sentence and the paragraphs
    around it (an attribution, a quotation's speaker, a weasel phrase): on a long
    document it is given one window at a time. Unmarked checks read the whole story."""
    check.local = True  # type: ignore[attr-defined]
    return check


@dataclass(frozen=True)
class Window:
    """One window: where its text starts and ends in the whole document's text, the
    blocks it holds, and the part of the text whose findings it reports (its core)."""

    offset: int
    end: int
    blocks: tuple[Block, ...]
    core: tuple[int, int]
    words: int  # in the core: what a progress bar counts

    def document(self, doc: Document) -> Document:
        """The window as a document of its own, holding ``doc.text[offset:end]``: rules
        report offsets into it, which the caller moves by ``offset``. Built when it is
        read, so a long document never holds all its windows at once."""
        text = doc.text[self.offset : self.end]
        at = self.offset
        return Document(
            path=doc.path,
            source=text,
            text=text,
            fmt=doc.fmt,
            blocks=[Block(b.start - at, b.end - at, b.kind, b.blockquote) for b in self.blocks],
            offset_map=OffsetMap.identity(len(text)),
            suppressions=Suppressions(),
        )


def windows(doc: Document, size: int = WINDOW_CHARS) -> list[Window] | None:
    """The windows of a long document, in order; None when it is short enough to read
    whole (every news story)."""
    if len(doc.text) <= size:
        return None
    blocks = list(_pieces(doc, size))
    cores = list(_cores(blocks, size))
    if len(cores) < 2:
        return None
    out = []
    for first, last in cores:
        lo = max(first - CONTEXT_BLOCKS, 0)
        hi = min(last + CONTEXT_BLOCKS, len(blocks))
        core = (blocks[first].start, blocks[last - 1].end)
        words = len(doc.text[core[0] : core[1]].split())
        out.append(Window(blocks[lo].start, blocks[hi - 1].end, tuple(blocks[lo:hi]), core, words))
    return out


def _pieces(doc: Document, size: int) -> Iterator[Block]:
    """The document's blocks, with a block longer than a window (a run-on paragraph, a
    transcript without blank lines) cut at sentence ends into pieces."""
    text = doc.text
    for block in doc.blocks:
        if block.end - block.start <= size:
            yield block
            continue
        start = block.start
        for _s, e in split_sentences(text, block.start, block.end):
            if e - start >= size // 4:
                yield Block(start, e, block.kind, block.blockquote)
                start = e
        if block.end > start:
            yield Block(start, block.end, block.kind, block.blockquote)


def _cores(blocks: list[Block], size: int) -> Iterator[tuple[int, int]]:
    """Runs of consecutive blocks of about ``size`` characters, as index ranges."""
    first = 0
    for i, block in enumerate(blocks):
        if i > first and block.end - blocks[first].start > size:
            yield first, i
            first = i
    yield first, len(blocks)
