"""Fuzz the readers and the engine for a while (not a test).

    python bench/fuzz.py [--minutes 10] [--seed N]

Feeds generated Markdown, HTML and plain text (markup fragments, quotes, line
ends, mixed scripts, combining marks, emoji, control characters, deep nesting)
and Word files (real .docx built from generated text, some with corrupted bytes)
through every reader and the default rules, and checks what must always hold:
no exception but a clean refusal, every finding inside the document, the same
findings twice.
Failures are printed with the input that caused them, shrunk by hypothesis.
"""

from __future__ import annotations

import argparse
import sys
import time

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

PIECES = [
    "the",
    "The",
    "said",
    "Uighur",
    "Uyghur",
    "activists claim",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "*",
    "**",
    "_",
    "`",
    "```\n",
    "~~~",
    "#",
    "> ",
    "- ",
    "1. ",
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&amp;",
    "&#",
    "&#x",
    ";",
    "<!--",
    "-->",
    "<!-- newslint-disable -->",
    "<p>",
    "</p>",
    "<img alt='",
    "<script>",
    "</script>",
    "<br>",
    "|",
    "---\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "  ",
    "\\",
    "é",
    "e\u0301",
    "ß",
    "Ж",
    "中文",
    "עברית",
    "😀",
    "👍🏽",
    "\u200b",
    "\u202e",
    "\x00",
    "\x0b",
    "\x0c",
    "\ufeff",
    "\ud7ff",
    "Mr.",
    "U.S.",
    "5km",
    "$1.3bn",
    "@x",
]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=120).map("".join)
NESTED = st.integers(1, 400).flatmap(
    lambda n: st.sampled_from(
        ["> " * n + "x\n", "<div>" * n + "x" + "</div>" * n, "  " * n + "- x\n"]
    )
)


def docx_bytes(paragraphs: list[str], table: list[str]) -> bytes:
    """A real .docx holding the generated paragraphs and a one-row table."""
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(_xml_safe(text))
    if table:
        row = document.add_table(rows=1, cols=len(table)).rows[0]
        for cell, text in zip(row.cells, table, strict=True):
            cell.text = _xml_safe(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xml_safe(text: str) -> str:
    # XML 1.0 cannot hold most control characters or lone surrogates: Word cannot either.
    return "".join(
        c
        for c in text
        if c in "\t\n\r"
        or (" " <= c and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff")
    )


def check_docx(data: bytes) -> None:
    from newslint.api import linter_for
    from newslint.config import Config
    from newslint.readers import InputError, from_bytes

    try:
        doc = from_bytes(data, "f.docx")
    except InputError:
        return  # a one-line refusal is the right answer to a broken file
    findings = linter_for(Config()).check(doc)
    n_lines = doc.source.count("\n") + 1
    for f in findings:
        assert 1 <= f.line <= f.end_line <= n_lines, f


def check(text: str, fmt: str) -> None:
    from newslint.api import check_text
    from newslint.readers import parse

    path = {"text": "f.txt", "markdown": "f.md", "html": "f.html"}[fmt]
    try:
        doc = parse(text, path, fmt)
    except Exception as exc:  # InputError for NUL is the one allowed refusal
        if type(exc).__name__ == "InputError":
            return
        raise
    n_lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    first = check_text(text, path=path)
    assert first == check_text(text, path=path), "not deterministic"
    for f in first:
        assert 1 <= f.line <= f.end_line <= n_lines, f
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(doc.text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    runs = {"n": 0}

    @settings(
        max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(text=TEXTS | NESTED, fmt=st.sampled_from(["text", "markdown", "html"]))
    def fuzz(text, fmt):
        runs["n"] += 1
        check(text, fmt)

    @settings(
        max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(
        paragraphs=st.lists(TEXTS, max_size=6),
        table=st.lists(TEXTS, max_size=3),
        flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4),
    )
    def fuzz_docx(paragraphs, table, flips):
        runs["n"] += 1
        data = bytearray(docx_bytes(paragraphs, table))
        for where, value in flips:  # corrupt a few bytes: the reader must refuse cleanly
            data[where % len(data)] = value
        check_docx(bytes(data))

    batch = 0
    while time.monotonic() < deadline:
        # A fresh seed a batch: hypothesis explores anew and shrinks any failure it finds.
        test = fuzz_docx if batch % 4 == 3 else fuzz
        seed(args.seed * 1_000_003 + batch)(test)
        try:
            test()
        except Exception as exc:
            print(f"FAILED after {runs['n']} inputs (batch seed {args.seed * 1_000_003 + batch}):")
            print(f"  {type(exc).__name__}: {exc}")
            return 1
        batch += 1
    print(f"fuzzed {runs['n']} inputs in {args.minutes:g} minutes: no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
