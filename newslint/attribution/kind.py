"""The kind of an attribution's source, the way an editor would call it.

``source_kind`` reads the source's tokens (already found by the extractor) and says
which of ``named-person``, ``named-organisation``, ``anonymous``, ``vague`` or
``pronoun`` it is. It works from the head noun of the source phrase (the last word
before any description: "people familiar with the talks" -> "people"), the word
classes in ``rules/sourcing/*.txt`` and the shape of the names in it.

Measured on the hand-labelled sample in ``tests/data/source_kinds.yml``
(``python bench/source_kinds.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newslint.attribution import words as W
from newslint.attribution.lexicon import Lexicon, given_names, places
from newslint.attribution.mentions import POSTNOMINALS
from newslint.document import Document, per_document

# Words after the head noun that start its description: "people familiar with",
# "a study by", "Mark Feld, an economist at".
_POST_MODIFIERS = frozenset(
    "who whose familiar close with from at of for on , ( in by within among inside across".split()
)
_POSSESSIVES = frozenset("his her their its our my your".split())
_DEFINITE = _POSSESSIVES | {"the", "this", "that", "these", "those"}
# Groups that work for whoever the possessive names: "his officials", "their sources".
_STAFF = frozenset("officials sources aides diplomats spokesmen insiders advisers advisors".split())
# Words that describe an unnamed source well enough to make it anonymous, not vague.
_DESCRIBED = frozenset(
    "who familiar close anonymity condition authorized authorised briefed within inside".split()
)
_PERSON_MARKS = frozenset(("who", "whose"))
# Words tying a group to the organisation after them: "officials at the ministry".
_TIED_TO = frozenset("at from of in with within inside for".split())


# After a name, words that only a person takes: kin, "who", "himself".
_PERSONAL_AFTER = re.compile(
    r"[ \t]+and[ \t]+(?:his|her)\b|['’]s[ \t]+(?:wife|husband|son|daughter|brother|sister"
    r"|mother|father|children|parents|family)\b|,[ \t]+who\b|[ \t]+(?:himself|herself)\b"
)


class DocWords:
    """What the whole document says about a word, asked on demand and remembered."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._introduced: dict[str, bool] = {}
        self._lower: dict[str, bool] = {}
        self._personal: dict[str, bool] = {}

    def introduced(self, name: str) -> bool:
        """Whether the document writes a capitalised word before ``name`` somewhere
        ("Dave Mercer", "Mr. Hale"): news gives a person's full name before the surname."""
        got = self._introduced.get(name)
        if got is None:
            got = self._introduced[name] = any(
                _capitalised_before(self.text, i) for i in self._occurrences(name)
            )
        return got

    def personal(self, name: str) -> bool:
        """Whether the document writes ``name`` as a person's somewhere: "Yohannes and his
        wife", "Okafor's daughter", "Okafor, who", "Okafor himself"."""
        got = self._personal.get(name)
        if got is None:
            n = len(name)
            got = self._personal[name] = any(
                _PERSONAL_AFTER.match(self.text, i + n) for i in self._occurrences(name)
            )
        return got

    def written_lower(self, low: str) -> bool:
        """Whether ``low`` occurs in lower case as a word in the document."""
        got = self._lower.get(low)
        if got is None:
            got = self._lower[low] = next(self._occurrences(low), None) is not None
        return got

    def _occurrences(self, word: str) -> Iterator[int]:
        """Offsets where ``word`` stands as a whole word (str.find: no regex per word)."""
        text, n = self.text, len(word)
        i = text.find(word)
        while i != -1:
            if (i == 0 or not _word_char(text[i - 1])) and (
                i + n == len(text) or not _word_char(text[i + n]) or text[i + n] in "'’"
            ):
                yield i
            i = text.find(word, i + 1)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-'’"


def _capitalised_before(text: str, i: int) -> bool:
    """A capitalised word other than a function word just before offset ``i``."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == i or j == 0:
        return False
    k = j - 1 if text[j - 1] == "." else j  # "Mr. Hale"
    start = k
    while start > 0 and _word_char(text[start - 1]):
        start -= 1
    word = text[start:k]
    low = word.lower()
    return word[:1].isupper() and low not in W.FUNCTION_CAPS and low not in W.DETERMINERS


@per_document
def doc_words(doc: Document) -> DocWords:
    """The document's :class:`DocWords`, shared by all its sources."""
    return DocWords(doc.text)


