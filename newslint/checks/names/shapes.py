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
  (:func:`once_each`);
* a person's surname respelled once into another real name (Lisa Page, then Paige;
  Clark / Clarke), read the way an editor reads the story: who it introduces, and who
  a one-off name must be (``respelled``, which compares spellings with :func:`close`
  and finds the names worth comparing with :func:`one_off_pairs`).

``main`` and ``rare`` are ``names.inconsistent``'s forms: a spelling with its tokens,
count and neighbouring names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from newslint.checks.names.text import NameToken, fold, name_tokens, translit_distance
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
    if in_list(doc.text, tok):
        return None  # "Athens, Clanton, Falkville and Huntsville": a list of places
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


# -- a person's name respelled once ----------------------------------------------------
#


# Substitutions a writer makes in a short name: vowels for vowels, and letters that sound alike.
_SOUND_ALIKE = [frozenset("aeiouy"), frozenset("ckqg"), frozenset("csz"), frozenset("ijy")]


# Endings one writer spells another's way: Levy / Levie / Levi, Lebedev / Lebedeff.
_ENDING = re.compile(r"(?:ie|ey|y|i)$|(?<=[eo])(?:ff|v)$")


# Below this web frequency (Zipf) a spelling is no name of its own (Trup, Scalice).
NO_NAME = 1.5


@lru_cache(maxsize=65536)
def osa(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) between ``a`` and ``b``, up to
    3 (3 meaning three or more). Only a band of the table within two of its diagonal is
    filled: a cell further off costs more than two edits."""
    n, m = len(a), len(b)
    if abs(n - m) > 2:
        return 3
    # Strip the common prefix and suffix: most pairs differ in one place.
    lo = 0
    while lo < n and lo < m and a[lo] == b[lo]:
        lo += 1
    hi = 0
    while hi < n - lo and hi < m - lo and a[n - 1 - hi] == b[m - 1 - hi]:
        hi += 1
    a, b = a[lo : n - hi], b[lo : m - hi]
    n, m = len(a), len(b)
    if not n or not m:
        return min(max(n, m), 3)
    big = 3
    prev2: list[int] = []
    prev = [j if j <= 2 else big for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [i if i <= 2 else big] + [big] * m
        for j in range(max(1, i - 2), min(m, i + 2) + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > 2:
            return 3
        prev2, prev = prev, cur
    return min(prev[m], 3)


def close(a: str, b: str) -> bool:
    """True when ``a`` is a realistic respelling of ``b``: the first letter kept; in a long
    name (7 letters or more) up to two edits (Hodgkinson / Hodgkins); in a shorter one a
    single edit, and in a name of four or five letters, when ``a`` is a name of its own on
    the web, only one a writer makes: a vowel or sound-alike letter changed (Mayer /
    Meyer), a vowel, h, a doubled or final letter added or dropped (Page / Paige, Clark /
    Clarke, Bruck / Bruk), two letters swapped; such a name is never changed letter for
    letter in four letters (Hill / Hall)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or fa[:1] != fb[:1] or not fa.isalpha() or not fb.isalpha():
        return False
    shortest = min(len(fa), len(fb))
    if shortest < 4:
        return False
    fa, fb = fa.replace("ph", "f"), fb.replace("ph", "f")  # Gref / Greph
    if fa == fb:
        return True
    base = _ENDING.sub("", fa)
    if base == _ENDING.sub("", fb) and len(base) >= 3:
        return True  # Levy / Levie / Levi, Kerry / Kerrie, Lebedev / Lebedeff
    distance = osa(fa, fb)
    if distance == 2:
        # A long name with another ending (Hodgkinson / Hodgkins) or two transliteration
        # edits (Tjahjanto / Tjahyanto), not two names (Florida / Fiorina, Majority / Minority).
        short, long = sorted((fa, fb), key=len)
        return shortest >= 7 and (long.startswith(short) or translit_distance(fa, fb) <= 2)
    if distance != 1:
        return False
    if shortest >= 6 or max(len(fa), len(fb)) >= 6 or web_zipf(fa) < NO_NAME:
        return True  # Jugnot / Junot; Trump / Trup, Brown / Bron: no name at all
    if len(fa) == len(fb):
        diff = [i for i in range(len(fa)) if fa[i] != fb[i]]
        if len(diff) == 2:
            return True  # two letters swapped
        if shortest == 4:
            return False  # Hill / Hall, Bush / Bash: other names
        x, y = fa[diff[0]], fb[diff[0]]
        return any(x in s and y in s for s in _SOUND_ALIKE)
    short, long = sorted((fa, fb), key=len)
    for i, c in enumerate(long):
        if long[:i] + long[i + 1 :] != short:
            continue
        if (
            c in "aeiouyh"
            or i == len(long) - 1
            or (i > 0 and long[i - 1] == c)
            or (i + 1 < len(long) and long[i + 1] == c)
            or (c == "c" and long[i + 1 : i + 2] == "k")
        ):
            return True
    return False


