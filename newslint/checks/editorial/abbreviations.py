"""Abbreviations in house style: ``ap.abbreviations``, ``ap.states`` and
``uk-news.abbreviations``.

AP: "U.S." with full points in text; Sen., Gov., Rep. before a name; Mount and Fort
spelled out; Ave., Blvd. and St. only with a numbered address. State names spelled out in
the body of a story (since 2014), whether alone or after a city; AP's abbreviations stay
in datelines and in party affiliations ("R-Texas", "D-Calif.").

British newsrooms drop the full points: Mr, Mrs, Ms, Dr, St; US, UK, UN, EU.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.checks.editorial.text import in_dateline, matches
from newslint.checks.editorial.titles import ap_long_titles
from newslint.document import Document
from newslint.finding import Hit

# AP's traditional state abbreviations (the Stylebook's "state names" list), and forms
# seen in copy that AP never uses.
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Cal.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nebr.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "Penn.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "W. Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wisc.": "Wisconsin",
    "Wyo.": "Wyoming",
}
# Postal codes after a city. Those that are also degrees or words after a name (MD, PA,
# MA, MS, ME, OR, IN, OK, HI, LA, DE) are left out: "Jane Doe, MD" is a doctor.
POSTAL = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "FL": "Florida",
    "GA": "Georgia",
    "ID": "Idaho",
    "IL": "Illinois",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}
_CITY = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_STATE = regex.compile(
    rf"(?<={_CITY},\s+)(?P<abbr>{'|'.join(regex.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len, reverse=True))})"
    r"(?![\w])"
)
_POSTAL = regex.compile(
    rf"(?<={_CITY},\s+)(?P<abbr>{'|'.join(POSTAL)})\b(?![.’'-]\w)(?!\s+\d{{5}})"
)
_US = regex.compile(r"(?<![\w.&-])US(?![\w.&-])")
_MOUNT_FORT = regex.compile(r"\b(?P<abbr>Mt|Ft)\.\s+(?=[A-Z])")
_NUMBERED_STREET = regex.compile(
    r"(?<![\w.,])\d{1,5}\s+(?:[NSEW]\.\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?P<word>Avenue|Boulevard|Street)\b"
)
_ABBREVIATED_STREET = {"Avenue": "Ave.", "Boulevard": "Blvd.", "Street": "St."}


def ap_states(doc: Document, options: dict) -> Iterator[Hit]:
    text = doc.text
    for pattern, table in ((_STATE, STATE_ABBREVIATIONS), (_POSTAL, POSTAL)):
        for m in matches(pattern, doc, quotes=True, headings=False):
            if in_dateline(doc, m.start()):
                continue
            if regex.search(r"[(\[]?[DRI]-\s*$", text[max(0, m.start() - 4) : m.start()]):
                continue  # a party affiliation: "(R-Texas)", "D-Calif."
            abbr = m.group("abbr")
            state = table[abbr]
            # "Derry, N.H., on Monday": the closing comma stays; a full point that ended
            # the sentence too is kept.
            yield Hit(
                m.start(),
                m.end(),
                f"AP spells out state names in the body of a story, with a city too "
                f"(since 2014): '{state}'.",
                (state,),
            )


def ap_abbreviations(doc: Document, options: dict) -> Iterator[Hit]:
    text = doc.text
    for m in matches(_US, doc, quotes=True, headings=False):
        if _in_capitals(text, m.start(), m.end()):
            continue
        if regex.match(
            r"\s+(?:Airways|Weekly|Bancorp|Cellular|Foods)\b", text[m.end() : m.end() + 12]
        ):
            continue  # company names written without points
        yield Hit(m.start(), m.end(), "AP writes 'U.S.' with full points in text.", ("U.S.",))
    yield from ap_long_titles(doc)
    for m in matches(_MOUNT_FORT, doc, quotes=True, headings=False):
        word = "Mount" if m.group("abbr") == "Mt" else "Fort"
        yield Hit(
            m.start(),
            m.start() + len(m.group("abbr")) + 1,
            f"AP spells out '{word}' in place names.",
            (word,),
        )
    for m in matches(_NUMBERED_STREET, doc, quotes=False, headings=False):
        short = _ABBREVIATED_STREET[m.group("word")]
        yield Hit(
            m.start("word"),
            m.end("word"),
            f"With a numbered address AP abbreviates '{short}'.",
            (short,),
        )


def _in_capitals(text: str, start: int, end: int) -> bool:
    """True when the words around are in capitals too (a headline or a label)."""
    before = regex.findall(r"[A-Za-z]{2,}", text[max(0, start - 30) : start])[-1:]
    after = regex.findall(r"[A-Za-z]{2,}", text[end : end + 30])[:1]
    return any(w.isupper() for w in before + after)


# -- British ----------------------------------------------------------------------------

_UK_POINTED_TITLE = regex.compile(r"\b(?P<abbr>Mr|Mrs|Ms|Dr|Prof|Messrs|Rev)\.(?=\s+[A-Z])")
_UK_POINTED_INITIALS = regex.compile(r"(?<![\w.])(?P<abbr>U\.S\.A|U\.S|U\.K|U\.N|E\.U)\.?(?![\w])")


def uk_abbreviations(doc: Document, options: dict) -> Iterator[Hit]:
    for m in matches(_UK_POINTED_TITLE, doc, quotes=True):
        abbr = m.group("abbr")
        yield Hit(
            m.start(),
            m.end(),
            f"No full point after a contraction in British style: '{abbr}'.",
            (abbr,),
        )
    for m in matches(_UK_POINTED_INITIALS, doc, quotes=True):
        right = m.group("abbr").replace(".", "")
        yield Hit(
            m.start(),
            m.start() + len(m.group("abbr")) + 1 if m.group(0).endswith(".") else m.end(),
            f"No full points in initials in British style: '{right}'.",
            (right,),
        )
