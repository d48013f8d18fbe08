"""Vale styles as newslint rule packs: the reader.

A configuration's ``packs`` may name a Vale style folder (``styles/MyHouse``, a folder of
Vale rule files, or a StylesPath holding several) or a Vale vocabulary folder (one with
``accept.txt`` and/or ``reject.txt``, e.g. ``styles/config/vocabularies/Newsroom``). The
loader (:mod:`newslint.rules_loader`) hands every rule file with an ``extends`` key to
:func:`rule_from_vale`, and a vocabulary folder to :func:`load_vocabulary`.

What maps (docs/vale.md has the whole table):

- ``extends``: existence, substitution, occurrence, repetition, consistency,
  conditional and capitalization run as newslint rules of kind ``vale``
  (:mod:`newslint.kinds.vale`), with Vale's matching rules; the rule id is kept
  (``MyHouse.RuleName``). spelling, sequence, metric, readability and script have no
  equivalent: each such rule is left out with one notice naming it and its file
  (a script rule would run code from the repository; newslint never runs it).
- ``level``: error, warning, suggestion -> error, warning, info (Vale's default, warning).
- ``message`` (``%s`` is the match), ``description`` (the rule's why), ``link``
  (its source), ``ignorecase``, ``nonword``, ``tokens``, ``raw``, ``append``, ``swap``,
  ``exceptions``, ``vocab``, ``limit`` and each extension's own keys.
- ``scope``: text, paragraph, heading, list, blockquote, table (its cells), alt, title,
  sentence, summary, and ``~`` to leave one out. heading.h1 and the like are read as every
  heading, raw as text: each with a notice. code, comment and the inline scopes (link,
  strong, emphasis) are not prose newslint keeps: a rule that only looks there is left out
  with a notice.
- ``action``: replace (its params, or the swap) and remove become suggestions; other
  actions are not run, with a notice.
- A vocabulary: accept.txt entries are exceptions of every rule with ``vocab`` (as in
  Vale), words spelling.typo accepts, and the terms ``Vale.Terms`` enforces the case of;
  reject.txt entries are what ``Vale.Avoid`` reports.

A broken rule (not YAML, an unknown ``extends``, a key its extension does not have, a
pattern that does not compile, no message) is an error naming the file and line, as it is
in Vale; what newslint cannot do is a notice, never a silent skip.
"""

from __future__ import annotations

import dataclasses
import os

from newslint.spec import RuleError, RuleSpec

SUPPORTED = (
    "existence",
    "substitution",
    "occurrence",
    "repetition",
    "consistency",
    "conditional",
    "capitalization",
)
UNSUPPORTED = {
    "spelling": "use spelling.typo, with a vocabulary or [spelling] accept for house words",
    "sequence": "it needs part-of-speech tagging, which newslint does not do",
    "metric": "newslint computes no document metrics",
    "readability": "newslint computes no readability scores",
    "script": "a script is code, and newslint runs no code from a repository",
}
LEVELS = {"error": "error", "warning": "warning", "suggestion": "info"}
# Keys every Vale rule may have, and those of each extension point.
COMMON = {"extends", "message", "level", "description", "link", "scope", "action", "limit", "name"}
KEYS = {
    "existence": {"tokens", "raw", "append", "ignorecase", "nonword", "exceptions", "vocab"},
    "substitution": {
        "swap",
        "ignorecase",
        "nonword",
        "exceptions",
        "vocab",
        "capitalize",
        "pos",
    },
    "occurrence": {"token", "max", "min", "ignorecase"},
    "repetition": {"tokens", "max", "ignorecase", "alpha", "vocab", "exceptions"},
    "consistency": {"either", "nonword", "ignorecase"},
    "conditional": {"first", "second", "exceptions", "ignorecase", "vocab"},
    "capitalization": {
        "match",
        "style",
        "exceptions",
        "indicators",
        "threshold",
        "vocab",
        "prefix",
    },
}
# Vale scopes and the blocks (or units) newslint runs a rule on.
SCOPES = {
    "text": "text",
    "paragraph": "paragraph",
    "heading": "heading",
    "list": "item",
    "blockquote": "blockquote",
    "table": "cell",
    "alt": "alt",
    "title": "title",
    "sentence": "sentence",
    "summary": "document",
    "raw": "text",
}
NOT_PROSE = {"code", "comment", "link", "strong", "emphasis", "attr"}


