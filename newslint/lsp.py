"""``newslint lsp``: a Language Server Protocol server over stdio, built on pygls.

It publishes findings as diagnostics for Markdown, plain-text and HTML
documents when they are opened and, debounced, as they change; a suggestion
becomes a quick fix. Each document gets the configuration the CLI would use for
its file (``.newslint.toml`` or ``pyproject.toml`` from its folder upward, read
afresh on every check so edits to it apply at once); its rule packs and word lists
are read again when one of their files changes (size or modification time). A
configuration's LanguageTool ``url`` is used only with the permission of the person
running the server (``newslint lsp --allow-network``, the environment or the user
configuration; docs/security.md), as for ``newslint check``. A check that fails
becomes one diagnostic at the top of the document and one log message.

pygls is an optional dependency (``pip install "newslint[lsp]"``); this module
imports it only when the server starts. The position arithmetic is plain Python
so it can be tested without it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence

from newslint import __version__
from newslint.finding import Finding

DEBOUNCE = 0.3  # seconds of quiet typing before a changed document is checked again
SEVERITY = {"error": 1, "warning": 2, "info": 3}  # LSP DiagnosticSeverity
# LSP language ids -> newslint reader formats; other ids fall back to the extension.
LANGUAGES = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}
_LINE_END = re.compile(r"\r\n|\n|\r")  # LSP and newslint both end lines at these
INSTALL_HINT = 'newslint: the language server needs pygls: pip install "newslint[lsp]"'

Range = tuple[int, int, int, int]  # start line, start character, end line, end character


def units(s: str, encoding: str = "utf-16") -> int:
    """Length of ``s`` in the code units of a negotiated LSP position encoding."""
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-32":
        return len(s)
    # UTF-16: characters outside the Basic Multilingual Plane take two units.
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def source_lines(text: str) -> list[str]:
    """The lines of a document, without their line breaks."""
    return _LINE_END.split(text)


def position(
    lines: Sequence[str], line: int, column: int, encoding: str = "utf-16"
) -> tuple[int, int]:
    """LSP ``(line, character)``, 0-based in code units, of a newslint 1-based
    line and code-point column (clamped to the document)."""
    k = min(max(line, 1), len(lines)) - 1
    text = lines[k]
    return k, units(text[: min(max(column - 1, 0), len(text))], encoding)


def lsp_range(
    lines: Sequence[str], f: Finding, encoding: str = "utf-16", bom: bool = False
) -> Range:
    """The LSP range of a finding. ``bom``: the text starts with a byte-order mark,
    which the readers drop, so columns on the first line are one character short."""
    shift_start = 1 if bom and f.line == 1 else 0
    shift_end = 1 if bom and f.end_line == 1 else 0
    sl, sc = position(lines, f.line, f.column + shift_start, encoding)
    el, ec = position(lines, f.end_line, f.end_column + shift_end, encoding)
    if (el, ec) < (sl, sc):
        el, ec = sl, sc
    return sl, sc, el, ec


def format_of(language_id: str | None, path: str) -> str | None:
    """The reader format for a document, or None when newslint does not read it."""
    from newslint.readers import FORMATS

    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    fmt = FORMATS.get(os.path.splitext(path)[1].lower())
    return fmt if fmt in ("text", "markdown", "html") else None


_stamps: dict[tuple, str] = {}  # configuration -> data_stamp when its linter was built


def lint(
    text: str,
    path: str | None,
    fmt: str,
    allow_network: bool | None = None,
    notices: list[str] | None = None,
) -> list[Finding]:
    """Check a document's text with the configuration the CLI would use for ``path``.

    ``notices`` receives what the configuration could not do (a LanguageTool url the
    user has not allowed). Raises ConfigError, InputError or RuleFailure with a one-line
    message.
    """
    from newslint.api import check_text, config_for, data_stamp, reload_rules

    # Found afresh each time: the user may have just edited the configuration.
    config = config_for(path, allow_network=allow_network, notices=notices)
    # A pack or word list edited since its rules were built: build them again.
    stamp = data_stamp(config)
    if _stamps.get(config.key(), stamp) != stamp:
        reload_rules(config)
    _stamps[config.key()] = stamp
    return check_text(text, path or "<untitled>", fmt, config=config)


def main(allow_network: bool | None = None) -> int:
    """Run the server on standard input and output until the client says exit."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    build_server(allow_network).start_io()
    return 0


