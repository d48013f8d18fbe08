"""Names in a story, typed before anything is resolved to them.

A *mention* is a run of capitalised words outside quotations ("Home Secretary Charles
Clarke", "New Jersey", "the British Chambers of Commerce"). Each is typed as a
``person``, ``organisation``, ``place``, ``document`` or ``other`` from what the text
shows: a title or honorific before it ("Mr", "Sen.", "Home Secretary"), a given name
opening it (``rules/sourcing/given-names.txt``), the gazetteer
(``rules/sourcing/places.txt``), organisation and document head words
(``organisations.txt``, ``documents.txt``), an acronym, a description after it that
only fits a person ("Okafor, 44,", "Okafor, who", "Mehmet Topac, a former justice
minister"), or the same surname typed as a person elsewhere in the story.

A person's gender is taken only from what the text says: an honorific (Mr, Mrs, Ms,
Miss, Sir, Dame, Lord, Lady) on any mention of the surname, or "his"/"her" in a
relative clause on the name ("Ann Lee, who won her seat"). A given name says nothing
about gender, and the analysis never reads one from it.

Pronoun resolution (:mod:`speakers`) lets he/she point only at persons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from newslint.attribution import words as W
from newslint.attribution.lexicon import Lexicon, given_names, places
from newslint.document import Document, per_document

PERSON, ORGANISATION, PLACE, DOCUMENT, OTHER = (
    "person",
    "organisation",
    "place",
    "document",
    "other",
)
FEMALE, MALE = "female", "male"

# A run of capitalised words, with the particles of names between them ("Ludwig van
# Beethoven", "Omar al Bashir") and a full stop after a short word ("Mr.", "J.").
_WORD = r"[A-ZÀ-ÖØ-ÞŁŚŻŹČŠŽŘ][\w'’\-]*(?:\.(?=[ \t]+[A-Z]))?"
_PARTICLE = r"(?:de|da|di|du|del|der|den|van|von|bin|ibn|al|el|le|la|dos|das)"
_MENTION = re.compile(rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD})*")

# Honorifics that say a person's gender.
HONORIFICS = {
    "mr": MALE,
    "sir": MALE,
    "lord": MALE,
    "mrs": FEMALE,
    "ms": FEMALE,
    "miss": FEMALE,
    "dame": FEMALE,
    "lady": FEMALE,
}
_BREAKS = frozenset(HONORIFICS) | {"dr", "prof"}
# Family words that say a person's gender: "his brother", "the victim's mother, Jane".
KIN = {
    **dict.fromkeys(
        """brother father son husband widower uncle nephew grandfather grandson boyfriend
        dad stepfather fiance""".split(),
        MALE,
    ),
    **dict.fromkeys(
        """sister mother daughter wife widow aunt niece grandmother granddaughter girlfriend
        mum mom stepmother fiancee""".split(),
        FEMALE,
    ),
}


def kin_gender(words: list[str]) -> str | None:
    """The gender a source phrase's own family word gives ("his brother", "the father
    of the boy, John Doe"), not a possessor's ("his father's lawyer") or an object's."""
    for k, w in enumerate(words):
        low = w.lower().replace("é", "e")
        if low in KIN and (k == 0 or words[k - 1].lower() != "of"):
            return KIN[low]
    return None


# Words before a name that make it a person's: titles, ranks and offices ("Home
# Secretary", "Lt. Gen.", "First Minister").
_TITLE_WORDS = W.TITLES | frozenset(
    """
    st saint father sister brother imam rabbi cardinal bishop archbishop sheikh shadow
    deputy vice first prime home foreign interior defence defense health justice
    finance trade labour culture education environment transport treasury
    lieutenant lt maj major sergeant corporal private admiral adm commander cmdr
    superintendent inspector detective det constable chief coach manager
    """.split()
)
# Titles that make the name after them a person's on their own ("Mr", "Sen.", "Judge");
# the others ("General", "Chief", "Home") need a second title word ("Attorney General").
_STRONG_TITLES = W.TITLES - frozenset(
    "general chief director officer speaker justice attorney king queen prince princess".split()
)
# Letters after a person's name.
POSTNOMINALS = frozenset(
    "qc kc sc mp msp mla mep am jr jr. sr sr. ii iii iv md phd obe mbe cbe".split()
)
# Last words of place names ("Staten Island", "Orange County").
_PLACE_WORDS = frozenset(
    """
    island islands county province state's river bay valley mountains mountain sea ocean
    street road avenue square city town village district region peninsula coast lake
    """.split()
)
# Last words of document names ("the Patriot Act", "the Health Service Bill").
_DOCUMENT_WORDS = frozenset(
    "act bill treaty amendment constitution accord accords convention charter".split()
)
# Capitalised words that open a sentence or a clause without being part of a name.
_LEADING = W.FUNCTION_CAPS | W.DETERMINERS


@dataclass(frozen=True, slots=True)
class Mention:
    """One typed name: ``start``-``end`` is the name itself, ``full`` where it starts
    with its titles ("Home Secretary Charles Clarke" -> ``full`` at "Home")."""

    start: int
    end: int
    full: int
    type: str
    key: str  # lower-case last word of the name: a person's surname
    honorific: str | None = None


def _is_acronym(word: str) -> bool:
    w = word.strip(".").replace(".", "")
    return len(w) >= 2 and w.isupper() and w.isalpha()


class Mentions:
    """The typed name mentions of one document (outside quotations), found once."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self._memo: dict[int, list[Mention]] = {}
        self._given: dict[str, bool] = {}

    @cached_property
    def _people(self) -> tuple[dict[str, str | None], set[str]]:
        """What the whole story says of its people, in a few passes anchored on rare
        words: surnames given an honorific or a description that fits only a person
        ("Okafor, 44,"), and the gender honorifics and tied possessives give."""
        text = self.text
        keys: set[str] = set()
        genders: dict[str, set[str]] = {}
        for word, gender in _HONORIFIC_WORDS:
            # str.find per honorific: C speed, where a regex alternation tries every offset.
            i = text.find(word)
            while i != -1:
                j = i + len(word)
                if i == 0 or not text[i - 1].isalnum():
                    m = _NAME_AFTER.match(text, j)
                    if m:
                        key = _key(m.group(1))
                        keys.add(key)
                        genders.setdefault(key, set()).add(gender)
                i = text.find(word, j)
        for m in _DESCRIBED.finditer(text):
            word = _word_before(text, m.start())
            if word and (m.group(1) or self._described_person(m.start())):
                keys.add(_key(word))
        for rx in _TIED:
            for m in rx.finditer(text):
                word = _word_before(text, m.start())
                if word:
                    genders.setdefault(_key(word), set()).add(
                        MALE if m.group(1).lower() in ("his", "himself") else FEMALE
                    )
        gender = {k: next(iter(v)) if len(v) == 1 else None for k, v in genders.items()}
        return gender, keys

    def is_person_key(self, key: str) -> bool:
        """Whether the story names this surname as a person's anywhere: with an
        honorific, a description, or a given name before it ("Martin Mubanga")."""
        keys = self._people[1]
        if key in keys:
            return True
        got = self._given.get(key)
        if got is None:
            got = self._given[key] = _after_given_name(self.text, key)
        return got

    def in_sentence(self, k: int) -> list[Mention]:
        """The mentions of sentence ``k``, in order (typed on first request)."""
        got = self._memo.get(k)
        if got is None:
            got = self._memo[k] = self._scan(k) if 0 <= k < len(self.doc.sentences) else []
        return got

    def _scan(self, k: int) -> list[Mention]:
        doc, text = self.doc, self.text
        s, e = doc.sentences[k]
        out: list[Mention] = []
        for m in _MENTION.finditer(text, s, e):
            run = m.group()
            if " " not in run and "\t" not in run:
                # One word, the commonest case: typed without splitting.
                low = run.lower()
                if low in _LEADING or doc.in_quote(m.start()):
                    continue
                part = self._word(m.start(), run, low)
                if part is None:
                    continue
                parts = [part]
            elif doc.in_quote(m.start()):
                continue
            else:
                parts = self._split(m.start(), run)
            for start, end, full, typ, key, hon in parts:
                if typ == OTHER and self.is_person_key(key):
                    typ = PERSON  # "Mubanga", after "Martin Mubanga"
                out.append(Mention(start, end, full, typ, key, hon))
        return out

    def gender(self, key: str | None) -> str | None:
        """``female`` or ``male`` when the text says so for this surname, else None."""
        return self._people[0].get(key) if key else None

    def inside(self, span: tuple[int, int]) -> list[Mention]:
        """The mentions lying inside a text span (a source phrase)."""
        k = self.doc.sentence_at(span[0])
        return [m for m in self.in_sentence(k) if span[0] <= m.start and m.end <= span[1]]

    def _split(self, at: int, run: str) -> list[tuple]:
        """The names in one capitalised run: split after a possessive ("Mr Brown's
        Budget"), leading function words and titles set apart, each typed."""
        out = []
        words = run.split()
        offsets = []
        pos = 0
        for w in words:
            pos = run.index(w, pos)
            offsets.append(at + pos)
            pos += len(w)
        i = 0
        n = len(words)
        while i < n:
            j = i
            while j < n and not words[j].endswith(("'s", "’s")):
                if j > i and words[j].lower().rstrip(".") in _BREAKS:
                    j -= 1  # "told the BBC | Mr Howard had": an honorific opens a name
                    break
                j += 1
            end = min(j + 1, n)
            part = self._typed(words[i:end], offsets[i:end])
            if part is not None:
                out.append(part)
            i = end
        return out

    def _word(self, at: int, word: str, low: str) -> tuple | None:
        """A one-word mention ("Pakistan", "Mubanga", "CBI"), typed like :meth:`_typed`."""
        end = at + len(word)
        if word.endswith("."):
            low, end = low[:-1], end - 1
        if low.endswith(("'s", "’s")):
            low, end = low[:-2], end - 2
        if not low[:1].isalpha() or low in _TITLE_WORDS:
            return None
        lex = self.lex
        if low in places():
            typ = PLACE
        elif low in lex.organisations or _is_acronym(word):
            typ = ORGANISATION
        elif low in lex.documents or low in _DOCUMENT_WORDS:
            typ = DOCUMENT
        elif self.text.startswith(",", end) and self._described_person(end):
            typ = PERSON
        else:
            typ = OTHER
        return (at, end, at, typ, low, None)

    def _typed(self, words: list[str], offsets: list[int]) -> tuple | None:
        lows = [W.strip_possessive(w.lower().rstrip(".")) for w in words]
        n = len(words)
        i = 0
        the = False
        while i < n and lows[i] in _LEADING and lows[i] not in _TITLE_WORDS:
            the = the or lows[i] == "the"
            i += 1
        if i >= n:
            return None
        first = i  # where the run starts, titles included
        k = i
        while k < n and lows[k] in _TITLE_WORDS | HONORIFICS.keys():
            k += 1
        prefix = lows[i:k]
        honorific = next((w for w in prefix if w in HONORIFICS), None)
        title = any(w in _STRONG_TITLES or w in HONORIFICS for w in prefix) or len(prefix) >= 2
        if k >= n:
            if title or n - first == 1 and lows[first] in _TITLE_WORDS:
                return None  # a title alone: "Chancellor", "Home Secretary"
            title = False
        if title:
            i = k
        last = n - 1
        while last > i and lows[last] in POSTNOMINALS:
            last -= 1
        # "Guy Mansfield QC", not "Labour MP" or "Former Labour MP": a given name first.
        postnominal = last < n - 1 and last > i and lows[i] in given_names()
        name = lows[i : last + 1]
        if not name[0][:1].isalpha():
            return None
        start, full = offsets[i], offsets[first]
        end = offsets[last] + len(words[last])
        if words[last].endswith(("'s", "’s")):
            end -= 2
        elif words[last].endswith("."):
            end -= 1
        key = name[-1]
        lex = self.lex
        if " ".join(lows[first : last + 1]) in places():
            typ = PLACE  # "St Louis", "New Jersey"
        elif any(w in lex.organisations for w in name):
            typ = ORGANISATION  # "Foreign Office", "Justice Department"
        elif title or postnominal:
            typ = PERSON  # "Home Secretary Charles Clarke", "Guy Mansfield QC"
        elif " ".join(name) in places() or name[-1] in _PLACE_WORDS:
            typ = PLACE
        elif name[-1] in lex.documents or name[-1] in _DOCUMENT_WORDS:
            typ = DOCUMENT  # "the Patriot Act"
        elif the or any(_is_acronym(w) for w in words[i : last + 1]):
            typ = ORGANISATION  # "the Scottish Executive", "CBI"
        elif len(name) >= 2 and name[0] in given_names():
            typ = PERSON
        elif self._described_person(end):
            typ = PERSON
        else:
            typ = OTHER
        return (start, end, full, typ, key, honorific)

    def _described_person(self, end: int) -> bool:
        """What follows a name only fits a person: ", 44,", ", who", ", a former
        justice minister"."""
        tail = self.text[end : end + 60]
        m = _DESCRIPTION.match(tail)
        if not m:
            return False
        if m.group(1) or m.group(2):
            return True
        return any(W.strip_possessive(w.lower()) in self.lex.roles for w in m.group(3).split())


