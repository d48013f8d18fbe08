"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json

from newslint import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(findings, rules=(), **_) -> str:
    rules = sorted(rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for f in findings:
        result = {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path.replace("\\", "/")},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    }
                }
            ],
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if f.suggestions:
            result["properties"] = {"suggestions": list(f.suggestions)}
        results.append(result)
    driver = {
        "name": "newslint",
        "version": __version__,
        "informationUri": "https://pypi.org/project/newslint/",
        "rules": [
            {
                "id": r.id,
                "shortDescription": {"text": r.summary or r.id},
                "fullDescription": {"text": r.why or r.summary or r.id},
                "defaultConfiguration": {"level": _LEVEL[r.level], "enabled": r.default},
            }
            for r in rules
        ],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
