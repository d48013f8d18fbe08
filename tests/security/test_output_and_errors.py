"""Cases 11 and 15 of issue 20: file names cannot forge output lines or reach the
terminal raw; a broken rule pack or word list is one clear configuration error."""

from __future__ import annotations

import pytest

from newslint.report.text_format import printable
from tests.helpers import run

SELECT = "--select=typography.repeated-word"


# -- case 11: control characters in file names -----------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (
            "a\nb.txt: forged 1:1: x.y error boom\n.txt",
            "a\\nb.txt: forged 1:1: x.y error boom\\n.txt",
        ),
        ("\x1b[2J\x1b]0;pwned\x07.txt", "\\x1b[2J\\x1b]0;pwned\\x07.txt"),
        ("tab\there\r.txt", "tab\\there\\r.txt"),
        ("rtl\u202etxt.exe.txt", "rtl\\u202etxt.exe.txt"),
    ],
)
def test_control_characters_in_names_are_escaped(capsys, tmp_path, monkeypatch, name, shown):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("They said the the words.\n")
    code, out, err = run(capsys, "check", SELECT, "--no-cache", name)
    assert code == 1
    assert out == f"{shown}:1:11: typography.repeated-word error Repeated word: 'the the'.\n"
    # Errors name files the same way.
    (tmp_path / name).write_bytes(b"bad \xc3\x28 bytes")
    code, out, err = run(capsys, "check", SELECT, "--no-cache", name)
    assert err.count("\n") == 1 and err.startswith(f"newslint: {shown}: ")
    assert "\x1b" not in out + err


def test_ordinary_names_are_unchanged(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("İzmir – notes.txt", "Kyiv, 2024 (draft) [v2].txt", "日本.txt"):
        (tmp_path / name).write_text("They said the the words.\n")
        code, out, err = run(capsys, "check", SELECT, "--no-cache", name)
        assert out.startswith(f"{name}:1:11: ") and err == ""
        assert printable(name) == name


def test_control_characters_from_the_draft_are_escaped_too(capsys, tmp_path):
    story = tmp_path / "s.md"
    story.write_text("They said the the words.\n")
    from newslint.finding import Finding
    from newslint.report.text_format import line

    f = Finding("s.md", 1, 1, 1, 2, "x.y", "info", "Odd: '\x1b[31m'", ("\x1b[0m",))
    assert line(f) == "s.md:1:1: x.y info Odd: '\\x1b[31m' [\\x1b[0m]"


# -- case 15: broken packs and word lists are configuration errors ----------------------


def _pack(tmp_path, rule: str, select: str):
    (tmp_path / "pack" / "house").mkdir(parents=True)
    (tmp_path / "pack" / "house" / "r.yml").write_text(rule)
    (tmp_path / ".newslint.toml").write_text(f'packs = ["pack"]\nselect = ["{select}"]\n')
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Hello there.\n")


def test_a_code_rule_naming_no_check_is_one_configuration_error(capsys, tmp_path):
    _pack(tmp_path, "kind: code\nfunction: nosuch:check\n", "house.r")
    code, out, err = run(capsys, "check", "--no-cache", str(tmp_path))
    assert code == 2 and out == ""
    assert err == (
        f"newslint: {tmp_path / '.newslint.toml'}: {tmp_path / 'pack/house/r.yml'}:2: "
        "cannot load check 'nosuch:check': No module named 'newslint.checks.nosuch'\n"
    )


def test_a_code_rule_that_raises_names_its_file(capsys, tmp_path):
    # A pack's code rule wired to a function that cannot take (doc, options).
    _pack(tmp_path, "kind: code\nfunction: languagetool:_one_line\n", "house.r")
    code, out, err = run(capsys, "check", "--no-cache", str(tmp_path))
    assert code == 2 and "internal error" not in err and "please report" not in err
    lines = err.splitlines()
    assert len(lines) == 2 and all(
        f"rule house.r ({tmp_path / 'pack/house/r.yml'}:2) failed: TypeError:" in line
        for line in lines
    )


def test_a_non_utf8_accept_file_is_a_configuration_error(capsys, tmp_path):
    (tmp_path / "names.txt").write_bytes(b"Jiechi\nK\xf6ln\n")
    (tmp_path / ".newslint.toml").write_text('[spelling]\naccept-file = "names.txt"\n')
    (tmp_path / "a.txt").write_text("Hello there.\n")
    code, out, err = run(capsys, "check", "--no-cache", str(tmp_path))
    assert code == 2 and out == ""
    assert err == (
        f"newslint: {tmp_path / '.newslint.toml'}:2: 'spelling.accept-file': "
        f"{tmp_path / 'names.txt'}: not valid UTF-8 at byte 8; save it as UTF-8\n"
    )


def test_a_missing_accept_file_is_a_configuration_error(capsys, tmp_path):
    (tmp_path / ".newslint.toml").write_text('[spelling]\naccept-file = "names.txt"\n')
    (tmp_path / "a.txt").write_text("Hello there.\n")
    code, out, err = run(capsys, "check", "--no-cache", str(tmp_path))
    assert code == 2 and out == ""
    assert err == (
        f"newslint: {tmp_path / '.newslint.toml'}:2: 'spelling.accept-file': "
        f"{tmp_path / 'names.txt'}: no such file\n"
    )
