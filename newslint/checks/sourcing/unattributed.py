"""``sourcing.unattributed``: a quotation or a claim with no source in or near its
sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from newslint.attribution import attributions, speech_like
from newslint.attribution.lexicon import lexicon
from newslint.attribution.speakers import whole_utterance
from newslint.checks.sourcing.claims import sourced_blocks, unsourced_claims, unsourced_fragment
from newslint.checks.sourcing.context import Spans, sentences_of
from newslint.checks.sourcing.vague import vague_attributions
from newslint.document import Document
from newslint.finding import Hit
from newslint.windows import local

# Claims a reader needs a source for (issue 4): estimates and statistics, accusations
# of wrongdoing, predictions, characterisations. The legal "alleged(ly)" already
# attributes an accusation, so a sentence carrying it is left alone.
_CLAIMS = re.compile(
    r"\b(?:an\s+)?estimated\s+\d|\bestimates?\s+(?:that|of)\b|\b(?:is|are|was|were)\s+estimated\b"
    r"|\b(?:corrupt(?:ion)?|fraud(?:ulent)?|bribe(?:s|ry|d)?|embezzle\w*|kickbacks?|cover[\s-]up|"
    r"lied|liars?|rigged|extort\w*|racists?|bigot(?:s|ed)?|war\s+crimes?|genocide|atrocit(?:y|ies)|"
    r"illegally|unlawfully|cheated|stole|money\s+laundering|abused|tortured|massacred?)\b"
    r"|\b(?:is|are|was|were)\s+(?:likely|unlikely|certain|bound)\s+to\b"
    r"|\bwill\s+(?:almost\s+certainly|probably|likely|inevitably|surely)\b"
    r"|\b(?:most|the\s+(?:biggest|largest|worst|best|greatest|deadliest))\s+\w+\s+(?:ever|in\s+history)\b",
    re.IGNORECASE,
)
# Every alternative of _CLAIMS holds one of these (lower case): a substring test per
# sentence skips the regex, whose IGNORECASE alternation tries every position.
_CLAIM_TRIGGERS = (
    "estimat corrupt fraud brib embezzl kickback cover lied liar rigged extort racist bigot "
    "crime genocide atrocit illegally unlawfully cheated stole laundering abused tortured "
    "massacre likely certain bound will ever history"
).split()


def _claim(sentence: str) -> re.Match[str] | None:
    """``_CLAIMS.search(sentence)``, after a cheap test that it can match at all."""
    low = sentence.lower()
    if not any(t in low for t in _CLAIM_TRIGGERS):
        return None
    return _CLAIMS.search(sentence)


_LEGAL = re.compile(
    r"\balleg(?:ed|edly|ations?|es)\b|\baccused\s+of\b|\bcharged\s+with\b|\bconvicted\b|"
    r"\bpleaded\b|\bfound\s+guilty\b|\bsentenced\b|\bdenie[sd]\b|\bdeny\b|\binvestigat\w+\b",
    re.IGNORECASE,
)


def _near(doc: Document, attributed: set[int], k: int) -> bool:
    """An attribution in sentence ``k`` or a neighbour in the same block."""
    if k in attributed:
        return True
    block = doc.block_at(doc.sentences[k][0])
    for j in (k - 1, k + 1):
        if 0 <= j < len(doc.sentences) and j in attributed:
            if doc.block_at(doc.sentences[j][0]) is block:
                return True
    return False


def _introduced(doc: Document, k: int) -> bool:
    """The sentence before ends with a colon or a cue: 'She put it this way:'."""
    if k == 0:
        return False
    s, e = doc.sentences[k - 1]
    tail = doc.text[s:e].rstrip()
    return tail.endswith(":") or bool(_says_at_end().search(tail))


@lru_cache(maxsize=1)
def _says_at_end() -> re.Pattern[str]:
    """A cue that ends its sentence with no content after it ("Smith said:", "she
    wrote") introduces what follows; with a full stop it closes a paraphrase ("..., Smith
    said."), which does not carry a new quotation."""
    forms = lexicon().finite("say", "add", "continue", "explain", "write")
    return re.compile(rf"\b(?:{'|'.join(forms)}):?$")


def _cue_outside_quotes(doc: Document, k: int) -> bool:
    """A reporting verb in sentence ``k`` outside its quotations (one the extractor missed)."""
    s, e = doc.sentences[k]
    pattern = lexicon().cue_pattern
    for m in pattern.finditer(doc.text, s, e):
        if not doc.in_quote(m.start()):
            return True
    return False


def _inline_tail(doc: Document, q: tuple[int, int]) -> bool:
    """Words follow the quotation in its last sentence: an attribution after it."""
    s, e = doc.sentences[doc.sentence_at(q[1] - 1)]
    tail = doc.text[q[1] : max(e, q[1])]
    return any(c.isalpha() for c in tail)


@local
def unattributed(doc: Document, options: dict) -> Iterator[Hit]:
    """sourcing.unattributed: a quotation or a claim with no source in or near its sentence."""
    # One analysis: a quotation is attributed when the attribution analysis gives it a
    # speaker, by its own cue or as a continuation a reader can follow
    # (attribution.speakers.reader_speaker); it is flagged only when it gives none.
    found = attributions(doc)
    own = [a for a in found if not a.continued]
    covered = Spans(a.content for a in found if a.content)
    quote_attributed = sentences_of(doc, own)
    sourced = sourced_blocks(doc)
    text = doc.text
    hits: list[Hit] = []
    flagged: set[int] = set()
    for q in doc.quotes:
        block = doc.block_at(q[0])
        if block is None or block.kind == "heading" or block.blockquote:
            continue
        if q[0] in covered or (q[0] > 0 and doc.in_quote(q[0] - 1)):
            # Attributed; or inside a quotation, or right after one: BBC copy opens each
            # sentence of a speech with its own mark ('"A. "B."'), and one tag serves all.
            continue
        k = doc.sentence_at(q[0])
        s, e = doc.sentences[k]
        if text[s : q[0]].strip(" \t([—–-"):
            # Quoted words inside the reporter's sentence ('called the plan "reckless"'):
            # someone said them, and with no source in the sentence or its paragraph the
            # reader cannot tell who.
            if k not in quote_attributed and unsourced_fragment(doc, q, sourced):
                flagged.add(k)
                hits.append(Hit(q[0], q[1], "Quoted words with no speaker: say who said them."))
            continue
        if not (speech_like(text, q, doc) or whole_utterance(doc, q)):
            continue
        # Shapes that may hold a tag the analysis did not read, left alone:
        if _inline_tail(doc, q):
            continue  # '"...," he surmised.': the sentence goes on after the quotation
        if text[max(q[0] - 3, 0) : q[0]].strip().endswith(":"):
            continue  # introduced by its speaker: 'Smith: "..."', 'she put it this way: "..."'
        if k in quote_attributed or _cue_outside_quotes(doc, k) or _introduced(doc, k):
            continue
        flagged.add(k)
        hits.append(Hit(q[0], q[1], "Quotation with no speaker: say who said it."))
    if options.get("claims", True):
        for start, end, message, level in unsourced_claims(doc, flagged | _vague_sentences(doc)):
            hits.append(Hit(start, end, message, level=level))
    hits.sort(key=lambda h: h.start)
    yield from hits


def _vague_sentences(doc: Document) -> set[int]:
    """Sentences sourcing.vague reports: their source is there, only unidentifiable."""
    return {doc.sentence_at(span[0]) for _a, span in vague_attributions(doc)}