def build_server(allow_network: bool | None = None):
    """The pygls server with newslint's features registered (imports pygls).
    ``allow_network``: ``--allow-network`` was given (see :func:`lint`)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from lsprotocol import types as T
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    from newslint.config import ConfigError
    from newslint.engine import RuleFailure
    from newslint.readers import InputError

    class Server(LanguageServer):
        def __init__(self) -> None:
            super().__init__("newslint", __version__)
            self.pending: dict[str, asyncio.Task] = {}
            # uri -> (document version, [(diagnostic, suggestions)]) of the last check
            self.fixes: dict[str, tuple[int | None, list]] = {}
            # One worker: checks run off the event loop (so messages keep flowing)
            # but never two at once over the lazily loaded dictionaries.
            self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint")
            self.noticed: set[str] = set()  # notices already logged, once each

    server = Server()

    def encoding() -> str:
        return str(server.workspace.position_encoding or "utf-16")

    def schedule(uri: str, delay: float) -> None:
        old = server.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        server.pending[uri] = asyncio.ensure_future(check(uri, delay))

    async def check(uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = server.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        path = to_fs_path(uri) if uri.startswith("file:") else None
        fmt = format_of(doc.language_id, path or uri)
        if fmt is None:
            return
        loop = asyncio.get_running_loop()
        notices: list[str] = []
        failure = None
        try:
            findings = await loop.run_in_executor(
                server.pool, lint, text, path, fmt, allow_network, notices
            )
        except ConfigError as exc:
            server.window_show_message(
                T.ShowMessageParams(type=T.MessageType.Error, message=f"newslint: {exc}")
            )
            findings = []
        except (InputError, RuleFailure) as exc:
            failure = str(exc)
            findings = []
        except Exception as exc:  # noqa: BLE001 - a failing check is shown, never silence
            failure = f"internal error ({type(exc).__name__}: {' '.join(str(exc).split())})"
            findings = []
        for message in notices:
            if message not in server.noticed:
                server.noticed.add(message)
                server.window_log_message(
                    T.LogMessageParams(type=T.MessageType.Warning, message=f"newslint: {message}")
                )
        if server.workspace.get_text_document(uri).version != version:
            return  # edited while we checked: the newer check publishes
        lines = source_lines(text)
        bom, enc = text.startswith("\ufeff"), encoding()
        published, fixes = [], []
        if failure is not None:
            # One diagnostic says why the document has no findings, and the log says it too.
            message = f"newslint could not check this document: {failure}"
            server.window_log_message(T.LogMessageParams(type=T.MessageType.Error, message=message))
            published.append(
                T.Diagnostic(
                    range=T.Range(start=T.Position(0, 0), end=T.Position(0, 0)),
                    message=message,
                    severity=T.DiagnosticSeverity.Error,
                    source="newslint",
                )
            )
        for f in findings:
            sl, sc, el, ec = lsp_range(lines, f, enc, bom)
            diagnostic = T.Diagnostic(
                range=T.Range(start=T.Position(sl, sc), end=T.Position(el, ec)),
                message=f.message,
                severity=T.DiagnosticSeverity(SEVERITY[f.severity]),
                code=f.rule,
                source="newslint",
                data={"suggestions": list(f.suggestions)} if f.suggestions else None,
            )
            published.append(diagnostic)
            if f.suggestions:
                fixes.append((diagnostic, f.suggestions))
        server.fixes[uri] = (version, fixes)
        server.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=uri, diagnostics=published, version=version)
        )

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: T.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: T.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls, params: T.DidSaveTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = server.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        server.fixes.pop(uri, None)
        server.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        T.TEXT_DOCUMENT_CODE_ACTION,
        T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]),
    )
    def code_action(ls, params: T.CodeActionParams) -> list[T.CodeAction]:
        uri = params.text_document.uri
        version, fixes = server.fixes.get(uri, (None, []))
        if version != server.workspace.get_text_document(uri).version:
            return []  # the fixes were for text that has since changed
        r = params.range
        want = (r.start.line, r.start.character), (r.end.line, r.end.character)
        actions = []
        for diagnostic, suggestions in fixes:
            d = diagnostic.range
            start, end = (d.start.line, d.start.character), (d.end.line, d.end.character)
            if end < want[0] or want[1] < start:
                continue
            for n, suggestion in enumerate(suggestions):
                edit = T.TextEdit(range=d, new_text=suggestion)
                actions.append(
                    T.CodeAction(
                        title=f"Replace with '{suggestion}' ({diagnostic.code})",
                        kind=T.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=n == 0 and len(suggestions) == 1,
                        edit=T.WorkspaceEdit(changes={uri: [edit]}),
                    )
                )
        return actions

    @server.feature(T.SHUTDOWN)
    def on_shutdown(ls, params) -> None:
        for task in server.pending.values():
            task.cancel()
        server.pending.clear()
        server.pool.shutdown(wait=False, cancel_futures=True)

    return server