@dataclass(frozen=True)
class Source:
    """The tokens of one source phrase, which of them are names, and what follows it."""

    words: list[str]
    lows: list[str]
    names: frozenset[int]  # indices into words
    doc: DocWords  # the whole document, to see how a single name was introduced
    after: tuple[str, ...] = ()  # the tokens right after the phrase in its sentence

    def base(self, k: int) -> str:
        """Lower-case word ``k`` without a possessive ending."""
        return W.strip_possessive(self.lows[k])


def source_of(
    words: list[str],
    lows: list[str],
    a: int,
    b: int,
    is_name: Callable[[int], bool],
    doc: DocWords,
    lex: Lexicon,
) -> Source:
    """The source phrase for tokens ``a..b`` of a sentence, as an editor reads it.

    The phrase takes in the noun an agent belongs to ("a study by | researchers at
    Leeds", "economists polled by | Reuters") and drops trailing quantifiers
    ("Walmart and Target | both"). A capitalised first word of the sentence that the
    document also writes in lower case ("Local officials") is not a name.
    """
    a = _agent_owner(lows, a, lex)
    while b > a and lows[b] in W.DETERMINERS:
        b -= 1
    names = set()
    for k in range(a, b + 1):
        if not is_name(k):
            continue
        w = words[k]
        initial = k == 0 or words[k - 1] in _QUOTES
        if initial and not w.isupper() and doc.written_lower(lows[k]):
            continue
        names.add(k - a)
    return Source(
        words[a : b + 1], lows[a : b + 1], frozenset(names), doc, tuple(words[b + 1 : b + 5])
    )


_QUOTES = frozenset("\"“”‘’'«»")


def _agent_owner(lows: list[str], a: int, lex: Lexicon) -> int:
    """Where the phrase starts when the source is the agent of a noun before it
    ("a study by X", "a survey conducted by X"): that noun phrase's start, else ``a``."""
    if a < 2 or lows[a - 1] != "by":
        return a
    k = a - 2
    if lows[k].endswith(("ed", "en")) and k > 0:
        k -= 1  # "polled by", "released by", "seen by"
    if not (lows[k] in lex.documents or lex.is_source_noun(lows[k])):
        return a
    while k > 0 and lows[k - 1] not in W.LEFT_BOUNDARY and lows[k - 1][:1].isalnum():
        k -= 1
    return k


def source_kind(src: Source, lex: Lexicon) -> str:
    """The kind of one source phrase (never ``none``: that is a missing source)."""
    lows = src.lows
    if len(lows) == 1 and lows[0] in W.PRONOUNS:
        return "pronoun"
    cut = _head_end(lows)
    head = src.base(cut - 1)
    if cut >= 2 and lows[cut - 1][:1].isdigit() and 0 in src.names:
        return "named-organisation"  # "Number 10", "Channel 4": no person's name
    if head in lex.vague:
        if head in ("reports", "studies") and cut + 1 < len(lows) and lows[cut] == "by":
            return _document_kind(src, cut, lex)  # "the reports by PTI": authored
        return _group_kind(src, cut, head, lex)
    if head in lex.documents:
        return _document_kind(src, cut, lex)
    if cut - 1 in src.names:
        return _name_kind(src, cut, lex)
    return _common_kind(src, cut, head, lex)


def _head_end(lows: list[str]) -> int:
    """One past the head noun: the first description word ("by", "who", ",") or
    a participle introducing an agent ("polled by", "released by")."""
    for k in range(1, len(lows)):
        if lows[k] in _POST_MODIFIERS:
            return k
        if lows[k].endswith("ed") and (k + 1 == len(lows) or lows[k + 1] == "by"):
            return k  # "a poll released", "economists polled by"
        if k + 1 < len(lows) and lows[k + 1] == "by" and lows[k].endswith("en"):
            return k  # "a draft seen by"
    return len(lows)


def _plural(low: str) -> bool:
    """A plural-looking common noun ("lawyers", "spokesmen", "people")."""
    if low.endswith(("men", "people")):
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def _possessed(src: Source, cut: int) -> bool:
    """The head belongs to someone: "his spokesman", "Mr. Okonjo's lawyer"."""
    if src.lows[0] in _POSSESSIVES:
        return True
    return any(src.lows[k].endswith(("'s", "’s", "s'", "s’")) for k in range(cut - 1))


