"""Word lists for the attribution extractor, loaded once per process.

The lists live beside the sourcing rules (``rules/sourcing/*.txt``) so editors can
extend them: reporting verbs (``cues.txt``), stance verbs (``stance.txt``), and
noun classes that head a source (roles, organisations, documents, vague groups).
Verb lines give a lemma and, where irregular, its past and participle; the
other forms are generated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from newslint.spec import pack_file, read_list

_VOWELS = "aeiou"


def _lines(name: str) -> list[str]:
    return read_list(pack_file("sourcing", name))


def inflect(line: str) -> dict[str, str]:
    """Surface forms of one verb line (``lemma [past [participle]]``) -> lemma."""
    forms = verb_forms(line)
    return {f: forms[0] for f in forms}


def verb_forms(line: str) -> tuple[str, str, str, str, str]:
    """Lemma, third person, past, participle and -ing form of one verb line."""
    parts = line.split()
    lemma = parts[0]
    past = parts[1] if len(parts) > 1 else ""
    participle = parts[2] if len(parts) > 2 else past
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if not past:
        if lemma.endswith("e"):
            past = lemma + "d"
        elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
            past = lemma[:-1] + "ied"
        else:
            past = lemma + "ed"
        participle = past
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        ing = lemma[:-1] + "ing"
    elif past.endswith(lemma[-1] * 2 + "ed") and not lemma.endswith(lemma[-1] * 2):
        ing = lemma + lemma[-1] + "ing"  # admitted -> admitting
    else:
        ing = lemma + "ing"
    return lemma, third, past, participle, ing


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor looks words up in (lower case)."""

    reporting: dict[str, str]  # surface form -> lemma
    stance: dict[str, str]
    roles: frozenset[str]  # singular and plural
    organisations: frozenset[str]
    documents: frozenset[str]
    vague: frozenset[str]
    # Word forms the trained tagger may not make a cue ("lied"): the writer's assertion.
    not_cues: frozenset[str] = frozenset()
    # Words of agentless claims (``agentless.txt``): word -> where it stands and "vague".
    agentless: dict[str, frozenset[str]] = field(default_factory=dict)
    # Reporting verb lemma -> its third-person and past forms ("say" -> "says", "said").
    finite_forms: dict[str, tuple[str, str]] = field(default_factory=dict)

    def agentless_words(self, tag: str) -> list[str]:
        """The agentless-claim words carrying ``tag`` ("it", "to", "there", "vague"), in
        the list's order."""
        return [w for w, tags in self.agentless.items() if tag in tags]

    def finite(self, *lemmas: str) -> list[str]:
        """The third-person and past forms of these reporting verbs ("says", "said");
        KeyError for a lemma that is not in ``cues.txt``."""
        return [form for lemma in lemmas for form in self.finite_forms[lemma]]

    @cached_property
    def cue_pattern(self) -> re.Pattern[str]:
        """Any cue form, word-bounded, case-insensitive (compiled on first use: ~30 ms)."""
        forms = sorted(set(self.reporting) | set(self.stance) | {"according"})
        return re.compile(r"\b" + trie_regex(forms) + r"\b", re.IGNORECASE)

    def is_source_noun(self, word: str) -> bool:
        """A common noun that can head a source: role, organisation, document, group."""
        return (
            word in self.roles
            or word in self.organisations
            or word in self.documents
            or word in self.vague
        )


def _plurals(words: list[str]) -> set[str]:
    out = set(words)
    for w in words:
        if w.endswith(("s", "sh", "ch", "x")):
            out.add(w + "es")
        elif w.endswith("y") and w[-2] not in _VOWELS:
            out.add(w[:-1] + "ies")
        elif w.endswith("man"):
            out.add(w[:-3] + "men")
        elif w.endswith("person"):
            out.add(w[:-6] + "people")
        else:
            out.add(w + "s")
    return out


def trie_regex(words: list[str]) -> str:
    """A regex alternation shaped as a prefix trie: cheap to run over long text."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names, lower case (``places.txt``): countries, states, regions, cities."""
    return frozenset(_lines("places.txt"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names, lower case (``given-names.txt``); they carry no gender."""
    return frozenset(_lines("given-names.txt"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and index the word lists (once per process)."""
    reporting: dict[str, str] = {}
    finite: dict[str, tuple[str, str]] = {}
    for line in _lines("cues.txt"):
        reporting.update(inflect(line))
        lemma, third, past, _participle, _ing = verb_forms(line)
        finite[lemma] = (third, past)
    stance: dict[str, str] = {}
    for line in _lines("stance.txt"):
        stance.update(inflect(line))
    for form in reporting:
        stance.pop(form, None)
    return Lexicon(
        reporting=reporting,
        stance=stance,
        roles=frozenset(_plurals(_lines("roles.txt"))),
        organisations=frozenset(_plurals(_lines("organisations.txt"))),
        documents=frozenset(_lines("documents.txt")),
        vague=frozenset(_lines("vague-sources.txt")),
        not_cues=frozenset(_lines("not-cues.txt")),
        agentless={w: frozenset(tags) for w, *tags in map(str.split, _lines("agentless.txt"))},
        finite_forms=finite,
    )
