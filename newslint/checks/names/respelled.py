"""A person's name respelled once, read the way an editor reads it, for ``names.inconsistent``.

The fuzzy reading of ``names.inconsistent`` asks for strong evidence from the spellings
alone (the rarer form no English word, the main form used at least twice), so it misses a
respelling that is itself a real name: Clark / Clarke, Johnson / Johnston, Page / Paige.
An editor reads the story instead: a person introduced with a full name ("Lisa Page",
"Rep. Steve Scalise") and later called by a surname a letter or two away, once ("Paige
said", "Mr. Scalice"), when nobody of that other name is introduced, is the same person
misspelled. So:

* the story's *people* are the names it introduces: a given name (or initials) before
  a surname, or a title (Mr, Rep., Gov., Prime Minister ...) before it or before the
  given name;
* a *one-off* is a name used once in the story; the names worth reading are found
  through a symmetric-delete index (:func:`shapes.one_off_pairs`), so nothing is compared pairwise;
* a one-off close to a person's surname (:func:`close`: one realistic edit, two in long
  names; after the same given name any slip, after the same title a letter dropped or
  added) is that person, unless the story gives it a first name or title of its own
  that differs, a neighbour the person never has ("Clarke Foundation"), or it stands
  beside the person ("Clark and Clarke"), or reads as a place, a thing or a plural ("in
  Johnston", "the Bank", a list of towns, "the Clintons", "Bank of England");
* a one-off that shares a neighbour with the introduced spelling ("Lisa Paige" beside
  "Lisa Page", "Forrest Hill" beside "Forest Hill") is a respelling of it even when
  neither is a person;
* a full name used once introduces a person the story otherwise calls only by surname
  ("Rod Edington, BA's chief executive", then "Mr Eddington"), and an introduction used
  once whose surname the story then writes another way at least twice is misspelled;
* each spelling once: the name clearly more common on the web is the story's, else the
  one that introduces the person, else the earlier.

The suggestion is the spelling the story introduces (or, for a misspelled introduction,
the one it then uses).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from newslint.checks.names.data import common_abbreviations
from newslint.checks.names.shapes import (
    AND_AFTER,
    LIST_AFTER,
    LIST_BEFORE,
    NO_NAME,
    close,
    derived,
    doubled,
    feminine,
    one_off_pairs,
    osa,
    web_choice,
)
from newslint.checks.names.text import NameToken, fold, name_tokens
from newslint.checks.spelling import data as spelling_data
from newslint.checks.spelling.data import web_zipf
from newslint.checks.spelling.established import given_names
from newslint.document import Document
from newslint.finding import Hit
from newslint.spec import pack_file, read_list

# Honorifics, with the sex they imply: Mr Clark and Mrs Clarke may be a couple.
_HONORIFICS = {
    "Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Sir": "m", "Dame": "f", "Lord": "m",
    "Lady": "f", "Mme": "f", "Mlle": "f", "Madame": "f", "Monsieur": "m", "Herr": "m",
    "Frau": "f", "Senor": "m", "Señor": "m", "Senora": "f", "Señora": "f",
}  # fmt: skip
# Words before a name that make it a person's: a role or rank.
_ROLES = frozenset(
    """Dr Prof Professor Rev Reverend Father Sister Brother President Senator Sen Rep
    Representative Gov Governor Mayor General Gen Col Colonel Captain Capt Lt Lieutenant
    Sgt Sergeant Major Maj Judge Justice King Queen Prince Princess Pope Bishop Archbishop
    Cardinal Sheikh Imam Rabbi Pastor Ayatollah Chairman Chairwoman Chief Commissioner
    Ambassador Speaker Leader Secretary Minister Chancellor Premier Councillor Councilman
    Councilwoman Councilmember Congressman Congresswoman Assemblyman Assemblywoman Delegate
    Detective Det Officer Inspector Superintendent Constable Sheriff Coach Attorney Whip
    Admiral Adm Commander Cmdr Marshal Trooper Deputy Dean Chairperson Lawmaker Justice
    Corporal Cpl Private Pvt Supt Insp Sergeant Ambassador Envoy""".split()
)
# Abbreviated titles and the word they stand for: Gov. Fallin is Governor Mary Fallin.
_TITLE_WORDS = {
    "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Gen": "General",
    "Col": "Colonel", "Capt": "Captain", "Lt": "Lieutenant", "Sgt": "Sergeant",
    "Prof": "Professor", "Rev": "Reverend", "Det": "Detective", "Adm": "Admiral",
    "Cmdr": "Commander", "Maj": "Major", "Supt": "Superintendent", "Insp": "Inspector",
    "Cpl": "Corporal", "Pvt": "Private", "Dr": "Doctor",
}  # fmt: skip
# Abbreviated titles written with a full stop: "Mr. Scalise", "Rep. Steve Scalise".
_DOTTED = frozenset(
    "Mr Mrs Ms Dr Prof Rev Sen Rep Gov Gen Col Capt Lt Sgt Maj Det Adm Cmdr Cpl Pvt Supt "
    "Insp St Mme Mlle Fr Sr Jr".split()
)
# Capitalised words that open sentences or clauses: never anyone's first name.
_NOT_FIRST = frozenset(
    """The A An But And Or In On At As By For From Of To With When While After Before If So
    Yet This That These Those Then Now Last Next Since Until Under Over Meanwhile However
    Former Late Young Old New Dear Saint St Both Neither Either Only Even Also""".split()
)
_CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December""".split()
)
# Lower-case words before a name that make it a place or a thing: "in Johnston", "the Bank".
_NOT_PERSON_BEFORE = frozenset(
    """the a an in at near outside inside into through throughout across around toward
    towards via within from between other many some both all two three several every
    each any no""".split()
)
# Between two spellings in one sentence, a deliberate "also spelled" mention.
_DELIBERATE = re.compile(r"\(|\bor\b|\bformerly\b|\balso\b|\bspel[lt]|\bknown as\b", re.I)
_SIC = re.compile(r"\s{0,3}[\[(]sic[\])]", re.IGNORECASE)
# Between a first name and a surname: a space, a hyphen, or initials ("George W. Bush").
_JOIN = re.compile(r"(?: |-|(?: [A-Z]\.)+ | [A-Z] )")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
# After a surname opening a sentence: the person speaks or acts ("Page said", "Page's").
_SPEAKS = re.compile(
    r"(?:['’]s\b|[ \t]+(?:said|says|told|tells|added|adds|argued|wrote|writes|asked|replied"
    r"|noted|explained|insisted|claimed|stated|testified|denied|declined|responded)\b)"
)
_NOT_INITIALS = frozenset("AP DC NY LA SF NJ GP IT AI AM PM OK".split())
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.?){1,3}[ \t]$")
# Before a given name, words that make a full name a plural: "the young Billy Elliots".
_PLURAL_LEAD = frozenset("young these those more fewer future next new".split())
# After a name with an s too many: a verb that takes one subject ("Putins says", "Haileys
# was"), which a plural never has.
_SINGULAR = re.compile(
    r"[ \t]+(?:was|is|has|does|says|tells|wants|thinks|believes|argues|insists|claims"
    r"|adds|writes|doesn['’]t|isn['’]t|wasn['’]t|hasn['’]t)\b"
)
# After a name: a relative clause about a person ("Swank, who").
_WHO = re.compile(r",?[ \t]+who\b")
# After a plural: a verb that takes many subjects ("the Beckhams are").
_PLURAL_VERB = re.compile(
    r"[ \t]+(?:are|were|have|say|want|think|do|don['’]t|aren['’]t|weren['’]t|haven['’]t)\b"
)
# Below this web frequency (Zipf) a name with an s added is no plural people write.
_RARE_PLURAL = 2.5
# After "the" and a person's name: what belongs to the person ("the Clinton campaign").
_ATTRIBUTIVE = re.compile(
    r"(?:['’]s)?[ \t]+(?:campaign|family|team|brothers|sisters|household|administration"
    r"|presidency|camp|children|estate|era|years|government|plan|name)\b"
)
# After a capitalised word: "of" and a name, an organisation or a place ("Bank of England").
_ORGANISATION = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
# A sentence's opening: quotes and brackets before the first word.
_OPENERS = "\"'“‘«([—–- \t"

