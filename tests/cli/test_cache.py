"""The cache of findings: a second run over unchanged files checks nothing again,
and anything that could change a result misses the cache."""

from __future__ import annotations

import os

import pytest

from newslint.engine import Linter
from tests.helpers import run

SELECT = "--select=typography.repeated-word,style.wordy"


@pytest.fixture()
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.txt").write_text("The the vote.\n")
    return tmp_path


def _count_checks(monkeypatch) -> list:
    calls = []
    real = Linter.check

    def counting(self, doc, **options):
        calls.append(doc.path)
        return real(self, doc, **options)

    monkeypatch.setattr(Linter, "check", counting)
    return calls


def test_second_run_reads_the_cache(capsys, workdir, monkeypatch):
    first = run(capsys, "check", SELECT, "s.txt")[:2]
    calls = _count_checks(monkeypatch)
    assert run(capsys, "check", SELECT, "s.txt")[:2] == first
    assert calls == []
    assert (workdir / ".newslint_cache" / ".gitignore").read_text().endswith("*\n")


def test_changes_miss_the_cache(capsys, workdir, monkeypatch):
    run(capsys, "check", SELECT, "s.txt")
    calls = _count_checks(monkeypatch)
    (workdir / "s.txt").write_text("The the vote in order to win.\n")
    code, out, _ = run(capsys, "check", SELECT, "s.txt")
    assert "style.wordy" in out and calls == ["s.txt"]
    (workdir / ".newslint.toml").write_text('ignore = ["style"]\n')
    code, out, _ = run(capsys, "check", SELECT, "s.txt")
    assert "style.wordy" not in out and calls == ["s.txt", "s.txt"]


def test_no_cache_checks_afresh_and_writes_nothing(capsys, workdir, monkeypatch):
    calls = _count_checks(monkeypatch)
    run(capsys, "check", SELECT, "--no-cache", "s.txt")
    run(capsys, "check", SELECT, "--no-cache", "s.txt")
    assert calls == ["s.txt", "s.txt"]
    assert not os.path.exists(workdir / ".newslint_cache")
