"""Attribution extraction: who said what, the way an editor reads a story.

A rule-based extractor over a :class:`~newslint.document.Document`. Each
:class:`Attribution` holds a source span (or ``None``), a cue span (the reporting
verb, "according to", or ``None`` for a continued quotation), a content span, whether
the content is a direct quotation, and the source's kind.

The method, chosen by measurement against the PolNeAR training annotations (see
``bench/attribution.py``): a cheap trie regex over the text finds candidate cues from
the verb lexicon (``rules/sourcing/cues.txt`` and ``stance.txt``); only sentences with
a candidate or a quotation are tokenised. Token rules then find the subject on the
left of the verb (skipping auxiliaries, adverbs and appositives) or, for an inverted
cue ('"...," said Smith'), on its right; the content is the clause or quotation on
the other side. A second pass hands unattributed quotations to a neighbouring
speaker (continuation paragraphs, '"A," he said. "B."') and resolves pronouns to
the last compatible named source. Passive constructions with no agent ("it is
believed", "has been well documented") become attributions with ``source=None``.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress

from newslint.attribution import model as attribution_model
from newslint.attribution import settings
from newslint.attribution import words as W
from newslint.attribution.base import Attribution, Span, overlaps_any
from newslint.attribution.contents import Contents
from newslint.attribution.cues import RuleCues, candidates, no_source_matches, no_source_triggers
from newslint.attribution.lexicon import lexicon
from newslint.attribution.pronouns import resolve_pronouns
from newslint.attribution.speakers import continue_quotations
from newslint.attribution.tagger import model_pass
from newslint.attribution.tokens import Sentence, Tokens
from newslint.document import Document, per_document


@per_document
def attributions(doc: Document) -> list[Attribution]:
    """All attributions in ``doc``, in document order (computed once per document)."""
    return Extractor(doc).run()


class Extractor:
    """One document's analysis: the gate, the tokens, then cues, subjects and contents
    by rule, the tagger's pass, and the second pass over quotations and pronouns."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        self.quotes = doc.quotes
        self.contents = Contents(doc)
        self.cues = RuleCues(doc, self.lex, self.contents)
        self.tokens = Tokens(doc.text, self._active_sentences())
        self._sentences: dict[int, Sentence] = {}

    def _active_sentences(self) -> list[Span] | None:
        """The sentences worth tokenising: those holding a word that can start a cue.

        A C-speed word-set test per sentence (lower case, punctuation replaced by spaces)
        against the rules' verb forms, the agentless-claim words and the words the
        tagger weighs as cues; other sentences are never tokenised or tagged.
        """
        triggers = _triggers()
        if triggers is None:
            return None
        text = self.text
        low = text.lower()
        if len(low) != len(text):
            return None  # a character changed length in lower case: tokenise everything
        for c in _PUNCT:
            if c in low:  # str.replace per mark is ~10x faster than str.translate
                low = low.replace(c, " ")
        ranges: list[Span] = []
        last = -2
        for k, (s, e) in enumerate(self.doc.sentences):
            if not triggers.isdisjoint(low[s:e].split()):
                if k == last + 1 and ranges:
                    ranges[-1] = (ranges[-1][0], e)  # neighbours: one regex call for both
                else:
                    ranges.append((s, e))
                last = k
        return ranges

    def sentence(self, start: int, end: int) -> Sentence:
        """The tokens of one sentence, sliced once for both passes."""
        sent = self._sentences.get(start)
        if sent is None:
            sent = self._sentences[start] = Sentence(self.tokens, start, end)
        return sent

    def any_sentence(self, start: int, end: int) -> Sentence:
        """The tokens of a sentence the gate may have skipped: tokenised on its own, so
        the document's token stream (which the tagger reads) stays as the gate made it."""
        a, b = self.tokens.range(start, end)
        if b > a:
            return self.sentence(start, end)
        return Sentence(Tokens(self.text, [(start, end)]), start, end)

    def quoted_ranges(self) -> list[tuple[int, int]]:
        """Token index ranges inside quotations (a token counts by its first character)."""
        rng = self.tokens.range
        return [rng(a, b) for a, b in self.quotes]

    def run(self) -> list[Attribution]:
        found: list[Attribution] = []
        toks = self.tokens
        starts = toks.starts
        cands = candidates()
        cue_hits = [
            starts[i] for i in compress(range(len(starts)), map(cands.__contains__, toks.lowers))
        ]
        opens = self.text.startswith
        # A cue found by its shape, not a verb: "In a new poll, ...". It joins after the
        # tagger, which scores "in" low and would veto it. (Speaker labels "Smith: ..."
        # and "in Smith's view" were tried: precise on the dev split they were tuned on,
        # 21 of 39 and 2 of 6 on the training split, so not kept.)
        shaped: list[Attribution] = []
        for s, e in self.doc.sentences:
            if opens("In ", s):
                att = self.cues.in_document(self.any_sentence(s, e))
                if att is not None:
                    shaped.append(att)
            a = bisect_left(cue_hits, s)
            if a < len(cue_hits) and cue_hits[a] < e:
                found.extend(self.cues.in_sentence(self.sentence(s, e)))
        taken = sorted(x.cue for x in found if x.cue)
        taken_starts = [c[0] for c in taken]
        for m in no_source_matches(self.text, self.tokens):
            if self.doc.in_quote(m.start()) or overlaps_any(
                (m.start(), m.end()), taken, taken_starts
            ):
                continue
            found.append(self.cues.no_source(m))
        if settings.USE_MODEL:
            found = model_pass(self, found)
        if shaped:
            cues = sorted(x.cue for x in found if x.cue)
            starts = [c[0] for c in cues]
            found += [x for x in shaped if not overlaps_any(x.cue, cues, starts)]
        found.sort(key=lambda x: (x.cue or x.content or (0, 0))[0])
        found = continue_quotations(self.doc, found)
        found.sort(key=lambda x: (x.cue or x.content or (0, 0))[0])
        return resolve_pronouns(self.doc, self.lex, found)


_PUNCT = ".,;:!?\"“”‘’'()[]{}—–-/…«»"


_FUNCTION = W.DETERMINERS | W.PRONOUNS | W.AUX | W.LEFT_BOUNDARY | W.FUNCTION_CAPS | {"to"}


def _triggers() -> frozenset[str] | None:
    if settings.GATE is None:
        return None
    return _trigger_words(settings.GATE if settings.USE_MODEL else None)


@lru_cache(maxsize=4)
def _trigger_words(gate: float | None) -> frozenset[str]:
    words = set(candidates()) | no_source_triggers()
    m = attribution_model.model() if gate is not None else None
    if m is not None:
        # Function words weigh high inside multiword cues ("the question of", "went to")
        # but are in every sentence: only content words open the gate.
        words |= {w for w in m.cue.cue_words(gate) if w.isalpha() and w not in _FUNCTION}
    return frozenset(words)
