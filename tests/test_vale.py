"""Vale styles as rule packs (issue 21, part 3): tests/data/vale/styles/Newsroom holds a rule
of every extension point, written for these tests, and rules newslint cannot run; a
vocabulary is in styles/config/vocabularies/Newsroom. docs/vale.md describes what maps."""

from __future__ import annotations

import pytest

from newslint.api import check_text
from newslint.config import ConfigError
from tests.helpers import DATA, run

STYLE = DATA / "vale" / "styles" / "Newsroom"
VOCAB = DATA / "vale" / "styles" / "config" / "vocabularies" / "Newsroom"

STORY = """# Ministers Back The New Plan For NATO

## Why It Matters

The deal is a game changer, officials said.  The talks in Kiev are under way. The the minister sent an e-mail.
The World Health Organization (WHO) said the WHO plan and the IMF plan were unprecedented.
His advisor spoke first; later the adviser resigned. Zelenskyy met zelenskyy and tiktok executives in kiev.
"""


def findings(text: str, packs, select=("Newsroom", "Vale"), path="story.md", **extra):
    config = {"packs": [str(p) for p in packs], "select": list(select), **extra}
    return [(f.line, f.column, f.rule, f.severity) for f in check_text(text, path, config=config)]


def test_every_supported_extension_point_runs_as_documented():
    found = findings(STORY, [STYLE], select=("Newsroom",))
    assert found == [
        (1, 3, "Newsroom.Headings", "warning"),  # capitalization, $sentence
        (1, 3, "Newsroom.Headlines", "info"),  # capitalization, $title (AP), heading.h1
        (3, 4, "Newsroom.Headings", "warning"),
        (5, 15, "Newsroom.Hype", "warning"),  # existence, ignorecase
        (5, 42, "Newsroom.Spaces", "info"),  # existence, nonword raw
        (5, 59, "Newsroom.Terms", "error"),  # substitution
        (5, 79, "Newsroom.Repeated", "error"),  # repetition
        (5, 104, "Newsroom.Terms", "error"),
        (6, 63, "Newsroom.Acronyms", "info"),  # conditional: IMF undefined, WHO defined
        (6, 77, "Newsroom.Hype", "warning"),
        (7, 36, "Newsroom.Spelling", "warning"),  # consistency: advisor / adviser
        (7, 103, "Newsroom.Terms", "error"),  # "kiev": ignorecase
    ]


def test_messages_and_suggestions_follow_vale():
    by_rule: dict = {}
    for f in check_text(STORY, "story.md", config={"packs": [str(STYLE)], "select": ["Newsroom"]}):
        by_rule.setdefault(f.rule, f)
    assert by_rule["Newsroom.Hype"].message == "Drop the hype: 'game changer'."
    assert by_rule["Newsroom.Terms"].message == "Use 'Kyiv' rather than 'Kiev'."
    assert by_rule["Newsroom.Terms"].suggestions == ("Kyiv",)
    assert by_rule["Newsroom.Repeated"].message == "'the' is repeated."
    assert by_rule["Newsroom.Headings"].suggestions == ("Ministers back the new plan for NATO",)
    assert by_rule["Newsroom.Headlines"].suggestions == ("Ministers Back the New Plan for NATO",)


def test_occurrence_counts_per_sentence():
    long = " ".join(["word"] * 45) + ". Short one."
    found = check_text(
        long, "s.txt", config={"packs": [str(STYLE)], "select": ["Newsroom.SentenceLength"]}
    )
    assert [(f.column, f.message) for f in found] == [
        (1, "Keep sentences under 40 words (this one has 45).")
    ]


def test_exceptions_and_the_accepted_vocabulary():
    text = "The Slam Dunk contest. Critics slammed the IMF plan.\n"
    found = findings(text, [STYLE], select=("Newsroom",))
    assert [f[2] for f in found] == ["Newsroom.Hype", "Newsroom.Acronyms"]


def test_vocabulary_terms_avoid_exceptions_and_spelling(tmp_path):
    vocab = tmp_path / "House"
    vocab.mkdir()
    (vocab / "accept.txt").write_text("IMF\nZelenskyy\nmea culpa\nKwasi\n")
    (vocab / "reject.txt").write_text("Kiev\n")
    text = "Kwasi met zelenskyy in Kiev. The IMF plan was a mea culpa.\n"
    found = findings(text, [STYLE, vocab], select=("Newsroom", "Vale", "spelling.typo"))
    rules = [f[2] for f in found]
    assert "Newsroom.Acronyms" not in rules  # IMF is accepted: an exception
    assert rules.count("Vale.Terms") == 1  # zelenskyy -> Zelenskyy
    assert "Vale.Avoid" in rules  # Kiev is rejected
    assert "spelling.typo" not in rules  # Kwasi, mea, culpa are accepted words
    # The same story without the vocabulary: spelling.typo has its say.
    assert "spelling.typo" in [f[2] for f in findings(text, [STYLE], select=("spelling.typo",))]


