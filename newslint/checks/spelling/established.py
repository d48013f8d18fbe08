"""Names a story establishes itself, which ``spelling.typo`` never reports.

A copy editor does not query "Lendon" in "By Brad Lendon, CNN" or "Topac" in "Mehmet
Topac, a former justice minister": the story says they are people. Two shapes count:

* bylines and credits: a short line (or a bracketed note) that opens with "By",
  "Photo:", "Reporting by", "Editing by" and the like; its capitalised words are names;
* appositives: a capitalised word, a comma, then (after at most a few words) a role
  ("Topac, a former justice minister", "Lendon, 45, a reporter", "Doe, CNN's
  correspondent");
* short forms of a given name the story writes in full: "Ric" once "Richard A. Grenell"
  is named, "Alex" after "Alexandra Ocasio" (the head of a common given name, at least
  three letters and two short of it, before another capitalised name).

The answer is a set of words as written, computed once per document.
"""

from __future__ import annotations

import re
from functools import cache

from newslint.document import Document, per_document
from newslint.spec import pack_file, read_list

_CREDIT_CUES = (
    r"By|Photo(?:graph)?s?|Pictures?|Images?|Credits?|Video|Illustrations?|Graphics?"
    r"|Words|Interview|(?:Additional\s+)?[Rr]eporting\s+by|Writing\s+by|Written\s+by"
    r"|Editing\s+by|Edited\s+by|Compiled\s+by|Produced\s+by|Contributors?"
)
# A credit line: the cue at the start of a line (or after a bracket or semicolon), then
# the rest of the line, up to a closing bracket or semicolon.
_CREDIT = re.compile(
    rf"(?:^|(?<=[(\[;])|(?<=[(\[;]\s))[ \t]*(?:{_CREDIT_CUES})\b[ \t]*:?[ \t]+(?P<names>[^\n;)\]]*)",
    re.MULTILINE,
)
_ROLES = (
    "minister|secretary|spokes(?:man|woman|person)|president|chair(?:man|woman)?|director"
    "|chief|executive|officer|official|senator|governor|mayor|professor|lecturer|researcher"
    "|scientist|analyst|economist|strategist|lawyer|attorney|judge|justice|prosecutor"
    "|founder|co-founder|editor|correspondent|reporter|writer|author|journalist|columnist"
    "|photographer|member|leader|head|adviser|advisor|aide|ambassador|envoy|commissioner"
    "|coach|manager|captain|player|striker|actor|actress|singer|musician|producer"
    "|candidate|lawmaker|legislator|representative|deputy|activist|campaigner|expert"
    "|historian|partner|owner|worker|student|teacher|doctor|nurse|resident|veteran"
    "|mother|father|son|daughter|wife|husband|brother|sister|friend|colleague"
    "|colonel|commander|bishop|imam|rabbi|priest|pastor|consultant|negotiator"
)
# "Mehmet Topac, a former justice minister"; "Lendon, 45, a reporter at"; "Doe, CNN's
# correspondent". The name follows a capitalised word (a first name) or opens a
# sentence, never a preposition or article ("in January, the biggest fall"); between the
# comma and the role stand at most three lower-case words.
_APPOSITIVE = re.compile(
    r"\b"
    r"(?P<name>[A-Z][a-z]+(?:['\u2019][A-Z]?[a-z]+)?)(?:['\u2019]s)?,[ \t]+(?:\d{1,3},[ \t]+)?"
    r"(?:(?:a|an|the|his|her|its|their|[A-Z][\w.&-]*['\u2019]s?)[ \t]+)?"
    rf"(?:[a-z-]+(?:['\u2019]s)?[ \t]+){{0,3}}?(?:{_ROLES})s?(?=[ \t]+(?:of|at|for|in|to|with|and)\b|[,.;:)]|$)",
    re.MULTILINE,
)
# Before the name: a first name, or a sentence's end. Words that mark a place, a date or
# an organisation ("in", "of the", "on") do not count.
_BEFORE = re.compile(r"(?:^|[.!?\n][\s\"'\u201c]*|\b[A-Z][\w'\u2019-]*[ \t]+)$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['\u2019][A-Z]?[a-z]+)?")
# A credit line longer than this is prose that happens to open with "By".
_CREDIT_WORDS = 12
# A given name followed by another capitalised name or an initial: "Richard A. Grenell".
_FULL_NAME = re.compile(r"\b([A-Z][a-z]{4,})[ \t]+(?=[A-Z])")
_SHORTEST = 3


@cache
def given_names() -> frozenset[str]:
    """Common given names, lower case: the sourcing rules' list (given-names.txt)."""
    return frozenset(read_list(pack_file("sourcing", "given-names.txt")))


@per_document
def short_forms(doc: Document) -> frozenset[str]:
    """Heads of the common given names the story writes in full ("Ric", "Rich" for Richard)."""
    given = given_names()
    out: set[str] = set()
    for first in {m.group(1) for m in _FULL_NAME.finditer(doc.text)}:
        if first.lower() in given:
            out.update(first[:n] for n in range(_SHORTEST, len(first) - 1))
    return frozenset(out)


@per_document
def established_names(doc: Document) -> frozenset[str]:
    """Capitalised words that the story itself shows to be names (cached per document)."""
    text = doc.text
    names: set[str] = set()
    for m in _CREDIT.finditer(text):
        line = m.group("names")
        if len(line.split()) > _CREDIT_WORDS or line.rstrip().endswith((".", "?", "!")):
            continue
        first = line.lstrip()[:1]
        if not first.isupper():
            continue  # "By the end of the year": prose, not a byline
        names.update(_CAPITALISED.findall(line))
    for m in _APPOSITIVE.finditer(text):
        if _BEFORE.search(text, max(0, m.start() - 40), m.start()):
            names.add(m.group("name"))
    return frozenset(names)
