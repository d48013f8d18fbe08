"""Configuration: ``.newslint.toml`` or ``[tool.newslint]`` in ``pyproject.toml``.

Discovered from the folder of each checked file upward; the first file found
wins. Validation is strict: an unknown key, a wrong type or an unreadable file
is a :class:`ConfigError` naming the file, the line where we can tell, and the key.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from newslint.spec import LEVELS


class ConfigError(Exception):
    """A configuration problem; ``str()`` is the one-line message for the user."""


# Allowed keys: name -> (type description, checker)
def _str_list(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _str_map_of_lists(v) -> bool:
    return isinstance(v, dict) and all(
        isinstance(k, str) and (_str_list(x) or isinstance(x, str)) for k, x in v.items()
    )


def _level(v) -> bool:
    return v in LEVELS


_TOP = {
    "select": ("a list of rule ids or groups", _str_list),
    "ignore": ("a list of rule ids or groups", _str_list),
    "fail-level": ("one of info, warning, error", _level),
    "exclude": ("a list of glob patterns", _str_list),
    "packs": ("a list of rule pack paths", _str_list),
    "extensions": ("a list of file extensions", _str_list),
    "levels": (
        "a table of rule id = level",
        lambda v: isinstance(v, dict) and all(_level(x) for x in v.values()),
    ),
}
_SECTIONS = {
    "spelling": {
        "accept": ("a list of words", _str_list),
        "accept-file": ("a path", lambda v: isinstance(v, str)),
        "variant": ("'en-US' or 'en-GB'", lambda v: v in ("en-US", "en-GB")),
        "prohibit": ("a list of correctly cased words", _str_list),
    },
    "names": {
        "preferred": ("a table of preferred = [variants]", _str_map_of_lists),
        "except": ("a list of phrases left alone", _str_list),
        "known": ("a list of names known to be distinct", _str_list),
        "fuzzy": ("true or false", lambda v: isinstance(v, bool)),
        "curated": ("true or false", lambda v: isinstance(v, bool)),
    },
    "sourcing": {
        "claims": ("true or false", lambda v: isinstance(v, bool)),
    },
    "languagetool": {
        "url": ("a URL", lambda v: isinstance(v, str)),
        "language": ("a language code", lambda v: isinstance(v, str)),
        "timeout": ("a number of seconds", lambda v: isinstance(v, (int, float)) and v > 0),
    },
}
# Options whose values are paths, resolved against the configuration file's folder.
_PATH_OPTIONS = {("spelling", "accept-file")}


@dataclass
class Config:
    """The settings that apply to one checked file."""

    path: str | None = None  # the file they came from, None for defaults
    root: str = "."  # folder paths in the config are relative to
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_level: str = "warning"
    exclude: list[str] = field(default_factory=list)
    packs: list[str] = field(default_factory=list)
    extensions: list[str] | None = None
    levels: dict[str, str] = field(default_factory=dict)
    sections: dict[str, dict] = field(default_factory=dict)

    def section(self, name: str) -> dict:
        return self.sections.get(name, {})

    def key(self) -> tuple:
        """A hashable identity, so linters can be cached per configuration."""
        return (
            self.path,
            repr(self.select),
            repr(self.ignore),
            repr(self.levels),
            repr(self.packs),
            repr(sorted(self.sections.items(), key=str)),
        )


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf'^\s*"?{re.escape(key)}"?\s*=', text, re.M)
    if not m:
        m = re.search(rf"^\s*\[[^\]]*\b{re.escape(key)}\b[^\]]*\]", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _where(path: str, text: str, key: str) -> str:
    line = _line_of(text, key.split(".")[-1])
    return f"{path}:{line}" if line else path


def parse_config(data: dict, path: str, text: str = "", root: str | None = None) -> Config:
    """Validate a configuration table and build a :class:`Config`."""
    cfg = Config(path=path, root=root or os.path.dirname(os.path.abspath(path)))
    for key, value in data.items():
        if key in _SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{_where(path, text, key)}: '{key}' must be a table")
            cfg.sections[key] = _section(key, value, path, text, cfg.root)
            continue
        if key not in _TOP:
            known = ", ".join(sorted([*_TOP, *_SECTIONS]))
            raise ConfigError(f"{_where(path, text, key)}: unknown key '{key}' (known: {known})")
        what, ok = _TOP[key]
        if not ok(value):
            raise ConfigError(f"{_where(path, text, key)}: '{key}' must be {what}")
        if key == "select":
            cfg.select = list(value)
        elif key == "ignore":
            cfg.ignore = list(value)
        elif key == "fail-level":
            cfg.fail_level = value
        elif key == "exclude":
            cfg.exclude = list(value)
        elif key == "packs":
            cfg.packs = [os.path.join(cfg.root, p) for p in value]
        elif key == "extensions":
            cfg.extensions = [e if e.startswith(".") else "." + e for e in value]
        elif key == "levels":
            cfg.levels = dict(value)
    return cfg


def _section(name: str, table: dict, path: str, text: str, root: str) -> dict:
    schema = _SECTIONS[name]
    out = {}
    for key, value in table.items():
        if key not in schema:
            known = ", ".join(sorted(schema))
            raise ConfigError(
                f"{_where(path, text, key)}: unknown key '{name}.{key}' (known: {known})"
            )
        what, ok = schema[key]
        if not ok(value):
            raise ConfigError(f"{_where(path, text, key)}: '{name}.{key}' must be {what}")
        if (name, key) in _PATH_OPTIONS:
            value = os.path.join(root, value)
        out[key] = value
    return out


def load_config(path: str) -> Config:
    """Read a ``.newslint.toml`` or a ``pyproject.toml`` (its ``[tool.newslint]``)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"{path}: cannot read configuration: {reason}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.newslint] must be a table")
    return parse_config(data, path, text)


def _has_tool_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[tool\.newslint[\].]", text, re.M) is not None


class ConfigFinder:
    """Finds the configuration for each checked file, caching by folder."""

    def __init__(self, explicit: str | None = None):
        self._explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}

    def for_file(self, path: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        folder = os.path.dirname(os.path.abspath(path))
        return self.for_dir(folder)

    def for_dir(self, folder: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        if folder in self._by_dir:
            return self._by_dir[folder]
        found = self._search(Path(folder))
        if found is None:
            cfg = Config()
        elif found in self._by_file:
            cfg = self._by_file[found]
        else:
            cfg = self._by_file[found] = load_config(found)
        self._by_dir[folder] = cfg
        return cfg

    @staticmethod
    def _search(start: Path) -> str | None:
        for folder in (start, *start.parents):
            candidate = folder / ".newslint.toml"
            if candidate.is_file():
                return str(candidate)
            candidate = folder / "pyproject.toml"
            if candidate.is_file() and _has_tool_section(candidate):
                return str(candidate)
        return None
