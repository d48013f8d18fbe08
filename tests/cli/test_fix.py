"""--fix and --diff: only single safe suggestions, written atomically, nothing lost."""

from __future__ import annotations

import codecs
import os
import stat

from tests.helpers import run

SELECT = "--select=style.wordy,style.consistent-spelling,typography.repeated-word"


def test_fix_applies_and_is_idempotent(capsys, tmp_path):
    story = tmp_path / "s.md"
    story.write_text("# Budget\r\n\r\nThey met in order to vote. The the end.\r\n", newline="")
    code, out, err = run(capsys, "check", SELECT, "--fix", "--fail-level=info", str(story))
    assert story.read_bytes() == b"# Budget\r\n\r\nThey met to vote. The the end.\r\n"
    assert "fixed 1 finding" in err
    # What remains is reported; the repeated word has no suggestion, so it stays.
    assert "typography.repeated-word" in out and "style.wordy" not in out
    assert code == 1
    before = story.read_bytes()
    run(capsys, "check", SELECT, "--fix", str(story))
    assert story.read_bytes() == before


def test_diff_shows_without_writing(capsys, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("They met in order to vote.\n")
    code, out, err = run(capsys, "check", SELECT, "--diff", str(story))
    assert story.read_text() == "They met in order to vote.\n"
    assert "-They met in order to vote.\n+They met to vote.\n" in out
    assert "would fix 1 finding" in err


def test_fix_keeps_bom_encoding_and_permissions(capsys, tmp_path):
    story = tmp_path / "s.txt"
    story.write_bytes(codecs.BOM_UTF16_LE + "Prior to the vote.\n".encode("utf-16-le"))
    os.chmod(story, 0o640)
    run(capsys, "check", SELECT, "--fix", str(story))
    assert story.read_bytes() == codecs.BOM_UTF16_LE + "Before the vote.\n".encode("utf-16-le")
    assert stat.S_IMODE(os.stat(story).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["s.txt"]  # no temporary file left


def test_fix_never_edits_across_markup(capsys, tmp_path):
    story = tmp_path / "s.md"
    text = "They met *in order* to vote, in order to win.\n"
    story.write_text(text)
    run(capsys, "check", SELECT, "--fix", str(story))
    assert story.read_text() == "They met *in order* to vote, to win.\n"


def test_fix_consistency_settles_on_the_dominant_form(capsys, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("The adviser spoke. The adviser left. An advisor stayed.\n")
    run(capsys, "check", SELECT, "--fix", str(story))
    assert story.read_text() == "The adviser spoke. The adviser left. An adviser stayed.\n"


def test_fix_refuses_a_file_changed_while_checked(capsys, tmp_path, monkeypatch):
    story = tmp_path / "s.txt"
    story.write_text("They met in order to vote.\n")
    import newslint.fix as fix

    real = fix.plan

    def plan_and_edit(*args):
        story.write_text("Someone else saved this.\n")
        return real(*args)

    monkeypatch.setattr(fix, "plan", plan_and_edit)
    code, _, err = run(capsys, "check", SELECT, "--fix", str(story))
    assert code == 2 and "changed on disk" in err
    assert story.read_text() == "Someone else saved this.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["s.txt"]


def test_fix_through_symlink_keeps_link(capsys, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("They met in order to vote.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    run(capsys, "check", SELECT, "--fix", str(link))
    assert link.is_symlink() and real.read_text() == "They met to vote.\n"


def test_fix_rejects_stdin(capsys):
    code, _, err = run(capsys, "check", "--fix", "-")
    assert code == 2 and "standard input" in err


def test_check_without_fix_never_writes(capsys, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("They met in order to vote.\n")
    mtime = os.stat(story).st_mtime_ns
    run(capsys, "check", SELECT, str(story))
    assert (
        os.stat(story).st_mtime_ns == mtime and story.read_text() == "They met in order to vote.\n"
    )
