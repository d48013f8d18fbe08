"""The HTML report: a self-contained page with every finding marked in place."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from newslint.cli import main
from newslint.finding import Finding
from newslint.report import render
from newslint.report.html_format import family

HOSTILE = (
    'Breaking: the the mayor wrote <script>alert("x")</script> & left.\n'
    "<img src=x onerror=alert(1)> He said the the rest in order to win.\n"
)


class Page(HTMLParser):
    """Collects what the tests check: tags, marks, scripts and asset URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: dict[str, dict] = {}  # id -> attributes of a finding's first piece
        self.pieces: list[dict] = []
        self.scripts = 0
        self.assets: list[str] = []
        self.text_in: dict[str, list[str]] = {}
        self.items: dict[str, str] = {}  # d<i> -> text of the finding's list entry
        self._item: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("meta", "br", "img", "link", "input"):
            self.stack.append(tag)
        if tag == "mark":
            self.pieces.append(a)
            if "id" in a:
                self.marks[a["id"]] = a
        if tag == "script":
            self.scripts += 1
            assert "src" not in a
        for key in ("src", "href"):
            if key in a and not a[key].startswith("#"):
                self.assets.append(a[key])
        if tag == "li" and a.get("id", "").startswith("d"):
            self._item = a["id"]
            self.items[self._item] = ""
        if tag == "img":
            self.assets.append(a.get("src", ""))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
        if tag == "li":
            self._item = None

    def handle_data(self, data):
        if self._item:
            self.items[self._item] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.stack == [], page.stack
    return page


def check_html(tmp_path: Path, capsys, text: str, name: str = "draft.txt", *extra: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    code = main(
        [
            "check",
            "--no-cache",
            "--select=typography.repeated-word,style.wordy",
            "--format=html",
            f"--output={out}",
            *extra,
            str(path),
        ]
    )
    assert capsys.readouterr().out == ""  # the report went to the file
    return code, out.read_text(encoding="utf-8")


def test_page_parses_and_marks_each_finding(tmp_path, capsys):
    code, html = check_html(tmp_path, capsys, HOSTILE)
    assert code == 1
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    # Two repeated words and one wordy phrase, each marked and focusable.
    assert sorted(page.marks) == ["f0", "f1", "f2"]
    for mark_id, attrs in page.marks.items():
        i = mark_id[1:]
        assert attrs["tabindex"] == "0"
        assert attrs["aria-describedby"] == f"d{i}"
        assert attrs["data-f"] == i
    items = page.items
    assert "typography.repeated-word" in items["d0"] and "Repeated word" in items["d0"]
    assert "style.wordy" in items["d2"] and "to" in items["d2"]
    # Colour by family.
    assert "fam-typography" in page.marks["f0"]["class"]
    assert "fam-style" in page.marks["f2"]["class"]


def test_hostile_text_is_escaped(tmp_path, capsys):
    _, html = check_html(tmp_path, capsys, HOSTILE)
    page = parse(html)
    assert page.scripts == 1  # ours only
    assert "<script>alert" not in html and "<img src=x" not in html
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in html
    assert "&amp; left" in html


def test_no_network_assets(tmp_path, capsys):
    _, html = check_html(tmp_path, capsys, HOSTILE)
    page = parse(html)
    assert page.assets == []
    assert not re.search(r"(?i)\b(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert not re.search(r"(?i)url\(\s*['\"]?(https?:)?//", html)
    assert "@import" not in html


def test_marks_sit_on_the_reported_text(tmp_path, capsys):
    # An emoji and an accented letter before the finding: columns are code points.
    text = "😀 Café owners said the the rent rose.\n"
    _, html = check_html(tmp_path, capsys, text)
    m = re.search(r'<mark [^>]*id="f0"[^>]*>([^<]*)</mark>', html)
    assert m and m.group(1) == "the the"


def test_overlapping_and_multiline_findings_nest():
    source = "one two\nthree four five\n"
    findings = [
        Finding("a.txt", 1, 5, 2, 6, "style.x", "warning", "across lines"),
        Finding("a.txt", 2, 1, 2, 11, "spelling.y", "error", "inner <b>"),
        Finding("a.txt", 2, 7, 2, 16, "names.z", "info", "crossing", ("s",)),
        Finding("a.txt", 2, 16, 2, 16, "typography.w", "info", "empty"),
    ]
    html = render("html", findings, documents=[("a.txt", source, None)])
    page = parse(html)
    assert sorted(page.marks) == ["f0", "f1", "f2", "f3"]
    # Each finding's text, gathered from all its pieces, is its source range.
    for i, want in enumerate(["two\nthree", "three four", "four five", ""]):
        got = "".join(_piece_text(html, i))
        assert got == want.replace("\n", ""), (i, got)
    assert "inner &lt;b&gt;" in html


def _piece_text(html: str, i: int) -> list[str]:
    """The text inside every piece of finding ``i`` (nested marks included)."""

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.depth = 0  # >0 while inside a piece of finding i
            self.stack: list[bool] = []
            self.out: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag == "mark":
                mine = dict(attrs).get("data-f") == str(i)
                self.stack.append(mine)
                self.depth += mine

        def handle_endtag(self, tag):
            if tag == "mark":
                self.depth -= self.stack.pop()

        def handle_data(self, data):
            if self.depth:
                self.out.append(data)

    c = Collect()
    c.feed(html)
    return c.out


def test_summary_counts_and_source_audit(tmp_path, capsys):
    text = "Critics say the the plan failed. The mayor said it would work.\n"
    path = tmp_path / "s.md"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    main(["check", "--no-cache", "--format=html", f"--output={out}", str(path)])
    html = out.read_text(encoding="utf-8")
    parse(html)
    assert "attributions" in html and "named" in html and "vague" in html
    assert "anonymous" in html and "none" in html
    assert re.search(r'class="chip fam-typography">typography <b>1</b>', html)
    assert re.search(r'class="chip fam-sourcing">sourcing <b>\d+</b>', html)


def test_standard_input_findings_are_listed(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"He said the the word.\n")))
    code = main(["check", "--no-cache", "--format=html", "--select=typography", "-"])
    html = capsys.readouterr().out
    assert code == 1
    page = parse(html)
    assert "Repeated word" in page.items["d0"]
    assert page.marks == {}


def test_clean_file_and_families():
    html = render("html", [], documents=[("ok.txt", "All good.\n", None)])
    parse(html)
    assert "No findings." in html
    assert family("spelling.typo") == "spelling" and family("house.cliches") == "other"


def test_output_to_unwritable_path(tmp_path, capsys):
    path = tmp_path / "d.txt"
    path.write_text("Fine.\n", encoding="utf-8")
    code = main(["check", "--format=html", f"--output={tmp_path}/no/such/dir/r.html", str(path)])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err
