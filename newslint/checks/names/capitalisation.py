"""``names.capitalisation``: one multi-word name capitalised two ways in one story
("Foreign Ministry" and "foreign ministry").

Only names of two to four words count, and only where the capitals are a choice: not
at the start of a sentence, not in a headline, and not a title just before a person's
name ("Prime Minister Tony Blair" is capitalised by most styles, "the prime minister"
is not). Each occurrence of the less-used form is reported, suggesting the other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator

import regex

from newslint.checks.names.text import ascii_letters, inside, non_prose_spans
from newslint.checks.spelling.data import web_zipf
from newslint.document import Document
from newslint.finding import Hit

_CAP = r"\p{Lu}[\p{Ll}\p{M}]+"
# A run of two to four capitalised words; "of", "and", "for", "the" may sit inside.
_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’-]){_CAP}(?:(?: (?:of|and|for|the))? {_CAP}){{1,3}}(?![\p{{L}}\p{{M}}'’-])"
)


# ASCII twins for text whose letters are all ASCII (see names_text.ascii_letters).
_RUN_ASCII = re.compile(
    r"[A-Z](?<![A-Za-z'’-][A-Z])[a-z]+(?:(?: (?:of|and|for|the))? [A-Z][a-z]+){1,3}(?![A-Za-z'’-])"
)
_SMALL = ("of ", "and ", "for ", "the ")
_ARTICLES = ("The ", "A ", "An ")
_LETTERS = regex.compile(r"\p{L}+")
_LETTERS_ASCII = re.compile(r"[A-Za-z]+")
_CAPITALISED_ASCII = re.compile(r"[A-Z](?<![A-Za-z][A-Z])")  # the first letter of a word
_NAME_AFTER = regex.compile(r" \p{Lu}\p{Ll}")
_ENDS_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+ (?:on|of|for|in|and|to|the|de|at) $")
_ENDS_NAME_BEFORE_ASCII = re.compile(r"[A-Z][a-z]+ (?:on|of|for|in|and|to|the|de|at) $")
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}'’-]")
# A word where a phrase may start (after no letter, mark, apostrophe or hyphen).
_WORD_START = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{L}[\p{L}\p{M}]*")
_WORD_START_ASCII = re.compile(r"[A-Za-z](?<![A-Za-z'’-][A-Za-z])[A-Za-z]*")


def capitalisation(doc: Document, options: dict) -> Iterator[Hit]:
    """Yield a hit at each occurrence of the less-used capitalisation of a name."""
    text = doc.text
    skip = non_prose_spans(doc)
    ascii_only = ascii_letters(doc)
    run_pattern = _RUN_ASCII if ascii_only else _RUN
    ends_name = _ENDS_NAME_BEFORE_ASCII if ascii_only else _ENDS_NAME_BEFORE
    sentence_starts = None
    title_case: dict[int, bool] = {}  # per sentence index
    capitalised: dict[str, list[int]] = defaultdict(list)
    for block in doc.blocks:
        if block.kind == "heading":
            continue
        for m in run_pattern.finditer(text, block.start, block.end):
            start, phrase = m.start(), m.group()
            if sentence_starts is None:
                sentence_starts = {s for s, _ in doc.sentences}
            if start in sentence_starts or _after_opening(text, start, block.start):
                # The first capital is not a choice: "The Foreign Ministry said" keeps
                # "Foreign Ministry".
                rest = _after_first_word(phrase)
                start, phrase = start + rest, phrase[rest:]
                if " " not in phrase:
                    continue
            if phrase.startswith(_ARTICLES):
                lead = phrase.index(" ") + 1
                start, phrase = start + lead, phrase[lead:]
            if " " not in phrase or any(web_zipf(w.lower()) >= 6.0 for w in _significant(phrase)):
                continue  # "Can Be Trusted": a title-case headline, not a name
            if doc.in_quote(start) or (skip and inside(skip, start)):
                continue
            if _title_before_name(text, m.end()):
                continue  # "Prime Minister Tony Blair": a title, capitalised by most styles
            if _inside_longer_name(text, start, block.start, ends_name):
                continue
            if _title_case(doc, start, title_case, ascii_only):
                continue
            capitalised[phrase].append(start)
    if not capitalised:
        return
    lowered: dict[str, list[int]] = defaultdict(list)
    wanted = {p.lower(): p for p in capitalised}
    spans = [(b.start, b.end) for b in doc.blocks if b.kind != "heading"]
    for start, low in _lower_occurrences(text, spans, wanted, ascii_only):
        if doc.in_quote(start) or (skip and inside(skip, start)):
            continue
        if _INDEFINITE.search(text, max(0, start - 4), start) and _PHRASE_ENDS.match(
            text, start + len(low)
        ):
            continue  # "a congressional baseball game on ...": a description, not the name
        lowered[wanted[low]].append(start)
    for phrase, lower_starts in lowered.items():
        if all(
            _CAPITAL_WORD_BEFORE.search(text, max(0, at - 40), at) for at in capitalised[phrase]
        ):
            continue  # only ever inside a longer name ("New York State Attorney General")
        written = {phrase: capitalised[phrase], phrase.lower(): lower_starts}
        order = sorted(written, key=lambda f: (-len(written[f]), written[f][0]))
        dominant, other = order
        for start in written[other]:
            yield Hit(
                start,
                start + len(other),
                f"'{other}' is written '{dominant}' elsewhere in this story "
                f"({_times(len(written[dominant]))}): capitalise it one way",
                (dominant,),
            )


_INDEFINITE = re.compile(r"\b(?:a|an)[ \t]+$")
_CAPITAL_WORD_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}])(?!(?:The|A|An)[ \t])\p{Lu}[\p{L}\p{M}.]*[ \t]+$"
)
# After a phrase that heads its own noun phrase: punctuation or a function word.
_PHRASE_ENDS = re.compile(
    r"[ \t]*[,.;:!?)]|[ \t]+(?:on|in|at|for|of|that|which|who|was|is|and|or|with)\b"
)


def _lower_occurrences(
    text: str, spans: list[tuple[int, int]], phrases: dict[str, str], ascii_only: bool = False
) -> list[tuple[int, str]]:
    """Where the lower-case ``phrases`` stand as whole words inside the sorted ``spans``.

    The same matches a left-to-right scan of each span for any of them gives (longest
    first where two start together, none overlapping), without compiling a pattern for
    every story: a story's few phrases are each found with ``str.find``; when many
    phrases meet a long text, which would make that quadratic, one pass over its
    lower-case words looks each word up among the phrases' first words instead.
    """
    if not spans:
        return []
    if len(phrases) * (spans[-1][1] - spans[0][0]) <= 4_000_000:
        found = _find_each(text, spans, phrases)
    else:
        found = _scan_words(text, spans, phrases, ascii_only)
    out = []
    last_end = spans[0][0]
    for at in sorted(found):
        if at >= last_end:
            out.append((at, found[at]))
            last_end = at + len(found[at])
    return out


def _whole(text: str, at: int, after: int, end: int) -> bool:
    """True when text[at:after] stands alone: no letter, mark, apostrophe or hyphen
    just before it, and none just after it unless it ends its span."""
    return (
        after <= end
        and (at == 0 or not _LETTER_OR_MARK.match(text, at - 1))
        and (after == end or not _LETTER_OR_MARK.match(text, after))
    )


def _find_each(text: str, spans: list[tuple[int, int]], phrases: dict[str, str]) -> dict:
    """Start -> longest phrase standing there, each phrase found with ``str.find``."""
    starts = [s for s, _ in spans]
    found: dict[int, str] = {}
    lo, hi = spans[0][0], spans[-1][1]
    for low in phrases:
        at = text.find(low, lo, hi)
        while at >= 0:
            end = spans[bisect_right(starts, at) - 1][1]  # a span's end ends the text
            if _whole(text, at, at + len(low), end) and len(low) > len(found.get(at, "")):
                found[at] = low
            at = text.find(low, at + 1, hi)
    return found


def _scan_words(
    text: str, spans: list[tuple[int, int]], phrases: dict[str, str], ascii_only: bool
) -> dict:
    """Start -> longest phrase standing there, from one pass over the words that may
    start one (each word is looked up among the phrases' first words)."""
    by_first: dict[str, list[str]] = {}
    for low in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(low.split(" ", 1)[0], []).append(low)
    pattern = _WORD_START_ASCII if ascii_only else _WORD_START
    found: dict[int, str] = {}
    for start, end in spans:
        for m in pattern.finditer(text, start, end):
            for low in by_first.get(m.group(), ()):
                at = m.start()
                if text.startswith(low, at) and _whole(text, at, at + len(low), end):
                    found[at] = low
                    break
    return found


def _after_opening(text: str, start: int, block_start: int) -> bool:
    """True after an opening quotation mark or bracket (a capital there is not a choice)."""
    k = start
    while k > block_start and text[k - 1] == " ":
        k -= 1
    return k > block_start and text[k - 1] in "\"“‘'(:—–-"


def _after_first_word(phrase: str) -> int:
    """Where a run continues after its first word and a small word ("of") after it."""
    at = phrase.index(" ") + 1
    for small in _SMALL:
        if phrase.startswith(small, at):
            return at + len(small)
    return at


def _title_before_name(text: str, end: int) -> bool:
    return bool(_NAME_AFTER.match(text[end : end + 3]))


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _significant(phrase: str) -> list[str]:
    return [w for w in phrase.split(" ") if w not in ("of", "and", "for", "the")]


def _inside_longer_name(text: str, start: int, block_start: int, pattern=_ENDS_NAME_BEFORE) -> bool:
    """'European Convention on Human Rights': the run ends a longer name."""
    before = text[max(block_start, start - 40) : start]
    return bool(pattern.search(before))


def _title_case(doc: Document, pos: int, memo: dict[int, bool], ascii_only: bool = False) -> bool:
    """True in a sentence where most words are capitalised (a headline, a book title)."""
    index = doc.sentence_at(pos)
    found = memo.get(index)
    if found is None:
        start, end = doc.sentences[index]
        if ascii_only:
            sentence = doc.text[start:end]
            n = len(_LETTERS_ASCII.findall(sentence))
            capitals = len(_CAPITALISED_ASCII.findall(sentence))
        else:
            words = _LETTERS.findall(doc.text, start, end)
            n, capitals = len(words), sum(w[0].isupper() for w in words)
        found = n >= 3 and capitals / n > 0.6
        memo[index] = found
    return found