# Below this web frequency (Zipf) a spelling is unheard of: of two spellings used once
# each, it is the slip, whichever introduces the person.
_UNHEARD_OF = 1.0
# How close the story's two spellings stand to be "side by side" (Clark and Clarke).
_BESIDE = 12


@dataclass(slots=True)
class _Use:
    tok: NameToken
    first: str  # the given name (or other name) just before, or ""
    after: str  # the name just after, or ""
    title: str  # the title before the name or before its first name, or ""
    lead: str  # the lower-case word just before, or ""
    opens: bool  # the first word of a sentence


@dataclass(slots=True)
class _Name:
    stem: str
    uses: list[_Use] = field(default_factory=list)
    person: bool = False  # introduced as a person somewhere in the story

    @property
    def count(self) -> int:
        return len(self.uses)

    def firsts(self) -> set[str]:
        return {u.first for u in self.uses if u.first}

    def afters(self) -> set[str]:
        return {u.after for u in self.uses if u.after}

    def titles(self) -> set[str]:
        return {u.title for u in self.uses if u.title}


def _common(word: str) -> bool:
    """A common English word (not a proper noun the dictionary knows)."""
    lex = spelling_data.load()
    low = word.lower()
    return lex.in_dictionary(low) and not lex.is_proper(low)


@cache
def _places() -> frozenset[str]:
    """Places (lower case), each word of a place of several words too: the sourcing rules'
    list (rules/sourcing/places.txt)."""
    entries = read_list(pack_file("sourcing", "places.txt"))
    return frozenset(entries) | {w for e in entries for w in e.split()}