def _held_for_person(src: Source, cut: int) -> bool:
    """The head belongs to a person: "his", "Mr. Okonjo's", or a possessor the
    document introduces as a person ("Daniel Okonjo ... Okonjo's lawyer")."""
    if src.lows[0] in _POSSESSIVES:
        return True
    k = cut - 2
    if k >= 0 and k in src.names and src.base(cut - 1) in _RELATIONS:
        word = src.words[k]
        if src.doc.introduced(word):
            return True  # "Brown ally", "a Trump aide": someone's, as "Brown's ally"
    for k in range(cut - 1):
        if not src.lows[k].endswith(("'s", "’s")) or k not in src.names:
            continue
        before = (
            src.lows[k - 2] if k >= 2 and src.lows[k - 1] == "." else src.lows[k - 1] if k else ""
        )
        if before.strip(".") in W.TITLES or src.doc.introduced(src.words[k][:-2]):
            return True
    return False


# Roles that are someone's rather than an office: "Brown ally", "Trump aide".
_RELATIONS = frozenset(
    """ally allies aide aides adviser advisers advisor advisors friend friends associate
    associates confidant confidants lawyer lawyers attorney attorneys spokesman spokeswoman
    spokesperson colleague colleagues relative relatives""".split()
)


def _group_kind(src: Source, cut: int, head: str, lex: Lexicon) -> str:
    """A group head (officials, critics, sources): vague unless something pins it down."""
    lows = src.lows
    # The group word itself in capitals ("Critics charge ..." on a line after a headline)
    # names nobody; a name before it does ("Pentagon officials").
    names = src.names - {cut - 1}
    if _partitive_of_staff(src, cut):
        return "anonymous"  # "many of her aides", like "her aides"
    org = any(src.base(k) in lex.organisations for k in range(cut - 1))
    if cut < len(lows) and lows[cut] in _TIED_TO:
        # "officials at the ministry", "sources within Hamas": tied to an organisation.
        org = org or any(
            src.base(k) in lex.organisations or k in src.names for k in range(cut + 1, len(lows))
        )
    if org and not names and lows[0] in _LOOSE:
        return "vague"  # "some party officials": a loose share of an organisation nobody names
    if names or org:
        return "anonymous"  # "Pentagon officials", "government sources"
    if lows[0][:1].isdigit():
        return "anonymous"  # "34,000 people": counted
    if lows[0] in _POSSESSIVES and head in _STAFF:
        return "anonymous"  # "his officials": affiliated with someone named
    # "his critics", "her supporters" stay vague: nobody the reader can check.
    if any(w in _DESCRIBED for w in lows) or (
        len(lows) > 1 and lows[0] in W.INDEFINITE and lows[0] not in _LOOSE
    ):
        return "anonymous"
    return "vague"


# Quantifiers that leave a group as loose as before: "some analysts", "multiple reports"
# (a count, "two analysts", describes it).
_LOOSE = W.QUANTIFIERS | {"multiple"}


def _partitive_of_staff(src: Source, cut: int) -> bool:
    """ "many of her aides", "some of the minister's officials": a share of someone's staff."""
    lows = src.lows
    if cut >= len(lows) or lows[cut] != "of" or lows[cut - 1] not in _LOOSE:
        return False
    rest = lows[cut + 1 :]
    owned = bool(rest) and (
        rest[0] in _POSSESSIVES or any(w.endswith(("'s", "’s")) for w in rest[:-1])
    )
    return owned and W.strip_possessive(rest[-1]) in _STAFF


def _document_kind(src: Source, cut: int, lex: Lexicon) -> str:
    """A document: named when its author is named or it is a known one ("the report",
    "a Gallup poll", "a statement released by the palace"); else described ("a poll")."""
    lows = src.lows
    if src.names or lows[0] in _DEFINITE or _possessed(src, cut):
        return "named-organisation"
    if any(src.base(k) in lex.organisations for k in range(cut, len(lows))):
        return "named-organisation"
    return "anonymous"


