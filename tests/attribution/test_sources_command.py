"""`newslint sources`: the source audit of docs/formats.md, on drafts written for the test."""

from __future__ import annotations

import json

from newslint.cli import main

DRAFT = (
    "The mayor, Ana Silva, said on Monday that the bridge would reopen.\n\n"
    '"We are on schedule," Silva told reporters.\n\n'
    "Critics say the repairs were rushed.\n\n"
    "It is believed the cost doubled.\n"
)


def test_sources_json(capsys, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(DRAFT)
    assert main(["sources", "--format=json", str(story)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    (entry,) = data["files"]
    assert entry["path"] == str(story)
    kinds = [
        (a["source"] and a["source"]["text"], a["cue"]["text"], a["kind"])
        for a in entry["attributions"]
    ]
    assert kinds == [
        ("The mayor, Ana Silva", "said", "named-person"),
        ("Silva", "told", "named-person"),
        ("Critics", "say", "vague"),
        (None, "It is believed", "none"),
    ]
    said = entry["attributions"][0]
    assert (said["cue"]["line"], said["cue"]["column"], said["cue"]["end_column"]) == (1, 23, 27)
    assert entry["attributions"][1]["quote"] is True
    summary = entry["summary"]
    assert {k: summary[k] for k in ("attributions", "named", "anonymous", "vague", "none")} == {
        "attributions": 4,
        "named": 2,
        "anonymous": 0,
        "vague": 1,
        "none": 1,
    }
    assert summary["pronoun"] == 0
    # Who is cited: "The mayor, Ana Silva" and "Silva" are one person; no gender is
    # read from her name.
    assert summary["people"] == [
        {"name": "Ana Silva", "gender": None, "attributions": 2, "quotes": 1}
    ]
    assert summary["organisations"] == []
    assert summary["gender"] == {"female": 0, "male": 0, "unknown": 1}
    assert entry["attributions"][0]["speaker"] == {
        "name": "Ana Silva",
        "type": "person",
        "gender": None,
    }
    assert entry["attributions"][2]["speaker"] is None  # a vague source is nobody in particular


def test_sources_text_and_missing_file(capsys, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(DRAFT)
    code = main(["sources", str(story), str(tmp_path / "nope.txt")])
    out, err = capsys.readouterr()
    assert code == 2 and err.strip().endswith("nope.txt: no such file or folder")
    assert (
        "4 attributions: 2 named, 0 anonymous, 1 vague, 0 unresolved pronoun, 1 none; 50% named"
        in out
    )
