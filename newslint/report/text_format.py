"""``path:line:column: rule severity message [suggestion]``, one finding a line.

Whatever a file name or a draft holds, a finding is one line and nothing in it reaches
the terminal as a control sequence: control characters (and the bidirectional
overrides that reorder what a terminal shows) are written as escapes, ``\\n``,
``\\x1b``, ``\\u202e``. Other characters, non-ASCII letters included, are unchanged.
"""

from __future__ import annotations

import re

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"

# C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(s: str) -> str:
    """``s`` with control characters escaped (see the module's doc)."""
    return _UNPRINTABLE.sub(_escape, s) if _UNPRINTABLE.search(s) else s


def line(f, colour: bool = False) -> str:
    """One finding on one line, whatever its path or message holds."""
    where = f"{printable(f.path)}:{f.line}:{f.column}:"
    message = f.message
    if "\n" in message or "\r" in message:
        message = " ".join(message.split())
    message = printable(message)
    suggestion = f" [{printable(f.suggestions[0])}]" if f.suggestions else ""
    if not colour:
        return f"{where} {printable(f.rule)} {f.severity} {message}{suggestion}"
    sev = f"{_COLOURS.get(f.severity, '')}{f.severity}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {_DIM}{printable(f.rule)}{_RESET} {sev} {message}{suggestion}"


def render(findings, colour: bool = False, **_) -> str:
    return "".join(line(f, colour) + "\n" for f in findings)