def is_rule(data) -> bool:
    """A Vale rule file: a mapping with ``extends`` and no newslint ``kind``."""
    return isinstance(data, dict) and "extends" in data and "kind" not in data


def rule_from_vale(
    path: str, default_id: str, data: dict, lines: dict, root: str, notices: list[str]
) -> RuleSpec | None:
    """The newslint rule for one Vale rule file, or None (with a notice) when newslint has
    no equivalent of its extension point or scope. RuleError for a broken rule."""

    def where(key: str | None = None) -> str:
        return f"{path}:{lines[key]}" if key in lines else path

    rid = default_id if "." in default_id else f"{_style_name(root)}.{default_id}"
    extends = data.get("extends")
    if extends in UNSUPPORTED:
        notices.append(
            f"{where('extends')}: Vale rule {rid} (extends: {extends}) not run: "
            f"{UNSUPPORTED[extends]}"
        )
        return None
    if extends not in SUPPORTED:
        known = ", ".join([*SUPPORTED, *UNSUPPORTED])
        raise RuleError(f"{where('extends')}: 'extends' must be one of {known}, not {extends!r}")
    allowed = COMMON | KEYS[extends]
    for key in data:
        if key not in allowed:
            raise RuleError(
                f"{where(key)}: Vale rule {rid}: '{key}' is not a key of a {extends} rule "
                f"(allowed: {', '.join(sorted(allowed))})"
            )
    if not isinstance(data.get("message"), str):
        raise RuleError(f"{where('message')}: Vale rule {rid} needs a 'message'")
    level = data.get("level", "warning")
    if level not in LEVELS:
        raise RuleError(
            f"{where('level')}: 'level' must be one of {', '.join(LEVELS)}, not {level!r}"
        )
    for key in ("description", "link"):
        if key in data and not isinstance(data[key], str):
            raise RuleError(f"{where(key)}: '{key}' must be text")
    units = _units(data.get("scope", "text"), rid, where("scope"), notices)
    if units is None:
        return None
    options = {k: v for k, v in data.items() if k in KEYS[extends] or k in ("extends", "limit")}
    options["units"] = units
    options["vocab"] = data.get("vocab", True)
    options["name"] = rid
    suggestions = _action(data.get("action"), rid, where("action"), notices)
    if suggestions is not None:
        options["action"] = suggestions
    if extends == "substitution" and data.get("pos"):
        notices.append(
            f"{where('pos')}: Vale rule {rid}: 'pos' (part-of-speech filter) not honoured; "
            "the rule runs on every match"
        )
        options.pop("pos", None)
    message = data["message"]
    description = data.get("description", "")
    spec = RuleSpec(
        id=rid,
        kind="vale",
        level=LEVELS[level],
        default=True,
        summary=_summary(description or message),
        message=message,
        why=description,
        example="",
        use_instead="",
        scope=("sentence",),
        fixable=False,
        options=options,
        path=path,
        folder=os.path.dirname(path),
        lines=lines,
        source=data.get("link", "") or f"Vale style {_style_name(root)} ({path})",
    )
    from newslint.kinds import vale as kind

    kind.validate(spec)
    return spec


def _style_name(root: str) -> str:
    folder = root if os.path.isdir(root) else os.path.dirname(root)
    return os.path.basename(os.path.normpath(folder)) or "Vale"


