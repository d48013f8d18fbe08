"""``newslint check | rules | explain | sources``: the command line.

Exit codes: 0 no finding at or above the failing level; 1 findings; 2 a usage,
configuration or input error (one line on standard error naming the file).
"""

from __future__ import annotations

import argparse
import os
import sys

from newslint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as for every other error
        self.exit(EXIT_ERROR, f"newslint: {message} (see 'newslint --help')\n")


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    from newslint.report import FORMATS

    parser = _Parser(
        prog="newslint", description="An editorial style and quality linter for news writing."
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check drafts and report findings")
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input"
    )
    check.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rule ids or groups to run (comma-separated)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="rule ids or groups to skip (comma-separated)",
    )
    check.add_argument(
        "--fail-level",
        choices=("info", "warning", "error"),
        help="findings at or above this level fail (default: warning)",
    )
    check.add_argument(
        "--config", metavar="FILE", help="use this configuration file instead of discovering one"
    )
    check.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: CPU count; 1 = in process)",
    )
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="name (and format) for text read from '-'"
    )
    check.add_argument(
        "--no-cache", action="store_true", help="check every file afresh, without the cache"
    )
    check.add_argument(
        "--fix", action="store_true", help="apply single, safe suggestions to the files in place"
    )
    check.add_argument(
        "--diff", action="store_true", help="show what --fix would change, without writing"
    )
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour in text output"
    )
    check.add_argument("--output", metavar="FILE", help="write the report to FILE, not stdout")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument(
        "--config", metavar="FILE", help="configuration to read rule packs and selection from"
    )
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    explain = sub.add_parser(
        "explain", help="explain a rule: why, an example, what to write instead"
    )
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="FILE")

    sources = sub.add_parser("sources", help="audit who is quoted or cited in each draft")
    sources.add_argument("paths", nargs="+", metavar="PATH")
    sources.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser("lsp", help="run the language server for editors (stdio)")
    return parser


def main(argv: list[str] | None = None) -> int:
    # A terminal in a non-UTF-8 locale gets escapes, never a crash, for names like İzmir.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args)
        if args.command in ("rules", "explain"):
            from newslint.config import ConfigError

            try:
                return _rules(args) if args.command == "rules" else _explain(args)
            except ConfigError as exc:
                _error(str(exc))
                return EXIT_ERROR
        if args.command == "sources":
            from newslint.audit import run_sources

            return run_sources(args.paths, args.format)
        if args.command == "lsp":
            from newslint.lsp import main as lsp_main

            return lsp_main()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_ERROR


def _error(message: str) -> None:
    print(f"newslint: {message}", file=sys.stderr)


def _check(args) -> int:
    from newslint.config import ConfigError
    from newslint.engine import RuleFailure
    from newslint.report import render

    paths = args.paths or ["."]
    select, ignore = _split(args.select), _split(args.ignore) or []
    if args.fix or args.diff:
        if "-" in paths:
            _error("--fix and --diff work on files, not standard input")
            return EXIT_ERROR
        return _fix(args, paths, select, ignore)
    try:
        if "-" in paths:
            result = _check_stdin(args, select, ignore)
            others = [p for p in paths if p != "-"]
        else:
            result, others = None, paths
        if others:
            from newslint.api import check_paths

            more = check_paths(
                others,
                config_path=args.config,
                select=select,
                ignore=ignore,
                jobs=args.jobs,
                fail_level=args.fail_level,
                cache_root=None if args.no_cache else os.getcwd(),
            )
            if result is None:
                result = more
            else:
                result.findings.extend(more.findings)
                result.errors.extend(more.errors)
                result.failed = result.failed or more.failed
                result.findings.sort(key=lambda f: f.sort_key())
    except (ConfigError, RuleFailure) as exc:
        _error(str(exc))
        return EXIT_ERROR
    colour = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    context = {"colour": colour}
    if args.format == "sarif":
        from newslint.engine import builtin_rules

        context["rules"] = builtin_rules()
    if args.format == "html":
        from newslint.report.html_format import documents_for

        context["documents"] = documents_for([p for p in paths if p != "-"], args.config)
    out = render(args.format, result.findings, **context)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                fh.write(out)
        except OSError as exc:
            _error(f"{args.output}: cannot write: {exc.strerror or exc}")
            return EXIT_ERROR
    elif out:
        sys.stdout.write(out)
        sys.stdout.flush()
    for message in result.errors:
        _error(message)
    if result.files == 0 and not result.errors:
        from newslint.readers import DEFAULT_EXTENSIONS

        looked = ", ".join("*" + ext for ext in DEFAULT_EXTENSIONS)
        _error(f"no drafts found in {', '.join(paths)} (looked for {looked})")
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failed else EXIT_OK


