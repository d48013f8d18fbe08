"""The words of style.weasel: weasel phrases and hedges, as patterns.

Two tiers, because news and encyclopedic prose use the same words differently:

- **Weasel phrases** ("is widely considered", "many believe", "regarded by many") claim
  the weight of a crowd without naming anyone. They are flagged wherever they stand.
- **Hedges and vague quantifiers** ("some", "several", "perhaps", "might", "is seen as",
  "one of the most", "well-known") are ordinary news words when a source carries them;
  style.weasel flags them only when no identifiable source is near.
"""

from __future__ import annotations

import re

_BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|be|being)"
_ADV = (
    r"(?:widely|generally|often|commonly|frequently|largely|broadly|universally|sometimes|"
    r"popularly|increasingly)"
)
_VIEW = (
    r"(?:considered|regarded|seen|viewed|believed|thought|said|described|recogni[sz]ed|accepted|"
    r"acknowledged|criti(?:ci)?[sz]ed|praised|acclaimed|cited|held|reported|credited|deemed|"
    r"perceived|touted|hailed|labell?ed|dubbed|disputed|debated|questioned|rumou?red|claimed|"
    r"argued)"
)
_GROUP = (
    r"(?:many|some|most|several|others|critics|experts|observers|scholars|commentators|historians)"
)

# Tier 1: weasel phrases, flagged wherever they stand.
PHRASES = re.compile(
    rf"\b{_BE}\s+{_ADV}\s+{_VIEW}\b"
    rf"|\b{_BE}\s+(?:highly|heavily|much|hotly|fiercely)\s+(?:criti(?:ci)?[sz]ed|praised|"
    r"acclaimed|disputed|debated|contested|touted)\b"
    rf"|\b{_VIEW}\s+by\s+{_GROUP}\b"
    rf"|\b(?:widely|generally|universally|commonly)\s+(?:{_VIEW}|known|referred\s+to)\b"
    r"|\b(?:many|some|most)\s+(?:people\s+|observers\s+|experts\s+|critics\s+|scholars\s+|"
    r"historians\s+|commentators\s+|believers\s+|fans\s+)?(?:would\s+)?(?:believe|say|think|"
    r"feel|argue|claim|consider|suggest|contend|maintain|regard|speculate)\b"
    r"|\bit\s+(?:could|can|may|might)\s+be\s+(?:argued|said)\b"
    r"|\barguably\b"
    r"|\bthere\s+(?:is|are|was|has\s+been)\s+(?:a\s+|some\s+)?(?:growing\s+|widespread\s+|"
    r"general\s+|common\s+|popular\s+)?(?:perception|belief|consensus|feeling|view|sense|"
    r"speculation|suspicion)s?\b"
    r"|\bthere\s+(?:is|are|was|were)\s+(?:some|much|little)\s+(?:evidence|debate|doubt|"
    r"controversy)\b"
    rf"|\b(?:according\s+to|in\s+the\s+(?:view|opinion|eyes)\s+of)\s+{_GROUP}\b"
    r"|\b(?:has|have|had)\s+(?:come|been)\s+under\s+(?:criticism|fire|attack|scrutiny)\b"
    r"(?!\s+from)"
    r"|\b(?:widespread|universal|critical|popular)\s+(?:acclaim|criticism|praise)\b"
    r"|\b(?:some|many|most)\s+(?:of\s+the\s+)?(?:people|scholars|historians|critics|experts|"
    r"observers|commentators|fans|believers)\b",
    re.IGNORECASE,
)

# Words after "some"/"many" that make them a count or a degree, not a vague crowd:
# "some 40 people", "for some time", "many more", "so many".
_NOT_CROWD = (
    r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|time|times|years?|months?|weeks?|days?|"
    r"hours?|minutes?|point|way|ways|degree|extent|sort|kind|more|less|other|others|such|so|"
    r"too|as|much)\b"
)

# Where a vague crowd is the subject of its clause: "Some argue ...", "..., but many
# residents ...". Elsewhere "several" is mostly a plain count ("several times").
_CLAUSE_START = (
    r"(?:(?<=^)|(?<=[.;:,]\s)|(?<=\bbut\s)|(?<=\band\s)|(?<=\bwhile\s)|(?<=\bthat\s)|"
    r"(?<=\bwhere\s)|(?<=\balthough\s)|(?<=\bthough\s)|(?<=\bsince\s)|(?<=\bbecause\s)|"
    r"(?<=\bwhen\s))"
)

# Tier 2: hedges and vague quantifiers, flagged only with no identifiable source nearby.
HEDGES = re.compile(
    # A vague crowd: "some researchers", "many of the residents", "Several critics".
    rf"(?<!\bfor\s)\bsome\s+(?!{_NOT_CROWD})(?:of\s+)?[a-z]+"
    rf"|(?<!\bhow\s)(?<!\bso\s)(?<!\btoo\s)(?<!\bas\s)\bmany\s+(?!{_NOT_CROWD})(?:of\s+)?[a-z]+"
    r"|\bseveral\b"
    # Hedging adverbs ("allegedly" is the legal word for an unproven charge: never flagged).
    r"|\b(?:perhaps|possibly|probably|presumably|supposedly|purportedly|apparently|seemingly|"
    r"reputedly|conceivably)\b"
    # The reporter's impression offered as fact: "the deal appears doomed". Not the verb
    # of showing up: "she appeared in two films", "will appear on the show".
    r"|\b(?:appears?|appeared)\b(?!\s+(?:in|on|at|before|with|alongside|opposite|for|from|"
    r"during|across|under|via|together|live|onstage|outside|inside|a|an|the|"
    r"as\s+(?:a|an|the|himself|herself|themselves|guests?))\b)"
    r"|\b(?:seems?|seemed)\b"
    # Agentless judgements: "is seen as", "regarded as", "considered the best".
    r"|\b(?:is|are|was|were)\s+(?:considered|regarded|seen|viewed|deemed|perceived)\s+"
    r"(?:as|to\s+be|by)\b"
    r"|\b(?:considered|regarded\s+as|seen\s+as|viewed\s+as|described\s+as)\b"
    # Peacock superlatives standing in for evidence.
    r"|\bone\s+of\s+the\s+(?:most|best|finest|greatest|leading|foremost|premier)\b"
    # ("notably" means "in particular"; "prestigious" praises an award, not a claim:
    # 0 of 6 weasel sentences in the Wikipedia set.)
    r"|\b(?:well|best|widely)[\s-]known\b|\b(?:famous|renowned|celebrated|legendary|iconic|"
    r"notable|noted|prominent|acclaimed|influential)\b",
    re.IGNORECASE | re.MULTILINE,
)


TRIGGERS_PHRASES = (
    "widely generally often commonly frequently largely broadly universally sometimes "
    "popularly increasingly highly heavily much hotly fiercely many some most several others "
    "critics experts observers scholars commentators historians arguably little under acclaim "
    "criticism praise perception perceptions belief beliefs consensus consensuses feeling "
    "feelings view views sense senses speculation speculations suspicion suspicions"
).split()
TRIGGERS_HEDGES = (
    "some many several perhaps possibly probably presumably supposedly purportedly apparently "
    "seemingly reputedly conceivably appear appears appeared seem seems seemed considered "
    "regarded seen viewed deemed perceived described known famous renowned celebrated "
    "legendary iconic prestigious notable notably noted prominent acclaimed influential"
).split()
TRIGGER_PHRASES_RE = re.compile(r"\bbe\s+(?:argued|said)\b", re.IGNORECASE)
TRIGGER_HEDGES_RE = re.compile(r"\bone\s+of\s+the\b", re.IGNORECASE)
