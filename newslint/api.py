"""The Python API, and the one implementation of every command: the CLI only parses
arguments, calls these and prints.

- :func:`check_text`, :func:`check_paths`, :func:`check_stdin`: findings.
- :func:`fix_paths`: ``--fix`` and ``--diff``.
- :func:`sources`: the source audit of ``newslint sources``.
- :func:`report_documents`: the drafts' text and audit for the HTML report.
- :func:`list_rules`, :func:`rule_notes`, :func:`builtin_rules`: what ``newslint rules`` and
  ``explain`` show.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace

from newslint.config import Config, ConfigError, ConfigFinder, parse_config
from newslint.discovery import discover
from newslint.engine import Linter, RuleFailure, all_rules, selected
from newslint.engine import builtin_rules as _builtin_rules
from newslint.finding import Finding, severity_rank
from newslint.progress import Progress
from newslint.readers import InputError, decode, format_for, from_bytes, load, parse, read_bytes
from newslint.spec import RuleSpec

_linters: dict[tuple, Linter] = {}


def linter_for(config: Config) -> Linter:
    """One Linter per distinct configuration, per process."""
    key = config.key()
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = Linter(config)
    return linter


def data_stamp(config: Config) -> str:
    """Size and modification time of every file a configuration's rules read besides the
    drafts: its packs (with their word lists) and its word lists (``accept-file``)."""
    from newslint.cache import stamp

    parts = [stamp(pack) for pack in config.packs if os.path.exists(pack)]
    for section in config.sections.values():
        for value in section.values():
            if isinstance(value, str) and os.path.isfile(value):
                parts.append(stamp(value))
    return "\n".join(parts)


def reload_rules(config: Config) -> None:
    """Forget what this process has read of a configuration's rule packs and word lists,
    so the next check reads them again (the language server calls this when
    :func:`data_stamp` changes)."""
    _linters.pop(config.key(), None)
    # Word lists the checks keep per process, by path: read afresh after a change.
    from newslint.checks.names import data as names_data
    from newslint.checks.spelling import typo

    typo._ACCEPT_CACHE.clear()
    for name in ("variant_groups", "variant_index", "modern_pack", "common_abbreviations"):
        getattr(names_data, name).cache_clear()


def with_overrides(config: Config, select, ignore) -> Config:
    """``config`` with the command line's ``--select`` (replacing) and ``--ignore`` (adding)."""
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
    config = with_overrides(config or Config(), select, ignore)
    doc = parse(text, path, fmt or format_for(path))
    return linter_for(config).check(doc)


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each, naming the file
    notices: list[str] = field(default_factory=list)  # one line each; not errors (exit code)
    files: int = 0
    failed: bool = False  # a finding at or above its file's failing level
    fixed: int = 0  # fix_paths: fixes applied (or, with write=False, that would be)
    diff: str = ""  # fix_paths: the unified diff of the fixes

    def merge(self, other: Result) -> None:
        """Add another run's findings and errors (findings stay sorted)."""
        self.findings.extend(other.findings)
        self.findings.sort(key=Finding.sort_key)
        self.errors.extend(other.errors)
        self.notices.extend(other.notices)
        self.files += other.files
        self.failed = self.failed or other.failed


def failing(findings: list[Finding], level: str) -> bool:
    rank = severity_rank(level)
    return any(severity_rank(f.severity) >= rank for f in findings)


# Findings, an error, whether the file fails, and its words (for the progress line).
Outcome = tuple[list[Finding], "str | None", bool, int]


_caches: dict[str, object] = {}


def _cache(root: str | None):
    if root is None:
        return None
    cache = _caches.get(root)
    if cache is None:
        from newslint.cache import Cache

        cache = _caches[root] = Cache(root)
    return cache


# What one file's check needs: path, name shown, configuration, fail level, cache folder,
# processes for a long document's windows.
Item = tuple[str, str, Config, "str | None", "str | None", int]


def _check_one(item: Item, progress: Progress | None = None) -> Outcome:
    path, display, config, fail_level, cache_root, jobs = item
    try:
        data = read_bytes(path)
        # Results that depend on an outside server (LanguageTool) are never cached.
        cache = None if "languagetool" in config.sections else _cache(cache_root)
        key = cache.key(display, data, config) if cache else None
        findings = cache.get(key) if cache else None
        if findings is None:
            doc = from_bytes(data, path, display)
            findings = linter_for(config).check(
                doc, jobs=jobs, progress=progress.part if progress else None
            )
            if cache:
                cache.put(key, findings)
        return findings, None, failing(findings, fail_level or config.fail_level), _words(data)
    except (InputError, ConfigError, RuleFailure) as exc:
        return [], f"{display}: {exc}", False, 0
    except RecursionError:
        return [], f"{display}: too deeply nested to read", False, 0
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the run or show a traceback
        return (
            [],
            f"{display}: internal error ({type(exc).__name__}: {exc}); please report it",
            False,
            0,
        )


