"""``spelling.confusion``: a real word typed for another that its neighbours give away.

"the global dairy giant" typed as "diary", "the contract was singed", "their" for
"there": every word is in the dictionary, so ``spelling.typo`` cannot see them. For the
confusion sets of ``rules/spelling/confusion-sets.txt`` the check asks the context
model (:mod:`confusion_model`) which member fits best between the word before and the
word after, and reports the written word only when another member fits far better
(``margin``, in powers of ten) and that member was actually seen beside one of the
neighbours in the Google Books bigram counts. The right word is the one suggestion.

Beyond the sets, any word one slip from another (``nearby``): "face though questions",
"under fir", "months" typed "moths". Both of its neighbours must be strangers to it (the
pair is missing from the list of frequent word pairs, although a word that common would
be expected there), and a word one edit away must have been printed beside both of them
far more often (see :func:`nearby_slip`). Inflections ("court"/"courts") and British and
American spellings are never each other's slips.

Only words in plain prose are read: a capitalised word inside a sentence is a name or
a title ("Windows", "Marshall"), a word glued to a hyphen is part of a compound, and a
neighbour across punctuation says nothing about the word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from newslint.checks.spelling import bigrams
from newslint.checks.spelling.confusion_model import load, read_sets
from newslint.checks.spelling.suggest import near1
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
    """Report a member of a confusion set that another member fits far better, and (with
    ``nearby``) any word that a word one slip away fits far better."""
    hits = list(_in_sets(doc, options))
    if options.get("nearby", True):
        taken = {h.start for h in hits}
        hits.extend(h for h in _nearby(doc, options) if h.start not in taken)
        hits.sort(key=lambda h: h.start)
    yield from hits


def _in_sets(doc: Document, options: dict) -> Iterator[Hit]:
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


# The margin (log10) a nearby word needs, by how often the written word is printed: a
# missing pair says more about a common word than about a rare one. Tuned on slips
# planted in BBC business and politics and PolNeAR train copy (bench/confusion.py
# --nearby): one false alarm per 27,000 words of clean copy, 17% of the slips found.
NEARBY_MARGINS = ((1e7, 2.5), (1e6, 3.25), (0.0, 4.0))
# How much more often than chance a pair missing from the list may still occur.
ASSOCIATION = 100.0
_SHORTEST = 3


# A lower-case word between two words, separated by spaces or one line break: the words
# around it are read in a lookahead, so every word gets its turn in the middle.
_GAP_RE = r"(?:[ \t]+\n?|\n)[ \t]*"
_TRIPLE = re.compile(
    rf"(?<![\w'\u2019-])([A-Za-z]+){_GAP_RE}(?=([a-z]{{{_SHORTEST},}}){_GAP_RE}([A-Za-z]+)(?![\w'\u2019-]))"
)


# Old forms quoted on purpose (a verse, a prayer, a motto): inside quotation marks never
# a slip for the modern word one letter away ("Upon thy wicked dam"); in the reporter's
# own sentence "thy" is still weighed against "the" and "they".
_ARCHAIC = frozenset("thy thee thou thine hath doth shalt wilt hast dost ye".split())


def _nearby(doc: Document, options: dict) -> Iterator[Hit]:
    counts = None
    members = _members(options.get(DATA_FOLDER))
    text = doc.text
    for block in doc.blocks:
        for m in _TRIPLE.finditer(text, block.start, block.end):
            word = m.group(2)
            if word in members or (word in _ARCHAIC and doc.in_quote(m.start(2))):
                continue
            if counts is None:
                counts = bigrams.load()
                if counts is None:
                    return
            best = nearby_slip(counts, word, m.group(1).lower(), m.group(3).lower())
            if best:
                s = m.start(2)
                yield Hit(
                    s,
                    s + len(word),
                    f"'{word}' may be a slip for '{best}' here; check the word",
                    (best,),
                )


_NEAR: dict[str, tuple[str, ...]] = {}  # word -> the words one edit away (remembered)


def nearby_slip(counts: bigrams.Counts, word: str, prev: str, nxt: str) -> str:
    """The word one edit from ``word`` that fits far better between ``prev`` and ``nxt``
    (both of whose pairs with it are printed often), or "".

    Scores are log10 P(prev, w, nxt) up to a constant: log c(prev w) + log c(w nxt) -
    log c(w). A pair missing from the list is estimated as ``ASSOCIATION`` times what
    chance predicts, capped at the list's floor and at the word's own count."""
    own = counts.word(word)
    if not own:
        return ""
    # A word one edit away must be listed beside both neighbours, so each neighbour is
    # printed at least as often as the list's floor.
    floor = counts.floor
    if counts.word(prev) < floor or counts.word(nxt) < floor:
        return ""
    if counts.pair(prev, word) or counts.pair(word, nxt):
        return ""
    margin = next(m for floor, m in NEARBY_MARGINS if own >= floor)

    def missing(other: str) -> float:
        chance = ASSOCIATION * max(counts.word(other), 1.0) * own / counts.total
        return math.log10(max(min(counts.floor, own, chance), 1.0))

    own_sides = missing(prev) + missing(nxt) - 2 * math.log10(own)
    own_score = own_sides + math.log10(own)
    fits = []
    near = _NEAR.get(word)
    if near is None:
        near = tuple(c for c in near1(word) if len(c) >= _SHORTEST)
        if len(_NEAR) < 50_000:
            _NEAR[word] = near
    for cand in near:
        if len(cand) < _SHORTEST:
            continue
        left = counts.pair(prev, cand)
        right = counts.pair(cand, nxt) if left else 0.0
        if not right:
            continue
        n = counts.word(cand) or max(left, right)
        sides = math.log10(left) + math.log10(right) - 2 * math.log10(n)
        score = sides + math.log10(n)
        if score >= own_score + margin and sides > own_sides:
            fits.append((score, cand))
    # Another form of the same word is a matter of grammar or house style, not a slip.
    return next((c for _, c in sorted(fits, reverse=True) if not related(word, c)), "")


def related(a: str, b: str) -> bool:
    """True for two forms of one word one edit apart: an inflection ("court"/"courts",
    "agree"/"agreed") or a British and an American spelling ("centre"/"center",
    "colour"/"color", "travelled"/"traveled", "organise"/"organize", "defence"/"defense",
    "grey"/"gray")."""
    short, long = sorted((a, b), key=len)
    if long in (short + "s", short + "d", short + "es", short + "ed"):
        return True
    if short.endswith("y") and long == short[:-1] + "ies":
        return True
    if len(short) == len(long):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            i = diff[0]
            pair = {a[i], b[i]}
            return (
                (pair == {"s", "z"} and a[i - 1 : i] in ("i", "y"))  # organise, analyse
                or (pair == {"c", "s"} and a[i + 1 : i + 2] == "e")  # defence, licence
                or {a, b} == {"grey", "gray"}
            )
        # centre/center, theatres/theaters: "re" and "er" swapped
        return len(diff) == 2 and {a[diff[0] : diff[1] + 1], b[diff[0] : diff[1] + 1]} == {
            "re",
            "er",
        }
    for i in range(len(long)):
        if long[:i] + long[i + 1 :] == short:
            # colour/color, travelled/traveled
            return (long[i] == "u" and long[i + 1 : i + 2] == "r") or (
                long[i] == "l" and "l" in (long[i - 1 : i], long[i + 1 : i + 2])
            )
    return False


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
