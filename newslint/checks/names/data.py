"""Word lists of the ``names.*`` rules, read lazily and once per process.

The lists live beside the rules (``rules/names/*.txt``). A user pack that replaces one
of these rules may keep its own list beside its rule file (``folder``), which then wins.
"""

from __future__ import annotations

from functools import cache

import regex

from newslint.spec import pack_file, read_list


def _entries(name: str, folder: str | None) -> list[str]:
    return read_list(pack_file("names", name, folder))


@cache
def variant_groups(folder: str | None = None) -> tuple[tuple[str, ...], ...]:
    """Known variant groups from ``variants.txt``: each a tuple of spellings of one name."""
    return tuple(
        tuple(v.strip() for v in ln.split("|") if v.strip())
        for ln in _entries("variants.txt", folder)
    )


def phrase_pattern(phrases: list[str], ignorecase: bool = False) -> regex.Pattern:
    """One pattern for many names: whole words, longest first, optional plural/possessive.

    Group ``name`` is the name as written, group ``suffix`` its ending ('s, s, ’s).
    """
    alts = "|".join(regex.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    flags = regex.IGNORECASE if ignorecase else 0
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}_'’])(?P<name>{alts})(?P<suffix>s['’]|['’]s|s)?(?![\p{{L}}\p{{M}}\p{{N}}_])",
        flags,
    )


@cache
def variant_index(folder: str | None = None) -> dict[str, list[tuple[str, int]]]:
    """Known variants by their first three letters (lower case): ``[(variant, group)]``,
    longest first, so a name token is looked up, not the whole text searched."""
    index: dict[str, list[tuple[str, int]]] = {}
    for i, group in enumerate(variant_groups(folder)):
        for v in group:
            index.setdefault(v[:3].lower(), []).append((v.lower(), i))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return index


@cache
def modern_pack(folder: str | None = None) -> tuple[tuple[str, str, str], ...]:
    """The modern-spelling pack: ``(wrong, right, source)`` from ``modern.txt``."""
    entries = []
    for ln in _entries("modern.txt", folder):
        pair, _, source = ln.partition(";")
        wrong, _, right = pair.partition("->")
        entries.append((wrong.strip(), right.strip(), source.strip()))
    return tuple(entries)


@cache
def common_abbreviations(folder: str | None = None) -> frozenset[str]:
    """Abbreviations readers know without a definition, from ``abbreviations.txt``."""
    return frozenset(_entries("abbreviations.txt", folder))
