"""Dates and times in house style: ``ap.dates``, ``ap.times``, ``uk-news.dates``,
``uk-news.times``.

AP: a month with a date is abbreviated when it has more than five letters (Jan., Feb.,
Aug., Sept., Oct., Nov., Dec.; March to July never), spelled out alone or with a year
only; no ordinal ("Oct. 4", not "Oct. 4th"); the date after the month. Times are "3 p.m.",
"3:30 p.m.", "noon" and "midnight", not "3:00 p.m." or "12 noon".

British newsrooms (BBC, Guardian): the date before the month, spelled out, no ordinal
("4 October"); times "3pm", "3.30pm", "noon" or "midday".
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.checks.editorial.text import matches
from newslint.document import Document
from newslint.finding import Hit

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# AP's abbreviations of the months it abbreviates with a date.
AP_SHORT = {
    "January": "Jan.",
    "February": "Feb.",
    "August": "Aug.",
    "September": "Sept.",
    "October": "Oct.",
    "November": "Nov.",
    "December": "Dec.",
}
# Abbreviations in use, right or wrong, and the month they stand for.
_ABBREVIATED = {
    "Jan": "January",
    "Feb": "February",
    "Febr": "February",
    "Mar": "March",
    "Apr": "April",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Sept": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}
_MONTH = "|".join(MONTHS)
_ABBR = "|".join(sorted(_ABBREVIATED, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)"
# Words that may follow a date; another lower-case word makes the number a count ("In
# January 25 people ...", "3 March primaries").
_STOP = (
    "and|to|or|at|through|in|on|when|after|before|until|as|the|a|an|for|with|from|against|"
    "was|is|were|are|will|would|by|this|last|next|of|that|if|but|he|she|it|they|we|said|says|"
    "says|while|where|amid|during|under|over|his|her|their|its"
)
_NOT_A_COUNT = rf"(?!\s+(?!(?:{_STOP})\b)[a-z])"
_DAY_AFTER = rf"(?P<day>[1-3]?\d)(?P<ord>{_ORD})?\b(?![.,]?\d)"
# After a full month name a count is possible ("In January 25 people ..."); a word before
# the month that only a date follows settles it ("the January 25 deadline").
_MONTH_DAY = regex.compile(
    rf"\b(?P<month>{_MONTH})\s+{_DAY_AFTER}"
    rf"(?:{_NOT_A_COUNT}|(?<!(?:^|[.!?]\s+|\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Dd]uring|[Ff]or|"
    rf"[Ff]rom|[Tt]hrough|[Ss]ince|[Aa]fter|[Bb]efore)\s+)(?:{_MONTH})\s+\d+(?:{_ORD})?))"
)
_ABBR_DAY = regex.compile(rf"\b(?P<abbr>{_ABBR})(?P<dot>\.?)\s+{_DAY_AFTER}(?(dot)|{_NOT_A_COUNT})")
_ABBR_ALONE = regex.compile(rf"\b(?P<abbr>{_ABBR})\.(?!\s*[1-3]?\d\b)")
_DAY_MONTH = regex.compile(
    rf"(?<![\d,.:/-]\s?)\b(?P<day>[1-3]?\d)(?P<ord>{_ORD})?(?:\s+of)?\s+(?P<month>{_MONTH})\b"
    rf"(?!\s+\d{{1,2}}\b){_NOT_A_COUNT}"
)
_DECADE_APOSTROPHE = regex.compile(r"(?<![\w'’])((?:\d{2})?\d0|['’]\d0)['’]s\b")


def _valid_day(day: str) -> bool:
    return 1 <= int(day) <= 31


def ap_dates(doc: Document, options: dict) -> Iterator[Hit]:
    for m in matches(_MONTH_DAY, doc, quotes=False):
        if not _valid_day(m.group("day")):
            continue
        month = m.group("month")
        short = AP_SHORT.get(month, month)
        if short == month and not m.group("ord"):
            continue
        right = f"{short} {m.group('day')}"
        reasons = []
        if short != month:
            reasons.append(f"abbreviate {month} with a date")
        if m.group("ord"):
            reasons.append("drop the ordinal ending")
        yield Hit(m.start(), m.end(), f"AP style: '{right}' ({' and '.join(reasons)}).", (right,))
    for m in matches(_ABBR_DAY, doc, quotes=False):
        if not _valid_day(m.group("day")):
            continue
        month = _ABBREVIATED[m.group("abbr")]
        short = AP_SHORT.get(month, month)
        if m.group("abbr") + m.group("dot") == short and not m.group("ord"):
            continue
        right = f"{short} {m.group('day')}"
        yield Hit(m.start(), m.end(), f"AP abbreviates this date '{right}'.", (right,))
    for m in matches(_ABBR_ALONE, doc, quotes=False):
        month = _ABBREVIATED[m.group("abbr")]
        yield Hit(
            m.start(),
            m.end(),
            f"AP spells out a month without a date: '{month}'.",
            (month,),
        )
    for m in matches(_DAY_MONTH, doc, quotes=False):
        if not _valid_day(m.group("day")):
            continue
        month = m.group("month")
        right = f"{AP_SHORT.get(month, month)} {m.group('day')}"
        yield Hit(m.start(), m.end(), f"AP style puts the month first: '{right}'.", (right,))
    for m in matches(_DECADE_APOSTROPHE, doc):
        right = m.group(1) + "s"
        yield Hit(
            m.start(), m.end(), f"No apostrophe before the s of a decade: '{right}'.", (right,)
        )


def uk_dates(doc: Document, options: dict) -> Iterator[Hit]:
    day_first = options.get("date-order", "day-month") != "month-day"

    def date(day: str, month: str) -> str:
        return f"{day} {month}" if day_first else f"{month} {day}"

    for m in matches(_MONTH_DAY, doc, quotes=False):
        if not _valid_day(m.group("day")) or not (day_first or m.group("ord")):
            continue
        right = date(m.group("day"), m.group("month"))
        what = "puts the day first, with no ordinal ending" if day_first else "uses no ordinal"
        yield Hit(m.start(), m.end(), f"British style {what}: '{right}'.", (right,))
    for m in matches(_ABBR_DAY, doc, quotes=False):
        if not _valid_day(m.group("day")):
            continue
        right = date(m.group("day"), _ABBREVIATED[m.group("abbr")])
        yield Hit(m.start(), m.end(), f"British style spells out the month: '{right}'.", (right,))
    for m in matches(_DAY_MONTH, doc, quotes=False):
        if not _valid_day(m.group("day")) or not (m.group("ord") or not day_first):
            continue
        right = date(m.group("day"), m.group("month"))
        what = "No ordinal ending in a date" if day_first else "This house puts the month first"
        yield Hit(m.start(), m.end(), f"{what}: '{right}'.", (right,))


# -- times ------------------------------------------------------------------------------

_CLOCK = r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d)|\.(?P<dotmin>[0-5]\d))?"
_MERIDIEM = regex.compile(
    rf"(?<![\w:.$£,])(?<!\d\s)(?<!:\s){_CLOCK}(?P<space>\s?)"
    r"(?P<mer>a\.m\.|p\.m\.|a\.m|p\.m|am|pm|AM|PM|A\.M\.|P\.M\.|a\. m\.|p\. m\.)(?![\w])"
)
_NOON = regex.compile(r"\b(?:12|twelve)(?::00)?\s+(?P<word>noon|midnight)\b", regex.I)
_REDUNDANT = regex.compile(
    r"(?P<mer>a\.m\.|p\.m\.|am|pm)\s+(?P<extra>(?:this|in the|tomorrow|yesterday|on \w+)\s+"
    r"(?:morning|afternoon|evening|night)|tonight)\b"
)


def _timestamp(doc: Document, m) -> bool:
    """A time that opens a block and stands alone or before a colon or dash: the time
    stamp of an entry in a running story."""
    block = doc.block_at(m.start())
    if block is None or doc.text[block.start : m.start()].strip():
        return False
    rest = doc.text[m.end() : block.end]
    return not rest.strip() or bool(regex.match(r"\s*(?::|—|–|-)", rest))


def _clock(m: regex.Match) -> tuple[str, str, bool]:
    """A written time's hour (no leading zero), its minutes ("" on the hour) and whether
    it is in the morning, for each house style to write its own way."""
    minutes = m.group("min") or m.group("dotmin") or ""
    return (
        m.group("hour").lstrip("0"),
        "" if minutes == "00" else minutes,
        m.group("mer").lower().startswith("a"),
    )


def ap_times(doc: Document, options: dict) -> Iterator[Hit]:
    for m in matches(_MERIDIEM, doc, quotes=False):
        hour, minutes, morning = _clock(m)
        mer = "a.m." if morning else "p.m."
        if hour == "12" and not minutes:
            right = "midnight" if morning else "noon"
        elif minutes:
            right = f"{hour}:{minutes} {mer}"
        else:
            right = f"{hour} {mer}"
        if m.group(0) == right:
            continue
        if _timestamp(doc, m) and m.group("mer") == mer and m.group("space") == " ":
            continue  # "6:00 p.m." heading an entry of a running story (AP's The Latest)
        yield Hit(m.start(), m.end(), f"AP style writes this time '{right}'.", (right,))
    for m in matches(_NOON, doc, quotes=False):
        right = m.group("word").lower()
        yield Hit(m.start(), m.end(), f"'{right}' alone: 12 is redundant.", (right,))
    for m in matches(_REDUNDANT, doc, quotes=False):
        yield Hit(
            m.start("extra") - 1,
            m.end(),
            f"Redundant after '{m.group('mer')}': drop '{m.group('extra')}'.",
            ("",),
        )


def uk_times(doc: Document, options: dict) -> Iterator[Hit]:
    for m in matches(_MERIDIEM, doc, quotes=False):
        hour, minutes, morning = _clock(m)
        mer = "am" if morning else "pm"
        if hour == "12" and not minutes:
            right = "midnight" if morning else "midday"
        elif minutes:
            right = f"{hour}{':' if m.group('min') else '.'}{minutes}{mer}"
        else:
            right = f"{hour}{mer}"
        if m.group(0) == right:
            continue
        yield Hit(m.start(), m.end(), f"British style writes this time '{right}'.", (right,))
    for m in matches(_NOON, doc, quotes=False):
        right = m.group("word").lower()
        yield Hit(m.start(), m.end(), f"'{right}' alone: 12 is redundant.", (right,))
