"""Token rules of the attribution extractor for cues that are not verbs (issue 10):
speaker labels, "In a new poll, ...", "in Smith's view", and words between a
subject and its verb. Each rule has a case it must take and a look-alike it must not."""

from __future__ import annotations

import pytest

from newslint.checks import attribution as A
from newslint.readers import parse


def _found(text: str) -> list[tuple[str | None, str | None]]:
    """(source, cue) texts of every attribution with a cue."""
    doc = parse(text, "t.txt", "text")
    t = doc.text

    def span(x):
        return t[x[0] : x[1]] if x else None

    return [(span(a.source), span(a.cue)) for a in A.attributions(doc) if a.cue]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "Dana Whitfield: The Bridge Will Reopen by Spring.\n\n"
            "The county's engineer, Dana Whitfield, expects the repairs to end soon.",
            "Dana Whitfield",
        ),
        (
            "BREAKING - Lee Okafor: We Have Not Given Up on the Harbour Plan.\n\n"
            "Okafor spoke after the vote on Tuesday.",
            "Lee Okafor",
        ),
        (
            "The debate ran late.\n\nMORALES: We never agreed to that schedule at all.\n\n"
            "Morales left before the end.",
            "MORALES",
        ),
        ("Poll: Most Residents Back the New Tram Line.\n\nThe tram opens in May.", "Poll"),
    ],
)
def test_speaker_label_is_a_cue(text: str, source: str) -> None:
    assert (source, ":") in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        # A section label the story never mentions again is not a speaker.
        "Correction: An earlier version of this story misspelled the bridge's name.",
        "Wow: The Harbour Plan Just Got a Lot Bigger.\n\nThe plan now covers two docks.",
        # Interviewer labels: taken as often as not by the annotators, so left alone.
        "Q: When does the bridge reopen?\n\nA: In the spring, if the weather holds.",
        # A colon late in the sentence is a list or an explanation, not a label.
        "The council made one change to the plan: the tram will stop at the harbour.",
        # A time of day.
        "10:30 The council meets again after a short break.",
    ],
)
def test_label_look_alikes_are_not_cues(text: str) -> None:
    assert all(cue != ":" for _src, cue in _found(text))


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "In a new Harbour Herald poll, most residents favour the tram over the bus.",
            "a new Harbour Herald poll",
        ),
        (
            "In the latest county survey, two in three drivers opposed the toll.",
            "the latest county survey",
        ),
    ],
)
def test_opening_poll_is_the_source(text: str, source: str) -> None:
    assert (source, "In") in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "In an interview, the mayor said the bridge would reopen in spring.",
        "In the spring, the poll workers will be paid more.",
        "In 2020, polls closed early in the county.",
    ],
)
def test_opening_in_without_a_poll_is_not_a_cue(text: str) -> None:
    assert all(cue != "In" for _src, cue in _found(text))


@pytest.mark.parametrize(
    "text, source",
    [
        ("The toll, in Dana Whitfield's view, will pay for the bridge within a decade.", None),
        ("In my view, the tram is the better plan for the harbour.", "my"),
        ("The toll is too high, in the view of most drivers we met at the bridge.", None),
    ],
)
def test_in_someones_view(text: str, source: str | None) -> None:
    found = _found(text)
    cues = [(s, c) for s, c in found if c == "view"]
    assert cues, found
    if source is not None:
        assert cues[0][0] == source
    else:
        assert cues[0][0] is not None


@pytest.mark.parametrize(
    "text",
    [
        "The bridge came into view as the ferry turned.",
        "The council will review the plan, which is in view of the harbour.",
        "They took the view of the harbour from the hill.",
    ],
)
def test_view_look_alikes_are_not_cues(text: str) -> None:
    assert all(cue != "view" for _src, cue in _found(text))


@pytest.mark.parametrize(
    "text, source, cue",
    [
        ("The drivers themselves complained about the toll.", "The drivers", "complained"),
        ("The harbour workers all argued for a later start.", "The harbour workers", "argued"),
        (
            "Eastbrook and Westbrook in particular insisted on a second bridge.",
            "Westbrook",
            "insisted",
        ),
        ("The engineers didn't expect the cracks to spread.", "The engineers", "expect"),
    ],
)
def test_subject_across_floating_words(text: str, source: str, cue: str) -> None:
    """(The tagger may widen the cue: "themselves complained about".)"""
    found = _found(text)
    assert any(s == source and c is not None and cue in c for s, c in found), found
