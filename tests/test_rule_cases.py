"""Runs every case in tests/rules/<rule>.yml, and tests/rules/<pack>/<rule>.yml for the rules
of an optional built-in pack (run with that pack named in ``packs``); fails when a rule has no
cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.api import check_text
from newslint.engine import builtin_rules
from newslint.rules_loader import load_pack
from newslint.spec import builtin_pack, builtin_pack_names

CASES_DIR = Path(__file__).parent / "rules"
FORMAT_PATHS = {"text": "case.txt", "markdown": "case.md", "html": "case.html"}


def _load_cases():
    cases = []
    files = [*sorted(CASES_DIR.glob("*.yml")), *sorted(CASES_DIR.glob("*/*.yml"))]
    for path in files:
        pack = path.parent.name if path.parent != CASES_DIR else None
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = data.pop("rule")
        config = dict(data.pop("config", None) or {})
        if pack:
            config.setdefault("packs", [pack])
        for name, case in data.items():
            label = f"{pack}/{rule}" if pack else rule
            cases.append(pytest.param(pack, rule, config, case, id=f"{label}:{name}"))
    return cases


CASES = _load_cases()


def _fill(value, request):
    """Replace the LANGUAGETOOL_URL placeholder with the stand-in server's address."""
    if isinstance(value, dict):
        return {k: _fill(v, request) for k, v in value.items()}
    if value == "LANGUAGETOOL_URL":
        return request.getfixturevalue("languagetool_url")
    return value


@pytest.mark.parametrize(("pack", "rule", "config", "case"), CASES)
def test_rule_case(pack, rule, config, case, request):
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


def _rules_of(pack):
    return builtin_rules() if pack is None else load_pack(builtin_pack(pack))


def test_every_rule_has_pass_and_fail_cases():
    kinds: dict[tuple, set[str]] = {}
    for param in CASES:
        pack, rule, _config, case = param.values
        kinds.setdefault((pack, rule), set()).add("pass" if "pass" in case else "fail")
    missing = [
        f"{pack}/{r.id}" if pack else r.id
        for pack in [None, *builtin_pack_names()]
        for r in _rules_of(pack)
        if kinds.get((pack, r.id), set()) != {"pass", "fail"}
    ]
    assert not missing, f"rules without both pass and fail cases: {missing}"


def test_case_files_name_known_rules():
    packs = {p.values[0] for p in CASES} - {None}
    assert packs <= set(builtin_pack_names()), f"cases for unknown packs: {packs}"
    known = {(pack, r.id) for pack in [None, *packs] for r in _rules_of(pack)}
    unknown = {(p.values[0], p.values[1]) for p in CASES} - known
    assert not unknown, f"test cases for unknown rules: {unknown}"
