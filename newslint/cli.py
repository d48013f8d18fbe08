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
        help="findings at or above this level fail (default: error)",
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
    check.add_argument(
        "--allow-network",
        action="store_true",
        default=None,
        help="let the configuration's LanguageTool url receive the drafts (docs/security.md)",
    )

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
    sources.add_argument(
        "--summary",
        action="store_true",
        help="who gets quoted across the drafts: shares of named, anonymous and vague "
        "sources, the most cited people and organisations, the gender balance of people "
        "quoted where the text gives it",
    )

    lsp = sub.add_parser("lsp", help="run the language server for editors (stdio)")
    lsp.add_argument(
        "--allow-network",
        action="store_true",
        default=None,
        help="let the configuration's LanguageTool url receive the drafts (docs/security.md)",
    )
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
    from newslint.config import ConfigError
    from newslint.engine import RuleFailure

    commands = {
        "check": _check,
        "rules": _rules,
        "explain": _explain,
        "sources": _sources,
        "lsp": _lsp,
    }
    try:
        return commands[args.command](args)
    except (ConfigError, RuleFailure) as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _error(message: str) -> None:
    from newslint.report.text_format import printable

    # File names in messages may hold control characters: escaped, one line, always.
    print(f"newslint: {printable(message)}", file=sys.stderr)


def _write(out: str, output: str | None) -> bool:
    """The report to ``--output`` or standard output; False when the file cannot be written."""
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(out)
        except OSError as exc:
            _error(f"{output}: cannot write: {exc.strerror or exc}")
            return False
    elif out:
        sys.stdout.write(out)
        sys.stdout.flush()
    return True


def _check(args) -> int:
    """``newslint check``: findings in files, folders or standard input."""
    from newslint import api
    from newslint.report import render

    paths = args.paths or ["."]
    options = {
        "config_path": args.config,
        "select": _split(args.select),
        "ignore": _split(args.ignore) or [],
        "fail_level": args.fail_level,
        "allow_network": args.allow_network,
    }
    if args.fix or args.diff:
        if "-" in paths:
            _error("--fix and --diff work on files, not standard input")
            return EXIT_ERROR
        return _fix(args, paths, options)
    files = [p for p in paths if p != "-"]
    if "-" in paths:
        result = api.check_stdin(sys.stdin.buffer.read(), args.stdin_filename, **options)
        if files:
            result.merge(_check_files(args, files, options))
    else:
        result = _check_files(args, files, options)
    colour = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    context: dict = {"colour": colour}
    if args.format == "sarif":
        context["rules"] = api.builtin_rules()
    if args.format == "html":
        context["documents"] = api.report_documents(files, args.config)
    if not _write(render(args.format, result.findings, **context), args.output):
        return EXIT_ERROR
    for message in result.notices:
        _error(message)
    for message in result.errors:
        _error(message)
    if result.files == 0 and not result.errors:
        from newslint.readers import DEFAULT_EXTENSIONS

        looked = ", ".join("*" + ext for ext in DEFAULT_EXTENSIONS)
        _error(f"no drafts found in {', '.join(paths)} (looked for {looked})")
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failed else EXIT_OK


def _check_files(args, files: list[str], options: dict):
    from newslint import api

    # A progress line for long runs, on a terminal, for the formats a person reads.
    progress = args.format in ("text", "html") and sys.stderr.isatty()
    return api.check_paths(
        files,
        **options,
        jobs=args.jobs,
        cache_root=None if args.no_cache else os.getcwd(),
        progress=progress,
    )


def _fix(args, paths: list[str], options: dict) -> int:
    """``newslint check --fix`` / ``--diff``."""
    from newslint import api
    from newslint.report import render

    result = api.fix_paths(paths, **options, write=not args.diff)
    sys.stdout.write(result.diff if args.diff else render(args.format, result.findings))
    verb = "would fix" if args.diff else "fixed"
    fixed = result.fixed
    print(f"newslint: {verb} {fixed} finding{'s' if fixed != 1 else ''}", file=sys.stderr)
    for message in [*result.notices, *result.errors]:
        _error(message)
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failed else EXIT_OK


def _rules(args) -> int:
    """``newslint rules``: every rule with its level, whether it is on, and its summary; then
    one line for rules off for want of configuration, saying how to turn them on."""
    from newslint import api

    notices: list[str] = []
    rules, on = api.list_rules(args.config, notices)
    for message in notices:
        _error(message)
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
        # "on" is on in this configuration (the defaults without --config).
        width = max([len(r.id) for r in rules] + [4])
        print(f"{'rule':<{width}}  {'level':<7}  {'on':<7}  summary")
        for r in rules:
            state = "on" if r.id in on else "off"
            print(f"{r.id:<{width}}  {r.level:<7}  {state:<7}  {r.summary}")
        for note in api.rule_notes(args.config):
            print(note)
    return EXIT_OK


def _explain(args) -> int:
    """``newslint explain RULE``: why, an example, what to write instead."""
    from newslint import api
    from newslint.docs import explain_text

    rules, _ = api.list_rules(args.config)
    by_id = {r.id: r for r in rules}
    rule = by_id.get(args.rule)
    if rule is None:
        close = [r for r in by_id if r.startswith(args.rule + ".")]
        hint = f"; rules in that group: {', '.join(close)}" if close else "; see 'newslint rules'"
        _error(f"unknown rule '{args.rule}'{hint}")
        return EXIT_ERROR
    sys.stdout.write(explain_text(rule))
    return EXIT_OK


def _sources(args) -> int:
    """``newslint sources``: who is quoted or cited in each draft."""
    from newslint import api
    from newslint.audit import render

    audit = api.sources(args.paths)
    sys.stdout.write(render(audit.files, args.format, summary=args.summary))
    for message in [*audit.notices, *audit.errors]:
        _error(message)
    return EXIT_ERROR if audit.errors else EXIT_OK


def _lsp(args) -> int:
    """``newslint lsp``: the language server, on standard input and output."""
    from newslint.lsp import main as lsp_main

    return lsp_main(allow_network=args.allow_network)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