_DESCRIPTION = re.compile(
    r",\s+(?:(\d{1,3})\s*[,.]|(who)\b|(?:a|an|the)\s+((?:[\w'’\-]+[ \t]*){1,5}))"
)
_NAME_WORD = r"[A-Z][\w'’\-]+"
# Honorifics as written, and the name after one: "Mr Howard", "Ms. Ana Ruiz".
_HONORIFIC_WORDS = tuple((w.capitalize(), g) for w, g in HONORIFICS.items())
_NAME_AFTER = re.compile(rf"\.?[ \t]+((?:{_NAME_WORD}[ \t]+)*{_NAME_WORD})")
# A description after a name that fits only a person: "Okafor, 44,", "Okafor, who", or
# "Topac, a former justice minister" (checked for a role).
_DESCRIBED = re.compile(r",\s+(?:(\d{1,3}\s*[,.]|who\b)|(?=(?:a|an|the)\s))")
# "his"/"her" in a relative clause on a name, or right after "and": "Ann Lee, who won
# her seat", "Tom Hale and his wife" (the name is the word before the match).
_TIED = (
    re.compile(r",\s+who\s[^,.;:\"“”]{0,60}?\b(his|her|himself|herself)\b"),
    re.compile(r" and (his|her)\b"),
)
_LAST_WORD = re.compile(r"([A-Z][\w'’\-]+)$")


