"""Issue 2's acceptance checks, end to end through the CLI.

The seed article lives in ../shared/examples (beside the checkout for developers
and CI); it is read there, never copied into the project.
"""

from __future__ import annotations

import json

import pytest

from newslint.cli import main
from tests.helpers import ROOT  # noqa: E402

SEED = ROOT.parent / "shared" / "examples" / "seed-article.txt"


def findings(capsys, *args):
    code = main(["check", "--no-cache", "--format=json", *args])
    return code, json.loads(capsys.readouterr().out)["findings"]


@pytest.mark.skipif(
    not SEED.is_file(), reason="../shared/examples/seed-article.txt is not beside the checkout"
)
def test_seed_article(capsys, tmp_path):
    code, found = findings(capsys, str(SEED))
    assert code == 1
    typos = [f for f in found if f["rule"] == "spelling.typo"]
    assert [(f["line"], f["column"], f["suggestions"][0]) for f in typos] == [(9, 563, "British")]
    vague = [f for f in found if f["rule"] == "sourcing.vague"]
    source_lines = SEED.read_text(encoding="utf-8").splitlines()
    assert [source_lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] for f in vague] == [
        "activists claim"
    ]
    config = tmp_path / "house.toml"
    config.write_text('[names]\npreferred = { "Uyghur" = ["Uighur"] }\n')
    _, found = findings(capsys, f"--config={config}", str(SEED))
    preferred = [f for f in found if f["rule"] == "names.preferred"]
    assert [
        source_lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] for f in preferred
    ] == [
        "Uighurs",
        "Uighurs",
    ]


def test_names_and_handles_in_news_are_not_typos(capsys, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Blinken spoke to Yang Jiechi about the Uighurs in Xinjiang, Al Jazeera and PTI "
        "reported. Blinken later posted from @SecBlinken.\n"
    )
    _, found = findings(capsys, "--select=spelling", str(draft))
    assert found == []


def test_markdown_link_text_inconsistency(capsys, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(
        "# Camps\n\nThe Uyghur community met. Uyghur leaders spoke.\n\n"
        "See [the Uighur report](https://example.org/Uighur).\n\n"
        "```\nUighur in code\n```\n"
    )
    _, found = findings(capsys, "--select=names.inconsistent", str(draft))
    assert [(f["line"], f["column"], f["end_column"], f["suggestions"]) for f in found] == [
        (5, 10, 16, ["Uyghur"])
    ]
