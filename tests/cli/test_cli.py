"""The command line: exit codes, formats, configuration errors, suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newslint.cli import main
from tests.helpers import DATA, run

DRAFT = "The minister said the the talks had failed in order to save face.\n"


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


SELECT = "--select=typography.repeated-word,style.wordy"


def test_text_format_and_exit_1(capsys, draft):
    code, out, err = run(capsys, "check", SELECT, str(draft))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{draft}:1:19: typography.repeated-word error Repeated word: 'the the'."
    assert lines[1].endswith("style.wordy info Wordy: 'in order to' can be 'to'. [to]")
    assert err == ""


def test_fail_level_decides_exit_code(capsys, draft, tmp_path):
    # The default failing level is error: an info or warning finding alone passes.
    assert run(capsys, "check", "--select=style.wordy", str(draft))[0] == 0
    assert run(capsys, "check", "--select=style.wordy", "--fail-level=info", str(draft))[0] == 1
    weasel = tmp_path / "weasel.txt"
    weasel.write_text("The plan is widely considered a failure.\n")
    assert run(capsys, "check", "--select=style.weasel", str(weasel))[0] == 0
    assert run(capsys, "check", "--select=style.weasel", "--fail-level=warning", str(weasel))[0] == 1
    assert run(capsys, "check", SELECT, str(draft))[0] == 1  # a doubled word is an error


def test_clean_file_exits_0(capsys, tmp_path):
    path = tmp_path / "clean.md"
    path.write_text("# Council meets\n\nThe council met on Tuesday.\n", encoding="utf-8")
    assert run(capsys, "check", SELECT, str(path)) == (0, "", "")


def test_json_format(capsys, draft):
    code, out, _ = run(capsys, "check", SELECT, "--format=json", str(draft))
    data = json.loads(out)
    assert data["version"] == 1
    first = data["findings"][0]
    assert first == {
        "path": str(draft),
        "line": 1,
        "column": 19,
        "end_line": 1,
        "end_column": 26,
        "rule": "typography.repeated-word",
        "severity": "error",
        "message": "Repeated word: 'the the'.",
        "suggestions": [],
    }


def test_github_format(capsys, draft):
    _, out, _ = run(capsys, "check", SELECT, "--format=github", str(draft))
    assert out.splitlines()[0] == (
        f"::error file={draft},line=1,col=19,endLine=1,endColumn=26,"
        "title=typography.repeated-word::Repeated word: 'the the'."
    )
    assert out.splitlines()[1].startswith("::notice ")


def test_sarif_validates_against_the_spec(capsys, draft):
    _, out, _ = run(capsys, "check", SELECT, "--format=sarif", str(draft))
    log = json.loads(out)
    schema = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text())
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    results = log["runs"][0]["results"]
    assert results[0]["ruleId"] == "typography.repeated-word"
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 19
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]]["id"] == "typography.repeated-word"


def test_stdin_with_filename_picks_format(capsys, monkeypatch):
    md = "Some `the the` code and the the prose.\n"
    code, out, _ = run(
        capsys, "check", SELECT, "--stdin-filename=story.md", "-", stdin=md, monkeypatch=monkeypatch
    )
    assert code == 1
    assert out == "story.md:1:25: typography.repeated-word error Repeated word: 'the the'.\n"


def test_missing_file_is_exit_2_and_others_still_checked(capsys, draft, tmp_path):
    code, out, err = run(capsys, "check", SELECT, str(tmp_path / "nope.txt"), str(draft))
    assert code == 2
    assert "typography.repeated-word" in out
    assert err.strip() == f"newslint: {tmp_path / 'nope.txt'}: no such file or folder"


def test_binary_file_is_one_line_error(capsys, tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, err = run(capsys, "check", SELECT, str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(bad) in err and "binary" in err


def test_usage_error_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format=pdf"])
    assert exc.value.code == 2


def test_unknown_rule_in_select(capsys, draft):
    code, _, err = run(capsys, "check", "--select=nope.rule", str(draft))
    assert code == 2 and "unknown rule or group 'nope.rule'" in err


def test_folder_walk_skips_hidden_and_other_extensions(capsys, tmp_path):
    (tmp_path / "a.md").write_text("the the\n")
    (tmp_path / "b.py").write_text("the the\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.md").write_text("the the\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.html").write_text("<p>the the</p>\n")
    code, out, _ = run(capsys, "check", SELECT, str(tmp_path))
    paths = [line.split(":")[0] for line in out.splitlines()]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "sub" / "d.html")]


def test_jobs_give_identical_output(capsys, tmp_path):
    for i in range(12):
        (tmp_path / f"s{i:02}.txt").write_text(DRAFT * (i + 1))
    one = run(capsys, "check", SELECT, "--jobs=1", "--format=json", str(tmp_path))
    two = run(capsys, "check", SELECT, "--jobs=2", "--format=json", str(tmp_path))
    assert one == two and one[0] == 1


# -- configuration -----------------------------------------------------------------


def test_config_discovered_upward(capsys, tmp_path):
    (tmp_path / ".newslint.toml").write_text('select = ["style.wordy"]\nfail-level = "info"\n')
    (tmp_path / "desk").mkdir()
    story = tmp_path / "desk" / "story.txt"
    story.write_text(DRAFT)
    code, out, _ = run(capsys, "check", str(story))
    assert code == 1
    assert [line.split()[1] for line in out.splitlines()] == ["style.wordy"]


def test_pyproject_tool_section(capsys, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.newslint]\nselect = ["typography"]\n'
    )
    story = tmp_path / "story.txt"
    story.write_text(DRAFT)
    _, out, _ = run(capsys, "check", str(story))
    assert [line.split()[1] for line in out.splitlines()] == ["typography.repeated-word"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('selct = ["x"]\n', "config.toml:1: unknown key 'selct'"),
        ('select = "spelling"\n', "config.toml:1: 'select' must be a list of rule ids or groups"),
        ('fail-level = "fatal"\n', "'fail-level' must be one of info, warning, error"),
        (
            '[spelling]\naccept = "Jiechi"\n',
            "config.toml:2: 'spelling.accept' must be a list of words",
        ),
        ('[spelling]\nacept = ["Jiechi"]\n', "config.toml:2: unknown key 'spelling.acept'"),
        ("select = [\n", "config.toml: invalid TOML"),
        ('packs = ["missing-pack"]\n', "rule pack not found"),
    ],
)
def test_config_errors_name_file_line_and_key(capsys, draft, tmp_path, toml, message):
    cfg = tmp_path / "config.toml"
    cfg.write_text(toml)
    code, out, err = run(capsys, "check", f"--config={cfg}", str(draft))
    assert code == 2 and out == ""
    assert message in err and err.startswith("newslint: ") and err.count("\n") == 1


def test_user_rule_pack(capsys, tmp_path):
    pack = tmp_path / "house"
    (pack / "house").mkdir(parents=True)
    (pack / "house" / "banned.yml").write_text(
        "kind: existence\nlevel: error\nmessage: \"Avoid '{match}'.\"\ntokens: [game changer]\n"
    )
    (tmp_path / ".newslint.toml").write_text('packs = ["house"]\nselect = ["house"]\n')
    story = tmp_path / "story.md"
    story.write_text("A real\ngame   changer, they said.\n")
    code, out, _ = run(capsys, "check", str(story))
    assert code == 1
    assert out == f"{story}:2:1: house.banned error Avoid 'game changer'.\n"


@pytest.mark.parametrize(
    ("rule_yaml", "message"),
    [
        ("kind: existence\ntokens: [a]\nlevle: error\n", "banned.yml:3: unknown key 'levle'"),
        ("kind: exists\ntokens: [a]\n", "banned.yml:1: unknown rule kind 'exists'"),
        ("kind: existence\ntokens: [a\n", "banned.yml:3: invalid YAML"),
        ("kind: existence\npatterns: ['(a']\n", "banned.yml:2: bad pattern"),
        (
            "kind: existence\ntokens: [a]\nscope: [sentnce]\n",
            "banned.yml:3: unknown scope 'sentnce'",
        ),
        (
            "kind: code\nfunction: spelling.typo:typo\nmessage: 'Typo!'\n",
            "banned.yml:3: a code rule takes no 'message'",
        ),
        (
            "kind: code\nfunction: spelling.typo:typo\nscope: [sentence]\n",
            "banned.yml:3: a code rule takes no 'scope'",
        ),
    ],
)
def test_broken_rule_pack_names_file_and_line(capsys, tmp_path, draft, rule_yaml, message):
    (tmp_path / "pack" / "house").mkdir(parents=True)
    (tmp_path / "pack" / "house" / "banned.yml").write_text(rule_yaml)
    cfg = tmp_path / "c.toml"
    cfg.write_text('packs = ["pack"]\n')
    code, _, err = run(capsys, "check", f"--config={cfg}", str(draft))
    assert code == 2 and message in err and err.count("\n") == 1


def test_catastrophic_user_pattern_is_reported_not_hung(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("newslint.kinds.base.PATTERN_TIMEOUT", 0.2)
    (tmp_path / "pack" / "house").mkdir(parents=True)
    (tmp_path / "pack" / "house" / "slow.yml").write_text(
        "kind: existence\npatterns: ['(a|aa)+$']\n"
    )
    cfg = tmp_path / "c.toml"
    cfg.write_text('packs = ["pack"]\nselect = ["house"]\n')
    story = tmp_path / "s.txt"
    story.write_text("a" * 40 + "!\n")
    code, _, err = run(capsys, "check", f"--config={cfg}", str(story))
    assert code == 2 and "house.slow" in err and "timed out" in err


# -- suppression comments ------------------------------------------------------------


def test_disable_and_enable_in_markdown(capsys, tmp_path):
    story = tmp_path / "s.md"
    story.write_text(
        "the the one\n\n<!-- newslint-disable typography -->\n\nthe the two\n\n"
        "<!-- newslint-enable typography -->\n\nthe the three\n\n"
        "<!-- newslint-disable-next-line typography.repeated-word -->\nthe the four\n"
    )
    _, out, _ = run(capsys, "check", SELECT, str(story))
    assert [int(line.split(":")[1]) for line in out.splitlines()] == [1, 9]


def test_disable_in_html_and_plain_text(capsys, tmp_path):
    page = tmp_path / "s.html"
    page.write_text("<p>the the</p>\n<!-- newslint-disable -->\n<p>the the</p>\n")
    plain = tmp_path / "s.txt"
    plain.write_text("the the\n<!-- newslint-disable-next-line -->\nthe the\nthe the\n")
    _, out, _ = run(capsys, "check", SELECT, str(page), str(plain))
    assert [tuple(line.split(":")[:2]) for line in out.splitlines()] == [
        (str(page), "1"),
        (str(plain), "1"),
        (str(plain), "4"),
    ]


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "typography.repeated-word" in out and "style.wordy" in out
    code, out, _ = run(capsys, "explain", "style.wordy")
    assert code == 0 and "Why:" in out and "in order to" in out
    code, _, err = run(capsys, "explain", "style.nope")
    assert code == 2 and "unknown rule 'style.nope'" in err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("newslint ")


def test_folder_without_drafts_says_so(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.py").write_text("x = 1\n")
    code, out, err = run(capsys, "check", str(tmp_path / "empty"))
    assert code == 0 and out == ""
    assert err.startswith(f"newslint: no drafts found in {tmp_path / 'empty'} (looked for *.txt")
