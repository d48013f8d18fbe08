"""grammar.*: LanguageTool's grammar, punctuation and style checks, through language-tool-python.

The rules do nothing until the configuration has a ``[languagetool]`` table.
``url = "http://host:8081"`` in it names a server (self-hosted, or LanguageTool's
own API); a table without a url (``language = "en-GB"``, say) uses a LanguageTool
that language-tool-python finds installed locally (with Java); with neither,
the grammar rules are skipped with one notice on standard error, never an
error. Nothing is downloaded.

Each document goes to the server as LanguageTool's ``data`` annotation: the
source itself, split into text parts (prose) and markup parts (tags, entities,
the gaps between blocks) that say what they stand for. LanguageTool checks the
prose and reports offsets into the source; a table built with the annotation
maps them back to offsets in ``doc.text``. Blocks are sent in batches of up to
``_BATCH`` characters, one request each, with the configured timeout.

LanguageTool's spelling category (TYPOS) and its repeated-word rule are not
requested: newslint's spelling.* and typography.repeated-word report those.
"""

from __future__ import annotations

import json
import shutil
import sys
from bisect import bisect_right
from collections.abc import Iterator

from newslint.document import Document
from newslint.finding import Hit

_BATCH = 15_000  # characters of source per request (LanguageTool's public API takes 20 KB)
_DEFAULT_TIMEOUT = 20.0
_DEFAULT_LANGUAGE = "en-US"
# Left to newslint's own rules (spelling.*, typography.repeated-word).
_DISABLED_CATEGORIES = ("TYPOS",)
_DISABLED_RULES = ("ENGLISH_WORD_REPEAT_RULE", "ENGLISH_WORD_REPEAT_BEGINNING_RULE")
# LanguageTool category ids -> the newslint rule that reports them; the rest is grammar.grammar.
_RULE_OF = {
    "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "punctuation",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "REPETITIONS_STYLE": "style",
    "PLAIN_ENGLISH": "style",
    "WIKIPEDIA": "style",
}

# Per process: servers by (url, language), notices already printed.
_servers: dict[tuple, _Server | None] = {}
_noticed: set[str] = set()


def notice(message: str) -> None:
    """Print a notice on standard error once per process."""
    if message not in _noticed:
        _noticed.add(message)
        print(f"newslint: {message}", file=sys.stderr)


class _Server:
    """A LanguageTool server to send documents to."""

    def __init__(self, check_url: str, language: str, timeout: float, label: str):
        self.check_url = check_url
        self.language = language
        self.timeout = timeout
        self.label = label
        self.dead = False

    def check(self, annotation: list[dict]) -> list[dict]:
        import requests

        params = {
            "language": self.language,
            "data": json.dumps({"annotation": annotation}, ensure_ascii=False),
            "disabledCategories": ",".join(_DISABLED_CATEGORIES),
            "disabledRules": ",".join(_DISABLED_RULES),
        }
        response = requests.post(self.check_url, data=params, timeout=self.timeout)
        response.raise_for_status()
        return response.json().get("matches", [])


def _tool_class(timeout: float):
    """language-tool-python's LanguageTool with our timeout on its own requests."""
    from language_tool_python import LanguageTool

    return type("_NewslintLanguageTool", (LanguageTool,), {"_TIMEOUT": timeout})


def _connect(options: dict) -> _Server | None:
    url = options.get("url")
    language = options.get("language") or _DEFAULT_LANGUAGE
    timeout = float(options.get("timeout") or _DEFAULT_TIMEOUT)
    key = (url, language)
    if key in _servers:
        return _servers[key]
    server = None
    try:
        if url:
            # Asks the server for its languages: checks the url and the language.
            tool = _tool_class(timeout)(language=language, remote_server=url)
            server = _Server(tool.url + "check", str(tool.language), timeout, url)
        else:
            server = _local(language, timeout)
    except Exception as exc:  # noqa: BLE001 - any failure to reach LanguageTool is a notice
        where = url or "the local LanguageTool"
        notice(f"grammar rules skipped: cannot use {where}: {_one_line(exc)}")
        server = None
    _servers[key] = server
    return server


def _local(language: str, timeout: float) -> _Server | None:
    """A LanguageTool installed where language-tool-python keeps it, started once."""
    from language_tool_python.download_lt import LocalLanguageTool

    installed = LocalLanguageTool.get_latest_installed_version()
    if installed is None or shutil.which("java") is None:
        notice(
            "grammar rules skipped: no LanguageTool server configured "
            '([languagetool] url = "http://host:8081") and no local LanguageTool found'
        )
        return None
    tool = _tool_class(timeout)(
        language=language, language_tool_download_version=installed.version_name
    )
    return _Server(tool.url + "check", str(tool.language), timeout, "local LanguageTool")


