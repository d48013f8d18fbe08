"""spelling.confusion called directly: the context model and the words it leaves alone."""

from __future__ import annotations

import pytest

from newslint.checks.spelling import confusion as spelling_confusion
from newslint.checks.spelling.confusion_model import EXPANSIONS, load, read_sets
from newslint.readers import parse


def slips(text: str, **options) -> list[tuple[str, tuple[str, ...]]]:
    doc = parse(text, "t.txt", "text")
    return [
        (doc.text[h.start : h.end], h.suggestions)
        for h in spelling_confusion.confusion(doc, options)
    ]


def test_read_sets_skips_comments_and_singletons():
    assert read_sets("# a comment\ndairy diary  # food\nalone\nIts It’s\n") == [
        ("dairy", "diary"),
        ("its", "it's"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The contract was singed on Monday.", ("singed", ("signed",))),
        ("Prices of diary products rose.", ("diary", ("dairy",))),
        ("They will loose the vote.", ("loose", ("lose",))),
        ("It will effect the economy.", ("effect", ("affect",))),
        ("The school principle said so.", ("principle", ("principal",))),
    ],
)
def test_slips_the_context_gives_away(text, found):
    assert slips(text) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "He signed the deal on Monday.",
        "He wrote in his diary that night.",
        "The company said its profits rose.",
        "There are many reasons to doubt it.",
        "The effect of the war was felt at once.",
        # Capitals inside a sentence are names or titles; compounds and paths are left alone.
        "Microsoft released Windows on Monday.",
        "It was a form-filling exercise.",
        # A neighbour across punctuation says nothing about the word.
        "Last, form. Then go.",
    ],
)
def test_correct_words_are_left_alone(text):
    assert slips(text) == []


def test_suggestion_keeps_the_capital_at_a_sentence_start():
    assert slips("Weather or not he goes, we stay.") == [("Weather", ("Whether",))]


def test_margin_option_makes_the_check_stricter():
    assert slips("Prices of diary products rose.", margin=9) == []


def test_contractions_read_as_the_words_they_stand_for():
    model = load()
    assert set(EXPANSIONS) <= {w for s in read_sets(open_sets()) for w in s}
    verdict = model.judge("their", ("their", "there", "they're"), "said", "going")
    assert verdict.best == "they're" and verdict.seen


def open_sets() -> str:
    from newslint.spec import pack_file

    with open(pack_file("spelling", "confusion-sets.txt"), encoding="utf-8") as fh:
        return fh.read()


def test_model_scores_are_memoised_and_stable():
    model = load()
    first = model.judge("diary", ("dairy", "diary"), "of", "products")
    assert model.judge("diary", ("dairy", "diary"), "of", "products") == first
    assert first.best == "dairy" and first.margin > 1


def test_nearby_slips_can_be_switched_off():
    text = "We have serious concerns abut the plan."
    assert slips(text) == [("abut", ("about",))]
    assert slips(text, nearby=False) == []


def test_the_bigram_table_reads_back_what_it_compiled():
    from newslint.checks.spelling import bigrams

    table = bigrams.parse(
        bigrams.compile_counts([("serious", 50.0), ("serious concerns", 7.0)], 100.0, 5.0)
    )
    assert (table.word("serious"), table.pair("serious", "concerns")) == (50.0, 7.0)
    assert (table.word("concerns"), table.pair("concerns", "serious")) == (0.0, 0.0)
    assert (table.total, table.floor) == (100.0, 5.0)
    with pytest.raises(ValueError):
        bigrams.parse(b"NLBG" + bytes(40))


def test_a_missing_bigram_table_turns_nearby_slips_off(monkeypatch):
    from newslint.checks.spelling import bigrams

    monkeypatch.setattr(bigrams, "load", lambda: None)
    assert slips("We have serious concerns abut the plan.") == []


def test_a_new_table_prunes_tables_unread_for_a_week(tmp_path):
    import os

    from newslint.checks.spelling.data import STALE_SECONDS, prune_stale

    old, recent, other = (
        tmp_path / n for n in ("bigrams-v1-a.bin", "bigrams-v1-b.bin", "notes.bin")
    )
    for f in (old, recent, other):
        f.write_bytes(b"x")
    past = os.stat(old).st_mtime - STALE_SECONDS - 60
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    prune_stale(str(tmp_path / "bigrams-v1-c.bin"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bigrams-v1-b.bin", "notes.bin"]


def test_a_damaged_bigram_table_is_refused_or_read_as_absent():
    import struct

    from newslint.checks.spelling import bigrams

    header = struct.Struct("<4s2I2d")
    with pytest.raises(ValueError):  # a slot count that is no power of two
        bigrams.parse(header.pack(b"NLBG", 1, 3, 100.0, 5.0) + bytes(24))
    # Every slot taken by other keys: a lookup ends, reading the pair as absent.
    full = header.pack(b"NLBG", 1, 4, 100.0, 5.0) + bytes([1, 0, 0, 0]) * 4 + bytes(16)
    assert bigrams.parse(full).pair("no", "such") == 0.0
