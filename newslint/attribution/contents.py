"""What was said: the content span of a cue, and the quotations around it."""

from __future__ import annotations

from bisect import bisect_right

from newslint.attribution import words as W
from newslint.attribution.base import Span
from newslint.attribution.tokens import QUOTE_CHARS, Sentence
from newslint.document import Document


class Contents:
    """Content spans in one document, with its quotations indexed."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes = doc.quotes
        self.quote_starts = [s for s, _ in self.quotes]

    def span_to_end(self, sent: Sentence, k: int) -> Span | None:
        n = len(sent.words)
        if k is None or k >= n:
            return None
        start = sent.starts[k]
        end = sent.ends[n - 1]
        last = n - 1
        while last > k and sent.words[last] in ".!?,;:":
            last -= 1
        end = sent.ends[last]
        if sent.words[k] in "\"“‘'":
            q = self.quote_at(start)
            if q:
                end = max(end, q[1])
        return (start, end) if end > start else None

    def span_before(self, sent: Sentence, i: int) -> Span | None:
        """Content ending before token ``i`` ('"...," Smith said', 'The plan failed, he said')."""
        j = i - 1
        while j >= 0 and sent.words[j] in ",—–-":
            j -= 1
        if j < 0:
            # '"It's over!" said Smith.': the quotation closed the previous sentence.
            k = bisect_right(self.quote_starts, sent.start) - 1
            if k >= 0 and sent.start - 3 <= self.quotes[k][1] <= sent.start:
                return self.quotes[k]
            return None
        # Content starts after the last clause break before it that is not inside a quotation.
        k = 0
        end = sent.ends[j]
        q = self.quote_at(sent.starts[j])
        start = sent.starts[k]
        if q is not None:
            start = min(start, q[0]) if q[0] >= self.block_start(sent.start) else start
            start = q[0] if q[0] < sent.start else start
            end = max(end, q[1])
        return (start, end) if end > start else None

    def quote_after(self, sent: Sentence, k: int) -> Span | None:
        n = len(sent.words)
        while k < n and sent.words[k] in ",:":
            k += 1
        if k < n and sent.words[k] in "\"“‘'":
            return self.quote_at(sent.starts[k])
        return None

    def quote_at(self, pos: int) -> Span | None:
        k = bisect_right(self.quote_starts, pos) - 1
        if k >= 0 and pos < self.quotes[k][1]:
            return self.quotes[k]
        return None

    def block_start(self, pos: int) -> int:
        b = self.doc.block_at(pos)
        return b.start if b else 0

    def is_quote(self, content: Span | None) -> bool:
        if content is None:
            return False
        c0 = content[0]
        return self.text[c0] in QUOTE_CHARS or (
            self.quote_at(c0) is not None and self.quote_at(content[1] - 1) is not None
        )


# After "speak" or "talk", words that start a circumstance, not what was said.
_NOT_SPOKEN = frozenset("as while when after before since because to with".split())


# Verbs whose "on" introduces what is said or held, not a time: "insisted on a bridge".
_ON_VERBS = frozenset("insist comment agree decide elaborate reflect focus dwell".split())


def content_start(sent: Sentence, k: int, lemma: str) -> int | None:
    n = len(sent.words)
    if k >= n:
        return None
    if lemma in ("speak", "talk") and sent.lowers[k] in _NOT_SPOKEN:
        return None  # "He was speaking as Sir Digby warned": when, not what
    if lemma in W.LISTENER_VERBS or sent.lowers[k] in ("reporters", "journalists"):
        # Skip the listener: "told reporters that", "told CNN:".
        j = clause_mark(sent, k, 7)
        if j < n and j - k < 7:
            k = j
    if sent.lowers[k] == "on" and lemma in _ON_VERBS:
        return k + 1 if k + 1 < n and sent.words[k + 1] not in ".!?" else None  # "insisted on X"
    # Skip a time or a channel: "said on Tuesday that", "said in a statement:".
    if sent.lowers[k] in (
        "in",
        "on",
        "at",
        "during",
        "after",
        "late",
        "earlier",
        "last",
        "this",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "previously",
        "recently",
        "repeatedly",
    ):
        j = clause_mark(sent, k, 8)
        if j >= n or sent.words[j] in ".!?":
            return None  # "said on Monday." : the content came before
        if j - k < 8:
            k = j
    if lemma in ("talk", "speak", "complain", "joke", "warn", "boast", "write") and sent.lowers[
        k
    ] in ("about", "of", "on"):
        k += 1
    while k < n and sent.lowers[k] in ("that", ":", ",", "-", "—", "–"):
        k += 1
    if k >= n or sent.words[k] in ".!?":
        return None
    return k


def clause_mark(sent: Sentence, k: int, limit: int) -> int:
    """Index of the first "that", colon, comma or quotation mark from ``k`` (at most
    ``limit`` tokens on; the sentence's length when there is none)."""
    n = len(sent.words)
    j = k
    while (
        j < n
        and j - k < limit
        and sent.lowers[j] not in ("that", ":", ",")
        and sent.words[j] not in QUOTE_CHARS
    ):
        j += 1
    return j


def speech_like(text: str, q: Span, doc: Document) -> bool:
    """A quotation of speech, not a scare quote or a title: a clause, or a whole sentence."""
    inner = text[q[0] + 1 : q[1] - 1]
    words = inner.split()
    if len(words) >= 6:
        return True
    s = doc.sentences[doc.sentence_at(q[0])]
    return len(words) >= 3 and q[0] <= s[0] + 1 and inner.rstrip()[-1:] in ".!?,"


# Only sentences with one of these words are tokenised (None: every sentence); the
# tagger's words count when their own cue weight is at least GATE.
