"""``spelling.case``: a word written in a case the house style prohibits ("iphone")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.finding import Hit
from newslint.windows import local

_CASE_CACHE: dict[tuple, tuple] = {}


@local
def case(doc: Document, options: dict) -> Iterator[Hit]:
    """Report words written in a case the house style prohibits ("iphone" -> "iPhone").

    ``prohibit`` is a list of correctly cased forms (any other casing of the same
    letters is reported, except text in capitals throughout) or a mapping of exact
    wrong forms to right ones.
    """
    prohibit = options.get("prohibit") or ()
    if not prohibit:
        return
    key = tuple(sorted(prohibit.items())) if isinstance(prohibit, dict) else tuple(sorted(prohibit))
    compiled = _CASE_CACHE.get(key)
    if compiled is None:
        compiled = _compile_case(prohibit)
        _CASE_CACHE[key] = compiled
    pattern, right_of = compiled
    text = doc.text
    for block in doc.blocks:
        for m in pattern.finditer(text, block.start, block.end):
            found = m.group()
            right = right_of(found)
            if right is None or right == found:
                continue
            yield Hit(m.start(), m.end(), f"Write '{right}', not '{found}'", (right,))


def _compile_case(prohibit) -> tuple[re.Pattern[str], object]:
    if isinstance(prohibit, dict):
        table = dict(prohibit)
        words_ = sorted(table, key=len, reverse=True)
        flags = 0

        def right_of(found: str) -> str | None:
            return table.get(found)

    else:
        by_lower = {w.lower(): w for w in prohibit}
        words_ = sorted(by_lower, key=len, reverse=True)
        flags = re.IGNORECASE

        def right_of(found: str) -> str | None:
            if found.isupper() and len(found) > 1:
                return None  # capitals throughout: a shouted headline, not a wrong case
            return by_lower.get(found.lower())

    alternatives = "|".join(re.escape(w) for w in words_)
    pattern = re.compile(rf"(?<![\w@#/.-])(?:{alternatives})(?![\w@/-]|\.\w)", flags)
    return pattern, right_of
