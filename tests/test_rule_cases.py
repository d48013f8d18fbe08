"""Runs every case in tests/rules/<rule>.yml; fails when a rule has no cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.api import check_text
from newslint.engine import builtin_rules

CASES_DIR = Path(__file__).parent / "rules"
FORMAT_PATHS = {"text": "case.txt", "markdown": "case.md", "html": "case.html"}


def _load_cases():
    cases = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = data.pop("rule")
        config = data.pop("config", None)
        for name, case in data.items():
            cases.append(pytest.param(rule, config, case, id=f"{rule}:{name}"))
    return cases


CASES = _load_cases()


def _fill(value, request):
    """Replace the LANGUAGETOOL_URL placeholder with the stand-in server's address."""
    if isinstance(value, dict):
        return {k: _fill(v, request) for k, v in value.items()}
    if value == "LANGUAGETOOL_URL":
        return request.getfixturevalue("languagetool_url")
    return value


@pytest.mark.parametrize(("rule", "config", "case"), CASES)
def test_rule_case(rule, config, case, request):
    fmt = case.get("format", "text")
    text = case["pass"] if "pass" in case else case["fail"]
    cfg = _fill(dict(config or {}), request)
    cfg.update(_fill(case.get("config", {}), request))
    cfg.setdefault("select", [rule])
    found = [f for f in check_text(text, path=FORMAT_PATHS[fmt], config=cfg) if f.rule == rule]
    if "pass" in case:
        assert found == [], f"expected no {rule} finding, got {found}"
        return
    assert found, f"expected a {rule} finding in {text!r}"
    expected = case.get("findings")
    if expected is not None:
        assert len(found) == len(expected), found
        for want, got in zip(expected, found, strict=True):
            for key, value in want.items():
                actual = getattr(got, key)
                if key == "suggestions":
                    actual = list(actual)
                assert actual == value, f"{key}: expected {value!r}, got {actual!r} in {got}"


def test_every_rule_has_pass_and_fail_cases():
    kinds: dict[str, set[str]] = {}
    for param in CASES:
        rule, _config, case = param.values
        kinds.setdefault(rule, set()).add("pass" if "pass" in case else "fail")
    missing = [r.id for r in builtin_rules() if kinds.get(r.id, set()) != {"pass", "fail"}]
    assert not missing, f"rules without both pass and fail cases: {missing}"


def test_case_files_name_known_rules():
    known = {r.id for r in builtin_rules()}
    unknown = {p.values[0] for p in CASES} - known
    assert not unknown, f"test cases for unknown rules: {unknown}"
