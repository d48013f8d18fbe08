"""``names.inconsistent``: one name spelled two ways in one document.

Two sources of variants:

* the curated groups of ``rules/names/variants.txt`` (Kiev/Kyiv, Gaddafi/Qaddafi...):
  two members of one group in a document are always an inconsistency;
* fuzzy matching without a list: name tokens are bucketed by a transliteration
  skeleton (``names_text.skeleton_key``), so only spellings in one bucket are ever
  compared. A pair is reported only on strong evidence, because different people
  with similar names (Brown and Browne, Ali and Aly) are common in news:
  the forms are close, they do not sit under different first names, and either
  they share a first name or neighbour, or the rarer form is rare in English, the
  dominant one is used at least twice and the two never share a sentence.

Each occurrence of the less-used spelling is reported (on a tie, the one that
appears later), suggesting the dominant spelling with the occurrence's own ending.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

import regex

from newslint.checks.names.data import variant_index
from newslint.checks.names.respelled import respelled_once
from newslint.checks.names.shapes import (
    case_only,
    gendered,
    once_each,
    preferred_casing,
    swap_key,
    transposed,
    word_for_name,
)
from newslint.checks.names.text import (
    NameToken,
    fold,
    lower_words,
    name_tokens,
    skeleton_key,
    translit_distance,
)
from newslint.checks.spelling.data import web_zipf
from newslint.document import Document
from newslint.finding import Hit
from newslint.spec import DATA_FOLDER

# Words before a surname that say nothing about who is meant.
_TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Rev Father Sister Brother
    President Vice Prime Minister Secretary Chancellor Senator Sen Rep Representative Gov
    Governor Mayor General Gen Col Colonel Captain Capt Lt Sgt Major Judge Justice King
    Queen Prince Princess Pope Bishop Archbishop Sheikh Imam Ayatollah Chairman Chief
    Commissioner Ambassador Speaker Leader Deputy Foreign Defence Defense Home Interior
    Labour Conservative Tory Republican Democrat Democratic Liberal The A An But And Or
    In On At As By For From Of To With When While After Before If So Yet""".split()
)
# Between two spellings in one sentence, these mark a deliberate "also spelled" mention.
_DELIBERATE = regex.compile(r"\(|\bor\b|\bformerly\b|\balso\b|\bspel[lt]|\bknown as\b", regex.I)
# Fixed phrases that keep an old spelling (a dish, a club) whatever the style.
# An editor's mark that a spelling is deliberate, just after the name.
# (The standard re module: the regex module scans ahead for "sic" on every call.)
_SIC = re.compile(r"\s{0,3}[\[(]sic[\])]", re.IGNORECASE)
_FIXED_BEFORE = regex.compile(r"(?:chicken|Chicken|Dynamo)\s+$")


@dataclass
class _Form:
    """One spelling (a stem) and where the document uses it."""

    stem: str
    tokens: list[NameToken] = field(default_factory=list)
    # Per token: the informative name just before and just after it ("" if none).
    before_of: list[str] = field(default_factory=list)
    after_of: list[str] = field(default_factory=list)

    # Built once, after the form is complete: the checks ask for them per occurrence.
    @cached_property
    def before(self) -> set[str]:
        return set(self.before_of) - {""}

    @cached_property
    def after(self) -> set[str]:
        return set(self.after_of) - {""}

    @property
    def count(self) -> int:
        return len(self.tokens)

    @property
    def first(self) -> int:
        return self.tokens[0].start


