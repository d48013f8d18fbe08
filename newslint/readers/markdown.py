"""Markdown drafts, parsed with markdown-it-py (CommonMark plus tables).

Checked: paragraphs, headings, list items, block quotes, table cells, link text
and image alt text. Skipped: code blocks and spans, front matter, HTML, URLs and
link targets. markdown-it reports block lines, not inline columns, so each
inline run is placed by walking its source lines with a cursor, once, here.

Nesting: markdown-it parses nested block quotes and lists recursively and, past its
``maxNesting``, silently drops what is deeper. Block quotes deeper than
``MAX_QUOTE_DEPTH`` on one line are read as that deep (for a linter a quote in a
quote is a quote); lists and quotes together may nest ``MAX_NESTING`` levels (a
list level counts two); a draft nested deeper still is an input error, never a
silent skip.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from markdown_it import MarkdownIt

from newslint.document import Document, Suppressions, TextBuilder
from newslint.readers import InputError, apply_directive, close_directives

MAX_QUOTE_DEPTH = 50  # block-quote markers read on one line; more read as this many
MAX_NESTING = 1000  # markdown-it's nesting levels (a quote is one, a list item two)
# Python frames markdown-it may need per nesting level, with room to spare.
_FRAMES_PER_LEVEL = 4

_LINE = re.compile(r"[^\r\n]*(\r\n|\n|\r|$)")
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*(\r?\n|\Z)", re.S | re.M)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# A run of block-quote markers deeper than MAX_QUOTE_DEPTH at the start of a line.
_PREFIX = re.compile(r"^[ \t>*+\-.)0-9]+", re.M)
_DEEP_QUOTES = re.compile(rf"^([ \t]*(?:>[ \t]?){{{MAX_QUOTE_DEPTH}}})(?:>[ \t]?)+", re.M)

_parser: MarkdownIt | None = None


def _md() -> MarkdownIt:
    global _parser
    if _parser is None:
        # text_join off: entities and escapes stay separate tokens with their markup.
        _parser = (
            MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
            .enable(["table", "strikethrough"])
            .disable("text_join")
        )
        # markdown-it skips a block nested past maxNesting without a word: note it.
        tokenize = _parser.block.tokenize

        def guarded(state, start_line, end_line, *args, **kwargs):
            if state.level >= MAX_NESTING and start_line < end_line:
                state.env["too_deep"] = True
            return tokenize(state, start_line, end_line, *args, **kwargs)

        _parser.block.tokenize = guarded
    return _parser


def _parse(masked: str) -> list:
    """markdown-it's tokens, with stack room for deep nesting; InputError past MAX_NESTING."""
    env: dict = {}
    # Each nesting level opens on a line's prefix of markers and indentation (a list item
    # "- " or "1. ", a quote ">"), so no draft nests deeper than its longest such prefix.
    levels = min(max(map(len, _PREFIX.findall(masked)), default=0), MAX_NESTING)
    limit = sys.getrecursionlimit()
    wanted = _stack_depth() + _FRAMES_PER_LEVEL * levels + 200
    if wanted > limit:
        sys.setrecursionlimit(wanted)
    try:
        tokens = _md().parse(masked, env)
    except RecursionError:
        env["too_deep"] = True
        tokens = []
    finally:
        if wanted > limit:
            sys.setrecursionlimit(limit)
    if env.get("too_deep"):
        raise InputError(
            f"nested too deeply to read: more than {MAX_NESTING // 2} levels of lists "
            "and block quotes"
        )
    return tokens


def _stack_depth() -> int:
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    return depth


class _Lines:
    """Source line offsets, with a cursor per line for sequential placement."""

    def __init__(self, source: str):
        self.source = source
        self.starts: list[int] = []
        self.ends: list[int] = []  # end of line content, before its line break
        for m in _LINE.finditer(source):
            if m.start() == len(source) and self.starts:
                break
            self.starts.append(m.start())
            self.ends.append(m.start(1))
        self.cursor = list(self.starts)

    def place(self, index: int, content: str) -> int:
        """Source offset of ``content`` on line ``index``, at or after its cursor."""
        if index >= len(self.starts):
            return len(self.source)
        start, end = self.cursor[index], self.ends[index]
        found = self.source.find(content, start, end) if content else -1
        if found < 0 and content.strip():
            found = self.source.find(content.strip(), start, end)
        if found < 0:
            # Tabs expanded by the parser, or an edge we do not know: point at the text.
            line = self.source[start:end]
            found = start + (len(line) - len(line.lstrip()))
        else:
            self.cursor[index] = found + len(content)
        return found

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


class _Inline:
    """Maps offsets in an inline token's content to source offsets."""

    def __init__(self, content: str, first_line: int, lines: _Lines):
        self.content = content
        self.content_starts: list[int] = []
        self.source_starts: list[int] = []
        pos = 0
        for k, part in enumerate(content.split("\n")):
            self.content_starts.append(pos)
            self.source_starts.append(lines.place(first_line + k, part))
            pos += len(part) + 1

    def source(self, c: int) -> int:
        k = bisect_right(self.content_starts, c) - 1
        return self.source_starts[k] + (c - self.content_starts[k])


