"""The document model: source text -> plain prose text + offset map + scopes.

Readers (``newslint.readers``) strip markup and hand over a :class:`TextBuilder`;
rules only ever see ``Document.text`` and report offsets into it. Positions in the
source file are computed once, here, from the offset map the reader built; nothing
searches the source again for a matched string.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

_T = TypeVar("_T")

# Line ends: CRLF, LF and a lone CR all end a line.
_LINE_END = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of prose in ``Document.text``: a paragraph, heading, list item or cell."""

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | item | cell | alt | title
    blockquote: bool = False


class TextBuilder:
    """Collects prose text while remembering where each character came from.

    The map is run-length encoded: an *identity* run maps text offsets one to one
    onto a source range; a *replacement* run (an HTML entity, a separator the
    reader inserted) maps every character it holds onto one source range.
    """

    __slots__ = ("_parts", "_length", "_t", "_s", "_e", "_identity", "blocks")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._t: list[int] = []  # text offset where each run starts
        self._s: list[int] = []  # source offset where each run starts
        self._e: list[int] = []  # source offset where each run ends
        self._identity: list[bool] = []
        self.blocks: list[Block] = []

    @property
    def length(self) -> int:
        return self._length

    def add(self, text: str, source_start: int) -> None:
        """Append ``text``, which stands verbatim in the source at ``source_start``."""
        if not text:
            return
        self._run(text, source_start, source_start + len(text), True)

    def replace(self, text: str, source_start: int, source_end: int) -> None:
        """Append ``text`` standing for the source range (an entity, an escape)."""
        if not text:
            return
        self._run(text, source_start, source_end, False)

    def separate(self, source_at: int, text: str = "\n\n") -> None:
        """Insert a block separator that has no source of its own."""
        if self._length and not self._parts[-1].endswith("\n\n"):
            self._run(text, source_at, source_at, False)

    def _run(self, text: str, start: int, end: int, identity: bool) -> None:
        # Merge an identity run that continues the previous one.
        if (
            identity
            and self._identity
            and self._identity[-1]
            and self._e[-1] == start
            and self._t[-1] + (self._e[-1] - self._s[-1]) == self._length
        ):
            self._e[-1] = end
        else:
            self._t.append(self._length)
            self._s.append(start)
            self._e.append(end)
            self._identity.append(identity)
        self._parts.append(text)
        self._length += len(text)

    def block(self, start: int, kind: str = "paragraph", blockquote: bool = False) -> None:
        """Record that text from ``start`` to the current end is one block."""
        if self._length > start:
            self.blocks.append(Block(start, self._length, kind, blockquote))

    def build(self, path: str, source: str, fmt: str, suppressions=None) -> Document:
        text = "".join(self._parts)
        return Document(
            path=path,
            source=source,
            text=text,
            fmt=fmt,
            blocks=_trimmed(text, self.blocks),
            offset_map=OffsetMap(self._t, self._s, self._e, self._identity),
            suppressions=suppressions or Suppressions(),
        )


def word_spans(low: str, words) -> list[tuple[int, int]]:
    """``(start, end)`` of every whole-word occurrence of each of ``words`` (lower case)
    in the lower-cased text ``low``, in the order of ``words``, then of the text.

    ``str.find`` per word and a ``\\b``-style test at each hit: much faster than one
    alternation of all the words, which a regex engine tries at every position.
    """
    out: list[tuple[int, int]] = []
    n = len(low)
    for word in words:
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if not (i and _word_char(low[i - 1])) and not (j < n and _word_char(low[j])):
                out.append((i, j))
            i = low.find(word, j)
    return out


def _word_char(c: str) -> bool:
    """What ``\\b`` counts as a word character."""
    return c.isalnum() or c == "_"


def _trimmed(text: str, blocks: list[Block]) -> list[Block]:
    """Blocks without leading or trailing white space; empty ones dropped."""
    out = []
    for b in blocks:
        start, end = b.start, b.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(
                b if (start, end) == (b.start, b.end) else Block(start, end, b.kind, b.blockquote)
            )
    return out


class OffsetMap:
    """Maps offsets in the prose text back to offsets in the source."""

    __slots__ = ("_t", "_s", "_e", "_identity")

    def __init__(self, t: list[int], s: list[int], e: list[int], identity: list[bool]):
        self._t, self._s, self._e, self._identity = t, s, e, identity

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], [length], [True])

    def _run_of(self, i: int) -> int:
        return max(bisect_right(self._t, i) - 1, 0)

    def start(self, i: int) -> int:
        """Source offset where text character ``i`` starts."""
        if not self._t:
            return 0
        k = self._run_of(i)
        if self._identity[k]:
            return min(self._s[k] + (i - self._t[k]), self._e[k])
        return self._s[k]

    def end(self, j: int) -> int:
        """Source offset where the text range ending (exclusive) at ``j`` ends."""
        if not self._t:
            return 0
        if j <= 0:
            return self.start(0)
        k = self._run_of(j - 1)
        if self._identity[k]:
            return min(self._s[k] + (j - self._t[k]), self._e[k])
        return self._e[k]