def _words(data: bytes) -> int:
    return len(data.split())


def _check_chunk(items: list[Item]) -> list[Outcome]:
    return [_check_one(item) for item in items]


def check_paths(
    paths: Sequence[str],
    *,
    config_path: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    jobs: int | None = 1,
    fail_level: str | None = None,
    cache_root: str | None = None,
    allow_network: bool | None = None,
    progress: bool = False,
) -> Result:
    """Check files and folders. Unreadable files become ``errors``; the rest are checked.

    ``jobs``: processes (None: one per CPU): files are shared between them, and one long
    document's windows too. The findings are the same for any number.
    ``cache_root``: a folder for the cache of findings of unchanged files (off when None).
    ``allow_network``: the person running the check lets a configuration's LanguageTool
    ``url`` be used (None: as the environment and user configuration say; see
    :func:`newslint.config.network_allowed`).
    ``progress``: draw a progress line on standard error (:mod:`newslint.progress`).
    """
    finder = ConfigFinder(config_path, allow_network)
    result = Result()
    found = discover(paths, finder, result.errors, result.notices)
    result.notices.extend(finder.notices)
    jobs = jobs or os.cpu_count() or 1
    many = jobs > 1 and len(found) >= 4
    # Files shared between processes each read their windows in their own process.
    items: list[Item] = [
        (p, d, with_overrides(c, select, ignore), fail_level, cache_root, 1 if many else jobs)
        for p, d, c in found
    ]
    result.files = len(items)
    if cache_root is not None and not _cache(cache_root).usable():
        result.notices.append(_cache(cache_root).notice)
        items = [(*item[:4], None, item[5]) for item in items]
    # Build each distinct configuration's linter up front, so a broken
    # configuration or rule pack is one clear error, not one per file.
    for config in {item[2].key(): item[2] for item in items}.values():
        _add_notices(result.notices, linter_for(config).notices)
    bar = Progress(len(items)) if progress else None
    try:
        outputs = _run(items, jobs, many, bar)
    finally:
        if bar is not None:
            bar.close()
    for findings, error, failed, _words_in in outputs:
        result.findings.extend(findings)
        result.failed = result.failed or failed
        if error:
            result.errors.append(error)
    result.findings.sort(key=Finding.sort_key)
    return result


def _run(items: list[Item], jobs: int, many: bool, bar: Progress | None) -> list[Outcome]:
    """Each item's outcome, in order: in one process, or in ``jobs`` when ``many``."""
    if not many:
        outputs = []
        for item in items:
            outputs.append(_check_one(item, bar))
            if bar is not None:
                bar.file_done(outputs[-1][3])
        return outputs
    chunk = max(1, min(64, len(items) // (jobs * 4)))
    batches = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_check_chunk, batch) for batch in batches]
        if bar is not None:
            for future in as_completed(futures):
                for outcome in future.result():
                    bar.file_done(outcome[3])
        return [out for future in futures for out in future.result()]


def _add_notices(into: list[str], notices: list[str]) -> None:
    """Add notices not already there (several configurations may share a pack)."""
    into.extend(n for n in notices if n not in into)


def config_for(
    path: str | None,
    config_path: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    *,
    allow_network: bool | None = None,
    notices: list[str] | None = None,
) -> Config:
    """The configuration a check of ``path`` uses: ``config_path`` when given, else the
    one discovered from the file's folder (the current folder's when ``path`` is None).
    ``notices`` receives what was left out of it (a LanguageTool url without permission).
    Raises ConfigError."""
    finder = ConfigFinder(config_path, allow_network)
    config = finder.for_file(path) if path else finder.for_dir(os.getcwd())
    if notices is not None:
        notices.extend(finder.notices)
    return with_overrides(config, select, ignore)


def check_stdin(
    data: bytes,
    name: str | None = None,
    *,
    config_path: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    fail_level: str | None = None,
    allow_network: bool | None = None,
) -> Result:
    """Check a draft read from standard input; ``name`` (``--stdin-filename``) gives its
    format and where its configuration is found. Raises ConfigError or RuleFailure."""
    display = name or "-"
    result = Result(files=1)
    config = config_for(
        name, config_path, select, ignore, allow_network=allow_network, notices=result.notices
    )
    try:
        linter = linter_for(config)
        _add_notices(result.notices, linter.notices)
        doc = parse(decode(data), display, format_for(display))
        result.findings = linter.check(doc)
        result.failed = failing(result.findings, fail_level or config.fail_level)
    except InputError as exc:
        result.errors.append(f"{display}: {exc}")
    return result


