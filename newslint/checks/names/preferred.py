"""``names.preferred`` and ``names.modern``: spellings a style replaces.

* ``names.preferred``: the house style's spellings, from the configuration
  ``[names] preferred = { "Uyghur" = ["Uighur"] }``.
* ``names.modern`` (off by default): a built-in pack of modern
  spellings that major style guides agree on (``rules/names/modern.txt``, each entry
  citing its sources).

Both replacement rules also match plural and possessive forms (Uighurs, Uighur's)
and suggest the replacement with the same ending, so ``--fix`` can apply it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from newslint.checks.names.data import modern_pack, phrase_pattern
from newslint.checks.names.text import inside, non_prose_spans
from newslint.document import Document
from newslint.finding import Hit
from newslint.spec import DATA_FOLDER


def preferred(doc: Document, options: dict) -> Iterator[Hit]:
    """Yield a hit at each spelling the house style replaces."""
    table = options.get("preferred") or {}
    swaps: dict[str, str] = {}
    for right, wrongs in table.items():
        for wrong in [wrongs] if isinstance(wrongs, str) else wrongs:
            if wrong and wrong != right:
                swaps[wrong] = right
    yield from _replace(doc, tuple(sorted(swaps.items())), "house style", options)


def modern(doc: Document, options: dict) -> Iterator[Hit]:
    """Yield a hit at each old spelling of the built-in modern-spelling pack."""
    pack = modern_pack(options.get(DATA_FOLDER))
    swaps = tuple((wrong, right) for wrong, right, _ in pack)
    sources = {w: source for wrong, _, source in pack for w in (wrong, wrong.upper())}
    yield from _replace(doc, swaps, "style guides", options, sources)


def _replace(
    doc: Document,
    swaps: tuple[tuple[str, str], ...],
    authority: str,
    options: dict,
    sources: dict[str, str] | None = None,
) -> Iterator[Hit]:
    if not swaps:
        return
    pattern, table = _compiled(swaps)
    skip = non_prose_spans(doc)
    excepted = _exceptions(doc, options.get("except") or ())
    for block in doc.blocks:
        for m in pattern.finditer(doc.text, block.start, block.end):
            start, end = m.span()
            if inside(skip, start) or inside(excepted, start):
                continue
            name, suffix = m.group("name"), m.group("suffix") or ""
            right = table[name]
            note = f"; {sources[name]}" if sources and name in sources else ""
            yield Hit(
                start,
                end,
                f"Use '{right}{suffix}', not '{name}{suffix}' ({authority}{note})",
                (right + suffix,),
            )


@lru_cache(maxsize=64)
def _compiled(swaps: tuple[tuple[str, str], ...]) -> tuple[regex.Pattern, dict[str, str]]:
    table = dict(swaps)
    # Headlines in capitals: UIGHUR -> UYGHUR.
    caps = {w.upper(): r.upper() for w, r in swaps if w.upper() != w}
    return phrase_pattern(list(table) + list(caps)), {**caps, **table}


def _exceptions(doc: Document, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of fixed phrases where an old spelling stays (chicken Kiev)."""
    phrases = list(phrases)
    if not phrases:
        return []
    pattern = phrase_pattern(phrases, ignorecase=True)
    return [m.span() for m in pattern.finditer(doc.text)]