def read(source: str, path: str) -> Document:
    masked = _DEEP_QUOTES.sub(r"\1", _mask_front_matter(source))
    lines = _Lines(source)
    b = TextBuilder()
    sup = Suppressions()
    pending: dict = {}
    blockquote = 0
    kind = "paragraph"
    for tok in _parse(masked):
        t = tok.type
        if t == "blockquote_open":
            blockquote += 1
        elif t == "blockquote_close":
            blockquote -= 1
        elif t == "heading_open":
            kind = "heading"
        elif t == "list_item_open":
            kind = "item"
        elif t in ("th_open", "td_open"):
            kind = "cell"
        elif t in ("heading_close", "list_item_close", "th_close", "td_close"):
            kind = "paragraph"
        elif t == "html_block" and tok.map:
            _directives(tok.content, tok.map[0], pending, sup)
        elif t == "inline":
            row = tok.map[0] if tok.map else 0
            start = b.length
            _inline(tok, _Inline(tok.content, row, lines), b, lines, pending, sup)
            b.block(start, kind, blockquote > 0)
            b.separate(_block_end(lines, tok))
    close_directives(pending, sup)
    return b.build(path, source, "markdown", sup)


def _block_end(lines: _Lines, tok) -> int:
    if tok.map:
        return lines.ends[min(tok.map[1], len(lines.ends)) - 1]
    return 0


def _inline(tok, where: _Inline, b: TextBuilder, lines, pending, sup) -> None:
    content = where.content
    c = 0
    children = tok.children or []
    skip_until_close = False
    # A code span between two spaces leaves both: the text after it drops its first one,
    # so "stop. `cmd` then" reads "stop. then", not "stop.  then".
    drop_space = False
    for child in children:
        ct = child.type
        after_code, drop_space = drop_space, False
        if skip_until_close:
            if ct == "link_close":
                skip_until_close = False
                c = _advance(content, child.markup or ">", c)
            elif child.content:
                c = _advance(content, child.content, c)
            continue
        if ct == "text":
            idx = content.find(child.content, c)
            if idx < 0:
                idx = c
            skip = 1 if after_code and child.content[:1] == " " else 0
            _emit(child.content[skip:], idx + skip, where, b)
            c = idx + len(child.content)
        elif ct == "text_special":
            idx = content.find(child.markup, c)
            if idx < 0:
                idx = c
            s = where.source(idx)
            b.replace(child.content, s, s + len(child.markup))
            c = idx + len(child.markup)
        elif ct in ("softbreak", "hardbreak"):
            nl = content.find("\n", c)
            if nl >= 0:
                s = where.source(nl)
                b.replace("\n", s, s)
                c = nl + 1
        elif ct == "code_inline":
            start = content.find(child.content, c) - len(child.markup)
            c = _advance(content, child.content, c)
            after = c + len(child.markup)
            before_ch = content[start - 1 : start] if start > 0 else " "
            after_ch = content[after : after + 1] or " "
            if not (before_ch.isspace() or after_ch.isspace()):
                s = where.source(max(c - 1, 0))
                b.replace(" ", s, s)  # keeps the words either side apart: a`b`c
            drop_space = before_ch == " " and after_ch == " "
        elif ct == "html_inline":
            idx = content.find(child.content, c)
            if idx >= 0:
                m = _COMMENT.fullmatch(child.content)
                if m:
                    line = lines.line_of(where.source(idx + len(child.content) - 1)) + 1
                    apply_directive(m.group(1), line, pending, sup)
                c = idx + len(child.content)
        elif ct == "link_open" and child.markup == "autolink":
            skip_until_close = True
        elif ct == "link_close":
            c = _skip_link_target(content, c)
        elif ct == "image":
            idx = content.find("![", c)
            if idx >= 0 and child.content:
                alt = content.find(child.content, idx + 2)
                if alt >= 0:
                    _emit(child.content, alt, where, b)
                    c = alt + len(child.content)
            c = _skip_link_target(content, c)


def _emit(text: str, idx: int, where: _Inline, b: TextBuilder) -> None:
    # A text run never spans a content line break (softbreaks are tokens of their own).
    b.add(text, where.source(idx))


def _advance(content: str, part: str, c: int) -> int:
    idx = content.find(part, c)
    return idx + len(part) if idx >= 0 else c


def _skip_link_target(content: str, c: int) -> int:
    """Move the cursor past ``](target "title")`` or ``][ref]`` after link text."""
    if c < len(content) and content[c] == "]":
        c += 1
        if c < len(content) and content[c] in "([":
            close = ")" if content[c] == "(" else "]"
            depth = 0
            i = c
            while i < len(content):
                ch = content[i]
                if ch == "\\":
                    i += 2
                    continue
                if ch == content[c]:
                    depth += 1
                elif ch == close:
                    depth -= 1
                    if depth == 0:
                        return i + 1
                i += 1
    return c


def _directives(html: str, first_line: int, pending, sup) -> None:
    for m in _COMMENT.finditer(html):
        line = first_line + html.count("\n", 0, m.end()) + 1
        apply_directive(m.group(1), line, pending, sup)


def _mask_front_matter(source: str) -> str:
    """Blank out YAML/TOML front matter, keeping every offset and line in place."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return source
    blank = re.sub(r"[^\r\n]", " ", m.group())
    return blank + source[m.end() :]
