"""Checks that need real code (spelling, attribution, names).

A YAML rule with ``kind: code`` and ``function: MODULE:NAME`` runs
``newslint.checks.MODULE.NAME(doc, options)``, which yields :class:`Hit` values:
offsets into ``doc.text``. The engine turns hits into findings (positions,
severity, suppressions, select/ignore); a check never computes positions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # offset into Document.text
    end: int  # exclusive
    message: str
    suggestions: tuple[str, ...] = ()
    # Set by a check that reports under a rule id other than the one that ran it
    # (for example sourcing.anonymous from the sourcing.vague check); "" = the running rule.
    rule: str = ""
