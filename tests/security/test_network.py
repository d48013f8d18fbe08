"""Case 3 of issue 20: a repository's configuration cannot send drafts over the network.
A ``[languagetool] url`` is used only when the person running newslint allows it: on the
command line, in the environment or in their user configuration (docs/security.md)."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

import pytest

from newslint.checks import languagetool
from newslint.config import NETWORK_ENV
from tests.helpers import run
from tests.integrations import languagetool_fake as fake

DRAFT = "The minister have said no.\n"


@pytest.fixture()
def server():
    """The stand-in LanguageTool, recording every request it receives, of any kind."""
    seen: list[str] = []

    class Recording(fake._Handler):
        def do_GET(self):  # noqa: N802
            seen.append("GET " + self.path)
            super().do_GET()

        def do_POST(self):  # noqa: N802
            seen.append("POST " + self.path)
            super().do_POST()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recording)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()


@pytest.fixture(autouse=True)
def _no_permission(tmp_path, monkeypatch):
    # Whatever the machine running the tests has set, start without permission.
    monkeypatch.delenv(NETWORK_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    monkeypatch.setattr(languagetool, "_servers", {})
    monkeypatch.setattr(languagetool, "_noticed", set())


def _repo(tmp_path, url):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".newslint.toml").write_text(f'[languagetool]\nurl = "{url}"\n')
    (repo / "story.txt").write_text(DRAFT)
    return repo


def test_a_committed_url_receives_nothing_without_permission(capsys, tmp_path, server):
    url, seen = server
    repo = _repo(tmp_path, url)
    code, out, err = run(capsys, "check", "--no-cache", "--select=grammar", str(repo))
    assert seen == [] and out == "" and code == 0
    [line] = err.splitlines()
    assert line.startswith(f"newslint: {repo / '.newslint.toml'}: [languagetool] url not used")
    assert "--allow-network" in line and "grammar rules skipped" in line


def test_explicit_config_and_fix_and_stdin_need_permission_too(
    capsys, tmp_path, server, monkeypatch
):
    url, seen = server
    repo = _repo(tmp_path, url)
    config = str(repo / ".newslint.toml")
    run(capsys, "check", "--no-cache", "--config", config, str(repo / "story.txt"))
    run(capsys, "check", "--fix", str(repo / "story.txt"))
    run(
        capsys,
        "check",
        "-",
        "--stdin-filename",
        str(repo / "x.txt"),
        stdin=DRAFT,
        monkeypatch=monkeypatch,
    )
    assert seen == []


@pytest.mark.parametrize("how", ["option", "environment", "user configuration"])
def test_the_person_running_newslint_can_allow_it(capsys, tmp_path, server, monkeypatch, how):
    url, seen = server
    repo = _repo(tmp_path, url)
    args = ["check", "--no-cache", "--select=grammar", str(repo)]
    if how == "option":
        args.insert(1, "--allow-network")
    elif how == "environment":
        monkeypatch.setenv(NETWORK_ENV, "1")
    else:
        user = tmp_path / "user-config" / "newslint"
        user.mkdir(parents=True)
        (user / "config.toml").write_text("allow-network = true\n")
    code, out, err = run(capsys, *args)
    assert "grammar.grammar" in out and code == 0 and err == ""  # a warning: it does not fail
    assert any(s.startswith("POST /v2/check") for s in seen)


def test_environment_can_refuse_what_the_user_configuration_allows(
    capsys, tmp_path, server, monkeypatch
):
    url, seen = server
    repo = _repo(tmp_path, url)
    user = tmp_path / "user-config" / "newslint"
    user.mkdir(parents=True)
    (user / "config.toml").write_text("allow-network = true\n")
    monkeypatch.setenv(NETWORK_ENV, "0")
    run(capsys, "check", "--no-cache", str(repo))
    assert seen == []


def test_a_broken_user_configuration_is_a_one_line_error(capsys, tmp_path, server):
    url, seen = server
    repo = _repo(tmp_path, url)
    user = tmp_path / "user-config" / "newslint"
    user.mkdir(parents=True)
    (user / "config.toml").write_text("allow-network = 'yes'\n")
    code, out, err = run(capsys, "check", "--no-cache", str(repo))
    assert code == 2 and seen == []
    assert err == f"newslint: {user / 'config.toml'}:1: 'allow-network' must be true or false\n"


def test_the_language_server_follows_the_same_permission(tmp_path, server, monkeypatch):
    from newslint.lsp import lint

    url, seen = server
    repo = _repo(tmp_path, url)
    notices: list[str] = []
    found = lint(DRAFT, str(repo / "story.txt"), "text", notices=notices)
    assert seen == [] and not [f for f in found if f.rule.startswith("grammar.")]
    assert len(notices) == 1 and "[languagetool] url not used" in notices[0]
    found = lint(DRAFT, str(repo / "story.txt"), "text", allow_network=True)
    assert [f.rule for f in found if f.rule.startswith("grammar.")] == ["grammar.grammar"]
    assert seen


def test_lsp_takes_the_option():
    from newslint.cli import build_parser

    assert build_parser().parse_args(["lsp", "--allow-network"]).allow_network is True
    assert build_parser().parse_args(["lsp"]).allow_network is None