def inconsistent(doc: Document, options: dict) -> Iterator[Hit]:
    """Yield a hit at each occurrence of a less-used spelling of a name."""
    hits: dict[tuple[int, int], Hit] = {}
    if options.get("curated", True):
        for hit in _curated(doc, options.get(DATA_FOLDER)):
            hits.setdefault((hit.start, hit.end), hit)
    if options.get("fuzzy", True):
        for hit in _fuzzy(doc, options):
            hits.setdefault((hit.start, hit.end), hit)
        for hit in respelled_once(doc):
            # A pair the spellings alone leave to the editor ("pick one") gets the spelling
            # the story introduces.
            held = hits.get((hit.start, hit.end))
            if held is None or (not held.suggestions and hit.suggestions):
                hits[(hit.start, hit.end)] = hit
    # Overlapping hits (a multi-word group and a surname group): keep the longest.
    last_end = -1
    for (start, end), hit in sorted(hits.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if start >= last_end:
            yield hit
            last_end = end


def _hit(doc: Document, tok_start: int, stem: str, suffix: str, dominant: str, n: int) -> Hit:
    times = "once" if n == 1 else f"{n} times"
    return Hit(
        tok_start,
        tok_start + len(stem) + len(suffix),
        f"'{stem}{suffix}' is spelled '{dominant}' elsewhere in this document ({times}); "
        "use one spelling",
        (dominant + suffix,),
    )


def _deliberate(doc: Document, a: int, b: int) -> bool:
    """True when two spellings share a sentence with 'or', 'formerly', brackets between."""
    if doc.sentence_at(a) != doc.sentence_at(b):
        return False
    lo, hi = min(a, b), max(a, b)
    return bool(_DELIBERATE.search(doc.text, lo, hi + 1))


# -- the curated list ------------------------------------------------------------------


_SUFFIX = regex.compile(r"(?:s['’]|['’]s|s)?(?![\p{L}\p{M}\p{N}_])")


def _curated(doc: Document, folder: str | None) -> Iterator[Hit]:
    index = variant_index(folder)
    text = doc.text
    # group -> lower-cased spelling -> [(start, surface, suffix)]
    found: dict[int, dict[str, list[tuple[int, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for tok in name_tokens(doc):
        if _SIC.match(text, tok.end):
            continue  # a spelling marked [sic] is the source's, not the story's
        start = tok.start
        for variant, group in index.get(text[start : start + 3].lower(), ()):
            end = start + len(variant)
            if text[start:end].lower() != variant:
                continue
            suffix = _SUFFIX.match(text, end)
            if not suffix:
                continue
            if _FIXED_BEFORE.search(text, max(0, start - 12), start):
                break
            found[group][variant].append((start, text[start:end], suffix.group()))
            break
    for spellings in found.values():
        # A quotation keeps its writer's spelling (a quoted tweet, an old headline): it
        # neither counts towards the story's own spelling nor is reported.
        spellings = {
            v: kept
            for v, occ in spellings.items()
            if (kept := [o for o in occ if not doc.in_quote(o[0])])
        }
        if len(spellings) < 2:
            continue
        order = sorted(spellings.values(), key=lambda occ: (-len(occ), occ[0][0]))
        dominant = order[0]
        surface = dominant[0][1]
        # Only a dominant spelling in the same sentence can make a mention deliberate.
        by_sentence: dict[int, list[int]] = defaultdict(list)
        for d in dominant:
            by_sentence[doc.sentence_at(d[0])].append(d[0])
        for occurrences in order[1:]:
            for start, name, suffix in occurrences:
                near = by_sentence.get(doc.sentence_at(start), ())
                if any(_deliberate(doc, start, d) for d in near):
                    continue
                yield _hit(doc, start, name, suffix, surface, len(dominant))


# -- fuzzy matching --------------------------------------------------------------------


def _forms(doc: Document) -> dict[str, list[tuple[_Form, str, str]]]:
    """Name spellings that share a skeleton key with another, with their neighbours.

    A bucket holds ``(form, base, ending)`` readings: a form ending in s is also read
    as a plural (``Uighurs`` = ``Uighur`` + ``s``) so it meets ``Uyghur``; where the
    document has both ``Uyghur`` and ``Uyghurs`` they are one form. Buckets with one
    reading (most names in a story) are dropped before any form is built.
    """
    lower = lower_words(doc)
    text = doc.text
    tokens = [
        t
        for t in name_tokens(doc)
        if t.stem.lower() not in lower
        and t.text.lower() not in lower
        and len(fold(t.stem)) >= 3
        and not _SIC.match(text, t.end)  # a spelling marked [sic] is the source's, not ours
    ]
    stems = {t.stem for t in tokens}
    tokens = [_singular(t, stems) if t.stem[-1] == "s" else t for t in tokens]
    where: dict[str, list[int]] = {}  # stem -> token indexes, in order of first use
    for i, tok in enumerate(tokens):
        found = where.get(tok.stem)
        if found is None:
            where[tok.stem] = [i]
        else:
            found.append(i)
    keyed: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for stem in where:
        keyed[skeleton_key(stem)].append((stem, stem, ""))
        swapped = swap_key(stem)  # Doughtery meets Dougherty, whose skeleton differs
        if swapped:
            keyed[swapped].append((stem, stem, ""))
        # Only a consonant before the s: Davis, Jones and Francois are no plurals.
        if len(stem) > 4 and stem.endswith("s") and stem[-2] not in "aeiouys":
            keyed[skeleton_key(stem[:-1])].append((stem, stem[:-1], "s"))
    forms: dict[str, _Form] = {}
    buckets: dict[str, list[tuple[_Form, str, str]]] = {}
    for key, readings in keyed.items():
        if len(readings) < 2:
            continue
        for stem, _, _ in readings:
            if stem not in forms:
                forms[stem] = _form(doc.text, stem, tokens, where[stem])
        buckets[key] = [(forms[stem], base, ending) for stem, base, ending in readings]
    return buckets


def _form(text: str, stem: str, tokens: list[NameToken], indexes: list[int]) -> _Form:
    """The form ``stem`` with its tokens and the informative names beside each one."""
    form = _Form(stem)
    last = len(tokens) - 1
    for i in indexes:
        tok = tokens[i]
        form.tokens.append(tok)
        before = tokens[i - 1] if i > 0 else None
        after = tokens[i + 1] if i < last else None
        form.before_of.append(
            before.stem
            if before and _adjacent(text, before, tok) and _informative(before.stem)
            else ""
        )
        form.after_of.append(
            after.stem if after and _adjacent(text, tok, after) and _informative(after.stem) else ""
        )
    return form


def _singular(tok: NameToken, stems: set[str]) -> NameToken:
    """``Uyghurs`` as ``Uyghur`` + ``s`` (``Rickettses`` as ``Ricketts`` + ``es``) when the
    document also has the singular."""
    for ending in ("es", "s"):
        base = tok.stem[: -len(ending)]
        if len(base) > 2 and tok.stem.endswith(ending) and base in stems:
            return NameToken(tok.start, tok.end, base, ending + tok.suffix)
    return tok


def _adjacent(text: str, a: NameToken, b: NameToken) -> bool:
    return b.start == a.end + 1 and text[a.end] in " -" and not a.suffix


def _informative(word: str) -> bool:
    # Very frequent words are sentence openers (Last, Now, Speaking), not first names.
    return word not in _TITLES and web_zipf(word.lower()) < 5.6


def _fuzzy(doc: Document, options: dict) -> Iterator[Hit]:
    absorbed: set[str] = set()  # forms already reported (or used as the dominant one)
    for readings in _forms(doc).values():
        if len(readings) < 2:
            continue
        # Most used first; on a tie the spelling that appears first is the dominant one.
        readings.sort(key=lambda r: (-r[0].count, r[0].first))
        for i, (rare, rare_base, rare_end) in enumerate(readings[1:], 1):
            if rare.stem in absorbed:
                continue
            for main, main_base, _ in readings[:i]:
                if main is rare or main.stem in absorbed:
                    continue
                flagged = _variant_tokens(doc, main, rare, main_base, rare_base)
                if not flagged and _case_tie(doc, main, rare, main_base, rare_base):
                    # Facebook once, FaceBook twice: the second is the slip, report it.
                    absorbed.update((rare.stem, main.stem))
                    for tok in main.tokens:
                        yield _hit(doc, tok.start, tok.stem, tok.suffix, rare_base, rare.count)
                    break
                if not flagged:
                    once = once_each(doc, main, rare, main_base, rare_base)
                    if once is None:
                        continue
                    absorbed.update((rare.stem, main.stem))
                    yield once
                    break
                absorbed.add(rare.stem)
                for tok in flagged:
                    yield _hit(
                        doc, tok.start, tok.stem, tok.suffix, main_base + rare_end, main.count
                    )
                break


def _variant_tokens(doc: Document, main: _Form, rare: _Form, a: str, b: str) -> list[NameToken]:
    """The occurrences of ``rare`` that are strongly evidenced respellings of ``main``.

    ``a`` and ``b`` are the two spellings compared (without a plural ending).
    """
    if a.lower() == b.lower():
        # TikTok / Tiktok: capitals inside a name are a spelling, not a style choice.
        if not case_only(a, b) or _side_by_side(doc, main, rare):
            return []
        keep = preferred_casing(a, b, main.count, rare.count)
        if keep == b:
            return []  # the more used spelling is the slip: see _case_tie
        return rare.tokens
    shortest = min(len(a), len(b))
    distance = translit_distance(a, b)
    swapped = transposed(a, b)
    if swapped:
        distance = 1  # Dougherty / Doughtery, China / Chnai: a typing slip
    if distance > (1 if shortest <= 5 else 2 if shortest <= 8 else 3):
        return []
    if _side_by_side(doc, main, rare):
        return []  # "Smith and Smyth": two people
    # How common the rarer spelling is in English, as written and without a plural s.
    zipf = max(web_zipf(rare.stem.lower()), web_zipf(b.lower()), web_zipf(fold(b)))
    real_name = zipf >= 2.0  # the rarer spelling exists as a name of its own
    if real_name and main.before and rare.before and not (main.before & rare.before):
        return []  # Gordon Brown and Des Browne: different first names, different people
    # Letters swapped into no name at all (Koera, Europena) are a slip whatever stands
    # beside them; the neighbour tests below are for names that exist.
    slip = swapped and zipf == 0.0
    if main.after and all(rare.after_of) and not (main.after & rare.after) and not slip:
        return []  # Mike Dennehy and Mikee Johnson: different surnames, different people
    if gendered(a, b):
        return []  # Eric / Erica, Carson / Carsoni, Azerbaijan / Azerbaijani
    # The same uncommon first name or surname beside both spellings, at this very
    # occurrence: Sergei Lavrov / Sergey Lavrov, Fannie Mae / Fannie Mea.
    if main.count >= rare.count and zipf < 4.0:
        shared = [
            tok
            for tok, before, after in zip(rare.tokens, rare.before_of, rare.after_of, strict=True)
            if (before in main.before and web_zipf(before.lower()) < 4.8)
            or (after in main.after and web_zipf(after.lower()) < 4.8)
        ]
        if shared:
            return shared
    if fold(a) == fold(b):
        return rare.tokens if main.count > rare.count else []  # Erdogan / Erdoğan
    # A spelling only ever seen inside one longer name ("Standard Life", always) is that
    # name's word; a bare look-alike elsewhere ("Liffe") is another name, not a respelling.
    if not slip and (
        _fixed_neighbour(main.before_of, rare.before_of)
        or _fixed_neighbour(main.after_of, rare.after_of)
    ):
        return []
    # Otherwise the rarer form must be no English word and clearly outnumbered.
    rarity = 2.0 if distance >= 2 else (3.0 if len(b) >= 5 else 2.5)
    if zipf >= rarity:
        # A dictionary word is still a slip when the other form is plainly a name in this
        # story (Vila, Vila, then Villa), with no neighbour of its own ("Aston Villa").
        if not word_for_name(doc, main, rare, a, b, distance):
            return []
    if main.count < 2 or rare.count >= main.count or rare.count > 2:
        return []
    return rare.tokens


def _case_tie(doc: Document, main: _Form, rare: _Form, a: str, b: str) -> bool:
    """True when of two forms differing only in capitals the less used (or later) one
    is the one to keep (Facebook beside FaceBook, FaceBook): the other is the slip."""
    return (
        case_only(a, b)
        and preferred_casing(a, b, main.count, rare.count) == b
        and not _side_by_side(doc, main, rare)
    )


def _fixed_neighbour(main_side: list[str], rare_side: list[str]) -> bool:
    """True when every use of the main spelling has the same neighbour and the rare never does."""
    first = main_side[0] if main_side else ""
    return (
        bool(first)
        and len(main_side) >= 2
        and all(n == first for n in main_side)
        and (first not in rare_side)
    )


def _side_by_side(doc: Document, main: _Form, rare: _Form) -> bool:
    """True when the two spellings stand within a few characters of each other (in one
    sentence). Tokens are in text order and never overlap, so each rare token only
    looks at the main tokens that end just before it or start just after it."""
    tokens = main.tokens
    starts = [m.start for m in tokens]
    ends = [m.end for m in tokens]
    for r in rare.tokens:
        near = []
        k = bisect_left(ends, r.start - 12)  # main tokens ending 0-12 characters before r
        while k < len(tokens) and ends[k] <= r.start:
            near.append(tokens[k])
            k += 1
        k = bisect_left(starts, r.end)  # main tokens starting 0-12 characters after r
        while k < len(tokens) and starts[k] <= r.end + 12:
            near.append(tokens[k])
            k += 1
        if near:
            sentence = doc.sentence_at(r.start)
            if any(doc.sentence_at(m.start) == sentence for m in near):
                return True
    return False
