"""What kinds share: scopes, bounded regexes, case-matching of suggestions."""

from __future__ import annotations

import time
from collections.abc import Iterator

import regex

from newslint.document import Block, Document

# A user's pattern must not hang the run: one run of a rule over a document may spend
# this many seconds searching, plus PATTERN_SECONDS_PER_MB for each million characters
# of prose (so a long document is not cut short). It is a budget for the whole document,
# not for each paragraph or match: thirty paragraphs that each take nearly the limit
# still time out after about the limit.
PATTERN_TIMEOUT = 2.0
PATTERN_SECONDS_PER_MB = 1.0


class PatternTimeout(Exception):
    """A rule's pattern ran past its time budget on a document."""


def blocks_in_scope(doc: Document, scope: tuple[str, ...]) -> Iterator[Block]:
    want_heading = "heading" in scope
    want_paragraph = "paragraph" in scope
    want_bq = "blockquote" in scope
    for block in doc.blocks:
        if "~heading" in scope and block.kind == "heading":
            continue
        if "~blockquote" in scope and block.blockquote:
            continue
        if want_heading or want_paragraph:
            if not (
                (want_heading and block.kind == "heading")
                or (want_paragraph and block.kind != "heading")
            ):
                continue
        if want_bq and not block.blockquote:
            continue
        yield block


def in_scope(doc: Document, start: int, end: int, scope: tuple[str, ...]) -> bool:
    """Checks that need a match, not a block: quotes and sentence boundaries."""
    if "~quote" in scope and doc.in_quote(start):
        return False
    if "quote" in scope and not doc.in_quote(start):
        return False
    if "sentence" in scope and end > start and doc.sentence_at(start) != doc.sentence_at(end - 1):
        return False
    return True


def finditer(pattern, doc: Document, scope: tuple[str, ...]) -> Iterator:
    """Matches of a compiled ``regex`` pattern inside the blocks a scope allows.

    Raises PatternTimeout once the searches over the document have taken longer than
    the budget (PATTERN_TIMEOUT and PATTERN_SECONDS_PER_MB); only the time spent
    searching counts, not what the caller does with the matches.
    """
    text = doc.text
    budget = PATTERN_TIMEOUT + PATTERN_SECONDS_PER_MB * len(text) / 1_000_000
    spent = 0.0
    clock = time.monotonic
    for block in blocks_in_scope(doc, scope):
        # The regex module's timeout holds for each search, so each gets what is left.
        left = max(budget - spent, 0.001)
        matches = pattern.finditer(text, block.start, block.end, timeout=left)
        while True:
            began = clock()
            try:
                m = next(matches)
            except StopIteration:
                spent += clock() - began
                break
            except TimeoutError:
                raise PatternTimeout(pattern.pattern) from None
            spent += clock() - began
            if spent > budget:
                raise PatternTimeout(pattern.pattern)
            if in_scope(doc, m.start(), m.end(), scope):
                yield m
        if spent > budget:
            raise PatternTimeout(pattern.pattern)


def phrase_pattern(phrase: str) -> str:
    """A literal phrase whose spaces match any run of white space."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


def compile_words(phrases: list[str], raw: list[str], ignorecase: bool):
    parts = []
    if phrases:
        alts = "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))
        # When every phrase starts with a word character, "\\b" first is the same test as
        # the look-behind alone, and lets the engine skip the middle of words quickly.
        lead = r"\b(?<!['’-])" if all(regex.match(r"\w", p) for p in phrases) else r"(?<![\w'’-])"
        parts.append(rf"{lead}(?:{alts})(?![\w-]|['’]\w)")
    parts.extend(f"(?:{p})" for p in raw)
    flags = regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    return regex.compile("|".join(parts), flags)


def match_case(model: str, word: str) -> str:
    """``word`` cased like ``model``: 'Kiev' -> 'Kyiv', 'KIEV' -> 'KYIV'."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def format_message(template: str, **values: str) -> str:
    """Fill ``{match}``-style fields; a match spanning lines reads as one line."""
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", " ".join(value.split()))
    return out
