"""``spelling.typo``: a misspelled word, with the intended word as first suggestion.

The check is built to stay quiet on news copy. A word the dictionary knows
costs one dictionary lookup. An unknown word is reported only when a dictionary
word one or two edits away explains it much better than the word explains
itself: the candidate's frequency minus the cost of the edit must beat the
token's own web frequency (names such as "Blinken" are frequent enough to stand)
by a margin. A capitalised word that the document repeats in the same form is
taken as a name; an isolated capitalised non-word close to a frequent word
("Britsih") is taken as a typo. A capitalised word opening a sentence is judged like
a lower-case word when its lower-case form is no word on the web and a common
lower-case word explains it ("Meterologists said"). Names the story establishes
(bylines, credits, "Topac, a former justice minister": see ``established``) are never
typos, and neither is an inflected word inside a hyphenated compound ("high-fiving"), a
part of a hyphenated form plausible as a whole (after a word prefix, "e-tailer"; a name
part, "Kim Jong-un"), a capitalised word in a comma-separated list of capitalised words
("Athens, Clanton, Falkville": a list of places or names) or one before a verb of
saying ("Ric said") that exists on the web as a name, or a person's name in a lower-case
eponym ("bryde's whale"). A word broken by a soft hyphen
or another invisible character is read whole (see ``tokens``).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator

from newslint.checks.spelling import data as spelling_data
from newslint.checks.spelling.established import established_names, short_forms
from newslint.checks.spelling.suggest import Candidate, candidates
from newslint.checks.spelling.tokens import Word, cased, words
from newslint.document import Document
from newslint.finding import Hit

# How much better (in Zipf units) the best candidate must explain the token.
MARGIN_LOWER = 0.6
MARGIN_CAPITAL = 2.6  # mid-sentence capital: names are everywhere in news
MARGIN_SENTENCE_START = 1.8
# A sentence's capitalised first word whose lower-case form is no web word at all,
# close to a lower-case word: judged like a lower-case word ("Meterologists said").
MARGIN_START_LOWER = 1.0
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


def _unknown_words(doc: Document, options: dict) -> list[Word]:
    """Words neither the dictionary nor the newsroom's accept list knows (cached per doc)."""
    key = ("spelling.unknown", tuple(options.get("accept") or ()), options.get("accept-file"))
    return doc.memo(key, lambda: _unknown(doc, options))


def _unknown(doc: Document, options: dict) -> list[Word]:
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


