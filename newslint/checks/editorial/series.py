"""``ap.serial-comma``: no comma before the conjunction in a simple series.

AP: "The flag is red, white and blue." A comma stays before the conjunction of a complex
series (items that hold conjunctions or phrases of their own) and wherever it prevents a
misreading; such series are long or not parallel, and the rule leaves them alone. It
reports only a series of three or more short, parallel items (each at most three words,
all starting alike: all names, all with an article, or all plain words), and nothing
that may be something else: an appositive ("Smith, 45, and ...", "Smith, the mayor,
and ..."), a city and its state ("Springfield, Illinois, and ..."), an introductory
phrase before two clauses ("On Monday, shares fell, and ..."), a parenthetical word
("however", "too").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.checks.editorial.text import matches, starts_sentence
from newslint.document import Document
from newslint.finding import Hit

_WORD = r"[\w'’&-]+"
_ITEM = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
_SERIES = regex.compile(
    rf"(?<![\w'’-])(?P<items>{_ITEM}(?:,\s+{_ITEM})+)(?P<comma>,)\s+(?P<conj>and|or)\s+"
    rf"(?P<last>{_WORD}(?:\s+[A-Z][\w'’&-]*){{0,2}})"
)
_DETERMINERS = frozenset(
    "the a an his her its their our my your this these those some many all every each no".split()
)
_NOT_SERIES = frozenset(
    "however too though also say instead meanwhile therefore indeed perhaps yes no well now "
    "then again still when if as after before while because although since once until unless "
    "but so yet which who whom whose where said says told asked added according including "
    "like such respectively etc and or nor "
    "especially particularly notably mainly mostly really actually frankly honestly "
    "apparently reportedly believe believes think thinks argue argues note notes "
    "suggest suggests".split()
)
# A verb opening the last "item" makes it a predicate: "officials, called superdelegates,
# and is on track to ...".
_VERBS = frozenset(
    "is are was were has have had will would can could should may might must does did do "
    "be been being".split()
)
# Place names that follow a city between commas.
_STATES = frozenset(
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia "
    "Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts "
    "Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon "
    "Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming England "
    "Scotland Wales Ireland France Germany Italy Spain Canada Mexico China Japan India Israel "
    "Russia Ukraine Australia Brazil".split()
)


def _kind(word: str, at_start: bool) -> str:
    low = word.lower()
    if low in _DETERMINERS:
        return "det"
    if at_start:
        return "any"
    return "cap" if word[:1].isupper() else "low"


_PARENTHETICAL = frozenset(
    "of course|in fact|for example|for instance|in my view|in his view|in her view|"
    "in particular|at least|in turn|as well|above all|after all|in short".split("|")
)


def _simple(doc: Document, items: list[str], last: str, first_at: int) -> bool:
    """True when ``items`` and ``last`` make a simple series AP writes without a comma."""
    series = [*items, last]
    words = [i.split() for i in series]
    if any(not w for w in words):
        return False
    if any(regex.search(r"\d", i) for i in series):
        return False  # an age or a date between commas: "Smith, 45, and ..."
    if any(w[0].lower() in _NOT_SERIES or w[-1].lower() in _NOT_SERIES for w in words):
        return False
    if words[-1][0] in _VERBS:
        return False
    if words[-1][0].endswith("ed") and not any(w[0].endswith("ed") for w in words[:-1]):
        return False  # "was cordial, with tense moments, and predicted ...": a predicate
    if any(" ".join(w).lower() in _PARENTHETICAL for w in words):
        return False  # "in fact", "for example": a parenthesis, not an item
    if any(w[-1].endswith(".") for w in words[:-1]):
        return False  # "Smith Jr., and", "Acme Inc., and"
    if any(
        i > 0
        and words[i][0] in _STATES
        and series[i - 1][:1].isupper()
        and words[i - 1][-1] not in _STATES
        for i in range(len(series) - 1)
    ):
        return False  # "Springfield, Illinois, and ...": a place and its state
    at_start = starts_sentence(doc, first_at)
    kinds = {_kind(w[0], at_start and i == 0) for i, w in enumerate(words)} - {"any"}
    if len(kinds) > 1:
        return False  # not parallel: an appositive or an introductory phrase
    if at_start and len(items) == 2 and kinds != {"cap"}:
        return False  # "On Monday, shares fell, and analysts ...": a phrase and two clauses
    if kinds == {"det"} and any(len(w) > 2 for w in words):
        return False
    return True


def serial_comma(doc: Document, options: dict) -> Iterator[Hit]:
    text = doc.text
    for m in matches(_SERIES, doc, quotes=False, headings=False):
        last = m.group("last").strip()
        comma = m.start("comma")
        if not last or doc.in_quote(comma) or text[comma - 1 : comma] in ("'", "’", '"', "”"):
            continue
        raw = m.group("items")
        cuts = [0] + [i + 1 for i, c in enumerate(raw) if c == ","]
        parts = [
            raw[a : b - 1 if b else None] for a, b in zip(cuts, [*cuts[1:], None], strict=True)
        ]
        # The leftmost match may start the series early ("her clothing line, which
        # includes dresses, suits, and jeans"): try it from each item on, and let the
        # first item be as long as the longest of the others.
        found = None
        for k in range(len(parts) - 1):
            rest = parts[k:]
            longest = max(len(p.split()) for p in [*rest[1:], last])
            spans = [w.start() for w in regex.finditer(r"\S+", rest[0])]
            for n in range(min(longest, len(spans)), 0, -1):
                cut = spans[-n]
                items = [" ".join(rest[0][cut:].split()), *(" ".join(p.split()) for p in rest[1:])]
                if _simple(doc, items, last, m.start("items") + cuts[k] + cut):
                    found = items
                    break
            if found:
                break
        if not found:
            continue
        items = found
        yield Hit(
            comma,
            m.end("conj"),
            f"AP uses no comma before '{m.group('conj')}' in a simple series: "
            f"'{items[-1]} {m.group('conj')} {last}'.",
            (f" {m.group('conj')}",),
        )
