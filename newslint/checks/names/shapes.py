"""Respellings of a name that transliteration does not make, for ``names.inconsistent``.

``names.text.translit_distance`` counts the edits transliteration makes (Gaddafi /
Qaddafi). Writers also slip in other ways that an editor queries at once:

* swapped letters: Dougherty, Dougherty, Doughtery (:func:`transposed`; such pairs
  are bucketed by :func:`swap_key`, since their skeletons differ);
* capitals only: TikTok / Tiktok, DeKalb / Dekalb (:func:`case_only`; on a tie the
  dictionary's casing of a proper noun wins, :func:`known_casing`);
* a dictionary word for a name the story uses (Vila, Vila, then Villa:
  :func:`word_for_name`);
* a name spelled each way once (Seiler / Seiller): neither outnumbers the other, so
  the web decides which is more common (:func:`web_choice`), or the editor picks
  (:func:`once_each`);
* a person's surname respelled once into another real name (Lisa Page, then Paige;
  Clark / Clarke), read the way an editor reads the story: who it introduces, and who
  a one-off name must be (:func:`respelled_once`, the last section).

``main`` and ``rare`` are ``names.inconsistent``'s forms: a spelling with its tokens,
count and neighbouring names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from newslint.checks.names.data import common_abbreviations
from newslint.checks.names.text import NameToken, fold, name_tokens, translit_distance
from newslint.checks.spelling import data as spelling_data
from newslint.checks.spelling.data import web_zipf
from newslint.document import Document
from newslint.finding import Hit
from newslint.spec import pack_file, read_list

# Names this short are too often different names one letter apart (Ali / Aly).
MIN_SWAP_LENGTH = 4
# How much more common (Zipf units) one spelling must be on the web to be named as the one
# to use; below it the editor is asked to pick.
WEB_MARGIN = 0.5


def swap_key(stem: str) -> str | None:
    """A bucket key shared by spellings that differ by swapped letters: the first letter
    and the sorted rest (None for short names)."""
    folded = fold(stem)
    if len(folded) < MIN_SWAP_LENGTH:
        return None
    return "~" + folded[0] + "".join(sorted(folded[1:]))


def transposed(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with letters swapped or one letter moved within three
    places, the first letter kept (Dougherty / Doughtery, Chesnoff / Chensoff)."""
    a, b = fold(a), fold(b)
    if len(a) != len(b) or len(a) < MIN_SWAP_LENGTH or a == b or a[0] != b[0]:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    lo, hi = diff[0], diff[-1] + 1
    return hi - lo <= 3 and sorted(a[lo:hi]) == sorted(b[lo:hi])


def case_only(a: str, b: str) -> bool:
    """True when the two spellings differ only in capitals inside the word."""
    return a != b and a.lower() == b.lower() and a[:1] == b[:1]


def known_casing(word: str) -> bool:
    """True when ``word`` is written as the dictionary's proper nouns write it
    ("Facebook", "DeKalb", "Hillary"; not "FaceBook" or "HIllary")."""
    lex = spelling_data.load()
    low = word.lower()
    return lex.is_proper(low) and lex.cased(low) == word


# Prefixes after which a capital inside a name is usual (McDonald, DeKalb, LeBron, O'Neill).
_CAMEL_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")


def preferred_casing(a: str, b: str, count_a: int, count_b: int) -> str:
    """Of two spellings differing only in capitals, the one to keep, or "": the
    dictionary's casing of a proper noun; else the more used one; on a tie the plain
    capitalised form, unless the other's inner capital follows a usual prefix (McDonald,
    DeKalb)."""
    known_a, known_b = known_casing(a), known_casing(b)
    if known_a != known_b:
        return a if known_a else b
    if count_a != count_b:
        return a if count_a > count_b else b
    plain_a, plain_b = a[1:].islower(), b[1:].islower()
    if plain_a == plain_b:
        return ""
    plain, camel = (a, b) if plain_a else (b, a)
    if any(camel.startswith(p) and camel[len(p) : len(p) + 1].isupper() for p in _CAMEL_PREFIXES):
        return camel
    return plain


def web_choice(a: str, b: str) -> str:
    """The spelling that is clearly more common on the web (wordfreq), or ""."""
    za, zb = web_zipf(fold(a)), web_zipf(fold(b))
    if za >= zb + WEB_MARGIN:
        return a
    if zb >= za + WEB_MARGIN:
        return b
    return ""


