"""sourcing.vague beyond its YAML cases: what counts as a crowd citing a claim."""

from newslint import check_text


def test_a_crowd_needs_a_reporting_or_stance_cue():
    """A crowd doing something ("investors snapped up shares") cites nobody; a crowd
    saying something does."""
    text = "Investors snapped up shares. Analysts said it was cheap."
    found = check_text(text, select=["sourcing.vague"])
    assert [text[f.column - 1 : f.end_column - 1] for f in found] == ["Analysts said"]
