"""Name tokens and spelling keys shared by the ``names.*`` checks.

A *name token* is a capitalised word in a block of prose (``Uyghur``, ``O'Brien``,
``al-Qaeda`` gives ``Qaeda``). Its *stem* drops a possessive or plural ending so that
``Uighurs`` and ``Uyghur's`` compare as ``Uighur`` and ``Uyghur``; the suffix is kept so
a suggestion can put it back. The *key* folds away exactly the differences that
transliteration produces (vowels, y/i, doubled letters, h insertions, k/q/c/g,
diacritics), so variants of one name land in one bucket and nothing is compared
pairwise across the whole document.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Container, Iterator
from functools import lru_cache
from sys import intern
from typing import NamedTuple

import regex

from newslint.document import Document, per_document

# A capitalised word; inner apostrophes (O'Brien, Mu'ammar) stay in the word.
_NAME = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])\p{Lu}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*")
# Bare URLs, e-mail addresses and @handles: prose readers keep them, names inside are not prose.
_NON_PROSE = regex.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+|(?<!\w)[@#]\w+"
)
_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}[\p{Ll}\p{M}]*")
# The same patterns for text whose letters, marks and digits are all ASCII (most news
# copy: curly quotes and dashes are punctuation), where \p{Lu} is [A-Z] and so on. The
# standard library's engine scans these several times faster.
_LOWER_WORD_ASCII = re.compile(r"[a-z](?<![A-Za-z][a-z])[a-z]*")
# (The lookbehind comes after the first letter so the engine can skip to capitals.)
_NAME_ASCII = re.compile(r"[A-Z](?<![A-Za-z0-9_][A-Z])[A-Za-z]*(?:['’][A-Za-z]+)*")
_POSSESSIVE = ("'s", "’s")
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "ħ": "h",
        "'": "",
        "’": "",
        "ʻ": "",
        "ʼ": "",
    }
)


class NameToken(NamedTuple):
    """A name token (a tuple: about three times cheaper to make than a frozen dataclass)."""

    start: int
    end: int  # exclusive; the whole word including any suffix
    stem: str  # the word without a possessive ending (and plural s, once merged)
    suffix: str  # "", "'s", "’s"; "s", "s's" once a plural is merged

    @property
    def text(self) -> str:
        return self.stem + self.suffix


def split_suffix(word: str) -> tuple[str, str]:
    """``Uighur's`` -> (``Uighur``, ``'s``); plurals are merged later, per document."""
    for p in _POSSESSIVE:
        if word.endswith(p):
            return word[: -len(p)], p
    return word, ""


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without diacritics: ``Erdoğan`` -> ``erdogan``."""
    word = word.translate(_LETTERS_WITHOUT_DECOMPOSITION)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_CONSONANT_CLASS = str.maketrans({"c": "k", "q": "k", "g": "k", "w": "v", "z": "s", "x": "k"})
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def skeleton_key(word: str) -> str:
    """Bucket key: ``Gaddafi``, ``Qadhafi`` and ``Kaddafy`` all give ``kdf``.

    Vowels (with y) and h after a letter vanish, k/q/c/g and w/v and s/z merge,
    doubled consonants collapse. A leading vowel is kept as ``V`` so that
    ``Ali`` and ``Lee`` stay apart.
    """
    w = fold(word).replace("ph", "f").translate(_CONSONANT_CLASS)
    out = ["V"] if w and w[0] in _VOWELS else []
    prev = ""
    for i, c in enumerate(w):
        if c in _VOWELS or not c.isalpha() or (c == "h" and i > 0):
            if c in _VOWELS:
                prev = ""  # 'Tatar' keeps both t's
            continue
        if c != prev:
            out.append(c)
        prev = c
    return "".join(out)


