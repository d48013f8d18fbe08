"""``sourcing.verb`` (both packs): a loaded verb where a neutral attribution needs "said".

"Claimed" casts doubt on what was said, "admitted" implies a confession, "revealed"
vouches that what follows is true and was hidden, "insisted" that others dispute it. The
rule reads the attribution analysis: it reports these verbs only as the cue of an
attribution whose content is a quotation or a clause ("Smith claimed the vote was
rigged"), never their other senses ("claimed responsibility for the attack", "admitted to
hospital", "revealed her plans") and never inside quoted speech.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.attribution import attributions
from newslint.checks.editorial.text import heading_like
from newslint.document import Document
from newslint.finding import Hit

# A loaded verb's forms -> the form of "say" that replaces it, and what the verb implies.
LOADED = {
    "claim": "say",
    "claims": "says",
    "claimed": "said",
    "claiming": "saying",
    "admit": "say",
    "admits": "says",
    "admitted": "said",
    "admitting": "saying",
    "reveal": "say",
    "reveals": "says",
    "revealed": "said",
    "revealing": "saying",
    "insist": "say",
    "insists": "says",
    "insisted": "said",
    "insisting": "saying",
}
_IMPLIES = {
    "claim": "casts doubt on what was said",
    "admit": "implies a confession of something wrong",
    "reveal": "vouches that what follows is true and was kept hidden",
    "insist": "implies that what was said is disputed or wrong",
}
# A content that is a clause, not an object: "that ...", a pronoun subject, or a verb of
# its own early on.
_CLAUSE = regex.compile(
    r"^(?:that\b|(?:he|she|it|they|we|i|you|there)\s|(?:\S+\s+){0,7}?(?:is|are|was|were|be|"
    r"been|had|has|have|will|would|could|can|did|does|do|should|may|might|must|won't|"
    r"didn't|wasn't|isn't|aren't|hadn't)\b|(?:\S+\s+){1,5}?\w+ed\b)",
    regex.I,
)
# Objects of "claim" in its own sense (to assert a right or ownership), and of "reveal"
# and "admit" that are no statement.
_OBJECTS = regex.compile(
    r"^(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:responsibility|credit|victory|"
    r"self-defen[cs]e|ownership|asylum|title|seat|prize|crown|lives|life|share|win|record|"
    r"attack|bombing|killing|plans?|details|identity|name|results?|guilt|charges?|offen[cs]es?|"
    r"top|spot|place|position|lead|number\s+one|momentum|ground|territory|land)\b"
    # or a gerund: "admitted drug dealing", "admitted stealing"
    r"|^\w+ing\b(?!\s+(?:is|was|has|had|will|would))",
    regex.I,
)
# Sources whose "revealed" means "showed": documents, figures, research.
_DOCUMENTS = regex.compile(
    r"\b(?:report|survey|poll|study|figures|data|documents?|records?|filings?|statistics|"
    r"research|analysis|investigation|inquiry|audit|review|papers|e-?mails|tests?|results|"
    r"accounts|minutes|census|footage|video|photos?|images?)\b",
    regex.I,
)
# Words near "insisted" that show it answers a challenge: there "insisted" is accurate.
_CHALLENGED = regex.compile(
    r"\b(?:but|however|despite|although|though|den(?:y|ied|ies|ial)|reject\w*|critic\w*|"
    r"accus\w*|disput\w*|question\w*|opponents?|rivals?|allegations?|challeng\w*)\b",
    regex.I,
)
# Parties to a case and its papers: their "claim" is the legal term, not a slant.
_LEGAL = regex.compile(
    r"\b(?:lawsuits?|suits?|complaints?|petitions?|indictments?|plaintiffs?|claimants?|"
    r"prosecutors?|prosecution|defen[cs]e|defendants?|lawyers?|attorneys?|solicitors?|"
    r"barristers?|counsel|court\s+(?:papers|documents|filings?)|filings?|writs?|"
    r"su(?:ed|es|ing)|libel|damages|compensation)\b",
    regex.I,
)
# Words after a claim that show the story reports it disputed; there "claimed" says so.
_DISPUTED = regex.compile(
    r"\b(?:den(?:y|ied|ies|ial)|reject\w*|disput\w*|dismiss\w*|refut\w*|rebut\w*|"
    r"contradict\w*|untrue|false(?:ly)?|no evidence|not true|baseless|unfounded)\b",
    regex.I,
)
# A content about the source itself: "revealed it had lost", "revealed his plans".
_SELF = regex.compile(r"(?:that\s+)?(?:it|its|he|his|she|her|they|their|we|our|I|my)\b", regex.I)
_DETERMINER_BEFORE = regex.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|this|that|these|those|such|our|my|your)|['’]s)\s+$",
    regex.I,
)


def loaded_verb(doc: Document, options: dict) -> Iterator[Hit]:
    text = doc.text
    sentences = set()
    uses: list = []
    for a in attributions(doc):
        if a.cue is None or a.content is None:
            continue
        cue = text[a.cue[0] : a.cue[1]]
        low = cue.lower()
        if low not in LOADED or doc.in_quote(a.cue[0]):
            continue
        block = doc.block_at(a.cue[0])
        if block is None or heading_like(doc, block):
            continue  # a headline's verb is the headline writer's
        if _DETERMINER_BEFORE.search(text[max(0, a.cue[0] - 12) : a.cue[0]]):
            continue  # a noun: "Sanders's claim that ..."
        content = text[a.content[0] : a.content[1]].strip().lstrip("\"“‘'")
        if not a.quote and (_OBJECTS.match(content) or not _CLAUSE.match(content)):
            continue  # "claimed responsibility", "revealed her plans": not speech
        source = text[a.source[0] : a.source[1]] if a.source else ""
        if source.lower() in ("i", "we"):
            continue  # the writer's own "I claim": a columnist's voice, not an attribution
        sentence = doc.sentence_at(a.cue[0])
        subject = text[doc.sentences[sentence][0] : a.cue[0]]
        if low.startswith("claim"):
            if _LEGAL.search(subject):
                continue  # a legal claim: "the lawsuit claims", "prosecutors claim"
            around = text[
                doc.sentences[sentence][0] : doc.sentences[
                    min(sentence + 1, len(doc.sentences) - 1)
                ][1]
            ].replace(cue, " ", 1)
            if _DISPUTED.search(around):
                continue  # the story shows the claim is disputed: "claimed ... X denied it"
        if low.startswith("reveal") and (
            _DOCUMENTS.search(subject) or (a.kind == "named-organisation" and _SELF.match(content))
        ):
            # "the report revealed": a document shows; "the firm revealed it would ...":
            # a company disclosing its own news, where "revealed" vouches for nothing.
            continue
        if low.startswith(("insist", "admit")):
            start = doc.sentences[max(sentence - 1, 0)][0]
            context = text[start : a.cue[0]]  # what came before: the challenge answered
            if source:
                context = context.replace(source, " ")
            if _CHALLENGED.search(context):
                # Insisting against a challenge, admitting a point against one's case
                # ("but admitted it was not easy"): the accurate verbs.
                continue
        if sentence in sentences:
            continue
        sentences.add(sentence)
        uses.append((a.cue, cue))
    if not uses:
        return
    # One finding per story, at the first loaded verb, quoting the others: the editor's
    # point is the story's choice of verbs, made once (the others are named so they can
    # be found).
    (start, end), cue = uses[0]
    low = cue.lower()
    right = LOADED[low]
    if cue[:1].isupper():
        right = right.capitalize()
    stem = next(s for s in _IMPLIES if low.startswith(s))
    more = ""
    if len(uses) > 1:
        others = "; ".join(f"'{_around(text, s, e)}'" for (s, e), _ in uses[1:4])
        more = f" The story uses {len(uses) - 1} more: {others}"
        more += " ..." if len(uses) > 4 else "."
    yield Hit(
        start,
        end,
        f"'{cue}' {_IMPLIES[stem]}; '{right}' attributes without taking a side.{more}",
        (right,),
    )


def _around(text: str, start: int, end: int) -> str:
    """The verb with the word before and after it: enough to find it in the story."""
    before = regex.search(r"(\S+\s+)?$", text[max(0, start - 30) : start]).group(0)
    after = regex.match(r"(\s+\S+)?", text[end : end + 30]).group(0)
    return " ".join(f"{before}{text[start:end]}{after}".split())
