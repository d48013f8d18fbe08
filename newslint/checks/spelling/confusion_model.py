"""The context model of ``spelling.confusion``: which member of a confusion set fits
between two words.

The table (``newslint/data/confusion.json.gz``, built by ``scripts/build_confusion.py``
from symspellpy's Google Books unigram and bigram counts) holds, for each member, its
count and the counts of the frequent bigrams it starts or ends. A member ``w`` between
the words ``p`` and ``n`` scores

    log c(p w) + log c(w n) - log c(w)          (= log P(p, w, n) up to a constant)

The bigram list keeps only bigrams above a count floor, so a missing bigram is
estimated as if the two words were associated a hundred times more than chance
(``100 c(p) c(w) / N``, ``c(p)`` from wordfreq's web frequencies), never above the floor
nor above ``c(w)``: a missing bigram says "rare", not "never", and a rare word's bigrams
are all missing. A contraction scores as the
words it stands for (``it's``: the better of "it is" and "it has"), read as a chain of
bigrams. :meth:`Model.judge` compares the written word with the other members and says
how much better the best one fits, with and without the words' own frequencies, and
whether that is backed by a bigram actually seen.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from importlib import resources

from newslint.checks.spelling.data import web_zipf

# What a contraction stands for, as a chain of words.
EXPANSIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "it's": (("it", "is"), ("it", "has")),
    "they're": (("they", "are"),),
    "you're": (("you", "are"),),
}
_LN10 = math.log(10)
# A missing bigram is rarer than the table's floor, but may still be many times more
# common than independence predicts: the estimate allows this much association.
ASSOCIATION = 100.0
# How often the words a contraction stands for are written as the contraction in edited
# copy (news keeps "it's" for quotations). Both constants tuned with bench/confusion.py.
CONTRACTION = 0.03


def read_sets(text: str) -> list[tuple[str, ...]]:
    """Confusion sets from the text of ``confusion-sets.txt`` (one set a line)."""
    sets = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            members = tuple(dict.fromkeys(line.replace("\u2019", "'").split()))
            if len(members) >= 2:
                sets.append(members)
    return sets


@dataclass(frozen=True)
class Verdict:
    """How the written word compares with the best other member of its set."""

    best: str  # the member that fits best ("" when the written word does)
    margin: float  # log10 of how much better ``best`` fits than the written word
    seen: bool  # a bigram of ``best`` with a neighbour is in the table (real evidence)
    context: float  # log10: how much better the neighbours fit ``best`` (no priors)


class Model:
    """The loaded table; scores members of a set in a context."""

    def __init__(
        self, table: dict, association: float = ASSOCIATION, contraction: float = CONTRACTION
    ) -> None:
        self.association = association
        self.contraction = math.log(contraction)
        self.total = table["total"]
        self.floor = table["floor"]
        self.words = table["words"]  # word -> [count, {left: n}, {right: n}]
        self.pairs = table["pairs"]  # "it is" -> n
        self._memo: dict[tuple, tuple[float, float, float, bool]] = {}

    def _count(self, word: str) -> int:
        entry = self.words.get(word)
        return max(entry[0], 1) if entry else 1

    def _missing(self, other: str, count: int) -> float:
        """Estimated count of a bigram the table lacks: independence, capped at the floor."""
        if not other:
            return float(count)
        other_p = 10 ** (web_zipf(other) - 9)
        return max(min(self.floor, count, self.association * other_p * count), 1.0)

    def _side(self, word: str, other: str, bigrams: int) -> tuple[float, bool]:
        """log P(other beside word | word) (``bigrams`` 1: other before, 2: after), and
        whether the bigram is in the table. 0 when there is no word there."""
        if not other:
            return 0.0, False
        entry = self.words.get(word)
        count = self._count(word)
        seen = entry[bigrams].get(other) if entry else None
        if seen:
            return math.log(seen / count), True
        return math.log(self._missing(other, count) / count), False

    def score(self, word: str, prev: str, nxt: str) -> tuple[float, float, float, bool]:
        """Natural-log scores of ``word`` between ``prev`` and ``nxt``: its prior, the
        likelihood of the word before, of the word after, and whether a bigram with a
        neighbour was seen. A contraction takes its best reading."""
        key = (word, prev, nxt)
        found = self._memo.get(key)
        if found is not None:
            return found
        chains = EXPANSIONS.get(word)
        penalty = self.contraction if chains else 0.0
        best = (-math.inf, 0.0, 0.0, False)
        for chain in chains or ((word,),):
            prior = math.log(self._count(chain[0])) + penalty
            for a, b in zip(chain, chain[1:], strict=False):
                prior += math.log(max(self.pairs.get(f"{a} {b}", 1), 1) / self._count(a))
            left, seen_l = self._side(chain[0], prev, 1)
            right, seen_r = self._side(chain[-1], nxt, 2)
            if prior + left + right > sum(best[:3]):
                best = (prior, left, right, seen_l or seen_r)
        if len(self._memo) < 200_000:
            self._memo[key] = best
        return best

    def judge(self, written: str, members: tuple[str, ...], prev: str, nxt: str) -> Verdict:
        """Compare ``written`` with the other ``members`` between ``prev`` and ``nxt``."""
        own = self.score(written, prev, nxt)
        own_total = sum(own[:3])
        best, best_total, top = "", own_total, own
        for m in members:
            if m == written:
                continue
            scored = self.score(m, prev, nxt)
            total = sum(scored[:3])
            if total > best_total:
                best, best_total, top = m, total, scored
        context = (top[1] + top[2] - own[1] - own[2]) / _LN10 if best else 0.0
        return Verdict(best, (best_total - own_total) / _LN10, top[3], context)


_MODEL: Model | None = None


def load() -> Model:
    """The model, read once per process on first use."""
    global _MODEL
    if _MODEL is None:
        path = resources.files("newslint.data").joinpath("confusion.json.gz")
        with path.open("rb") as fh:
            _MODEL = Model(json.loads(gzip.decompress(fh.read())))
    return _MODEL
