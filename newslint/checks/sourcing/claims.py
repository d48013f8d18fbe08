"""Claims a reporter cannot assert in their own voice, for ``sourcing.unattributed``.

News style guides (AP, Reuters, the BBC's editorial guidelines) name what must be
attributed: accusations and guilt, blame and responsibility, casualty figures and
estimates, the motives of others, predictions. Each kind is a pattern over a sentence
(:func:`claim_kind`); :func:`unsourced_claims` reports a sentence of a kind whose
paragraph has no source and no lead-in ("The report found:") governing it.

A trained scorer was tried and left out: a logistic model over words and word pairs,
trained on PolNeAR's annotations (attributed contents against unannotated narration),
ranked sentences no better than AUC 0.75 on PolNeAR's dev split, and on real published
copy its top-scoring sentences were mostly analysis and narration an editor would not
query (see docs/attribution.md).
"""

from __future__ import annotations

import re

from newslint.attribution import attributions
from newslint.attribution.lexicon import lexicon
from newslint.attribution.mentions import ORGANISATION, PERSON, mentions
from newslint.checks.sourcing.context import sentence_end
from newslint.document import Document, per_document

# -- the kinds of claim news style guides say a reporter must attribute ------------------
# (AP, Reuters and the BBC's editorial guidelines: accusations and guilt, blame and
# responsibility, casualty figures and estimates, the motives and beliefs of others,
# predictions, characterisations of people and groups.) Each is a pattern over the
# sentence; the reporter's plain narration ("The meeting was held on Tuesday") matches
# none.

