"""Respellings of a name that transliteration does not make, for ``names.inconsistent``.

``names.text.translit_distance`` counts the edits transliteration makes (Gaddafi /
Qaddafi). Writers also slip in other ways that an editor queries at once:

* swapped letters: Dougherty, Dougherty, Doughtery (:func:`transposed`; such pairs
  are bucketed by :func:`swap_key`, since their skeletons differ);
* capitals only: TikTok / Tiktok, DeKalb / Dekalb (:func:`case_only`; on a tie the
  dictionary's casing of a proper noun wins, :func:`known_casing`);
* a dictionary word for a name the story uses (Vila, Vila, then Villa:
  :func:`word_for_name`);
* a name spelled each way once (Seiler / Seiller): neither outnumbers the other, so
  the web decides which is more common (:func:`web_choice`), or the editor picks
  (:func:`once_each`).

``main`` and ``rare`` are ``names.inconsistent``'s forms: a spelling with its tokens,
count and neighbouring names.
"""

from __future__ import annotations

from newslint.checks.names.text import fold, translit_distance
from newslint.checks.spelling import data as spelling_data
from newslint.checks.spelling.data import web_zipf
from newslint.document import Document
from newslint.finding import Hit

# Names this short are too often different names one letter apart (Ali / Aly).
MIN_SWAP_LENGTH = 4
# How much more common (Zipf units) one spelling must be on the web to be named as the one
# to use; below it the editor is asked to pick.
WEB_MARGIN = 0.5


def swap_key(stem: str) -> str | None:
    """A bucket key shared by spellings that differ by swapped letters: the first letter
    and the sorted rest (None for short names)."""
    folded = fold(stem)
    if len(folded) < MIN_SWAP_LENGTH:
        return None
    return "~" + folded[0] + "".join(sorted(folded[1:]))


def transposed(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with letters swapped or one letter moved within three
    places, the first letter kept (Dougherty / Doughtery, Chesnoff / Chensoff)."""
    a, b = fold(a), fold(b)
    if len(a) != len(b) or len(a) < MIN_SWAP_LENGTH or a == b or a[0] != b[0]:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    lo, hi = diff[0], diff[-1] + 1
    return hi - lo <= 3 and sorted(a[lo:hi]) == sorted(b[lo:hi])


def case_only(a: str, b: str) -> bool:
    """True when the two spellings differ only in capitals inside the word."""
    return a != b and a.lower() == b.lower() and a[:1] == b[:1]


def known_casing(word: str) -> bool:
    """True when ``word`` is written as the dictionary's proper nouns write it
    ("Facebook", "DeKalb", "Hillary"; not "FaceBook" or "HIllary")."""
    lex = spelling_data.load()
    low = word.lower()
    return lex.is_proper(low) and lex.cased(low) == word


# Prefixes after which a capital inside a name is usual (McDonald, DeKalb, LeBron, O'Neill).
_CAMEL_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")


def preferred_casing(a: str, b: str, count_a: int, count_b: int) -> str:
    """Of two spellings differing only in capitals, the one to keep, or "": the
    dictionary's casing of a proper noun; else the more used one; on a tie the plain
    capitalised form, unless the other's inner capital follows a usual prefix (McDonald,
    DeKalb)."""
    known_a, known_b = known_casing(a), known_casing(b)
    if known_a != known_b:
        return a if known_a else b
    if count_a != count_b:
        return a if count_a > count_b else b
    plain_a, plain_b = a[1:].islower(), b[1:].islower()
    if plain_a == plain_b:
        return ""
    plain, camel = (a, b) if plain_a else (b, a)
    if any(camel.startswith(p) and camel[len(p) : len(p) + 1].isupper() for p in _CAMEL_PREFIXES):
        return camel
    return plain


def web_choice(a: str, b: str) -> str:
    """The spelling that is clearly more common on the web (wordfreq), or ""."""
    za, zb = web_zipf(fold(a)), web_zipf(fold(b))
    if za >= zb + WEB_MARGIN:
        return a
    if zb >= za + WEB_MARGIN:
        return b
    return ""


def gendered(a: str, b: str) -> bool:
    """True when one spelling is the other plus a final vowel after a consonant."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    if short[:-1] == long[:-1]:
        return False  # Argentina / Argentine, Kenya / Kenyan: a name and its adjective
    return (
        len(long) == len(short) + 1
        and long.startswith(short)
        and long[-1] in "aeio"
        and short[-1] not in "aeiouy"
    )


