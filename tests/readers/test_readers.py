"""Offset maps: a finding must point at its line and column in the source file."""

from __future__ import annotations

import pytest

from newslint.readers import InputError, decode, parse


def where(doc, needle: str, nth: int = 0) -> tuple[int, int, int, int]:
    """Source position of the nth occurrence of ``needle`` in the prose text."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return doc.locate(start, start + len(needle))


def source_at(doc, pos) -> str:
    line, col, end_line, end_col = pos
    lines = doc.source.splitlines()
    assert line == end_line
    return lines[line - 1][col - 1 : end_col - 1]


def test_plain_text_identity_and_crlf():
    doc = parse("First line.\r\nSecond Uighur line.\r\n\r\nThird.", "a.txt", "text")
    assert where(doc, "Uighur") == (2, 8, 2, 14)
    assert where(doc, "Third") == (4, 1, 4, 6)
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "First line.\r\nSecond Uighur line.",
        "Third.",
    ]


def test_lone_cr_line_ends():
    doc = parse("One.\rTwo Uighur.\r\rThree.", "a.txt", "text")
    assert where(doc, "Uighur") == (2, 5, 2, 11)
    assert where(doc, "Three") == (4, 1, 4, 6)


def test_bom_is_not_a_column():
    text = decode("\ufeffBritsih news.".encode("utf-8"))
    doc = parse(text, "a.txt", "text")
    assert where(doc, "Britsih") == (1, 1, 1, 8)


def test_utf16_with_bom():
    data = "\ufeffKyiv said.".encode("utf-16-le")
    assert decode(data) == "Kyiv said."


def test_invalid_utf8_names_the_byte():
    with pytest.raises(InputError, match="byte 3"):
        decode(b"abc\xff")


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x00\x00")


def test_tabs_and_emoji_count_as_one_code_point():
    doc = parse("\t😀 Uighur", "a.txt", "text")
    assert where(doc, "Uighur") == (1, 4, 1, 10)
    md = parse("-\t😀 **Uighur** x", "a.md", "markdown")
    pos = where(md, "Uighur")
    assert source_at(md, pos) == "Uighur"


def test_markdown_link_text_heading_and_code():
    src = "# The *Uighur* story\n\nSee [Uighur rights](https://x.org/Uighur) and `Uighur` code.\n"
    doc = parse(src, "a.md", "markdown")
    assert doc.text.count("Uighur") == 2  # heading and link text; not code, not URL
    assert where(doc, "Uighur", 0) == (1, 8, 1, 14)
    assert where(doc, "Uighur", 1) == (3, 6, 3, 12)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_markdown_nested_blockquote_list_and_entities():
    src = "> - item &amp; **bold Uighur**\n>   second line Kyiv\n"
    doc = parse(src, "a.md", "markdown")
    assert "item & bold Uighur" in doc.text
    assert where(doc, "Uighur") == (1, 23, 1, 29)
    assert where(doc, "Kyiv") == (2, 17, 2, 21)
    amp = doc.text.index("&")
    assert doc.locate(amp, amp + 1) == (1, 10, 1, 15)  # the entity as written
    assert doc.blocks[0].blockquote


def test_markdown_skips_code_blocks_front_matter_and_html():
    src = (
        "---\ntitle: Uighur\n---\n\n```\nUighur in code\n```\n\n"
        "    indented Uighur\n\n<div>Uighur html</div>\n\nProse here.\n"
    )
    doc = parse(src, "a.md", "markdown")
    assert "Uighur" not in doc.text
    assert where(doc, "Prose") == (13, 1, 13, 6)


def test_markdown_crlf_and_table_cells():
    src = "| a | b |\r\n|---|---|\r\n| Uighur | Kyiv |\r\n"
    doc = parse(src, "a.md", "markdown")
    assert where(doc, "Uighur") == (3, 3, 3, 9)
    assert where(doc, "Kyiv") == (3, 12, 3, 16)


def test_markdown_image_alt_text_is_checked():
    doc = parse("![A Uighur family](photo.jpg)\n", "a.md", "markdown")
    assert where(doc, "Uighur") == (1, 5, 1, 11)


def test_html_entities_alt_and_skipped_elements():
    src = (
        "<html><head><title>Kyiv &amp; more</title><style>p{}</style></head>\n"
        "<body><p>Caf&eacute; Uighur <img alt='Old Kyiv' src=x> end</p>\n"
        "<script>var Uighur = 1;</script><pre>Uighur</pre></body></html>"
    )
    doc = parse(src, "a.html", "html")
    assert "Café Uighur" in doc.text
    assert doc.text.count("Uighur") == 1
    assert where(doc, "Uighur") == (2, 22, 2, 28)
    e = doc.text.index("é")
    assert doc.locate(e, e + 1) == (2, 13, 2, 21)
    assert where(doc, "Kyiv", 1) == (2, 43, 2, 47)  # alt text


def test_html_malformed_does_not_raise():
    doc = parse("<p>Unclosed <b>bold <i>text</p></div></span>", "a.html", "html")
    assert "Unclosed bold text" in doc.text


def test_empty_documents():
    for fmt in ("text", "markdown", "html"):
        doc = parse("", "a", fmt)
        assert doc.blocks == [] and doc.sentences == []


def test_sentences_and_quotes():
    doc = parse(
        'Mr. Smith went to Washington. "We will win," he said. It was 5 p.m. on Jan. 5.',
        "a.txt",
        "text",
    )
    sents = [doc.text[s:e] for s, e in doc.sentences]
    assert sents == [
        "Mr. Smith went to Washington.",
        '"We will win," he said.',
        "It was 5 p.m. on Jan. 5.",
    ]
    assert [doc.text[s:e] for s, e in doc.quotes] == ['"We will win,"']
    assert doc.in_quote(doc.text.index("win"))
    assert not doc.in_quote(doc.text.index("said"))


def test_single_quotes_and_apostrophes():
    doc = parse(
        "Officials called it ‘aggressive’ and Blinken’s aides didn't agree.", "a.txt", "text"
    )
    assert [doc.text[s:e] for s, e in doc.quotes] == ["‘aggressive’"]


def test_quotes_with_doubled_single_marks_and_strays():
    doc = parse(
        "He is 6'2\" tall. The old maxim: \"No pain, no gain.\" Then ''wire style'' ends.",
        "a.txt",
        "text",
    )
    assert [doc.text[s:e] for s, e in doc.quotes] == ['"No pain, no gain."', "''wire style''"]


def test_unclosed_quote_paragraph_runs_to_block_end():
    doc = parse('"First paragraph of a long quote.\n\n"Second, closed," she said.', "a.txt", "text")
    assert [doc.text[s:e] for s, e in doc.quotes] == [
        '"First paragraph of a long quote.',
        '"Second, closed,"',
    ]


def test_html_malformed_marked_sections_are_skipped_not_fatal():
    # Found by bench/fuzz.py: the standard parser asserts on these.
    for src in ("<![activists claim", '<!["', "<p>a</p><![if !IE]> x <![endif]><p>Kyiv</p>"):
        doc = parse(src, "a.html", "html")
        assert "activists" not in doc.text
    assert "Kyiv" in parse("<p>a</p><![if !IE]> x <![endif]><p>Kyiv</p>", "a.html", "html").text


def test_markdown_code_span_between_spaces_leaves_one_space():
    """'stop. `cmd` then' reads 'stop. then' (no double space for typography rules to
    flag), words keep their source columns, and 'a`b`c' still keeps a and c apart."""
    src = "Run it now. `newslint check` then stop.\n\nA`b`c and `x` `y` z.\n"
    doc = parse(src, "t.md", "markdown")
    assert "now. then stop." in doc.text
    assert "A c and z." in doc.text
    at = doc.text.index("then")
    assert doc.locate(at, at + 4)[:2] == (1, src.index("then") + 1)
    from newslint import check_text

    assert not [f for f in check_text(src, path="t.md") if f.rule.startswith("proselint.typo")]


def test_plain_text_headlines_bylines_and_datelines_are_headings():
    """One short line that ends no sentence is a heading, as '#' makes one in Markdown."""
    text = (
        "'No-one can define new hunt ban'\n\nBy Jane Doe, Reuters\n\n"
        "The ban came into force on Friday.\n\nTwo lines\nof a paragraph\n"
    )
    doc = parse(text, "t.txt", "text")
    kinds = [(text[b.start : b.end], b.kind) for b in doc.blocks]
    assert kinds == [
        ("'No-one can define new hunt ban'", "heading"),
        ("By Jane Doe, Reuters", "heading"),
        ("The ban came into force on Friday.", "paragraph"),
        ("Two lines\nof a paragraph", "paragraph"),
    ]


def test_a_paragraph_closing_a_quotation_it_never_opened_is_speech_up_to_the_mark():
    """News style opens every paragraph of a long quotation; a paragraph that only
    closes one ('leaving," she wrote.') goes on with speech an earlier one opened."""
    from newslint.sentences import find_quotes

    for close in ('"', "”"):
        text = f"He was meant to leave in May anyway,{close} the mayor wrote."
        assert [text[a:b] for a, b in find_quotes(text, 0, len(text))] == [
            f"He was meant to leave in May anyway,{close}"
        ]
    inch = 'He is 6\'2" tall and "fit".'  # an inch mark after a figure is no quotation
    assert [inch[a:b] for a, b in find_quotes(inch, 0, len(inch))] == ['"fit"']


def test_doubled_curly_single_marks_are_a_double_mark():
    from newslint.sentences import find_quotes

    text = "“It was an attempt to mislead voters,’’ a critic said. He called it ‘‘unfair.’’"
    assert [text[a:b] for a, b in find_quotes(text, 0, len(text))] == [
        "“It was an attempt to mislead voters,’’",
        "‘‘unfair.’’",
    ]
