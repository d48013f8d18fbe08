"""Cases 6 and 7 of issue 20: ``--fix`` never corrupts text (a file with two byte-order
marks), never writes a file the user may not write, keeps owner, mode and hard links,
and leaves no temporary file."""

from __future__ import annotations

import codecs
import os
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import run

PREFERRED = '[names]\npreferred = { "Kyiv" = ["Kiev"] }\n'
SELECT = "--select=names.preferred,style.wordy"


def _config(folder):
    (folder / ".newslint.toml").write_text(PREFERRED)


# -- case 6: two byte-order marks -------------------------------------------------------


@pytest.mark.parametrize("boms", [1, 2, 3])
def test_fixes_do_not_shift_after_extra_byte_order_marks(capsys, tmp_path, boms):
    _config(tmp_path)
    story = tmp_path / "s.txt"
    body = "They met in Kiev to discuss. Kiev said no.\n"
    story.write_bytes(codecs.BOM_UTF8 + ("\ufeff" * (boms - 1) + body).encode())
    code, out, err = run(capsys, "check", SELECT, "--fix", str(story))
    fixed = "They met in Kyiv to discuss. Kyiv said no.\n"
    assert story.read_bytes() == codecs.BOM_UTF8 + ("\ufeff" * (boms - 1) + fixed).encode()
    assert "fixed 2 findings" in err and code == 0


_WORDS = st.sampled_from(["Kiev", "the", "talks", "in", "met", "Kyiv", ",", "."])


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(_WORDS, min_size=1, max_size=12),
    boms=st.integers(0, 3),
    codec=st.sampled_from(["utf-8", "utf-16-le", "utf-16-be"]),
    end=st.sampled_from(["\n", "\r\n", "\r", ""]),
)
def test_fix_changes_only_the_flagged_words(tmp_path_factory, words, boms, codec, end):
    """Whatever leads the file, the only change is Kiev -> Kyiv, in place."""
    from newslint.api import fix_paths

    folder = tmp_path_factory.mktemp("prop")
    _config(folder)
    story = folder / "s.txt"
    text = "\ufeff" * boms + " ".join(words) + end
    bom = {"utf-8": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    lead = bom[codec]
    if codec == "utf-8" and boms:
        lead, text = codecs.BOM_UTF8, text[1:]
    story.write_bytes(lead + text.encode(codec))
    result = fix_paths([str(story)], select=["names.preferred"])
    assert result.errors == []
    assert story.read_bytes() == lead + text.replace("Kiev", "Kyiv").encode(codec)


# -- case 7: what --fix may write -------------------------------------------------------


def _two_files(tmp_path):
    (tmp_path / "locked").mkdir()
    locked = tmp_path / "locked" / "a.txt"
    other = tmp_path / "b.txt"
    for path in (locked, other):
        path.write_text("They met in order to vote.\n")
    return locked, other


def test_read_only_file_is_an_error_and_the_others_are_fixed(capsys, tmp_path):
    locked, other = _two_files(tmp_path)
    os.chmod(locked, 0o444)
    code, out, err = run(capsys, "check", SELECT, "--fix", str(locked), str(other))
    assert locked.read_text() == "They met in order to vote.\n"
    assert stat.S_IMODE(os.stat(locked).st_mode) == 0o444
    assert other.read_text() == "They met to vote.\n"
    assert f"newslint: {locked}: read-only file; not fixed\n" in err
    assert code == 2 and "Traceback" not in err
    assert sorted(os.listdir(locked.parent)) == ["a.txt"]


def test_read_only_folder_is_an_error_and_the_others_are_fixed(capsys, tmp_path):
    locked, other = _two_files(tmp_path)
    os.chmod(locked.parent, 0o555)
    try:
        code, out, err = run(capsys, "check", SELECT, "--fix", str(locked), str(other))
    finally:
        os.chmod(locked.parent, 0o755)
    assert locked.read_text() == "They met in order to vote.\n"
    assert other.read_text() == "They met to vote.\n"
    assert f"newslint: {locked}: its folder is read-only; not fixed\n" in err
    assert code == 2 and "Traceback" not in err
    assert sorted(os.listdir(locked.parent)) == ["a.txt"]


def test_a_temporary_file_that_cannot_be_made_is_an_error(capsys, tmp_path, monkeypatch):
    # As a non-root user in a folder it may not write: the same path, without root.
    import tempfile

    locked, other = _two_files(tmp_path)

    def refuse(*args, dir=None, **kwargs):
        if dir == str(locked.parent):
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kwargs)

    real = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, out, err = run(capsys, "check", SELECT, "--fix", str(locked), str(other))
    assert f"{locked}: cannot write in its folder (Permission denied); not fixed" in err
    assert other.read_text() == "They met to vote.\n" and code == 2


def test_hard_links_stay_one_file(capsys, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("They met in order to vote.\n")
    os.chmod(a, 0o640)
    os.link(a, tmp_path / "b.txt")
    code, out, err = run(capsys, "check", SELECT, "--fix", str(a))
    assert (tmp_path / "b.txt").read_text() == "They met to vote.\n"
    assert os.stat(a).st_ino == os.stat(tmp_path / "b.txt").st_ino
    assert os.stat(a).st_nlink == 2 and stat.S_IMODE(os.stat(a).st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_another_users_file_keeps_its_owner(capsys, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("They met in order to vote.\n")
    os.chown(story, 65534, 65534)
    run(capsys, "check", SELECT, "--fix", str(story))
    info = os.stat(story)
    assert story.read_text() == "They met to vote.\n"
    assert (info.st_uid, info.st_gid) == (65534, 65534)


def test_owner_that_cannot_be_kept_means_writing_in_place(capsys, tmp_path, monkeypatch):
    story = tmp_path / "s.txt"
    story.write_text("They met in order to vote.\n")
    inode = os.stat(story).st_ino
    real_stat = os.stat

    def foreign(path, *args, **kwargs):  # the file looks like another user's
        info = real_stat(path, *args, **kwargs)
        if str(path) == str(story):
            return os.stat_result((*info[:4], info.st_uid + 1, *info[5:]))
        return info

    def refuse(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "stat", foreign)
    monkeypatch.setattr(os, "chown", refuse)
    code, out, err = run(capsys, "check", SELECT, "--fix", str(story))
    monkeypatch.undo()
    assert story.read_text() == "They met to vote.\n" and err == "newslint: fixed 1 finding\n"
    assert os.stat(story).st_ino == inode  # the same file, written in place
    assert sorted(os.listdir(tmp_path)) == ["s.txt"]
