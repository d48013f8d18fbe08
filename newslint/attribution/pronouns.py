"""Pronouns resolved to the person or group they stand for: "he said" given to the man
the story last named, never to a place, a document or a body ("it" may be an
organisation), with the agreement the text shows (he/she/they), titles and roles
attached to the person they describe."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from newslint.attribution import words as W
from newslint.attribution.base import Attribution, Span
from newslint.attribution.lexicon import Lexicon, given_names
from newslint.attribution.mentions import (
    DOCUMENT,
    FEMALE,
    HONORIFICS,
    KIN,
    MALE,
    ORGANISATION,
    OTHER,
    PERSON,
    PLACE,
    POSTNOMINALS,
    kin_gender,
    mentions,
)
from newslint.attribution.tokens import QUOTE_CHARS
from newslint.document import Document


@dataclass(frozen=True, slots=True)
class Referent:
    """Who or what an attribution's source stands for: its type (``person``, ``group``,
    ``organisation``, ``place``), a span naming it, a person's surname key and the
    gender the text gives (None when it gives none), and the source kind it counts as."""

    span: Span
    type: str
    kind: str
    key: str | None = None
    gender: str | None = None


_PERSON_TYPES = frozenset(("person",))
_GROUP_TYPES = frozenset(("group", ORGANISATION))
_IT_TYPES = frozenset((ORGANISATION, PLACE))
# How far back a pronoun may reach: a speaker within this many sentences, a name that
# did not speak within fewer.
_SPEAKER_REACH = 8
_MENTION_REACH = 3
# How many sentences a running "he" (or "she") may carry its person.
_TOPIC_REACH = 7
# Words that open a sentence before its subject: "But", "Meanwhile,".
_OPENERS = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Meanwhile|However|Also|Now|Then|Instead|Separately|"
    r"Later|Earlier|Nonetheless|Nevertheless|Indeed)\b,?\s+)+"
)
# An opening phrase that ends with a comma before the subject: "On Wednesday, Mr
# Mallon ...", "During an interview with the BBC, she ...".
_OPENING_PHRASE = re.compile(
    r"(?:In|On|At|During|After|Before|Following|Since|While|When|Although|Though|If|As|"
    r"Speaking|Asked|Earlier|Later|Last|This|Next|Over|Under|Within|Without|Despite|"
    r"Amid|From|For|With|By|Throughout|Until|Once|Back|Elsewhere|Separately|"
    r"Born|[A-Z][a-z]+(?:ed|ing|en))\b"  # "Born in 1912 and educated at ..., Lord Callaghan"
    r"[^,\"“”‘’;:]{0,120}?,\s+"
)


# A role opening a sentence: "the prime minister completed", "The Tory leader said".
_ROLE_SUBJECT = re.compile(r"(?:[Tt]he|[Oo]ur)((?:[ \t]+[a-z][a-z\-]*){1,4})")


def resolve_pronouns(doc: Document, lex: Lexicon, found: list[Attribution]) -> list[Attribution]:
    """Point each pronoun source at who it stands for.

    he/she may only be a person (and never one the text gives the other gender), it
    an organisation or a place speaking for its government, they/we a group or an
    organisation. In order of preference:

    1. the subject of the pronoun's own sentence, named before it ("Mr Mallon is a
       late recruit after rejecting, he claims, ...");
    2. the subject of the sentence before, when it clearly opens that sentence ("Mr
       Mubanga is the first to speak. He told the Observer ...");
    3. the last speaker of that type within a few sentences (a speaker is preferred to
       a name merely mentioned since: a congressman's words are not a teenager's);
    4. the last person named, outside quotations, within three sentences.

    Continued quotations take their speaker's resolution.
    """
    if not any(a.kind == "pronoun" for a in found):
        return found
    r = _Resolver(doc, lex, found)
    return r.run()


class _Resolver:
    def __init__(self, doc: Document, lex: Lexicon, found: list[Attribution]) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.found = found
        self.mentions = mentions(doc, lex)
        self.headings = [b.start for b in doc.blocks if b.kind == "heading"]
        # The speakers so far: (position, sentence index, attribution); their referents
        # are worked out only when a pronoun looks back at them.
        self.history: list[tuple[int, int, Attribution]] = []
        self.by_sentence: dict[int, list[Attribution]] = {}
        self._refs: dict[int, Referent | None] = {}
        contents = sorted(a.content for a in found if a.content and a.source and a.cue)
        self._content_starts = [c[0] for c in contents]
        self._content_reach = list(accumulate((c[1] for c in contents), max))
        # The gender "he" or "she" resolved to a person has given them (by surname, or by
        # the span of a person named by role).
        self.said: dict[str | Span, str] = {}

    def run(self) -> list[Attribution]:
        out: list[Attribution | None] = [None] * len(self.found)
        by_source: dict[Span, Referent | None] = {}
        for n, a in enumerate(self.found):
            if a.continued or not a.source:
                continue
            if a.kind == "pronoun":
                ref = self.resolve(a)
                by_source[a.source] = ref
                if ref is not None and ref.type == "person":
                    # "he" or "she" tells the person's gender from here on.
                    low = self.text[a.source[0] : a.source[1]].lower()
                    if low in ("he", "she"):
                        self.said.setdefault(ref.key or ref.span, MALE if low == "he" else FEMALE)
                a = _with_referent(a, ref, self.text)
                self._refs[id(a)] = ref
            out[n] = a
            if a.cue is not None:
                k = self.doc.sentence_at(a.source[0])
                self.history.append((a.cue[0], k, a))
                self.by_sentence.setdefault(k, []).append(a)
        for n, a in enumerate(self.found):
            if out[n] is None:
                if a.kind == "pronoun" and a.source:
                    a = _with_referent(a, by_source.get(a.source), self.text)
                out[n] = a
        return out  # type: ignore[return-value]

    def ref_of(self, a: Attribution) -> Referent | None:
        """The referent of a speaker so far (a resolved pronoun's, or worked out now)."""
        key = id(a)
        if key not in self._refs:
            self._refs[key] = self.referent(a)
        return self._refs[key]

    # -- what a source stands for ------------------------------------------------------

    def referent(self, a: Attribution) -> Referent | None:
        """The referent of a non-pronoun source."""
        src = a.source
        if src is None:
            return None
        kind = a.kind
        words = self.text[src[0] : src[1]].split()
        kin = kin_gender(words)
        if kind == "named-person":
            key = _person_key(words)
            if key is not None:  # a title or a given name says so: no need to type names
                return Referent(src, "person", kind, key, self.mentions.gender(key) or kin)
            if not any(w[:1].isupper() for w in words[1:]):
                head = _head(" ".join(words))
                if not _person_noun(self.lex, head):
                    return None  # "The photo", "The disparity": no one to point at
                return Referent(src, "person", kind, gender=kin)  # "The Tory leader"
        elif kind == "named-organisation":
            if not any(w[:1].isupper() for w in words[1:]):
                return Referent(src, ORGANISATION, kind)  # "The ministry", "Pakistan"
        inside = self.mentions.inside(src)
        persons = [
            m for m in inside if m.type == PERSON and not self.text.startswith(("'s", "’s"), m.end)
        ]
        if kind in ("named-person", "named-organisation") and persons:
            m = persons[-1]
            gender = self.mentions.gender(m.key) or kin
            return Referent(src, "person", "named-person", m.key, gender)
        if kind == "named-organisation":
            if len(inside) == 1 and inside[0].type == PLACE:
                return Referent(src, PLACE, kind)
            return Referent(src, ORGANISATION, kind)
        if kind == "named-person":
            if inside and all(m.type in (PLACE, ORGANISATION, DOCUMENT) for m in inside):
                typ = inside[-1].type
                return None if typ == DOCUMENT else Referent(src, typ, "named-organisation")
            return Referent(src, "person", kind, gender=kin)
        if kind == "vague":
            return Referent(src, "group", kind)
        if kind == "anonymous":
            head = _head(self.text[src[0] : src[1]])
            if head in self.lex.documents:
                return None
            if _plural(head) or head in self.lex.organisations:
                return Referent(src, "group", kind)
            return Referent(src, "person", kind, gender=kin)
        return None

    # -- pronouns ----------------------------------------------------------------------

    def resolve(self, a: Attribution) -> Referent | None:
        src = a.source
        assert src is not None
        low = self.text[src[0] : src[1]].lower()
        if low == "who":
            return self.antecedent(src[0])
        if low in ("he", "she"):
            gender = MALE if low == "he" else FEMALE
            want = _PERSON_TYPES
        elif low == "they":
            gender, want = None, _GROUP_TYPES
        elif low == "it":
            gender, want = None, _IT_TYPES
        else:
            return None  # "I", "we", "you": the writer, a group speaking, the reader
        pos = src[0]
        k = self.doc.sentence_at(pos)

        def fits(ref: Referent | None) -> bool:
            if ref is None or ref.type not in want:
                return False
            known = ref.gender or self.said.get(ref.key or ref.span)
            return gender is None or known in (None, gender)

        # 1. The subject of the pronoun's own sentence, before it, unless what opens the
        # sentence is what the pronoun says ('Mr Blair has the passion ..., he said').
        if not (a.content and a.cue and a.content[1] <= a.cue[0]):
            ref = self.subject(k, before=pos)
            if fits(ref):
                return ref
        # 2. The subject of the sentence before, in the same story section; or, after a
        # run of sentences whose subject is this same pronoun ("He enlisted ... He
        # became ..."), the person named as the subject where the run starts.
        topic: tuple[int, Referent] | None = None
        if k > 0 and not self._heading_between(self.doc.sentences[k - 1][0], pos):
            ref = self.subject(k - 1)
            if fits(ref):
                return ref
            if ref is None and low in ("he", "she"):
                topic = self._topic(k - 1, low, fits)
        # 3. The last speaker of that type, unless the topic's sentence is later.
        for at, j, speaker in reversed(self.history):
            if k - j > _SPEAKER_REACH or self._heading_between(at, pos):
                break
            if topic is not None and topic[0] > j:
                return topic[1]
            if at < pos:
                ref = self.ref_of(speaker)
                if fits(ref):
                    return ref
        if topic is not None:
            return topic[1]
        # 4. The last person named, within a few sentences.
        if want is _PERSON_TYPES:
            for j in range(k, max(k - _MENTION_REACH - 1, -1), -1):
                for m in reversed(self.mentions.in_sentence(j)):
                    if m.end <= pos and m.type == PERSON:
                        ref = self._person(m)
                        if fits(ref):
                            return ref
        return None

    def _topic(self, k: int, low: str, fits) -> tuple[int, Referent] | None:
        """Walk back over sentences whose subject is the same pronoun (or its
        possessive: "He enlisted ...", "His career ...") to the person they follow."""
        forms = ("he", "his", "him") if low == "he" else ("she", "her")
        for j in range(k, max(k - _TOPIC_REACH, -1), -1):
            at = self.subject_start(j)
            if at is None:
                return None
            first = self.text[at : at + 5].split(" ", 1)[0].lower()
            if first in forms:
                continue
            ref = self.subject(j)
            return (j, ref) if fits(ref) else None
        return None

    def subject(self, k: int, before: int | None = None) -> Referent | None:
        """What opens sentence ``k`` as its subject: a speaker whose source starts
        there, or a name (not a possessor: "Chancellor Gordon Brown's closest ally")."""
        at = self.subject_start(k)
        if at is None or (before is not None and at >= before):
            return None
        for speaker in self.by_sentence.get(k, ()):
            start = speaker.source[0]  # type: ignore[index]
            if start == at and (before is None or start < before):
                return self.ref_of(speaker)
        m = _ROLE_SUBJECT.match(self.text, at, self.doc.sentences[k][1])
        if m and not self._reported(at):
            # "On Friday, the prime minister completed ...": a person named by role.
            end = at + len(m.group(0).split()[0])
            for w in m.group(1).split():
                end = self.text.index(w, end) + len(w)
                if w in self.lex.roles or w in W.TITLES:
                    if self.text.startswith(("'", "’"), end):
                        break  # "The prime minister's enthusiasm": a possessor
                    if before is None or end <= before:
                        return Referent((at, end), "person", "named-person")
                    break
        first = self.text[at : at + 4].split(" ", 1)[0].lower()
        if not self.text[at : at + 1].isupper() or first in W.PRONOUNS:
            return None  # no name opens it: "the ...", "He was ...", a figure
        if self._reported(at):
            return None  # the opening is someone's reported words, not the story's subject
        for m in self.mentions.in_sentence(k):
            if m.full < at:
                continue
            if m.full > at and not (m.type == PERSON and self._role_before(at, m.full)):
                break
            if self.text.startswith(("'s", "’s"), m.end) or (before is not None and m.end > before):
                return None
            if m.type == PERSON:
                return self._person(m)
            if m.type in (ORGANISATION, PLACE) and m.full == at:
                return Referent((m.full, m.end), m.type, "named-organisation")
            if m.full == at and m.type == OTHER:
                continue  # "Lib Dem | home affairs spokesman Mark Oaten"
            return None
        return None

    def _reported(self, pos: int) -> bool:
        """``pos`` lies in what an attribution reports ('"Mr Blair has the passion ...,"
        he said'; 'Mr Blair has the passion ..., he said')."""
        k = bisect_right(self._content_starts, pos) - 1
        return k >= 0 and pos < self._content_reach[k]

    def _role_before(self, at: int, name: int) -> bool:
        """Only a role stands between the subject's start and the name: "Lib Dem home
        affairs spokesman Mark Oaten", "The Tory ex-minister Douglas Hogg"."""
        words = self.text[at:name].split()
        if not words or len(words) > 7:
            return False
        lows = [w.lower() for w in words]
        if any(w in _NOT_IN_ROLE or not w[:1].isalnum() or w.endswith(",") for w in lows):
            return False
        last = W.strip_possessive(lows[-1])
        return (
            last in self.lex.roles
            or last in W.TITLES
            or last in POSTNOMINALS  # "Former Labour MP Lord Janner"
            or last.endswith(("er", "ist", "man", "woman"))
        )

    def subject_start(self, k: int) -> int | None:
        """Where the subject of sentence ``k`` starts, after "But", "Meanwhile," or an
        opening phrase ("On Wednesday, "); None for a sentence opening with a quotation."""
        s, e = self.doc.sentences[k]
        text = self.text
        while s < e and text[s].isspace():
            s += 1
        if s >= e or text[s] in QUOTE_CHARS:
            return None
        m = _OPENERS.match(text, s, e)
        if m:
            s = m.end()
        m = _OPENING_PHRASE.match(text, s, e)
        if m:
            s = m.end()
            m = _OPENERS.match(text, s, e)
            if m:
                s = m.end()
        return s

    def antecedent(self, pos: int) -> Referent | None:
        """The person a relative "who" at ``pos`` refers to: the name just before its
        comma ("Senator Ann Lee, who said ..."); None when no name stands there."""
        k = self.doc.sentence_at(pos)
        for m in reversed(self.mentions.in_sentence(k)):
            if m.end > pos:
                continue
            between = self.text[m.end : pos]
            if between.strip() in (",", "") and len(between) <= 3 and m.type in (PERSON, OTHER):
                return self._person(m)
            return None
        return None

    def _person(self, m) -> Referent:
        return Referent(
            (m.full, m.end), "person", "named-person", m.key, self.mentions.gender(m.key)
        )

    def _heading_between(self, a: int, b: int) -> bool:
        k = bisect_right(self.headings, a)
        return k < len(self.headings) and self.headings[k] < b


def _person_noun(lex: Lexicon, head: str) -> bool:
    """A noun for a person: a role ("leader", "spokeswoman"), a title, a family word, or
    one of the endings of agents ("teenager", "novelist", "campaigner")."""
    return (
        head in lex.roles
        or head in W.TITLES
        or head in KIN
        or head.endswith(("er", "or", "ist", "ian", "man", "woman", "person", "ent", "ant"))
    )


def _person_key(words: list[str]) -> str | None:
    """The surname of a source phrase that plainly names a person, read off its words: a
    title or honorific before a name, or a given name opening it ("Sen. Ann Lee", "Ed
    Balls, a former adviser", "Mr Balls"); None when only typing its names can tell."""
    chunk: list[str] = []
    for w in words:
        if w.endswith(",") or w in ("-", "—", "–"):
            chunk.append(w.rstrip(","))
            break
        chunk.append(w)
    names = [w for w in chunk if w[:1].isupper()]
    if any(w.endswith(("'s", "’s")) for w in names):
        return None  # "Tony Blair's entry": the name is whose, not who
    if len(names) == 1 and chunk[-1] == names[0] and len(chunk) <= 2:
        # One name ("Howard", "Ms Lane" is two): its key; typing it adds nothing.
        key = W.strip_possessive(names[0].lower().rstrip("."))
        return key if key not in _PERSON_OPENERS and key not in W.FUNCTION_CAPS else None
    if len(names) < 2:
        return None
    first = names[0].lower().rstrip(".")
    if first in _PERSON_OPENERS or first in given_names():
        key = W.strip_possessive(names[-1].lower().rstrip("."))
        return key if key not in _PERSON_OPENERS else None
    return None


# Titles and honorifics that make the name after them a person's.
_PERSON_OPENERS = frozenset(HONORIFICS) | frozenset(
    "dr prof sen rep gov pres president senator governor judge mayor".split()
)


def _with_referent(a: Attribution, ref: Referent | None, text: str) -> Attribution:
    """The pronoun attribution pointed at ``ref``; "he" and "she" give the person's
    gender themselves."""
    if ref is None:
        return Attribution(a.source, a.cue, a.content, a.quote, a.kind, None, a.continued)
    low = text[a.source[0] : a.source[1]].lower() if a.source else ""
    gender = MALE if low == "he" else FEMALE if low == "she" else ref.gender
    return Attribution(
        a.source, a.cue, a.content, a.quote, a.kind, ref.span, a.continued, ref.kind, gender
    )


def _head(phrase: str) -> str:
    """The head noun of a source phrase: its last word before a description."""
    words = phrase.lower().replace(",", " , ").split()
    for k, w in enumerate(words):
        if k and w in _DESCRIBERS:
            words = words[:k]
            break
    return W.strip_possessive(words[-1]) if words else ""


# Words that cannot stand inside a role before a name ("spokesman Mark Oaten").
_NOT_IN_ROLE = W.AUX | W.LEFT_BOUNDARY | W.PRONOUNS | frozenset("of said says told".split())
_DESCRIBERS = frozenset("who whose , from at of for with in on familiar close by".split())


def _plural(low: str) -> bool:
    if low.endswith(("men", "people")):
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))
