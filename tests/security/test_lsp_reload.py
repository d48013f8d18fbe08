"""Case 14 of issue 20: the language server reads a rule pack or word list again when it
changes, and a check that fails is shown (one diagnostic and a log message), not silence."""

from __future__ import annotations

import os

import pytest

from newslint.lsp import lint


def _touch(path, step: int) -> None:
    """A new modification time, whatever the file system's resolution."""
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + step * 1_000_000_000))


def test_a_changed_pack_is_read_again(tmp_path):
    rule = tmp_path / "pack" / "house" / "hype.yml"
    rule.parent.mkdir(parents=True)
    rule.write_text("kind: existence\ntokens: [game changer]\nmessage: 'Hype: {match}'\n")
    (tmp_path / ".newslint.toml").write_text('packs = ["pack"]\nselect = ["house"]\n')
    path = str(tmp_path / "s.md")
    text = "A game changer and a paradigm shift.\n"
    assert [f.message for f in lint(text, path, "markdown")] == ["Hype: game changer"]
    rule.write_text("kind: existence\ntokens: [paradigm shift]\nmessage: 'Hype: {match}'\n")
    _touch(rule, 1)
    assert [f.message for f in lint(text, path, "markdown")] == ["Hype: paradigm shift"]


def test_a_changed_accept_file_is_read_again(tmp_path):
    words = tmp_path / "names.txt"
    words.write_text("Britsih\n")
    (tmp_path / ".newslint.toml").write_text(
        'select = ["spelling.typo"]\n[spelling]\naccept-file = "names.txt"\n'
    )
    path = str(tmp_path / "s.txt")
    text = "A Britsih broadcaster said so.\n"
    assert lint(text, path, "text") == []
    words.write_text("Jiechi\n")
    _touch(words, 1)
    assert [f.rule for f in lint(text, path, "text")] == ["spelling.typo"]


pytest.importorskip("pygls")


def test_a_check_that_raises_is_one_diagnostic(tmp_path):
    from tests.integrations.test_lsp import start

    (tmp_path / "pack" / "house").mkdir(parents=True)
    (tmp_path / "pack" / "house" / "r.yml").write_text(
        "kind: code\nfunction: languagetool:_one_line\n"
    )
    (tmp_path / ".newslint.toml").write_text('packs = ["pack"]\nselect = ["house.r"]\n')
    client = start(tmp_path)
    try:
        uri = (tmp_path / "s.txt").as_uri()
        client.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "plaintext",
                    "version": 1,
                    "text": "Hi.\n",
                }
            },
        )
        logged = client.wait(
            lambda m: (
                m.get("method") == "window/logMessage"
                and "could not check" in m["params"]["message"]
            ),
            timeout=30,
        )
        assert logged["params"]["type"] == 1  # Error
        [d] = client.diagnostics(uri, 1, timeout=10)["diagnostics"]
        assert d["severity"] == 1 and d["range"]["start"] == {"line": 0, "character": 0}
        assert d["message"].startswith("newslint could not check this document: rule house.r (")
        assert "failed: TypeError" in d["message"]
    finally:
        assert client.close() == 0
