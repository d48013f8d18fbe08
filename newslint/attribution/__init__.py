"""The attribution analysis: who said what in a story, the way an editor reads it.

It finds no fault itself. The sourcing rules, ``style.weasel``, ``newslint sources``,
the HTML report and the benchmarks all read its one result per document,
:func:`attributions`: a list of :class:`Attribution` records (source, cue, content,
quotation or not, and the source's kind).

Modules, in the order the analysis runs:

- ``lexicon``, ``words``: the word lists (``rules/sourcing/*.txt``) and closed classes.
- ``tokens``: the tokens of the sentences worth reading.
- ``cues``: cues found by rule; ``subjects`` and ``contents`` find their source and
  content; ``kind`` types the source.
- ``tagger`` (weights and inference in ``model``): cues the rules miss.
- ``speakers``: continued quotations and pronouns.
- ``extractor``: the driver; ``settings``: its switches and margins.
"""

from __future__ import annotations

from newslint.attribution.base import KINDS, UNKNOWN, Attribution, Span
from newslint.attribution.contents import speech_like
from newslint.attribution.extractor import attributions

__all__ = ["KINDS", "UNKNOWN", "Attribution", "Span", "attributions", "speech_like"]
