"""Properties over any input: findings lie inside the document, point at the text
their rule matched, and checking twice gives the same findings."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.api import check_text
from newslint.readers import parse

FORMATS = {"text": "p.txt", "markdown": "p.md", "html": "p.html"}

# Text that exercises the readers: markup characters, quotes, line ends, mixed
# scripts, combining marks, emoji and control characters.
ALPHABET = st.sampled_from(
    list("abc ABC\n\r\t.,;:!?\"'“”‘’*_`#>-[]()<>/&;=|~\\")
    + [
        "the",
        "the the",
        "in order to",
        "advisor",
        "adviser",
        "Uighur",
        "Uyghur",
        "&amp;",
        "<p>",
        "</p>",
        "<!-- x -->",
        "**",
        "é",
        "e\u0301",
        "Ж",
        "中",
        "😀",
        "\u200b",
        "\x0c",
    ]
)
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, fmt=st.sampled_from(sorted(FORMATS)))
def test_offsets_map_inside_the_source(text, fmt):
    doc = parse(text, FORMATS[fmt], fmt)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(doc.text)
        line, col, end_line, end_col = doc.locate(block.start, block.end)
        assert 1 <= line <= end_line <= len(lines)
        assert 1 <= col <= len(lines[line - 1]) + 1
        assert 1 <= end_col <= len(lines[end_line - 1]) + 1
    for start, end in doc.sentences:
        assert 0 <= start < end <= len(doc.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, fmt=st.sampled_from(sorted(FORMATS)))
def test_findings_point_at_what_they_name(text, fmt):
    select = ["typography.repeated-word", "style.wordy", "style.consistent-spelling"]
    first = check_text(text, path=FORMATS[fmt], select=select)
    assert first == check_text(text, path=FORMATS[fmt], select=select)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for f in first:
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert (f.line, f.column) < (f.end_line, f.end_column)
        if f.line == f.end_line and fmt == "text":
            # In plain text the span is the matched text itself.
            quoted = f.message.split("'")[1]
            span = lines[f.line - 1][f.column - 1 : f.end_column - 1]
            assert " ".join(span.split()).lower() == quoted.lower()
