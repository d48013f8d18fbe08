"""Case 1 of issue 20: a symbolic link committed in a repository never makes newslint read,
fix or embed a file outside it (docs/security.md)."""

from __future__ import annotations

import os

from newslint.discovery import repository
from tests.helpers import run

WORDY = "--select=style.wordy"
OUTSIDE_TEXT = "They met in order to vote.\nexport TOKEN=hunter2\n"


def _hostile(tmp_path, monkeypatch):
    """A repository whose drafts/ holds a link to a file and a link to a folder outside."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text(OUTSIDE_TEXT)
    (home / "notes").mkdir()
    (home / "notes" / "n.txt").write_text(OUTSIDE_TEXT)
    repo = tmp_path / "repo"
    (repo / "drafts").mkdir(parents=True)
    (repo / ".newslint.toml").write_text("")
    (repo / "drafts" / "story.txt").write_text("They met in order to talk.\n")
    (repo / "drafts" / "notes.txt").symlink_to("../../home/.bashrc")
    (repo / "drafts" / "more").symlink_to("../../home/notes")
    monkeypatch.chdir(repo)
    return home


def test_fix_never_writes_through_a_link_out_of_the_repository(capsys, tmp_path, monkeypatch):
    home = _hostile(tmp_path, monkeypatch)
    code, out, err = run(capsys, "check", WORDY, "--fix", "drafts/")
    assert (home / ".bashrc").read_text() == OUTSIDE_TEXT
    assert (home / "notes" / "n.txt").read_text() == OUTSIDE_TEXT
    assert (tmp_path / "repo/drafts/story.txt").read_text() == "They met to talk.\n"
    assert "drafts/notes.txt: skipped: a symbolic link" in err
    assert "drafts/more: skipped: a symbolic link" in err
    assert "notes.txt" not in out and "hunter2" not in out + err
    assert code == 0  # a notice, not an error: the repository's own drafts were fixed


def test_a_link_named_on_the_command_line_is_refused_too(capsys, tmp_path, monkeypatch):
    home = _hostile(tmp_path, monkeypatch)
    code, out, err = run(capsys, "check", WORDY, "--fix", "drafts/notes.txt")
    assert (home / ".bashrc").read_text() == OUTSIDE_TEXT
    assert "newslint: drafts/notes.txt: skipped: a symbolic link" in err
    code, out, err = run(capsys, "check", WORDY, "--fix", "drafts/more")
    assert (home / "notes" / "n.txt").read_text() == OUTSIDE_TEXT
    assert "drafts/more: skipped" in err


def test_html_report_never_embeds_a_file_outside(capsys, tmp_path, monkeypatch):
    _hostile(tmp_path, monkeypatch)
    code, out, err = run(capsys, "check", WORDY, "--no-cache", "--format=html", "drafts")
    assert "hunter2" not in out
    assert "drafts/story.txt" in out and "They met <mark" in out
    assert err.count("skipped: a symbolic link") == 2


def test_check_does_not_read_a_file_outside(capsys, tmp_path, monkeypatch):
    _hostile(tmp_path, monkeypatch)
    code, out, err = run(capsys, "check", WORDY, "--no-cache", ".")
    assert out.count("style.wordy") == 1 and "drafts/story.txt" in out
    assert code == 0 and err.count("skipped: a symbolic link") == 2


def test_links_inside_the_repository_still_work(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "shared").mkdir(parents=True)
    (repo / "drafts").mkdir()
    (repo / ".git").mkdir()  # a git work tree marks the repository
    (repo / "shared" / "s.txt").write_text("They met in order to vote.\n")
    (repo / "drafts" / "s.txt").symlink_to("../shared/s.txt")
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "check", WORDY, "--fix", "drafts")
    assert err == "newslint: fixed 1 finding\n"
    assert (repo / "shared" / "s.txt").read_text() == "They met to vote.\n"
    assert (repo / "drafts" / "s.txt").is_symlink()


def test_repository_boundary(tmp_path):
    # Nearest of the configuration's folder and the git work tree; else the folder given.
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / ".git").mkdir()
    assert repository(str(tmp_path / "a" / "b" / "c")) == str(tmp_path / "a")
    (tmp_path / "a" / "b" / ".newslint.toml").write_text("")
    assert repository(str(tmp_path / "a" / "b" / "c")) == str(tmp_path / "a" / "b")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "f.txt").write_text("")
    assert repository(str(tmp_path / "x" / "f.txt")) == str(tmp_path / "x")
    # A link named on the command line belongs to the folder it sits in.
    os.symlink(tmp_path / "a", tmp_path / "x" / "link")
    assert repository(str(tmp_path / "x" / "link")) == str(tmp_path / "x")