def gendered(a: str, b: str) -> bool:
    """True when one spelling is the other plus a final vowel after a consonant."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    if short[:-1] == long[:-1]:
        return False  # Argentina / Argentine, Kenya / Kenyan: a name and its adjective
    return (
        len(long) == len(short) + 1
        and long.startswith(short)
        and long[-1] in "aeio"
        and short[-1] not in "aeiouy"
    )


def word_for_name(doc: Document, main, rare, a: str, b: str, distance: int) -> bool:
    """True when ``rare`` (a dictionary word) stands for the name ``main``: one edit
    away, outnumbered, and beside no name ``main`` lacks."""
    if distance != 1 or main.count < 2 or rare.count >= main.count or min(len(a), len(b)) < 4:
        return False
    # The other form is a name (Vila, Reuters) and this one a common word, not another
    # name (Anderson / Andersen, Colombia / Columbia); the slip keeps the word's length
    # or doubles a letter (Vila / Villa), never adds an ending (German / Germany).
    if not _proper(a) or spelling_data.load().is_proper(b.lower()):
        return False
    short, long = sorted((a.lower(), b.lower()), key=len)
    if short[:-1] == long[:-1]:
        return False  # Argentina / Argentine, Kenya / Kenyan: a name and its adjective
    if len(short) != len(long) and not any(
        long[:i] + long[i + 1 :] == short and long[i] == long[i - 1] for i in range(1, len(long))
    ):
        return False
    if not (rare.before <= main.before and rare.after <= main.after):
        return False
    return True


def _proper(word: str) -> bool:
    """A proper noun (Reuters, India) or a rare word used as a name (Vila), not a
    capitalised common word."""
    lex = spelling_data.load()
    low = word.lower()
    return lex.is_proper(low) or not lex.in_dictionary(low) or web_zipf(low) < 3.0


def once_each(doc: Document, main, rare, a: str, b: str) -> Hit | None:
    """Seiler / Seiller, each once: report the spelling less common on the web (or the
    later one, asking the editor to pick) when the two are surely one name."""
    if main.count != 1 or rare.count != 1:
        return None
    shortest = min(len(a), len(b))
    distance = translit_distance(a, b)
    swapped = transposed(a, b)
    if swapped:
        distance = 1
    elif a.endswith("s") != b.endswith("s"):
        return None  # Uyghur / Uighurs: one name and its plural
    if shortest < (4 if swapped else 5) or distance > (1 if shortest <= 5 else 2):
        return None
    if gendered(a, b):
        return None
    low, high = sorted((web_zipf(fold(a)), web_zipf(fold(b))))
    # One spelling is no name on the web (Seiller, Arcleor), or a much rarer variant of a
    # better-known one (Shareef / Sharif); two established names (Brown / Browne) may be
    # two people, and so may two rare ones (Chada / Chadha).
    if not (low == 0.0 or (low < 2.5 and high - low >= 1.0)):
        return None
    if doc.sentence_at(main.first) == doc.sentence_at(rare.first):
        return None  # named side by side: two people, or a deliberate "also spelled"
    # Different first names or surnames beside them: different people; and so are a
    # first name and a surname (Michel Gondry, Roger Michell).
    if (main.before and rare.before and main.before != rare.before) or (
        main.after and rare.after and main.after != rare.after
    ):
        return None
    if low > 0.0 and bool(main.after) != bool(rare.after):
        return None  # Jennifer Lopez and the singer Jenifer: a first name and a name
    better = web_choice(a, b)
    where, written, other = (main, a, b) if better == b else (rare, b, a)
    tok = where.tokens[0]
    if _in_list(doc.text, tok):
        return None  # "Athens, Clanton, Falkville and Huntsville": a list of places
    if better:
        note = f"'{better}' is the more common spelling on the web"
        suggestions: tuple[str, ...] = (better + tok.suffix,)
    else:
        note = "pick one"
        suggestions = ()
    return Hit(
        tok.start,
        tok.end,
        f"'{written}' and '{other}' each appear once in this document; {note}; use one spelling",
        suggestions,
        level="warning",  # neither spelling outnumbers the other: an editor's look
    )


# -- a person's name respelled once ----------------------------------------------------
#
# A person's name respelled once, read the way an editor reads it, for ``names.inconsistent``.
#
# The fuzzy reading of ``names.inconsistent`` asks for strong evidence from the spellings
# alone (the rarer form no English word, the main form used at least twice), so it misses a
# respelling that is itself a real name: Clark / Clarke, Johnson / Johnston, Page / Paige.
# An editor reads the story instead: a person introduced with a full name ("Lisa Page",
# "Rep. Steve Scalise") and later called by a surname a letter or two away, once ("Paige
# said", "Mr. Scalice"), when nobody of that other name is introduced, is the same person
# misspelled. So:
#
# * the story's *people* are the names it introduces: a given name (or initials) before
#   a surname, or a title (Mr, Rep., Gov., Prime Minister ...) before it or before the
#   given name;
# * a *one-off* is a name used once in the story; the names worth reading are found
#   through a symmetric-delete index (:func:`_candidates`), so nothing is compared pairwise;
# * a one-off close to a person's surname (:func:`close`: one realistic edit, two in long
#   names; after the same given name any slip, after the same title a letter dropped or
#   added) is that person, unless the story gives it a first name or title of its own
#   that differs, a neighbour the person never has ("Clarke Foundation"), or it stands
#   beside the person ("Clark and Clarke"), or reads as a place, a thing or a plural ("in
#   Johnston", "the Bank", a list of towns, "the Clintons", "Bank of England");
# * a one-off that shares a neighbour with the introduced spelling ("Lisa Paige" beside
#   "Lisa Page", "Forrest Hill" beside "Forest Hill") is a respelling of it even when
#   neither is a person;
# * a full name used once introduces a person the story otherwise calls only by surname
#   ("Rod Edington, BA's chief executive", then "Mr Eddington"), and an introduction used
#   once whose surname the story then writes another way at least twice is misspelled;
# * each spelling once: the name clearly more common on the web is the story's, else the
#   one that introduces the person, else the earlier.
#
# The suggestion is the spelling the story introduces (or, for a misspelled introduction,
# the one it then uses).

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
_LIST_AFTER = re.compile(r"(?:['’]s)?,[ \t]+[A-Z]")
_LIST_BEFORE = re.compile(r"[A-Z][\w'’.-]*,[ \t]+$")
_AND_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:and|or|&)[ \t]+[A-Z]")
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

# Substitutions a writer makes in a short name: vowels for vowels, and letters that sound alike.
_SOUND_ALIKE = [frozenset("aeiouy"), frozenset("ckqg"), frozenset("csz"), frozenset("ijy")]
# Endings one writer spells another's way: Levy / Levie / Levi, Lebedev / Lebedeff.
_ENDING = re.compile(r"(?:ie|ey|y|i)$|(?<=[eo])(?:ff|v)$")
# Below this web frequency (Zipf) a spelling is unheard of: of two spellings used once
# each, it is the slip, whichever introduces the person.
_UNHEARD_OF = 1.0
# Below this web frequency (Zipf) a spelling is no name of its own (Trup, Scalice).
_NO_NAME = 1.5
# How close the story's two spellings stand to be "side by side" (Clark and Clarke).
_BESIDE = 12


@cache
def given_names() -> frozenset[str]:
    """Common given names, lower case: the sourcing rules' list (rules/sourcing/given-names.txt)."""
    return frozenset(read_list(pack_file("sourcing", "given-names.txt")))


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


