"""Loads rule definitions from YAML packs: the built-in ``rules/`` and user packs.

A pack is a folder of ``<group>/<name>.yml`` files (or a folder of ``.yml`` files
whose ids are given inside, or a single ``.yml`` file). Each file holds one rule.
Loading validates every key, so a broken rule is an error naming file and line.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile

from newslint.kinds import KINDS
from newslint.spec import COMMON_KEYS, LEVELS, SCOPES, RuleError, RuleSpec


def _yaml_files(root: str) -> list[tuple[str, str]]:
    """(path, default id) for every rule file in a pack, sorted."""
    if os.path.isfile(root):
        stem = os.path.splitext(os.path.basename(root))[0]
        return [(root, stem)]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        rel = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            if name.endswith((".yml", ".yaml")):
                stem = os.path.splitext(name)[0]
                rid = stem if rel == "." else f"{rel.replace(os.sep, '.')}.{stem}"
                out.append((os.path.join(dirpath, name), rid))
    return out


def load_pack(root: str) -> list[RuleSpec]:
    """Every rule in a pack, validated; RuleError on the first broken one.

    Validated packs are kept in the user's cache folder, keyed by the size and
    time of every file in the pack, so a warm start reads no YAML at all.
    """
    if not os.path.exists(root):
        raise RuleError(f"{root}: rule pack not found")
    files = _yaml_files(root)
    cache = _cache_file(root, files)
    if cache:
        try:
            with open(cache, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            pass
    specs = [_load_rule(path, default_id, KINDS) for path, default_id in files]
    if cache:
        _store(cache, specs)
    return specs


def _cache_file(root: str, files: list[tuple[str, str]]) -> str | None:
    from newslint import __version__

    h = hashlib.sha256(f"{__version__}|{os.path.abspath(root)}".encode())
    try:
        here = os.path.dirname(os.path.abspath(__file__))
        for path in [os.path.join(here, "rules_loader.py"), *(p for p, _ in files)]:
            st = os.stat(path)
            h.update(f"|{path}:{st.st_size}:{st.st_mtime_ns}".encode())
    except OSError:
        return None
    from newslint.userdirs import cache_dir

    return os.path.join(cache_dir(), f"rules-{h.hexdigest()[:24]}.pickle")


def _store(path: str, specs: list[RuleSpec]) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(specs, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # no writable cache: load from YAML each time


def _load_rule(path: str, default_id: str, kinds: dict) -> RuleSpec:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule: {exc}") from None
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{where}: invalid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1: a rule file must be a mapping of keys")
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1

    def where(key: str) -> str:
        return f"{path}:{lines[key]}" if key in lines else path

    kind = data.get("kind")
    if kind not in kinds:
        known = ", ".join(sorted(kinds))
        raise RuleError(f"{where('kind')}: unknown rule kind {kind!r} (known: {known})")
    allowed = kinds[kind].OPTIONS
    for key in data:
        if key not in COMMON_KEYS and key not in allowed:
            raise RuleError(
                f"{where(key)}: unknown key '{key}' for a {kind} rule "
                f"(allowed: {', '.join(sorted(COMMON_KEYS | set(allowed)))})"
            )
    level = data.get("level", "warning")
    if level not in LEVELS:
        raise RuleError(f"{where('level')}: level must be one of {', '.join(LEVELS)}")
    scope = data.get("scope", ["sentence"])
    if isinstance(scope, str):
        scope = [scope]
    bad = [s for s in scope if s not in SCOPES]
    if bad:
        raise RuleError(
            f"{where('scope')}: unknown scope {bad[0]!r} (known: {', '.join(sorted(SCOPES))})"
        )
    for key in ("summary", "message", "why", "example", "use_instead", "id", "source"):
        if key in data and not isinstance(data[key], str):
            raise RuleError(f"{where(key)}: '{key}' must be text")
    if "default" in data and not isinstance(data["default"], bool):
        raise RuleError(f"{where('default')}: 'default' must be true or false")
    rid = data.get("id", default_id)
    if not rid or "." not in rid:
        raise RuleError(f"{where('id')}: rule id {rid!r} must be 'group.name'")
    spec = RuleSpec(
        id=rid,
        kind=kind,
        level=level,
        default=data.get("default", True),
        summary=data.get("summary", ""),
        message=data.get("message", "{match}"),
        why=data.get("why", ""),
        example=data.get("example", ""),
        use_instead=data.get("use_instead", ""),
        scope=tuple(scope),
        fixable=bool(data.get("fixable", False)),
        options={k: v for k, v in data.items() if k in allowed},
        path=path,
        folder=os.path.dirname(path),
        lines=lines,
        source=data.get("source", ""),
    )
    kinds[kind].validate(spec)
    return spec
