"""Numbers in house style: ``ap.numbers``, ``ap.percent`` and ``uk-news.numbers``.

Both houses spell out one to nine and use figures from 10, with exceptions a copy
editor knows by heart (ages, money, percentages, dimensions, dates, times, scores,
ratios, ...). The rules report only the shapes where those exceptions cannot apply:

- a lone figure from 1 to 9 counting people or things ("3 people", "5 years ago"), not
  a measure, a ratio ("1 in 5"), an age ("5 years old"), a fraction or a figure after a
  label ("Game 7", "No. 3", "Title 9");
- a number of 10 or more in words inside a sentence ("twelve people", "a twenty-year
  plan"), never at a sentence's start (where both houses spell it out) or in quoted speech;
- (AP) an age in words ("a five-year-old"), money in words or with "dollars"
  ("five dollars", "5 million dollars", "$5.00"), a figure opening a sentence;
- (AP) a percentage: "5 percent", "5 per cent" and "5 %" are "5%" since the 2019
  Stylebook; "five percent" inside a sentence is "5%".
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.checks.editorial.text import blocks, matches, starts_sentence
from newslint.document import Document
from newslint.finding import Hit

ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_VALUE = {w: i + 1 for i, w in enumerate(ONES)}
_VALUE.update({w: i + 10 for i, w in enumerate(TEENS)})
_VALUE.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
_WORD_OF = {v: k for k, v in _VALUE.items()}
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    "eleventh|twelfth|[a-z]+teenth|[a-z]+tieth"
)


def value_of(words: str) -> int | None:
    """The value of a number in words from one to ninety-nine ("twenty-five" -> 25)."""
    parts = regex.split(r"[-‐ ]", words.lower())
    if len(parts) == 1:
        return _VALUE.get(parts[0])
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES:
        return _VALUE[parts[0]] + _VALUE[parts[1]]
    return None


def in_words(n: int) -> str | None:
    """1..99 in words ("twenty-five"), None outside."""
    if n in _WORD_OF:
        return _WORD_OF[n]
    if 20 < n < 100:
        return f"{_WORD_OF[n - n % 10]}-{_WORD_OF[n % 10]}"
    return None


# Nouns counted in ordinary prose: a figure before them is spelled out (AP "numerals",
# BBC "Numbers"). Measures, money, scores, votes and time of day are not here.
COUNTED = (
    "people|persons|men|women|children|kids|boys|girls|babies|adults|students|teachers|"
    "officers|soldiers|troops|candidates|states|countries|nations|cities|towns|counties|"
    "members|senators|lawmakers|voters|times|days|weeks|months|years|decades|centuries|"
    "things|ways|reasons|questions|issues|cases|bills|companies|firms|businesses|families|"
    "brothers|sisters|sons|daughters|victims|suspects|witnesses|judges|jurors|debates|"
    "speeches|meetings|events|rallies|visits|trips|buildings|houses|homes|cars|vehicles|"
    "planes|ships|books|songs|albums|films|movies|episodes|employees|workers|staff|jobs|"
    "stores|shops|schools|hospitals|patients|doctors|nurses|friends|parties|groups|"
    "person|man|woman|child|kid|boy|girl|baby|adult|student|officer|soldier|candidate|"
    "state|country|city|member|senator|lawmaker|voter|time|day|week|month|year|decade|"
    "thing|way|reason|question|issue|case|company|family|brother|sister|son|daughter|"
    "victim|suspect|witness|judge|debate|speech|meeting|event|rally|visit|trip|building|"
    "house|home|car|vehicle|book|song|album|film|movie|employee|job|store|school|friend|"
    "group|other|others|more|fewer|new|other"
)
# A word before the figure that makes it a label or a measure, not a count.
_LABELS = regex.compile(
    r"(?i:no|nos|number|game|games|week|day|round|stage|level|phase|category|grade|"
    r"chapter|section|article|title|route|highway|interstate|district|ward|precinct|"
    r"page|pages|act|scene|season|episode|part|volume|step|class|type|version|series|"
    r"model|lot|box|pier|platform|lane|floor|gate|terminal|room|suite|flight|channel|"
    r"proposition|prop|measure|question|amendment|division|region|zone|unit|track|disc|"
    r"windows|apollo|iphone|galaxy|xbox|playstation|covid|mp|under|over|radio|formula|"
    r"ages?|aged|vote|votes|score|tally|lost|won|beat|ratio|"
    r"mile|miles|km|kilometres?|kilometers?)"
)
_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_FIGURE = regex.compile(
    rf"(?<![\w$£€¥#.,/:\-–'’])([1-9])\s+({COUNTED})\b(?![-‐])(?!\s+(?:old|older)\b)"
)
_SPELLED = regex.compile(
    rf"(?<![\w\-‐])((?i:{'|'.join(TEENS)})|(?i:{'|'.join(TENS)})(?:[-‐](?i:{'|'.join(ONES)}))?)"
    rf"(?![-‐](?:{_ORDINALS}|somethings?|odd)\b)(?=([-‐ ])([a-z]+))"
)
# Words after a number in words that show it is not counting a noun: "top ten with",
# "ten of thousands", "ten to fifteen", "nine times out of ten they".
_NOT_A_COUNT = frozenset(
    "a an the and or to of with in on at for from by as than but is are was were be been "
    "who which that this these those he she it they we you i his her its their our my "
    "percent per hundred thousand million billion trillion dozen point points out "
    "more less".split()
)
# A number written in words up to ninety-nine ("seven", "forty-two"), any case; the ones
# after a hyphen as written.
_IN_WORDS = rf"(?i:{'|'.join(ONES + TEENS + TENS)})(?:[-‐](?:{'|'.join(ONES)}))?"
_IN_WORDS_OR_ZERO = rf"(?i:zero|{'|'.join(ONES + TEENS + TENS)})(?:[-‐](?:{'|'.join(ONES)}))?"
_AGE_WORDS = regex.compile(
    rf"(?<![\w\-‐])({_IN_WORDS})"
    r"([-‐ ])(years?|months?|weeks?|days?)([-‐ ])old\b"
)
_MONEY_WORDS = regex.compile(
    rf"(?<![\w\-‐$])({_IN_WORDS})"
    r"\s+(dollars|cents)\b"
)
_DOLLARS = regex.compile(
    r"(?<![\w$.,])(\d[\d,]*(?:\.\d+)?)\s+((?:million|billion|trillion)\s+)?(?:US\s+)?dollars\b"
)
_ZERO_CENTS = regex.compile(r"(?<![\w$])\$(\d[\d,]*)\.00\b")
_PERCENT = regex.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)(?:\s*(?:percent|per\s+cent|pct)\b|\s+%)")
_PERCENT_WORDS = regex.compile(
    rf"(?<![\w\-‐])({_IN_WORDS_OR_ZERO})"
    r"\s+(?:percent|per\s+cent)\b(?!age)"
)
_OPENING_FIGURE = regex.compile(r"(\d[\d,]*)(?=[\s,])")


def _previous_word(text: str, pos: int) -> tuple[str, int]:
    """The word before ``pos`` (with its full stop) and where it starts; ("", pos) when
    punctuation other than a full stop comes first."""
    m = regex.search(r"([\w.’']+)\s+$", text[max(0, pos - 40) : pos])
    if not m:
        return "", pos
    return m.group(1), pos - (len(m.group(0)))


def figures_for_counts(doc: Document) -> Iterator[Hit]:
    """A lone figure 1-9 counting people or things: spell it out."""
    text = doc.text
    for m in matches(_FIGURE, doc, quotes=False, headings=False):
        before, at = _previous_word(text, m.start())
        if before:
            word = before.rstrip(".")
            if _LABELS.fullmatch(word) or word in _MONTHS or (word.isupper() and len(word) > 1):
                continue  # "No. 3 states", "Game 7 tickets", "ages 3 years", "July 8 event"
        if regex.match(r"\s*(?:in|out of)\s+\d", text[m.end() : m.end() + 12]) or regex.search(
            r"\d\s*(?:in|of|out of|to|-|–|and|or|,)\s*$", text[max(0, m.start() - 12) : m.start()]
        ):
            continue  # a ratio, range or list of figures: "1 in 5 people", "3 to 5 years"
        word = ONES[int(m.group(1)) - 1]
        if starts_sentence(doc, m.start()):
            word = word.capitalize()
        yield Hit(
            m.start(1),
            m.end(1),
            f"Spell out a number under 10 that counts: '{word} {m.group(2)}', not "
            f"'{m.group(1)} {m.group(2)}'.",
            (word,),
        )


def words_for_large(doc: Document) -> Iterator[Hit]:
    """A number of 10 or more in words inside a sentence: use figures."""
    text = doc.text
    for m in matches(_SPELLED, doc, quotes=False, headings=False):
        if starts_sentence(doc, m.start()):
            continue
        joint, following = m.group(2), m.group(3)
        if joint == " " and following in _NOT_A_COUNT:
            continue
        if m.group(1)[:1].isupper():
            continue  # a name: "Ocean's Eleven", "the Big Ten"
        before = _previous_word(text, m.start())[0].lower()
        if before in ("top", "of", "or", "to", "and") and joint == " ":
            # "top ten" is a list's name; "one or two", "five to ten" a range whose first
            # number is spelled out.
            if before == "top" or _spelled_range(text, m.start()):
                continue
        value = value_of(m.group(1))
        if value is None or value < 10:
            continue
        yield Hit(
            m.start(1),
            m.end(1),
            f"Use figures for 10 and above: '{value}', not '{m.group(1)}'.",
            (str(value),),
        )


def _spelled_range(text: str, pos: int) -> bool:
    before = text[max(0, pos - 20) : pos]
    return bool(regex.search(rf"\b(?:{'|'.join(ONES)})\s+(?:or|to|and)\s+$", before, flags=regex.I))


def ages_in_words(doc: Document) -> Iterator[Hit]:
    """(AP) Ages are always figures: "a 5-year-old", "5 years old"."""
    for m in matches(_AGE_WORDS, doc, quotes=False, headings=False):
        if starts_sentence(doc, m.start()):
            continue
        value = value_of(m.group(1))
        if value is None:
            continue
        right = f"{value}{m.group(2)}{m.group(3)}{m.group(4)}old"
        yield Hit(
            m.start(),
            m.end(),
            f"AP style gives ages in figures: '{right}'.",
            (right,),
        )


def money(doc: Document) -> Iterator[Hit]:
    """(AP) Money: "$5", "5 cents", "$5 million", "$5" (not "$5.00")."""
    for m in matches(_MONEY_WORDS, doc, quotes=False, headings=False):
        if starts_sentence(doc, m.start()):
            continue
        value = value_of(m.group(1))
        if value is None:
            continue
        right = f"${value}" if m.group(2) == "dollars" else f"{value} cents"
        yield Hit(
            m.start(), m.end(), f"AP style writes amounts of money in figures: '{right}'.", (right,)
        )
    for m in matches(_DOLLARS, doc, quotes=False, headings=False):
        scale = f" {m.group(2).strip()}" if m.group(2) else ""
        right = f"${m.group(1)}{scale}"
        yield Hit(m.start(), m.end(), f"Use the dollar sign: '{right}'.", (right,))
    for m in matches(_ZERO_CENTS, doc, quotes=False, headings=False):
        right = f"${m.group(1)}"
        yield Hit(m.start(), m.end(), f"Drop the zero cents: '{right}'.", (right,))


def opening_figures(doc: Document) -> Iterator[Hit]:
    """A sentence that opens with a figure (other than a year): spell it out or recast."""
    text = doc.text
    starts = sorted(
        s
        for s in _starts(doc)
        if text[s : s + 1].isdigit() and (b := doc.block_at(s)) and b.kind == "paragraph"
    )
    for s in starts:
        m = _OPENING_FIGURE.match(text, s)
        if not m or doc.in_quote(s):
            continue
        figure = m.group(1)
        digits = figure.replace(",", "")
        if len(digits) == 4 and digits[0] in "12":
            continue  # a year may open a sentence
        after = text[m.end() : m.end() + 12]
        if regex.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|%|percent|per cent)", after):
            continue  # a time or a percentage heading a list entry
        if regex.match(r"[ \t]*\n|\s+[\"“‘'(]?[A-Z]", after):
            continue  # a name ("50 Cent", "13 Hours"), a list entry ("2 Ted Cruz.", "7" alone)
        sentence = doc.sentences[doc.sentence_at(s)]
        if len(text[sentence[0] : sentence[1]].split()) < 5:
            continue  # a fragment: a list entry, a count standing alone ("100 days.")
        if s == doc.block_at(s).start and regex.match(r"[.)]\s", text[m.end() : m.end() + 2]):
            continue  # a numbered list written as text: "1. The ..."
        words = in_words(int(digits)) if int(digits) < 100 else None
        suggestion = (words.capitalize(),) if words else ()
        yield Hit(
            m.start(),
            m.end(),
            "Spell out a number that opens a sentence, or recast the sentence "
            "(a year may open one).",
            suggestion,
        )


def _starts(doc: Document) -> list[int]:
    from newslint.checks.editorial.text import sentence_starts

    prose = {b.start for b in blocks(doc, headings=False)}
    return [s for s in sentence_starts(doc) if doc.block_at(s) and doc.block_at(s).start in prose]


def percent(doc: Document, options: dict) -> Iterator[Hit]:
    """ap.percent: figures and the % sign, closed up ("5%")."""
    for m in matches(_PERCENT, doc, quotes=True, headings=True):
        right = f"{m.group(1)}%"
        yield Hit(
            m.start(),
            m.end(),
            f"AP style since 2019: the % sign with a figure, closed up: '{right}'.",
            (right,),
        )
    for m in matches(_PERCENT_WORDS, doc, quotes=False, headings=True):
        if starts_sentence(doc, m.start()):
            continue  # "Five percent of ..." opening a sentence stays in words
        value = 0 if m.group(1).lower() == "zero" else value_of(m.group(1))
        if value is None or value == 0:
            continue  # "zero percent" is AP's casual use
        right = f"{value}%"
        yield Hit(
            m.start(),
            m.end(),
            f"AP style uses figures and the % sign for percentages: '{right}'.",
            (right,),
        )


def ap_numbers(doc: Document, options: dict) -> Iterator[Hit]:
    yield from figures_for_counts(doc)
    yield from words_for_large(doc)
    yield from ages_in_words(doc)
    yield from money(doc)
    yield from opening_figures(doc)


def uk_numbers(doc: Document, options: dict) -> Iterator[Hit]:
    yield from figures_for_counts(doc)
    yield from words_for_large(doc)
    yield from opening_figures(doc)