def fix_paths(
    paths: Sequence[str],
    *,
    config_path: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    fail_level: str | None = None,
    write: bool = True,
    allow_network: bool | None = None,
) -> Result:
    """Apply the single, safe suggestions of fixable rules to files in place (see
    :mod:`newslint.fix` for how files are written), or with ``write=False`` only compute
    the diff. ``findings`` are what is left after the fixes. Raises ConfigError."""
    from newslint.fix import fix_file

    result = Result()
    finder = ConfigFinder(config_path, allow_network)
    diffs = []
    items = discover(paths, finder, result.errors, result.notices)
    result.notices.extend(finder.notices)
    for path, display, config in items:
        config = with_overrides(config, select, ignore)
        result.files += 1
        _add_notices(result.notices, linter_for(config).notices)
        try:
            outcome = fix_file(path, display, linter_for(config), write=write)
        except (InputError, RuleFailure) as exc:
            result.errors.append(f"{display}: {exc}")
            continue
        result.fixed += outcome.fixed
        diffs.append(outcome.diff)
        result.findings.extend(outcome.findings)
        result.failed = result.failed or failing(outcome.findings, fail_level or config.fail_level)
    result.diff = "".join(diffs)
    return result


@dataclass
class SourceAudit:
    """``newslint sources``: one audit entry per draft (docs/formats.md's source-audit format)."""

    files: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def sources(paths: Sequence[str]) -> SourceAudit:
    """Who is speaking in each draft. Unreadable files become ``errors``; raises
    ConfigError for a broken configuration."""
    from newslint.audit import audit

    out = SourceAudit()
    for path, display, _config in discover(paths, ConfigFinder(), out.errors, out.notices):
        try:
            out.files.append(audit(load(path, display)))
        except InputError as exc:
            out.errors.append(f"{display}: {exc}")
    return out


def report_documents(
    paths: Sequence[str], config_path: str | None = None
) -> list[tuple[str, str, dict | None]]:
    """``(display path, source text, source audit or None)`` of each draft a check of
    ``paths`` reads, for the HTML report. Unreadable files, and files reached through a
    link out of the repository, are skipped: the check itself reports them."""
    from newslint.audit import audit

    out: list[tuple[str, str, dict | None]] = []
    try:
        items = discover(paths, ConfigFinder(config_path), [])
    except ConfigError:
        return out
    for path, display, _config in items:
        try:
            doc = load(path, display)
        except (InputError, RecursionError):
            continue
        try:
            summary = audit(doc)
        except Exception:  # noqa: BLE001 - the audit is extra; a report without it still helps
            summary = None
        out.append((display, doc.source, summary))
    return out


def list_rules(
    config_path: str | None = None, notices: list[str] | None = None
) -> tuple[list[RuleSpec], set[str]]:
    """Every rule (built in, and the packs of the configuration at ``config_path``) and
    the ids of those that configuration turns on (the defaults without one). ``notices``
    receives what a Vale style in the packs holds that newslint cannot run.
    Raises ConfigError."""
    config = ConfigFinder(config_path).for_dir(os.getcwd()) if config_path else Config()
    rules = all_rules(config, notices)
    return rules, {r.id for r in selected(rules, config)}


# How to give a rule the configuration table it needs, by table.
_HOW_TO_TURN_ON = {
    "languagetool": (
        "a LanguageTool server is configured",
        'add a [languagetool] table to .newslint.toml: url = "http://localhost:8081" for a '
        'LanguageTool server (run with --allow-network), or language = "en-US" for a '
        "LanguageTool installed locally (README: Grammar with LanguageTool)",
    ),
}


def rule_notes(config_path: str | None = None) -> list[str]:
    """One line for each set of rules that the configuration at ``config_path`` (the
    defaults without one) leaves off for want of a table they need, saying how to turn
    them on: ``grammar.*`` without a LanguageTool server."""
    from newslint.engine import wanting

    config = ConfigFinder(config_path).for_dir(os.getcwd()) if config_path else Config()
    off: dict[tuple[str, ...], list[str]] = {}
    for rule in all_rules(config):
        missing = tuple(wanting(rule, config))
        if missing:
            off.setdefault(missing, []).append(rule.id)
    lines = []
    for missing, ids in off.items():
        for table in missing:
            until, how = _HOW_TO_TURN_ON.get(
                table, (f"the configuration has a [{table}] table", f"add a [{table}] table")
            )
            lines.append(f"{', '.join(ids)}: off until {until}: {how}.")
    return lines


def builtin_rules() -> list[RuleSpec]:
    """The rules shipped with newslint."""
    return _builtin_rules()
