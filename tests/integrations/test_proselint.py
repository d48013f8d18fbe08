"""The proselint.* rules: proselint's checks through newslint's document model."""

from __future__ import annotations

import subprocess
import sys

import newslint
from newslint.checks import proselint_bridge
from newslint.engine import builtin_rules
from newslint.readers import parse


def _found(text: str, path: str = "t.txt", select=("proselint", "proselint.cliches"), **kw):
    return [
        f
        for f in newslint.check_text(text, path=path, select=list(select), **kw)
        if f.rule.startswith("proselint.")
    ]


def test_markdown_positions_point_at_the_source():
    text = "# Vote\n\nThe *result*, at the [end of the day](https://x.test), stood.\n"
    (f,) = _found(text, "story.md")
    assert (f.rule, f.line, f.column) == ("proselint.cliches", 3, 15)
    # The phrase spans link markup; the end is in the source, past the link text.
    assert text.splitlines()[2][f.column - 1 :].startswith("at the [end of the day]")


def test_html_entities_and_tags_do_not_shift_positions():
    text = "<p>Tom &amp; Jerry&#8217;s firm &mdash; <i>irregardless</i> of cost.</p>"
    (f,) = _found(text, "story.html")
    assert f.rule == "proselint.nonwords"
    assert text[f.column - 1 : f.end_column - 1] == "irregardless"
    assert f.suggestions == ("regardless",)


def test_quoted_speech_is_left_alone():
    assert _found('"For all intensive purposes, it is over," he said.') == []
    assert _found("For all intensive purposes, it is over, he said.")


def test_a_result_never_crosses_blocks():
    # "increasingly less" split across two paragraphs is not one phrase.
    assert _found("Voters are increasingly\n\nless interested.") == []


def test_suppression_comments_apply():
    text = (
        "<!-- newslint-disable-next-line proselint.cliches -->\nAt the end of the day, it failed.\n"
    )
    assert _found(text) == []
    text = "<!-- newslint-disable proselint -->\nAt the end of the day, it failed.\n"
    assert _found(text) == []


def test_ignore_and_levels_from_config():
    text = "At the end of the day, it failed."
    assert _found(text, select=("all",), config={"ignore": ["proselint.cliches"]}) == []
    (f,) = _found(text, config={"levels": {"proselint.cliches": "error"}})
    assert f.severity == "error"


def test_titles_of_works_are_not_cliches():
    assert _found("She starred in Quantum Leap and All's Well That Ends Well.") == []
    assert _found("It was a quantum leap for the firm.")


def test_no_duplicate_of_style_wordy():
    # proselint's cliché and redundancy lists hold "(this) point in time" and its
    # composition advice "in spite of the fact that": style.wordy reports those.
    every = ["style.wordy", *(r.id for r in builtin_rules() if r.id.startswith("proselint."))]
    for text in (
        "At this point in time the plan is dead.",
        "The vote passed in spite of the fact that many objected.",
    ):
        rules = {f.rule for f in newslint.check_text(text, path="t.txt", select=every)}
        assert rules == {"style.wordy"}, (text, rules)


def test_overlapping_checks_report_once():
    (f,) = _found("The band was formed in the 1990's.", select=("proselint.dates-times",))
    assert (f.column, f.end_column) == (28, 34)


def test_groups_that_duplicate_newslint_are_not_offered():
    ids = {r.id for r in builtin_rules()}
    for dropped in ("proselint.spelling", "proselint.lexical-illusions", "proselint.restricted"):
        assert dropped not in ids
    # A repeated word is typography.repeated-word's alone.
    assert _found("The the vote passed.", select=("proselint", "proselint.misc")) == []


def test_default_rules_name_their_reason_when_off():
    for rule in builtin_rules():
        if rule.id.startswith("proselint.") and not rule.default:
            assert "Off by default" in rule.why, rule.id


def test_plain_text_offsets_are_into_doc_text():
    doc = parse("Intro.\n\nWe will leverage synergy.\n", "t.txt", "text")
    hits = list(proselint_bridge.check(doc, {"checks": ["industrial_language"], "skip": []}))
    assert [doc.text[h.start : h.end] for h in hits] == ["synergy"]


def test_proselint_is_imported_only_when_its_rules_run():
    code = (
        "import sys, newslint\n"
        "newslint.check_text('At the end of the day.', path='t.txt', select=['style'])\n"
        "assert 'proselint' not in sys.modules\n"
        "newslint.check_text('At the end of the day.', path='t.txt', select=['proselint'])\n"
        "assert 'proselint' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
