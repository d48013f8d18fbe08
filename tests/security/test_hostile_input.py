"""Cases 8, 10, 12 and 13 of issue 20: hostile input. A .docx zip bomb is a one-line
error; a user pattern's time limit holds for the whole document; deep Markdown nesting is
checked (or a one-line error), never skipped in silence; HTML with lone CR line ends keeps
its suppression comments on their lines."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
import regex

from newslint.kinds import base
from newslint.readers import docx as docx_reader
from tests.helpers import run

SELECT = "--select=typography.repeated-word"


# -- case 8: .docx zip bombs ----------------------------------------------------------


def _docx(text: str = "They said the the words.") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_member(data: bytes, name: str, size: int) -> bytes:
    """The .docx with one more part of ``size`` zero bytes (it compresses a thousandfold)."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(size // len(chunk)):
                part.write(chunk)
    return out.getvalue()


def test_a_zip_bomb_is_a_one_line_error(capsys, tmp_path):
    bomb = _with_member(_docx(), "word/media/image1.png", docx_reader.MAX_EXPANSION + (8 << 20))
    assert len(bomb) < 2 << 20
    (tmp_path / "bomb.docx").write_bytes(bomb)
    (tmp_path / "ok.txt").write_text("They said the the words.\n")
    code, out, err = run(capsys, "check", SELECT, "--no-cache", str(tmp_path))
    assert code == 2 and "ok.txt:1:11" in out
    [line] = err.splitlines()
    assert line.startswith(f"newslint: {tmp_path / 'bomb.docx'}: its parts expand past ")
    assert "zip bomb" in line


def test_the_limit_counts_what_is_read_not_only_what_is_declared(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_EXPANSION", 1 << 20)
    data = _with_member(_docx(), "word/media/big.bin", 2 << 20)
    # Sizes that lie (CPython's zipfile stops at the declared size and then fails the
    # CRC, but another reader of the archive might not): the bytes read are counted too.
    monkeypatch.setattr(docx_reader, "_declared", lambda members: 0)
    with pytest.raises(docx_reader.InputError, match="expand past"):
        docx_reader._check_size(data)


def test_a_large_but_honest_docx_is_read(capsys, tmp_path):
    # Pictures compress badly: a file whose parts are about its own size is fine.
    import os

    data = io.BytesIO(_docx())
    with zipfile.ZipFile(data, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/media/photo.bin", os.urandom(docx_reader.MAX_EXPANSION // 4))
    (tmp_path / "big.docx").write_bytes(data.getvalue())
    code, out, err = run(capsys, "check", SELECT, "--no-cache", str(tmp_path / "big.docx"))
    assert code == 1 and err == "" and "big.docx:1:11" in out


# -- case 10: a pattern's time limit is per document ------------------------------------


def _slow_paragraph(limit: float) -> str:
    """A paragraph on which ``(a|aa)+$`` takes between a fifth and a half of ``limit``."""
    pattern = regex.compile(r"(a|aa)+$")
    n = 12
    while True:
        text = "a" * n + "b"
        began = time.perf_counter()
        pattern.search(text)
        took = time.perf_counter() - began
        if took > limit / 5:
            assert took < limit / 2 or n == 12, "the machine is too uneven to calibrate on"
            return text
        n += 1


def test_a_catastrophic_pattern_times_out_per_document(capsys, tmp_path, monkeypatch):
    limit = 0.6
    monkeypatch.setattr(base, "PATTERN_TIMEOUT", limit)
    pack = tmp_path / "pack" / "house"
    pack.mkdir(parents=True)
    (pack / "slow.yml").write_text("kind: existence\npatterns: ['(a|aa)+$']\n")
    (tmp_path / ".newslint.toml").write_text('packs = ["pack"]\nselect = ["house.slow"]\n')
    story = tmp_path / "s.txt"
    story.write_text("\n\n".join([_slow_paragraph(limit)] * 30) + "\n")
    began = time.perf_counter()
    code, out, err = run(capsys, "check", "--no-cache", str(story))
    took = time.perf_counter() - began
    assert code == 2 and out == ""
    assert err == (
        f"newslint: {story}: rule house.slow ({pack / 'slow.yml'}) timed out: "
        "its pattern backtracks too much\n"
    )
    # About the limit (twice it at most, as one search may start just before it runs out),
    # not thirty times the time of one paragraph.
    assert took < 3 * limit + 1.0


# -- case 12: deep Markdown ---------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "> " * 20 + "They said the the words.\n",
        "> " * 200 + "They said the the words.\n",
        "".join("  " * i + "- item\n" for i in range(10)) + "  " * 10 + "- the the end\n",
        "".join("  " * i + "- > item\n" for i in range(12)) + "  " * 12 + "- the the end\n",
    ],
    ids=["20 quotes", "200 quotes", "10 list levels", "12 lists of quotes"],
)
def test_deep_markdown_is_checked(capsys, tmp_path, source):
    (tmp_path / "deep.md").write_text(source)
    code, out, err = run(capsys, "check", SELECT, "--no-cache", str(tmp_path / "deep.md"))
    assert code == 1 and err == "" and "typography.repeated-word" in out


def test_markdown_deeper_than_the_parser_goes_is_a_one_line_error(capsys, tmp_path):
    (tmp_path / "deep.md").write_text("".join("  " * i + "- x\n" for i in range(800)))
    code, out, err = run(capsys, "check", SELECT, "--no-cache", str(tmp_path / "deep.md"))
    assert code == 2 and out == ""
    assert err == (
        f"newslint: {tmp_path / 'deep.md'}: nested too deeply to read: more than 500 levels "
        "of lists and block quotes\n"
    )


# -- case 13: HTML with lone CR line ends -----------------------------------------------


@pytest.mark.parametrize("end", ["\r", "\n", "\r\n"])
def test_disable_next_line_in_html_hits_its_line(end):
    from newslint import check_text

    lines = [
        "<p>One.</p>",
        "<!-- newslint-disable-next-line -->",
        "<p>the the</p>",
        "<p>the the</p>",
    ]
    found = check_text(end.join(lines) + end, "s.html", select=["typography.repeated-word"])
    assert [f.line for f in found] == [4]
    multi = ["<p>One.</p>", "<!-- newslint-disable-next-line", "-->", "<p>the the</p>", "<p>x</p>"]
    assert check_text(end.join(multi) + end, "s.html", select=["typography"]) == []