def word_for_name(doc: Document, main, rare, a: str, b: str, distance: int) -> bool:
    """True when ``rare`` (a dictionary word) stands for the name ``main``: one edit
    away, outnumbered, and beside no name ``main`` lacks."""
    if distance != 1 or main.count < 2 or rare.count >= main.count or min(len(a), len(b)) < 4:
        return False
    # The other form is a name (Vila, Reuters) and this one a common word, not another
    # name (Anderson / Andersen, Colombia / Columbia); the slip keeps the word's length
    # or doubles a letter (Vila / Villa), never adds an ending (German / Germany).
    if not _proper(a) or spelling_data.load().is_proper(b.lower()):
        return False
    short, long = sorted((a.lower(), b.lower()), key=len)
    if short[:-1] == long[:-1]:
        return False  # Argentina / Argentine, Kenya / Kenyan: a name and its adjective
    if len(short) != len(long) and not any(
        long[:i] + long[i + 1 :] == short and long[i] == long[i - 1] for i in range(1, len(long))
    ):
        return False
    if not (rare.before <= main.before and rare.after <= main.after):
        return False
    return True


def _proper(word: str) -> bool:
    """A proper noun (Reuters, India) or a rare word used as a name (Vila), not a
    capitalised common word."""
    lex = spelling_data.load()
    low = word.lower()
    return lex.is_proper(low) or not lex.in_dictionary(low) or web_zipf(low) < 3.0


def once_each(doc: Document, main, rare, a: str, b: str) -> Hit | None:
    """Seiler / Seiller, each once: report the spelling less common on the web (or the
    later one, asking the editor to pick) when the two are surely one name."""
    if main.count != 1 or rare.count != 1:
        return None
    shortest = min(len(a), len(b))
    distance = translit_distance(a, b)
    swapped = transposed(a, b)
    if swapped:
        distance = 1
    elif a.endswith("s") != b.endswith("s"):
        return None  # Uyghur / Uighurs: one name and its plural
    if shortest < (4 if swapped else 5) or distance > (1 if shortest <= 5 else 2):
        return None
    if gendered(a, b):
        return None
    low, high = sorted((web_zipf(fold(a)), web_zipf(fold(b))))
    # One spelling is no name on the web (Seiller, Arcleor), or a much rarer variant of a
    # better-known one (Shareef / Sharif); two established names (Brown / Browne) may be
    # two people, and so may two rare ones (Chada / Chadha).
    if not (low == 0.0 or (low < 2.5 and high - low >= 1.0)):
        return None
    if doc.sentence_at(main.first) == doc.sentence_at(rare.first):
        return None  # named side by side: two people, or a deliberate "also spelled"
    # Different first names or surnames beside them: different people; and so are a
    # first name and a surname (Michel Gondry, Roger Michell).
    if (main.before and rare.before and main.before != rare.before) or (
        main.after and rare.after and main.after != rare.after
    ):
        return None
    if low > 0.0 and bool(main.after) != bool(rare.after):
        return None  # Jennifer Lopez and the singer Jenifer: a first name and a name
    better = web_choice(a, b)
    where, written, other = (main, a, b) if better == b else (rare, b, a)
    tok = where.tokens[0]
    if better:
        note = f"'{better}' is the more common spelling on the web"
        suggestions: tuple[str, ...] = (better + tok.suffix,)
    else:
        note = "pick one"
        suggestions = ()
    return Hit(
        tok.start,
        tok.end,
        f"'{written}' and '{other}' each appear once in this document; {note}; use one spelling",
        suggestions,
        level="warning",  # neither spelling outnumbers the other: an editor's look
    )
