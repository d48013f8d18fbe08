"""Token rules of the attribution extractor (issue 10): a cue that is not a verb ("In a
new poll, ..."), and words between a subject and its verb. Each rule has a case it must
take and a look-alike it must not."""

from __future__ import annotations

import pytest

from newslint.attribution import extractor as A
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
    "text, source, cue",
    [
        ("The drivers themselves complained about the toll.", "The drivers", "complained"),
        ("The harbour workers all argued for a later start.", "The harbour workers", "argued"),
        (
            "Eastbrook and Westbrook in particular insisted on a second bridge.",
            "Eastbrook and Westbrook",  # two names joined by "and" are one source
            "insisted",
        ),
        ("The engineers didn't expect the cracks to spread.", "The engineers", "expect"),
    ],
)
def test_subject_across_floating_words(text: str, source: str, cue: str) -> None:
    """(The tagger may widen the cue: "themselves complained about".)"""
    found = _found(text)
    assert any(s == source and c is not None and cue in c for s, c in found), found
