"""Plain-text drafts: paragraphs are separated by blank lines.

A paragraph of one short line that does not end a sentence (a headline, a byline, a
dateline, a subheading) is a heading, as ``#`` makes one in Markdown. The prose text
*is* the source, so the offset map is the identity. A line that
holds only a suppression comment (``<!-- newslint-disable RULE -->``) is a
directive, not prose, exactly as in Markdown and HTML.
"""

from __future__ import annotations

import re

from newslint.document import Block, Document, OffsetMap, Suppressions
from newslint.readers import apply_directive, close_directives

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_COMMENT_LINE = re.compile(r"^\s*<!--(.*?)-->\s*$")


def read(source: str, path: str) -> Document:
    blocks: list[Block] = []
    sup = Suppressions()
    pending: dict = {}
    block_start = -1
    block_end = 0
    pos = 0
    lineno = 0
    for m in _LINE.finditer(source):
        line = m.group()
        if not line:
            break
        lineno += 1
        body = line.rstrip("\r\n")
        directive = _COMMENT_LINE.match(body)
        if directive and apply_directive(directive.group(1), lineno, pending, sup):
            body = ""
        if body.strip():
            if block_start < 0:
                block_start = pos + (len(body) - len(body.lstrip()))
            block_end = pos + len(body.rstrip())
        elif block_start >= 0:
            blocks.append(_block(source, block_start, block_end))
            block_start = -1
        pos = m.end()
    if block_start >= 0:
        blocks.append(_block(source, block_start, block_end))
    close_directives(pending, sup)
    return Document(
        path=path,
        source=source,
        text=source,
        fmt="text",
        blocks=blocks,
        offset_map=OffsetMap.identity(len(source)),
        suppressions=sup,
    )


# What ends a sentence, before any closing quotation marks or brackets.
_SENTENCE_END = ".!?:;,…"
_CLOSERS = "\"'”’»)]"
_HEADING_WORDS = 20


def _block(source: str, start: int, end: int) -> Block:
    """A paragraph, or a heading: one line of at most 20 words that ends no sentence."""
    text = source[start:end]
    if "\n" in text or "\r" in text or len(text.split()) > _HEADING_WORDS:
        return Block(start, end)
    last = text.rstrip(_CLOSERS)[-1:]
    if not last or last in _SENTENCE_END:
        return Block(start, end)
    return Block(start, end, "heading")
