"""Claims a reporter cannot assert in their own voice: a small trained scorer and the
kind of claim, for ``sourcing.unattributed``.

The scorer is a logistic model over a sentence's words (lower case; names and numbers
folded to placeholders so it learns how claims are worded, not who they are about),
word pairs and a few shapes. It was trained by ``scripts/train_claims.py`` on the
PolNeAR training annotations (Newell, Margolin & Ruths, LREC 2018): the contents of
attributions with their source and cue cut away are what news attributes; sentences
no annotation touches are the narration a reporter asserts. Its weights are
``newslint/data/claims.json.gz``; inference is pure Python, one dictionary lookup a
feature.

:func:`claim_kind` names the kind of claim for the message, from its words.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from functools import lru_cache
from importlib import resources

from newslint.attribution import attributions
from newslint.attribution.lexicon import lexicon
from newslint.document import Document, per_document

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[%$£€\"“”‘’?!:;]")
_QUOTE_MARKS = frozenset('"“”')
# Words that keep their identity even capitalised mid-sentence.
_KEEP = frozenset("i".split())

PATH: str | None = None  # another weights file (benchmarks and training)


def tokens(sentence: str, vocab: frozenset[str] | None = None) -> list[str]:
    """The sentence's words as the model sees them: lower case; a capitalised word that
    does not open the sentence is ``<cap>``; numbers ``<num>``; quotation marks ``<q>``;
    with a ``vocab``, other words fold to their ending (``<-ly>``, ``<-ed>``, ...), so the
    model learns how claims are worded rather than what they are about."""
    out = []
    for i, m in enumerate(_WORD.finditer(sentence)):
        w = m.group()
        if w[0].isdigit():
            out.append("<num>")
        elif w in _QUOTE_MARKS:
            out.append("<q>")
        elif w[0].isupper() and i > 0 and w.lower() not in _KEEP:
            out.append("<cap>")
        else:
            low = w.lower().replace("’", "'")
            if vocab is not None and low not in vocab and low[0].isalpha():
                low = _ending(low)
            out.append(low)
    return out


def _ending(word: str) -> str:
    for end in ("ly", "ed", "ing", "tion", "s"):
        if word.endswith(end):
            return f"<-{end}>"
    return "<w>"


def features(sentence: str, vocab: frozenset[str] | None = None) -> list[str]:
    """The model's features of one sentence (with repeats: counts matter)."""
    toks = tokens(sentence, vocab)
    feats = ["bias"]
    feats += ["w=" + t for t in toks]
    feats += ["b=" + a + "_" + b for a, b in zip(toks, toks[1:], strict=False)]
    if toks:
        feats.append("first=" + toks[0])
    n = len(toks)
    feats.append("len=" + ("s" if n < 8 else "m" if n < 20 else "l" if n < 40 else "xl"))
    if "<q>" in toks:
        feats.append("quoted")
    return feats


class ClaimModel:
    """Weights by feature; :meth:`score` is the log-odds that a sentence is a claim."""

    def __init__(self, weights: dict[str, float], vocab: frozenset[str] | None) -> None:
        self.weights = weights
        self.vocab = vocab

    def score(self, sentence: str) -> float:
        get = self.weights.get
        return sum(get(f, 0.0) for f in features(sentence, self.vocab))

    def probability(self, sentence: str) -> float:
        return 1.0 / (1.0 + math.exp(-max(min(self.score(sentence), 30.0), -30.0)))


@lru_cache(maxsize=1)
def model() -> ClaimModel:
    """The shipped weights, loaded once per process."""
    if PATH:
        with open(PATH, "rb") as fh:
            raw = fh.read()
    else:
        raw = resources.files("newslint").joinpath("data/claims.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    vocab = frozenset(data["vocab"]) if data.get("vocab") else None
    return ClaimModel(data["weights"], vocab)


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
            # Wrongdoing done by someone, in the active voice: "the mayor lied", "X stole".
            rf"\b{_PERSON}\s+(?:\w+ly\s+|also\s+|had\s+|has\s+|have\s+)?(?:lied|stole|cheated|"
            r"bribed|embezzled|defrauded|extorted|rigged|covered\s+up|murdered|raped|tortured|"
            r"abused|assaulted|harassed|misled|deceived|falsified|fabricated|shot\s+and\s+killed|"
            r"stabbed|killed|shot|attacked|ambushed|kidnapped|abducted|executed|massacred|"
            r"ordered\s+the|planned\s+the|plotted|orchestrated|masterminded|sabotaged)\b"
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
            r"|\b(?:killing|killed|injuring|wounding|leaving)\s+(?:at\s+least\s+|more\s+than\s+|"
            r"about\s+|nearly\s+|some\s+)?(?:\d[\d,.]*|dozens|hundreds|thousands|two|three|four|"
            r"five|six|seven|eight|nine|ten)\b"
            r"|\b(?:death\s+toll|casualties|casualty\s+figures?)\b"
            r"|\ban\s+estimated\s+\d|\b(?:is|are|was|were)\s+estimated\s+(?:at|to)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "Someone's motive",
        re.compile(
            r"\b(?:in\s+retaliation\s+for|to\s+avenge|motivated\s+by|out\s+of\s+revenge|"
            r"as\s+revenge\s+for|in\s+revenge\s+for|to\s+punish)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "A prediction",
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:likely|unlikely|certain|bound|almost\s+certain)\s+to\b"
            r"|\bwill\s+(?:almost\s+certainly|probably|likely|inevitably|surely|undoubtedly)\b",
            re.IGNORECASE,
        ),
    ),
)


def claim_kind(sentence: str) -> str | None:
    """The kind of claim a sentence makes among those a reporter must attribute, or None."""
    for name, pattern in _KINDS:
        if pattern.search(sentence):
            return name
    return None


# -- which sentences need a source they do not have ---------------------------------------

# Log-odds above which a sentence of no named kind reads as a claim (tuned on PolNeAR's
# dev split for few findings on untouched copy: see bench/unattributed.py).
THRESHOLD = 5.0
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
    None: "A claim with no source in its paragraph: say who makes it.",
}
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


def unsourced_claims(
    doc: Document, skip: set[int], threshold: float | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, message)`` of sentences that read as claims and have no source in
    their paragraph nor a lead-in before it ("The report found:"). ``skip``: sentences
    another finding already covers."""
    text = doc.text
    sourced = sourced_blocks(doc)
    threshold = THRESHOLD if threshold is None else threshold
    out = []
    scorer = None
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
        if kind is None:
            # No kind the style guides name: only a sentence worded much like what news
            # attributes (the trained scorer) is reported, and not one holding quoted
            # words, whose speaker the sentence usually names in a way the analysis
            # missed ('The advert attacks a "rigged system"').
            if doc.quote_in(s, e):
                continue
            scorer = scorer or model()
            if scorer.score(sentence) <= threshold:
                continue
        out.append((s, e, _MESSAGES[kind]))
    return out


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
