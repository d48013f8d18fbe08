"""Words worth spell-checking in a Document, and the ones left alone.

Handles, hashtags, URLs, e-mail addresses, anything with a digit (5km, $1.13bn,
76%, 1990s, 3rd), initialisms and all-capital words (PTI, NATO, MPs), words with
capitals inside (iPhone, McDonald, HuffPost), Roman numerals, words in other
scripts and single letters are never checked. Possessives and contractions are
reduced to the word they are built on; hyphenated compounds are checked part by
part, because the parts are words. Invisible characters inside a word (a soft hyphen,
U+00AD, as in "Netan\u00adyahu"; zero-width spaces and joiners, U+200B-U+200D, U+2060,
U+FEFF) are read through: the word is checked whole, without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.document import Document

if TYPE_CHECKING:
    from newslint.checks.spelling.data import Lexicon

_TOKEN = re.compile(
    r"""
    # Spaces and punctuation that no token can start with are stepped over inside
    # the match (atomically, at most 32 at a time, so a long run never costs more
    # than linear time), instead of trying every alternative at each of them.
    (?>[^\w.+@\#-]{0,32})
    (?:
    # The common case first: a word whose first run of letters is followed by a
    # character that none of the forms skipped below can continue with (a space,
    # a comma, a full stop ending the sentence). It matches exactly what the last
    # alternative would, without trying every skipped form at every word.
    (?P<plain>[^\W\d_]+(?![\w+@\u00ad\u200b-\u200d\u2060\ufeff-]|\.\S|://)(?:['\u2019`\u00b4\u02bc][^\W\d_]+)*)
  | (?P<skip>
        (?:https?://|ftp://|www\.)\S+                       # URLs
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                         # e-mail addresses
      | [@#][\w]+                                            # @handles, #hashtags
      | \w*\d[\w]*                                           # numbers and codes: 5km, 3rd, G4S
      | [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co|uk|io|ly|tv|info|news)\b  # bare domains
      | \w+(?:\.\w+)+                                        # dotted forms: U.S, e.g, file.txt
    )
  | (?P<word>[^\W\d_]+(?:[\u00ad\u200b-\u200d\u2060\ufeff]+[^\W\d_]+)*
        (?:['\u2019`\u00b4\u02bc][^\W\d_]+)*)
    )
    """,
    re.VERBOSE,
)
# Characters that do not show: a word broken by one is still one word.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_ROMAN = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
# Endings whose stem is the word to check: possessive 's and contractions.
_APOSTROPHES = "'\u2019`\u00b4\u02bc"
_CLITIC = re.compile(r"(?i)['\u2019`\u00b4\u02bc](?:s|d|ll|re|ve|m|t)$|n['\u2019`\u00b4\u02bc]t$")
_OPENING = "\"'“‘«([—–- "


@dataclass(frozen=True, slots=True)
class Word:
    start: int  # offset of the checked part in doc.text
    end: int
    text: str  # as written (possessive/contraction ending removed)
    sentence_start: bool  # first word of a sentence (capital proves nothing)
    heading: bool  # in a heading or title, where words are often capitalised


def _never(word: str) -> bool:
    return False


_KEEP_ROMAN = frozenset({"mix", "dim", "mid", "lid", "did", "civil", "vivid", "mill", "mild"})


def _is_checkable(text: str) -> bool:
    if len(text) < 2 or not _LATIN.fullmatch(text):
        return False  # single letters, other scripts
    if len(text) == 2 and not text.islower():
        return False  # "Mo", "Xi": two-letter capitalised words are names or initials
    if text.isupper() or (text[:-1].isupper() and text[-1] == "s"):
        return False  # initialisms and shouting: PTI, NATO, MPs
    if not text[1:].islower():
        return False  # capitals inside: iPhone, McDonald, HuffPost
    if len(text) <= 8 and _ROMAN.fullmatch(text) and text.lower() not in _KEEP_ROMAN:
        return False
    return True


def _verdict(raw: str, is_known) -> str | None:
    """What to check of token ``raw`` wherever it stands: None when it is never checked
    (a known word, a known word's possessive, O'Malley, an initialism...), else the text
    to check (a possessive or contraction ending removed)."""
    if is_known(raw.lower()):
        return None
    if any(a in raw for a in _APOSTROPHES):
        clitic = _CLITIC.search(raw)
        if clitic:
            raw = raw[: clitic.start()]
        if any(a in raw for a in _APOSTROPHES) or is_known(raw.lower()):
            return None  # O'Malley, d'Artagnan; or a known word's possessive
    return raw if _is_checkable(raw) else None


_MISSING = object()
_MEMO_LIMIT = 400_000


def words(doc: Document, lexicon: Lexicon | None = None) -> Iterator[Word]:
    """The words of ``doc`` to spell-check, in text order, leaving out ones ``lexicon`` knows.

    A token's verdict depends on its spelling alone, so it is worked out once per
    process (``lexicon.token_memo``): the common path is one regex match and one dict
    lookup per word.
    """
    text = doc.text
    starts = None
    memo: dict[str, str | None] = lexicon.token_memo if lexicon else {}
    is_known = lexicon.is_known if lexicon else _never
    for block in doc.blocks:
        heading = block.kind in ("heading", "title")
        for m in _TOKEN.finditer(text, block.start, block.end):
            group = m.lastindex  # 1 plain, 2 skip, 3 word; the match starts with the gap
            if group == 2:
                continue
            raw = m.group(group)
            checked = memo.get(raw, _MISSING)
            if checked is _MISSING:
                checked = _verdict(INVISIBLE.sub("", raw), is_known)
                if len(memo) < _MEMO_LIMIT:
                    memo[raw] = checked
            if checked is None:
                continue
            start = m.start(group)
            end = start + len(checked)
            if len(raw) != len(checked) and INVISIBLE.search(raw):
                # The checked word without its invisible characters; its span with them.
                end = m.end(group) - (len(INVISIBLE.sub("", raw)) - len(checked))
            # A word glued to a slash or dot on the right is part of a path or URL.
            nxt = text[m.end() : m.end() + 2]
            if nxt[:1] in "/\\" or (nxt[:1] == "." and nxt[1:2].isalpha()):
                continue
            # Directly after a slash, backslash or underscore: a path or identifier.
            if start > 0 and text[start - 1] in "/\\_":
                continue
            # Sentence start: the sentence's first word, maybe after opening quotes.
            if starts is None:
                starts = {s for s, _ in doc.sentences}
            k, sentence_start = start, False
            while True:
                if k == block.start or k in starts or text[k - 1] in ":;\n":
                    sentence_start = True
                    break
                if text[k - 1] not in _OPENING:
                    break
                k -= 1
            yield Word(start, end, checked, sentence_start, heading)


def cased(word: str, like: str) -> str:
    """``word`` in the case of ``like``: all capitals, capitalised, or as it is."""
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
