"""Configuration: ``.newslint.toml`` or ``[tool.newslint]`` in ``pyproject.toml``.

Discovered from the folder of each checked file upward; the first file found
wins. Validation is strict: an unknown key, a wrong type or an unreadable file
(the configuration, or a word list it names) is a :class:`ConfigError` naming the
file, the line where we can tell, and the key.

A configuration file belongs to a repository, and a repository may not send drafts
over the network: a ``[languagetool] url`` is used only when the person running
newslint allows it (:func:`network_allowed`: ``--allow-network``, the environment, or
their user configuration, :func:`user_config`). docs/security.md has the whole model.
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

from newslint.spec import LEVELS, builtin_pack


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
    "packs": ("a list of rule pack paths or built-in pack names", _str_list),
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
    "uk-news": {
        "headline-quotes": ("'single' or 'double'", lambda v: v in ("single", "double")),
        "date-order": (
            "'day-month' or 'month-day'",
            lambda v: v in ("day-month", "month-day"),
        ),
    },
    "languagetool": {
        "url": ("a URL", lambda v: isinstance(v, str)),
        "language": ("a language code", lambda v: isinstance(v, str)),
        "timeout": ("a number of seconds", lambda v: isinstance(v, (int, float)) and v > 0),
    },
}
# Options whose values are paths, resolved against the configuration file's folder.
_PATH_OPTIONS = {("spelling", "accept-file")}
# Options that make newslint talk to another machine: honoured only with the permission of
# the person running newslint (network_allowed), never on a repository's word alone.
_NETWORK_OPTIONS = {("languagetool", "url")}
NETWORK_ENV = "NEWSLINT_ALLOW_NETWORK"


@dataclass
class Config:
    """The settings that apply to one checked file."""

    path: str | None = None  # the file they came from, None for defaults
    root: str = "."  # folder paths in the config are relative to
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    # Errors fail a check: what an editor would stop a story for. Warnings are for an
    # editor's look and fail only with fail-level = "warning".
    fail_level: str = "error"
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
            # A bare built-in name ("ap", "uk-news") is the pack shipped with newslint;
            # anything else is a folder relative to this file ("./ap" for a folder "ap").
            cfg.packs = [builtin_pack(p) or os.path.join(cfg.root, p) for p in value]
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
            _check_word_file(value, f"{_where(path, text, key)}: '{name}.{key}'")
        out[key] = value
    return out


def _check_word_file(path: str, what: str) -> None:
    """A word list the configuration names must exist and be UTF-8 text: ConfigError
    (``what`` names the configuration file, line and key) otherwise."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise ConfigError(f"{what}: {path}: no such file") from None
    except OSError as exc:
        raise ConfigError(f"{what}: {path}: cannot read: {exc.strerror or exc}") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{what}: {path}: not valid UTF-8 at byte {exc.start}; save it as UTF-8"
        ) from None


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


def user_config_path() -> str:
    """The user configuration: ``config.toml`` in the user's newslint configuration folder
    (``$XDG_CONFIG_HOME/newslint``, by default ``~/.config/newslint``)."""
    from newslint.userdirs import config_dir

    return os.path.join(config_dir(), "config.toml")


_USER_KEYS = {"allow-network": ("true or false", lambda v: isinstance(v, bool))}


def user_config() -> dict:
    """The validated user configuration (empty when there is none). It holds what only
    the person running newslint may decide: ``allow-network = true``."""
    path = user_config_path()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"{path}: cannot read user configuration: {reason}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    for key, value in data.items():
        if key not in _USER_KEYS:
            known = ", ".join(sorted(_USER_KEYS))
            raise ConfigError(f"{_where(path, text, key)}: unknown key '{key}' (known: {known})")
        what, ok = _USER_KEYS[key]
        if not ok(value):
            raise ConfigError(f"{_where(path, text, key)}: '{key}' must be {what}")
    return data


def network_allowed(flag: bool | None = None) -> bool:
    """Whether the person running newslint lets it send drafts over the network.

    ``flag`` is the command line's ``--allow-network`` (True) or None; then the
    environment (``NEWSLINT_ALLOW_NETWORK=1`` or ``0``), then ``allow-network`` in the
    user configuration. A repository's own configuration never decides this.
    """
    if flag is not None:
        return flag
    value = os.environ.get(NETWORK_ENV, "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    if value:
        raise ConfigError(f"{NETWORK_ENV}: must be 1 or 0, not {value!r}")
    return bool(user_config().get("allow-network", False))


class ConfigFinder:
    """Finds the configuration for each checked file, caching by folder.

    A configuration read from a file (discovered, or named by ``--config``) is a
    repository's word: options that would send drafts over the network are dropped,
    with a notice in ``notices``, unless the person running newslint allowed it
    (``allow_network``, else :func:`network_allowed`'s environment and user configuration).
    """

    def __init__(self, explicit: str | None = None, allow_network: bool | None = None):
        self._allow_flag = allow_network
        self._allowed: bool | None = None
        self.notices: list[str] = []
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}
        self._explicit = self._load(explicit) if explicit else None

    def _load(self, path: str) -> Config:
        cfg = load_config(path)
        for section, key in _NETWORK_OPTIONS:
            if key in cfg.section(section):
                if self._allowed is None:
                    self._allowed = network_allowed(self._allow_flag)
                if not self._allowed:
                    del cfg.sections[section]
                    self.notices.append(
                        f"{path}: [{section}] {key} not used: sending drafts over the network "
                        f"needs your permission (--allow-network, {NETWORK_ENV}=1, or "
                        f"allow-network = true in {user_config_path()}); grammar rules skipped"
                    )
        return cfg

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
        found = self.search(Path(folder))
        if found is None:
            cfg = Config()
        elif found in self._by_file:
            cfg = self._by_file[found]
        else:
            cfg = self._by_file[found] = self._load(found)
        self._by_dir[folder] = cfg
        return cfg

    @staticmethod
    def search(start: Path) -> str | None:
        """The configuration file that applies in folder ``start``, or None."""
        for folder in (start, *start.parents):
            candidate = folder / ".newslint.toml"
            if candidate.is_file():
                return str(candidate)
            candidate = folder / "pyproject.toml"
            if candidate.is_file() and _has_tool_section(candidate):
                return str(candidate)
        return None
