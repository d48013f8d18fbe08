"""The spelling checks called directly: options, tokens left alone, the lexicon."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.spelling import case as spelling_case
from newslint.checks.spelling import data as spelling_data
from newslint.checks.spelling import tokens as spelling_tokens
from newslint.checks.spelling import typo as spelling_typo
from newslint.checks.spelling.suggest import edit_cost, edits1, near1
from newslint.readers import parse

OPTIONS = {"accept": [], "accept-file": None, "variant": None, "prohibit": []}


def typos(text: str, **options) -> list[tuple[str, tuple[str, ...]]]:
    doc = parse(text, "t.txt", "text")
    return [
        (doc.text[h.start : h.end], h.suggestions)
        for h in spelling_typo.typo(doc, {**OPTIONS, **options})
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
    hits = list(spelling_case.case(doc, {"prohibit": {"iphone": "iPhone"}}))
    assert [(h.suggestions, doc.text[h.start : h.end]) for h in hits] == [(("iPhone",), "iphone")]


# -- speed shortcuts give the same answers as the plain methods ------------------------

# The tokenizer pattern without its shortcuts (the gap and the plain-word alternative).
_REFERENCE_TOKEN = re.compile(
    r"""
    (?P<skip>
        (?:https?://|ftp://|www\.)\S+
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
      | [@#][\w]+
      | \w*\d[\w]*
      | [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co|uk|io|ly|tv|info|news)\b
      | \w+(?:\.\w+)+
    )
  | (?P<word>[^\W\d_]+(?:[\u00ad\u200b-\u200d\u2060\ufeff]+[^\W\d_]+)*
        (?:['\u2019`\u00b4\u02bc][^\W\d_]+)*)
    """,
    re.VERBOSE,
)


def _tokens(pattern: re.Pattern[str], text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in pattern.finditer(text):
        kind = "skip" if m.group("skip") is not None else "word"
        group = m.lastindex if pattern is spelling_tokens._TOKEN else kind
        out.append((kind, *m.span(group)))
    return out


_TRICKY = [
    "Visit www.example.com or https://bbc.co.uk/news, e-mail a.b+c@mail.org today.",
    "The U.S. and e.g. file.txt; 5km, 3rd and G4S. See http: not a URL. www. alone",
    "He said: don't go. O'Brien's co-op, well-known; ftp://x.y and @handle #tag x@ y#",
    "Ends with a dot.\u201d Then www.\u201d and the end." + " " * 80 + "- -- a_b _c 2\u00b2x",
    "Netan\u00adyahu, un\u200b\u200bpredictable\u00ad, \u00adab, x\ufeffy's and a\u00ad-b.",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_tokenizer_shortcuts_match_reference(text):
    assert _tokens(spelling_tokens._TOKEN, text) == _tokens(_REFERENCE_TOKEN, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Zé'\u2019.-+@#:/_1 \n,\u201dwhtpcom\u00ad\u200b", max_size=60))
def test_tokenizer_shortcuts_match_reference_on_any_text(text):
    assert _tokens(spelling_tokens._TOKEN, text) == _tokens(_REFERENCE_TOKEN, text)


def test_invisible_characters_are_read_through():
    text = "Netan\u00adyahu and the goverm\u200bent's plan"
    doc = parse(text, "t.txt", "text")
    found = [(w.text, text[w.start : w.end]) for w in spelling_tokens.words(doc)]
    assert ("goverment", "goverm\u200bent") in found
    assert all("yahu" != t and "Netan" != t for t, _ in found)


def test_delete_index_finds_exactly_the_one_edit_words():
    lex = spelling_data.load()
    known = lex.known
    rng = random.Random(7)
    sample = rng.sample(sorted(known), 150)
    tokens = {"teh", "britsih", "goverment", "coop", "cafe", "abc", "xq", "aardvarks"}
    for word in sample:
        tokens.add(word)
        tokens.add(rng.choice(sorted(edits1(word))))
    for token in sorted(tokens):
        assert near1(token) == edits1(token) & known, token


def test_lexicon_reads_known_words_without_building_the_set():
    table = {"colour": 45 + spelling_data.KNOWN_FLAG, "co-op": 30 + spelling_data.KNOWN_FLAG}
    lex = spelling_data.parse(spelling_data.compile_table(table, {}))
    assert lex.is_known("colour") and not lex.is_known("color")
    assert lex.in_dictionary("co-op") and "co-op" in lex.bucket("coop")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Brad Lendon, CNN\n\nThe talks ended.", {"Brad", "Lendon"}),
        ("(Reporting by Jane Smiht; Editing by Tom Hogue)", {"Jane", "Smiht", "Tom", "Hogue"}),
        ("Mehmet Topac, a former justice minister, spoke.", {"Topac"}),
        ("Kurt Karl, economist at Swiss Re, spoke.", {"Karl"}),
        # Prose that opens with "By", and a date or place before the comma, establish nothing.
        ("By the end of the year, Britsih officials left.", set()),
        ("Sales fell in Janaury, the biggest monthly decline since August.", set()),
    ],
)
def test_names_the_story_establishes(text, names):
    from newslint.checks.spelling.established import established_names

    assert set(established_names(parse(text, "t.txt", "text"))) == names


def test_capitalised_sentence_start_typo_is_judged_like_lower_case():
    assert typos("Meterologists said the storm would pass.") == [
        ("Meterologists", ("Meteorologists",))
    ]
    # A name the story repeats is still a name.
    assert typos("Topac said so. Later Topac left.") == []


def test_inflected_word_in_a_hyphenated_compound_is_not_a_typo():
    assert typos("The players were high-fiving and fist-bumping.") == []
    assert typos("It was a well-knwon fact.") == [("knwon", ("known",))]


def test_a_token_longer_than_any_dictionary_word_gets_no_suggestion_search():
    """Past the longest known word (45 letters) plus two edits, nothing is one or two
    edits away; the token is not searched, whatever its length."""
    from newslint.checks.spelling.suggest import LONGEST_WORD, candidates

    assert max(len(w) for w in spelling_data.load().known) + 2 <= LONGEST_WORD
    assert candidates("x" * (LONGEST_WORD + 1), 2) == []
    assert [c.word for c in candidates("goverment")][:1] == ["government"]
