"""Name mentions typed before anything is resolved to them (attribution/mentions.py)."""

from __future__ import annotations

from pathlib import Path

from newslint.attribution.lexicon import given_names, lexicon, places
from newslint.attribution.mentions import kin_gender, mentions
from newslint.readers import parse
from newslint.spec import builtin_root, read_list


def _typed(text: str) -> dict[str, str]:
    doc = parse(text, "t.txt", "text")
    m = mentions(doc, lexicon())
    return {
        text[x.full : x.end]: x.type for k in range(len(doc.sentences)) for x in m.in_sentence(k)
    }


def test_mentions_are_typed() -> None:
    got = _typed(
        "Home Secretary Carl Dunn flew to New Jersey. Mehmet Topac met the Joint Chiefs "
        "and the Foreign Office in Staten Island. Okafor, 44, said little. "
        "The Patriot Act passed. Guy Mansfield QC spoke."
    )
    assert got["Home Secretary Carl Dunn"] == "person"
    assert got["New Jersey"] == "place"
    assert got["Mehmet Topac"] == "person"  # a given name opens it
    assert got["Joint Chiefs"] != "person"
    assert got["Foreign Office"] == "organisation"
    assert got["Staten Island"] == "place"
    assert got["Okafor"] == "person"  # described as a person: ", 44,"
    assert got["Patriot Act"] == "document"
    assert got["Guy Mansfield"] == "person"


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    got = _typed("Martin Abara spoke first. Later Abara left.")
    assert got["Abara"] == "person"


def test_an_honorific_splits_a_run_of_capitals() -> None:
    got = _typed("Sources told the BBC Mr Howard would stay.")
    assert got["Mr Howard"] == "person"


def test_gender_comes_only_from_what_the_text_says() -> None:
    """An honorific or a family word gives a gender; a given name never does."""
    doc = parse(
        "Patricia Hewitt spoke. Ms Hewitt said more. John Reed spoke. Ann Lee, who won "
        "her seat in May, spoke.",
        "t.txt",
        "text",
    )
    m = mentions(doc, lexicon())
    assert m.gender("hewitt") == "female"
    assert m.gender("reed") is None  # "John" says nothing
    assert m.gender("lee") == "female"  # "her" in a relative clause on the name
    assert kin_gender("his brother".split()) == "male"
    assert kin_gender("the father of the boy".split()) == "male"
    assert kin_gender("his father's lawyer".split()) is None


def test_gazetteer_and_given_names_are_sorted_data() -> None:
    """The lists are sorted, lower case, one entry a line, and carry no gender."""
    root = Path(builtin_root()) / "sourcing"
    for name in ("places.txt", "given-names.txt"):
        lines = read_list(str(root / name))
        assert lines == sorted(set(lines)), name
        assert all(line == line.lower() and line.strip() == line for line in lines), name
    assert "new jersey" in places() and "pakistan" in places()
    assert "mehmet" in given_names()
    assert all(len(line.split()) == 1 for line in read_list(str(root / "given-names.txt")))
