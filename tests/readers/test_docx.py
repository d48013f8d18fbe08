"""Word drafts: paragraphs as lines, tables and headers in, tracked deletions and comments out."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import newslint
from newslint.readers import InputError, load
from newslint.readers.docx import read


def _save(document, tmp_path, name="draft.docx") -> str:
    path = tmp_path / name
    document.save(str(path))
    return str(path)


def _run(paragraph, text: str, wrapper: str | None = None, deleted: bool = False):
    """Append a run (optionally inside w:ins or w:del) holding ``text``."""
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    if wrapper:
        w = OxmlElement(wrapper)
        w.set(qn("w:id"), "1")
        w.set(qn("w:author"), "Editor")
        w.append(r)
        r = w
    paragraph._p.append(r)


def test_paragraphs_are_lines_and_columns_count_within_them(tmp_path):
    d = docx.Document()
    d.add_heading("Council votes", level=1)
    d.add_paragraph("")
    d.add_paragraph("The mayor said the the budget was fine.")
    doc = load(_save(d, tmp_path))
    assert doc.source.split("\n") == [
        "Council votes",
        "",
        "The mayor said the the budget was fine.",
    ]
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    (f,) = newslint.check_paths([_save(d, tmp_path)], select=["typography"]).findings
    assert (f.rule, f.line, f.column, f.end_column) == ("typography.repeated-word", 3, 16, 23)


def test_tables_headers_and_footers_are_read(tmp_path):
    d = docx.Document()
    d.add_paragraph("Body text.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Left cell."
    table.cell(0, 1).text = "Right cell."
    d.add_paragraph("After the table.")
    section = d.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Page header."
    section.footer.is_linked_to_previous = False
    section.footer.paragraphs[0].text = "Page footer."
    doc = load(_save(d, tmp_path))
    lines = doc.source.split("\n")
    assert lines == [
        "Body text.",
        "Left cell.",
        "Right cell.",
        "After the table.",
        "Page header.",
        "Page footer.",
    ]
    assert [b.kind for b in doc.blocks][1:3] == ["cell", "cell"]
    assert doc.locate(doc.text.index("Right"), doc.text.index("Right") + 5) == (3, 1, 3, 6)


def test_tracked_deletions_are_ignored_and_insertions_kept(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    _run(p, "The minister ")
    _run(p, "did not ", "w:del", deleted=True)
    _run(p, "resigned ")
    _run(p, "on Tuesday", "w:ins")
    _run(p, ".")
    doc = load(_save(d, tmp_path))
    assert doc.text.strip() == "The minister resigned on Tuesday."
    assert doc.source == "The minister resigned on Tuesday."


def test_comments_are_ignored(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("The figures were checked.")
    if hasattr(d, "add_comment"):  # python-docx >= 1.2
        d.add_comment(p.runs, text="Check the the figures again", author="Desk")
    doc = load(_save(d, tmp_path))
    assert doc.source == "The figures were checked."
    assert newslint.check_paths([_save(d, tmp_path)], select=["typography"]).findings == []


def test_field_codes_are_ignored_and_results_kept(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    _run(p, "Page ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "3")):
        r = OxmlElement("w:r")
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r.append(fc)
        elif text.strip() == "PAGE":
            it = OxmlElement("w:instrText")
            it.text = text
            r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)
        p._p.append(r)
    assert load(_save(d, tmp_path)).source == "Page 3"


def test_suppression_paragraph(tmp_path):
    d = docx.Document()
    d.add_paragraph("<!-- newslint-disable-next-line typography -->")
    d.add_paragraph("The the vote passed.")
    d.add_paragraph("The the vote failed.")
    found = newslint.check_paths([_save(d, tmp_path)], select=["typography"]).findings
    assert [f.line for f in found] == [3]


def test_markup_free_positions_for_proselint(tmp_path):
    d = docx.Document()
    d.add_paragraph("Intro.")
    p = d.add_paragraph("It was, ")
    p.add_run("at the end of the day").bold = True
    p.add_run(", a loss.")
    (f,) = newslint.check_paths([_save(d, tmp_path)], select=["proselint.cliches"]).findings
    assert (f.line, f.column, f.end_column) == (2, 9, 30)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"plain text, not a document", "not a Word .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old-format .doc"),
    ],
)
def test_non_docx_input_is_one_clear_error(data, reason):
    with pytest.raises(InputError, match=reason) as info:
        read(data, "x.docx")
    assert "\n" not in str(info.value)


def test_broken_docx_is_one_clear_error():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a package")
    with pytest.raises(InputError) as info:
        read(buf.getvalue(), "x.docx")
    assert "\n" not in str(info.value)


def test_corrupt_compressed_part_is_one_clear_error():
    """A part whose deflated bytes are damaged (zlib's own error, found by bench/fuzz.py)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "words " * 200)
    data = bytearray(buf.getvalue())
    data[30 + len("word/document.xml")] = 0  # the first byte of the compressed data
    with pytest.raises(InputError, match="broken .docx file") as info:
        read(bytes(data), "x.docx")
    assert "\n" not in str(info.value)


def test_broken_file_is_reported_and_others_checked(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    d = docx.Document()
    d.add_paragraph("The the vote passed.")
    good = _save(d, tmp_path, "good.docx")
    result = newslint.check_paths([str(bad), good], select=["typography"])
    assert len(result.errors) == 1 and "bad.docx" in result.errors[0]
    assert [f.path for f in result.findings] == [good]
