"""The words of style.weasel: weasel phrases and hedges, as patterns.

Two tiers, because news and encyclopedic prose use the same words differently:

- **Weasel phrases** ("is widely considered", "many believe", "regarded by many") claim
  the weight of a crowd without naming anyone. They are flagged wherever they stand.
- **Hedges** ("supposedly", "is seen as", "has come under fire") are the reporter's
  judgement when no source carries them; style.weasel flags them only when no
  identifiable source is near.
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

# Tier 1: weasel phrases, flagged wherever they stand outside quoted speech.
PHRASES = re.compile(
    rf"\b{_BE}\s+{_ADV}\s+{_VIEW}\b"
    rf"|\b{_BE}\s+(?:highly|heavily|much|hotly|fiercely)\s+(?:criti(?:ci)?[sz]ed|praised|"
    r"acclaimed|disputed|debated|contested|touted)\b"
    rf"|\b{_VIEW}\s+by\s+{_GROUP}\b"
    rf"|\b(?:widely|generally|universally|commonly)\s+{_VIEW}\b"
    # A crowd holding a view, with its verb: "many believe", "some people say". Without
    # the verb the quantifier counts things ("many people signed up"): not a weasel.
    r"|\b(?:many|some|most)\s+(?:people\s+|observers\s+|experts\s+|critics\s+|scholars\s+|"
    r"historians\s+|commentators\s+|believers\s+|fans\s+)?(?:would\s+)?(?:believe|say|think|"
    r"feel|argue|claim|consider|suggest|contend|maintain|regard|speculate)\b"
    r"|\bit\s+(?:could|can|may|might)\s+be\s+(?:argued|said)\b"
    r"|\barguably\b"
    r"|\bthere\s+(?:is|are|was|has\s+been)\s+(?:a\s+|some\s+)?(?:growing\s+|widespread\s+|"
    r"general\s+|common\s+|popular\s+)?(?:perception|belief|consensus|feeling|view|sense|"
    r"speculation|suspicion)s?\b"
    rf"|\b(?:according\s+to|in\s+the\s+(?:view|opinion|eyes)\s+of)\s+{_GROUP}\b",
    re.IGNORECASE,
)

# Tier 2: the reporter's judgement offered on nobody's authority, flagged only with no
# identifiable source in the sentence or the ones beside it. Counts ("some", "several",
# "many of them"), ordinary caution ("appears to show", "probably"), and descriptions
# news uses plainly ("prominent", "one of the largest") are not weasels in news copy: an
# editor would not query them.
HEDGES = re.compile(
    # Sneering or distancing adverbs ("allegedly" is the legal word: never flagged).
    r"\b(?:supposedly|purportedly|apparently|reputedly)\b"
    # Agentless judgements: "is seen as", "was regarded as", "are considered to be".
    r"|\b(?:is|are|was|were|been|being)\s+(?:widely\s+|generally\s+)?(?:considered|regarded|"
    r"seen|viewed|deemed|perceived)\s+(?:as|to\s+be)\b"
    r"|\b(?:regarded|seen|viewed|perceived)\s+as\s+(?:a|an|the)\b"
    # Criticism or praise with no critic named: "has come under fire", "critical acclaim".
    r"|\b(?:has|have|had)\s+(?:come|been)\s+under\s+(?:criticism|fire|attack)\b(?!\s+from)"
    r"|\b(?:widespread|universal|critical|popular)\s+(?:acclaim|criticism|praise)\b",
    re.IGNORECASE,
)


TRIGGERS_PHRASES = (
    "widely generally often commonly frequently largely broadly universally sometimes "
    "popularly increasingly highly heavily much hotly fiercely many some most several others "
    "critics experts observers scholars commentators historians arguably acclaim criticism "
    "praise perception perceptions belief beliefs consensus consensuses feeling feelings "
    "view views sense senses speculation speculations suspicion suspicions"
).split()
TRIGGERS_HEDGES = (
    "supposedly purportedly apparently reputedly considered regarded seen viewed deemed "
    "perceived under acclaim criticism praise"
).split()
TRIGGER_PHRASES_RE = re.compile(r"\bbe\s+(?:argued|said)\b", re.IGNORECASE)
TRIGGER_HEDGES_RE = re.compile(r"(?!x)x")  # every hedge holds a trigger word
