"""What rules produce: a :class:`Hit` (offsets into the prose text, from a rule) and a
:class:`Finding` (positions in the source file, from the engine)."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int  # 1-based
    column: int  # 1-based, code points of the source line
    end_line: int
    end_column: int  # exclusive
    rule: str  # "spelling.typo"
    severity: str  # "error" | "warning" | "info"
    message: str
    suggestions: tuple[str, ...] = ()

    def sort_key(self) -> tuple:
        # Total: two findings of one rule at one place (proselint reports some twice, with
        # different messages) keep one order whatever the set they came from.
        return (
            self.path,
            self.line,
            self.column,
            self.rule,
            self.end_line,
            self.end_column,
            self.message,
            self.suggestions,
        )

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule yields: offsets into ``Document.text``. The engine turns hits into
    findings (positions, severity, suppressions, select/ignore); a rule never computes
    positions."""

    start: int  # offset into Document.text
    end: int  # exclusive
    message: str
    suggestions: tuple[str, ...] = ()
    # A rule sure of some findings and less of others marks these with a lower level;
    # the finding's severity is the lower of this and the rule's (configured) level.
    level: str | None = None
