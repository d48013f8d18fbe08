"""Spelling checks: typos (``spelling.typo``), house variant (``spelling.variant``)
and wrong-case forms (``spelling.case``).

The typo check is built to stay quiet on news copy. A word the dictionary knows
costs one dictionary lookup. An unknown word is reported only when a dictionary
word one or two edits away explains it much better than the word explains
itself: the candidate's frequency minus the cost of the edit must beat the
token's own web frequency (names such as "Blinken" are frequent enough to stand)
by a margin. A capitalised word that the document repeats in the same form is
taken as a name; an isolated capitalised non-word close to a frequent word
("Britsih") is taken as a typo.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator

from newslint.checks import Hit, spelling_data
from newslint.checks.spelling_suggest import Candidate, candidates
from newslint.checks.spelling_tokens import Word, words
from newslint.document import Document

# How much better (in Zipf units) the best candidate must explain the token.
MARGIN_LOWER = 0.6
MARGIN_CAPITAL = 2.6  # mid-sentence capital: names are everywhere in news
MARGIN_SENTENCE_START = 1.8
MARGIN_PROPER = 1.2  # mid-sentence capital one edit from France, January, Pakistan
PROPER_BONUS = 1.0
MARGIN_REPEATED = 1.5
# Suggestions after the first must score within this of the best one.
SUGGEST_WITHIN = 0.8
MAX_SUGGESTIONS = 3


def _accepted(options: dict) -> frozenset[str]:
    """Words the newsroom accepts (lower case), from ``accept`` and ``accept-file``."""
    key = (tuple(options.get("accept") or ()), options.get("accept-file"))
    cached = _ACCEPT_CACHE.get(key)
    if cached is not None:
        return cached
    words_ = {w.strip().lower().replace("\u2019", "'") for w in key[0] if w.strip()}
    path = key[1]
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            words_.update(
                line.strip().lower() for line in fh if line.strip() and not line.startswith("#")
            )
    result = frozenset(words_)
    _ACCEPT_CACHE[key] = result
    return result


_ACCEPT_CACHE: dict[tuple, frozenset[str]] = {}


def _cased(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _unknown_words(doc: Document, options: dict) -> list[Word]:
    """Words neither the dictionary nor the newsroom's accept list knows (cached per doc)."""
    key = ("spelling.unknown", tuple(options.get("accept") or ()), options.get("accept-file"))
    if key in doc.cache:
        return doc.cache[key]
    lex = spelling_data.load()
    accepted = _accepted(options)
    text = doc.text
    out = []
    for w in words(doc, lex):
        if w.text.lower() in accepted:
            continue
        joined = _rejoined(text, w)
        if joined and lex.is_known(joined):
            continue  # half of a word split at a line end: "nec- essary"
        out.append(w)
    doc.cache[key] = out
    return out


_SPLIT_AFTER = re.compile(r"-[ \t]*\n?[ \t]*([a-z]+)")
_SPLIT_BEFORE = re.compile(r"([A-Za-z]+)-[ \t]*\n?[ \t]*$")


def _rejoined(text: str, w: Word) -> str:
    """The whole word when ``w`` is one half of a word hyphenated across a break."""
    m = _SPLIT_AFTER.match(text, w.end)
    if m and m.end() > w.end + 1 and not text[w.end + 1 : m.start(1)] == "":
        return (w.text + m.group(1)).lower()
    if w.text.islower():
        m = _SPLIT_BEFORE.search(text, max(0, w.start - 40), w.start)
        if m and m.end(1) + 1 < w.start:
            return (m.group(1) + w.text).lower()
    return ""


_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'\u2019.-]*[ \t]+$")
_CAPITAL_AFTER = re.compile(r"(?:['\u2019]s?)?[ \t]+[A-Z]")


def _in_name(text: str, w: Word) -> bool:
    """True when ``w`` stands beside another capitalised word ("James Caan")."""
    if _CAPITAL_AFTER.match(text, w.end):
        return True
    return not w.sentence_start and bool(
        _CAPITAL_BEFORE.search(text, max(0, w.start - 30), w.start)
    )


def _judge(w: Word, seen: Counter, text: str) -> tuple[bool, list[tuple[float, Candidate]]]:
    """Whether unknown word ``w`` is a typo, and the scored candidates to suggest."""
    low = w.text.lower()
    own = spelling_data.load().zipf(low)
    capital = w.text[0].isupper()
    if capital and seen[w.text] >= 2:
        return False, []  # used the same way twice: a name the writer means
    mid_capital = capital and not w.sentence_start and not w.heading
    deep = not capital and own < 1.0 and 5 <= len(low) <= 14
    cands = candidates(low, max_edits=2 if deep else 1)
    if not cands:
        return False, []
    scored = []
    for c in cands:
        score = c.score
        if mid_capital:
            # A capital inside a sentence: the writer meant a proper noun or a title word.
            score += PROPER_BONUS if c.proper else 0.0
        elif not capital and c.proper:
            score -= PROPER_BONUS  # lower case typed: a lower-case word is likelier
        scored.append((score, c))
    scored.sort(key=lambda sc: (-sc[0], sc[1].word))
    best_score, best = scored[0]
    if mid_capital:
        # An isolated capitalised non-word close to France or January is a typo;
        # one inside a run of capitalised words is more likely a name of its own.
        margin = MARGIN_PROPER if best.proper and not _in_name(text, w) else MARGIN_CAPITAL
    elif capital:
        margin = MARGIN_SENTENCE_START
    else:
        margin = MARGIN_LOWER
    if not capital and seen[w.text] >= 3 and own > 0:
        margin += MARGIN_REPEATED  # jargon the writer uses on purpose, unless plainly a slip
    if best_score - own < margin:
        return False, []
    keep = [sc for sc in scored[:MAX_SUGGESTIONS] if sc[0] >= best_score - SUGGEST_WITHIN]
    return True, keep


def _suggestion(c: Candidate, like: str) -> str:
    if c.proper:
        form = spelling_data.load().cased(c.word)
        return form.upper() if like.isupper() else form
    return _cased(c.word, like)


def typo(doc: Document, options: dict) -> Iterator[Hit]:
    """Report words that look misspelt, with the likely intended word first."""
    unknown = _unknown_words(doc, options)
    seen = Counter(w.text for w in unknown)
    for w in unknown:
        is_typo, cands = _judge(w, seen, doc.text)
        if is_typo:
            yield Hit(
                w.start,
                w.end,
                f"Possible typo: '{w.text}'",
                tuple(_suggestion(c, w.text) for _, c in cands),
            )


def variant(doc: Document, options: dict) -> Iterator[Hit]:
    """Report British spellings in an en-US house style and American ones in en-GB."""
    house = options.get("variant")
    if not house:
        return
    from newslint.checks.spelling_variants import other_spelling

    for w in words(doc):
        better = other_spelling(w.text.lower(), house)
        if better:
            yield Hit(
                w.start,
                w.end,
                f"'{w.text}' is not the house spelling ({house}): use '{_cased(better, w.text)}'",
                (_cased(better, w.text),),
            )


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


_CASE_CACHE: dict[tuple, tuple] = {}