_PERSON = r"(?:he|she|they|[A-Z][\w'’-]+|(?i:the)\s+(?:\w+\s+)?(?:gunman|suspect|attacker|man|woman|group|company|government|regime|militants?|police|officers?|army|forces|rebels|driver|teacher|mayor|minister|president))"
_KINDS = (
    (
        "An accusation",
        re.compile(
            # Wrongdoing done by someone, in the active voice: "the mayor lied", "X stole";
            # violence needs its victim after it ("shot two officers"), so "a Sarr shot" and
            # "killed himself" are not accusations.
            rf"\b{_PERSON}\s+(?:\w+ly\s+|also\s+|had\s+|has\s+|have\s+)?(?:lied|stole|cheated|"
            r"bribed|embezzled|defrauded|extorted|rigged|covered\s+up|misled|deceived|falsified|"
            r"fabricated|plotted|orchestrated|masterminded|sabotaged|ordered\s+the|planned\s+the)\b"
            # Naming who did it: "The suspect is Cesar Sayoc", "identified the gunman as".
            r"|\b(?:[Tt]he\s+)?(?:suspect|gunman|shooter|attacker|assailant|killer|bomber)\s+"
            r"(?:is|was|has\s+been|had\s+been)\s+(?:identified\s+as\s+)?(?:\d+-year-old\s+)?[A-Z]"
            r"|\bidentified\s+the\s+(?:suspect|gunman|shooter|attacker|assailant|killer|bomber)\s+as\b"
            rf"|\b{_PERSON}\s+(?:\w+ly\s+|also\s+|had\s+|has\s+|have\s+)?(?:shot\s+and\s+killed|"
            r"murdered|raped|tortured|abused|assaulted|harassed|stabbed|killed|shot|attacked|"
            r"ambushed|kidnapped|abducted|executed|massacred)\s+(?!(?:him|her|them)selves\b|"
            r"himself\b|herself\b|itself\b)(?:the|a|an|his|her|their|two|three|four|five|six|"
            r"seven|eight|nine|ten|dozens|\d|[A-Z])"
            # Or a label of guilt: "is guilty", "was a fraud", "is corrupt".
            r"|\b(?:is|was|are|were)\s+(?:guilty|corrupt|a\s+(?:fraud|liar|thief|criminal|"
            r"murderer|terrorist|racist|war\s+criminal))\b",
        ),
    ),
    (
        "Blame",
        re.compile(
            r"\b(?:is|was|are|were)\s+(?:to\s+blame|behind\s+the\s+(?:\w+\s+)?(?:attack|attacks|"
            r"bombing|shooting|killing|killings|plot|hack|leak|fire|blast))\b"
            r"|\b(?:is|was|are|were)\s+responsible\s+for\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?"
            r"(?:attack|attacks|bombing|bombings|shooting|killing|killings|deaths?|murders?|crash|"
            r"fire|blast|explosion|collapse|outbreak|failure|losses|leak|hack|abuse|fraud)\b"
            r"|\b(?:carried\s+out|claimed\s+responsibility\s+for)\s+the\s+(?:\w+\s+)?"
            r"(?:attack|attacks|bombing|bombings|shooting|killing|killings|assault|raid|strike)\b"
            r"|\b(?:caused|triggered|led\s+to)\s+the\s+(?:\w+\s+)?(?:crash|deaths?|fire|collapse|"
            r"outbreak|explosion|blast|derailment|flooding|spill)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "A figure",
        re.compile(
            # How many died or were hurt: "At least 40 people were killed", "12 dead".
            r"\b(?:\d[\d,.]*|dozens|hundreds|thousands|scores|two|three|four|five|six|seven|"
            r"eight|nine|ten|twelve|twenty|thirty|forty|fifty)\s+(?:\w+\s+){0,3}?"
            r"(?:were|have\s+been|had\s+been|are|was)\s+(?:killed|dead|injured|wounded|hurt|"
            r"missing|displaced|arrested|detained|evacuated|rescued)\b"
            r"|(?<!\bthat\s)(?<!\bwhich\s)\b(?:killing|killed|injuring|wounding|leaving)\s+(?:at\s+least\s+|more\s+than\s+|"
            r"about\s+|nearly\s+|some\s+)?(?:\d[\d,.]*|dozens|hundreds|thousands|two|three|four|"
            r"five|six|seven|eight|nine|ten)\b"
            r"|\b(?:death\s+toll|casualties|casualty\s+figures?)\b"
            r"|\ban\s+estimated\s+\d|\b(?:is|are|was|were)\s+estimated\s+(?:at|to)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # History is not news: a toll from a past century is common knowledge.
        None,
        re.compile(r"\b(?:century|centuries|1[0-8]\d\ds?|19[0-4]\ds?)\b", re.IGNORECASE),
    ),
    (
        "Someone's motive",
        re.compile(
            r"\b(?:in\s+retaliation\s+for|to\s+avenge|(?:politically\s+|racially\s+)?motivated\s+by|"
            r"(?:was|were|is|are)\s+(?:politically|racially|religiously)\s+motivated|out\s+of\s+revenge|"
            r"as\s+revenge\s+for|in\s+revenge\s+for|to\s+punish)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "A prediction",
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:likely|unlikely|certain|bound|almost\s+certain)\s+to\b"
            r"|\bwill\s+(?:almost\s+certainly|most\s+likely|likely|inevitably|surely|undoubtedly)\b",
            re.IGNORECASE,
        ),
    ),
)


def claim_kind(sentence: str) -> str | None:
    """The kind of claim a sentence makes among those a reporter must attribute, or None."""
    found = None
    for name, pattern in _KINDS:
        if pattern.search(sentence):
            if name is None and found == "A figure":
                return None  # a toll from history
            found = found or name
    return found


# -- which sentences need a source they do not have ---------------------------------------

# The legal words that already ground an accusation: a charge, a plea, a verdict.
_LEGAL = re.compile(
    r"\balleg(?:ed|edly|ations?|es)\b|\baccused\s+of\b|\bcharged\s+with\b|\bconvicted\b|"
    r"\bpleaded\b|\bfound\s+guilty\b|\bsentenced\b|\bdenie[sd]\b|\bdeny\b|\binvestigat\w+\b",
    re.IGNORECASE,
)
_MESSAGES = {
    "An accusation": "An accusation with no source: say who makes it.",
    "Blame": "Blame with no source: say who assigns it.",
    "A figure": "A casualty figure or estimate with no source: say where it comes from.",
    "Someone's motive": "Someone's motive with no source: say who says so.",
    "A prediction": "A prediction with no source: say who makes it.",
}
# A prediction is the reporter's analysis often enough that it is for an editor's look;
# the other kinds stop a story.
_LEVELS = {"A prediction": "warning"}
_MIN_WORDS = 6
# Verbs of the mind: what someone believes, wants or feels, which the reporter cannot
# know without a source ("He dislikes the plan" once "he said" is cut).
_MIND = frozenset(
    """
    anticipate believe dislike doubt expect fear feel figure guess hate hope imagine
    intend know like love plan reckon seek suppose suspect think understand want wish
    wonder worry
    """.split()
)


def unsourced_claims(doc: Document, skip: set[int]) -> list[tuple[int, int, str, str | None]]:
    """``(start, end, message, level)`` of sentences making a claim of a kind that needs a
    source (``level``: a lower level than the rule's for the less sure kinds, or None),
    with no source in their paragraph nor a lead-in before it ("The report found:").
    ``skip``: sentences another finding already covers."""
    text = doc.text
    sourced = sourced_blocks(doc)
    out = []
    for k, (s, e) in enumerate(doc.sentences):
        block = doc.block_at(s)
        if k in skip or block is None or block.kind == "heading" or block.blockquote:
            continue
        if block.start in sourced or _led_in(doc, s):
            continue
        sentence = text[s:e]
        if len(sentence.split()) < _MIN_WORDS or sentence.rstrip().endswith("?"):
            continue  # a fragment, or a question: it asserts nothing
        if doc.in_quote(s) or sentence[:1] in "\"“‘'" or _LEGAL.search(sentence):
            continue
        kind = claim_kind(sentence)
        if kind == "A figure" and _lede_sourced_below(doc, s, sourced):
            continue  # a toll or count at the top, attributed in the paragraph below
        if kind in _PAST_KINDS and _years_ago(sentence, latest_year(doc)):
            continue  # '... in 2002, when militants killed 21 people': the record, not news
        if kind is not None:
            out.append((s, e, _MESSAGES[kind], _LEVELS.get(kind)))
    return out


# Claims about a past event that become the public record: a toll, an accusation, blame,
# a motive told of an event in a year before the story's time.
_PAST_KINDS = frozenset(("A figure", "An accusation", "Blame", "Someone's motive"))
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@per_document
def latest_year(doc: Document) -> int:
    """The latest year the story mentions (0 if none): a stand-in for when it was written."""
    return max((int(y) for y in _YEAR.findall(doc.text)), default=0)


def _years_ago(sentence: str, latest: int) -> bool:
    """The sentence dates what it tells to a year before the latest the story mentions
    ("Then, in 2012, hundreds of Islamists assaulted the embassy" in a story that goes
    on to 2013): background the record holds, not the story's news."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and max(years) < latest


@per_document
def sourced_blocks(doc: Document) -> set[int]:
    """Start offsets of the blocks holding a source of what is said: an attribution with
    a source (or a cue whose source the analysis could not find) outside quotations. A
    verb of the mind alone ("he believes", "she wants") is not a source: it is itself a
    claim about someone's mind."""
    stance = lexicon().stance
    out = set()
    for a in attributions(doc):
        if a.cue is None or a.kind == "none" or doc.in_quote(a.cue[0]):
            continue
        cue = doc.text[a.cue[0] : a.cue[1]].lower().split()
        if len(cue) == 1 and stance.get(cue[0]) in _MIND:
            continue
        block = doc.block_at(a.cue[0])
        if block is not None:
            out.add(block.start)
    return out


# The top of a story: a headline, a standfirst and the first paragraph or two.
_TOP_BLOCKS = 3


def _lede_sourced_below(doc: Document, pos: int, sourced: set[int]) -> bool:
    """The paragraph at ``pos`` opens the story and the next one gives the source: news
    leads with the fact and attributes it just below ('Two people have been arrested
    ...' / 'A woman and a man were arrested, the Metropolitan Police said.')."""
    i = doc.block_index(pos)
    blocks = doc.blocks
    return (
        i is not None and i < _TOP_BLOCKS and i + 1 < len(blocks) and blocks[i + 1].start in sourced
    )


def _led_in(doc: Document, pos: int) -> bool:
    """The paragraph at ``pos`` follows a lead-in that governs it: the paragraph before
    ends with a colon ("The report found:"), through a list of items."""
    blocks = doc.blocks
    i = doc.block_index(pos)
    if i is None:
        return False
    j = i - 1
    while j >= 0 and blocks[j].kind == "item" and blocks[i].kind == "item":
        j -= 1
    if j < 0:
        return False
    return doc.text[blocks[j].start : blocks[j].end].rstrip().endswith(":")


# -- quoted words with no speaker -----------------------------------------------------------

# What names a phrase rather than quotes a speaker: '"so-called "deep state"', 'a group
# called "Moms for Liberty"', 'the slogan "Yes we can"'.
_NAMING = re.compile(
    r"(?:so-called|dubbed|titled|entitled|named|known\s+as|nicknamed|headlined|slogan|motto|"
    r"hashtag|phrase|term|word|words|song|album|book|film|show|series|programme|program|"
    r"campaign|sign|banner|signs|reading|read|marked)"
    r"[\s,:]*[\"“‘']?$",
    re.IGNORECASE,
)


# Where quoted words are the sentence's judgement of its subject: after "is", "was",
# "as", "described as", "called".
_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|seems?|seemed|remains?|remained|became|becomes|"
    r"described\s+as|characteri[sz]ed\s+as|branded\s+as|deemed)\s+(?:a\s+|an\s+|the\s+|so\s+|too\s+)?"
    r"[\"“‘']$",
    re.IGNORECASE,
)