def test_two_vocabularies_make_one_terms_rule(tmp_path):
    for name, word in (("A", "TikTok"), ("B", "Zelenskyy")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "accept.txt").write_text(word + "\n")
    found = findings("zelenskyy and tiktok.\n", [tmp_path / "A", tmp_path / "B"], select=("Vale",))
    assert [f[2] for f in found] == ["Vale.Terms", "Vale.Terms"]


def test_what_newslint_cannot_run_is_one_notice_per_rule(capsys, tmp_path, monkeypatch):
    (tmp_path / ".newslint.toml").write_text(f'packs = ["{STYLE}"]\nselect = ["Newsroom"]\n')
    (tmp_path / "story.md").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # a Vale style is read afresh: its notices are never cached away
        code, out, err = run(capsys, "check", "--no-cache", "story.md")
        assert code == 1 and "Newsroom.Hype" in out
        lines = err.splitlines()
        assert all(line.startswith("newslint: ") and str(STYLE) in line for line in lines)
        for rule, why in (
            ("Newsroom.Typos (extends: spelling) not run", "spelling.typo"),
            ("Newsroom.Passive (extends: sequence) not run", "part-of-speech"),
            ("Newsroom.Grade (extends: readability) not run", "readability"),
            ("Newsroom.Script (extends: script) not run", "runs no code"),
            ("Newsroom.CodeNames not run: scope code", "prose"),
            ("Newsroom.Dashes: action 'edit' not run", "without a suggestion"),
            ("Newsroom.Headlines: scope 'heading.h1' read as 'heading'", "heading levels"),
        ):
            assert len([line for line in lines if rule in line and why in line]) == 1, rule
        assert len(lines) == 7
    code, out, err = run(capsys, "rules", "--config", ".newslint.toml")
    assert code == 0 and "Newsroom.Hype" in out and "Newsroom.Typos" not in out
    assert "Newsroom.Typos (extends: spelling) not run" in err


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("extends: existence\nmessage: x\ntokens: [a]\nswap: {a: b}\n", "'swap' is not a key"),
        ("extends: existence\nmessage: x\ntokens: ['(unclosed']\n", "bad pattern"),
        ("extends: existence\ntokens: [a]\n", "needs a 'message'"),
        ("extends: invention\nmessage: x\n", "'extends' must be one of"),
        ("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n", "'level' must be one of"),
        ("extends: existence\nmessage: x\nscope: marquee\ntokens: [a]\n", "unknown scope"),
    ],
)
def test_a_broken_vale_rule_is_an_error_naming_file_and_line(tmp_path, rule, message):
    style = tmp_path / "House"
    style.mkdir()
    (style / "Broken.yml").write_text(rule)
    with pytest.raises(ConfigError) as exc:
        check_text("Text.", config={"packs": [str(style)], "select": ["House"]})
    assert "Broken.yml" in str(exc.value) and message in str(exc.value)


def test_a_style_path_gives_each_style_its_name(tmp_path):
    for style in ("One", "Two"):
        (tmp_path / style).mkdir()
        (tmp_path / style / "Hype.yml").write_text(
            "extends: existence\nmessage: \"Hype: '%s'\"\nlevel: error\ntokens: [game changer]\n"
        )
    found = findings("A game changer.\n", [tmp_path], select=("One", "Two"), path="s.txt")
    assert [f[2] for f in found] == ["One.Hype", "Two.Hype"]


def test_a_vocabulary_file_outside_its_folder_is_refused(tmp_path):
    (tmp_path / "words.txt").write_text("Secret\n")
    vocab = tmp_path / "repo" / "House"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").symlink_to(tmp_path / "words.txt")
    with pytest.raises(ConfigError) as exc:
        check_text("Text.", config={"packs": [str(vocab)]})
    assert "outside the vocabulary folder" in str(exc.value)


def test_a_pattern_that_backtracks_names_the_rule(tmp_path, monkeypatch):
    from newslint.engine import RuleFailure
    from newslint.kinds import base

    monkeypatch.setattr(base, "PATTERN_TIMEOUT", 0.2)
    style = tmp_path / "House"
    style.mkdir()
    (style / "Slow.yml").write_text(
        "extends: existence\nmessage: x\nnonword: true\nraw: ['(a|aa)+$']\n"
    )
    with pytest.raises(RuleFailure) as exc:
        check_text("a" * 60 + "b", config={"packs": [str(style)], "select": ["House"]})
    assert "House.Slow" in str(exc.value) and "timed out" in str(exc.value)
