"""HTML drafts, read with the standard library's HTML parser.

Checked: text nodes, the page title and image alt text. Skipped: script, style,
code, pre, and everything inside a tag. Entities stay mapped to the characters
they were written with, so positions point at the source.
"""

from __future__ import annotations

import html as htmllib
import re
from bisect import bisect_right
from html.parser import HTMLParser

from newslint.document import _LINE_END, Document, Suppressions, TextBuilder
from newslint.readers import apply_directive, close_directives

_SKIP = frozenset({"script", "style", "code", "pre", "noscript", "template", "svg", "math", "kbd"})
_BLOCK = frozenset(
    """
    p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd td th tr table blockquote title
    section article header footer aside nav main figure figcaption caption br hr
    address details summary form fieldset legend option body head html
    """.split()
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


class _Reader(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        # HTMLParser counts lines by "\n" alone; so do we, to turn its positions into offsets.
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        # The document's lines end at CRLF, LF or a lone CR: suppression comments count so.
        self.doc_line_starts = [0] + [m.end() for m in _LINE_END.finditer(source)]
        self.b = TextBuilder()
        self.sup = Suppressions()
        self.pending: dict = {}
        self.skip: list[str] = []
        self.blockquote = 0
        self.kind = "paragraph"
        self.block_start = 0
        self.alts: list[tuple[str, int, int]] = []

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _end_block(self) -> None:
        b = self.b
        b.block(self.block_start, self.kind, self.blockquote > 0)
        b.separate(self._pos())
        # Alt text is a block of its own, after the paragraph it interrupted.
        for text, start, end in self.alts:
            at = b.length
            if end - start == len(text):
                b.add(text, start)
            else:
                b.replace(text, start, end)
            b.block(at, "alt", self.blockquote > 0)
            b.separate(end)
        self.alts.clear()
        self.block_start = b.length

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip.append(tag)
            return
        if tag in _BLOCK:
            self._end_block()
            if tag == "blockquote":
                self.blockquote += 1
            self.kind = "heading" if tag in _HEADINGS else "item" if tag == "li" else "paragraph"
        if tag == "img" and not self.skip:
            self._alt()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._end_block()
        if tag == "img" and not self.skip:
            self._alt()

    def handle_endtag(self, tag):
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            elif tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self._end_block()
            if tag == "blockquote":
                self.blockquote = max(self.blockquote - 1, 0)
            self.kind = "paragraph"

    def _alt(self) -> None:
        raw = self.get_starttag_text() or ""
        m = _ALT.search(raw)
        if not m:
            return
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        value = m.group(group)
        if not value.strip():
            return
        at = self._pos() + m.start(group)
        text = htmllib.unescape(value)
        # The source range of the value; _end_block maps it one to one when no entity shrank it.
        self.alts.append((text, at, at + len(value)))

    def handle_data(self, data):
        if self.skip:
            return
        self.b.add(data, self._pos())

    def handle_entityref(self, name):
        self._ref("&" + name)

    def handle_charref(self, name):
        self._ref("&#" + name)

    def _ref(self, written: str) -> None:
        if self.skip:
            return
        at = self._pos()
        end = at + len(written)
        if self.source.startswith(";", end):
            end += 1
        self.b.replace(htmllib.unescape(self.source[at:end]), at, end)

    def parse_marked_section(self, i, report=1):
        # The standard parser asserts on a malformed "<![" (not CDATA, not a known
        # keyword); a browser skips it like a bogus comment, and so do we.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return len(self.rawdata) if j < 0 else j + 1

    def handle_comment(self, data):
        # The source line where the comment ends ("<!--" + data + "-->").
        end = self._pos() + 4 + len(data)
        line = bisect_right(self.doc_line_starts, end)
        apply_directive(data, line, self.pending, self.sup)


def read(source: str, path: str) -> Document:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    reader._end_block()
    close_directives(reader.pending, reader.sup)
    return reader.b.build(path, source, "html", reader.sup)
