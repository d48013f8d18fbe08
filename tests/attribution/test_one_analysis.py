"""One analysis for everything: the source audit (``newslint sources``, the HTML report)
and ``sourcing.unattributed`` read the same attributions, so a quotation the audit gives
a speaker is never flagged as having none, and a quotation the rule flags is never listed
with a speaker (issue 17). The drafts are written for these tests."""

from __future__ import annotations

import pytest

from newslint.attribution import attributions
from newslint.audit import audit_spans
from newslint.checks.sourcing.unattributed import unattributed
from newslint.readers import parse

# (draft, the quotation in it, whether a reader can tell who said it)
DRAFTS = [
    # The speaker's own quotation runs on: '"A," Doe said. "B."'.
    ('"The strike goes on," Doe said. "We have waited long enough for a fair offer."', 1, True),
    # ... into the next paragraph.
    (
        '"The strike goes on," Doe said on Monday.\n\n'
        '"We have waited long enough for a fair offer from the board."',
        1,
        True,
    ),
    # Narration inside the paragraph does not break it.
    (
        '"We have waited long enough," says Jane Doe, 41. Doe has worked at the plant for '
        'twenty years. "We will not wait any longer for a fair offer."',
        1,
        True,
    ),
    # "he added" after it, in the same paragraph.
    (
        'Doe spoke after the vote. "We will not back down." He added that the strike '
        "would go on for as long as it takes.",
        0,
        True,
    ),
    # A tag after the quotation in its own sentence, read as a listener by the verb.
    ('"We have waited long enough," Ms Naidoo told reporters after the vote.', 0, True),
    # A new paragraph opening with a quotation just after the speaker's paraphrase: the
    # reader takes it as theirs (published copy does this; an editor would not query it).
    (
        "The talks failed on Monday, Doe said.\n\n"
        '"We will not back down until every worker is paid in full."',
        0,
        True,
    ),
    # Two paragraphs back, with narration between: the speaker's turn is over.
    (
        "The talks failed on Monday, Doe said.\n\nThe hall emptied slowly.\n\n"
        '"We will not back down until every worker is paid in full."',
        0,
        False,
    ),
    # Narration between paragraphs breaks the run.
    (
        '"The strike goes on," Doe said.\n\nThe hall emptied slowly after the vote.\n\n'
        '"We have waited long enough for a fair offer from the board."',
        1,
        False,
    ),
    # A speaker named only in a paraphrase after it does not tell the reader.
    (
        'The hall was full. "We will not back down." The union leader said the strike '
        "would go on until May.",
        0,
        False,
    ),
]


def _state(text: str, n: int) -> tuple[bool, bool, bool]:
    """(listed with a speaker by the audit, given a speaker by the analysis, flagged by
    sourcing.unattributed) for the ``n``-th quotation of ``text``."""
    doc = parse(text, "t.txt", "text")
    q = doc.quotes[n]
    listed = any(
        e["content"] and e["content"]["span"][0] <= q[0] < e["content"]["span"][1]
        for e in audit_spans(doc)["attributions"]
        if e["source"]
    )
    analysed = any(
        a.source and a.content and a.content[0] <= q[0] < a.content[1] for a in attributions(doc)
    )
    flagged = any(h.start == q[0] for h in unattributed(doc, {"claims": False}))
    return listed, analysed, flagged


@pytest.mark.parametrize(("text", "n", "followable"), DRAFTS)
def test_the_audit_and_the_rule_read_the_same_speaker(text: str, n: int, followable: bool):
    listed, analysed, flagged = _state(text, n)
    assert listed == analysed == followable
    assert flagged == (not followable)


def test_a_continuation_carries_its_speaker_and_resolution() -> None:
    """ "He added" and the quotation before it name the same person in the audit."""
    text = (
        "Mr Abara, the union's treasurer, spoke after the vote. "
        '"We will not back down," he said. "The board has had its chance."'
    )
    doc = parse(text, "t.txt", "text")
    entries = audit_spans(doc)["attributions"]
    assert [e["cue"]["text"] if e["cue"] else None for e in entries] == ["said", None]
    assert {e["resolved"]["text"] for e in entries} == {"Mr Abara"}
    assert not list(unattributed(doc, {"claims": False}))
