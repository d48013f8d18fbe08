"""Titles of people in AP style: ``ap.titles`` and ``ap.courtesy-titles``.

AP capitalises a formal title directly before a name ("President Joe Biden", "former
Gov. Jeb Bush") and lowercases it alone, after a name or set off by commas ("the
president said"). It abbreviates some titles before a full name and drops the title on
later references ("Sen. Ted Cruz", then "Cruz"). It uses no courtesy titles (Mr., Mrs.,
Ms.) outside quotations.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.checks.editorial.text import matches, starts_sentence
from newslint.document import Document
from newslint.finding import Hit

# Formal titles as written before a name, and the form AP gives them there.
BEFORE_NAME = {
    "president": "President",
    "vice president": "Vice President",
    "president-elect": "President-elect",
    "governor": "Gov.",
    "lieutenant governor": "Lt. Gov.",
    "senator": "Sen.",
    "representative": "Rep.",
    "congressman": "Rep.",
    "congresswoman": "Rep.",
    "mayor": "Mayor",
    "pope": "Pope",
    "chancellor": "Chancellor",
    "prime minister": "Prime Minister",
    "attorney general": "Attorney General",
    "secretary of state": "Secretary of State",
    "sen.": "Sen.",
    "gov.": "Gov.",
    "rep.": "Rep.",
}
# Titles capitalised when they stand alone ("the President said"): lower case in AP.
ALONE = [
    "Vice President",
    "President",
    "President-elect",
    "Lieutenant Governor",
    "Governor",
    "Senator",
    "Congressman",
    "Congresswoman",
    "Mayor",
    "Pope",
    "Prime Minister",
    "Attorney General",
    "Secretary of State",
    "Chancellor",
    "Chief Justice",
    "Ambassador",
    "Sheriff",
]
_NOT_NAMES = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    "May|June|July|August|September|October|November|December|The|In|On|At|A|An|And|But|"
    "Mr|Mrs|Ms|Dr|"
    "Is|Was|For|Of|To|As|It|He|She|They|We|I|This|That|When|If|Who|Which"
)
_NAME = rf"(?!(?:{_NOT_NAMES})\b)[A-Z][a-z][\w'’-]*"
_ALONE = regex.compile(
    r"\b(?:the|The)\s+(?:(?:former|then|late|new|current|outgoing|incoming|next|future)\s+)?"
    rf"(?P<title>{'|'.join(ALONE)})\b(?![-‐])"
    r"(?=\s+[a-z]|[,.;:!?)]|['’]s\s+[a-z])"
)
_LOWER_BEFORE = regex.compile(
    rf"(?<![\w-])(?P<title>{'|'.join(regex.escape(t) for t in sorted(BEFORE_NAME, key=len, reverse=True) if t.islower())})"
    rf"\s+(?P<name>{_NAME}(?:\s+(?:[A-Z]\.\s+)?{_NAME})?)"
)
# A word before a lower-case title that makes the title a description, not a formal
# title before a name: "the president Barack Obama", "his mayor", "club president".
_DESCRIPTIVE_BEFORE = frozenset(
    "the a an his her their its our my your as whose this that which each every any "
    "company club union association board school university college student bank team "
    "league party state city county town village".split()
)
_LONG_BEFORE = regex.compile(
    r"(?:(?<![\w-])|(?<=\bthen-))(?P<title>Senator|Governor|Lieutenant Governor|Representative|Congressman|"
    rf"Congresswoman)\s+(?P<name>{_NAME}(?:\s+{_NAME})?)"
)
_LATER_REFERENCE = regex.compile(
    rf"(?<![\w.])(?P<title>Sen|Gov|Rep|Lt\.\s+Gov)\.\s+(?P<name>{_NAME})"
    r"(?!\s+(?:[A-Z]|de\b|van\b|von\b|da\b|al-))(?![\w'’-])"
)
_COURTESY = regex.compile(r"\b(?P<title>Mr|Mrs|Ms|Mx)\.?\s+(?P<name>[A-Z][\w'’-]+)")


# Words before "president" that make it a head of state's title, not an officer's.
_STATE_WORDS = frozenset(
    "former then late outgoing incoming U.S. US American Republican Democratic Democrat "
    "Vice vice".split()
)


def _head_of_state(doc: Document, pos: int, before: str) -> bool:
    if not before or starts_sentence(doc, pos):
        return True
    if before in _STATE_WORDS:
        return True
    # A nationality: "French president Emmanuel Macron", "Syrian president Bashar".
    return before[:1].isupper() and before.endswith(("an", "ese", "ish", "i", "ic", "ch"))


def _word_before(text: str, pos: int) -> str:
    m = regex.search(r"([\w'’.-]+)\s+$", text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def ap_titles(doc: Document, options: dict) -> Iterator[Hit]:
    text = doc.text
    for m in matches(_ALONE, doc, quotes=False, headings=False):
        if regex.search(
            r"\b(?:Office|Department|Ministry|Bureau)\s+of\s+$",
            text[max(0, m.start() - 20) : m.start()],
        ):
            continue  # an office's name: "the Office of the Secretary of State"
        title = m.group("title")
        right = title.lower()
        yield Hit(
            m.start("title"),
            m.end("title"),
            f"AP lowercases a title standing alone: 'the {right}'; capitalise it only "
            "directly before a name.",
            (right,),
        )
    for m in matches(_LOWER_BEFORE, doc, quotes=False, headings=False):
        before = _word_before(text, m.start())
        if before.lower() in _DESCRIPTIVE_BEFORE or before.endswith(("'s", "’s")):
            continue
        if regex.search(
            r"\b(?:both|two|three|all)\s+(?:\w+\s+)?$", text[max(0, m.start() - 25) : m.start()]
        ):
            continue  # "both former president Bushes": a plural, not one person's title
        title = m.group("title")
        if title in ("president", "chancellor") and not _head_of_state(doc, m.start(), before):
            continue  # "FreedomWorks president Matt Kibbe": an organisation's officer
        right = BEFORE_NAME[title]
        yield Hit(
            m.start("title"),
            m.end("title"),
            f"A formal title directly before a name is capitalised: '{right} {m.group('name')}'.",
            (right,),
        )
    for m in matches(_LATER_REFERENCE, doc, quotes=False, headings=False):
        yield Hit(
            m.start(),
            m.end(),
            f"AP uses the title with the full name on first reference and the last name "
            f"alone after that: '{m.group('name')}'.",
            (m.group("name"),),
        )


def ap_courtesy(doc: Document, options: dict) -> Iterator[Hit]:
    text = doc.text
    for m in matches(_COURTESY, doc, quotes=False, headings=False):
        if regex.match(r"\s*(?:and|&)\s+(?:Mrs|Mr|Ms)\b", text[m.end("title") + 1 : m.end() + 12]):
            continue  # "Mr. and Mrs. Smith": a couple, where AP allows them
        if regex.search(
            r"(?:Mr|Mrs|Ms)\.?\s+(?:and|&)\s+$", text[max(0, m.start() - 12) : m.start()]
        ):
            continue
        name = m.group("name")
        yield Hit(
            m.start(),
            m.end(),
            f"AP uses no courtesy titles outside quotations: '{name}' (the full name on "
            "first reference).",
            (name,),
        )


def ap_long_titles(doc: Document) -> Iterator[Hit]:
    """Senator, Governor, Representative before a name: AP's abbreviation."""
    for m in matches(_LONG_BEFORE, doc, quotes=False, headings=False):
        right = BEFORE_NAME[m.group("title").lower()]
        yield Hit(
            m.start("title"),
            m.end("title"),
            f"AP abbreviates this title before a name: '{right} {m.group('name')}'.",
            (right,),
        )