# A capitalised word beside this one, across a nickname's quotes or brackets too
# (Richard "Ric" Grenell, Richard (Ric) Grenell).
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'\u2019.-]*[ \t]+[\"\u201c\u2018'(\[]?$")
_CAPITAL_AFTER = re.compile(r"(?:['\u2019]s?)?[\"\u201d\u2019')\]]?[ \t]+[A-Z]")


def _in_name(text: str, w: Word) -> bool:
    """True when ``w`` stands beside another capitalised word ("James Caan")."""
    if _CAPITAL_AFTER.match(text, w.end):
        return True
    return not w.sentence_start and bool(
        _CAPITAL_BEFORE.search(text, max(0, w.start - 30), w.start)
    )


# Plurals of nouns made by a suffix: -tions, -ments, -nesses ...
_NOUN_PLURALS = tuple(
    f"{suffix}s" for suffix in "tion sion ment ness ity ance ence ism ist ship hood ure age".split()
)


def _judge(w: Word, seen: Counter, text: str) -> tuple[bool, list[tuple[float, Candidate]]]:
    """Whether unknown word ``w`` is a typo, and the scored candidates to suggest."""
    low = w.text.lower()
    lex = spelling_data.load()
    own = lex.zipf(low)
    capital = w.text[0].isupper()
    if capital and seen[w.text] >= 2:
        return False, []  # used the same way twice: a name the writer means
    if low.endswith(_NOUN_PLURALS) and lex.is_known(low[:-1]):
        # "legalizations": a plural the dictionary does not list, of a word made a noun
        # by its ending (not "agains", "newss")
        return False, []
    mid_capital = capital and not w.sentence_start and not w.heading
    # A sentence's first word that is no word on the web in lower case either.
    start_lower = capital and w.sentence_start and not w.heading and own == 0.0
    deep = (not capital or start_lower) and own < 1.0 and 5 <= len(low) <= 14
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
    elif start_lower and not best.proper and not _in_name(text, w):
        margin = MARGIN_START_LOWER
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


_INFLECTIONS = ("ing", "ed", "er", "ers", "es", "s")


def _inflected_in_compound(text: str, w: Word) -> bool:
    """True when ``w`` is part of a hyphenated compound and an inflection of a known
    word ("high-fiving": five + ing; "fist-bumped"), which no dictionary lists."""
    if not ((w.start > 0 and text[w.start - 1] == "-") or text[w.end : w.end + 1] == "-"):
        return False
    lex = spelling_data.load()
    low = w.text.lower()
    for ending in _INFLECTIONS:
        stem = low[: -len(ending)]
        if len(stem) < 3 or not low.endswith(ending):
            continue
        # five -> fiving, hop -> hopping, tap -> tapped
        doubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else ""
        if any(lex.is_known(s) for s in (stem, stem + "e", doubled) if s):
            return True
    return False


# Prefixes written with a hyphen before a word or a coinage: e-tailer, co-opt, re-enact.
_PREFIXES = frozenset(
    """e i un re co pre ex non anti pro post sub self multi mid semi over under inter
    cyber mega micro mini bi tri de dis mis out up neo quasi pseudo ultra extra counter
    cross hyper info eco bio geo agri tele""".split()
)
# After a prefix, a part at least this common on the web (Zipf) is a coinage ("tailer").
COINAGE_ZIPF = 1.5
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_PARTS_BEFORE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*-$")


def _compound_part(text: str, w: Word) -> bool:
    """True when ``w`` is a part of a hyphenated form that is plausible as a whole, so the
    part is not a word on its own: a coinage after a word prefix ("e-tailer", not
    "un-Amercan"), a prefix itself ("un-predictable"), or a part of a name (Kim Jong-un,
    Moon Jae-in)."""
    joined_before = w.start > 0 and text[w.start - 1] == "-"
    joined_after = text[w.end : w.end + 1] == "-" and text[w.end + 1 : w.end + 2].isalpha()
    if not (joined_before or joined_after):
        return False
    m = _PARTS_BEFORE.search(text, max(0, w.start - 60), w.start) if joined_before else None
    start = m.start() if m else w.start
    whole = _COMPOUND.match(text, start)
    if not whole or whole.end() < w.end:
        return False
    parts = whole.group().split("-")
    k = len(text[start : w.start].split("-")) - 1  # this part's index
    if w.text.lower() in _PREFIXES and k < len(parts) - 1:
        return True  # un-predictable, co-opt
    if k > 0 and parts[k - 1].lower() in _PREFIXES and w.text.islower():
        # e-tailer, re-enactor: a coinage the web knows; not un-Amercan, a name misspelled
        return spelling_data.web_zipf(w.text) >= COINAGE_ZIPF
    # A name written with a hyphen: a capitalised part beside a lower-case one.
    return w.text.islower() and any(p[:1].isupper() for i, p in enumerate(parts) if i != k)


# A list of capitalised words: "Athens, Clanton, Falkville and Huntsville".
_LIST_BEFORE = re.compile(r"[A-Z][\w'\u2019.-]*,[ \t]+$")
_LIST_AFTER = re.compile(r",[ \t]+[A-Z][\w'\u2019.-]*(?:,|[ \t]+(?:and|or)[ \t]+[A-Z])")
_ITEM_AFTER = re.compile(r"(?:,|[ \t]+(?:and|or))[ \t]+[A-Z]")
# Below this web frequency (Zipf) a word is no name in a list either (Germnay).
LIST_NAME_ZIPF = 1.0


def _listed_name(text: str, w: Word) -> bool:
    """True when capitalised ``w`` is an item of a comma-separated list of capitalised words
    and exists on the web: a list of places or names, whose items are names."""
    if not w.text[:1].isupper() or spelling_data.web_zipf(w.text.lower()) < LIST_NAME_ZIPF:
        return False
    before = _LIST_BEFORE.search(text, max(0, w.start - 40), w.start)
    if before:
        if _ITEM_AFTER.match(text, w.end):
            return True  # "Athens, Clanton, Falkville": in the middle, or before "and"
        # The last of three or more: "Athens, Falkville, Clanton."
        return bool(_LIST_BEFORE.search(text, max(0, before.start() - 40), before.start()))
    return bool(_LIST_AFTER.match(text, w.end))  # the first: "Clanton, Athens and Falkville"


# After a capitalised word: it speaks, so it is someone's name ("Ric said").
_SPEAKS = re.compile(
    r"[ \t]+(?:said|says|told|tells|added|adds|asked|replied|wrote|writes|explained|noted)\b"
)
# A name on the web at least this common (Zipf) that speaks is a name, not a typo.
SPEAKER_ZIPF = 2.5


def _speaker(text: str, w: Word) -> bool:
    """True when capitalised ``w``, a name on the web, is followed by a verb of saying."""
    return (
        w.text[:1].isupper()
        and bool(_SPEAKS.match(text, w.end))
        and spelling_data.web_zipf(w.text.lower()) >= SPEAKER_ZIPF
    )


# Nouns that eponyms name: "bryde's whale", "parkinson's disease" written in lower case.
_EPONYM_HEADS = frozenset(
    """whale whales dolphin dolphins gazelle gazelles disease diseases syndrome palsy law
    laws theorem principle paradox razor constant hypothesis sign test effect rule
    phenomenon lymphoma disorder ataxia chorea""".split()
)
_POSSESSIVE_HEAD = re.compile(r"['\u2019]s[ \t]+([a-z]+)")


def _eponym(text: str, w: Word) -> bool:
    """True when lower-case ``w`` is a person's name in an eponym ("bryde's whale")."""
    m = _POSSESSIVE_HEAD.match(text, w.end)
    return bool(m) and m.group(1) in _EPONYM_HEADS and spelling_data.web_zipf(w.text) >= 1.0


# A figure, then a space: what follows is its unit ("176 hp", "900 rpm", "40 kph").
_FIGURE_BEFORE = re.compile(r"\d[ \t]$")
_LONGEST_UNIT = 3


def _unit(text: str, w: Word) -> bool:
    """True for a short lower-case word right after a figure: a unit of measure."""
    return (
        len(w.text) <= _LONGEST_UNIT
        and w.text.islower()
        and bool(_FIGURE_BEFORE.search(text, max(0, w.start - 2), w.start))
    )


def _suggestion(c: Candidate, like: str) -> str:
    if c.proper:
        form = spelling_data.load().cased(c.word)
        return form.upper() if like.isupper() else form
    return cased(c.word, like)


def typo(doc: Document, options: dict) -> Iterator[Hit]:
    """Report words that look misspelt, with the likely intended word first."""
    unknown = _unknown_words(doc, options)
    seen = Counter(w.text for w in unknown)
    names = established_names(doc) | short_forms(doc) if unknown else frozenset()
    text = doc.text
    for w in unknown:
        if w.text in names or _inflected_in_compound(text, w) or _compound_part(text, w):
            continue
        if _listed_name(text, w) or _eponym(text, w) or _speaker(text, w) or _unit(text, w):
            continue
        is_typo, cands = _judge(w, seen, doc.text)
        if is_typo:
            yield Hit(
                w.start,
                w.end,
                f"Possible typo: '{w.text}'",
                tuple(_suggestion(c, w.text) for _, c in cands),
            )
