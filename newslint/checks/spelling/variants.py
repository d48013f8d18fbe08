"""British and American spellings of the same word, for ``spelling.variant``.

The pairs come from ``rules/spelling/variants.txt`` (stems such as colour/color,
expanded to the inflected and derived forms the dictionary knows) and from two
rules: -ise/-ize and -yse/-yze endings whose other form the dictionary also
knows. Built lazily, once per process and house variant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.checks.spelling import data as spelling_data
from newslint.checks.spelling.tokens import cased, words
from newslint.document import Document
from newslint.finding import Hit
from newslint.spec import pack_file

_SUFFIXES = (
    "", "s", "ed", "ing", "er", "ers", "ful", "fully", "less", "able", "ably", "ite",
    "ites", "ist", "ists", "al", "ally", "ous", "ously", "ation", "ations", "y", "d",
    "ment", "ments", "ism", "ic", "ics",
)  # fmt: skip
_PREFIXES = ("", "dis", "un", "mis", "re", "en", "counter", "multi", "water", "epi")
_IZE = re.compile(
    r"(?<=[a-z]{3})(?P<s>is|ys)(?P<end>e|es|ed|ing|er|ers|ation|ations|able|ability|ational)$"
)
# -ise words that are no -ize verbs even where a dictionary lists an -ize form.
_NOT_IZE = frozenset(
    """advertise advise arise chastise circumcise comprise compromise concise demise
    despise devise disguise enterprise excise exercise expertise franchise improvise
    incise merchandise otherwise precise premise promise raise revise rise supervise
    surmise surprise televise treatise wise""".split()
)
_MAPS: dict[str, dict[str, str]] = {}


def _read_pairs() -> list[tuple[str, str, bool]]:
    out = []
    with open(pack_file("spelling", "variants.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split("#", 1)[0].split()
            if len(parts) >= 2:
                out.append((parts[0], parts[1], len(parts) > 2 and parts[2] == ">"))
    return out


def _form(stem: str, suffix: str) -> str:
    if suffix[:1] in ("a", "e", "i", "o", "u", "y") and stem.endswith("e"):
        return stem[:-1] + suffix
    return stem + suffix


def _build(house: str) -> dict[str, str]:
    known = spelling_data.load().known
    to_us: dict[str, str] = {}
    one_way: set[str] = set()
    for gb, us, gb_only in _read_pairs():
        for prefix in _PREFIXES:
            for suffix in _SUFFIXES:
                g, u = prefix + _form(gb, suffix), prefix + _form(us, suffix)
                if g == u:
                    continue
                # The stems themselves always count; derived forms only when both are words.
                if (prefix == suffix == "") or (g in known and u in known):
                    to_us[g] = u
                    if gb_only:
                        one_way.add(u)
    endings = ("se", "ses", "sed", "sing", "ser", "sers", "sation", "sations", "sable", "sability")
    for word in known:
        if not word.endswith(endings):
            continue
        m = _IZE.search(word)
        if not m:
            continue
        stem = word[: m.start()]
        if stem + m.group("s") + "e" in _NOT_IZE or word in _NOT_IZE:
            continue
        z = stem + m.group("s")[0] + "z" + m.group("end")
        if z in known:
            to_us[word] = z
    if house == "en-US":
        return to_us
    return {u: g for g, u in to_us.items() if u not in one_way}


def other_spelling(word: str, house: str) -> str | None:
    """The house spelling of lower-case ``word`` when it is the other variant's."""
    table = _MAPS.get(house)
    if table is None:
        table = _MAPS[house] = _build(house)
    return table.get(word)


def variant(doc: Document, options: dict) -> Iterator[Hit]:
    """Report British spellings in an en-US house style and American ones in en-GB."""
    house = options.get("variant")
    if not house:
        return
    for w in words(doc):
        better = other_spelling(w.text.lower(), house)
        if better:
            yield Hit(
                w.start,
                w.end,
                f"'{w.text}' is not the house spelling ({house}): use '{cased(better, w.text)}'",
                (cased(better, w.text),),
            )
