"""The engine: picks the rules a configuration selects, runs them over a Document,
applies suppressions and levels, and returns sorted findings."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from newslint.config import Config, ConfigError
from newslint.document import Document
from newslint.finding import Finding, Hit, severity_rank
from newslint.kinds import KINDS
from newslint.kinds.base import PatternTimeout
from newslint.rules_loader import load_pack
from newslint.spec import RuleError, RuleSpec, builtin_packs_root, builtin_root
from newslint.windows import WINDOW_CHARS, Window, windows

_builtin: list[RuleSpec] | None = None


def builtin_rules() -> list[RuleSpec]:
    """The rules shipped with newslint, loaded once per process."""
    global _builtin
    if _builtin is None:
        _builtin = load_pack(builtin_root())
    return _builtin


def matches(rule_id: str, patterns: list[str]) -> bool:
    """True when a rule id is named by one of ``patterns`` (ids or group prefixes)."""
    for p in patterns:
        if p in ("all", "ALL") or rule_id == p or rule_id.startswith(p + "."):
            return True
    return False


def all_rules(config: Config, notices: list[str] | None = None) -> list[RuleSpec]:
    """Built-in rules plus the config's packs; a pack rule replaces a built-in of its id.
    ``notices`` receives what a Vale style holds that newslint cannot run."""
    from newslint.vale import with_vocabularies

    by_id = {r.id: r for r in builtin_rules()}
    loaded: list[RuleSpec] = []
    for pack in config.packs:
        try:
            loaded.extend(load_pack(pack, notices))
        except RuleError as exc:
            raise ConfigError(f"{config.path}: {exc}") from None
    for spec in with_vocabularies(loaded)[0]:
        by_id[spec.id] = spec
    return sorted(by_id.values(), key=lambda r: r.id)


def vocabulary_words(config: Config) -> list[str]:
    """The plain words of the Vale vocabularies a configuration names (accept.txt):
    spelling.typo accepts them, as Vale's spelling check does."""
    from newslint.vale import is_vocabulary, load_vocabulary, with_vocabularies

    specs = [s for pack in config.packs if is_vocabulary(pack) for s in load_vocabulary(pack)]
    return with_vocabularies(specs)[1]


def wanting(rule: RuleSpec, config: Config) -> list[str]:
    """The configuration tables a rule needs (``requires``) that ``config`` leaves empty:
    while any is missing the rule is off, however it is selected."""
    return [name for name in rule.options.get("requires", ()) if not config.section(name)]


def selected(rules: list[RuleSpec], config: Config) -> list[RuleSpec]:
    out = []
    for rule in rules:
        if wanting(rule, config):
            continue  # grammar.* without a [languagetool] table: off, and says so in `rules`
        if config.select is None:
            on = rule.default
        else:
            # A rule named by id is on even when it is off by default; a group
            # turns on the default rules it holds.
            on = rule.id in config.select or (rule.default and matches(rule.id, config.select))
        if on and not matches(rule.id, config.ignore):
            out.append(rule)
    return out


class RuleFailure(Exception):
    """A rule could not run on a document (its pattern timed out, or a rule pack's code
    rule raised); ``str()`` is one line naming the rule and its file."""


