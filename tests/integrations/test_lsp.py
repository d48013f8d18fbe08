"""The language server, driven over pipes by a small client that speaks the protocol."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newslint.finding import Finding
from newslint.lsp import format_of, lsp_range, position, source_lines, units

TIMEOUT = 60  # the first check loads dictionaries; CI machines are slow


# -- positions, without a server ------------------------------------------------------


def test_units_per_encoding():
    assert units("a😀é", "utf-16") == 4  # the emoji is a surrogate pair
    assert units("a😀é", "utf-8") == 1 + 4 + 2
    assert units("a😀é", "utf-32") == 3


def test_positions_count_utf16_code_units():
    lines = source_lines("Hi\r\n😀 the the end\rlast")
    assert lines == ["Hi", "😀 the the end", "last"]
    # newslint column 3 (1-based code points) is after '😀 ': two UTF-16 units plus one.
    assert position(lines, 2, 3) == (1, 3)
    assert position(lines, 2, 3, "utf-32") == (1, 2)
    assert position(lines, 9, 99) == (2, 4)  # clamped to the document
    f = Finding("t", 2, 3, 2, 10, "typography.repeated-word", "warning", "m")
    assert lsp_range(lines, f) == (1, 3, 1, 10)
    g = Finding("t", 1, 1, 1, 3, "x.y", "info", "m")
    assert lsp_range(source_lines("\ufeffHi"), g, bom=True) == (0, 1, 0, 3)


def test_formats():
    assert format_of("markdown", "x") == "markdown"
    assert format_of("plaintext", "x") == "text"
    assert format_of("html", "x") == "html"
    assert format_of(None, "/a/b.md") == "markdown"
    assert format_of("python", "/a/b.py") is None


# -- the protocol over pipes ----------------------------------------------------------

pytest.importorskip("pygls")


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over a subprocess's pipes."""

    def __init__(self, cwd: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        # The server's log goes to a file: an unread stderr pipe could fill and block it.
        self.log = open(cwd / "lsp.log", "wb")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newslint.cli", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            cwd=cwd,
            env=env,
        )
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, **({"params": params} if params is not None else {})})

    def request(self, method: str, params: dict | None = None):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, match, timeout: float = TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no matching message from the server")
            message = self.messages.get(timeout=left)
            if match(message):
                return message
            if message.get("method") == "window/logMessage":
                continue

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> dict:
        return self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and (version is None or m["params"].get("version") == version)
            ),
            timeout,
        )["params"]

    def close(self) -> int:
        try:
            self.request("shutdown")
            self.notify("exit")
            return self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.stdout.close()
            self.proc.stdin.close()
            self.log.close()


def start(tmp_path: Path, capabilities: dict | None = None) -> Client:
    c = Client(tmp_path)
    result = c.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": tmp_path.as_uri(),
            "capabilities": capabilities or {},
        },
    )
    c.capabilities = result["capabilities"]
    c.notify("initialized", {})
    return c


@pytest.fixture()
def client(tmp_path):
    c = start(tmp_path)
    yield c
    if c.proc.poll() is None:
        c.close()


DRAFT = "# 😀 News\n\n🎉 Officials said the the talks failed in order to save face.\n"