@lru_cache(maxsize=65536)
def _osa(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) between ``a`` and ``b``, up to
    3 (3 meaning three or more). Only a band of the table within two of its diagonal is
    filled: a cell further off costs more than two edits."""
    n, m = len(a), len(b)
    if abs(n - m) > 2:
        return 3
    # Strip the common prefix and suffix: most pairs differ in one place.
    lo = 0
    while lo < n and lo < m and a[lo] == b[lo]:
        lo += 1
    hi = 0
    while hi < n - lo and hi < m - lo and a[n - 1 - hi] == b[m - 1 - hi]:
        hi += 1
    a, b = a[lo : n - hi], b[lo : m - hi]
    n, m = len(a), len(b)
    if not n or not m:
        return min(max(n, m), 3)
    big = 3
    prev2: list[int] = []
    prev = [j if j <= 2 else big for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [i if i <= 2 else big] + [big] * m
        for j in range(max(1, i - 2), min(m, i + 2) + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > 2:
            return 3
        prev2, prev = prev, cur
    return min(prev[m], 3)


def close(a: str, b: str) -> bool:
    """True when ``a`` is a realistic respelling of ``b``: the first letter kept; in a long
    name (7 letters or more) up to two edits (Hodgkinson / Hodgkins); in a shorter one a
    single edit, and in a name of four or five letters, when ``a`` is a name of its own on
    the web, only one a writer makes: a vowel or sound-alike letter changed (Mayer /
    Meyer), a vowel, h, a doubled or final letter added or dropped (Page / Paige, Clark /
    Clarke, Bruck / Bruk), two letters swapped; such a name is never changed letter for
    letter in four letters (Hill / Hall)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or fa[:1] != fb[:1] or not fa.isalpha() or not fb.isalpha():
        return False
    shortest = min(len(fa), len(fb))
    if shortest < 4:
        return False
    fa, fb = fa.replace("ph", "f"), fb.replace("ph", "f")  # Gref / Greph
    if fa == fb:
        return True
    base = _ENDING.sub("", fa)
    if base == _ENDING.sub("", fb) and len(base) >= 3:
        return True  # Levy / Levie / Levi, Kerry / Kerrie, Lebedev / Lebedeff
    distance = _osa(fa, fb)
    if distance == 2:
        # A long name with another ending (Hodgkinson / Hodgkins) or two transliteration
        # edits (Tjahjanto / Tjahyanto), not two names (Florida / Fiorina, Majority / Minority).
        short, long = sorted((fa, fb), key=len)
        return shortest >= 7 and (long.startswith(short) or translit_distance(fa, fb) <= 2)
    if distance != 1:
        return False
    if shortest >= 6 or max(len(fa), len(fb)) >= 6 or web_zipf(fa) < _NO_NAME:
        return True  # Jugnot / Junot; Trump / Trup, Brown / Bron: no name at all
    if len(fa) == len(fb):
        diff = [i for i in range(len(fa)) if fa[i] != fb[i]]
        if len(diff) == 2:
            return True  # two letters swapped
        if shortest == 4:
            return False  # Hill / Hall, Bush / Bash: other names
        x, y = fa[diff[0]], fb[diff[0]]
        return any(x in s and y in s for s in _SOUND_ALIKE)
    short, long = sorted((fa, fb), key=len)
    for i, c in enumerate(long):
        if long[:i] + long[i + 1 :] != short:
            continue
        if (
            c in "aeiouyh"
            or i == len(long) - 1
            or (i > 0 and long[i - 1] == c)
            or (i + 1 < len(long) and long[i + 1] == c)
            or (c == "c" and long[i + 1 : i + 2] == "k")
        ):
            return True
    return False


