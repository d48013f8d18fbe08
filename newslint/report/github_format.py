"""GitHub Actions workflow commands: ``::error file=...,line=...::message``."""

from __future__ import annotations

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(findings, **_) -> str:
    out = []
    for f in findings:
        props = ",".join(
            f"{k}={_escape_property(str(v))}"
            for k, v in (
                ("file", f.path),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f.rule),
            )
        )
        message = f.message + (f" (suggestion: {f.suggestions[0]})" if f.suggestions else "")
        out.append(f"::{_COMMAND[f.severity]} {props}::{_escape_data(message)}\n")
    return "".join(out)
