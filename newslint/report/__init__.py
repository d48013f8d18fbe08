"""Output formats: one module each, all with ``render(findings, **context) -> str``."""

from __future__ import annotations

FORMATS = ("text", "json", "github", "sarif", "html")


def render(fmt: str, findings, **context) -> str:
    import importlib

    module = importlib.import_module(f"newslint.report.{fmt}_format")
    return module.render(findings, **context)