def _unknown(word: str) -> bool:
    """No word of the dictionary, common or proper (Tjahjanto, Hadi): a name of a person
    more often than of a place, whose names the dictionary knows."""
    return not spelling_data.load().in_dictionary(word.lower())


def _names(doc: Document, wanted: set[str] | None = None) -> dict[str, _Name]:
    """The capitalised names of the story (those ``wanted``, or all), with their uses and
    neighbours, in order of first use."""
    text = doc.text
    starts = {s for s, _ in doc.sentences}
    tokens = [t for t in name_tokens(doc) if not _SIC.match(text, t.end)]
    given = given_names()
    names: dict[str, _Name] = {}
    headlines: dict[int, bool] = {}
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if wanted is not None and tok.stem not in wanted:
            continue
        before = tokens[i - 1] if i > 0 and _joined(text, tokens[i - 1], tok) else None
        after = tokens[i + 1] if i < last and _joined(text, tok, tokens[i + 1]) else None
        title = first = ""
        if before is not None:
            if _is_title(before.stem):
                title = before.stem
            elif before.stem not in _NOT_FIRST and not _is_title(before.stem):
                first = before.stem
                ahead = tokens[i - 2] if i > 1 and _joined(text, tokens[i - 2], before) else None
                if ahead is not None and _is_title(ahead.stem):
                    title = ahead.stem
        nxt = after.stem if after is not None and after.stem not in _NOT_FIRST else ""
        if (first or nxt) and _title_case(text, tok.start, headlines):
            # A headline in title case: "Donald Trump Says", "Maria Hinojosa Explained".
            first = "" if first and _common(first) else first
            nxt = "" if nxt and _common(nxt) else nxt
        # The lower-case word before the name, or before its given name ("the Barry Bennetts").
        at = before.start if first and before is not None else tok.start
        lead_m = _WORD_BEFORE.search(text, max(0, at - 30), at)
        lead = lead_m.group(1).lower() if lead_m and not title else ""
        k = tok.start
        while k > 0 and text[k - 1] in _OPENERS and k not in starts:
            k -= 1
        opens = k in starts or k == 0 or text[k - 1] in ".!?:;\n"
        if tok.stem in _CALENDAR or _is_title(tok.stem):
            continue
        if before is None and _initials(text, tok.start):
            first = "~"  # "JP McManus", "JM Barry": initials for a given name
        name = names.get(tok.stem)
        if name is None:
            name = names[tok.stem] = _Name(tok.stem)
        name.uses.append(_Use(tok, first, nxt, title, lead, opens))
        if not name.person and (
            title in _HONORIFICS
            or first == "~"
            or (first and first.lower() in given)
            # A rank that is also a word ("General Motors", "Chief Executive") makes a
            # person only of a name that is no common word ("Gen. Petraeus").
            or (title and not _common(tok.stem) and not (first and _common(first)))
        ):
            name.person = True
    # A name after a capitalised word that is no common word or place ("Wesley Clark"),
    # when the story also calls it by that name alone ("Clark said"), or both words are
    # unknown to the dictionary ("Hadi Tjahjanto"): places and firms are called by their
    # first word ("Goldman", "New Hampshire" never "Hampshire").
    places = _places()
    for name in names.values():
        if name.person or _common(name.stem):
            continue
        firsts = [
            u.first
            for u in name.uses
            if u.first and not u.after and doc.text[u.tok.start - 1] == " "  # not Muslim-Americans
        ]
        if not firsts:
            continue
        alone = any(
            not (u.first or u.after) and u.lead not in _NOT_PERSON_BEFORE for u in name.uses
        )
        name.person = any(
            not _common(f)
            and f.lower() not in places
            and (alone or (_unknown(f) and _unknown(name.stem)))
            for f in firsts
        )
    return names


