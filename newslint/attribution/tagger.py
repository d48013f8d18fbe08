"""The trained tagger's part of the analysis: cues the rules miss, and rule cues it
rejects (weights in ``newslint/data/attribution.json.gz``, see :mod:`model`)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress
from typing import Protocol

from newslint.attribution import model as attribution_model
from newslint.attribution import settings
from newslint.attribution import words as W
from newslint.attribution.base import (
    UNKNOWN,
    Attribution,
    Span,
    in_ranges,
    overlaps_any,
    runs,
    runs_of,
)
from newslint.attribution.contents import Contents
from newslint.attribution.cues import RuleCues, not_speech
from newslint.attribution.lexicon import Lexicon
from newslint.attribution.tokens import QUOTE_CHARS, Sentence, Tokens
from newslint.document import Document

_ARTICLES = frozenset(("a", "an", "the"))
# A run-on sentence is read by the tagger in pieces of this many tokens.
PIECE_TOKENS = 200


class Reading(Protocol):
    """What the tagger's pass reads of a document's analysis (the extractor)."""

    doc: Document
    lex: Lexicon
    tokens: Tokens
    cues: RuleCues
    contents: Contents

    def sentence(self, start: int, end: int) -> Sentence: ...

    def quoted_ranges(self) -> list[tuple[int, int]]: ...


def model_pass(x: Reading, found: list[Attribution]) -> list[Attribution]:
    """Add the tagger's cues that no rule found; drop rule cues it clearly rejects."""
    m = attribution_model.model()
    toks = x.tokens
    if m is None or not toks.words:
        return found
    quoted = x.quoted_ranges()
    scores = m.tag_cues(toks.words, toks.lowers, quoted)
    starts = toks.starts
    rule_cues = sorted(a.cue for a in found if a.cue and a.kind != "none")
    rule_starts = [c[0] for c in rule_cues]
    best: dict[Span, float] = {}
    for c in rule_cues:
        a = bisect_right(starts, c[0]) - 1
        b = bisect_right(starts, c[1] - 1)
        best[c] = max(scores[max(a, 0) : b], default=0.0)
    added: list[Attribution] = []
    in_sentence: dict[int, list[Attribution]] = {}
    sentences = x.doc.sentences
    pieces: dict[int, Sentence] = {}

    def piece_at(pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` or, in a run-on sentence longer than
        ``PIECE_TOKENS`` tokens, the piece of it that does (so the pass stays linear
        on text with no full stops: a source is never that far from its verb)."""
        s, e = sentences[x.doc.sentence_at(pos)]
        lo, hi = toks.range(s, e)
        if hi - lo <= PIECE_TOKENS:
            return s, e
        k = lo + (bisect_right(starts, pos, lo, hi) - 1 - lo) // PIECE_TOKENS * PIECE_TOKENS
        return starts[k], starts[k + PIECE_TOKENS] if k + PIECE_TOKENS < hi else e

    for y in found:
        if y.cue and y.source:
            in_sentence.setdefault(piece_at(y.cue[0])[0], []).append(y)
    runs = runs_of(compress(range(len(scores)), map((0.0).__lt__, scores)))
    quote_starts = [a for a, _b in quoted]
    tagged: dict[int, list[float]] = {}
    lowers = toks.lowers
    not_cues = x.lex.not_cues

    def lemma_of(low: str) -> str:
        return x.lex.reporting.get(low) or x.lex.stance.get(low, low)

    for a, b in runs:
        s, e = sentences[x.doc.sentence_at(starts[a])]
        if not s <= starts[a] < e:
            continue
        if (s, e) != (p := piece_at(starts[a])):
            s, e = p
            sent = pieces.get(s) or pieces.setdefault(s, Sentence(toks, s, e))
        else:
            sent = x.sentence(s, e)
        b = min(b, sent.first + len(sent.words))  # a run never leaves its sentence
        cue = (starts[a], toks.ends[b - 1])
        if in_ranges(a, quoted, quote_starts) or overlaps_any(cue, rule_cues, rule_starts):
            continue
        f0, n = sent.first, len(sent.words)
        if (a > f0 and lowers[a - 1] in _ARTICLES) or not_cues.intersection(lowers[a:b]):
            continue  # "an estimated 40,000": an adjective; "lied": the writer's claim
        if any(not_speech(sent, k - f0, lemma_of(lowers[k])) for k in range(a, b)):
            continue  # "pleaded guilty", "calling her mother", "considered options"
        if (
            a > f0
            and toks.words[a][:1].isupper()
            and toks.words[a - 1] not in QUOTE_CHARS
            and not _title_case(sent.words)
        ):
            continue  # part of a name: "North East Says No", "Islamic State"

        def tag_sources(s=s, f0=f0, n=n, sent=sent) -> list[float]:
            got = tagged.get(s)
            if got is None:
                flags = [x > 0 for x in scores[f0 : f0 + n]]
                inq = [in_ranges(k, quoted, quote_starts) for k in range(f0, f0 + n)]
                got = tagged[s] = m.tag_sources(sent.words, inq, flags)
            return got

        sure = max(scores[a:b]) > settings.SOURCELESS_MARGIN
        # What the sentence already attributes before this cue: a verb inside its
        # content has its own subject, not the speaker's.
        here = in_sentence.get(s, [])
        before = sorted(
            (y for y in here if y.cue[1] <= cue[0]),  # type: ignore[index]
            key=lambda y: y.cue[0],  # type: ignore[index]
        )
        att = model_attribution(x, sent, a - f0, b - f0, tag_sources, before, sure)
        if att is not None:
            added.append(att)
            if att.source:
                in_sentence.setdefault(s, []).append(att)
    # A reporting verb tagging a quotation ('"It is done," Holmes testified.') stands
    # whatever the tagger scores it: the quotation marks say someone spoke.
    kept = [
        a
        for a in found
        if a.cue is None
        or a.kind == "none"
        or best.get(a.cue, 0.0) > -settings.VETO
        or (a.quote and a.source is not None and _reporting(x, a))
    ]
    return kept + added


def _reporting(x: Reading, a: Attribution) -> bool:
    """The cue is one of the lexicon's reporting verbs (not a stance verb)."""
    words = x.doc.text[a.cue[0] : a.cue[1]].lower().split()  # type: ignore[index]
    return any(w in x.lex.reporting for w in words)


def model_attribution(
    x: Reading,
    sent: Sentence,
    a: int,
    b: int,
    tag_sources,
    earlier: list[Attribution],
    sure: bool = True,
) -> Attribution | None:
    """An attribution for the tagged cue tokens ``a:b``: the rules' subject when the
    source tagger agrees, else the tagger's source.

    ``tag_sources()`` gives the source tagger's scores for the sentence (computed once
    per sentence, however many tagged cues it holds).
    """
    cue = (sent.starts[a], sent.ends[b - 1])
    if _agentless_passive(sent, a, b):
        return None  # "the senator is seen as ...": the subject is judged, not judging
    att = x.cues.verb(sent, a, True, earlier)
    if att is not None and att.source is not None and att.content is not None:
        i, j = sent.index_at(att.source[0]), sent.index_at(att.source[1] - 1)
        if _pronoun_subject(sent, i, j, a):
            # No other subject is possible: the source tagger need not run.
            return Attribution(att.source, cue, att.content, att.quote, att.kind)
    sources = tag_sources()
    src_runs = [r for r in runs([x > 0 for x in sources]) if r[1] <= a or r[0] >= b]
    if att is not None and att.source is not None and att.content is not None:
        # For a cue the rules did not find themselves, their subject is often wrong
        # (a third of the time on the dev split): it stands when the source tagger
        # agrees on one of its tokens, or when the tagger's source lies outside the
        # verb's clause ("He decided to back it as the police said ..."); else the
        # tagger's own source, or none.
        if max(sources[i : j + 1], default=-1.0) > 0 or _other_clause(
            x.lex, sent, src_runs, i, j, a
        ):
            return Attribution(att.source, cue, att.content, att.quote, att.kind)
        sure = True  # the cue stands; only its subject was in doubt
    # A cue inside what an earlier attribution reports ("Tory sources say senior figures
    # had argued ...") has its own subject: never that attribution's speaker.
    outer = [
        y.source
        for y in earlier
        if y.source and y.content and y.content[0] <= cue[0] < y.content[1]
    ]
    if outer:
        kept = []
        for r in src_runs:
            lo, hi = r
            for o in outer:
                if sent.starts[lo] < o[1] and o[0] < sent.ends[hi - 1]:
                    hi = lo  # the run holds the other speaker: keep what comes before it
                    while hi < r[1] and sent.starts[hi] < o[0]:
                        hi += 1
            while hi > lo and (
                not sent.words[hi - 1][:1].isalnum() or sent.lowers[hi - 1] in W.LEFT_BOUNDARY
            ):
                hi -= 1
            if hi > lo:
                kept.append((lo, hi))
        if kept != src_runs:
            sure = True  # the tagger found a source, only the wrong one: the cue stands
        src_runs = kept
    if not src_runs:
        return sourceless(x, sent, a, b) if sure else None
    left = [r for r in src_runs if r[1] <= a]
    r = left[-1] if left else src_runs[0]
    if all(
        not w[0].isalnum() or (low in W.FUNCTION_CAPS and low not in W.PRONOUNS)
        for w, low in zip(sent.words[r[0] : r[1]], sent.lowers[r[0] : r[1]], strict=True)
    ):
        # A source is a name, a noun or a pronoun: not "An", not "The".
        return sourceless(x, sent, a, b) if sure else None
    span = (r[0], r[1] - 1)
    if r[1] <= a:
        content = x.contents.span_to_end(sent, b)
        if content is None or content[1] - content[0] < 2:
            content = x.contents.span_before(sent, r[0]) if r[0] > 0 else None
    else:
        content = x.contents.span_before(sent, a)
    source = (sent.starts[span[0]], sent.ends[span[1]])
    return x.cues.make(source, cue, content, sent, span)


# Words that open a new clause between a source and a verb.
_CLAUSE_BREAKS = frozenset(
    "as because while when whereas that after before since although though if and but".split()
)


def _other_clause(lex: Lexicon, sent: Sentence, src_runs, i: int, j: int, a: int) -> bool:
    """The rules' subject ``i..j`` stands right before the verb at ``a`` and the source
    tagger's nearest source on the left is across a clause opener or another cue from
    it ("as the police said", "Mr Howard said the police had said")."""
    left = [r for r in src_runs if r[1] <= a]
    if not left or j >= a or any(w[:1].isalnum() for w in sent.lowers[j + 1 : a] if w not in W.AUX):
        return False
    r = left[-1]
    return r[1] <= i and any(
        w in _CLAUSE_BREAKS or w in lex.reporting or w in lex.stance for w in sent.lowers[r[1] : i]
    )


def _pronoun_subject(sent: Sentence, i: int, j: int, a: int) -> bool:
    """The rules' subject is a personal pronoun right before the verb ("something he
    says will help"): nothing else can be its subject."""
    return (
        i == j
        and sent.lowers[i] in W.PRONOUNS
        and sent.lowers[i] not in ("it", "you")
        and all(w in W.AUX for w in sent.lowers[j + 1 : a])
    )


def sourceless(x: Reading, sent: Sentence, a: int, b: int) -> Attribution:
    """A tagged cue whose source neither the rules nor the source tagger can find
    ("Both have promised to ..."): kept as a cue of kind ``unknown``, which the source
    audit does not list and no sourcing rule treats as unsourced (the source is there,
    only not found)."""
    cue = (sent.starts[a], sent.ends[b - 1])
    return Attribution(None, cue, x.contents.span_to_end(sent, b), False, UNKNOWN)


def _title_case(words: list[str]) -> bool:
    """A headline in title case ("Trump Says Talks Failed"): most words capitalised."""
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 3 and sum(w[:1].isupper() for w in alpha) * 3 >= len(alpha) * 2


_BE = frozenset("is are was were be been being".split())
# Participles of judging and saying that do not end in -ed or -en.
_IRREGULAR = frozenset("thought held said told felt found known seen".split())


def _agentless_passive(sent: Sentence, a: int, b: int) -> bool:
    """The tagged cue is a passive with no agent after it ("is seen as", "was thought
    to"): its subject is what the claim is about, not who makes it."""
    lowers = sent.lowers
    while b - a > 2 and lowers[b - 1] in W.LEFT_BOUNDARY:
        b -= 1  # "was criticized for": the participle before the preposition
    last = lowers[b - 1]
    if a > 0 and lowers[a] not in _BE and lowers[a - 1] in _BE:
        a -= 1  # "he was | told he would be released": the tagger took the participle alone
    if lowers[a] not in _BE or b - a < 2:
        return False
    if not (last.endswith(("ed", "en")) or last in _IRREGULAR):
        return False
    return not (b < len(lowers) and lowers[b] == "by")
