"""Words worth spell-checking in a Document, and the ones left alone.

Handles, hashtags, URLs, e-mail addresses, anything with a digit (5km, $1.13bn,
76%, 1990s, 3rd), initialisms and all-capital words (PTI, NATO, MPs), words with
capitals inside (iPhone, McDonald, HuffPost), Roman numerals, words in other
scripts and single letters are never checked. Possessives and contractions are
reduced to the word they are built on; hyphenated compounds are checked part by
part, because the parts are words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import Document

_TOKEN = re.compile(
    r"""
    (?P<skip>
        (?:https?://|ftp://|www\.)\S+                       # URLs
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                         # e-mail addresses
      | [@#][\w]+                                            # @handles, #hashtags
      | \w*\d[\w]*                                           # numbers and codes: 5km, 3rd, G4S
      | [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co|uk|io|ly|tv|info|news)\b  # bare domains
      | \w+(?:\.\w+)+                                        # dotted forms: U.S, e.g, file.txt
    )
  | (?P<word>[^\W\d_]+(?:['\u2019`\u00b4\u02bc][^\W\d_]+)*)
    """,
    re.VERBOSE,
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_ROMAN = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
# Endings whose stem is the word to check: possessive 's and contractions.
_APOSTROPHES = "'\u2019`\u00b4\u02bc"
_CLITIC = re.compile(r"(?i)['\u2019`\u00b4\u02bc](?:s|d|ll|re|ve|m|t)$|n['\u2019`\u00b4\u02bc]t$")
_OPENING = "\"'“‘«([—–-"


@dataclass(frozen=True, slots=True)
class Word:
    start: int  # offset of the checked part in doc.text
    end: int
    text: str  # as written (possessive/contraction ending removed)
    sentence_start: bool  # first word of a sentence (capital proves nothing)
    heading: bool  # in a heading or title, where words are often capitalised


def _is_checkable(text: str) -> bool:
    if len(text) < 2 or not _LATIN.fullmatch(text):
        return False  # single letters, other scripts
    if len(text) == 2 and not text.islower():
        return False  # "Mo", "Xi": two-letter capitalised words are names or initials
    if text.isupper() or (text[:-1].isupper() and text[-1] == "s"):
        return False  # initialisms and shouting: PTI, NATO, MPs
    if any(c.isupper() for c in text[1:]):
        return False  # capitals inside: iPhone, McDonald, HuffPost
    if _ROMAN.fullmatch(text) and text.lower() not in {"mix", "dim", "mid", "lid", "did", "civil", "vivid"}:
        return False
    return True


def words(doc: Document) -> Iterator[Word]:
    """The words of ``doc`` to spell-check, in text order."""
    text = doc.text
    starts = {s for s, _ in doc.sentences}
    for block in doc.blocks:
        heading = block.kind in ("heading", "title")
        first_in_block = True
        for m in _TOKEN.finditer(text, block.start, block.end):
            if m.lastgroup != "word":
                first_in_block = False
                continue
            start, end = m.span()
            raw = m.group()
            # A word glued to a slash or dot on the right is part of a path or URL.
            nxt = text[end : end + 2]
            if nxt[:1] in "/\\" or (nxt[:1] == "." and nxt[1:2].isalpha()):
                first_in_block = False
                continue
            # Directly after a slash, backslash or underscore: a path or identifier.
            if start > 0 and text[start - 1] in "/\\_":
                first_in_block = False
                continue
            clitic = _CLITIC.search(raw)
            if clitic:
                raw = raw[: clitic.start()]
                end = start + len(raw)
            if any(a in raw for a in _APOSTROPHES):
                first_in_block = False
                continue  # O'Malley, d'Artagnan, rock'n'roll: leave alone
            # Sentence start: the sentence's first word, maybe after opening quotes.
            k = start
            while k > block.start and text[k - 1] in _OPENING + " ":
                k -= 1
            sentence_start = first_in_block or k in starts or (k > 0 and text[k - 1] in ":;\n")
            first_in_block = False
            if _is_checkable(raw):
                yield Word(start, end, raw, sentence_start, heading)
