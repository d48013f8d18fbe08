"""Whatever a newsroom repository holds: a right result or a one-line error, never a
traceback, a hang or a changed file; and the same output whatever the order or locale."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newslint.api import check_paths
from tests.helpers import run

SELECT = "--select=typography.repeated-word,style.wordy"


def test_symbolic_link_loop_is_walked_once(capsys, tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "s.md").write_text("the the\n")
    (tmp_path / "desk" / "loop").symlink_to(tmp_path / "desk")
    code, out, err = run(capsys, "check", SELECT, str(tmp_path))
    assert code == 1 and err == ""
    assert out.count("typography.repeated-word") == 1


def test_dangling_symlink_is_an_error_for_that_file_only(capsys, tmp_path):
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "ok.md").write_text("the the\n")
    code, out, err = run(
        capsys, "check", SELECT, str(tmp_path / "gone.md"), str(tmp_path / "ok.md")
    )
    assert code == 2 and "ok.md:1:1" in out
    assert err == f"newslint: {tmp_path / 'gone.md'}: no such file\n"


def test_file_that_disappears_during_the_run(capsys, tmp_path, monkeypatch):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("the the\n")
    import newslint.api as api

    real = api.discover

    def discover_then_delete(*args):
        found = real(*args)
        os.unlink(tmp_path / "a.md")
        return found

    monkeypatch.setattr(api, "discover", discover_then_delete)
    code, out, err = run(capsys, "check", SELECT, "--no-cache", str(tmp_path))
    assert code == 2 and "b.md:1:1" in out
    assert err == f"newslint: {tmp_path / 'a.md'}: no such file\n"


@pytest.mark.parametrize(
    "data",
    [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b"\r", "\ufeffthe the".encode("utf-16")],
)
def test_empty_and_odd_files(capsys, tmp_path, data):
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    code, _, err = run(capsys, "check", SELECT, str(path))
    assert err == "" and code in (0, 1)


def test_deeply_nested_markdown_and_html(capsys, tmp_path):
    (tmp_path / "deep.md").write_text(
        "> " * 3000 + "the the\n" + "".join("  " * i + "- x\n" for i in range(300))
    )
    (tmp_path / "deep.html").write_text("<div>" * 5000 + "the the" + "</div>" * 5000)
    code, _, err = run(capsys, "check", SELECT, str(tmp_path))
    assert err == "" and code in (0, 1)


def test_output_is_the_same_whatever_the_order(tmp_path):
    for name in ("b.md", "a.txt", "c.html"):
        (tmp_path / name).write_text("the the, in order to win\n")
    paths = [str(tmp_path / n) for n in ("b.md", "a.txt", "c.html")]
    forward = check_paths(paths, select=["typography", "style"]).findings
    backward = check_paths(list(reversed(paths)), select=["typography", "style"]).findings
    assert forward == backward and [f.path for f in forward][0].endswith("a.txt")


@pytest.mark.parametrize("locale", ["C", "tr_TR.UTF-8", "de_DE.ISO-8859-1"])
def test_output_is_the_same_whatever_the_locale(tmp_path, locale):
    story = tmp_path / "s.md"
    story.write_text("Istanbul: İzmir İzmir deal, in order to win.\n", encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "newslint.cli",
        "check",
        "--no-cache",
        SELECT,
        "--format=json",
        str(story),
    ]
    base = subprocess.run(cmd, capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    other = subprocess.run(
        cmd, capture_output=True, env={**os.environ, "LC_ALL": locale, "LANG": locale}
    )
    assert other.returncode == base.returncode == 1
    assert other.stdout == base.stdout or other.stdout.decode("latin-1") == base.stdout.decode()
    assert b"Traceback" not in other.stderr


def test_check_never_modifies_the_files(capsys, tmp_path):
    story = tmp_path / "s.md"
    story.write_bytes(b"the the\r\nin order to\r\n")
    before = (story.read_bytes(), os.stat(story).st_mtime_ns)
    run(capsys, "check", SELECT, "--format=sarif", str(story))
    assert (story.read_bytes(), os.stat(story).st_mtime_ns) == before


def test_non_utf8_terminal_gets_escapes_not_a_traceback(tmp_path):
    story = tmp_path / "s.md"
    story.write_text("İzmir İzmir deal.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "newslint.cli", "check", "--no-cache", SELECT, str(story)]
    proc = subprocess.run(
        cmd, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "latin-1"}
    )
    assert proc.returncode == 1 and proc.stderr == b""
    assert b"Repeated word: '\\u0130zmir \\u0130zmir'." in proc.stdout


def test_an_unexpected_error_is_one_line_and_the_run_goes_on(capsys, tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("the the\n")
    (tmp_path / "b.txt").write_text("the the\n")
    import newslint.readers.markdown as md

    def broken(source, path):
        raise ValueError("simulated reader bug")

    monkeypatch.setattr(md, "read", broken)
    code, out, err = run(capsys, "check", SELECT, "--no-cache", str(tmp_path))
    assert code == 2 and "b.txt:1:1" in out
    assert (
        err
        == f"newslint: {tmp_path / 'a.md'}: internal error (ValueError: simulated reader bug); please report it\n"
    )