def _summary(text: str) -> str:
    text = " ".join(str(text).replace("%s", "…").split())
    return text if len(text) <= 160 else text[:157] + "..."


def _units(scope, rid: str, where: str, notices: list[str]) -> list[str] | None:
    """Vale's scope as newslint units (``heading``, ``~blockquote``, ...); None when the
    rule looks only where newslint keeps no prose."""
    values = [scope] if isinstance(scope, str) else scope
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleError(f"{where}: 'scope' must be a scope or a list of scopes")
    units: list[str] = []
    dropped: list[str] = []
    for value in values:
        for part in value.split("&"):
            negated = part.startswith("~")
            name, _, sub = part.lstrip("~").partition(".")
            if name in NOT_PROSE:
                if not negated:  # "~code": newslint's text has no code to leave out
                    dropped.append(part)
                continue
            if name not in SCOPES:
                raise RuleError(f"{where}: Vale rule {rid}: unknown scope '{part}'")
            if sub and name in ("heading", "table", "list", "text", "paragraph"):
                notices.append(
                    f"{where}: Vale rule {rid}: scope '{part}' read as '{name}' "
                    "(newslint does not tell heading levels, table headers or sub-scopes apart)"
                )
            if name == "raw":
                notices.append(
                    f"{where}: Vale rule {rid}: scope 'raw' read as 'text' (newslint checks "
                    "prose with the markup removed)"
                )
            units.append(("~" if negated else "") + SCOPES[name])
    why = "code, comments and inline markup are not in the prose newslint checks"
    if not [u for u in units if not u.startswith("~")]:
        if dropped:
            notices.append(f"{where}: Vale rule {rid} not run: scope {', '.join(dropped)} ({why})")
            return None
        return ["text", *units]  # none, or only exclusions: everything else
    if dropped:
        notices.append(f"{where}: Vale rule {rid}: scope {', '.join(dropped)} left out ({why})")
    return units


def _action(action, rid: str, where: str, notices: list[str]) -> dict | None:
    """A Vale action as newslint suggestions: replace and remove; others are noticed."""
    if action is None:
        return None
    if not isinstance(action, dict):
        raise RuleError(f"{where}: 'action' must be a mapping with 'name' and 'params'")
    name = action.get("name")
    params = action.get("params") or []
    if not isinstance(params, list):
        raise RuleError(f"{where}: 'action.params' must be a list")
    if name == "replace":
        return {"name": "replace", "params": [str(p) for p in params]}
    if name == "remove":
        return {"name": "remove", "params": []}
    notices.append(
        f"{where}: Vale rule {rid}: action '{name}' not run (newslint suggests only "
        "replacements and removals); the rule reports without a suggestion"
    )
    return None


# -- vocabularies ----------------------------------------------------------------------

VOCAB_FILES = ("accept.txt", "reject.txt")


def is_vocabulary(root: str) -> bool:
    """A Vale vocabulary folder: accept.txt and/or reject.txt, and no rule files."""
    if not os.path.isdir(root):
        return False
    names = os.listdir(root)
    return any(n in names for n in VOCAB_FILES) and not any(n.endswith(".yml") for n in names)


def read_vocabulary_file(path: str, root: str) -> list[str]:
    """Entries of accept.txt or reject.txt: one a line; blank lines and '# ' comments
    skipped (Vale's rules). The file must lie inside its vocabulary folder."""
    real, folder = os.path.realpath(path), os.path.realpath(root)
    if not real.startswith(folder.rstrip(os.sep) + os.sep):
        raise RuleError(
            f"{path}: outside the vocabulary folder ({folder}); a pack's files must stay inside it"
        )
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read vocabulary: {exc}") from None
    out = []
    for line in lines:
        word = line.strip()
        if word and not word.startswith("# "):
            out.append(word)
    return out


