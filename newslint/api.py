"""The Python API behind the CLI: check text or paths, get findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from newslint.config import Config, ConfigError, ConfigFinder, parse_config
from newslint.engine import Linter, RuleFailure
from newslint.finding import Finding, severity_rank
from newslint.readers import (
    DEFAULT_EXTENSIONS,
    InputError,
    format_for,
    from_bytes,
    parse,
    read_bytes,
)

_linters: dict[tuple, Linter] = {}


def linter_for(config: Config) -> Linter:
    """One Linter per distinct configuration, per process."""
    key = config.key()
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = Linter(config)
    return linter


def _with_overrides(config: Config, select, ignore) -> Config:
    if select is None and not ignore:
        return config
    return replace(
        config,
        select=list(select) if select is not None else config.select,
        ignore=[*config.ignore, *(ignore or [])],
    )


def check_text(
    text: str,
    path: str = "<text>",
    fmt: str | None = None,
    *,
    config: Config | dict | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """Check one draft given as text. ``fmt`` is text, markdown or html (default:
    from the path's extension). ``config`` is a Config or a mapping with the keys
    of ``.newslint.toml``."""
    if isinstance(config, dict):
        config = parse_config(config, "<config>", root=os.getcwd())
    config = _with_overrides(config or Config(), select, ignore)
    doc = parse(text, path, fmt or format_for(path))
    return linter_for(config).check(doc)


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each, naming the file
    files: int = 0
    failed: bool = False  # a finding at or above its file's failing level


def failing(findings: list[Finding], level: str) -> bool:
    rank = severity_rank(level)
    return any(severity_rank(f.severity) >= rank for f in findings)


Outcome = tuple[list[Finding], "str | None", bool]


_caches: dict[str, object] = {}


def _cache(root: str | None):
    if root is None:
        return None
    cache = _caches.get(root)
    if cache is None:
        from newslint.cache import Cache

        cache = _caches[root] = Cache(root)
    return cache


def _check_one(item: tuple[str, str, Config, str | None, str | None]) -> Outcome:
    path, display, config, fail_level, cache_root = item
    try:
        data = read_bytes(path)
        # Results that depend on an outside server (LanguageTool) are never cached.
        cache = None if "languagetool" in config.sections else _cache(cache_root)
        key = cache.key(display, data, config) if cache else None
        findings = cache.get(key) if cache else None
        if findings is None:
            findings = linter_for(config).check(from_bytes(data, path, display))
            if cache:
                cache.put(key, findings)
        return findings, None, failing(findings, fail_level or config.fail_level)
    except (InputError, ConfigError, RuleFailure) as exc:
        return [], f"{display}: {exc}", False
    except RecursionError:
        return [], f"{display}: too deeply nested to read", False
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the run or show a traceback
        return (
            [],
            f"{display}: internal error ({type(exc).__name__}: {exc}); please report it",
            False,
        )


def _check_chunk(items: list) -> list[Outcome]:
    return [_check_one(item) for item in items]


def discover(
    paths: Iterable[str], finder: ConfigFinder, errors: list[str]
) -> list[tuple[str, str, Config]]:
    """Files to check with their display paths and configurations, in order."""
    out: list[tuple[str, str, Config]] = []
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            for path in _walk(given, finder, errors):
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    out.append((path, path, finder.for_file(path)))
        elif os.path.exists(given) or os.path.islink(given):
            real = os.path.realpath(given)
            if real not in seen:
                seen.add(real)
                out.append((given, given, finder.for_file(given)))
        else:
            errors.append(f"{given}: no such file or folder")
    return out


def _walk(root: str, finder: ConfigFinder, errors: list[str]) -> Iterable[str]:
    import fnmatch

    visited: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited:  # a symbolic-link loop
            dirnames[:] = []
            continue
        visited.add(real)
        config = finder.for_dir(os.path.abspath(dirpath))
        exts = tuple(config.extensions or DEFAULT_EXTENSIONS)

        def excluded(path: str, config: Config = config) -> bool:
            rel = os.path.relpath(os.path.abspath(path), config.root)
            return any(
                fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(os.path.basename(path), pat)
                for pat in config.exclude
            )

        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not excluded(os.path.join(dirpath, d))
        )
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(exts):
                continue
            path = os.path.join(dirpath, name)
            if root in (".", "./") and path.startswith("./"):
                path = path[2:]
            if not excluded(path):
                yield path


def check_paths(
    paths: Sequence[str],
    *,
    config_path: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    jobs: int | None = 1,
    fail_level: str | None = None,
    cache_root: str | None = None,
) -> Result:
    """Check files and folders. Unreadable files become ``errors``; the rest are checked.

    ``cache_root``: a folder for the cache of findings of unchanged files (off when None).
    """
    finder = ConfigFinder(config_path)
    result = Result()
    items = discover(paths, finder, result.errors)
    items = [
        (p, d, _with_overrides(c, select, ignore), fail_level, cache_root) for p, d, c in items
    ]
    result.files = len(items)
    # Build each distinct configuration's linter up front, so a broken
    # configuration or rule pack is one clear error, not one per file.
    for config in {item[2].key(): item[2] for item in items}.values():
        linter_for(config)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(items) >= 4:
        chunk = max(1, min(64, len(items) // (jobs * 4)))
        batches = [items[i : i + chunk] for i in range(0, len(items), chunk)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outputs = [out for batch in pool.map(_check_chunk, batches) for out in batch]
    else:
        outputs = [_check_one(item) for item in items]
    for findings, error, failed in outputs:
        result.findings.extend(findings)
        result.failed = result.failed or failed
        if error:
            result.errors.append(error)
    result.findings.sort(key=Finding.sort_key)
    return result