_WORDS = re.compile(r"[^\W\d_]{4,}")


def _title_case(text: str, at: int, memo: dict[int, bool]) -> bool:
    """True when the line holding ``at`` is written in title case (most longer words capitalised)."""
    start = text.rfind("\n", 0, at) + 1
    found = memo.get(start)
    if found is None:
        end = text.find("\n", at)
        end = end if end >= 0 else len(text)
        words = _WORDS.findall(text, start, end)
        capitals = sum(w[0].isupper() for w in words)
        found = memo[start] = (
            3 <= len(words) <= 20
            and capitals >= 0.7 * len(words)
            and ". " not in text[start:end].rstrip()
        )
    return found


def _initials(text: str, at: int) -> bool:
    """True when initials stand just before ``at``: "J.P. ", "JP " (not "US ", "AP ")."""
    m = _INITIALS.search(text, max(0, at - 8), at)
    if not m:
        return False
    letters = m.group().strip()
    if "." in letters:
        return True
    return (
        len(letters) == 2 and letters not in _NOT_INITIALS and letters not in common_abbreviations()
    )


def _is_title(word: str) -> bool:
    return word in _HONORIFICS or word in _ROLES


def _joined(text: str, a: NameToken, b: NameToken) -> bool:
    """True when ``a`` and ``b`` are parts of one name: "Lisa Page", "Mr. Scalise",
    "George W. Bush", "Okonjo-Iweala" (never across a possessive: "Clark's Page")."""
    if a.suffix:
        return False
    gap = b.start - a.end
    if gap == 1:
        return text[a.end] in " -"
    if gap == 2 and a.stem in _DOTTED and text[a.end : b.start] == ". ":
        return True
    return 2 < gap <= 9 and bool(_JOIN.fullmatch(text, a.end, b.start))


def _titles_agree(title: str, titles: set[str]) -> bool:
    """True when a use's title fits the titles the story gives the person: the same sex
    (Mr beside Mr, not Mrs), the same role (Rep. beside Rep., not Sen.)."""
    if not title or not titles:
        return True
    title = _TITLE_WORDS.get(title, title)
    titles = {_TITLE_WORDS.get(t, t) for t in titles}
    if title in _HONORIFICS:
        sexes = {_HONORIFICS[t] for t in titles if t in _HONORIFICS}
        return not sexes or _HONORIFICS[title] in sexes
    roles = {t for t in titles if t not in _HONORIFICS}
    return not roles or title in roles


def _bare_reference(doc: Document, use: _Use, introduced: bool = False) -> bool:
    """True when ``use`` reads as a person called by surname: no name beside it, no
    article or place preposition before it ("the Bank", "in Johnston"), not in a list
    of capitalised words ("Athens, Clanton, Falkville"), not a common word (unless it
    speaks, or, for a person ``introduced`` elsewhere, stands inside a sentence)."""
    if use.first or use.after:
        return False
    text = doc.text
    tok = use.tok
    if use.lead in _NOT_PERSON_BEFORE and not use.title:
        # "the Bank", "in Johnston"; but "the Clinton campaign", "the Osborne family".
        if not (use.lead == "the" and _ATTRIBUTIVE.match(text, tok.end)):
            return False
    if _ORGANISATION.match(text, tok.end):
        return False  # "Board of Contributors", "Bank of England"
    if use.title:
        return True  # "Ms Roche, Labour MP for ..."
    if LIST_AFTER.match(text, tok.end):
        return False  # "Johnston, Iowa"; "Clanton, Falkville"
    if LIST_BEFORE.search(text, max(0, tok.start - 40), tok.start) and AND_AFTER.match(
        text, tok.end
    ):
        return False  # "Athens, Clanton and Falkville"
    if _common(tok.stem) and not (introduced and not use.opens):
        # A common word ("Half the ...", "the Board of Contributors", "GMB and Unison"),
        # unless it is somebody ("Page said", "Swank, who", "Bloom was") or the person is
        # introduced with it elsewhere ("Hilary Swank", then "as Swank put it").
        return bool(
            _SPEAKS.match(text, tok.end)
            or _SINGULAR.match(text, tok.end)
            or _WHO.match(text, tok.end)
        )
    return True