class _Batch:
    """One request's annotation and the map from its offsets back to ``doc.text``."""

    def __init__(self) -> None:
        self.parts: list[dict] = []
        self.ann_starts: list[int] = []  # offset of each part in the annotated string
        self.text_starts: list[int] = []  # offset in doc.text of what it stands for
        self.text_lengths: list[int] = []
        self.is_text: list[bool] = []
        self.length = 0
        self.string: list[str] = []

    def add(self, kind: str, raw: str, text_start: int, text_len: int, interpret: str = ""):
        if not raw and not interpret:
            return
        part = {"text": raw} if kind == "text" else {"markup": raw, "interpretAs": interpret}
        self.parts.append(part)
        self.ann_starts.append(self.length)
        self.text_starts.append(text_start)
        self.text_lengths.append(text_len)
        self.is_text.append(kind == "text")
        self.length += len(raw)
        self.string.append(raw)

    def to_text(self, offset: int, end: bool) -> int:
        """The doc.text offset of an offset into the annotated string."""
        k = max(bisect_right(self.ann_starts, offset - (1 if end else 0)) - 1, 0)
        if self.is_text[k]:
            return self.text_starts[k] + min(offset - self.ann_starts[k], self.text_lengths[k])
        return self.text_starts[k] + (self.text_lengths[k] if end else 0)


def _batches(doc: Document) -> list[_Batch]:
    """The document's blocks as annotations, each batch at most ``_BATCH`` characters."""
    text, source, om = doc.text, doc.source, doc.offset_map
    batches: list[_Batch] = []
    batch: _Batch | None = None
    prev_src = 0
    for block in doc.blocks:
        src_start = om.start(block.start)
        if batch is None or batch.length + (block.end - block.start) > _BATCH:
            batch = _Batch()
            batches.append(batch)
        elif src_start > prev_src:
            batch.add("markup", source[prev_src:src_start], block.start, 0, "\n\n")
        _add_block(batch, text, source, om, block.start, block.end)
        prev_src = om.end(block.end)
    return batches


def _add_block(batch: _Batch, text: str, source: str, om, start: int, end: int) -> None:
    """Add a block's characters: runs copied from the source as text, the rest as markup."""
    i = start
    run_start = start
    src_pos = om.start(start)
    while i < end:
        s, e = om.start(i), om.end(i + 1)
        identity = e - s == 1 and source[s] == text[i]
        if identity and s == src_pos:
            i += 1
            src_pos = e
            continue
        # Close the text run so far, then add what this character stands for.
        if i > run_start:
            batch.add("text", text[run_start:i], run_start, i - run_start)
        if s > src_pos:  # skipped markup (a tag) before this character
            batch.add("markup", source[src_pos:s], i, 0, "")
        if identity:
            run_start, src_pos = i, s
            continue
        j = i + 1  # characters standing for the same source range (an entity)
        while j < end and om.start(j) == s and om.end(j + 1) == e:
            j += 1
        batch.add("markup", source[s:e], i, j - i, text[i:j])
        i = run_start = j
        src_pos = max(e, src_pos)
    if end > run_start:
        batch.add("text", text[run_start:end], run_start, end - run_start)


def _matches(doc: Document, options: dict) -> list[tuple[str, Hit]] | None:
    """LanguageTool's findings for the document as (rule name, Hit), once per document."""
    key = (__name__, options.get("url"), options.get("language"))
    return doc.memo(key, lambda: _check_document(doc, options))


def _check_document(doc: Document, options: dict) -> list[tuple[str, Hit]] | None:
    server = _connect(options)
    found: list[tuple[str, Hit]] | None = None
    if server is not None and not server.dead:
        found = []
        try:
            for batch in _batches(doc):
                found.extend(_hits(doc, batch, server.check(batch.parts)))
        except Exception as exc:  # noqa: BLE001 - a failing server is a notice, not an error
            server.dead = True  # do not wait on it again for every file
            notice(f"grammar rules skipped: LanguageTool at {server.label}: {_one_line(exc)}")
            found = None
    return found


def _hits(doc: Document, batch: _Batch, matches: list[dict]) -> Iterator[tuple[str, Hit]]:
    from language_tool_python import Match

    string = "".join(batch.string)
    for raw in matches:
        try:
            m = Match(dict(raw), string)  # offsets corrected for astral characters
        except (KeyError, TypeError):
            continue
        start = batch.to_text(m.offset, end=False)
        end = batch.to_text(m.offset + m.error_length, end=True)
        block = doc.block_at(start)
        if end <= start or block is None or end > block.end or doc.in_quote(start):
            continue
        rule = _RULE_OF.get(m.category, "grammar")
        name = raw.get("rule", {}).get("category", {}).get("name") or m.category
        message = " ".join(m.message.split())
        message = f"{message.rstrip('.')}. (LanguageTool {m.rule_id}, {name})"
        yield rule, Hit(start, end, message, tuple(m.replacements[:3]))


def _for(rule: str, doc: Document, options: dict) -> Iterator[Hit]:
    # The [languagetool] table is what switches grammar checking on: without
    # it these rules cost nothing and say nothing.
    if not doc.blocks or not any(k in options for k in ("url", "language", "timeout")):
        return
    for name, hit in _matches(doc, options) or ():
        if name == rule:
            yield hit


def grammar(doc: Document, options: dict) -> Iterator[Hit]:
    """LanguageTool's grammar findings (agreement, confused words, and the rest)."""
    return _for("grammar", doc, options)


def punctuation(doc: Document, options: dict) -> Iterator[Hit]:
    """LanguageTool's punctuation and typography findings."""
    return _for("punctuation", doc, options)


def style(doc: Document, options: dict) -> Iterator[Hit]:
    """LanguageTool's style findings (redundancy, wordiness, plain English)."""
    return _for("style", doc, options)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