class Linter:
    """Runs the selected rules of one configuration; reusable across documents."""

    def __init__(self, config: Config):
        self.notices: list[str] = []  # what a Vale style holds that newslint cannot run
        self.known = {r.id: r for r in all_rules(config, self.notices)}
        words = vocabulary_words(config)
        if words:  # a Vale vocabulary's accepted words are no typos
            spelling = dict(config.section("spelling"))
            spelling["accept"] = [*spelling.get("accept", []), *words]
            config = dataclasses.replace(config, sections={**config.sections, "spelling": spelling})
        self.config = config
        self.rules = selected(list(self.known.values()), config)
        self.enabled = {r.id for r in self.rules}
        unknown = [
            p
            for p in [*(config.select or []), *config.ignore]
            if p not in ("all", "ALL") and not any(matches(r, [p]) for r in self.known)
        ]
        if unknown:
            raise ConfigError(
                f"{config.path or 'command line'}: unknown rule or group '{unknown[0]}'"
            )
        self._compiled: dict[str, object] = {}
        # Rules shipped with newslint (built in, or an optional built-in pack): a failure
        # is newslint's bug; a user pack's rule failing is a problem with that pack.
        own = (builtin_root(), builtin_packs_root())
        self._from_pack = {r.id for r in self.rules if not r.path.startswith(own)}
        # A code rule names its check by module and function: one that cannot be loaded is
        # a configuration error now, not a failure on every file.
        for rule in self.rules:
            if rule.kind == "code":
                try:
                    self._runner(rule)
                except RuleError as exc:
                    raise ConfigError(
                        f"{config.path}: {exc}" if config.path else str(exc)
                    ) from None

    def _runner(self, rule: RuleSpec):
        run = self._compiled.get(rule.id)
        if run is None:
            run = self._compiled[rule.id] = KINDS[rule.kind].compile(rule)
        return run

    def level(self, rule_id: str) -> str:
        if rule_id in self.config.levels:
            return self.config.levels[rule_id]
        return self.known[rule_id].level

    def local(self, rule: RuleSpec) -> bool:
        """Whether a rule reads only a sentence and the paragraphs around it, so a long
        document may give it one window at a time (see :mod:`newslint.windows`)."""
        return getattr(self._runner(rule), "local", False)

    def check(
        self,
        doc: Document,
        window: int = WINDOW_CHARS,
        jobs: int = 1,
        progress: Callable[[int], None] | None = None,
    ) -> list[Finding]:
        """Findings for one document, sorted by position then rule.

        A document longer than ``window`` characters (never a news story) gives the rules
        that read only a sentence and its neighbours one window at a time, so their work
        is held for a window, not the file; rules that read the whole story run on all
        of it. With ``jobs`` above 1 the windows are read in that many processes while
        this one runs the whole-story rules; the findings are the same. ``progress`` is
        told the words of each window as it is done."""
        parts = windows(doc, window)
        if parts is None:
            found = self._findings(doc, self.rules)
            if progress is not None:
                progress(len(doc.text.split()))
            return sorted(found, key=Finding.sort_key)
        local = [r for r in self.rules if self.local(r)]
        whole = [r for r in self.rules if not self.local(r)]
        if jobs > 1 and len(parts) > 1:
            return self._pooled(doc, parts, local, whole, jobs, progress)
        found = self._findings(doc, whole)
        doc.cache.clear()  # the whole-story rules' shared work is done with
        for part in parts:
            self._add_window(found, doc, part, self._window_hits(part.document(doc), local))
            if progress is not None:
                progress(part.words)
        return sorted(found, key=Finding.sort_key)

    def _pooled(
        self,
        doc: Document,
        parts: list[Window],
        local: list[RuleSpec],
        whole: list[RuleSpec],
        jobs: int,
        progress: Callable[[int], None] | None,
    ) -> list[Finding]:
        """Windows read in ``jobs`` worker processes, a few at a time (a thread hands them
        out as workers free up, so only those few are held as documents), while this
        process runs the whole-story rules."""
        ids = [r.id for r in local]
        futures: list[Future] = []
        failed: list[BaseException] = []
        slots = threading.BoundedSemaphore(2 * jobs)
        with ProcessPoolExecutor(max_workers=min(jobs, len(parts))) as pool:

            def submit(part: Window) -> None:
                slots.acquire()
                future = pool.submit(_window_job, self.config, part.document(doc), ids)
                future.add_done_callback(lambda _f: slots.release())
                futures.append(future)

            def feed() -> None:
                try:
                    for part in parts[1:]:
                        submit(part)
                except BaseException as exc:  # noqa: BLE001 - re-raised below, in this thread
                    failed.append(exc)

            submit(parts[0])  # the workers start here, before any other thread runs
            feeder = threading.Thread(target=feed, daemon=True)
            feeder.start()
            found = self._findings(doc, whole)
            doc.cache.clear()
            feeder.join()
            if failed:
                raise failed[0]
            for part, future in zip(parts, futures, strict=True):
                self._add_window(found, doc, part, future.result())
                if progress is not None:
                    progress(part.words)
        return sorted(found, key=Finding.sort_key)

    def _findings(self, doc: Document, rules: list[RuleSpec]) -> set[Finding]:
        found: set[Finding] = set()
        for rule in rules:
            self._add(found, doc, rule.id, self._hits(rule, doc))
        return found

    def _window_hits(self, doc: Document, rules: list[RuleSpec]) -> dict[str, list[Hit]]:
        return {rule.id: self._hits(rule, doc) for rule in rules}

    def _add_window(
        self, found: set[Finding], doc: Document, part: Window, hits: dict[str, list[Hit]]
    ) -> None:
        """A window's hits, moved to the whole document's offsets; those outside the
        window's core belong to the window beside it, which reports them."""
        lo, hi = part.core
        at = part.offset
        for rule_id, got in hits.items():
            moved = [
                dataclasses.replace(h, start=h.start + at, end=h.end + at)
                for h in got
                if lo <= h.start + at < hi
            ]
            self._add(found, doc, rule_id, moved)

    def _hits(self, rule: RuleSpec, doc: Document) -> list[Hit]:
        options = self.config.section(rule.options.get("section") or rule.group)
        try:
            return list(self._runner(rule)(doc, options))
        except PatternTimeout:
            raise RuleFailure(
                f"rule {rule.id} ({rule.path}) timed out: its pattern backtracks too much"
            ) from None
        except RuleError as exc:
            raise RuleFailure(str(exc)) from None
        except (RecursionError, MemoryError):
            raise
        except Exception as exc:
            if rule.id not in self._from_pack:
                raise  # newslint's own rule: a bug, reported as an internal error
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise RuleFailure(
                f"rule {rule.id} ({rule.where('function')}) failed: "
                f"{type(exc).__name__}: {reason[:200]}; check its 'function' and 'options'"
            ) from None

    def _add(self, found: set[Finding], doc: Document, rule_id: str, hits: list[Hit]) -> None:
        level = self.level(rule_id)
        for hit in hits:
            line, col, end_line, end_col = doc.locate(hit.start, hit.end)
            if doc.suppressions.suppressed(rule_id, line):
                continue
            found.add(
                Finding(
                    path=doc.path,
                    line=line,
                    column=col,
                    end_line=end_line,
                    end_column=end_col,
                    rule=rule_id,
                    severity=_lower(level, hit.level),
                    message=hit.message,
                    suggestions=tuple(hit.suggestions),
                )
            )


_window_linters: dict[tuple, Linter] = {}


def _window_job(config: Config, doc: Document, rule_ids: list[str]) -> dict[str, list[Hit]]:
    """In a worker process: the hits of the named rules on one window."""
    linter = _window_linters.get(config.key())
    if linter is None:
        linter = _window_linters[config.key()] = Linter(config)
    return linter._window_hits(doc, [linter.known[i] for i in rule_ids])


def _lower(level: str, cap: str | None) -> str:
    """The lower of a rule's level and a finding's own cap on it."""
    if cap is None or severity_rank(cap) >= severity_rank(level):
        return level
    return cap