def _beside(doc: Document, one: NameToken, other: _Name) -> bool:
    """True when a use of ``other`` stands within a few characters of ``one`` in its sentence,
    or shares its sentence with a word that marks an alternative spelling ("also spelled")."""
    sentence = doc.sentence_at(one.start)
    starts = [u.tok.start for u in other.uses]
    k = bisect_left(starts, one.start - 60)
    while k < len(starts) and starts[k] <= one.end + 60:
        tok = other.uses[k].tok
        if doc.sentence_at(tok.start) == sentence:
            gap = tok.start - one.end if tok.start >= one.end else one.start - tok.end
            if gap <= _BESIDE:
                return True
            lo, hi = min(one.start, tok.start), max(one.end, tok.end)
            if _DELIBERATE.search(doc.text, lo, hi):
                return True
        k += 1
    return False


def _match(doc: Document, use: _Use, main: _Name) -> bool:
    """True when the single ``use`` of a name reads as a respelling of the name ``main``."""
    if _beside(doc, use.tok, main):
        return False
    ending = derived(use.tok.stem, main.stem)
    if ending and not (ending == "s" and _person_use(doc, use, len(use.tok.stem) < len(main.stem))):
        # Korea / Korean; Liberal Democrat / Liberal Democrats; the Clintons, other
        # Republicans: another word. A surname with an s too many or too few is a
        # respelling only where it is plainly one person's: after a given name or a
        # title ("Vladimir Putins", "Mr Sower"), or alone and missing its s ("Sower said").
        return False
    if feminine(use.tok.stem, main.stem) or _nickname(use, main):
        return False  # Eric and Erica Garner; Pete and Peter Peterson
    no_name = web_zipf(fold(use.tok.stem)) < NO_NAME
    if use.first and use.first not in main.firsts():
        # Des Browne beside Gordon Brown: another person; but a spelling that is no name
        # at all is the family name misspelled (Chelsea Cliton beside Bill Clinton), and a
        # full name is the introduction of a person the story otherwise only calls by
        # surname ("Rod Edington, BA's chief executive", then "Mr Eddington" twice).
        if use.after or not (
            (no_name and main.count >= 2) or (not main.firsts() and _only_surname(doc, use, main))
        ):
            return False
    if use.after and use.after not in main.afters():
        return False  # "Clarke Foundation", "Johnston Press": another name
    if use.first or use.after:
        # Lisa Paige beside Lisa Page, Forrest Hill beside Forest Hill; the title, if any,
        # must agree too.
        return _titles_agree(use.title, main.titles())
    if not _titles_agree(use.title, main.titles()):
        return False
    if not (main.person or (use.title in _HONORIFICS and _introduced(main))):
        return False  # "Mr Seiferte" is Werner Seifert
    well = _well_introduced(main)
    if well and web_zipf(fold(use.tok.stem)) < NO_NAME:
        # No name on the web beside a person the story introduces by given name or
        # honorific: a slip wherever it stands ("from Trup", "Fery, Mackay and Brian
        # Eno"), unless an article makes it a thing ("a Cliton rally").
        return use.lead not in ("the", "a", "an") and not _ORGANISATION.match(doc.text, use.tok.end)
    return _bare_reference(doc, use, well)


def _well_introduced(name: _Name) -> bool:
    """A person the story introduces with a listed given name or an honorific (Bernie
    Sanders, Mr Sanders): a capitalised common word inside a sentence is that person too
    ("support for Sander")."""
    given = given_names()
    return any(
        (u.first and u.first.lower() in given and not u.after) or u.title in _HONORIFICS
        for u in name.uses
    )