def load_vocabulary(root: str) -> list[RuleSpec]:
    """``Vale.Terms`` (the case of accepted terms) and ``Vale.Avoid`` (rejected terms) for
    a vocabulary folder; every rule carries the accepted entries in ``vocabulary``."""
    accept_path = os.path.join(root, "accept.txt")
    reject_path = os.path.join(root, "reject.txt")
    accept = read_vocabulary_file(accept_path, root) if os.path.exists(accept_path) else []
    reject = read_vocabulary_file(reject_path, root) if os.path.exists(reject_path) else []
    specs = []
    name = os.path.basename(os.path.normpath(root))
    if accept:
        specs.append(
            _vocabulary_rule(
                "Vale.Terms",
                accept_path,
                {
                    "extends": "substitution",
                    "swap": {term.lower(): term for term in accept},
                    "ignorecase": True,
                    "vocab": False,
                    "vocabulary": accept,
                },
                "Use '%s' instead of '%s'.",
                f"The spelling and capitals of a term the {name} vocabulary accepts.",
            )
        )
    if reject:
        specs.append(
            _vocabulary_rule(
                "Vale.Avoid",
                reject_path,
                {
                    "extends": "existence",
                    "tokens": reject,
                    "ignorecase": False,
                    "vocab": False,
                    "vocabulary": accept,
                },
                "Avoid using '%s'.",
                f"A term the {name} vocabulary rejects.",
            )
        )
    if not specs:  # an empty vocabulary still lends its (no) exceptions
        return []
    return specs


def _vocabulary_rule(rid: str, path: str, options: dict, message: str, why: str) -> RuleSpec:
    from newslint.kinds import vale as kind

    spec = RuleSpec(
        id=rid,
        kind="vale",
        level="error",
        default=True,
        summary=why,
        message=message,
        why=why + " (a Vale vocabulary, accept.txt and reject.txt)",
        example="",
        use_instead="",
        scope=("sentence",),
        fixable=False,
        options={**options, "units": ["text"], "name": rid},
        path=path,
        folder=os.path.dirname(path),
        lines={},
        source=f"Vale vocabulary {os.path.dirname(path)}",
    )
    kind.validate(spec)
    return spec


def with_vocabularies(specs: list[RuleSpec]) -> tuple[list[RuleSpec], list[str]]:
    """The rules with the vocabularies named in ``packs`` applied: one ``Vale.Terms`` and
    one ``Vale.Avoid`` however many vocabularies there are, and every Vale rule with
    ``vocab`` (the default) taking the accepted entries as exceptions. Also returns the
    accepted entries that are plain words, for spelling.typo's accept list."""
    accepted: list[str] = []
    terms: dict = {}
    avoid: list[str] = []
    first: dict[str, RuleSpec] = {}
    rest = []
    for spec in specs:
        vocabulary = spec.options.get("vocabulary")
        if spec.kind == "vale" and vocabulary is not None:
            accepted.extend(t for t in vocabulary if t not in accepted)
            if spec.id == "Vale.Terms":
                terms.update(spec.options["swap"])
            else:
                avoid.extend(t for t in spec.options["tokens"] if t not in avoid)
            first.setdefault(spec.id, spec)
        else:
            rest.append(spec)
    out = []
    for spec in rest:
        if spec.kind == "vale" and spec.options.get("vocab", True) and accepted:
            spec = dataclasses.replace(spec, options={**spec.options, "accepted": accepted})
        out.append(spec)
    if "Vale.Terms" in first:
        spec = first["Vale.Terms"]
        out.append(dataclasses.replace(spec, options={**spec.options, "swap": terms}))
    if "Vale.Avoid" in first:
        spec = first["Vale.Avoid"]
        out.append(dataclasses.replace(spec, options={**spec.options, "tokens": avoid}))
    # Plain entries, and the words of plain phrases ("mea culpa"): spelling.typo accepts them.
    words = [
        w
        for t in accepted
        if all(w.replace("-", "").replace("'", "").isalnum() for w in t.split())
        for w in t.split()
    ]
    return out, words
