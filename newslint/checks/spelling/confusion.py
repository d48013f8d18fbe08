"""``spelling.confusion``: a real word typed for another that its neighbours give away.

"the global dairy giant" typed as "diary", "the contract was singed", "their" for
"there": every word is in the dictionary, so ``spelling.typo`` cannot see them. For the
confusion sets of ``rules/spelling/confusion-sets.txt`` the check asks the context
model (:mod:`confusion_model`) which member fits best between the word before and the
word after, and reports the written word only when another member fits far better
(``margin``, in powers of ten) and that member was actually seen beside one of the
neighbours in the Google Books bigram counts. The right word is the one suggestion.

Only words in plain prose are read: a capitalised word inside a sentence is a name or
a title ("Windows", "Marshall"), a word glued to a hyphen is part of a compound, and a
neighbour across punctuation says nothing about the word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from newslint.checks.spelling.confusion_model import load, read_sets
from newslint.checks.spelling.tokens import cased
from newslint.document import Document
from newslint.finding import Hit
from newslint.spec import DATA_FOLDER, pack_file
from newslint.windows import local

# How many times (log10) better the other member must fit: tuned on planted errors in
# BBC and PolNeAR dev text (bench/confusion.py), for few false alarms on clean copy.
MARGIN = 1.25
# The neighbours alone (without the words' own frequencies) must not prefer the written
# word: a frequent word never wins on its frequency alone ("threw the" / "through the").
MIN_CONTEXT = 0.0

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
_GAP = re.compile(r"[ \t]*\n?[ \t]*")


@cache
def _members(folder: str | None) -> dict[str, tuple[str, ...]]:
    """word -> the members of its set (a word in two sets gets the union)."""
    with open(pack_file("spelling", "confusion-sets.txt", folder), encoding="utf-8") as fh:
        sets = read_sets(fh.read())
    out: dict[str, tuple[str, ...]] = {}
    for members in sets:
        for w in members:
            out[w] = tuple(dict.fromkeys(out.get(w, ()) + members))
    return out


def _norm(word: str) -> str:
    return word.replace("\u2019", "'").lower()


def _context(text: str, tokens: list[re.Match], i: int, start: int, end: int) -> tuple[str, str]:
    """The word before and after token ``i`` when only spaces (or one line break)
    separate them; "" across punctuation or the block's edge."""
    prev = nxt = ""
    if i > 0:
        p = tokens[i - 1]
        if p.end() >= start and _GAP.fullmatch(text, p.end(), tokens[i].start()):
            prev = _norm(p.group())
    if i + 1 < len(tokens):
        n = tokens[i + 1]
        if n.start() <= end and _GAP.fullmatch(text, tokens[i].end(), n.start()):
            nxt = _norm(n.group())
    # A possessive or contraction says little as a plain word: leave it out.
    if "'" in prev and not prev.endswith("n't"):
        prev = ""
    if "'" in nxt:
        nxt = ""
    return prev, nxt


@local
def confusion(doc: Document, options: dict) -> Iterator[Hit]:
    """Report a member of a confusion set that another member fits far better."""
    margin = float(options.get("margin", MARGIN))
    min_context = float(options.get("min-context", MIN_CONTEXT))
    model = None
    for start, end, raw, word, group, prev, nxt in slots(doc, options.get(DATA_FOLDER)):
        if model is None:
            model = load()
        verdict = model.judge(word, group, prev, nxt)
        if (
            verdict.best
            and verdict.seen
            and verdict.margin >= margin
            and verdict.context >= min_context
        ):
            yield Hit(
                start,
                end,
                f"'{raw}' may be a slip for '{verdict.best}' here; check the word",
                (cased(verdict.best, raw),),
            )


def slots(doc: Document, folder: str | None = None) -> Iterator[tuple]:
    """Each member of a confusion set worth judging in ``doc``: (start, end, as written,
    lower case, its set, word before, word after)."""
    members = _members(folder)
    text = doc.text
    starts = None
    for block in doc.blocks:
        tokens = list(_WORD.finditer(text, block.start, block.end))
        for i, m in enumerate(tokens):
            raw = m.group()
            word = _norm(raw)
            group = members.get(word)
            if group is None:
                continue
            s, e = m.span()
            if (s > 0 and text[s - 1] in "-/_'\u2019") or text[e : e + 1] in ("-", "/", "_"):
                continue  # part of a compound, a path or a quoted fragment
            if not raw.islower():
                if not (raw[0].isupper() and raw[1:].islower()):
                    continue  # shouting or a name with inner capitals
                if starts is None:
                    starts = {a for a, _ in doc.sentences}
                if s not in starts and not _opens_sentence(text, s, starts):
                    continue  # a capital inside a sentence: a name or a title
            prev, nxt = _context(text, tokens, i, block.start, block.end)
            if prev or nxt:
                yield s, e, raw, word, group, prev, nxt


def _opens_sentence(text: str, start: int, starts: set[int]) -> bool:
    """True when only opening quotes or brackets stand between a sentence start and ``start``."""
    k = start
    while k > 0 and text[k - 1] in "\"'\u201c\u2018([":
        k -= 1
        if k in starts:
            return True
    return False
