"""Loads rule definitions from YAML packs: the built-in ``rules/`` and user packs.

A pack is a folder of ``<group>/<name>.yml`` files (or a folder of ``.yml`` files
whose ids are given inside, or a single ``.yml`` file). Each file holds one rule.
Loading validates every key, so a broken rule is an error naming file and line; a
file a rule reads (``swap_file``) must stay inside its pack.

Validated packs are cached in the user's cache folder as JSON (data that cannot run
code), signed with the per-user key (``userdirs.secret``) and validated again when
read; an entry that is not exactly that falls back to reading the YAML.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import tempfile

from newslint.kinds import KINDS
from newslint.spec import COMMON_KEYS, LEVELS, SCOPES, RuleError, RuleSpec

_CACHE_FORMAT = 1


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


def load_pack(root: str, notices: list[str] | None = None) -> list[RuleSpec]:
    """Every rule in a pack, validated; RuleError on the first broken one.

    Validated packs are kept in the user's cache folder, keyed by the size and
    time of every file in the pack, so a warm start reads no YAML at all.

    A Vale style (rule files with ``extends``) or a Vale vocabulary folder is read by
    :mod:`newslint.vale`; what newslint cannot run of it is a line in ``notices``. Vale
    styles are read afresh each time (they are small), so their notices are never lost.
    """
    from newslint import vale

    if not os.path.exists(root):
        from newslint.spec import builtin_pack_names

        builtin = ", ".join(builtin_pack_names())
        raise RuleError(f"{root}: rule pack not found (built-in packs: {builtin})")
    if vale.is_vocabulary(root):
        return vale.load_vocabulary(root)
    files = _yaml_files(root)
    cache = None if _has_vale_rules(files) else _cache_file(root, files)
    if cache:
        specs = _read_cache(cache, root)
        if specs is not None:
            return specs
    notes: list[str] = []
    specs = [
        spec
        for path, default_id in files
        if (spec := _load_rule(path, default_id, KINDS, root, notes)) is not None
    ]
    if notices is not None:
        notices.extend(notes)
    if cache:
        _store(cache, specs)
    return specs


def _has_vale_rules(files: list[tuple[str, str]]) -> bool:
    """True when a rule file of the pack is a Vale rule (has a top-level ``extends``)."""
    import re

    for path, _ in files:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                if re.search(r"^extends\s*:", fh.read(), re.M):
                    return True
        except OSError:
            continue
    return False


def _pack_folder(root: str) -> str:
    return os.path.realpath(root if os.path.isdir(root) else os.path.dirname(root))


def check_inside_pack(spec: RuleSpec, root: str) -> None:
    """RuleError unless every file the rule reads lies inside its pack (a symbolic link
    out of it, or ``../``, would read a file whose changes nothing tracks)."""
    name = spec.options.get("swap_file")
    if name is None:
        return
    path = os.path.join(spec.folder, str(name))
    real, pack = os.path.realpath(path), _pack_folder(root)
    if real != pack and not real.startswith(pack.rstrip(os.sep) + os.sep):
        raise RuleError(
            f"{spec.where('swap_file')}: swap file {name!r} is outside the rule pack "
            f"({pack}); a rule's files must stay inside its pack"
        )


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

    return os.path.join(cache_dir(), f"rules-{h.hexdigest()[:24]}.json")


def _mac(secret: bytes, path: str, payload: bytes) -> bytes:
    name = os.path.basename(path).encode()
    return hmac.new(secret, name + b"\n" + payload, hashlib.sha256).hexdigest().encode()


def _store(path: str, specs: list[RuleSpec]) -> None:
    from newslint.userdirs import secret

    key = secret()
    if key is None:
        return
    rows = [dataclasses.asdict(spec) for spec in specs]
    try:
        payload = json.dumps({"format": _CACHE_FORMAT, "specs": rows}, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # a value JSON cannot hold (a YAML date): load from YAML each time
    try:
        if [_spec_from(row) for row in json.loads(payload)["specs"]] != specs:
            return  # JSON would change a value (a mapping with number keys): no cache
    except ValueError:
        return
    data = payload.encode()
    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_mac(key, path, data) + b"\n" + data)
        os.replace(tmp, path)
    except OSError:
        pass  # no writable cache: load from YAML each time
    finally:
        if tmp and os.path.lexists(tmp):
            os.unlink(tmp)


# RuleSpec's fields as the cache stores them, with their JSON types.
_SPEC_FIELDS = {
    "id": str,
    "kind": str,
    "level": str,
    "default": bool,
    "summary": str,
    "message": str,
    "why": str,
    "example": str,
    "use_instead": str,
    "scope": list,
    "fixable": bool,
    "options": dict,
    "path": str,
    "folder": str,
    "lines": dict,
    "source": str,
}


def _read_cache(path: str, root: str) -> list[RuleSpec] | None:
    """The validated specs a cache entry holds, or None for anything else (missing,
    unsigned, not JSON, a wrong shape, a rule that no longer validates)."""
    from newslint.userdirs import secret

    key = secret()
    if key is None:
        return None
    try:
        with open(path, "rb") as fh:
            mac, _, data = fh.read().partition(b"\n")
        if not hmac.compare_digest(mac, _mac(key, path, data)):
            return None
        blob = json.loads(data)
        if not isinstance(blob, dict) or blob.get("format") != _CACHE_FORMAT:
            return None
        rows = blob.get("specs")
        if not isinstance(rows, list):
            return None
        specs = [_spec_from(row) for row in rows]
        for spec in specs:
            KINDS[spec.kind].validate(spec)
            check_inside_pack(spec, root)
        return specs
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RuleError):
        return None


def _spec_from(row) -> RuleSpec:
    """A RuleSpec from a cache row; ValueError unless the row is exactly one."""
    if not isinstance(row, dict) or set(row) != set(_SPEC_FIELDS):
        raise ValueError("not a rule")
    for name, kind in _SPEC_FIELDS.items():
        if not isinstance(row[name], kind):
            raise ValueError(name)
    if row["kind"] not in KINDS or row["level"] not in LEVELS or "." not in row["id"]:
        raise ValueError("kind, level or id")
    if not all(isinstance(s, str) and s in SCOPES for s in row["scope"]):
        raise ValueError("scope")
    if not all(isinstance(k, str) and type(v) is int for k, v in row["lines"].items()):
        raise ValueError("lines")
    allowed = KINDS[row["kind"]].OPTIONS
    if not all(k in allowed for k in row["options"]):
        raise ValueError("options")
    return RuleSpec(**{**row, "scope": tuple(row["scope"])})


def _load_rule(
    path: str, default_id: str, kinds: dict, root: str | None = None, notices: list | None = None
) -> RuleSpec | None:
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

    from newslint import vale

    if vale.is_rule(data):  # a Vale rule: None (with a notice) when newslint cannot run it
        return vale.rule_from_vale(
            path, default_id, data, lines, root or path, notices if notices is not None else []
        )
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
    check_inside_pack(spec, root or path)
    return spec
