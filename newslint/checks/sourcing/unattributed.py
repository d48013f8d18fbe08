"""``sourcing.unattributed``: a quotation or a claim with no source in or near its
sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from newslint.attribution import Attribution, attributions, speech_like
from newslint.attribution.lexicon import lexicon
from newslint.checks.sourcing.claims import sourced_blocks, unsourced_claims, unsourced_fragment
from newslint.checks.sourcing.context import Spans, sentences_of
from newslint.checks.sourcing.vague import vague_attributions
from newslint.document import Document, per_document
from newslint.finding import Hit

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


# Openers of a sentence that points back at the quotation before it: '"..." That was
# the message from the union leader, who said ...'.
_CLOSE_QUOTES = "\"”’'»"
_POINTS_BACK = frozenset("that this those these such so".split())


@lru_cache(maxsize=1)
def _added() -> frozenset[str]:
    """Cues that carry the quotation before them when they come just after it ("..., he
    added", "he went on")."""
    return frozenset([*lexicon().finite("add", "continue"), "went"])


def _quoted_sentence(doc: Document, k: int) -> bool:
    """Sentence ``k`` is quoted speech: it opens with, or inside, a quotation."""
    s, e = doc.sentences[k]
    text = doc.text[s:e]
    start = s + len(text) - len(text.lstrip())
    return start < e and doc.in_quote(start)


def _whole_utterance(doc: Document, q: tuple[int, int]) -> bool:
    """A short quotation that is a whole sentence of its own, closed inside the marks
    ('"Absolutely."', '"No!"'): an utterance, however short, not a title or a scare quote."""
    s, e = doc.sentences[doc.sentence_at(q[0])]
    inner = doc.text[q[0] + 1 : q[1] - 1].rstrip()
    return (
        q[0] <= s + 1
        and not doc.text[q[1] : e].strip()
        and inner[-1:] in (".", "!", "?")
        and any(c.isalpha() for c in inner)
    )


def _split_tag(doc: Document, start: int, speakers: list[Attribution]) -> bool:
    """The sentence at ``start`` opens with the tag of the quotation before it, which the
    splitter cut off after its "?" or "!" ('"Who are they?" Smith said of the firm, ...')."""
    head = doc.text[max(start - 6, 0) : start].rstrip().rstrip(_CLOSE_QUOTES)
    if head[-1:] not in ("?", "!") and not doc.text[start : start + 1].islower():
        return False
    return any(a.source[0] - start <= 60 and a.cue[0] > a.source[0] for a in speakers)  # type: ignore[index]


@per_document
def _speaker_sentences(doc: Document) -> dict[int, list[Attribution]]:
    """Sentence index -> the attributions with a source and a cue of their own there."""
    out: dict[int, list[Attribution]] = {}
    for a in attributions(doc):
        if a.source and a.cue and not a.continued and not doc.in_quote(a.cue[0]):
            out.setdefault(doc.sentence_at(a.cue[0]), []).append(a)
    return out


def _speaker_near(doc: Document, first: int, last: int) -> bool:
    """A speaker the reader can see for the quotation in sentences ``first``..``last``.

    Read the way a reader follows a story:
    - before it: a sentence in the quotation's paragraph that names who is speaking
      ('Smith said the plan would fail. "It cannot work."'), or the speaker's own
      quotation running on into it ('"A," Smith said. "B."', 'Smith said: "A." "B."'),
      possibly through several quoted sentences or paragraphs; narration in between is
      allowed inside the quotation's paragraph. A new paragraph that opens with a
      quotation after a paraphrase needs its own tag, as the wire style guides ask;
    - after it, in the same paragraph: a bare tag ('"...?" he asked.'), the speaker's
      next quotation ('"A." "B," she said.'), "he added", or a sentence that points back
      at it ("That was the message from ...").
    A speaker named only after narration, or in a following paraphrase ('"A." Smith said
    the plan would fail.'), does not tell the reader who said it.
    """
    speakers = _speaker_sentences(doc)
    block = doc.block_at(doc.sentences[first][0])
    j = first - 1
    while j >= 0 and j not in speakers:
        # Back over quoted speech, and over narration inside the quotation's paragraph
        # ('"A," says Roe, 32. Roe runs a shop. "B."').
        if not (_quoted_sentence(doc, j) or doc.block_at(doc.sentences[j][0]) is block):
            break
        j -= 1
    if j >= 0 and j in speakers:
        before = doc.block_at(doc.sentences[j][0])
        if before is block or _quoted_sentence(doc, j) or any(a.quote for a in speakers[j]):
            return True
        if _split_tag(doc, doc.sentences[j][0], speakers[j]):
            return True  # '"Will we sign?" Doe asked. "Never."'
    n = last + 1
    if n >= len(doc.sentences) or n not in speakers:
        return False
    s, e = doc.sentences[n]
    if doc.block_at(s) is not doc.block_at(doc.sentences[last][0]):
        return False
    words = doc.text[s:e].split()
    if len(words) <= 6 or _quoted_sentence(doc, n) or words[0].lower() in _POINTS_BACK:
        return True
    if _split_tag(doc, s, speakers[n]):
        return True
    return any(doc.text[a.cue[0] : a.cue[1]].lower() in _added() for a in speakers[n])  # type: ignore[index]


def unattributed(doc: Document, options: dict) -> Iterator[Hit]:
    """sourcing.unattributed: a quotation or a claim with no source in or near its sentence."""
    # A quotation counts as attributed by its own cue, not by the extractor's guess at a
    # continuation speaker: whether a neighbour's speaker carries it is _speaker_near's call.
    own = [a for a in attributions(doc) if not a.continued]
    covered = Spans(a.content for a in own if a.content)
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
            continue  # attributed, or a quotation inside a quotation
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
        if not (speech_like(text, q, doc) or _whole_utterance(doc, q)):
            continue
        if _inline_tail(doc, q):
            continue  # '"...," he surmised.': the sentence goes on after the quotation
        if text[max(q[0] - 3, 0) : q[0]].strip().endswith(":"):
            continue  # introduced by its speaker: 'Smith: "..."', 'she put it this way: "..."'
        if k in quote_attributed or _cue_outside_quotes(doc, k) or _introduced(doc, k):
            continue
        if _speaker_near(doc, k, doc.sentence_at(q[1] - 1)):
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
