"""The second pass: a speaker for quotations that carry no cue of their own
(continuation paragraphs, '"A," he said. "B."'). Pronouns are resolved in
:mod:`newslint.attribution.pronouns`."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from newslint.attribution.base import UNKNOWN, Attribution, Span
from newslint.attribution.contents import speech_like
from newslint.attribution.lexicon import lexicon
from newslint.attribution.mentions import (
    PERSON,
    mentions,
)
from newslint.document import Document


def continue_quotations(doc: Document, found: list[Attribution]) -> list[Attribution]:
    """Give a speaker to the quotations that carry no cue of their own, where a reader
    can tell who is speaking (:func:`reader_speaker`); the others stay unattributed,
    and ``sourcing.unattributed`` flags exactly those."""
    covered = sorted(a.content for a in found if a.content)
    cov_starts = [c[0] for c in covered]
    cov_reach = list(accumulate((c[1] for c in covered), max))  # furthest end so far
    out = list(found)
    speakers: dict[int, list[Attribution]] | None = None  # built for the first quotation
    text = doc.text
    for q in doc.quotes:
        k = bisect_right(cov_starts, q[0])
        if (k and cov_reach[k - 1] > q[0]) or (k < len(covered) and cov_starts[k] < q[1]):
            continue  # some content holds the quotation's start, or starts inside it
        if nested_quote(doc, q):
            continue  # a quotation inside a quotation
        first = doc.sentence_at(q[0])
        lead = text[doc.sentences[first][0] : q[0]].strip(" \t([—–-")
        if lead and not lead.endswith(":"):
            continue  # quoted words inside the reporter's sentence, not a quotation of its own
        if not (speech_like(text, q, doc) or whole_utterance(doc, q)):
            continue
        last = doc.sentence_at(q[1] - 1)
        if speakers is None:
            speakers = speaker_sentences(doc, found)
        speaker = _tag_after(speakers.get(last, ()), q) or reader_speaker(
            doc, speakers, first, last
        )
        if speaker is not None:
            out.append(
                Attribution(speaker.source, None, q, True, speaker.kind, speaker.resolved, True)
            )
    return out


def _tag_after(here, q: Span) -> Attribution | None:
    """The tag that follows the quotation in its own sentence ('"...," Mr Walsh told AP
    news agency on Wednesday.'), when the analysis read its content as something else."""
    for a in here:
        if a.cue[0] >= q[1]:  # type: ignore[index]
            return a
    return None


def nested_quote(doc: Document, q: Span) -> bool:
    """``q`` lies inside another quotation (not merely right after one: BBC copy opens
    each quoted sentence of a speech with its own mark, '"A. "B."')."""
    if q[0] == 0 or not doc.in_quote(q[0] - 1):
        return False
    k = bisect_right(doc._quote_starts, q[0] - 1) - 1
    outer = doc.quotes[k]
    return outer != q and outer[1] >= q[1]


def speaker_sentences(doc: Document, found: list[Attribution]) -> dict[int, list[Attribution]]:
    """Sentence index -> the attributions with a source and a cue of their own there,
    outside quotations, in order."""
    out: dict[int, list[Attribution]] = {}
    for a in sorted(found, key=lambda a: (a.cue or (0, 0))[0]):
        if a.source and a.cue and not a.continued and not doc.in_quote(a.cue[0]):
            out.setdefault(doc.sentence_at(a.cue[0]), []).append(a)
    return out


def reader_speaker(
    doc: Document, speakers: dict[int, list[Attribution]], first: int, last: int
) -> Attribution | None:
    """The speaker a reader sees for a quotation in sentences ``first``..``last``, or None.

    Read the way a reader follows a story:
    - before it: a sentence in the quotation's paragraph, or in the paragraph just before
      it, that names who is speaking ('Smith said the plan would fail.' / '"It cannot
      work."'; 'Mr Moeketsi accused the chiefs.' / '"These leaders know ..."'), or the
      speaker's own quotation running on into it ('"A," Smith said. "B."', 'Smith said:
      "A." "B."'), possibly through several quoted sentences or paragraphs; narration
      in between is allowed inside those two paragraphs, but a paragraph of narration
      before them ends the speaker's turn;
    - after it, in the same paragraph: a bare tag ('"...?" he asked.'), the speaker's
      next quotation ('"A." "B," she said.'), "he added", or a sentence that points back
      at it ("That was the message from ...").
    A speaker named only after narration, or in a following paraphrase ('"A." Smith said
    the plan would fail.'), does not tell the reader who said it. (Published copy reads
    this way: an editor judged 44 of 46 such flags on quotations after a speaker named
    in the paragraph before as noise.)
    """
    block = doc.block_at(doc.sentences[first][0])
    k = doc.block_index(doc.sentences[first][0])
    previous = doc.blocks[k - 1] if k is not None and k > 0 else None
    caption = None
    if previous is not None and previous.kind == "heading":
        # One line with no full stop between two paragraphs: a photo caption or a
        # subheading; a quotation after it may still be the speaker's before it.
        caption = previous
        before = doc.blocks[k - 2] if k >= 2 else None
        previous = before if before is not None and before.kind != "heading" else None
    if (
        first > 0
        and first - 1 not in speakers
        and doc.block_at(doc.sentences[first - 1][0]) is block
    ):
        tagged = _tagged_quotation_before(doc, first - 1)
        if tagged is not None:
            return tagged
    j = first - 1
    chain = block  # the earliest paragraph of quoted speech walked back through
    while j >= 0 and j not in speakers:
        # Back over the quotation's paragraph and the one before, and over quoted speech
        # further back ('"A," says Roe, 32. Roe runs a shop. "B."').
        here = doc.block_at(doc.sentences[j][0])
        if here is caption and caption is not None:
            j -= 1
            continue
        if not (here is block or here is previous or quoted_sentence(doc, j)):
            break
        if quoted_sentence(doc, j) and here is not block:
            chain = here
        if here is previous and not quoted_sentence(doc, j):
            # Narration in the paragraph before: its speaker, if any, is in that
            # paragraph, or, when it only goes on about someone ('She has already been
            # forced to sell her field.'), in the paragraph before that.
            while j >= 0 and j not in speakers and doc.block_at(doc.sentences[j][0]) is here:
                j -= 1
            if (
                j >= 0
                and doc.block_at(doc.sentences[j][0]) is not here
                and _about_someone(doc, here)
            ):
                earlier = doc.block_at(doc.sentences[j][0])
                while j >= 0 and j not in speakers and doc.block_at(doc.sentences[j][0]) is earlier:
                    j -= 1
                if j >= 0 and doc.block_at(doc.sentences[j][0]) is earlier:
                    previous = earlier
            if j < 0 or doc.block_at(doc.sentences[j][0]) is not previous:
                j = -1
            break
        j -= 1
    if j >= 0 and j in speakers:
        here = speakers[j]
        before = doc.block_at(doc.sentences[j][0])
        if before is previous and not quoted_sentence(doc, j) and here[-1].kind in _FACELESS:
            return None  # 'Critics say ...' / '"This is the worst decision."': said by whom?
        if before is block or before is previous or quoted_sentence(doc, j):
            return here[-1]
        if chain is not block and _just_before(doc, before, chain):
            return here[-1]  # 'Ahmed said:' / '"A ...' / '"B ...': paragraphs of one quotation
        if any(a.quote for a in here):
            return here[-1]
        if _split_tag(doc, doc.sentences[j][0], here):
            return here[-1]  # '"Will we sign?" Doe asked. "Never."'
    n = last + 1
    if n >= len(doc.sentences) or n not in speakers:
        return _named_subject(doc, block, first)
    s, e = doc.sentences[n]
    if doc.block_at(s) is not doc.block_at(doc.sentences[last][0]):
        return _named_subject(doc, block, first)
    here = speakers[n]
    words = doc.text[s:e].split()
    if len(words) <= 6 or quoted_sentence(doc, n) or words[0].lower() in _POINTS_BACK:
        return here[0]
    if _split_tag(doc, s, here):
        return here[0]
    added = _added()
    for a in here:
        if doc.text[a.cue[0] : a.cue[1]].lower() in added:  # type: ignore[index]
            return a
    return _named_subject(doc, block, first)


# Sources that name nobody: a quotation in the next paragraph is not theirs to a reader.
_FACELESS = frozenset(("vague", "none", "unknown"))


def _tagged_quotation_before(doc: Document, k: int) -> Attribution | None:
    """Sentence ``k`` is a quotation, perhaps after a lead-in ('Early on, "..."'), with
    words after it in its sentence (a tag the analysis could not read: '"...," the email
    began.', '"...," the report states.'), or a
    short question that introduces what follows ('The tagline?'): the reader takes the
    next quotation as the same speaker's, or as the answer."""
    s, e = doc.sentences[k]
    text = doc.text[s:e].rstrip()
    if text.endswith("?") and len(text.split()) <= 4 and not doc.in_quote(s):
        return Attribution(None, None, None, False, UNKNOWN)  # the audit lists no speaker
    q = bisect_right(doc._quote_starts, e - 1) - 1  # the sentence's last quotation
    if q < 0 or doc.quotes[q][0] < s or doc.quotes[q][1] >= e:
        return None
    lead = doc.text[s : doc.quotes[q][0]].rstrip()
    if lead and not lead.endswith(","):
        return None  # a quoted phrase inside narration ('The plan was called "a mess" ...')
    tail = doc.text[doc.quotes[q][1] : e]
    if not any(c.isalpha() for c in tail):
        return None
    words = tail.strip(" ,.;").split()
    if not words or len(words) > 6:
        return None
    start = doc.quotes[q][1] + (len(tail) - len(tail.lstrip(" ,")))
    return Attribution((start, e), None, None, False, "named-person")


def _named_subject(doc: Document, block, first: int) -> Attribution | None:
    """The person the sentence just before the quotation, in its own paragraph, opens
    with ('Charles Schultze, chairman of the council, once summed up the danger with a
    metaphor. "It is not so much ..."'): the reader takes the words for theirs."""
    k = first - 1
    if k < 0 or doc.block_at(doc.sentences[k][0]) is not block:
        return None
    s, _e = doc.sentences[k]
    for m in mentions(doc, lexicon()).in_sentence(k):
        if m.full > s + 1:
            break
        if m.type == PERSON:
            return Attribution((m.full, m.end), None, None, False, "named-person")
    return None


_PRONOUN_OPENERS = ("He ", "She ", "They ", "His ", "Her ", "Their ")


def _about_someone(doc: Document, block) -> bool:
    """The paragraph opens with a pronoun: it goes on about someone already named."""
    return doc.text.startswith(_PRONOUN_OPENERS, block.start)


def _just_before(doc: Document, first, second) -> bool:
    """Block ``first`` is the block right before ``second``."""
    k = doc.block_index(second.start) if second is not None else None
    return k is not None and k > 0 and doc.blocks[k - 1] is first


# Openers of a sentence that points back at the quotation before it: '"..." That was
# the message from the union leader, who said ...'.
_POINTS_BACK = frozenset("that this those these such so".split())
_CLOSE_QUOTES = "\"”’'»"


@lru_cache(maxsize=1)
def _added() -> frozenset[str]:
    """Cues that carry the quotation before them when they come just after it ("..., he
    added", "he went on")."""
    return frozenset([*lexicon().finite("add", "continue"), "went"])


def quoted_sentence(doc: Document, k: int) -> bool:
    """Sentence ``k`` is quoted speech: it opens with, or inside, a quotation."""
    s, e = doc.sentences[k]
    text = doc.text[s:e]
    start = s + len(text) - len(text.lstrip())
    return start < e and doc.in_quote(start)


def whole_utterance(doc: Document, q: Span) -> bool:
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
