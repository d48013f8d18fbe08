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

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from newslint.checks import Hit
from newslint.checks.names_data import variant_index
from newslint.checks.names_text import (
    NameToken,
    fold,
    levenshtein,
    lower_words,
    name_tokens,
    non_prose_spans,
    skeleton_key,
)
from newslint.document import Document

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
_FIXED_BEFORE = regex.compile(r"(?:chicken|Chicken|Dynamo)\s+$")


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@dataclass
class _Form:
    """One spelling (a stem) and where the document uses it."""

    stem: str
    tokens: list[NameToken] = field(default_factory=list)
    before: set[str] = field(default_factory=set)  # first names / neighbours before it
    around: set[str] = field(default_factory=set)  # neighbours before or after it
    sentences: set[int] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.tokens)

    @property
    def first(self) -> int:
        return self.tokens[0].start


def inconsistent(doc: Document, options: dict) -> Iterator[Hit]:
    """Yield a hit at each occurrence of a less-used spelling of a name."""
    hits: dict[tuple[int, int], Hit] = {}
    for hit in _curated(doc):
        hits.setdefault((hit.start, hit.end), hit)
    if options.get("fuzzy", True):
        for hit in _fuzzy(doc, options):
            hits.setdefault((hit.start, hit.end), hit)
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


def _curated(doc: Document) -> Iterator[Hit]:
    pattern, index = variant_index()
    skip = non_prose_spans(doc)
    # group -> lower-cased spelling -> [(start, surface, suffix)]
    found: dict[int, dict[str, list[tuple[int, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for block in doc.blocks:
        for m in pattern.finditer(doc.text, block.start, block.end, overlapped=True):
            name = m.group("name")
            if not name[0].isupper() or any(s <= m.start() < e for s, e in skip):
                continue
            if _FIXED_BEFORE.search(doc.text, max(block.start, m.start() - 12), m.start()):
                continue
            found[index[name.lower()]][name.lower()].append(
                (m.start(), name, m.group("suffix") or "")
            )
    for spellings in found.values():
        if len(spellings) < 2:
            continue
        order = sorted(spellings.values(), key=lambda occ: (-len(occ), occ[0][0]))
        dominant = order[0]
        surface = dominant[0][1]
        for occurrences in order[1:]:
            for start, name, suffix in occurrences:
                if any(_deliberate(doc, start, d[0]) for d in dominant):
                    continue
                yield _hit(doc, start, name, suffix, surface, len(dominant))


# -- fuzzy matching --------------------------------------------------------------------


def _forms(doc: Document) -> dict[str, dict[str, _Form]]:
    """Name spellings bucketed by skeleton key, with their neighbours and sentences."""
    lower = lower_words(doc)
    tokens = [
        t
        for t in name_tokens(doc)
        if len(fold(t.stem)) >= 3 and t.stem.lower() not in lower and t.text.lower() not in lower
    ]
    buckets: dict[str, dict[str, _Form]] = defaultdict(dict)
    text = doc.text
    for i, tok in enumerate(tokens):
        form = buckets[skeleton_key(tok.stem)].setdefault(tok.stem, _Form(tok.stem))
        form.tokens.append(tok)
        form.sentences.add(doc.sentence_at(tok.start))
        if i > 0 and _adjacent(text, tokens[i - 1], tok) and _informative(tokens[i - 1].stem):
            form.before.add(tokens[i - 1].stem)
            form.around.add(tokens[i - 1].stem)
        if i + 1 < len(tokens) and _adjacent(text, tok, tokens[i + 1]):
            if _informative(tokens[i + 1].stem):
                form.around.add(tokens[i + 1].stem)
    return buckets


def _adjacent(text: str, a: NameToken, b: NameToken) -> bool:
    return b.start == a.end + 1 and text[a.end] in " -" and not a.suffix


def _informative(word: str) -> bool:
    return word not in _TITLES and _zipf(word.lower()) < 5.0


def _fuzzy(doc: Document, options: dict) -> Iterator[Hit]:
    for forms in _forms(doc).values():
        if len(forms) < 2:
            continue
        # Most used first; on a tie the spelling that appears first is the dominant one.
        order = sorted(forms.values(), key=lambda f: (-f.count, f.first))
        absorbed: set[str] = set()
        for i, rare in enumerate(order[1:], 1):
            for main in order[:i]:
                if main.stem in absorbed or not _same_name(doc, main, rare):
                    continue
                absorbed.add(rare.stem)
                for tok in rare.tokens:
                    yield _hit(doc, tok.start, tok.stem, tok.suffix, main.stem, main.count)
                break


def _same_name(doc: Document, main: _Form, rare: _Form) -> bool:
    """Strong evidence that ``rare`` is another spelling of ``main``, not another name."""
    a, b = main.stem, rare.stem
    if a.lower() == b.lower():
        return False  # a capitalisation difference is names.capitalisation's business
    shortest = min(len(a), len(b))
    if levenshtein(a.lower(), b.lower(), 2) > (1 if shortest <= 5 else 2):
        return False
    if main.before and rare.before and not (main.before & rare.before):
        return False  # Gordon Brown and Des Browne: different first names, different people
    if main.around & rare.around:
        return True  # Sergei Lavrov and Sergey Lavrov
    known = _zipf(fold(b)) >= (3.0 if len(b) >= 5 else 2.5)
    if known or main.count < 2 or rare.count >= main.count or rare.count > 2:
        return False
    if main.sentences & rare.sentences:
        return False  # Smith and Smyth in one sentence: two people
    return True