def _name_kind(src: Source, cut: int, lex: Lexicon) -> str:
    """A head that is a name: a person unless it looks like an organisation."""
    words, lows = src.words, src.lows
    run = _run_before(src, cut)
    head_names = [k for k in src.names if k < cut]
    if src.base(cut - 1) in lex.organisations:
        return "named-organisation"  # "Amnesty International", "Acme Corp"
    if any(lows[k].strip(".") in W.TITLES for k in range(cut)):
        return "named-person"  # "Sen. Ruth Calloway", "Judge Kowalczyk"
    head = src.base(cut - 1).rsplit("-", 1)[-1]
    if head in W.TITLES or head in POSTNOMINALS:
        return "named-person"  # "The Conservative Party Co-Chairman", "The Mid-Bedfordshire MP"
    if run and " ".join(W.strip_possessive(lows[k]) for k in run) in places():
        return "named-organisation"  # "Pakistan said": a country speaks for its government
    if len(run) >= 3 and lows[run[-1]].strip(".") in POSTNOMINALS:
        return "named-person"  # "Guy Mansfield QC", "Jesse Jackson Jr."
    if lows[0] == "the" and 1 in src.names:
        return "named-organisation"  # "the White House", "The Financial Times"
    if (
        run
        and run[0] > 0
        and words[run[0] - 1].islower()
        and lows[run[0] - 1] in lex.organisations
        and not _person_first(words[run[0]], lows[run[0]], lex)
    ):
        return "named-organisation"  # "whale rescue group Project Jonah", "the charity Oxfam"
    acronyms = [
        k for k in head_names if len(words[k].strip(".")) >= 2 and words[k].strip(".").isupper()
    ]
    if acronyms:
        tail = run[-2:]
        if len(tail) < 2 or any(k in acronyms for k in tail):
            return "named-organisation"  # "NATO", "the U.N."; not "Labour MP Sarah Kendrick"
    if (
        len(run) == 1
        and not src.doc.introduced(words[run[0]])
        and not src.doc.personal(words[run[0]])
        and not _described_person(src, cut, lex)
    ):
        # A lone name never introduced as someone's surname: "Microsoft", "Beijing".
        return "named-organisation"
    return "named-person"


def _person_first(word: str, low: str, lex: Lexicon) -> bool:
    """A name's first word that makes it a person's: a title in capitals ("company CEO
    Andy Vesey"), a role, a title or a given name ("union leader Mick Lynch")."""
    return word.isupper() or low in lex.roles or low in W.TITLES or low in given_names()


def _run_before(src: Source, cut: int) -> list[int]:
    """The consecutive name tokens ending at the head."""
    k = cut - 1
    run = []
    while k >= 0 and k in src.names:
        run.append(k)
        k -= 1
    return run[::-1]


def _described_person(src: Source, cut: int, lex: Lexicon) -> bool:
    """A description after a lone name that only fits a person: "Okafor, who",
    "Tom, a volunteer", "Chen, 44" (not "Eurostat, the EU's statistics office")."""
    rest = src.lows[cut:] or [w.lower() for w in src.after]
    if len(rest) < 2 or rest[0] != ",":
        return False
    if any(W.strip_possessive(w) in lex.organisations for w in rest):
        return False
    return rest[1] in _PERSON_MARKS or rest[1][:1].isdigit() or rest[1] in ("a", "an", "the")


def _common_kind(src: Source, cut: int, head: str, lex: Lexicon) -> str:
    """A common-noun head ("the ministry", "a spokeswoman", "his lawyer", "the coach")."""
    lows = src.lows
    plural = _plural(lows[cut - 1])
    if head not in lex.organisations and _appositive_name(src, cut):
        return "named-person"  # "the judge, Sandra Kowalczyk", "her husband, Daniel"
    if head in lex.organisations:
        # "rights groups say": a bare plural of organisations is as vague as "critics".
        if plural and not src.names and lows[0] not in _DEFINITE and not _possessed(src, cut):
            return "vague"
        return "named-organisation"
    described = any(w in _DESCRIBED for w in lows)
    if head in lex.roles or plural:
        # One holder of a role is identified ("the mayor", "Britain's foreign secretary");
        # a role held for a person ("his spokesman", "Mr. Okonjo's lawyer"), several
        # holders or an indefinite one are not.
        if plural or lows[0] in W.INDEFINITE or _held_for_person(src, cut) or described:
            return "anonymous"
        return "named-person"
    if lows[0] in W.INDEFINITE or described:
        return "anonymous"
    return "named-person"


def _appositive_name(src: Source, cut: int) -> bool:
    """A comma and a name after the head: "the company's chief executive, Rafael Ortiz",
    also when the extractor's span stops before it ("her neighbour of 30 years, | Walter")."""
    if any(src.lows[k] == "," and k + 1 in src.names for k in range(cut - 1, len(src.lows) - 1)):
        return True
    after = src.after
    return (
        len(after) > 1
        and after[0] == ","
        and after[1][:1].isupper()
        and after[1].lower() not in W.FUNCTION_CAPS
    )