def levenshtein(a: str, b: str, limit: int = 3) -> int:
    """Edit distance, stopping early once it exceeds ``limit`` (names are short)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


_CLASSES = ("kcqg", "vw", "sz", "aeiouy")
_BLOCKED = 99


def _sub_cost(x: str, y: str) -> int:
    if x == y:
        return 0
    if fold(x) == fold(y):
        return 1  # a diacritic: Erdogan / Erdoğan
    fx, fy = fold(x), fold(y)
    return 1 if any(fx in c and fy in c for c in _CLASSES) else _BLOCKED


def _indel_cost(s: str, i: int) -> int:
    """Cost of inserting or deleting ``s[i]``: h, a vowel, or one of a doubled pair."""
    c = fold(s[i])
    if c == "h" or c in "aeiouy":
        return 1
    if (i > 0 and s[i - 1] == s[i]) or (i + 1 < len(s) and s[i + 1] == s[i]):
        return 1
    return _BLOCKED


@lru_cache(maxsize=65536)
def translit_distance(a: str, b: str) -> int:
    """Edits between two spellings, counting only those transliteration makes.

    Allowed: vowel and y changes, k/q/c/g, v/w and s/z swaps, diacritics, an
    inserted or dropped h or vowel, a doubled or undoubled letter. Any other edit
    (Marco / March) makes the distance at least 99.
    """
    a, b = a.lower(), b.lower()
    prev = [0]
    for j in range(1, len(b) + 1):
        prev.append(prev[-1] + _indel_cost(b, j - 1))
    for i in range(1, len(a) + 1):
        cur = [prev[0] + _indel_cost(a, i - 1)]
        for j in range(1, len(b) + 1):
            cur.append(
                min(
                    prev[j - 1] + _sub_cost(a[i - 1], b[j - 1]),
                    prev[j] + _indel_cost(a, i - 1),
                    cur[j - 1] + _indel_cost(b, j - 1),
                )
            )
        prev = cur
    return min(prev[-1], _BLOCKED)


@per_document
def ascii_letters(doc: Document) -> bool:
    """True when every letter, mark and digit in ``doc.text`` is ASCII (cached per document),
    so that patterns written with [A-Za-z] find exactly what the \\p{L} ones would."""
    text = doc.text
    return text.isascii() or not any(
        unicodedata.category(c)[0] in "LMN" for c in set(text) if not c.isascii()
    )


@per_document
def non_prose_spans(doc: Document) -> list[tuple[int, int]]:
    """URL, e-mail and handle spans in ``doc.text`` (cached per document)."""
    return _non_prose(doc.text)


_MARKS = ("@", "#", "://", "www.")
_SPACE = regex.compile(r"\s")
_SPACE_BEFORE = regex.compile(r"\s", regex.REVERSE)


def _non_prose(text: str) -> list[tuple[int, int]]:
    """Every form needs one of the marks and none crosses white space, so only the
    space-free chunks holding a mark are scanned (most stories have none at all)."""
    marks = []
    for mark in _MARKS:
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    spans: list[tuple[int, int]] = []
    done = 0  # the end of the last chunk scanned
    for at in sorted(marks):
        if at < done:
            continue
        before = _SPACE_BEFORE.search(text, 0, at)
        after = _SPACE.search(text, at)
        start, done = before.end() if before else 0, after.start() if after else len(text)
        spans.extend(m.span() for m in _NON_PROSE.finditer(text, start, done))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """True when ``[start, end)`` lies inside one of the sorted, disjoint ``spans``."""
    k = bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= start and (end or start + 1) <= spans[k][1]


@per_document
def name_tokens(doc: Document) -> list[NameToken]:
    """Capitalised words inside blocks, outside URLs (cached per document)."""
    skip = non_prose_spans(doc)
    text = doc.text
    name_pattern = _NAME_ASCII if ascii_letters(doc) else _NAME
    new = tuple.__new__  # NameToken(...) without the generated __new__'s extra call
    tokens = []
    for block in doc.blocks:
        for m in name_pattern.finditer(text, block.start, block.end):
            word = m.group()
            if len(word) < 2 or word.isupper():
                continue  # initials and acronyms are another rule's business
            start, end = m.span()
            if skip and inside(skip, start, end):
                continue
            # Names recur: one string per name, not per use (a long document's memory).
            if word[-2:] in _POSSESSIVE:
                tokens.append(new(NameToken, (start, end, intern(word[:-2]), word[-2:])))
            else:
                tokens.append(new(NameToken, (start, end, intern(word), "")))
    return tokens


class _LowerWords:
    """Whether a word appears in lower case in a text: the same answers as the set of
    all lower-case words, but in a story whose letters are all ASCII only the words
    asked about (a story's name tokens) are looked for, with ``str.find``."""

    __slots__ = ("_text", "_memo")

    def __init__(self, text: str) -> None:
        self._text = text
        self._memo: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = self._find(word)
        return found

    def _find(self, word: str) -> bool:
        # A match of [a-z]+ that starts after a non-letter and runs to a non-[a-z].
        if not (word.isascii() and word.isalpha() and word.islower()):
            return False
        text, n = self._text, len(word)
        at = text.find(word)
        while at >= 0:
            after = text[at + n : at + n + 1]
            if (at == 0 or not text[at - 1].isalpha()) and not ("a" <= after <= "z"):
                return True
            at = text.find(word, at + 1)
        return False


@per_document
def lower_words(doc: Document) -> Container[str]:
    """Words that appear in lower case somewhere in the document (cached)."""
    if not ascii_letters(doc):
        return _distinct(_LOWER_WORD, doc.text)
    if len(doc.text) > 30_000:  # many names in a long text: one pass, not one each
        return _distinct(_LOWER_WORD_ASCII, doc.text)
    return _LowerWords(doc.text)


def _distinct(pattern, text: str, size: int = 1 << 20) -> set[str]:
    """The distinct matches of ``pattern`` in ``text``, read a megabyte at a time (cut at
    a space, where no match is), so a long document never holds a list of every word."""
    out: set[str] = set()
    start, n = 0, len(text)
    while start < n:
        end = text.find(" ", start + size) if start + size < n else n
        end = n if end < 0 else end
        out.update(pattern.findall(text, start, end))
        start = end
    return out


def words(text: str) -> Iterator[regex.Match]:
    """Letter runs (with inner apostrophes) in ``text``."""
    return regex.finditer(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*", text)
