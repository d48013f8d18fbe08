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


def test_every_built_in_pack_file_ships_in_the_wheel():
    """The optional packs (newslint/packs/<pack>/<group>/*.yml) are package data of
    ``newslint``: every file there matches one of its package-data patterns."""
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = config["package-data"]["newslint"]
    package = ROOT / "newslint"
    files = [p for p in (package / "packs").rglob("*") if p.is_file()]
    assert files
    left_out = [
        str(p.relative_to(package))
        for p in files
        if not any(fnmatch(p.relative_to(package).as_posix(), pat) for pat in patterns)
    ]
    assert not left_out, left_out


def test_every_python_package_is_listed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    package = ROOT / "newslint"
    found = {
        ".".join(("newslint", *p.parent.relative_to(package).parts))
        for p in package.rglob("__init__.py")
    }
    assert found <= set(config["packages"]), found - set(config["packages"])
