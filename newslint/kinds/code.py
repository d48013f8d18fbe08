"""code: a check written in Python, ``function: module:name`` in newslint.checks."""

from __future__ import annotations

import importlib

from newslint.spec import DATA_FOLDER, RuleError

OPTIONS = {
    "function": "the check to run: module:name in newslint.checks",
    "options": "default options for the check; configuration sections merge over them",
    "section": "the configuration table whose keys reach the check (default: the rule's group)",
    "requires": "configuration tables the check needs; without one of them the rule is off",
}


def validate(spec) -> None:
    for key in ("message", "scope"):
        if key in spec.lines:
            # The check writes its own messages and decides where it looks; a value here
            # would read as if it changed them.
            raise RuleError(
                f"{spec.where(key)}: a code rule takes no '{key}': its check writes its "
                "own messages and picks where it looks"
            )
    fn = spec.options.get("function")
    if not isinstance(fn, str) or ":" not in fn:
        raise RuleError(f"{spec.where('function')}: 'function' must be 'module:name'")
    requires = spec.options.get("requires", [])
    if not isinstance(requires, list) or not all(isinstance(r, str) for r in requires):
        raise RuleError(f"{spec.where('requires')}: 'requires' must be a list of table names")
    opts = spec.options.get("options", {})
    if not isinstance(opts, dict):
        raise RuleError(f"{spec.where('options')}: 'options' must be a mapping")


def compile(spec):
    module_name, func_name = spec.options["function"].split(":", 1)
    try:
        module = importlib.import_module(f"newslint.checks.{module_name}")
        func = getattr(module, func_name)
    except (ImportError, AttributeError) as exc:
        raise RuleError(
            f"{spec.where('function')}: cannot load check {spec.options['function']!r}: {exc}"
        ) from None
    defaults = spec.options.get("options", {}) or {}

    # The rule's folder, where a user pack replacing a built-in rule may keep its own
    # word lists (newslint.spec.pack_file).
    folder = {DATA_FOLDER: spec.folder}

    def run(doc, options):
        return func(doc, {**defaults, **options, **folder})

    # A check marked with newslint.windows.local reads only a sentence and the
    # paragraphs around it: a long document gives it one window at a time.
    run.local = getattr(func, "local", False)
    return run
