"""Word drafts (.docx), read with python-docx: paragraphs as lines.

A .docx has no lines, so newslint numbers paragraphs: line N is the Nth
paragraph, column C the Cth character in it. The Document's source is the
paragraphs' text joined by line breaks, so positions come out of the ordinary
offset map. The body comes first, in reading order (a table's cells row by
row, each cell's paragraphs in turn), then the headers and the footers, each
once. Empty paragraphs count, so numbers match Word's paragraph count.

What a reader of the draft would see is checked: tracked insertions are in,
tracked deletions and moved-away text are out, as are comments, field codes
(the result of a field is kept) and the fallback copies Word stores for old
readers. A paragraph holding only a ``<!-- newslint-disable ... -->`` comment
is a suppression directive, as in plain text.

Size: a .docx is a zip archive, and a small one can expand enormously (a zip bomb).
Its parts may expand to at most ``MAX_EXPANSION`` (50 MB) more than the file's own
size: the sizes the archive declares are checked first, and the bytes are counted
again as they are decompressed (a declared size can lie). Past the limit the file
is an input error, and nothing more of it is read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from newslint.document import Document, Suppressions, TextBuilder
from newslint.readers import InputError, apply_directive, close_directives

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Elements whose content a reader of the draft does not see.
_SKIP = {
    _W + "del",  # tracked deletion
    _W + "moveFrom",  # tracked move: the old place
    _W + "instrText",  # field code (its result is kept)
    _W + "delInstrText",
    _W + "commentReference",
    _W + "footnoteReference",
    _W + "endnoteReference",
    _W + "txbxContent",  # a text box's paragraphs inside a run
    _W + "pPr",  # paragraph properties (a deleted paragraph mark lives here)
    _W + "rPr",
    _MC + "Fallback",  # a copy of mc:Choice for old readers
}
_COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$")
MAX_EXPANSION = 50 * 1024 * 1024  # bytes the parts may add to the file's own size
_CHUNK = 1 << 20


def read(data: bytes, path: str) -> Document:
    """Build a Document from the bytes of a .docx file."""
    paragraphs = _paragraphs(data)
    builder = TextBuilder()
    sup = Suppressions()
    pending: dict = {}
    offset = 0
    lines = []
    for number, (text, kind) in enumerate(paragraphs, start=1):
        lines.append(text)
        directive = _COMMENT.match(text)
        if directive and apply_directive(directive.group(1), number, pending, sup):
            pass
        elif text.strip():
            start = builder.length
            builder.add(text, offset)
            builder.block(start, kind)
            builder.separate(offset + len(text))
        offset += len(text) + 1
    close_directives(pending, sup)
    return builder.build(path, "\n".join(lines), "docx", sup)


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(text, block kind) for every paragraph: body, then headers, then footers."""
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise InputError("an old-format .doc or a password-protected file; save it as .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError("not a Word .docx file (not a zip archive)")
    _check_size(data)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError("reading .docx needs python-docx: pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
        out: list[tuple[str, str]] = []
        _walk(document.element.body, out, "paragraph")
        for attr in ("header", "first_page_header", "even_page_header"):
            _parts(document, attr, out)
        for attr in ("footer", "first_page_footer", "even_page_footer"):
            _parts(document, attr, out)
    except InputError:
        raise
    except PackageNotFoundError:
        raise InputError("not a Word .docx file (no document part)") from None
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"broken .docx file: {_one_line(exc)}") from None
    except Exception as exc:  # lxml's XMLSyntaxError and friends
        raise InputError(f"broken .docx file: {type(exc).__name__}: {_one_line(exc)}") from None
    return out


def _check_size(data: bytes) -> None:
    """InputError when the archive's parts expand past the limit (see the module's doc)."""
    limit = len(data) + MAX_EXPANSION
    too_big = InputError(
        f"its parts expand past {len(data) + MAX_EXPANSION:,} bytes (the file's size plus "
        f"{MAX_EXPANSION // (1024 * 1024)} MB): not read, as a zip bomb would not be"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if _declared(members) > limit:
                raise too_big
            total = 0
            for member in members:
                with archive.open(member) as part:
                    while chunk := part.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise too_big
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        RuntimeError,
        zlib.error,  # a part's compressed bytes are corrupt
    ) as exc:
        raise InputError(f"broken .docx file: {_one_line(exc)}") from None
    except NotImplementedError as exc:  # a compression method zipfile does not know
        raise InputError(f"broken .docx file: {_one_line(exc)}") from None


def _declared(members: list[zipfile.ZipInfo]) -> int:
    """The uncompressed size the archive claims for its parts."""
    return sum(m.file_size for m in members)


def _parts(document, attr: str, out: list[tuple[str, str]]) -> None:
    """Paragraphs of each distinct header (or footer) of one kind, once each."""
    seen: set[int] = set()
    for section in document.sections:
        part = getattr(section, attr)
        if part.is_linked_to_previous:
            continue  # no definition of its own: it repeats an earlier one
        element = part._element
        if id(element) in seen:
            continue
        seen.add(id(element))
        _walk(element, out, "paragraph")


def _walk(container, out: list[tuple[str, str]], kind: str) -> None:
    """Paragraphs under a body, header, footer or table cell, in reading order."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            out.append((_text(child), "cell" if kind == "cell" else _kind(child)))
        elif tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                for cell in row.findall(_W + "tc"):
                    _walk(cell, out, "cell")
        elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins"):
            _walk(child, out, kind)  # containers around paragraphs


def _kind(p) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = (style.get(_W + "val") or "") if style is not None else ""
    if name.startswith(("Heading", "Title", "heading")):
        return "heading"
    if p.find(f"{_W}pPr/{_W}numPr") is not None or name.startswith("List"):
        return "item"
    return "paragraph"


def _text(p) -> str:
    """What the paragraph reads as, without deleted text, comments or field codes."""
    parts: list[str] = []
    _collect(p, parts)
    # A line break inside a paragraph stays on the paragraph's line.
    return "".join(parts).replace("\n", " ").replace("\r", " ")


def _collect(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab" or tag == _W + "ptab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append(" ")
        elif tag == _W + "noBreakHyphen":
            parts.append("\u2011")
        elif tag == _W + "softHyphen":
            parts.append("\u00ad")
        elif tag == _W + "sym":
            parts.append(" ")
        else:
            _collect(child, parts)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
