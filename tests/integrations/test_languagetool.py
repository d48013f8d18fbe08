"""grammar.*: LanguageTool through language-tool-python, against a local stand-in server."""

from __future__ import annotations

import json

import pytest

import newslint
from newslint.checks import languagetool
from tests.integrations import languagetool_fake as fake


@pytest.fixture(scope="module")
def url():
    server, base = fake.start()
    yield base
    server.shutdown()


@pytest.fixture(autouse=True)
def _fresh_state(monkeypatch):
    # Servers and notices are remembered per process; each test starts clean.
    monkeypatch.setattr(languagetool, "_servers", {})
    monkeypatch.setattr(languagetool, "_noticed", set())
    fake.requests_seen.clear()


def _check(text, path, url, **extra):
    config = {"languagetool": {"url": url, **extra}}
    return [
        f
        for f in newslint.check_text(text, path=path, config=config, select=["grammar"])
        if f.rule.startswith("grammar.")
    ]


def test_plain_text_findings_with_rule_ids_and_categories(url):
    (f,) = _check("The minister have said no.", "t.txt", url)
    assert (f.rule, f.line, f.column, f.end_column) == ("grammar.grammar", 1, 14, 23)
    assert f.message == "Possible agreement error. (LanguageTool HAVE_PART_AGREEMENT, Grammar)"
    assert f.suggestions == ("has said",)


def test_categories_map_to_rules(url):
    found = _check("It was absolutely essential , they said.", "t.txt", url)
    assert sorted(f.rule for f in found) == ["grammar.punctuation", "grammar.style"]


def test_markdown_is_sent_as_annotation_and_positions_map_back(url):
    text = "# Vote\n\nThe **minister** [have said](https://x.test/a) no &amp; left.\n"
    (f,) = _check(text, "story.md", url)
    line = text.splitlines()[f.line - 1]
    assert f.line == 3 and line[f.column - 1 : f.end_column - 1] == "have said"
    (form,) = fake.requests_seen
    parts = json.loads(form["data"])["annotation"]
    # The annotation is the source itself: text and markup together rebuild it.
    rebuilt = "".join(p.get("text", p.get("markup", "")) for p in parts)
    assert rebuilt == text[text.index("Vote") : text.index("left.") + 5]
    assert {"markup": "**", "interpretAs": ""} in parts
    assert {"markup": "&amp;", "interpretAs": "&"} in parts
    assert form["language"] == "en-US"
    assert "TYPOS" in form["disabledCategories"]


def test_html_positions(url):
    text = "<p>Officials <em>have said</em> little.</p>"
    (f,) = _check(text, "story.html", url)
    assert text[f.column - 1 : f.end_column - 1] == "have said"


def test_quoted_speech_is_not_checked(url):
    assert _check('"We have said enough," the mayor said.', "t.txt", url) == []


def test_repeated_words_are_left_to_newslint(url):
    assert _check("The the minister resigned.", "t.txt", url) == []
    assert "ENGLISH_WORD_REPEAT_RULE" in fake.requests_seen[0]["disabledRules"]


def test_one_request_per_batch_of_blocks(url, monkeypatch):
    text = "\n\n".join(f"Paragraph {i} have said a thing." for i in range(30))
    found = _check(text, "t.txt", url)
    assert len(found) == 30 and len(fake.requests_seen) == 1
    monkeypatch.setattr(languagetool, "_BATCH", 200)
    fake.requests_seen.clear()
    found = _check(text, "t.md", url)
    assert len(found) == 30 and 1 < len(fake.requests_seen) < 30
    assert [f.line for f in found] == list(range(1, 60, 2))


def test_language_option_is_sent(url):
    _check("Fine.", "t.txt", url, language="en-GB")
    assert fake.requests_seen[0]["language"] == "en-GB"


def test_timeout_is_one_notice_not_an_error(url, capsys):
    found = _check("This is slow. They have said.", "t.txt", url, timeout=0.5)
    assert found == []
    err = capsys.readouterr().err
    assert err.count("newslint: grammar rules skipped") == 1 and "\n" == err[-1]
    # The server is not asked again in this process.
    assert _check("They have said.", "t.txt", url, timeout=0.5) == []
    assert capsys.readouterr().err == ""


def test_unreachable_server_is_one_notice(capsys):
    dead = "http://127.0.0.1:9"  # discard port: nothing listens
    assert _check("They have said.", "a.txt", dead, timeout=1) == []
    assert _check("They have said.", "b.txt", dead, timeout=1) == []
    err = capsys.readouterr().err
    assert err.count("newslint: grammar rules skipped: cannot use http://127.0.0.1:9") == 1


def test_no_server_and_no_local_languagetool_is_one_notice(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("LTP_PATH", str(tmp_path))  # where language-tool-python looks
    config = {"languagetool": {"language": "en-US"}}
    for _ in range(2):
        assert [
            f
            for f in newslint.check_text("They have said.", path="t.txt", config=config)
            if f.rule.startswith("grammar.")
        ] == []
    err = capsys.readouterr().err
    assert err.count("no local LanguageTool found") == 1


def test_without_a_languagetool_table_nothing_happens(capsys):
    found = newslint.check_text("They have said.", path="t.txt", select=["grammar"])
    assert found == []
    assert capsys.readouterr().err == ""


def test_rules_lists_grammar_off_and_says_how_to_turn_it_on(capsys, tmp_path, monkeypatch):
    """Issue 21: without a LanguageTool server grammar.* are off in `newslint rules`, with
    one line saying how to turn them on; with a [languagetool] table they are on."""
    from tests.helpers import run

    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "rules")
    assert code == 0
    rows = [line.split() for line in out.splitlines() if line.startswith("grammar.")]
    assert [r[:3] for r in rows if len(r) > 2 and r[2] in ("on", "off")] == [
        ["grammar.grammar", "warning", "off"],
        ["grammar.punctuation", "info", "off"],
        ["grammar.style", "info", "off"],
    ]
    notes = [line for line in out.splitlines() if "off until" in line]
    assert len(notes) == 1
    assert notes[0].startswith("grammar.grammar, grammar.punctuation, grammar.style: off until")
    assert "[languagetool]" in notes[0] and "--allow-network" in notes[0]
    (tmp_path / ".newslint.toml").write_text('[languagetool]\nlanguage = "en-GB"\n')
    code, out, _ = run(capsys, "rules", "--config", ".newslint.toml")
    assert "off until" not in out
    assert any(
        line.split()[:3] == ["grammar.grammar", "warning", "on"] for line in out.splitlines()
    )


def test_an_empty_languagetool_table_leaves_grammar_off(capsys):
    found = newslint.check_text(
        "They have said.", path="t.txt", config={"languagetool": {}}, select=["grammar.grammar"]
    )
    assert found == [] and capsys.readouterr().err == ""
