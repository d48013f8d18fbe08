"""British newsroom spelling and headlines: ``uk-news.ise`` and ``uk-news.headline-quotes``.

The BBC, the Guardian and the Times spell "-ise", "-isation" and "-yse" ("organise",
"analyse"), keeping "-ize" in official names ("World Health Organization"). Words whose
"-ize" is not a suffix (size, prize, seize, capsize) are left alone. British headlines put
quotations in single marks; a house that wants them says so with
``[uk-news] headline-quotes = "single"`` (or "double").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from newslint.checks.editorial.text import heading_like, matches, starts_sentence
from newslint.document import Document
from newslint.finding import Hit

_IZE = regex.compile(
    r"(?<![\w'’-])(?P<stem>[A-Za-z][a-z]{2,}?)(?P<z>iz|yz)"
    r"(?P<end>e|es|ed|ing|ation|ations|ational|er|ers|able)(?![\w'’-])"
)
# Words with -ize that is no verb suffix: the British spelling is the same.
_NOT_SUFFIX = frozenset(
    "size sized sizes sizing prize prized prizes seize seized seizes seizing capsize "
    "capsized capsizes maize baize assize assizes downsize downsized downsizing resize "
    "resized oversize oversized outsize outsized upsize supersize supersized midsize "
    "bitesize".split()
)


@lru_cache(maxsize=4096)
def _british(word: str) -> str | None:
    """The -ise spelling of an -ize word when it is a word of British English."""
    from wordfreq import zipf_frequency

    low = word.lower()
    if low in _NOT_SUFFIX or low.endswith(tuple(_NOT_SUFFIX)):
        return None
    m = _IZE.fullmatch(low)
    if not m:
        return None
    british = f"{m.group('stem')}{'is' if m.group('z') == 'iz' else 'ys'}{m.group('end')}"
    if zipf_frequency(british, "en") < 1.5:
        return None
    return british


def ise(doc: Document, options: dict) -> Iterator[Hit]:
    for m in matches(_IZE, doc, quotes=True):
        word = m.group(0)
        if word[:1].isupper() and not starts_sentence(doc, m.start()):
            continue  # an official name: "World Health Organization"
        british = _british(word)
        if british is None:
            continue
        if word[:1].isupper():
            british = british[:1].upper() + british[1:]
        yield Hit(
            m.start(),
            m.end(),
            f"British newsroom spelling: '{british}' (-ise, not -ize).",
            (british,),
        )


_DOUBLE = regex.compile(r"“[^”\n]+”|(?<![\w])\"[^\"\n]+\"")
_SINGLE = regex.compile(r"‘[^’\n]+’(?!\w)|(?<![\w])'[^'\n]+'(?!\w)")


def headline_quotes(doc: Document, options: dict) -> Iterator[Hit]:
    want = options.get("headline-quotes")
    if want not in ("single", "double"):
        return
    text = doc.text
    wrong = _DOUBLE if want == "single" else _SINGLE
    for block in doc.blocks:
        if not heading_like(doc, block):
            continue
        for m in wrong.finditer(text, block.start, block.end):
            inner = m.group(0)[1:-1]
            right = f"‘{inner}’" if want == "single" else f"“{inner}”"
            yield Hit(
                m.start(),
                m.end(),
                f"This house puts quotations in headlines in {want} marks: {right}",
                (right,),
            )
