"""``names.abbreviation``: an abbreviation used before it is defined, defined twice,
or written two ways.

A definition is a name followed by its initials in brackets: "the United Nations
Refugee Agency (UNHCR)"; the initials must be the name's capitals (small words such
as "of" and "the" may be skipped). Abbreviations everyone knows (US, UK, UN, NATO...,
``rules/names/abbreviations.txt``) need no definition, and a headline may use one
before the story defines it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.checks.names.data import common_abbreviations
from newslint.checks.names.text import inside, non_prose_spans
from newslint.document import Document
from newslint.finding import Hit
from newslint.spec import DATA_FOLDER

# Initials in brackets right after a name: "(UNHCR)", "(U.N.)", "(MoD)".
_DEFINITION = regex.compile(r"\((?P<abbr>(?:\p{Lu}\.?){2,8}|\p{Lu}[\p{Lu}\p{Ll}]{1,6}\p{Lu})\)")
# A use: capitals (with optional dots) as a word, plural s allowed: "NGOs", "U.N.".
_USE = regex.compile(
    r"(?<![\p{L}\p{N}.])(?P<abbr>(?:\p{Lu}\.){2,8}|\p{Lu}{2,8})(?:s\b|(?![\p{L}\p{N}]))"
)
_WORD = regex.compile(r"[\p{L}\p{M}'’-]+")
_SMALL = frozenset("of the and for on in to de du la le des a an at by".split())


def _key(abbr: str) -> str:
    return abbr.replace(".", "").upper()


def _defines(name_words: list[str], abbr: str) -> int:
    """How many words before the bracket the initials ``abbr`` spell (0: none)."""
    letters = _key(abbr)

    def match(k: int, i: int) -> int:
        # Words name_words[:k] must spell letters[:i]; returns words used or -1.
        if i == 0:
            return 0
        if k == 0:
            return -1
        word = name_words[k - 1]
        caps = "".join(c for c in word if c.isupper()) or word[:1].upper()
        options = [len(caps)] if len(caps) > 1 else []
        options.append(1)
        for take in options:
            part = caps if take == len(caps) and len(caps) > 1 else word[:1].upper()
            if i >= len(part) and letters[i - len(part) : i] == part:
                rest = match(k - 1, i - len(part))
                if rest >= 0:
                    return rest + 1
        if word.lower() in _SMALL:  # "of", "the" may be skipped
            rest = match(k - 1, i)
            if rest >= 0:
                return rest + 1
        return -1

    used = match(len(name_words), len(letters))
    # A leading small word ("the") is not part of the name.
    while used > 0 and name_words[len(name_words) - used].lower() in _SMALL:
        used -= 1
    return max(used, 0)


def abbreviation(doc: Document, options: dict) -> Iterator[Hit]:
    """Yield hits for abbreviations used before definition, redefined or written two ways."""
    text = doc.text
    skip = non_prose_spans(doc)
    common = common_abbreviations(options.get(DATA_FOLDER)) | frozenset(options.get("known") or ())
    definitions: dict[str, tuple[int, int, str, str]] = {}  # key -> (start, end, long, abbr)
    defined_spans: list[tuple[int, int]] = []
    for block in doc.blocks:
        for m in _DEFINITION.finditer(text, block.start, block.end):
            abbr = m.group("abbr")
            runs = _words_before(text, block.start, m.start())
            name_words = [r.group() for r in runs]
            n = _defines(name_words, abbr)
            if not n:
                continue
            long_form = " ".join(name_words[-n:])
            start = runs[-n].start()
            key = _key(abbr)
            defined_spans.append(m.span())
            if key in definitions:
                first_long = definitions[key][2]
                if first_long.lower() != long_form.lower():
                    msg = f"'{abbr}' was defined as '{first_long}' earlier; here as '{long_form}'"
                else:
                    msg = f"'{abbr}' is defined a second time; after the first, use '{abbr}' alone"
                yield Hit(start, m.end(), msg, (abbr,) if first_long == long_form else ())
            else:
                definitions[key] = (start, m.end(), long_form, abbr)
    if not definitions:
        return
    for block in doc.blocks:
        for m in _USE.finditer(text, block.start, block.end):
            abbr = m.group("abbr")
            key = _key(abbr)
            if (
                key not in definitions
                or inside(defined_spans, m.start())
                or inside(skip, m.start())
            ):
                continue
            start, end = m.start(), m.start() + len(abbr)
            defined_start, _, long_form, written = definitions[key]
            if abbr != written:
                yield Hit(
                    start, end, f"'{abbr}' is written '{written}' where it is defined", (written,)
                )
            elif start < defined_start and key not in common and block.kind != "heading":
                yield Hit(
                    start,
                    end,
                    f"'{abbr}' is used before it is defined ('{long_form} ({abbr})' comes later)",
                )


def _words_before(text: str, block_start: int, end: int) -> list:
    """The last 12 words before ``end`` in its block (as matches), read from a window
    just before it rather than from the block's start, so long blocks stay linear."""
    lo = max(block_start, end - 400)
    while True:
        runs = list(_WORD.finditer(text, lo, end))
        # Past the first (maybe cut) word, every word in the window is whole.
        if len(runs) > 12 or lo == block_start:
            return runs[-12:]
        lo = max(block_start, lo - 4000)