def _first_name(word: str) -> bool:
    """A given name: one of the list, initials ("~"), or a capitalised word that is no
    common word or place ("Dominique", "Herbert"; not "Forest", "Texas")."""
    low = word.lower()
    return (
        word == "~"
        or low in given_names()
        or (bool(word) and not _common(word) and low not in _places())
    )


def _only_surname(doc: Document, use: _Use, main: _Name) -> bool:
    """True when the uses of ``main`` call a person by surname (most of them alone, after a
    title that fits ``use``'s), so the story introduces that person only at ``use``."""
    # Uses as someone's given name ("Howard Flight" beside "Michael Howard") say nothing.
    uses = [u for u in main.uses if not u.after]
    if _common(main.stem) and all(u.opens and not u.title for u in uses):
        return False  # "Here is ...": a word that opens sentences, no surname
    bare = sum(_bare_reference(doc, u, True) for u in uses)
    return (
        bare > 0
        and 2 * bare >= len(uses)  # "the Trump campaign" beside "Trump said"
        and (
            _first_name(use.first)
            or use.title != ""
            or any(u.title in _HONORIFICS for u in uses)  # "Eve Trewe", then "Ms Trew"
        )
        and all(_titles_agree(u.title, {use.title} - {""}) for u in uses)
    )


def _person_use(doc: Document, use: _Use, shorter: bool) -> bool:
    """True when a use with an s too many (``shorter`` False) or too few is plainly one
    person's: after a title ("Mr Putins"), alone ("Sower said"; with an s too many only
    before a verb of saying: "Putins said", not "patriotic Americans"), or missing its s
    after a given name ("Bernie Sander"); never a plural ("the Billy Elliots of this world")."""
    if use.after:
        return False
    if use.title:
        return True
    if not use.first:
        # "Putins said", "Haileys was", "Curbelos, in particular, has"; not "House of
        # Lords", "patriotic Americans", "Republicans said".
        return (
            shorter
            or bool(_SINGULAR.match(doc.text, use.tok.end))
            # A plural the web seldom writes (Putins, not Republicans) before "said".
            # A plural the web seldom writes (Putins, Curbelos; not Republicans, Trumps),
            # with no plural verb after it ("the Beckhams are": see _bare_reference).
            or (
                web_zipf(fold(use.tok.stem)) < _RARE_PLURAL
                and use.lead not in _PLURAL_LEAD
                and not _PLURAL_VERB.match(doc.text, use.tok.end)
            )
        )
    # "Herbert Demels", "Bernie Sander"; not "the Barry Bennetts of this world", "Alfa
    # Romeos", "Native Americans": after a listed given name, or after another word used
    # as one (no common word, no place, not joined by a hyphen) when the web has never
    # seen that plural (Demels, Bussereaus).
    if use.lead in _NOT_PERSON_BEFORE | _PLURAL_LEAD:
        return False
    if use.first.lower() in given_names():
        return True
    return (
        _first_name(use.first)
        and doc.text[use.tok.start - 1] == " "
        and web_zipf(fold(use.tok.stem)) < _UNHEARD_OF
    )


def _nickname(use: _Use, main: _Name) -> bool:
    """A first name and its short form (Pete / Peter, Chris / Christi)."""
    short, long = sorted((use.tok.stem.lower(), main.stem.lower()), key=len)
    return bool(use.after) and long.startswith(short)


