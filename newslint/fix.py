"""``--fix`` and ``--diff``: apply single, safe suggestions and never lose a word.

A fix is applied only when its rule is ``fixable``, it has exactly one
suggestion, and the flagged span stands verbatim in the source (never across
markup). Files are written atomically (a temporary file in the same folder, then
a rename), keep their encoding, byte-order mark, line ends and permissions, and
are not written at all when they changed on disk since they were read.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass

from newslint.document import Document
from newslint.engine import Linter
from newslint.finding import Finding
from newslint.readers import InputError, decode, format_for, parse, sniff


@dataclass
class FixResult:
    findings: list[Finding]  # what remains after the fixes
    fixed: int  # how many fixes were applied (or would be, with --diff)
    diff: str = ""


def source_offset(doc: Document, line: int, column: int) -> int:
    return doc._line_starts[line - 1] + column - 1


def plan(doc: Document, findings: list[Finding], linter: Linter) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, replacement)`` edits on ``doc.source``."""
    edits: list[tuple[int, int, str]] = []
    for f in findings:
        rule = linter.known.get(f.rule)
        if rule is None or not rule.fixable or len(f.suggestions) != 1:
            continue
        start = source_offset(doc, f.line, f.column)
        end = source_offset(doc, f.end_line, f.end_column)
        original = doc.source[start:end]
        if not original or original == f.suggestions[0] or "\n" in original or "\r" in original:
            continue
        if not _verbatim(doc, start, end):
            continue
        edits.append((start, end, f.suggestions[0]))
    edits.sort()
    kept: list[tuple[int, int, str]] = []
    for edit in edits:
        if kept and edit[0] < kept[-1][1]:
            continue  # overlaps an earlier fix: leave it for the writer
        kept.append(edit)
    return kept


def _verbatim(doc: Document, start: int, end: int) -> bool:
    """True when the source span is plain prose, with no markup inside it."""
    if doc.fmt == "text":
        return True
    # Find the text span mapping onto this source span and compare the characters.
    text = doc.text
    k = text.find(doc.source[start:end])
    while k >= 0:
        if doc.offset_map.start(k) == start and doc.offset_map.end(k + (end - start)) == end:
            return True
        k = text.find(doc.source[start:end], k + 1)
    return False


def apply(source: str, edits: list[tuple[int, int, str]]) -> str:
    out = []
    last = 0
    for start, end, replacement in edits:
        out.append(source[last:start])
        out.append(replacement)
        last = end
    out.append(source[last:])
    return "".join(out)


def fix_file(path: str, display: str, linter: Linter, write: bool) -> FixResult:
    """Fix one file (or, with ``write=False``, show the diff). Raises InputError."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    fmt = format_for(path)
    if fmt == "docx":
        raise InputError("--fix does not write Word files; fix them in Word")
    bom, codec = sniff(data)
    source = decode(data)
    fixed_total = 0
    current = source
    # Fixes can uncover or settle others (a name made consistent): settle in a few rounds.
    for _ in range(3):
        doc = parse(current, display, fmt)
        edits = plan(doc, linter.check(doc), linter)
        if not edits:
            break
        current = apply(current, edits)
        fixed_total += len(edits)
    findings = linter.check(parse(current, display, fmt))
    diff = ""
    if current != source:
        diff = "".join(
            difflib.unified_diff(
                source.splitlines(keepends=True),
                current.splitlines(keepends=True),
                fromfile=display,
                tofile=display,
            )
        )
        if write:
            _write_atomically(path, data, bom + current.encode(codec))
    return FixResult(findings, fixed_total, diff)


def _write_atomically(path: str, original: bytes, new: bytes) -> None:
    path = os.path.realpath(path)  # write through a symbolic link, keep the link
    folder = os.path.dirname(os.path.abspath(path))
    digest = hashlib.sha256(original).digest()
    info = os.stat(path)
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        with open(path, "rb") as fh:
            if hashlib.sha256(fh.read()).digest() != digest:
                raise InputError("changed on disk while being checked; not fixed")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
