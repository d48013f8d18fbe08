"""Who each attribution's speaker is, as one entity of the story: "Ed Balls", "Mr Balls"
and a "he" resolved to either are one person; "The Tories" and "the Tories" one
organisation. For the desk summary of ``newslint sources --summary``: who gets quoted,
and the gender balance of quoted people as newsrooms track it (the BBC's 50:50 project,
the Gender Gap Tracker).

A person's gender is read only from what the text says: an honorific on the surname
(Mr, Mrs, Ms, Miss, Sir, Dame, Lord, Lady), a family word of the source ("his
brother"), "his"/"her" in a relative clause on the name, or "he"/"she" resolved to the
person. Never from a name: a person the text gives no such sign of is ``unknown``, and
one it gives both signs of is ``unknown`` too.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.attribution.base import Attribution, Span
from newslint.attribution.extractor import attributions
from newslint.attribution.lexicon import lexicon
from newslint.attribution.mentions import PERSON, Mention, kin_gender, mentions
from newslint.document import Document, per_document

# Honorifics that go with a first name in British usage: "Sir Digby" is Sir Digby Jones.
_FIRST_NAME_TITLES = frozenset(("sir", "dame", "lord", "lady"))


@dataclass(frozen=True, slots=True)
class Speaker:
    """The entity an attribution's source stands for: ``type`` is ``person`` or
    ``organisation``; ``name`` how the story names it best ("Ed Balls"); ``gender``
    ``female``, ``male`` or None (the text does not say)."""

    name: str
    type: str
    gender: str | None = None


@per_document
def speakers(doc: Document) -> list[Speaker | None]:
    """One entry per attribution of :func:`attributions` (same order): the named person
    or organisation it is, or None for an anonymous, vague, unresolved or missing
    source, and for one named only by a role or a common noun ("the prime minister",
    "the government"): those have no name to count under."""
    return _People(doc).run()


class _People:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.found = attributions(doc)
        self.mentions = mentions(doc, lexicon())
        self._persons: list[Mention] | None = None

    def persons(self) -> list[Mention]:
        """Every person mention of the story (outside quotations)."""
        if self._persons is None:
            m = self.mentions
            self._persons = [
                x
                for k in range(len(self.doc.sentences))
                for x in m.in_sentence(k)
                if x.type == PERSON
            ]
        return self._persons

    def run(self) -> list[Speaker | None]:
        keys: list[tuple[str, str] | None] = []
        genders: dict[str, set[str]] = {}
        for a in self.found:
            ident = self.identify(a)
            keys.append(ident)
            if ident is None or ident[0] != PERSON:
                continue
            key = ident[1]
            said = a.gender if a.kind == "pronoun" else None
            if a.kind != "pronoun" and a.source:
                said = kin_gender(self.text[a.source[0] : a.source[1]].split())
            given = self.mentions.gender(key)
            for g in (said, given):
                if g:
                    genders.setdefault(key, set()).add(g)
        out: list[Speaker | None] = []
        for ident in keys:
            if ident is None:
                out.append(None)
                continue
            typ, key, name = ident[0], ident[1], ident[2]
            if typ == PERSON:
                g = genders.get(key, set())
                out.append(Speaker(name, PERSON, next(iter(g)) if len(g) == 1 else None))
            elif _proper(name):
                out.append(Speaker(name, "organisation"))
            else:
                out.append(None)  # "the government", "the report": no name to count
        return out

    def identify(self, a: Attribution) -> tuple[str, str, str] | None:
        """(type, key, display name) of the entity an attribution's source stands for."""
        if a.source is None:
            return None
        kind, span = a.kind, a.source
        if kind == "pronoun":
            if a.resolved is None or a.resolved_kind not in ("named-person", "named-organisation"):
                return None
            kind, span = a.resolved_kind, a.resolved
        if kind == "named-person":
            return self.person(span)
        if kind == "named-organisation":
            persons = [m for m in self.mentions.inside(span) if m.type == PERSON]
            if persons:
                return self.person(span)
            name = _organisation_name(self.text[span[0] : span[1]])
            return ("organisation", name.lower(), name)
        return None

    def person(self, span: Span) -> tuple[str, str, str] | None:
        inside = [m for m in self.mentions.inside(span) if m.type == PERSON and self._head(m, span)]
        if not inside:
            return None  # "the home secretary": a person, named by role only
        m = inside[-1]
        key = self._surname(m)
        return (PERSON, key, self.display(key, m))

    def _head(self, m: Mention, span: Span) -> bool:
        """The name is the source's head or stands in apposition, not a modifier of
        another noun ("Brown ally", "Gordon Brown's closest ally")."""
        rest = self.text[m.end : span[1]]
        if rest.startswith(("'s", "’s")):
            return False
        rest = rest.strip()
        return not rest or not rest[0].isalpha() or not rest[0].islower()

    def _surname(self, m: Mention) -> str:
        """The key of a person: the surname, also for "Sir Digby" after "Sir Digby
        Jones" (a first name after Sir or Dame)."""
        word = self.text[m.start : m.end]
        if m.honorific in _FIRST_NAME_TITLES and " " not in word:
            for p in self.persons():
                parts = self.text[p.start : p.end].split()
                if len(parts) >= 2 and parts[0] == word:
                    return p.key
        return m.key

    def display(self, key: str, m: Mention) -> str:
        """The fullest name the story gives this person, without titles ("Ed Balls")."""
        best = self.text[m.start : m.end]
        for p in self.persons():
            if p.key == key:
                name = self.text[p.start : p.end]
                if len(name.split()) > len(best.split()):
                    best = name
        return " ".join(best.split())


def _proper(name: str) -> bool:
    """An organisation's name, not a common noun capitalised at a sentence's start
    ("Police said"): a capitalised word that is no organisation word of the lexicon."""
    lex = lexicon()
    return any(
        w[:1].isupper() and not lex.is_source_noun(w.lower().rstrip(".")) for w in name.split()
    )


def _organisation_name(text: str) -> str:
    """An organisation's name as a desk would list it: no leading "the", no possessive."""
    words = text.split()
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    name = " ".join(words)
    for end in ("'s", "’s"):
        name = name.removesuffix(end)
    return name
