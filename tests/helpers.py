"""What several test files share."""

from __future__ import annotations

import io
from pathlib import Path

from newslint.cli import main

ROOT = Path(__file__).resolve().parent.parent  # the repository
DATA = Path(__file__).resolve().parent / "data"


def run(capsys, *args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``newslint ARGS`` run in-process
    (``stdin``: text to read from standard input, set through ``monkeypatch``)."""
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