def feminine(a: str, b: str) -> bool:
    """Paul / Paula, Carson / Carsoni: a name and another name built on it."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return len(long) == len(short) + 1 and long.startswith(short) and long[-1] in "aio"


# Endings that make another word of a name: an adjective or people (Korea / Korean, Sri
# Lanka / Lankans, Pakistan / Pakistani), a plural (Deluxe Film / Films, the Beckhams).
DERIVED = (
    "n", "an", "ian", "ns", "ans", "ians", "i", "is", "ese", "ish", "ic", "ics", "y", "s", "es",
)  # fmt: skip


def derived(a: str, b: str) -> str:
    """The ending that makes one spelling of the other ("" when none does)."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    ending = long[len(short) :]
    if ending == short[-1:]:
        return ""  # a final letter doubled: Bryson / Brysonn, Davis / Daviss
    return ending if long.startswith(short) and ending in DERIVED else ""


@lru_cache(maxsize=65536)
def letters(word: str) -> int:
    """The letters of ``word`` as a bit set (two edits change at most four of them)."""
    mask = 0
    for c in word:
        mask |= 1 << (ord(c) & 63)
    return mask


def doubled(a: str, b: str) -> bool:
    """True when one spelling is the other with a letter doubled (Gil / Gill, Fox / Foxx)."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short and long[i] == long[i - 1] for i in range(1, len(long))
    )


def deletes(word: str) -> frozenset[str]:
    """``word`` with none, one or two of its letters deleted (never the first)."""
    ones = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    twos = {w[:i] + w[i + 1 :] for w in ones for i in range(1, len(w))}
    return frozenset({word} | ones | twos)


# Up to this many distinct names, each one-off is compared with the names of its first
# letter; beyond it (a long document) they meet through a symmetric-delete index.
FEW_NAMES = 400


def one_off_pairs(doc: Document) -> dict[str, set[str]]:
    """Each name used once, with the names of the story within two edits of it, the first
    letter kept (most stories have none). Names meet through the keys they share, each
    spelling with up to two letters deleted (a symmetric-delete index), so a long document
    costs time in proportion to its names, never to their pairs."""
    counts: dict[str, int] = defaultdict(int)
    for tok in name_tokens(doc):
        counts[tok.stem] += 1
    spellings = {}
    for stem in counts:
        folded = fold(stem)
        if len(folded) >= 3 and folded.isalpha():
            spellings[stem] = folded
    # Names meet only within their first letter. Few names (a story): compare each
    # one-off with the names of its letter, after cheap filters. Many (a book): a
    # letter's names through the index, built for one letter at a time so memory holds
    # the largest letter's keys, not the whole document's.
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for stem, folded in spellings.items():
        groups[folded[0]].append((stem, folded))
    if len(spellings) <= FEW_NAMES:
        meet = (
            (stem, [o for o, _ in group])
            for group in groups.values()
            if len(group) > 1
            for stem, _ in group
            if counts[stem] == 1
        )
    else:
        meet = (pair for group in groups.values() for pair in meeting(group, counts))
    pairs: dict[str, set[str]] = defaultdict(set)
    for stem, others in meet:
        a = spellings[stem]
        for other in others:
            if other == stem or other in pairs[stem]:
                continue
            b = spellings[other]
            if abs(len(a) - len(b)) > 2 or a[0] != b[0]:
                continue
            if min(len(a), len(b)) == 3:
                close_enough = doubled(a, b)
            else:
                close_enough = (letters(a) ^ letters(b)).bit_count() <= 4 and osa(a, b) <= 2
            if close_enough:
                pairs[stem].add(other)
    return {stem: others for stem, others in pairs.items() if others}


def meeting(group: list[tuple[str, str]], counts: dict[str, int]):
    """Each name used once in ``group`` with the names sharing a deletion key with it."""
    index: dict[str, list[str]] = defaultdict(list)
    for stem, folded in group:
        for key in deletes(folded):
            index[key].append(stem)
    for stems in index.values():
        if len(stems) > 1:
            for stem in stems:
                if counts[stem] == 1:
                    yield stem, stems


# A list of capitalised words around a name: "Athens, Clanton, Falkville and Huntsville".
LIST_AFTER = re.compile(r"(?:['’]s)?,[ \t]+[A-Z]")
LIST_BEFORE = re.compile(r"[A-Z][\w'’.-]*,[ \t]+$")
AND_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:and|or|&)[ \t]+[A-Z]")


def in_list(text: str, tok: NameToken) -> bool:
    """True when ``tok`` stands in a list of capitalised words ("Athens, Clanton, Falkville")."""
    before = bool(LIST_BEFORE.search(text, max(0, tok.start - 40), tok.start))
    return (before and bool(AND_AFTER.match(text, tok.end) or LIST_AFTER.match(text, tok.end))) or (
        bool(LIST_AFTER.match(text, tok.end))
        and bool(
            re.match(
                r"(?:['’]s)?,[ \t]+[A-Z][\w'’.-]*(?:,|[ \t]+(?:and|or)[ \t]+[A-Z])",
                text[tok.end : tok.end + 60],
            )
        )
    )
