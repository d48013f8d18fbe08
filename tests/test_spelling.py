"""The spelling checks called directly: options, tokens left alone, the lexicon."""

from __future__ import annotations

import pytest

from newslint.checks import spelling, spelling_data
from newslint.checks.spelling_suggest import edit_cost, edits1
from newslint.readers import parse

OPTIONS = {"accept": [], "accept-file": None, "variant": None, "prohibit": []}


def typos(text: str, **options) -> list[tuple[str, tuple[str, ...]]]:
    doc = parse(text, "t.txt", "text")
    return [
        (doc.text[h.start : h.end], h.suggestions)
        for h in spelling.typo(doc, {**OPTIONS, **options})
    ]


def test_seed_article_typo_and_names():
    text = (
        "Secretary of State Antony Blinken spoke with Yang Jiechi. In a tweet, @SecBlinken said "
        "the Uighurs of Xinjiang must be protected, PTI and Al Jazeera reported. The report "
        "came from a Britsih broadcaster."
    )
    assert typos(text) == [("Britsih", ("British",))]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("goverment", "government"), ("recieve", "receive"), ("beleive", "believe"), ("teh", "the")],
)
def test_common_misspellings_first_suggestion(typed, meant):
    found = typos(f"They said {typed} it.")
    assert found and found[0][1][0] == meant


def test_accept_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("# our names\nBritsih\n", encoding="utf-8")
    assert typos("A Britsih broadcaster.", **{"accept-file": str(path)}) == []
    assert typos("A Britsih broadcaster.", accept=["britsih"]) == []


def test_line_break_hyphenation_is_rejoined():
    assert typos("It is not nec- essary to go.") == []


def test_isolated_name_beside_other_capitals_is_left_alone():
    # "Ricard" is one letter from Richard, but stands in a run of capitalised words.
    assert typos("The chef Jean Ricard opened a restaurant.") == []


def test_lexicon_loads_known_words_and_frequencies():
    lex = spelling_data.load()
    assert "government" in lex.known and "goverment" not in lex.known
    assert lex.zipf("the") > 7 and lex.zipf("qzxv") == 0
    assert lex.is_proper("france") and not lex.is_proper("dance")
    assert lex.cased("iphone") == "iPhone"


def test_compiled_table_round_trip():
    table = {"colour": 45 + spelling_data.KNOWN_FLAG, "blinken": 17, "iphone": 44 + 200}
    lex = spelling_data.parse(spelling_data.compile_table(table, {"iphone": "iPhone"}))
    assert lex.known == {"colour", "iphone"}
    assert lex.code("blinken") == 17 and lex.code("missing") == 0
    assert lex.cased("iphone") == "iPhone"


def test_edit_costs_prefer_typing_slips():
    assert "british" in edits1("britsih")
    assert edit_cost("britsih", "british") < edit_cost("britxsh", "british")
    assert edit_cost("gocernment", "government") < edit_cost("goqernment", "government")


def test_case_with_mapping():
    doc = parse("I use an iphone.", "t.txt", "text")
    hits = list(spelling.case(doc, {"prohibit": {"iphone": "iPhone"}}))
    assert [(h.suggestions, doc.text[h.start : h.end]) for h in hits] == [(("iPhone",), "iphone")]