def test_diagnostics_code_actions_and_changes(tmp_path, client):
    assert client.capabilities["codeActionProvider"]
    (tmp_path / ".newslint.toml").write_text(
        'select = ["typography.repeated-word", "style.wordy"]\n', encoding="utf-8"
    )
    uri = (tmp_path / "story.md").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}},
    )
    published = client.diagnostics(uri, 1)
    d, wordy = published["diagnostics"]
    assert d["code"] == "typography.repeated-word" and d["source"] == "newslint"
    assert d["severity"] == 1  # error
    # '🎉 Officials said ' is 17 code points (newslint column 18) and 18 UTF-16 units.
    assert d["range"] == {
        "start": {"line": 2, "character": 18},
        "end": {"line": 2, "character": 25},
    }

    assert wordy["code"] == "style.wordy" and wordy["severity"] == 3  # info
    assert wordy["range"]["start"] == {"line": 2, "character": 39}

    # The cursor inside 'in order to': replace it with the suggestion.
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 2, "character": 42}, "end": {"line": 2, "character": 42}},
            "context": {"diagnostics": [wordy]},
        },
    )
    [action] = actions
    assert action["kind"] == "quickfix" and action["isPreferred"] is True
    assert action["diagnostics"][0]["code"] == "style.wordy"
    [edit] = action["edit"]["changes"][uri]
    assert edit["range"] == wordy["range"] and edit["newText"] == "to"

    # Nothing offered away from the finding.
    far = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
            "context": {"diagnostics": []},
        },
    )
    assert far == []

    # Two quick edits: one check after the pause, for the last version.
    started = time.monotonic()
    for version, text in ((2, DRAFT.replace("the the", "the thee")), (3, "Fixed: the talks.\n")):
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    published = client.diagnostics(uri)
    assert published["version"] == 3 and published["diagnostics"] == []
    assert time.monotonic() - started >= 0.25  # debounced

    # An incremental edit that brings a finding back.
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 4},
            "contentChanges": [
                {
                    "range": {
                        "start": {"line": 0, "character": 7},
                        "end": {"line": 0, "character": 10},
                    },
                    "text": "the the",
                }
            ],
        },
    )
    published = client.diagnostics(uri, 4)
    [d] = published["diagnostics"]
    assert d["range"]["start"] == {"line": 0, "character": 7}

    assert client.close() == 0


def test_config_discovery_and_formats(tmp_path, client):
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / ".newslint.toml").write_text('ignore = ["typography"]\n', encoding="utf-8")
    text = "<p>He said the the words in order to win.</p>\n"
    quiet = (sub / "a.html").as_uri()
    loud = (tmp_path / "b.html").as_uri()
    for uri in (quiet, loud):
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "html", "version": 1, "text": text}},
        )
    rules_quiet = {d["code"] for d in client.diagnostics(quiet, 1)["diagnostics"]}
    rules_loud = {d["code"] for d in client.diagnostics(loud, 1)["diagnostics"]}
    assert "typography.repeated-word" in rules_loud
    assert "typography.repeated-word" not in rules_quiet
    assert "style.wordy" in rules_quiet  # the other rules still run

    client.notify("textDocument/didClose", {"textDocument": {"uri": loud}})
    assert client.diagnostics(loud)["diagnostics"] == []


def test_broken_config_is_shown_not_fatal(tmp_path, client):
    (tmp_path / ".newslint.toml").write_text("selec = [1]\n", encoding="utf-8")
    uri = (tmp_path / "c.txt").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "Hi.\n"}},
    )
    shown = client.wait(lambda m: m.get("method") == "window/showMessage")
    assert ".newslint.toml" in shown["params"]["message"]
    assert client.diagnostics(uri, 1)["diagnostics"] == []


def test_negotiated_utf8_positions(tmp_path):
    c = start(tmp_path, {"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    try:
        assert c.capabilities["positionEncoding"] == "utf-8"
        uri = (tmp_path / "n.txt").as_uri()
        c.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "plaintext",
                    "version": 1,
                    "text": "Café 😀 staff said the the rest.\n",
                }
            },
        )
        [d] = [
            d
            for d in c.diagnostics(uri, 1)["diagnostics"]
            if d["code"] == "typography.repeated-word"
        ]
        # 'Café 😀 staff said ' is 18 code points and 6 + 5 + 6 + 5 = 22 UTF-8 bytes.
        assert d["range"]["start"] == {"line": 0, "character": 22}
    finally:
        assert c.close() == 0


def test_without_pygls_one_line_and_exit_2(tmp_path):
    # A stub module that fails to import stands in for a missing pygls.
    (tmp_path / "pygls.py").write_text("raise ImportError('no pygls')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-m", "newslint.cli", "lsp"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        'newslint: the language server needs pygls: pip install "newslint[lsp]"'
    ]