def _feminine(a: str, b: str) -> bool:
    """Paul / Paula, Carson / Carsoni: a name and another name built on it."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return len(long) == len(short) + 1 and long.startswith(short) and long[-1] in "aio"


# Endings that make another word of a name: an adjective or people (Korea / Korean, Sri
# Lanka / Lankans, Pakistan / Pakistani), a plural (Deluxe Film / Films, the Beckhams).
_DERIVED = (
    "n", "an", "ian", "ns", "ans", "ians", "i", "is", "ese", "ish", "ic", "ics", "y", "s", "es",
)  # fmt: skip


def _derived(a: str, b: str) -> str:
    """The ending that makes one spelling of the other ("" when none does)."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    ending = long[len(short) :]
    if ending == short[-1:]:
        return ""  # a final letter doubled: Bryson / Brysonn, Davis / Daviss
    return ending if long.startswith(short) and ending in _DERIVED else ""


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


def _in_list(text: str, tok: NameToken) -> bool:
    """True when ``tok`` stands in a list of capitalised words ("Athens, Clanton, Falkville")."""
    before = bool(_LIST_BEFORE.search(text, max(0, tok.start - 40), tok.start))
    return (
        before and bool(_AND_AFTER.match(text, tok.end) or _LIST_AFTER.match(text, tok.end))
    ) or (
        bool(_LIST_AFTER.match(text, tok.end))
        and bool(
            re.match(
                r"(?:['’]s)?,[ \t]+[A-Z][\w'’.-]*(?:,|[ \t]+(?:and|or)[ \t]+[A-Z])",
                text[tok.end : tok.end + 60],
            )
        )
    )


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
    if _LIST_AFTER.match(text, tok.end):
        return False  # "Johnston, Iowa"; "Clanton, Falkville"
    if _LIST_BEFORE.search(text, max(0, tok.start - 40), tok.start) and _AND_AFTER.match(
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
    ending = _derived(use.tok.stem, main.stem)
    if ending and not (ending == "s" and _person_use(doc, use, len(use.tok.stem) < len(main.stem))):
        # Korea / Korean; Liberal Democrat / Liberal Democrats; the Clintons, other
        # Republicans: another word. A surname with an s too many or too few is a
        # respelling only where it is plainly one person's: after a given name or a
        # title ("Vladimir Putins", "Mr Sower"), or alone and missing its s ("Sower said").
        return False
    if _feminine(use.tok.stem, main.stem) or _nickname(use, main):
        return False  # Eric and Erica Garner; Pete and Peter Peterson
    no_name = web_zipf(fold(use.tok.stem)) < _NO_NAME
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
    if well and web_zipf(fold(use.tok.stem)) < _NO_NAME:
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
    pairs = _candidates(doc)
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
                    and _osa(fold(name.stem), fold(other.stem)) == 1
                )
                # A short name with a letter doubled, after the same given name or title
                # (Jamie Foxx, Jamie Fox; Mr Gill, Mr Gil).
                or (
                    min(len(name.stem), len(other.stem)) == 3
                    and _doubled(fold(name.stem), fold(other.stem))
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
                    and _osa(fold(name.stem), fold(other.stem)) == 1
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


# Up to this many distinct names, each one-off is compared with the names of its first
# letter; beyond it (a long document) they meet through a symmetric-delete index.
_FEW_NAMES = 400


def _candidates(doc: Document) -> dict[str, set[str]]:
    """Each name used once, with the names of the story within two edits of it, the first
    letter kept (most stories have none). Names meet through the keys they share, each
    spelling with up to two letters deleted (a symmetric-delete index), so a long document
    costs time in proportion to its names, never to their pairs."""
    counts: dict[str, int] = defaultdict(int)
    for tok in name_tokens(doc):
        counts[tok.stem] += 1
    spellings = {}
    for stem in counts:
        folded = fold(stem)
        if len(folded) >= 3 and folded.isalpha():
            spellings[stem] = folded
    # Names meet only within their first letter. Few names (a story): compare each
    # one-off with the names of its letter, after cheap filters. Many (a book): a
    # letter's names through the index, built for one letter at a time so memory holds
    # the largest letter's keys, not the whole document's.
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for stem, folded in spellings.items():
        groups[folded[0]].append((stem, folded))
    if len(spellings) <= _FEW_NAMES:
        meet = (
            (stem, [o for o, _ in group])
            for group in groups.values()
            if len(group) > 1
            for stem, _ in group
            if counts[stem] == 1
        )
    else:
        meet = (pair for group in groups.values() for pair in _meeting(group, counts))
    pairs: dict[str, set[str]] = defaultdict(set)
    for stem, others in meet:
        a = spellings[stem]
        for other in others:
            if other == stem or other in pairs[stem]:
                continue
            b = spellings[other]
            if abs(len(a) - len(b)) > 2 or a[0] != b[0]:
                continue
            if min(len(a), len(b)) == 3:
                close_enough = _doubled(a, b)
            else:
                close_enough = (_letters(a) ^ _letters(b)).bit_count() <= 4 and _osa(a, b) <= 2
            if close_enough:
                pairs[stem].add(other)
    return {stem: others for stem, others in pairs.items() if others}


@lru_cache(maxsize=65536)
def _letters(word: str) -> int:
    """The letters of ``word`` as a bit set (two edits change at most four of them)."""
    mask = 0
    for c in word:
        mask |= 1 << (ord(c) & 63)
    return mask


def _doubled(a: str, b: str) -> bool:
    """True when one spelling is the other with a letter doubled (Gil / Gill, Fox / Foxx)."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short and long[i] == long[i - 1] for i in range(1, len(long))
    )


def _meeting(group: list[tuple[str, str]], counts: dict[str, int]):
    """Each name used once in ``group`` with the names sharing a deletion key with it."""
    index: dict[str, list[str]] = defaultdict(list)
    for stem, folded in group:
        for key in _deletes(folded):
            index[key].append(stem)
    for stems in index.values():
        if len(stems) > 1:
            for stem in stems:
                if counts[stem] == 1:
                    yield stem, stems


def _deletes(word: str) -> frozenset[str]:
    """``word`` with none, one or two of its letters deleted (never the first)."""
    ones = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    twos = {w[:i] + w[i + 1 :] for w in ones for i in range(1, len(w))}
    return frozenset({word} | ones | twos)


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
    if _feminine(name.stem, other.stem) or _derived(name.stem, other.stem) not in ("", "s"):
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
