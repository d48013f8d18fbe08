"""Readers: one small module per input format, each returning a Document.

``load(path)`` decodes a file (UTF-8, UTF-8/16 with BOM), picks the reader by
extension and raises :class:`InputError` with a one-line reason on bad input.
"""

from __future__ import annotations

import codecs
import os
import re

from newslint.document import Document, Suppressions

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
# Extensions a folder walk picks up by default.
DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


class InputError(Exception):
    """A file that cannot be read as a draft; the message is one line."""


def format_for(path: str, default: str = "text") -> str:
    return FORMATS.get(os.path.splitext(path)[1].lower(), default)


def sniff(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark a draft starts with (or b"") and its codec."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom, codec
    return b"", "utf-8"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> str:
    """Decode draft bytes: BOM-marked UTF-8/16/32, else strict UTF-8."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {codec.upper()} at byte {exc.start + len(bom)}"
                ) from None
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file (NUL bytes), not a text draft")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}; save the file as UTF-8") from None


def parse(source: str, path: str, fmt: str) -> Document:
    """Build a Document from decoded source text in the given format."""
    if source.startswith("\ufeff"):
        source = source[1:]
    if "\x00" in source:
        raise InputError("contains NUL characters, not a text draft")
    if fmt == "markdown":
        from newslint.readers import markdown

        return markdown.read(source, path)
    if fmt == "html":
        from newslint.readers import html

        return html.read(source, path)
    from newslint.readers import text

    return text.read(source, path)


def read_bytes(path: str) -> bytes:
    """The bytes of a draft, or InputError with a one-line reason."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


def from_bytes(data: bytes, path: str, display: str | None = None) -> Document:
    """Parse a draft's bytes; the format comes from ``path``'s extension."""
    fmt = format_for(path)
    if fmt == "docx":
        from newslint.readers import docx

        return docx.read(data, display or path)
    return parse(decode(data), display or path, fmt)


def load(path: str, display: str | None = None) -> Document:
    """Read and parse one file from disk."""
    return from_bytes(read_bytes(path), path, display)


_DIRECTIVE = re.compile(
    r"^\s*newslint-(disable-next-line|disable|enable)\b\s*([\w.,\s-]*?)\s*$", re.IGNORECASE
)


def apply_directive(comment: str, line: int, pending: dict, sup: Suppressions) -> bool:
    """Record a ``newslint-disable``/``-enable``/``-disable-next-line`` comment.

    ``comment`` is the text inside ``<!-- -->``; ``line`` the 1-based source
    line where the comment ends. ``pending`` holds open disable ranges by rule.
    Returns True when the comment was a directive.
    """
    m = _DIRECTIVE.match(comment)
    if not m:
        return False
    verb = m.group(1).lower()
    rules = [r for r in re.split(r"[\s,]+", m.group(2)) if r] or [""]
    for rule in rules:
        if verb == "disable-next-line":
            sup.add(line + 1, line + 1, rule)
        elif verb == "disable":
            pending.setdefault(rule, line)
        else:
            if rule == "":
                for r, first in list(pending.items()):
                    sup.add(first, line, r)
                pending.clear()
            elif rule in pending:
                sup.add(pending.pop(rule), line, rule)
    return True


def close_directives(pending: dict, sup: Suppressions) -> None:
    for rule, first in pending.items():
        sup.add(first, None, rule)
    pending.clear()
