"""``sourcing.vague`` and ``sourcing.anonymous``: claims attributed to a source the
reader cannot identify ("critics say", "it is believed"), or to one described but
unnamed ("a senior official").

Both read the attribution analysis and never fire inside quoted speech: a speaker's
own words are not the reporter's sourcing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from newslint.attribution import Attribution, attributions
from newslint.attribution import words as W
from newslint.attribution.kind import doc_words
from newslint.attribution.lexicon import lexicon
from newslint.checks.sourcing.context import Spans, sentence_end, sourced_contents
from newslint.checks.sourcing.weasel_words import PHRASES
from newslint.document import Document, per_document, word_spans
from newslint.finding import Hit
from newslint.windows import local


@lru_cache(maxsize=1)
def _vague_passive() -> re.Pattern[str]:
    """Agentless cues that hide who holds a view ("it is believed": the lexicon's words
    tagged "vague"); a prediction ("is expected to") or the legal "alleged" is not a
    vague source."""
    words = lexicon().agentless_words("vague")
    return re.compile("|".join([*words, "documented", r"one\s+view", "reportedly"]), re.IGNORECASE)


# Groups that belong to an organisation named nearby ("The ministry ... Officials said").
# Not "sources": an organisation named nearby does not say who its sources are.
_AFFILIATED = frozenset("officials aides diplomats spokesmen insiders".split())
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


def _named_near(doc: Document, orgs: list[int], pos: int) -> bool:
    """An organisation is named in this sentence or the three before, or speaks there
    (``orgs``: where the story's named organisations speak, in order)."""
    k = doc.sentence_at(pos)
    lex = lexicon()
    # Never more than a few thousand characters back: a run-on "sentence" of a whole
    # document must not be read again for every group in it.
    low = max(doc.sentences[max(k - _REACH, 0)][0], pos - _ORG_REACH_CHARS)
    for j in range(k - _REACH, k + 1):
        if j < 0:
            continue
        s, e = doc.sentences[j]
        if e <= low:
            continue
        # In the group's own sentence only a name before it can own it; one after it is
        # what the claim is about ("Officials say the gunman worked for Acme Security Inc").
        for m in _ORG_MENTION.finditer(doc.text, max(s, low), pos if j == k else e):
            # An organisation's name, not any capitals: datelines ("WASHINGTON"), headline
            # lines, the listener ("told POLITICO") and acronyms that are only the topic
            # ("as the FBI looks into ...") do not say whose officials speak.
            if _base_word(m.group().split()[-1]) in lex.organisations:
                return True
    # Only an organisation can own "officials" or "sources"; a named person nearby
    # ("Smith said ... Officials said") does not identify them.
    i = bisect_left(orgs, doc.sentences[max(k - _REACH, 0)][0])
    return i < len(orgs) and orgs[i] < pos


def _organisations_speaking(found: list[Attribution]) -> list[int]:
    return sorted(
        a.source[0]
        for a in found
        if a.source and a.kind == "named-organisation" and not a.continued
    )


# How many sentences back a story's mention still identifies a group: a reader keeps the
# organisation of the last few sentences in mind ("The ministry ... Officials said").
_REACH = 3
_ORG_REACH_CHARS = 3000
# Words that make a group one the story has already introduced: "the officials", "these
# experts", or a group of someone named ("his aides", "their supporters").
_KNOWN_GROUP = frozenset("the these those his her their its our your".split())


def _speech_cue(doc: Document, cue: tuple[int, int]) -> bool:
    """The cue holds a reporting verb ("say", "claim") or "according to"."""
    words = doc.text[cue[0] : cue[1]].lower().split()
    reporting = lexicon().reporting
    return any(w in reporting or w == "according" for w in words)


def _identified(doc: Document, source: tuple[int, int]) -> bool:
    """The story tells the reader who the group is: it is the one already introduced ("the
    officials", "his supporters"), officials of a named kind of institution ("city
    officials", "prison officials"), reports named by who made them ("reports from The
    Wrap"), or a named member of the group speaks within two sentences ("Analysts said ...
    said Jane Doe, an analyst at Capital Economics")."""
    words = _span_text(doc, source).split()
    if len(words) > 1 and words[0].lower() in _KNOWN_GROUP:
        return True
    low = [w.lower() for w in words]
    if low[-1] in _OFFICIALDOM and len(low) > 1 and not _UNPLACED.intersection(low[:-1]):
        return True  # "city officials", "intelligence officials": an institution, not a crowd
    if _NAMED_REPORTS.search(doc.text, source[0], source[1] + 40):
        return True
    noun = words[-1].lower().strip(".,'’")
    singular = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    if len(singular) < 4 or not singular.isalpha():
        return False
    k = doc.sentence_at(source[0])
    # Two sentences either side, and never more than a few hundred characters: a run-on
    # "sentence" of a whole document must not be read once per group in it.
    start = max(doc.sentences[max(k - 2, 0)][0], source[0] - _MEMBER_REACH)
    end = min(doc.sentences[min(k + 2, len(doc.sentences) - 1)][1], source[1] + _MEMBER_REACH)
    for m in _member_pattern(singular).finditer(doc.text, start, end):
        if not (source[0] <= m.start() < source[1]):
            return True
    return False


_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+"
_MEMBER_REACH = 600


@lru_cache(maxsize=256)
def _member_pattern(singular: str) -> re.Pattern[str]:
    """A named member of a group: "Jane Doe, an analyst at ...", "analyst Jane Doe"."""
    return re.compile(
        rf"{_NAME},?\s+(?:an?|the|one)\s+(?:[\w-]+\s+){{0,3}}{singular}s?\b"
        rf"|\b{singular}\s+{_NAME}"
    )


# Groups that belong to an institution; a word before them names which kind.
_OFFICIALDOM = frozenset("officials authorities investigators prosecutors".split())
# Words before such a group that name no institution.
_UNPLACED = frozenset(
    "some many most several other others few all senior top unnamed anonymous former the".split()
)
_NAMED_REPORTS = re.compile(r"\breports?,?\s+(?:from|by|in|of)\s+(?:the\s+)?[A-Z]", re.IGNORECASE)


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
    "to of for with from among at on about against than into onto over under what".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*(?:so\s+|too\s+|as\s+)?$")
# Words of place before a crowd whose participle follows: "spoke before lawmakers
# defending ...", "stood behind protesters chanting ...".
_PLACE_WORDS = frozenset("before behind beside among amid".split())
_PARTICIPLE_NEXT = re.compile(r"[ \t]+[a-z]+ing\b")
# A crowd as the subject of a participle of saying: "with critics saying he was wrong".
_SAYING = re.compile(
    r"\s+(?:saying|arguing|claiming|insisting|warning|complaining|contending|suggesting)\b"
)


# The reporter names the crowd as the people they spoke to ("Palestinians interviewed in
# Gaza", "residents surveyed"): "some", "many" or "others" after that are part of it.
_INTERVIEWED = re.compile(r"\b(?:interviewed|surveyed|polled|questioned)\b|\bspoke\s+(?:to|with)\b")


def _sentences_near(doc: Document, pos: int, back: int, ahead: int) -> tuple[int, int]:
    """From the start of the sentence ``back`` before the one holding ``pos`` to the end
    of the one ``ahead`` after it, never more than ``_NEAR_CHARS`` either side of ``pos``:
    a run-on "sentence" of a whole document is not read again for every phrase in it."""
    k = doc.sentence_at(pos)
    last = len(doc.sentences) - 1
    start = max(doc.sentences[max(k - back, 0)][0], pos - _NEAR_CHARS)
    end = min(doc.sentences[min(k + ahead, last)][1], pos + _NEAR_CHARS)
    return start, end


_NEAR_CHARS = 1500


def _interviewed_before(doc: Document, pos: int) -> bool:
    """The sentence holding ``pos`` (or the one before) names the crowd as the people
    the reporter interviewed, before ``pos``."""
    start, _end = _sentences_near(doc, pos, 1, 0)
    return _INTERVIEWED.search(doc.text, start, pos) is not None


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
    if m is not None and m.group(1).lower() in _PLACE_WORDS and _PARTICIPLE_NEXT.match(doc.text, e):
        return False  # "spoke before lawmakers defending the budget": the audience, not the speaker
    if m is not None and m.group(1).lower() in _PREPOSITIONS and not before.rstrip().endswith(","):
        absolute = m.group(1).lower() == "with" and _SAYING.match(text, e)
        if not (re.search(r"according\s+to\s*$", before, re.IGNORECASE) or absolute):
            return False  # not "with critics saying ...", which cites the critics
    words = low.split()
    if words[0] in ("no", "none"):
        return False  # "there were no other missing people reported": nobody is cited
    if words[-1] in _BARE and _interviewed_before(doc, s):
        return False  # "Palestinians interviewed ... expressed concern, although some welcomed"
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
    e = sentence_end(doc, pos)
    return (
        e > doc.sentences[doc.sentence_at(pos)][0]
        and doc.text[e - 1] == "?"
        and not doc.in_quote(e - 1)
    )


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
    # The verb stands within six words: never read the rest of a run-on sentence.
    for n, m in enumerate(islice(_WORD.finditer(doc.text, g1, e), 6)):
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
    sources = Spans(a.source for a in found if a.source)
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


@per_document
def vague_attributions(doc: Document) -> list[tuple[Attribution, tuple[int, int]]]:
    """Attributions to an unidentifiable source, with the span to report."""
    found = attributions(doc)
    orgs = _organisations_speaking(found)
    out = []
    reported: set[tuple[int, int]] = set()
    for a in found + _missed_crowds(doc, found):
        if a.continued:
            continue
        if a.kind == "vague" and a.source:
            words = _span_text(doc, a.source).lower().split()
            if (
                words[-1] in _AFFILIATED
                and not _PLACED.intersection(words)
                and (_named_near(doc, orgs, a.source[0]) or _head_named_before(doc, a.source[0]))
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
            if _identified(doc, a.source):
                continue
            if words == ["people"] and a.cue and not _speech_cue(doc, a.cue):
                continue  # "people felt it was far-fetched": a mood, not a source cited
        elif a.kind == "none" and a.cue:
            if not _vague_passive().search(_span_text(doc, a.cue)):
                continue
            if _NOTIFIED.match(doc.text, a.cue[1]) and _span_text(doc, a.cue).endswith("to"):
                continue  # "was reported to the sheriff's department": notified, not a hedge
            if "report" in _span_text(doc, a.cue).lower() and _report_named_near(doc, a.cue[0]):
                continue  # "reportedly ..." then "According to Reuters, ...": the report is named
            if a.cue[0] in sourced_contents(doc):
                continue  # "X is believed to ..., according to his brother": sourced after all
        else:
            continue
        if a.kind == "vague" and a.cue and not _lexicon_cue(doc, a.cue):
            continue
        if a.kind == "vague" and a.cue and _topic_only(doc, a.cue):
            continue  # "residents explained the problems": what they talked about, no claim
        if a.kind == "vague" and a.cue and a.source and _bare_then_noun(doc, a.source, a.cue):
            continue
        if a.kind == "vague" and a.cue and a.source and _not_the_speaker(doc, a.source, a.cue):
            continue
        span = _hit_span(a)
        if doc.in_quote(span[0]) or _question(doc, span[0]):
            continue
        block = doc.block_at(span[0])
        if block is None or block.kind == "heading":
            continue  # a headline's "experts warn": the story names them
        if a.source and a.source in reported:
            continue  # one source with two cues ("officials said she had been warned"): one finding
        if a.source:
            reported.add(a.source)
        out.append((a, span))
    out.sort(key=lambda item: item[1])
    return out


@local
def vague(doc: Document, options: dict) -> Iterator[Hit]:
    """sourcing.vague: a claim attributed to a source the reader cannot identify."""
    for a, (s, e) in vague_attributions(doc):
        phrase = doc.text[s:e]
        yield Hit(
            s,
            e,
            f"Vague source '{phrase}': name who says it, or say why they cannot be named.",
            level=None if _hidden(doc, a) else "warning",
        )


# Crowds that stand for nobody a reader could ask: their claims stop a story.
_FACELESS = frozenset(
    """
    critics activists opponents detractors insiders sources reports studies pundits
    sceptics skeptics rumours rumors some many most others people
    """.split()
)


_SOFT_AGENTLESS = re.compile(r"reportedly|thought|understood|known|considered|seen|expected")


def _hidden(doc: Document, a: Attribution) -> bool:
    """The source hides who holds the claim altogether: an agentless "it is believed",
    "reportedly", "according to reports", or a faceless crowd ("critics say", "sources
    said"). A crowd of a profession ("industry experts expect", "economists say") is an
    editor's look: often the story quotes one of them later."""
    cue = doc.text[a.cue[0] : a.cue[1]].lower() if a.cue else ""
    if a.kind == "none" or a.source is None:
        # "Reportedly" and a consensus ("is thought to", "it is understood") are often the
        # convention for what is widely reported or known: for an editor's look.
        return not _SOFT_AGENTLESS.search(cue)
    head = doc.text[a.source[0] : a.source[1]].lower().split()[-1].strip(".,'’")
    if head == "sources" and cue in ("told", "tell", "tells") and _OUTLET.match(doc.text, a.cue[1]):
        return False  # "sources told Reuters": the outlet vouches for them, an editor's look
    return cue.startswith("according") or head in _FACELESS


# Verbs that may take what was talked about as their object, with no claim in it.
_TOPIC_VERBS = frozenset(
    "explained explain explains described describe describes discussed discuss discusses "
    "outlined outline outlines detailed detail details recounted recount recounts shared "
    "share shares".split()
)
# "explained the problems ...": an object noun phrase, then no clause that makes a claim.
_OBJECT_AFTER = re.compile(r"[ \t]+(?:the|their|his|her|its|our|some|many|several)[ \t]+")
# After the object, what makes it a claim: "as" ("described the scene at the port as
# chaotic") or a verb of being right after its noun ("explained the problems were old").
_AS = re.compile(r"\bas\b")
_WORD_AT = re.compile(r"[\w'’-]+")
_BE_NEXT = re.compile(r"[ \t]+(?:was|were|is|are|would|will|had|has|have)\b")


def _topic_only(doc: Document, cue: tuple[int, int]) -> bool:
    """The crowd's verb names what was talked about ("residents explained the problems
    that need fixing"), not a claim ("residents explained that the water was unsafe",
    "described the damage as severe")."""
    if doc.text[cue[0] : cue[1]].lower() not in _TOPIC_VERBS:
        return False
    m = _OBJECT_AFTER.match(doc.text, cue[1])
    if m is None:
        return False
    _start, end = _sentences_near(doc, cue[0], 0, 0)
    head = _WORD_AT.match(doc.text, m.end(), end)
    if head is None:
        return False
    return not _AS.search(doc.text, m.end(), end) and not _BE_NEXT.match(doc.text, head.end())


# The head of a government or body, named: "Mayor Bill de Blasio", "Gov. Jane Doe".
_HEAD_NAMED = re.compile(
    r"\b(?:Mayor|Governor|Gov\.|President|Premier|Chancellor|Minister|Secretary|Commissioner"
    r"|Chief|Superintendent|Sheriff)[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+)*"
)


def _head_named_before(doc: Document, pos: int) -> bool:
    """Earlier in the sentence, the head of the body the officials serve is named ("Mayor
    Bill de Blasio was hesitant ..., and officials cautioned ...")."""
    start, _end = _sentences_near(doc, pos, 0, 0)
    return _HEAD_NAMED.search(doc.text, max(start, pos - 300), pos) is not None


# A report named by who made it: "According to Reuters", "first reported by The
# Washington Post", "Bloomberg reported".
_NAMED_REPORT = re.compile(
    r"\b(?:[Aa]ccording to|reported by|first reported by)[ \t]+(?:the[ \t]+)?[A-Z]"
    r"|\b[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*)*[ \t]+(?:reported|reports|first reported)\b"
)


def _report_named_near(doc: Document, pos: int) -> bool:
    """The sentence holding ``pos``, the one after it or the one before (in this paragraph
    or the last of the one before) names the report's maker."""
    lo, hi = _sentences_near(doc, pos, 1, 1)
    return _NAMED_REPORT.search(doc.text, lo, hi) is not None


# After "reported to": whom it was reported to, not what is said to be so ("is reported to
# have fled").
_NOTIFIED = re.compile(
    r"[ \t]+(?:the|a|an|his|her|their|its|local|federal|state|police|authorities|officers"
    r"|[A-Z])",
)
_OUTLET = re.compile(r"[ \t]+(?:the[ \t]+)?[A-Z]")


@local
def anonymous(doc: Document, options: dict) -> Iterator[Hit]:
    """sourcing.anonymous: a described but unnamed source (info)."""
    for a in attributions(doc):
        if a.kind != "anonymous" or a.continued or not a.source:
            continue
        s, e = a.source
        if doc.in_quote(s):
            continue
        yield Hit(s, e, f"Anonymous source '{doc.text[s:e]}': say why they cannot be named.")
