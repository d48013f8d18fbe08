"""`newslint sources --summary`: who gets quoted across a desk's drafts (issue 17, part 4),
on drafts written for the test. Gender is read only from what the text says."""

from __future__ import annotations

import json
import re

from newslint.cli import main

STORIES = {
    "bridge.txt": (
        "The mayor, Ana Silva, said on Monday that the bridge would reopen in May.\n\n"
        '"We are on schedule," Ms Silva told reporters.\n\n'
        "Critics say the repairs were rushed. Tom Reed, an engineer, said the steel was "
        'sound. "I checked every weld myself," he said.\n\n'
        "The Highways Agency said it would publish the inspection report.\n"
    ),
    "school.txt": (
        "Jordan Lee, the head teacher, said the school would stay open.\n\n"
        "Officials said the roof was safe. Mr Okafor, whose son attends the school, "
        'said he was worried. "Nobody has shown us the survey," he said.\n\n'
        "The Highways Agency said the road outside would close in June.\n"
    ),
    "vote.txt": (
        "Ana Silva said the council had backed the plan by seven votes to two.\n\n"
        "It is believed the vote was closer than expected.\n"
    ),
}


def _desk(tmp_path):
    for name, text in STORIES.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_summary_json_counts_people_organisations_and_gender(capsys, tmp_path):
    folder = _desk(tmp_path)
    assert main(["sources", "--summary", "--format=json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1 and len(data["files"]) == 3  # the per-story entries stay
    by_name = {f["path"].rsplit("/", 1)[-1]: f["summary"] for f in data["files"]}
    bridge = by_name["bridge.txt"]
    assert [(p["name"], p["gender"]) for p in bridge["people"]] == [
        ("Ana Silva", "female"),  # "Ms Silva"
        ("Tom Reed", "male"),  # "he" resolved to him
    ]
    assert bridge["people"][0]["attributions"] == 2 and bridge["people"][0]["quotes"] == 1
    assert [o["name"] for o in bridge["organisations"]] == ["Highways Agency"]
    school = by_name["school.txt"]
    # "Jordan Lee" has no honorific and no pronoun: a given name says nothing.
    assert {p["name"]: p["gender"] for p in school["people"]} == {
        "Okafor": "male",
        "Jordan Lee": None,
    }
    desk = data["desk"]
    assert desk["stories"] == 3
    assert desk["shares"]["vague"] > 0 and desk["shares"]["named"] > desk["shares"]["vague"]
    assert desk["people"][0]["name"] == "Ana Silva"
    assert desk["people"][0]["stories"] == 2 and desk["people"][0]["attributions"] == 3
    assert desk["organisations"][0] == {
        "name": "Highways Agency",
        "stories": 2,
        "attributions": 2,
        "quotes": 0,
    }
    # People once a story: Silva twice (bridge, vote), Reed, Okafor, Lee. Each story
    # must say so itself: vote.txt gives Silva no honorific and no pronoun.
    assert desk["gender"] == {"female": 1, "male": 2, "unknown": 2}
    assert desk["women_share"] == 0.333


def test_summary_text(capsys, tmp_path):
    folder = _desk(tmp_path)
    assert main(["sources", "--summary", str(folder)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"bridge\.txt: \d+ attributions; sources \d+% named", out)
    assert "Desk: 3 stories" in out
    assert "women 1, men 2, not given 2; women 33% of those the text gives a gender" in out
    assert "most cited people: Ana Silva 3 in 2 stories" in out
    assert "most cited organisations: Highways Agency 2 in 2 stories" in out


def test_the_html_report_charts_the_desk_offline(capsys, tmp_path):
    folder = _desk(tmp_path)
    main(["check", "--no-cache", "--format=html", str(folder)])
    page = capsys.readouterr().out
    assert '<section class="desk">' in page and "Sources across 3 drafts" in page
    assert 'aria-label="People quoted: women 1, men 2, not given 2"' in page
    assert "<h3>People quoted</h3>" in page  # each draft's own box
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # no external assets
