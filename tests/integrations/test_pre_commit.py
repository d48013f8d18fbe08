"""The pre-commit hook, for real: `pre-commit try-repo` against this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT  # noqa: E402

# pip's own words when the package index cannot be reached.
OFFLINE_SIGNS = (
    "Failed to establish a new connection",
    "No matching distribution",
    "Temporary failure in name resolution",
    "Could not find a version",
)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_try_repo_fails_a_draft_with_a_typo_and_passes_a_clean_one(tmp_path):
    work = tmp_path / "newsroom"
    work.mkdir()
    _git(work, "init", "-q")
    (work / "bad.md").write_text("# Budget\n\nThe goverment approved the budget.\n")
    (work / "good.md").write_text("# Budget\n\nThe council approved the budget on Tuesday.\n")
    (work / "notes.py").write_text("x = 'the the'\n")  # not a draft: the hook must skip it
    _git(work, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newslint", "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 and any(sign in out for sign in OFFLINE_SIGNS):
        pytest.skip("the package index is unreachable, so pre-commit cannot build the hook")
    assert proc.returncode == 1, out
    assert "bad.md:3:5: spelling.typo error Possible typo: 'goverment' [government]" in out
    assert "good.md" not in out
    assert "notes.py" not in out