@dataclass
class Suppressions:
    """Rules switched off on source lines, from ``newslint-disable`` comments."""

    # (first_line, last_line or None for 'to the end', rule prefix or "" for all)
    ranges: list[tuple[int, int | None, str]] = field(default_factory=list)

    def add(self, first: int, last: int | None, rule: str) -> None:
        self.ranges.append((first, last, rule))

    def suppressed(self, rule: str, line: int) -> bool:
        for first, last, prefix in self.ranges:
            if first <= line and (last is None or line <= last):
                if not prefix or rule == prefix or rule.startswith(prefix + "."):
                    return True
        return False


class Document:
    """One checked file: its source, its prose text and the scopes rules use.

    ``text`` holds the prose only (markup removed, blocks separated by a blank
    line). Rules report ``(start, end)`` offsets into ``text``; :meth:`locate`
    turns them into 1-based source lines and code-point columns.
    """

    def __init__(
        self,
        path: str,
        source: str,
        text: str,
        fmt: str,
        blocks: list[Block],
        offset_map: OffsetMap,
        suppressions: Suppressions,
    ) -> None:
        self.path = path
        self.source = source
        self.text = text
        self.fmt = fmt
        self.blocks = blocks
        self.offset_map = offset_map
        self.suppressions = suppressions
        # Work shared between rules on this document (the attribution analysis, a word
        # index): see memo() and per_document().
        self.cache: dict = {}

    def memo(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """The value ``build()`` gives, computed once per document under ``key``."""
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = build()
            return value

    # -- positions -----------------------------------------------------------------

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in _LINE_END.finditer(self.source))
        return starts

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of a source offset."""
        starts = self._line_starts
        k = bisect_right(starts, source_offset) - 1
        # An offset sitting on a line end belongs to the line it ends.
        return k + 1, source_offset - starts[k] + 1

    def locate(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Source ``(line, column, end_line, end_column)`` of text range ``[start, end)``."""
        s = self.offset_map.start(start)
        e = self.offset_map.end(end) if end > start else s
        line, col = self.line_col(s)
        end_line, end_col = self.line_col(e)
        if end_line > line and end_col == 1 and e > s:
            # A span ending exactly at a line break ends on its own line.
            line_text_end = self._line_end_offset(end_line - 2)
            end_line, end_col = end_line - 1, line_text_end - self._line_starts[end_line - 2] + 1
        return line, col, end_line, end_col

    def _line_end_offset(self, index: int) -> int:
        starts = self._line_starts
        if index + 1 < len(starts):
            m = _LINE_END.search(self.source, starts[index], starts[index + 1])
            return m.start() if m else starts[index + 1]
        return len(self.source)

    # -- scopes --------------------------------------------------------------------

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans ``(start, end)`` in ``text``, never crossing a block."""
        from newslint.sentences import split_sentences

        spans: list[tuple[int, int]] = []
        for block in self.blocks:
            spans.extend(split_sentences(self.text, block.start, block.end))
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> int:
        """Index into :attr:`sentences` of the sentence holding ``pos`` (or the one before)."""
        return max(bisect_right(self._sentence_starts, pos) - 1, 0)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Quotation spans ``(start, end)``, quotation marks included."""
        from newslint.sentences import find_quotes

        spans: list[tuple[int, int]] = []
        for block in self.blocks:
            spans.extend(find_quotes(self.text, block.start, block.end))
        return spans

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    def quote_in(self, start: int, end: int) -> bool:
        """True when a quotation starts in ``[start, end)``."""
        k = bisect_left(self._quote_starts, start)
        return k < len(self.quotes) and self.quotes[k][0] < end

    def in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside quoted speech."""
        k = bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and pos < self.quotes[k][1]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, pos: int) -> Block | None:
        """The block holding ``pos``, or None between blocks."""
        k = self.block_index(pos)
        return self.blocks[k] if k is not None else None

    def block_index(self, pos: int) -> int | None:
        """Index into :attr:`blocks` of the block holding ``pos``, or None."""
        k = bisect_right(self._block_starts, pos) - 1
        if k >= 0 and pos < self.blocks[k].end:
            return k
        return None


def per_document(fn: Callable[[Document], _T]) -> Callable[[Document], _T]:
    """A per-document analysis (``fn(doc)``), computed once per document and shared by
    every rule that asks for it."""
    key = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(doc: Document) -> _T:
        return doc.memo(key, lambda: fn(doc))

    return wrapper
