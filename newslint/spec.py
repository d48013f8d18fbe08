"""Rule metadata: what a rule file declares (:class:`RuleSpec`), the error a broken one
raises (:class:`RuleError`), and where a rule pack's data files are.

Both the loader and the rule kinds import from here, so neither imports the other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

LEVELS = ("info", "warning", "error")


class RuleError(Exception):
    """A broken rule definition; ``str()`` names the file and line."""


# Keys every rule may have; a kind adds its own (newslint.kinds.KINDS).
COMMON_KEYS = {
    "id",
    "kind",
    "level",
    "default",
    "summary",
    "message",
    "why",
    "example",
    "use_instead",
    "scope",
    "fixable",
    "source",
}
SCOPES = {
    "sentence",
    "paragraph",
    "heading",
    "blockquote",
    "quote",
    "text",
    "~quote",
    "~heading",
    "~blockquote",
}


@dataclass
class RuleSpec:
    """A rule as written in its YAML file, validated."""

    id: str
    kind: str
    level: str
    default: bool
    summary: str
    message: str
    why: str
    example: str
    use_instead: str
    scope: tuple[str, ...]
    fixable: bool
    options: dict = field(default_factory=dict)  # the kind's own keys
    path: str = ""  # file it came from
    folder: str = ""  # folder of that file, for word lists beside it
    lines: dict = field(default_factory=dict)  # key -> line, for error messages
    source: str = ""  # a citation for the rule's facts, where it has one

    @property
    def group(self) -> str:
        return self.id.split(".", 1)[0]

    def where(self, key: str | None = None) -> str:
        line = self.lines.get(key) if key else None
        return f"{self.path}:{line}" if line else self.path


@cache
def builtin_root() -> str:
    """The folder of the rules shipped with newslint (``rules/`` in a checkout, installed
    as the package ``newslint.rules``)."""
    return str(resources.files("newslint.rules"))


@cache
def builtin_packs_root() -> str:
    """The folder of the optional packs shipped with newslint (``newslint/packs/``): off
    unless a configuration's ``packs`` names one (``packs = ["ap"]``)."""
    return str(resources.files("newslint") / "packs")


def builtin_pack_names() -> list[str]:
    """The names of the optional built-in packs, sorted."""
    root = builtin_packs_root()
    if not os.path.isdir(root):
        return []
    return sorted(
        name
        for name in os.listdir(root)
        if os.path.isdir(os.path.join(root, name)) and not name.startswith(("_", "."))
    )


def builtin_pack(name: str) -> str | None:
    """The folder of built-in pack ``name``, or None when newslint ships no such pack.
    Only a bare name (no folder separator) can name one."""
    if not name or "/" in name or os.sep in name or name not in builtin_pack_names():
        return None
    return os.path.join(builtin_packs_root(), name)


# The option through which the ``code`` kind tells a check the folder of its rule file.
DATA_FOLDER = "data-folder"


def read_list(path: str) -> list[str]:
    """The entries of a word list: one a line, stripped; blank lines and ``#`` comment
    lines are skipped."""
    with open(path, encoding="utf-8") as fh:
        lines = (line.strip() for line in fh)
        return [line for line in lines if line and not line.startswith("#")]


def pack_file(group: str, name: str, folder: str | None = None) -> str:
    """The data file ``name`` (a word list) of rule group ``group``.

    ``folder`` is the folder of the rule that reads it: a user pack that replaces a
    built-in rule may ship its own list beside the rule's YAML file, which then wins.
    Otherwise the built-in pack's file.
    """
    if folder:
        own = os.path.join(folder, name)
        if os.path.isfile(own):
            return own
    return os.path.join(builtin_root(), group, name)
