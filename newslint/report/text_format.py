"""``path:line:column: rule severity message [suggestion]``, one finding a line."""

from __future__ import annotations

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def line(f, colour: bool = False) -> str:
    """One finding on one line, whatever its message holds."""
    where = f"{f.path}:{f.line}:{f.column}:"
    if "\n" in f.message or "\r" in f.message:
        f = type(f)(
            **{**f.to_dict(), "message": " ".join(f.message.split()), "suggestions": f.suggestions}
        )
    suggestion = f" [{f.suggestions[0]}]" if f.suggestions else ""
    if not colour:
        return f"{where} {f.rule} {f.severity} {f.message}{suggestion}"
    sev = f"{_COLOURS.get(f.severity, '')}{f.severity}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {_DIM}{f.rule}{_RESET} {sev} {f.message}{suggestion}"


def render(findings, colour: bool = False, **_) -> str:
    return "".join(line(f, colour) + "\n" for f in findings)
