"""The JSON object of docs/formats.md: ``{"version": 1, "findings": [...]}``."""

from __future__ import annotations

import json


def render(findings, **_) -> str:
    return (
        json.dumps(
            {"version": 1, "findings": [f.to_dict() for f in findings]},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
