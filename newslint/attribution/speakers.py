"""The second pass: a speaker for quotations that carry no cue of their own
(continuation paragraphs, '"A," he said. "B."'), and pronouns resolved to the person
or group they stand for."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from newslint.attribution import words as W
from newslint.attribution.base import Attribution, Span
from newslint.attribution.contents import speech_like
from newslint.attribution.lexicon import Lexicon
from newslint.attribution.tokens import QUOTE_CHARS
from newslint.document import Document

_PERSON_NAME = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+)+"
)


def continue_quotations(doc: Document, found: list[Attribution]) -> list[Attribution]:
    """Give a speaker to quotations that carry no cue of their own (continuations)."""
    covered = sorted(a.content for a in found if a.content)
    cov_starts = [c[0] for c in covered]
    cov_reach = list(accumulate((c[1] for c in covered), max))  # furthest end so far
    out = list(found)
    by_pos = sorted(found, key=lambda a: (a.cue or a.content)[0])
    starts = [(a.cue or a.content)[0] for a in by_pos]
    for q in doc.quotes:
        k = bisect_right(cov_starts, q[0])
        if (k and cov_reach[k - 1] > q[0]) or (k < len(covered) and cov_starts[k] < q[1]):
            continue  # some content holds the quotation's start, or starts inside it
        if not speech_like(doc.text, q, doc):
            continue
        # The nearest attributed speaker before, in this or the previous block, or
        # just after in the same block ('"A." "B," he said.').
        k = bisect_left(starts, q[0]) - 1
        block = doc.block_at(q[0])
        prev = by_pos[k] if k >= 0 else None
        nxt = by_pos[k + 1] if k + 1 < len(by_pos) else None
        speaker = None
        if prev and prev.source and prev.quote:
            pb = doc.block_at((prev.cue or prev.content)[0])
            if pb is block or (
                pb is not None
                and block is not None
                and _adjacent(doc, pb, block)
                and doc.text[block.start] in QUOTE_CHARS
            ):
                speaker = prev
        if speaker is None and nxt and nxt.source and block is not None:
            if (
                doc.block_at((nxt.cue or nxt.content)[0]) is block
                and doc.sentence_at(nxt.cue[0]) - doc.sentence_at(q[1] - 1) <= 1
            ):
                speaker = nxt
        if speaker is not None:
            out.append(
                Attribution(speaker.source, None, q, True, speaker.kind, speaker.resolved, True)
            )
    return out


def resolve_pronouns(doc: Document, lex: Lexicon, found: list[Attribution]) -> list[Attribution]:
    """Point he/she at the last named person, they/we at the last organisation or group.

    A person may be named without speaking ("Jane Doe arrived. 'We are ready,' she
    said."), so name mentions count for he/she as well as named sources.
    """
    if not any(a.kind == "pronoun" for a in found):
        return found
    last_person: Span | None = None
    last_group: Span | None = None
    by_source: dict[Span, Span | None] = {}
    out = []
    text = doc.text
    mentions = Mentions(doc, lex)
    for a in found:
        if a.kind == "pronoun" and a.source:
            if a.continued:
                ref = by_source.get(a.source)
            else:
                low = text[a.source[0] : a.source[1]].lower()
                if low == "who":
                    ref = mentions.antecedent(a.source[0])
                elif low in W.PERSON_PRONOUNS:
                    ref = last_person
                    mention = mentions.last_mention(a.source[0])
                    if mention is not None and (ref is None or mention[0] > ref[0]):
                        ref = mention
                else:
                    ref = last_group
                by_source[a.source] = ref
            a = Attribution(a.source, a.cue, a.content, a.quote, a.kind, ref, a.continued)
        elif a.kind == "named-person" and a.source:
            last_person = a.source
        elif a.kind in ("named-organisation", "vague", "anonymous") and a.source:
            last_group = a.source
        out.append(a)
    return out


class Mentions:
    """Person-like names in a document, found on demand once per sentence."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self._memo: dict[int, list[Span]] = {}

    def antecedent(self, pos: int) -> Span | None:
        """The name a relative "who" at ``pos`` refers to: the person named just before
        its comma ("Senator Ann Lee, who said ..."); None when no name stands there."""
        mention = self.last_mention(pos)
        if mention is None:
            return None
        between = self.text[mention[1] : pos]
        return mention if between.strip() in (",", "") and len(between) <= 3 else None

    def last_mention(self, pos: int) -> Span | None:
        """The last person-like name before ``pos`` in its sentence or the three before."""
        k = self.doc.sentence_at(pos)
        for j in range(k, max(k - 4, -1), -1):
            for m in reversed(self.person_mentions(j)):
                if m[0] < pos:
                    return m
        return None

    def person_mentions(self, k: int) -> list[Span]:
        """Spans of person-like names (two or more capitalised words) outside quotations
        in sentence ``k``; found on demand, once per sentence."""
        got = self._memo.get(k)
        if got is not None:
            return got
        out = []
        lex = self.lex
        s, e = self.doc.sentences[k]
        for m in _PERSON_NAME.finditer(self.text, s, e):
            words = m.group().split()
            while words and words[0].lower() in W.FUNCTION_CAPS:
                words.pop(0)
            if len(words) < 2 or any(
                W.strip_possessive(w.lower()) in lex.organisations for w in words
            ):
                continue
            if self.doc.in_quote(m.start()):
                continue
            start = m.end() - len(" ".join(words)) if m.group().endswith(words[-1]) else m.start()
            out.append((start, m.end()))
        self._memo[k] = out
        return out


def _adjacent(doc: Document, first, second) -> bool:
    k = bisect_left(doc._block_starts, second.start)  # blocks are in order: no linear search
    return 0 < k < len(doc.blocks) and doc.blocks[k] is second and doc.blocks[k - 1] is first