def respelled_once(doc: Document) -> Iterator[Hit]:
    """Hits at names used once that respell a name the story introduces (see the module)."""
    pairs = one_off_pairs(doc)
    if not pairs:
        return
    wanted = set(pairs).union(*pairs.values())
    names = _names(doc, wanted)
    for stem, others in pairs.items():
        name = names.get(stem)
        if name is None or name.count != 1:
            continue  # a title or a date, or a [sic] spelling
        use = name.uses[0]
        near = [
            other
            for other in (names[o] for o in others if o in names)
            if other is not name
            and (
                close(name.stem, other.stem)
                # Beside the same given name any slip counts: Gordon Brown, Gordon Bron.
                or (
                    (
                        use.first in other.firsts()
                        or (
                            not other.firsts()
                            # never a given name itself ("Russ Feingold ... Russ is running")
                            and other.stem.lower() not in given_names()
                            and all(not u.after for u in other.uses)
                        )
                    )
                    and _first_name(use.first)
                    and min(len(name.stem), len(other.stem)) >= 4
                    and osa(fold(name.stem), fold(other.stem)) == 1
                )
                # A short name with a letter doubled, after the same given name or title
                # (Jamie Foxx, Jamie Fox; Mr Gill, Mr Gil).
                or (
                    min(len(name.stem), len(other.stem)) == 3
                    and doubled(fold(name.stem), fold(other.stem))
                    and (
                        (use.first and use.first in other.firsts())
                        or (use.title and use.title in other.titles())
                    )
                )
                # After the same title, a letter dropped or added: Mr Brown, Mr Bron (not
                # Mr Hill, Mr Hall: another name).
                or (
                    use.title in other.titles()
                    and min(len(name.stem), len(other.stem)) >= 4
                    and len(name.stem) != len(other.stem)
                    and osa(fold(name.stem), fold(other.stem)) == 1
                )
            )
        ]
        if not near:
            continue
        found = [other for other in near if other.count >= 1 and _forward(doc, use, name, other)]
        if len(found) == 1:
            main = found[0]
            yield _hit(use.tok, main.stem, main.count)
            continue
        if found:
            continue  # close to two names of the story: which one is meant?
        # The introduction itself misspelled: "Lisa Paige", then "Page" twice.
        back = [other for other in near if _backward(doc, use, name, other)]
        if len(back) == 1:
            yield _hit(use.tok, back[0].stem, back[0].count)


def _forward(doc: Document, use: _Use, name: _Name, main: _Name) -> bool:
    """``name`` (used once, ``use``) respells ``main``, which the story introduces."""
    if main.count == 1:
        # Each spelling once: the one that introduces the person (a given name before
        # it) is the story's, unless the web has never seen it (Jeffey for Jeffrey);
        # between two alike, the one clearly more common on the web (Hillary, not
        # Hilary), else the earlier.
        other = main.uses[0]
        full, other_full = bool(use.first and not use.after), bool(other.first and not other.after)
        better = web_choice(use.tok.stem, main.stem)
        if full != other_full:
            worse = main.stem if better == use.tok.stem else use.tok.stem
            if better and web_zipf(fold(worse)) < _UNHEARD_OF:
                if better == use.tok.stem:
                    return False
            elif full:
                # Two names the web knows (Bowdich / Bowditch, Preston / Peston): the one
                # the story introduces.
                return False
        elif better:
            if better == use.tok.stem:
                return False
        elif other.tok.start > use.tok.start and (name.person or use.first or use.after):
            return False
        if not (_introduced(main) or use.first or use.after):
            return False
    return _match(doc, use, main)


def _introduced(name: _Name) -> bool:
    """A person (see ``_names``), or a name after a given name ("Werner Seifert")."""
    return name.person or any(_first_name(u.first) for u in name.uses if u.first and not u.after)


def _backward(doc: Document, use: _Use, name: _Name, other: _Name) -> bool:
    """The one use of ``name`` is a person's introduction ("Lisa Paige") and ``other`` the
    surname the story then uses at least twice, bare ("Page said")."""
    if other.count < 2 or not name.person or not (use.first or use.title) or use.after:
        return False
    if other.firsts() or other.afters():
        return False
    if not all(_titles_agree(u.title, name.titles()) for u in other.uses):
        return False
    if any(_beside(doc, u.tok, name) for u in other.uses):
        return False
    if feminine(name.stem, other.stem) or derived(name.stem, other.stem) not in ("", "s"):
        return False
    return all(_bare_reference(doc, u, True) for u in other.uses)


def _hit(tok: NameToken, right: str, n: int) -> Hit:
    times = "once" if n == 1 else f"{n} times"
    return Hit(
        tok.start,
        tok.end,
        f"'{tok.stem}{tok.suffix}' is spelled '{right}' elsewhere in this document ({times}); "
        "use one spelling",
        (right + tok.suffix,),
        # Each spelling once: neither outnumbers the other, so an editor's look.
        level="warning" if n == 1 else None,
    )