def _fix(args, paths, select, ignore) -> int:
    from newslint.api import Result, _with_overrides, discover, failing, linter_for
    from newslint.config import ConfigError, ConfigFinder
    from newslint.engine import RuleFailure
    from newslint.fix import fix_file
    from newslint.readers import InputError
    from newslint.report import render

    result = Result()
    fixed = 0
    try:
        finder = ConfigFinder(args.config)
        for path, display, config in discover(paths, finder, result.errors):
            config = _with_overrides(config, select, ignore)
            try:
                outcome = fix_file(path, display, linter_for(config), write=not args.diff)
            except (InputError, RuleFailure) as exc:
                result.errors.append(f"{display}: {exc}")
                continue
            fixed += outcome.fixed
            if args.diff:
                sys.stdout.write(outcome.diff)
            result.findings.extend(outcome.findings)
            result.failed = result.failed or failing(
                outcome.findings, args.fail_level or config.fail_level
            )
    except ConfigError as exc:
        _error(str(exc))
        return EXIT_ERROR
    if not args.diff:
        sys.stdout.write(render(args.format, result.findings, colour=False))
    verb = "would fix" if args.diff else "fixed"
    print(f"newslint: {verb} {fixed} finding{'s' if fixed != 1 else ''}", file=sys.stderr)
    for message in result.errors:
        _error(message)
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failed else EXIT_OK


def _check_stdin(args, select, ignore):
    from newslint.api import Result, _with_overrides, failing, linter_for
    from newslint.config import ConfigFinder
    from newslint.readers import InputError, decode, format_for, parse

    name = args.stdin_filename or "-"
    finder = ConfigFinder(args.config)
    config = _with_overrides(
        finder.for_file(name) if args.stdin_filename else finder.for_dir(os.getcwd()),
        select,
        ignore,
    )
    result = Result(files=1)
    try:
        text = decode(sys.stdin.buffer.read())
        doc = parse(text, name, format_for(name))
        result.findings = linter_for(config).check(doc)
        result.failed = failing(result.findings, args.fail_level or config.fail_level)
    except InputError as exc:
        result.errors.append(f"{name}: {exc}")
    return result


def _load_rules(args):
    from newslint.config import Config, ConfigFinder
    from newslint.engine import all_rules, selected

    config = ConfigFinder(args.config).for_dir(os.getcwd()) if args.config else Config()
    rules = all_rules(config)
    return rules, {r.id for r in selected(rules, config)}


def _rules(args) -> int:
    rules, on = _load_rules(args)
    if args.format == "json":
        import json

        data = [
            {
                "id": r.id,
                "level": r.level,
                "default": r.default,
                "enabled": r.id in on,
                "summary": r.summary,
            }
            for r in rules
        ]
        print(json.dumps({"version": 1, "rules": data}, indent=2))
    elif args.format == "markdown":
        from newslint.docs import rules_markdown

        sys.stdout.write(rules_markdown(rules))
    else:
        width = max([len(r.id) for r in rules] + [4])
        print(f"{'rule':<{width}}  {'level':<7}  {'default':<7}  summary")
        for r in rules:
            default = "on" if r.default else "off"
            print(f"{r.id:<{width}}  {r.level:<7}  {default:<7}  {r.summary}")
    return EXIT_OK


def _explain(args) -> int:
    rules, _ = _load_rules(args)
    by_id = {r.id: r for r in rules}
    rule = by_id.get(args.rule)
    if rule is None:
        close = [r for r in by_id if r.startswith(args.rule + ".")]
        hint = f"; rules in that group: {', '.join(close)}" if close else "; see 'newslint rules'"
        _error(f"unknown rule '{args.rule}'{hint}")
        return EXIT_ERROR
    from newslint.docs import explain_text

    sys.stdout.write(explain_text(rule))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
