"""Cases 2 and 5 of issue 20: nothing in the cache of findings is trusted. A cache folder
that is a link never makes newslint write outside the tree; a planted entry never hides
findings."""

from __future__ import annotations

import glob
import os

import pytest

from newslint.cache import CACHE_DIR
from tests.helpers import run

SELECT = "--select=typography.repeated-word"


@pytest.fixture(autouse=True)
def _own_user_cache(tmp_path, monkeypatch):
    """A user cache folder (the pack cache and the key) of the test's own."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "user-cache"))


def _repo(tmp_path, monkeypatch):
    repo = tmp_path / "parent" / "repo"
    repo.mkdir(parents=True)
    (repo / "s.txt").write_text("They said the the words.\n")
    monkeypatch.chdir(repo)
    return repo


# -- case 2: the cache folder ----------------------------------------------------------


def test_cache_folder_linked_to_the_parent_writes_nothing_there(capsys, tmp_path, monkeypatch):
    repo = _repo(tmp_path, monkeypatch)
    (repo / CACHE_DIR).symlink_to("..")
    before = sorted(os.listdir(repo.parent))
    code, out, err = run(capsys, "check", SELECT, ".")
    assert code == 1 and "s.txt:1:11" in out
    assert sorted(os.listdir(repo.parent)) == before  # no .gitignore, no version folder
    assert f"newslint: {CACHE_DIR}: not a real folder" in err and "cache of findings is off" in err


def test_linked_version_or_entry_folder_writes_nothing_outside(capsys, tmp_path, monkeypatch):
    from newslint import __version__

    repo = _repo(tmp_path, monkeypatch)
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / CACHE_DIR).mkdir()
    (repo / CACHE_DIR / __version__).symlink_to(outside)
    code, out, err = run(capsys, "check", SELECT, ".")
    assert code == 1 and os.listdir(outside) == []
    # A link one level further down (an entry's folder) is refused too.
    os.unlink(repo / CACHE_DIR / __version__)
    (repo / CACHE_DIR / __version__).mkdir()
    for k in range(256):
        (repo / CACHE_DIR / __version__ / f"{k:02x}").symlink_to(outside)
    code, out, err = run(capsys, "check", SELECT, ".")
    assert code == 1 and os.listdir(outside) == []


def test_gitignore_link_is_not_written_through(capsys, tmp_path, monkeypatch):
    repo = _repo(tmp_path, monkeypatch)
    victim = tmp_path / "victim.txt"  # a dangling link: writing through it would create it
    (repo / CACHE_DIR).mkdir()
    (repo / CACHE_DIR / ".gitignore").symlink_to(victim)
    run(capsys, "check", SELECT, ".")
    assert not victim.exists() and (repo / CACHE_DIR / ".gitignore").is_symlink()


# -- case 5: planted entries -------------------------------------------------------------


def test_a_planted_empty_entry_does_not_hide_findings(capsys, tmp_path, monkeypatch):
    _repo(tmp_path, monkeypatch)
    code, out, _ = run(capsys, "check", SELECT, ".")
    assert code == 1
    entries = glob.glob(f"{CACHE_DIR}/*/*/*.json")
    assert entries
    for entry in entries:  # what a hostile commit would hold: "no findings"
        with open(entry, "w") as fh:
            fh.write("[]")
    code, again, _ = run(capsys, "check", SELECT, ".")
    assert code == 1 and again == out
    # Signed with a key that is not the user's: refused as well.
    for entry in entries:
        with open(entry, "w") as fh:
            fh.write("0" * 64 + "\n[]")
    assert run(capsys, "check", SELECT, ".")[:2] == (1, out)


def test_entries_are_reused_when_untouched(capsys, tmp_path, monkeypatch):
    _repo(tmp_path, monkeypatch)
    first = run(capsys, "check", SELECT, ".")
    import newslint.api as api

    calls = []
    real = api.linter_for

    def counting(config):
        linter = real(config)
        calls.append(1)
        return linter

    monkeypatch.setattr(api, "linter_for", counting)
    monkeypatch.setattr(api, "_caches", {})
    assert run(capsys, "check", SELECT, ".") == first
    assert len(calls) == 1  # built up front only; the file itself came from the cache