def unsourced_fragment(doc: Document, q: tuple[int, int], sourced: set[int]) -> bool:
    """Quoted words that characterise, in the reporter's sentence, with no source in their
    paragraph: 'The plan was "reckless and dangerous"', 'the policy, described as "a
    disaster"'. A judgement in someone's words; the reader cannot tell whose. Quoted
    names, titles, terms and scare quotes elsewhere in a sentence are left alone."""
    block = doc.block_at(q[0])
    if block is None or block.start in sourced:
        return False
    words = doc.text[q[0] + 1 : q[1] - 1].split()
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False  # a title or a name in capitals: "The Love Below", "Fight for 15"
    before = doc.text[max(block.start, q[0] - 40) : q[0] + 1]
    if _NAMING.search(before) or not _PREDICATE.search(before):
        return False
    # A person or organisation named earlier in the sentence usually owns the words
    # ('Time magazine put her on its cover as one of the women who are "changing the
    # world"'), however the sentence says so.
    k = doc.sentence_at(q[0])
    s = doc.sentences[k][0]
    end = sentence_end(doc, q[0])
    if doc.text[end - 1 : end] == "?":
        return False  # a question asserts nothing: 'Who is the "change candidate"?'
    text = doc.text
    return not any(
        (m.type in (PERSON, ORGANISATION) or _ACRONYM.fullmatch(text, m.start, m.end))
        and m.end <= q[0]
        for m in mentions(doc, lexicon()).in_sentence(k)
        if m.full >= s
    )


# A name in capitals is a body ("DOJ's inspector general was "deeply troubled"").
_ACRONYM = re.compile(r"[A-Z]{2,6}")
