"""Direct tests of the names.* checks (the YAML cases in tests/rules cover the engine path)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import readers
from newslint.checks.names.abbreviation import abbreviation
from newslint.checks.names.capitalisation import capitalisation
from newslint.checks.names.data import variant_groups
from newslint.checks.names.inconsistent import inconsistent
from newslint.checks.names.preferred import preferred
from newslint.checks.names.text import skeleton_key, translit_distance


def _text(text: str, fmt: str = "text"):
    return readers.parse(text, "t.md" if fmt == "markdown" else "t.txt", fmt)


def test_markdown_link_text_flagged_code_and_url_ignored():
    src = (
        "# Camps\n\nUyghur groups met in Geneva.\n\n"
        "Read the [Uighur](https://example.org/Uighur) report; see https://example.org/Uighur.\n\n"
        "```\nUighur = 1\n```\n\nThe Uyghur diaspora wrote `Uighur` to leaders.\n"
    )
    doc = _text(src, "markdown")
    hits = list(inconsistent(doc, {}))
    assert len(hits) == 1
    hit = hits[0]
    assert doc.text[hit.start : hit.end] == "Uighur"
    assert doc.locate(hit.start, hit.end)[:2] == (5, 11)
    assert hit.suggestions == ("Uyghur",)


def test_preferred_plurals_keep_their_ending():
    doc = _text("The Uighurs of Xinjiang. Many Uighurs left.")
    hits = list(preferred(doc, {"preferred": {"Uyghur": ["Uighur"]}}))
    assert [doc.text[h.start : h.end] for h in hits] == ["Uighurs", "Uighurs"]
    assert all(h.suggestions == ("Uyghurs",) for h in hits)


def test_suggestion_is_an_exact_replacement():
    doc = _text("Uyghur groups met. Uyghur leaders spoke. The Uighur's lawyer said so.")
    (hit,) = inconsistent(doc, {})
    fixed = doc.text[: hit.start] + hit.suggestions[0] + doc.text[hit.end :]
    assert fixed == "Uyghur groups met. Uyghur leaders spoke. The Uyghur's lawyer said so."


def test_different_people_are_not_flagged():
    for text in (
        "Bill Clinton spoke. Mr Clinton left. Jim Clayton arrived.",
        "Boris Johnson spoke. Mr Johnson left. Mr Jackson arrived.",
        "John Smith spoke. Mr Smith left. Anne Smyth arrived. Mr Smith returned.",
        "Ali Khan spoke. Mr Khan said Ali was right. Aly Raisman won.",
        "Sergei Ivanov spoke. Sergei Ivanov left. Sergey Petrov arrived.",
        "Eric Garner died. Eric Garner was unarmed. Erica Garner spoke.",
    ):
        assert list(inconsistent(_text(text), {})) == [], text


def test_keys_bucket_transliterations_together():
    assert len({skeleton_key(w) for w in ("Gaddafi", "Qaddafi", "Gadhafi", "Kaddafy")}) == 1
    assert skeleton_key("Uighur") == skeleton_key("Uyghur")
    assert skeleton_key("Erdogan") == skeleton_key("Erdoğan")
    assert translit_distance("Marco", "Marko") == 1
    assert translit_distance("Brown", "Crown") >= 99


def test_variants_file_is_sorted_and_unique():
    groups = variant_groups()
    lines = [" | ".join(g) for g in groups]
    assert lines == sorted(lines)
    spellings = [v.lower() for g in groups for v in g]
    assert len(spellings) == len(set(spellings))
    assert all(list(g) == sorted(g) for g in groups)


def test_modern_pack_cites_a_source_for_every_entry():
    from newslint.checks.names.data import modern_pack

    assert all(wrong and right and source for wrong, right, source in modern_pack())


# -- speed shortcuts give the same answers as the plain methods ------------------------


def test_zipf_from_the_compact_table_matches_wordfreq():
    from wordfreq import zipf_frequency

    from newslint.checks.spelling.data import load, web_zipf

    lexicon = load()
    words = [
        "the",
        "ministry",
        "blinken",
        "zzqx",
        "o'brien",
        "o\u2019brien",
        "don't",
        "erdo\u011fan",
    ]
    for word in words:
        assert lexicon.web_zipf(word) == zipf_frequency(word, "en"), word
        assert web_zipf(word) == zipf_frequency(word, "en")
    # Strings wordfreq splits or rewrites are left to wordfreq itself.
    for word in ["l'oreal", "stra\u00dfe", "al-qaeda", "Ministry", ""]:
        assert lexicon.web_zipf(word) is None


def test_lower_case_phrases_found_like_one_alternation():
    from newslint.checks.names.capitalisation import _lower_occurrences

    text = "the foreign ministry of defence and foreign ministry's x-foreign ministry foreign ministryx"
    phrases = {"foreign ministry": "Foreign Ministry", "ministry of defence": "Ministry of Defence"}
    alternation = regex.compile(
        r"(?<![\p{L}\p{M}'’-])(?:"
        + "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
        + r")(?![\p{L}\p{M}'’-])"
    )
    expected = [(m.start(), m.group()) for m in alternation.finditer(text, 0, len(text))]
    assert _lower_occurrences(text, [(0, len(text))], phrases) == expected
    # Each span ends the text for the lookahead; text between spans is never searched.
    spans = [(0, 20), (36, 52), (52, len(text))]
    expected = [(m.start(), m.group()) for s, e in spans for m in alternation.finditer(text, s, e)]
    assert _lower_occurrences(text, spans, phrases) == expected
    assert (4, "foreign ministry") in expected and (36, "foreign ministry") in expected


def test_capitalisation_reports_the_rarer_form():
    doc = _text(
        "Officials at the Foreign Ministry said so. Later the Foreign Ministry "
        "denied it, and a foreign ministry spokesman declined to comment."
    )
    hits = list(capitalisation(doc, {}))
    assert [(doc.text[h.start : h.end], h.suggestions) for h in hits] == [
        ("foreign ministry", ("Foreign Ministry",))
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.@#:/w-_+ \n\u2003", max_size=40))
def test_non_prose_scan_of_marked_chunks_matches_whole_text_scan(text):
    from newslint.checks.names.text import _NON_PROSE, _non_prose

    assert _non_prose(text) == [m.span() for m in _NON_PROSE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab -'\u2019\u00e9\n", max_size=50),
    st.lists(st.sampled_from(["a b", "ab a", "b a b", "a", "\u00e9 b", "ab ab"]), min_size=1),
    st.integers(0, 50),
)
def test_lower_case_phrase_strategies_match_one_alternation(text, phrases, cut):
    from newslint.checks.names.capitalisation import _find_each, _scan_words

    wanted = {p: p for p in phrases}
    alternation = regex.compile(
        r"(?<![\p{L}\p{M}'’-])(?:"
        + "|".join(regex.escape(p) for p in sorted(wanted, key=len, reverse=True))
        + r")(?![\p{L}\p{M}'’-])"
    )
    cut = min(cut, len(text))
    spans = [(0, cut), (cut, len(text))]
    expected = {m.start(): m.group() for s, e in spans for m in alternation.finditer(text, s, e)}
    for found in (_find_each(text, spans, wanted), _scan_words(text, spans, wanted, False)):
        # Each strategy offers the longest phrase at every start; the caller then keeps
        # the leftmost ones that do not overlap, as the alternation does.
        kept, last = {}, 0
        for at in sorted(found):
            if at >= last:
                kept[at], last = found[at], at + len(found[at])
        assert kept == expected
    if text.isascii():
        assert _scan_words(text, spans, wanted, True) == _scan_words(text, spans, wanted, False)


def test_abbreviation_definitions_read_in_long_paragraphs():
    filler = "Officials said the plan was new. " * 40  # one long block before the definition
    doc = _text(
        "The RFB said so. "
        + filler
        + "Later the Regional Fisheries Bureau (RFB) said it again. "
        + "x" * 500
        + " The World Food Programme (WFP) agreed."
    )
    hits = list(abbreviation(doc, {}))
    assert [h.message for h in hits if "RFB" in h.message] == [
        "'RFB' is used before it is defined ('Regional Fisheries Bureau (RFB)' comes later)"
    ]
    assert not any("WFP" in h.message for h in hits)


def test_shapes_helpers():
    from newslint.checks.names.shapes import case_only, preferred_casing, swap_key, transposed

    assert transposed("Dougherty", "Doughtery") and transposed("Chesnoff", "Chesnfof")
    assert not transposed("Dougherty", "Dougherty") and not transposed("Brown", "Bowrn1")
    assert not transposed("Sian", "Isan")  # the first letter stays
    assert swap_key("Dougherty") == swap_key("Doughtery") and swap_key("Ali") is None
    assert case_only("TikTok", "Tiktok") and not case_only("Tiktok", "tiktok")
    assert preferred_casing("FaceBook", "Facebook", 2, 1) == "Facebook"  # the dictionary's
    assert preferred_casing("TikTok", "Tiktok", 2, 1) == "TikTok"  # the more used
    assert preferred_casing("McDonald", "Mcdonald", 1, 1) == "McDonald"


def test_each_spelling_once_asks_the_editor_to_pick_when_the_web_cannot_tell():
    from newslint.checks.names.inconsistent import inconsistent
    from newslint.readers import parse

    doc = parse("Zulteth spoke first.\n\nLater, Zultheth left.", "t.txt", "text")
    hits = list(inconsistent(doc, {}))
    assert len(hits) == 1 and "pick one" in hits[0].message and hits[0].suggestions == ()
    # A story that introduces the person ("Mr Zulteth") settles it: the introduced spelling.
    doc = parse("Mr Zulteth spoke first.\n\nLater, Zultheth left.", "t.txt", "text")
    (hit,) = inconsistent(doc, {})
    assert hit.suggestions == ("Zulteth",) and hit.level == "warning"


def test_close_respellings_of_a_surname():
    from newslint.checks.names.shapes import close

    for a, b in [
        ("Clarke", "Clark"),
        ("Johnston", "Johnson"),
        ("Sower", "Sowers"),
        ("Meyer", "Mayer"),
        ("McCormack", "McCormick"),
        ("Shepard", "Sheppard"),
        ("Gonzalez", "Gonzales"),
        ("Holcombe", "Holcomb"),
        ("Paige", "Page"),
        ("Bowdich", "Bowditch"),
        ("Ruckert", "Rucker"),
        ("Hodgkins", "Hodgkinson"),
        ("Tjahyanto", "Tjahjanto"),
        ("Pattiarachi", "Pattiaratchi"),
        ("Mnangawa", "Mnangagwa"),
        ("Bruk", "Bruck"),
        ("Abdalla", "Abdallah"),
        ("Blagojevic", "Blagojevich"),
        ("Scalice", "Scalise"),
        ("Scotti", "Scotto"),
        ("Forrest", "Forest"),
    ]:
        assert close(a, b), (a, b)
    for a, b in [
        ("Hall", "Hill"),
        ("Fiorina", "Florida"),
        ("Minority", "Majority"),
        ("Lee", "Lea"),
    ]:
        assert not close(a, b), (a, b)


def test_one_off_respelling_of_an_introduced_person():
    doc = _text(
        "Lisa Page sent the messages. Page later left the bureau.\n\n"
        "Lawyers for Lisa Paige declined to comment."
    )
    (hit,) = inconsistent(doc, {})
    assert doc.text[hit.start : hit.end] == "Paige" and hit.suggestions == ("Page",)
    for text in (
        "Gordon Brown spoke. Mr Brown left. Des Browne disagreed.",
        "Mr Hill met voters. Mr Hill spoke again. Then Mr Hall arrived.",
        "Boris Johnson spoke. Johnson said so. Storms hit Athens, Johnston, Ames and Ankeny.",
        "Hillary Clinton spoke. Clinton said so. Many Americans and the Clintons agreed.",
        "Anne Smith spoke. Ms Smith said so. Mr Smyth, her husband, agreed.",
    ):
        assert list(inconsistent(_text(text), {})) == [], text
