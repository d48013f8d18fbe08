"""Sourcing rules over the attribution extractor: vague, anonymous, weasel, unattributed.

Every rule reads the one attribution analysis of the document
(:func:`newslint.checks.attribution.attributions`) and never fires inside quoted
speech: a speaker's own words are not the reporter's sourcing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from newslint.checks import Hit
from newslint.checks import attribution_words as W
from newslint.checks.attribution import UNKNOWN, Attribution, attributions, speech_like
from newslint.checks.attribution_kind import doc_words
from newslint.checks.attribution_lexicon import lexicon
from newslint.checks.weasel import PHRASES, sourced_sentences, weasel_hits
from newslint.document import Document, word_spans

# Agentless cues that hide who holds a view ("it is believed"); a prediction ("is
# expected to") or the legal "alleged" is not a vague source.
_VAGUE_PASSIVE = re.compile(
    r"believed|said|thought|reported|claimed|rumou?red|understood|feared|suggested|argued|"
    r"assumed|speculated|documented|reports|claims|suggestions|rumou?rs|one\s+view|reportedly",
    re.IGNORECASE,
)
# Groups that belong to an organisation named nearby ("The ministry ... Officials said").
_AFFILIATED = frozenset("officials sources aides diplomats spokesmen insiders".split())
# Words before the group that place it apart from that organisation: another level of
# government ("The agency ... federal officials said") or no longer anyone's voice
# ("former officials").
_PLACED = frozenset(
    "former ex retired city state federal local county municipal regional provincial".split()
)


def _base_word(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s")


def _span_text(doc: Document, span: tuple[int, int]) -> str:
    return doc.text[span[0] : span[1]]


def _hit_span(a: Attribution) -> tuple[int, int]:
    """Source and cue together when adjacent ("critics say"), else the cue."""
    if a.source and a.cue:
        s, e = min(a.source[0], a.cue[0]), max(a.source[1], a.cue[1])
        if e - s <= 80:
            return s, e
    return a.cue or a.source or a.content  # type: ignore[return-value]


_ORG_MENTION = re.compile(r"\b(?:[A-Z][\w&'’-]*\s+)+[A-Z][\w&'’-]+")


def _named_near(doc: Document, found: list[Attribution], pos: int) -> bool:
    """An organisation is named in this sentence or the one before, or speaks there."""
    k = doc.sentence_at(pos)
    lex = lexicon()
    for j in (k - 1, k):
        if j < 0:
            continue
        s, e = doc.sentences[j]
        # In the group's own sentence only a name before it can own it; one after it is
        # what the claim is about ("Officials say the gunman worked for Acme Security Inc").
        for m in _ORG_MENTION.finditer(doc.text, s, pos if j == k else e):
            # An organisation's name, not any capitals: datelines ("WASHINGTON"), headline
            # lines, the listener ("told POLITICO") and acronyms that are only the topic
            # ("as the FBI looks into ...") do not say whose officials speak.
            if _base_word(m.group().split()[-1]) in lex.organisations:
                return True
    for a in found:
        # Only an organisation can own "officials" or "sources"; a named person nearby
        # ("Smith said ... Officials said") does not identify them.
        if a.source and a.kind == "named-organisation" and not a.continued:
            j = doc.sentence_at(a.source[0])
            if k - 1 <= j < k or (j == k and a.source[0] < pos):
                return True
    return False


# "Neither Mr. Comey nor other officials", "They and their supporters": the group shares
# the claim with a named speaker, who carries it.
_COORDINATED = re.compile(
    r"(?:\b(?:he|she|they|we|I)|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+(?:and|nor|or)\s+$"
)
# A group the story has already identified: "some of the women", "many of you".
_PARTITIVE = re.compile(
    r"^(?:some|many|most|several|few|all|none|each|two|three)\s+of\s+"
    r"(?:the|these|those|you|us|them|it|this|that|whom)\b",
    re.IGNORECASE,
)
# Prepositions whose object cannot be the speaker of the verb after it ("an email to
# supporters stating", "the chorus of detractors calling"); "by" marks a passive agent.
# "than": "better than analysts expected" compares with a consensus forecast; it cites no one.
_PREPOSITIONS = frozenset(
    "to of for with from among at on about against than into onto over under".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*(?:so\s+|too\s+|as\s+)?$")


def _crowd_source(doc: Document, source: tuple[int, int]) -> bool:
    """The extractor's vague source really is an unidentified crowd speaking.

    Drops what is not: a group coordinated with a named speaker, a partitive of a group
    the story identified, the object of a preposition, and "most" as a degree word
    ("most recently", "the most telling").
    """
    text = doc.text
    s, e = source
    phrase = text[s:e]
    low = phrase.lower()
    before = text[max(doc.sentences[doc.sentence_at(s)][0], s - 60) : s]
    if _COORDINATED.search(before) or _PARTITIVE.match(phrase):
        return False
    m = _WORD_BEFORE.search(before)
    if m is not None and m.group(1).lower() in _PREPOSITIONS and not before.rstrip().endswith(","):
        if not re.search(r"according\s+to\s*$", before, re.IGNORECASE):
            return False
    words = low.split()
    if words[0] in ("the", "that’s", "that's") and "most" in words:
        return False
    if words[-1] == "most" or "times" in words:
        after = text[e : e + 20].split()
        if not after or after[0].endswith("ly") or "times" in words:
            return False
    return True


def _lexicon_cue(doc: Document, cue: tuple[int, int]) -> bool:
    """The cue holds a reporting or stance verb of the lexicon, or "according to".

    The trained tagger also marks actions and idioms as cues ("investors snapped up
    shares", "analysts will pay attention to"): a crowd doing something is not a crowd
    cited as the source of a claim.
    """
    lex = lexicon()
    words = re.findall(r"[\w'’-]+", doc.text[cue[0] : cue[1]].lower())
    if any(w in lex.reporting or w in lex.stance or w == "according" for w in words):
        return True
    if _VIEW_WORDS.intersection(words) or doc.text[cue[0] : cue[1]] == ":":
        return True  # ":" a headline's attribution ("Insiders: the plan will fail")
    # "Experts see the vote as a test": seeing as is holding a view, seeing is not.
    return bool(_SEE.intersection(words)) and _SEE_AS.match(doc.text, cue[1]) is not None


# Views and states of mind a crowd is said to hold, beyond the stance verbs of the
# lexicon: "some interpret his remarks as", "his supporters are optimistic that".
_VIEW_WORDS = frozenset(
    """
    view views viewed interpret interprets interpreted liken likens likened hail hails
    hailed optimistic pessimistic skeptical sceptical confident convinced hopeful unsure
    doubtful angry wary sure
    """.split()
)
_SEE = frozenset("see sees saw seen".split())
_SEE_AS = re.compile(r"[^.;:!?\"“”]{1,80}?\bas\b")


_BE_PASSIVE = re.compile(
    r"(?:(?:have|has|had|will|would|may|might|could|should)\s+)?"
    r"(?:is|are|was|were|be|been|being)\s+\w+(?:ed|en)\b",
    re.IGNORECASE,
)


def _not_the_speaker(doc: Document, source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """The group is not who speaks: the subject of a passive cue ("the pundits were
    asked", "call centres are expected to be used"), or a noun after a participle that
    belongs to someone else ("Despite urging to ease the peg, officials insist")."""
    text = doc.text[cue[0] : cue[1]]
    if cue[0] >= source[1]:
        if _BE_PASSIVE.match(text):
            return True
        between = doc.text[source[1] : cue[0]]
        if " " not in text and _BE_BEFORE.search(between) and text.endswith(("ed", "en")):
            return True  # the tagger's cue without its auxiliary: "campaigners have been asked"
        if not between.strip() and _PARTICIPLE_AFTER.match(doc.text, cue[1]) and " " not in text:
            # A participle describing the group: "others thought to be in the running",
            # "people accused of terrorism", "campaigners opposed to the law".
            return text.endswith("ed") or doc.text[cue[1] : cue[1] + 7].startswith(" to be")
        return False
    return cue[1] <= source[0] and text.lower().endswith("ing")


_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(r"\s+(?:of|by|to\s+be|to\s+have)\b|(?<=opposed)\s+to\b")


def _question(doc: Document, pos: int) -> bool:
    """The reporter's sentence at ``pos`` is a question ("Did the critics have a view?"):
    it asks, it attributes no claim to anyone."""
    s, e = doc.sentences[doc.sentence_at(pos)]
    tail = doc.text[s:e].rstrip()
    return tail.endswith("?") and not doc.in_quote(s + len(tail) - 1)


# -- vague crowds the extractor left out ----------------------------------------------

# Words that open a clause, after which a crowd can be the subject of its own verb.
_CLAUSE_OPENERS = frozenset(
    """
    , ; : — – ( and but while although though because that as so yet whereas since
    if when even
    """.split()
)
_CROWD_QUANTIFIERS = frozenset(
    "some many most several other numerous various multiple the his her their our".split()
)
# Words between a crowd and its verb: auxiliaries, negation, adverbs of frequency or manner.
_BETWEEN = frozenset(
    """
    have has had are is were was be been remain remains remained seem seems seemed appear
    appears appeared do does did would will could may might should must can also still now
    generally widely largely privately publicly long already often increasingly mostly
    likely even not never don't doesn't didn't aren't weren't isn't wasn't haven't hasn't
    won't wouldn't can't couldn't don’t doesn’t didn’t aren’t weren’t isn’t wasn’t haven’t
    hasn’t won’t wouldn’t can’t couldn’t
    """.split()
)
_BE_FORMS = frozenset("are is were was be been remain remains remained seem seems seemed".split())
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")


def _group_hits(text: str, skip: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Where the lexicon's vague-group words (single words) stand in ``text``, in order."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return sorted(word_spans(low, (w for w in lexicon().vague if w not in skip)))


def _modifier(doc: Document, w: str, sentence_first: bool) -> bool:
    """``w`` can describe a crowd ("legal experts", "retired officials"): a lower-case
    content word (capitalised only as the sentence's first word), not a function word,
    a verb of the lexicon, an adverb or an organisation ("party officials")."""
    low = w.lower()
    lex = lexicon()
    if not (w.isalpha() and len(w) > 2) or low.endswith("ly"):
        return False
    if not (w.islower() or (sentence_first and doc_words(doc).written_lower(low))):
        return False
    closed = _CLAUSE_OPENERS | _CROWD_QUANTIFIERS | _PREPOSITIONS | _BETWEEN
    return not (
        low in closed
        or low in W.FUNCTION_CAPS
        or low in W.DETERMINERS
        or low in lex.organisations
        or low in lex.reporting
        or low in lex.stance
    )


def _crowd_start(doc: Document, s: int, g0: int) -> int | None:
    """Where the crowd phrase ending in the group word at ``g0`` starts, when it opens
    its clause ("..., but some legal experts"), else None."""
    # Only the last few words matter: read a short window, the whole prefix only when
    # the window holds too few words to decide (a long sentence made this quadratic).
    w0 = max(s, g0 - 80)
    toks = [(m.start(), m.group()) for m in _WORD.finditer(doc.text, w0, g0)]
    if w0 > s and len(toks) < 4:
        toks = [(m.start(), m.group()) for m in _WORD.finditer(doc.text, s, g0)]
    start = g0
    i = len(toks)
    if i and _modifier(doc, toks[i - 1][1], i == 1):
        start, i = toks[i - 1][0], i - 1
    if i and toks[i - 1][1].lower() in _CROWD_QUANTIFIERS:
        start, i = toks[i - 1][0], i - 1
    if i == 0 or toks[i - 1][1].lower() in _CLAUSE_OPENERS:
        return start
    return None


# What follows a verb right after a bare "some"/"most" ("most oppose it", "several
# oppose the deal"); anything else makes the pair a noun phrase ("most state laws").
_OBJECT_STARTS = frozenset(
    "that it the a an him her them this these those his their its to whether how what".split()
)
_BARE = frozenset("some many most several others".split())
_LOOSE_LEADS = frozenset("some many most several other numerous various multiple".split())


def _noun_after_quantifier(doc: Document, cue: tuple[int, int], e: int) -> bool:
    """The word right after a bare "some"/"most" is a noun, not its verb: "some states
    remained", "most state laws" (a verb after a plural has no -s and takes an object:
    "most oppose it", "several oppose the deal")."""
    word = doc.text[cue[0] : cue[1]]
    if " " in word:
        return False
    if word.lower().endswith("s"):
        return True
    after = _WORD.search(doc.text, cue[1], e)
    nxt = after.group() if after else ""
    return not (nxt.lower() in _OBJECT_STARTS or nxt[:1].isupper())


def _bare_then_noun(doc: Document, source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """A bare quantifier source whose one-word cue right after it is a plural noun
    ("Some states remained too close to call"): after a plural a verb has no -s."""
    if doc.text[source[0] : source[1]].lower() not in _BARE or doc.text[source[1] : cue[0]] != " ":
        return False
    word = doc.text[cue[0] : cue[1]]
    return " " not in word and word.lower().endswith("s")


def _crowd_verb(doc: Document, group: str, g1: int, e: int) -> tuple[int, int] | None:
    """The reporting, stance or view word the crowd ending at ``g1`` is the subject of:
    "critics have long said", "most don't expect", "his supporters are optimistic"; the
    span runs from a "be" before it, so that a passive ("were asked") shows as one."""
    lex = lexicon()
    be_at = None
    toks = list(_WORD.finditer(doc.text, g1, e))
    for n, m in enumerate(toks[:6]):
        low = m.group().lower()
        if low in lex.reporting or low in lex.stance or low in _VIEW_WORDS:
            if low.endswith("ing") and be_at is None:
                return None  # "analysts expecting a deal": a description, not a claim
            if group in _BARE and n == 0 and _noun_after_quantifier(doc, m.span(), e):
                return None
            return (m.start() if be_at is None else be_at, m.end())
        if low not in _BETWEEN:
            return None
        if low in _BE_FORMS and be_at is None:
            be_at = m.start()
    return None


def _missed_crowds(doc: Document, found: list[Attribution]) -> list[Attribution]:
    """Vague crowds that open a clause with their own reporting, stance or view verb,
    where the extractor saw no source ("..., although most oppose it"; "some remained
    skeptical that ..."): the same claim as "critics say", whatever the tagger scored."""
    sources = _Spans(a.source for a in found if a.source)
    text = doc.text
    out = []
    # "people want", "people know": everyday talk, left to the tagger.
    for g0, g1 in _group_hits(text, skip=("people",)):
        word = text[g0:g1].lower()
        if g0 in sources or doc.in_quote(g0):
            continue
        s, e = doc.sentences[doc.sentence_at(g0)]
        start = _crowd_start(doc, s, g0)
        if start is None or start in sources:
            continue
        lead = text[start:g0].split()[:1]
        if word not in _BARE and not _LOOSE_LEADS.intersection(w.lower() for w in lead):
            # Only the loosest crowds ("most", "some economists"); "analysts expect" and
            # "investors fear" stay the tagger's call, which reads the whole sentence.
            continue
        cue = _crowd_verb(doc, word, g1, e)
        if cue is not None:
            out.append(Attribution((start, g1), cue, None, False, "vague"))
    return out


def vague_attributions(doc: Document) -> list[tuple[Attribution, tuple[int, int]]]:
    """Attributions to an unidentifiable source, with the span to report (cached)."""
    key = __name__ + ".vague"
    cached = doc.cache.get(key)
    if cached is not None:
        return cached
    found = attributions(doc)
    out = []
    for a in found + _missed_crowds(doc, found):
        if a.continued:
            continue
        if a.kind == "vague" and a.source:
            words = _span_text(doc, a.source).lower().split()
            if (
                words[-1] in _AFFILIATED
                and not _PLACED.intersection(words)
                and _named_near(doc, found, a.source[0])
            ):
                continue
            w = PHRASES.match(doc.text, a.source[0], a.cue[1]) if a.cue else None
            if w is not None and w.end() >= a.cue[1]:
                continue  # "many believe": an unsupported generalisation, style.weasel
            if a.cue and a.cue[0] - a.source[1] > 30:
                continue  # a participle far from its subject: the subject's own verb is what counts
            if not _crowd_source(doc, a.source):
                continue
            if not lexicon().vague.intersection(w.strip(".,'’") for w in words):
                continue  # "companies say": vague in the audit, but not the crowds of issue 4
        elif a.kind == "none" and a.cue:
            if not _VAGUE_PASSIVE.search(_span_text(doc, a.cue)):
                continue
            if doc.sentence_at(a.cue[0]) in sourced_sentences(doc):
                continue  # "X is believed to ..., according to his brother": sourced after all
        else:
            continue
        if a.kind == "vague" and a.cue and not _lexicon_cue(doc, a.cue):
            continue
        if a.kind == "vague" and a.cue and a.source and _bare_then_noun(doc, a.source, a.cue):
            continue
        if a.kind == "vague" and a.cue and a.source and _not_the_speaker(doc, a.source, a.cue):
            continue
        span = _hit_span(a)
        if doc.in_quote(span[0]) or _question(doc, span[0]):
            continue
        if a.source and any(b.source == a.source for b, _s in out):
            continue  # one source with two cues ("officials said she had been warned"): one finding
        out.append((a, span))
    out.sort(key=lambda item: item[1])
    doc.cache[key] = out
    return out


def vague(doc: Document, options: dict) -> Iterator[Hit]:
    """sourcing.vague: a claim attributed to a source the reader cannot identify."""
    for _a, (s, e) in vague_attributions(doc):
        phrase = doc.text[s:e]
        yield Hit(
            s, e, f"Vague source '{phrase}': name who says it, or say why they cannot be named."
        )


def anonymous(doc: Document, options: dict) -> Iterator[Hit]:
    """sourcing.anonymous: a described but unnamed source (info)."""
    for a in attributions(doc):
        if a.kind != "anonymous" or a.continued or not a.source:
            continue
        s, e = a.source
        if doc.in_quote(s):
            continue
        yield Hit(s, e, f"Anonymous source '{doc.text[s:e]}': say why they cannot be named.")


# -- weasel words --------------------------------------------------------------------


def weasel(doc: Document, options: dict) -> Iterator[Hit]:
    """style.weasel: an unsupported generalisation or an unsourced hedge (see checks.weasel)."""
    yield from weasel_hits(doc, [span for _a, span in vague_attributions(doc)])


# -- unattributed claims -------------------------------------------------------------

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


def _attributed_sentences(doc: Document, found: list[Attribution] | None = None) -> set[int]:
    """Indices of sentences that carry a cue, a source, or part of an attributed content
    (of every attribution, cached, or of those in ``found``)."""
    key = __name__ + ".attributed"
    cached = doc.cache.get(key) if found is None else None
    if cached is not None:
        return cached
    out: set[int] = set()
    for a in attributions(doc) if found is None else found:
        for span in (a.cue, a.source):
            if span:
                out.add(doc.sentence_at(span[0]))
        if a.content:
            first, last = (
                doc.sentence_at(a.content[0]),
                doc.sentence_at(max(a.content[1] - 1, a.content[0])),
            )
            out.update(range(first, last + 1))
    if found is None:
        doc.cache[key] = out
    return out


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
    return tail.endswith(":") or bool(_SAYS_AT_END.search(tail))


# A cue that ends its sentence with no content after it introduces what follows; with a
# full stop it closes a paraphrase ("..., Smith said."), which does not carry a new quotation.
_SAYS_AT_END = re.compile(r"\b(?:said|says|added|adds|continued|explained|wrote|writes):?$")


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


class _Spans:
    """Merged spans, for "is this offset inside any of them?" in log time."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def __contains__(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]


# Openers of a sentence that points back at the quotation before it: '"..." That was
# the message from the union leader, who said ...'.
_CLOSE_QUOTES = "\"”’'»"
_POINTS_BACK = frozenset("that this those these such so".split())
# Cues that carry the quotation before them when they come just after it ("..., he added").
_ADDED = frozenset("added adds continued continues went".split())


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


def _speaker_sentences(doc: Document) -> dict[int, list[Attribution]]:
    """Sentence index -> the attributions with a source and a cue of their own there (cached)."""
    key = __name__ + ".speakers"
    cached = doc.cache.get(key)
    if cached is None:
        cached = doc.cache[key] = {}
        for a in attributions(doc):
            if a.source and a.cue and not a.continued and not doc.in_quote(a.cue[0]):
                cached.setdefault(doc.sentence_at(a.cue[0]), []).append(a)
    return cached


def _speaker_near(doc: Document, first: int, last: int) -> bool:
    """A speaker the reader can see for the quotation in sentences ``first``..``last``.

    Issue 4's news convention, read the way a reader follows a story:
    - before it: the speaker's own quotation runs on into it ('"A," Smith said. "B."',
      'Smith said: "A." "B."'), possibly through several quoted sentences or paragraphs.
      Narration in between is allowed inside the quotation's paragraph. A paraphrase before ('Smith said the plan would fail. "It cannot work."') is not
      enough: a new quotation needs its own tag, as the wire style guides ask;
    - after it, in the same paragraph: a bare tag ('"...?" he asked.'), the speaker's
      next quotation ('"A." "B," she said.'), "he added", or a sentence that points back
      at it ("That was the message from ...").
    A speaker named only after narration, or in a following paraphrase ('"A." Smith said
    the plan would fail.'), does not tell the reader who said it (the extractor's
    continuation guess is wider: it serves the source audit).
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
        tagged = speakers[j]
        if _quoted_sentence(doc, j) or any(a.quote for a in tagged):
            return True
        if _split_tag(doc, doc.sentences[j][0], tagged):
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
    return any(doc.text[a.cue[0] : a.cue[1]].lower() in _ADDED for a in speakers[n])  # type: ignore[index]


def unattributed(doc: Document, options: dict) -> Iterator[Hit]:
    """sourcing.unattributed: a quotation or a claim with no source in or near its sentence."""
    attributed = _attributed_sentences(doc)
    # A quotation counts as attributed by its own cue, not by the extractor's guess at a
    # continuation speaker: whether a neighbour's speaker carries it is _speaker_near's call.
    own = [a for a in attributions(doc) if not a.continued]
    covered = _Spans(a.content for a in own if a.content)
    quote_attributed = _attributed_sentences(doc, own)
    text = doc.text
    hits: list[Hit] = []
    flagged: set[int] = set()
    for q in doc.quotes:
        block = doc.block_at(q[0])
        if block is None or block.kind == "heading" or block.blockquote:
            continue
        if q[0] in covered or not (speech_like(text, q, doc) or _whole_utterance(doc, q)):
            continue
        if q[0] > 0 and doc.in_quote(q[0] - 1):
            continue  # a quotation inside a quotation
        k = doc.sentence_at(q[0])
        s, e = doc.sentences[k]
        if text[s : q[0]].strip(" \t([—–-"):
            continue  # quoted words inside the reporter's sentence, whose subject carries them
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
        for k, (s, e) in enumerate(doc.sentences):
            if k in flagged or _near(doc, attributed, k):
                continue
            block = doc.block_at(s)
            if block is None or block.kind == "heading":
                continue
            sentence = text[s:e]
            m = _claim(sentence)
            if m is not None and any(
                not (c.start() >= m.start() and c.end() <= m.end())
                for c in lexicon().cue_pattern.finditer(sentence)
            ):
                continue  # a reporting verb the extractor could not place: give it the benefit
            if m is None or doc.in_quote(s + m.start()) or _LEGAL.search(sentence):
                continue
            hits.append(
                Hit(
                    s + m.start(), s + m.end(), f"Claim with no source: say who says '{m.group()}'."
                )
            )
    hits.sort(key=lambda h: h.start)
    yield from hits


# -- source audit --------------------------------------------------------------------


def audit(doc: Document) -> dict:
    """One file entry of the source-audit JSON (CONTRACT.md), spans as text offsets.

    Spans are ``(start, end)`` offsets into ``doc.text``; the CLI turns them into lines
    and columns with ``doc.locate``. A pronoun source carries ``resolved``: the named
    source it refers to, when the story makes it clear. Continued quotations (no cue of
    their own) carry ``cue: None`` and the earlier speaker's source.
    """
    text = doc.text
    entries = []
    counts = {"attributions": 0, "named": 0, "anonymous": 0, "vague": 0, "none": 0}
    for a in attributions(doc):
        if (a.cue and doc.in_quote(a.cue[0])) or a.kind == UNKNOWN:
            continue  # speech inside speech; a cue whose source was not found
        entry: dict = {
            "source": {"text": text[a.source[0] : a.source[1]], "span": a.source}
            if a.source
            else None,
            "cue": {"text": text[a.cue[0] : a.cue[1]], "span": a.cue} if a.cue else None,
            "content": {"span": a.content} if a.content else None,
            "quote": a.quote,
            "kind": a.kind,
        }
        if a.kind == "pronoun":
            entry["resolved"] = (
                {"text": text[a.resolved[0] : a.resolved[1]], "span": a.resolved}
                if a.resolved
                else None
            )
        entries.append(entry)
        counts["attributions"] += 1
        kind = a.kind
        if kind == "pronoun" and a.resolved:
            kind = "named-person"
        if kind.startswith("named"):
            counts["named"] += 1
        elif kind in ("anonymous", "vague", "none"):
            counts[kind] += 1
    return {"path": doc.path, "attributions": entries, "summary": counts}
