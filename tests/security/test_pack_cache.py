"""Cases 4 and 5 of issue 20: the rule-pack cache is JSON, signed and validated, so a
planted entry runs no code, crashes nothing and hides no rule; a rule's word file must stay
inside its pack."""

from __future__ import annotations

import json
import os
import pickle

import pytest

from newslint import rules_loader
from tests.helpers import run


@pytest.fixture(autouse=True)
def _own_user_cache(tmp_path, monkeypatch):
    """A user cache folder (the pack cache and the key) of the test's own."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "user-cache"))


def test_swap_file_outside_its_pack_is_refused(capsys, tmp_path, monkeypatch):
    repo = tmp_path / "a" / "b" / "repo"
    (repo / "pack" / "house").mkdir(parents=True)
    (tmp_path / "words.txt").write_text("colour->color\n")
    (repo / "pack" / "house" / "swap.yml").write_text(
        "kind: substitution\nswap_file: ../../../../../words.txt\nmessage: '{match}'\n"
    )
    (repo / ".newslint.toml").write_text('packs = ["pack"]\nselect = ["house"]\n')
    (repo / "s.txt").write_text("A colour.\n")
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "check", ".")
    assert code == 2 and out == ""
    assert "swap.yml:2: swap file '../../../../../words.txt' is outside the rule pack" in err
    assert err.count("\n") == 1
    # The same through a symbolic link inside the pack.
    (repo / "pack" / "house" / "words.txt").symlink_to(tmp_path / "words.txt")
    (repo / "pack" / "house" / "swap.yml").write_text(
        "kind: substitution\nswap_file: words.txt\nmessage: '{match}'\n"
    )
    code, out, err = run(capsys, "check", ".")
    assert code == 2 and "is outside the rule pack" in err


# -- case 4: the rule-pack cache -------------------------------------------------------


def _pack(tmp_path):
    pack = tmp_path / "pack"
    (pack / "house").mkdir(parents=True)
    (pack / "house" / "hype.yml").write_text("kind: existence\ntokens: [game changer]\n")
    return str(pack)


class _Boom:
    def __reduce__(self):
        return (os.system, (f"touch {os.getcwd()}/pwned",))


def test_a_planted_pickle_runs_no_code(tmp_path):
    pack = _pack(tmp_path)
    planted = rules_loader._cache_file(pack, rules_loader._yaml_files(pack))
    os.makedirs(os.path.dirname(planted), exist_ok=True)
    with open(planted, "wb") as fh:
        pickle.dump(_Boom(), fh)
    specs = rules_loader.load_pack(pack)
    assert not os.path.exists(tmp_path / "pwned")
    assert [s.id for s in specs] == ["house.hype"]


@pytest.mark.parametrize(
    "planted",
    [
        pickle.dumps(42),  # a valid pickle of the wrong type
        b"",
        b"\x00\xff garbage",
        b'{"format": 1, "specs": []}',  # valid JSON, unsigned
    ],
)
def test_a_wrong_entry_falls_back_to_the_yaml(tmp_path, planted):
    pack = _pack(tmp_path)
    path = rules_loader._cache_file(pack, rules_loader._yaml_files(pack))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(planted)
    assert [s.id for s in rules_loader.load_pack(pack)] == ["house.hype"]


@pytest.mark.parametrize(
    "specs",
    [
        [{"id": "house.hype"}],  # not a rule
        "not a list",
        [{**dict.fromkeys(rules_loader._SPEC_FIELDS, ""), "kind": "code"}],  # wrong types
    ],
)
def test_a_signed_entry_of_the_wrong_shape_falls_back_to_the_yaml(tmp_path, specs):
    # Even signed with the user's own key, an entry is validated before it is used.
    from newslint.userdirs import secret

    pack = _pack(tmp_path)
    path = rules_loader._cache_file(pack, rules_loader._yaml_files(pack))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = json.dumps({"format": 1, "specs": specs}).encode()
    with open(path, "wb") as fh:
        fh.write(rules_loader._mac(secret(), path, data) + b"\n" + data)
    assert [s.id for s in rules_loader.load_pack(pack)] == ["house.hype"]


def test_the_pack_cache_is_json_and_round_trips(tmp_path):
    pack = _pack(tmp_path)
    first = rules_loader.load_pack(pack)
    path = rules_loader._cache_file(pack, rules_loader._yaml_files(pack))
    assert path.endswith(".json") and os.path.exists(path)
    with open(path, "rb") as fh:
        mac, _, data = fh.read().partition(b"\n")
    assert data.startswith(b'{"format": 1')
    assert rules_loader.load_pack(pack) == first
