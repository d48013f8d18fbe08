"""Tokens of the sentences the analysis reads: one regex pass, parallel lists of
texts and offsets (no per-token objects)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import add, sub

from newslint.attribution import words as W
from newslint.attribution.base import Span
from newslint.attribution.lexicon import lexicon

# Possessive quantifiers where backtracking cannot help (same tokens, less work).
TOKEN_RE = r"(?:[A-Za-z]\.){2,}|\d[\d,.]*\d|\w++(?:[’'\-&]\w++)*+|[^\w\s]"
_SPACE_TOKEN = re.compile(r"(\s*+)(" + TOKEN_RE + ")")
QUOTE_CHARS = "\"“”‘’'«»"
_CLOSE_QUOTES = "\"”’'»"
_END_PUNCT = ".!?…;:"


class Tokens:
    """A document's tokens, found once by one regex: parallel lists of texts and offsets."""

    __slots__ = ("words", "lowers", "starts", "ends")

    def __init__(self, text: str, ranges: list[Span] | None = None) -> None:
        """Tokens of ``text``, or only of the given ``(start, end)`` ranges (in order)."""
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        findall = _SPACE_TOKEN.findall
        for start, end in [(0, len(text))] if ranges is None else ranges:
            pairs = findall(text, start, end)
            if not pairs:
                continue
            spaces, words = zip(*pairs, strict=True)
            # Offsets from the lengths alone: every character is a space or in a token.
            ends = list(accumulate(map(add, map(len, spaces), map(len, words)), initial=start))
            del ends[0]
            self.words += words
            self.ends += ends
            self.starts += map(sub, ends, map(len, words))
        self.lowers = list(map(str.lower, self.words))

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Token index range ``[a, b)`` of the tokens starting in ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)


class Sentence:
    """Tokens of one sentence: slices of the document's token lists."""

    __slots__ = ("start", "end", "first", "starts", "ends", "words", "lowers")

    def __init__(self, tokens: Tokens, start: int, end: int) -> None:
        self.start, self.end = start, end
        a, b = tokens.range(start, end)
        self.first = a  # index of the first token in the document's lists
        self.starts = tokens.starts[a:b]
        self.ends = tokens.ends[a:b]
        self.words = tokens.words[a:b]
        self.lowers = tokens.lowers[a:b]

    def index_at(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


def is_cap(word: str) -> bool:
    """The word starts with a capital letter."""
    return word[:1].isupper()


def is_name(sent: Sentence, i: int) -> bool:
    """A capitalised token that is a name rather than a sentence-initial function word."""
    w = sent.words[i]
    if not is_cap(w):
        return False
    low = sent.lowers[i]
    if (i == 0 or sent.words[i - 1] in QUOTE_CHARS) and (
        low in W.DETERMINERS or lexicon().is_source_noun(W.strip_possessive(low))
    ):
        return False  # "Critics say", "Officials said" at the start of a sentence
    if low in W.FUNCTION_CAPS and (i == 0 or sent.words[i - 1] in QUOTE_CHARS or low in W.PRONOUNS):
        return False
    return (
        low not in W.FUNCTION_CAPS or i > 0 and low not in W.PRONOUNS and low not in W.DETERMINERS
    )
