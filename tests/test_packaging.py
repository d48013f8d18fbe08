"""The wheel carries every rule pack: each rules/ folder is a package in pyproject.toml."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from tests.helpers import ROOT


def test_every_rule_folder_ships_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folders = {
        p.name
        for p in (ROOT / "rules").iterdir()
        if p.is_dir() and not p.name.startswith(("_", "."))
    }
    packages = {p.split(".")[-1] for p in config["packages"] if p.startswith("newslint.rules.")}
    assert folders == packages
    assert config["package-dir"] == {"newslint.rules": "rules"}
