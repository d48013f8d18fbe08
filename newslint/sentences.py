"""Sentence and quotation scopes over prose text.

Tuned for news copy: titles and initials ("Mr.", "J. K. Rowling", "U.S."), dates
("Jan. 5"), and quotations in straight or curly marks, double or single (British
copy often quotes with single marks: 'aggressive and coercive').
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_NEVER_ENDS = frozenset(
    """
    mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj brig supt insp det
    st mt ft rev fr hon pres amb atty gens sens reps messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vol vols fig figs p pp ch art sec para cf vs v al approx est dept univ
    """.split()
)
# Abbreviations that may close a sentence when a typical sentence opener follows.
_MAY_END = frozenset("inc co corp ltd llc plc jr sr etc bros us uk un eu am pm ad bc".split())
_OPENERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there
    but and so yet or if when while after before in on at for as by from with to of
    mr mrs ms dr however meanwhile still then now some many most one two three
    """.split()
)

_BOUNDARY = re.compile(
    r"""([.!?…]+)           # terminal punctuation
        (["'”’»)\]]*)       # closing quotes or brackets
        (\s+)               # space before the next sentence
        (?=["'“‘«(\[]?[\w])  # next sentence starts with a word (maybe quoted)
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans, leading space trimmed."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _BOUNDARY.finditer(text, start, end):
        if not _ends_sentence(text, begin, m):
            continue
        stop = m.start(3)
        if stop > begin:
            spans.append((begin, stop))
        begin = m.end()
    # Trim trailing space of the block.
    stop = end
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop > begin:
        spans.append((begin, stop))
    return spans


def _ends_sentence(text: str, begin: int, m: re.Match[str]) -> bool:
    punct = m.group(1)
    if punct != ".":
        return True
    before = _WORD_BEFORE.search(text, begin, m.start(1))
    if not before:
        return True
    word = before.group(1)
    bare = word.replace(".", "").lower()
    nxt = text[m.end() : m.end() + 30]
    next_word = re.match(r"[\"'“‘«(\[]?(\w+)", nxt)
    next_lower = next_word.group(1).lower() if next_word else ""
    if next_word and next_word.group(1)[:1].islower():
        return False  # "e.g. the ..." or a lower-case continuation
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        return False  # an initial: "J. K. Rowling"
    if bare in _NEVER_ENDS and "." not in word:
        return False
    if bare in _MAY_END or ("." in word and len(bare) <= 4):
        # "U.S." or "Inc." end a sentence only before a typical sentence opener.
        return next_lower in _OPENERS
    return True


_APOSTROPHE_LEFT = re.compile(r"\w")
_MARKS = re.compile(r"''|``|‘‘|’’|[\"“”‘’'`]")
# Doubled single marks that stand for a double one.
_DOUBLED = {"``": "“", "‘‘": "“", "’’": "”", "''": '"'}


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quoted speech in ``text[start:end]``, marks included.

    A double quotation left open runs to the end of its block: news style opens
    each paragraph of a long quotation and closes only the last one. A block whose
    first double mark closes a quotation after a comma or a full stop ('leaving," Trump
    tweeted.') goes on with one an earlier paragraph opened: it is speech up to there. Doubled
    single marks (two backticks, two straight or two curly single marks, in some wire
    copy: “...,’’ she said) count as double marks; a
    straight mark glued to the word before it and followed by a space (an inch
    mark, a stray) never opens a quotation.
    """
    spans: list[tuple[int, int]] = []
    open_double = -1
    open_single = -1
    open_char = ""
    # Visit only the quotation marks: most of a block is words.
    first_double = -1
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        ch = m.group()
        width = len(ch)
        if width == 2:
            ch = _DOUBLED[ch]  # ``...'' or ''...'' or “...’’ (some wire copy)
        prev = text[i - 1] if i > start else " "
        nxt = text[i + width] if i + width < end else " "
        if first_double < 0 and ch in '"“”':
            first_double = i
        if open_double >= 0:
            if ch == "”" or (ch == '"' and open_char in '"“'):
                if ch == '"' and prev.isspace() and not nxt.isspace():
                    # An opening-looking mark before any close: the earlier one was unclosed.
                    spans.append((open_double, i))
                    open_double, open_char = i, ch
                else:
                    spans.append((open_double, i + width))
                    open_double = -1
            elif ch == "“" and open_char == "“":
                spans.append((open_double, i))
                open_double = i
        elif ch in '"”' and not spans and prev in ",.?!" and nxt.isspace() and i == first_double:
            # The paragraph's first mark closes a quotation it never opened: it goes on
            # from an earlier paragraph ('leaving," Trump tweeted.'), so it is speech.
            spans.append((start, i + width))
        elif ch == "“" or (ch == '"' and not _stray_double(prev, nxt)):
            if open_single >= 0:
                open_single = -1  # a double mark inside an unclosed single: not a quote
            open_double, open_char = i, ch
        elif ch in "‘'":
            if open_single < 0:
                if not _APOSTROPHE_LEFT.match(prev) and not nxt.isspace():
                    open_single = i
            elif _closes_single(text, i, end, prev, nxt):
                spans.append((open_single, i + 1))
                open_single = -1
        elif ch == "’" and open_single >= 0:
            if _closes_single(text, i, end, prev, nxt):
                spans.append((open_single, i + 1))
                open_single = -1
    if open_double >= 0:
        stop = end
        while stop > open_double + 1 and text[stop - 1].isspace():
            stop -= 1
        spans.append((open_double, stop))
    return spans


def _stray_double(prev: str, nxt: str) -> bool:
    """A straight double mark that opens nothing: an inch mark (``6'2" tall``), or the
    close of a quotation opened in an earlier paragraph (``leaving," Trump tweeted``):
    an opening mark is followed by the word it opens, never by a space."""
    return (prev.isalnum() and nxt in ".,;:!?)") or (not prev.isspace() and nxt.isspace())


def _closes_single(text: str, i: int, end: int, prev: str, nxt: str) -> bool:
    # An apostrophe sits between letters (don't, Blinken’s); a closing mark does not.
    if prev.isspace():
        return False
    if nxt.isalnum():
        return False
    return True
