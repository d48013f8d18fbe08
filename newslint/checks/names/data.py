"""Word lists of the ``names.*`` rules, read lazily and once per process.

The lists live beside the rules (``rules/names/*.txt``), which the package installs as
``newslint.rules``; in a source checkout they are read from the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex


def _rules_dir() -> Path:
    try:
        from importlib.resources import files

        return Path(str(files("newslint.rules"))) / "names"
    except (ImportError, ModuleNotFoundError, TypeError):
        return Path(__file__).resolve().parents[2] / "rules" / "names"


def _lines(name: str) -> list[str]:
    path = _rules_dir() / name
    if not path.exists():
        path = Path(__file__).resolve().parents[2] / "rules" / "names" / name
    text = path.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def variant_groups() -> tuple[tuple[str, ...], ...]:
    """Known variant groups from ``variants.txt``: each a tuple of spellings of one name."""
    return tuple(
        tuple(v.strip() for v in ln.split("|") if v.strip()) for ln in _lines("variants.txt")
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
def variant_index() -> dict[str, list[tuple[str, int]]]:
    """Known variants by their first three letters (lower case): ``[(variant, group)]``,
    longest first, so a name token is looked up, not the whole text searched."""
    index: dict[str, list[tuple[str, int]]] = {}
    for i, group in enumerate(variant_groups()):
        for v in group:
            index.setdefault(v[:3].lower(), []).append((v.lower(), i))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return index


@cache
def modern_pack() -> tuple[tuple[str, str, str], ...]:
    """The built-in modern-spelling pack: ``(wrong, right, source)`` from ``modern.txt``."""
    entries = []
    for ln in _lines("modern.txt"):
        pair, _, source = ln.partition(";")
        wrong, _, right = pair.partition("->")
        entries.append((wrong.strip(), right.strip(), source.strip()))
    return tuple(entries)
