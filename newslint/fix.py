"""``--fix`` and ``--diff``: apply single, safe suggestions and never lose a word.

A fix is applied only when its rule is ``fixable``, it has exactly one
suggestion, and the flagged span stands verbatim in the source (never across
markup). Files keep their encoding, byte-order mark, line ends, owner, group,
permissions and hard links, and are not written at all when they changed on disk
since they were read.

How a file is written (docs/security.md):

- never through a symbolic link out of the repository (discovery skips those), and
  never a file the user may not write, nor one marked read-only (no write permission
  bit at all, which holds even for root): that file is an error, the others are fixed;
- atomically, as a rule: a temporary file in the same folder with the file's mode,
  owner and group, then a rename over it; no temporary file is left behind;
- in place, when a rename would lose something: a file with several hard links (a
  rename would split them) or one whose owner or group the temporary file cannot take.
  The bytes are checked again under the open handle first, then overwritten.
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
        # The reader drops a leading byte-order mark (a second one, when the file starts
        # with two): edits are offsets into doc.source, so they move by what it dropped.
        lead = len(current) - len(doc.source)
        if lead < 0 or current[lead:] != doc.source:
            raise InputError("cannot fix safely: the reader changed the text; not fixed")
        edits = plan(doc, linter.check(doc), linter)
        if not edits:
            break
        current = current[:lead] + apply(doc.source, edits)
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
    """Replace the file's bytes ``original`` with ``new`` (see the module's doc).
    Raises InputError with a one-line reason; the file is then unchanged."""
    path = os.path.realpath(path)  # write through a symbolic link, keep the link
    folder = os.path.dirname(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(f"cannot fix: {exc.strerror or exc}; not fixed") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file; not fixed")
    if not (info.st_mode & 0o222) or not os.access(path, os.W_OK):
        raise InputError("read-only file; not fixed")
    if info.st_nlink > 1:
        _write_in_place(path, original, new)
        return
    try:
        folder_mode = os.stat(folder).st_mode
    except OSError as exc:
        raise InputError(f"cannot fix: {exc.strerror or exc}; not fixed") from None
    if not (folder_mode & 0o222) or not os.access(folder, os.W_OK | os.X_OK):
        raise InputError("its folder is read-only; not fixed")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write in its folder ({exc.strerror or exc}); not fixed") from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(new)
                fh.flush()
                os.fsync(fh.fileno())
            written = os.stat(tmp)
            if (written.st_uid, written.st_gid) != (info.st_uid, info.st_gid):
                os.chown(tmp, info.st_uid, info.st_gid)
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
        except PermissionError:
            # Another user's file (or group) that this user may write: a rename would
            # make it this user's, so write it in place instead.
            os.unlink(tmp)
            _write_in_place(path, original, new)
            return
        with open(path, "rb") as fh:
            if hashlib.sha256(fh.read()).digest() != hashlib.sha256(original).digest():
                raise InputError("changed on disk while being checked; not fixed")
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}; not fixed") from None
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _write_in_place(path: str, original: bytes, new: bytes) -> None:
    """Overwrite the file through one handle, after checking it still holds ``original``:
    keeps its inode (hard links), owner and mode."""
    try:
        with open(path, "r+b") as fh:
            if fh.read() != original:
                raise InputError("changed on disk while being checked; not fixed")
            fh.seek(0)
            fh.write(new)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}; not fixed") from None