def _word_before(text: str, i: int) -> str | None:
    """The capitalised word ending at offset ``i``, if any."""
    m = _LAST_WORD.search(text, max(i - 40, 0), i)
    return m.group(1) if m else None


def _after_given_name(text: str, key: str) -> bool:
    """A given name stands before the surname ``key`` somewhere: "Martin Mubanga"."""
    names = given_names()
    target = key[:1].upper() + key[1:]
    i = text.find(target)
    while i != -1:
        end = i + len(target)
        if not (end < len(text) and (text[end].isalnum())):
            m = _LAST_WORD.search(text, max(i - 30, 0), max(i - 1, 0))
            if m and m.end() == i - 1 and text[i - 1] in " \t" and m.group(1).lower() in names:
                return True
        i = text.find(target, i + 1)
    return False


def _key(name: str) -> str:
    """The key of a person's name: its last word, lower case, no possessive."""
    return W.strip_possessive(name.split()[-1].lower().rstrip("."))


@per_document
def _mentions_memo(doc: Document) -> dict:
    return {}


def mentions(doc: Document, lex: Lexicon) -> Mentions:
    """The document's :class:`Mentions`, built once and shared."""
    memo = _mentions_memo(doc)
    got = memo.get("m")
    if got is None:
        got = memo["m"] = Mentions(doc, lex)
    return got
