"""The optional built-in packs (issue 21): off unless named, named by a bare name, and a
folder of the same name reachable as ``./name``."""

from __future__ import annotations

import os

from newslint.api import check_text, list_rules
from newslint.spec import builtin_pack, builtin_pack_names
from tests.helpers import run

AP_SLIP = "The senator claimed the vote is set for October 4 in Derry, N.H."


def test_built_in_packs_are_ap_and_uk_news():
    assert builtin_pack_names() == ["ap", "uk-news"]
    assert builtin_pack("ap").endswith(os.path.join("packs", "ap"))
    assert builtin_pack("./ap") is None and builtin_pack("house") is None


def test_packs_are_off_unless_named():
    assert not [
        f for f in check_text(AP_SLIP, config={"select": ["all"]}) if f.rule.startswith("ap.")
    ]
    found = {f.rule for f in check_text(AP_SLIP, config={"packs": ["ap"]})}
    assert {"ap.dates", "ap.states", "sourcing.verb"} <= found
    rules, on = list_rules()
    assert not [r for r in rules if r.id.startswith(("ap.", "uk-news."))]


def test_pack_rules_are_listed_with_the_configuration(capsys, tmp_path, monkeypatch):
    (tmp_path / ".newslint.toml").write_text('packs = ["uk-news"]\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "rules", "--config", str(tmp_path / ".newslint.toml"))
    assert code == 0
    assert "uk-news.ise" in out and "sourcing.verb" in out
    code, out, _ = run(capsys, "explain", "uk-news.dates", "--config", ".newslint.toml")
    assert code == 0 and "Source:" in out and "BBC" in out


def test_a_folder_with_a_built_in_name_is_reached_with_dot_slash(capsys, tmp_path, monkeypatch):
    (tmp_path / "ap" / "house").mkdir(parents=True)
    (tmp_path / "ap" / "house" / "hype.yml").write_text(
        "kind: existence\nlevel: error\ntokens: [game changer]\n"
    )
    (tmp_path / ".newslint.toml").write_text('packs = ["./ap"]\nselect = ["house"]\n')
    (tmp_path / "story.txt").write_text("The merger was a game changer.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--no-cache", "story.txt")
    assert code == 1 and "house.hype" in out


def test_an_unknown_pack_names_the_built_in_ones(capsys, tmp_path, monkeypatch):
    (tmp_path / ".newslint.toml").write_text('packs = ["apstyle"]\n')
    (tmp_path / "story.txt").write_text("A story.\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "--no-cache", "story.txt")
    assert code == 2
    assert "rule pack not found (built-in packs: ap, uk-news)" in err


def test_uk_news_options_are_validated(capsys, tmp_path, monkeypatch):
    (tmp_path / ".newslint.toml").write_text(
        'packs = ["uk-news"]\n[uk-news]\nheadline-quotes = "curly"\n'
    )
    (tmp_path / "story.txt").write_text("A story.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "--no-cache", "story.txt")
    assert code == 2 and "'uk-news.headline-quotes' must be 'single' or 'double'" in err
