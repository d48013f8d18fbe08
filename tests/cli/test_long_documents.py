"""A long document read in windows (newslint/windows.py), and the progress line."""

from __future__ import annotations

import io

from newslint.config import Config
from newslint.engine import Linter
from newslint.progress import Progress
from newslint.readers import parse
from newslint.windows import windows
from tests.helpers import run

# Paragraphs of one made-up story: a vague source, an unattributed quotation, a doubled
# word, a wordy phrase.
PARAGRAPHS = [
    "Critics say the new bridge toll will hurt commuters in Eastbrook.",
    "The county engineer, Dana Whitfield, said repairs would finish in March.",
    '"We are not there yet," Whitfield said on Monday.',
    "The council has not published the contract, which runs for ten years.",
    "Drivers queued for an hour in order to cross the the river on Tuesday.",
    '"It is a disgrace and everyone knows it."',
    "Officials at the county transport office declined to comment.",
]
# Once, in the middle: a typo, and the engineer's name spelled another way.
ONCE = "Ms Whitfeld said the goverment would review the toll in the spring."


def _story(repeats: int) -> str:
    half = PARAGRAPHS * (repeats // 2)
    return "\n\n".join([*half, ONCE, *PARAGRAPHS * (repeats - repeats // 2)]) + "\n"


def test_a_short_document_is_read_whole():
    doc = parse(_story(2), "story.txt", "text")
    assert windows(doc) is None


def test_windows_cover_the_text_once_in_order():
    doc = parse(_story(40), "long.txt", "text")
    parts = windows(doc, 2_000)
    assert parts is not None and len(parts) > 5
    for before, after in zip(parts, parts[1:], strict=False):
        assert before.core[1] <= after.core[0]  # cores never overlap
        assert doc.text[before.core[1] : after.core[0]].strip() == ""  # nor leave text out
    for part in parts:
        # A window is a document of its own holding a slice of the text, its core inside.
        sub = part.document(doc)
        assert sub.text == doc.text[part.offset : part.end]
        assert part.offset <= part.core[0] < part.core[1] <= part.end
        assert [sub.text[b.start : b.end] for b in sub.blocks] == [
            doc.text[b.start : b.end] for b in part.blocks
        ]


def test_findings_are_the_same_in_windows_and_whole_and_with_any_jobs():
    text = _story(40)
    linter = Linter(Config())
    whole = linter.check(parse(text, "long.txt", "text"), window=10**9)
    rules = {f.rule for f in whole}
    # Sentence-level rules (run in windows) and whole-story rules both find something.
    assert {"sourcing.vague", "sourcing.unattributed", "typography.repeated-word"} <= rules
    assert {"spelling.typo", "names.inconsistent"} <= rules
    windowed = linter.check(parse(text, "long.txt", "text"), window=2_000)
    assert windowed == whole
    assert linter.check(parse(text, "long.txt", "text"), window=2_000, jobs=2) == whole


def test_sentence_level_rules_are_marked_and_whole_story_rules_are_not():
    linter = Linter(Config())
    local = {r.id for r in linter.rules if linter.local(r)}
    assert {"sourcing.vague", "sourcing.unattributed", "style.weasel"} <= local
    assert "typography.repeated-word" in local  # an existence rule: a match is local
    assert not {"names.inconsistent", "spelling.typo", "style.consistent-spelling"} & local


def test_progress_counts_windows_as_they_are_done():
    told = []
    doc = parse(_story(40), "long.txt", "text")
    Linter(Config(select=["sourcing"])).check(doc, window=2_000, progress=told.append)
    assert len(told) == len(windows(doc, 2_000))
    assert sum(told) == len(doc.text.split())  # every word in exactly one core


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_progress_line_waits_then_shows_files_and_words_then_is_erased():
    clock, out = _Clock(), io.StringIO()
    bar = Progress(3, out, clock)
    bar.file_done(1_000)
    assert out.getvalue() == ""  # a quick run never shows it
    clock.now = 4.0
    bar.part(1_000)
    assert "1/3 files, 2,000 words, 500 words/s" in out.getvalue()
    bar.close()
    assert out.getvalue().endswith("\r\x1b[K")


def test_no_progress_line_when_standard_error_is_not_a_terminal(capsys, tmp_path):
    (tmp_path / "long.txt").write_text(_story(400))
    code, out, err = run(capsys, "check", "--no-cache", str(tmp_path / "long.txt"))
    assert "sourcing.vague" in out
    assert "\r" not in err and "words/s" not in err
