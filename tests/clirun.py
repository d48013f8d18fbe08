"""Run the command line in-process, as the tests that drive ``newslint`` do."""

from __future__ import annotations

from newslint.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``newslint ARGS``."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
