"""The documented Dask example runs on the local scheduler and matches the CLI."""

from __future__ import annotations

import importlib.util
from collections import Counter

import pytest

pytest.importorskip("dask.bag")

import newslint  # noqa: E402
from tests.helpers import ROOT  # noqa: E402

EXAMPLE = ROOT / "examples" / "dask_archive.py"


def _example():
    spec = importlib.util.spec_from_file_location("dask_archive", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_dask_bag_over_a_folder(tmp_path, scheduler):
    for i in range(5):
        (tmp_path / f"s{i}.md").write_text(
            "The the vote.\n" * (i + 1) + "We met in order to win.\n"
        )
    (tmp_path / "notes.py").write_text("the the\n")
    report = _example().archive_report(str(tmp_path), scheduler=scheduler, partitions=3)
    expected = Counter(f.rule for f in newslint.check_paths([str(tmp_path)]).findings)
    assert report["files"] == 5
    assert report["by_rule"] == dict(expected)
    assert report["by_rule"]["typography.repeated-word"] == 15
