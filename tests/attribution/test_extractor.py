"""The attribution extractor's machinery: tokens, the vectorised tagger, agentless claims."""

from __future__ import annotations

import re

from newslint.attribution import UNKNOWN
from newslint.attribution import extractor as A
from newslint.attribution import model as M
from newslint.attribution import tokens as T
from newslint.readers import parse

TEXT = (
    "The mayor of Eastbrook, Dana Whitfield, said on Monday that the bridge would reopen. "
    '"We are not there yet," said Lee Okafor, the county engineer. '
    "According to the U.S. agency, repairs cost $1,200,000 in 2023.\n\n"
    "It is believed that the cracks were known for years; she reportedly disagreed."
)


def test_tokens_match_a_token_scan() -> None:
    """One findall with offsets from lengths gives the same tokens as a finditer scan."""
    toks = T.Tokens(TEXT)
    pattern = re.compile(T.TOKEN_RE)
    spans = [(m.start(), m.end(), m.group()) for m in pattern.finditer(TEXT)]
    assert list(zip(toks.starts, toks.ends, toks.words, strict=True)) == spans
    assert toks.lowers == [w.lower() for w in toks.words]
    assert T.Tokens("").words == [] and T.Tokens("   \n").starts == []


def test_cue_scores_equal_a_token_by_token_reference() -> None:
    """The document-level scorer equals summing every feature token by token."""
    m = M.model()
    assert m is not None
    doc = parse(TEXT, "t.txt", "text")
    toks = T.Tokens(doc.text)
    quoted = [toks.range(a, b) for a, b in doc.quotes]
    fast = m.tag_cues(toks.words, toks.lowers, quoted)
    inq = [doc.in_quote(p) for p in toks.starts]
    get = m.cue.weights.get
    n = len(toks.words)
    prev = 0
    for i in range(n):
        feats = []
        for d in M.OFFSETS:
            j = i + d
            feats += M.type_features(toks.words[j] if 0 <= j < n else M.BOUNDARY, d)
        feats += M.token_features(toks.words, i, inq[i], prev)
        feats += M.pair_features(toks.lowers, i)
        ref = sum(get(f, 0.0) for f in feats) - m.cue.threshold
        assert abs(ref - fast[i]) < 1e-6, toks.words[i]
        prev = int(ref > 0)


def test_extraction_on_a_short_story() -> None:
    doc = parse(TEXT, "t.txt", "text")
    found = A.attributions(doc)
    text = doc.text

    def span(x):
        return text[x[0] : x[1]] if x else None

    cues = [span(a.cue) for a in found]
    assert "said" in cues
    assert "According to" in cues
    sources = {span(a.source) for a in found}
    assert "Lee Okafor" in " ".join(s for s in sources if s)
    assert any("agency" in s for s in sources if s)
    # An agentless claim is an attribution with no source.
    assert any(a.source is None and a.kind == "none" for a in found)
    assert found == A.attributions(doc)  # cached per document


def test_no_source_claims_are_found_only_near_trigger_words() -> None:
    doc = parse("It is widely believed the plan failed. Nobody objected.", "t.txt", "text")
    found = [a for a in A.attributions(doc) if a.source is None]
    assert found and doc.text[found[0].cue[0] : found[0].cue[1]].startswith("It is")
    clean = parse("The plan failed on Tuesday. The bridge stayed shut.", "t.txt", "text")
    assert not A.attributions(clean)


def test_pronoun_resolves_to_a_recent_name() -> None:
    doc = parse('Maria Lopez arrived late. "We are ready," she said.', "t.txt", "text")
    att = next(a for a in A.attributions(doc) if a.kind == "pronoun")
    assert att.resolved is not None
    assert doc.text[att.resolved[0] : att.resolved[1]] == "Maria Lopez"


def test_model_loads_quickly_and_once() -> None:
    import time

    M.model.cache_clear()
    t0 = time.perf_counter()
    m = M.model()
    assert m is not None
    assert time.perf_counter() - t0 < 0.5  # ~20-40 ms; generous for loaded CI machines
    assert M.model() is m


def test_only_sentences_with_a_possible_cue_are_tokenised() -> None:
    text = "The bridge stayed shut. Engineers said it was safe. Rain fell all day."
    doc = parse(text, "t.txt", "text")
    toks = A.Extractor(doc).tokens
    assert "said" in toks.lowers and "bridge" not in toks.lowers and "rain" not in toks.lowers
    for start, end, word in zip(toks.starts, toks.ends, toks.words, strict=True):
        assert text[start:end] == word  # offsets stay document offsets
    found = A.attributions(doc)
    assert [text[a.cue[0] : a.cue[1]] for a in found] == ["said"]


def test_tokens_of_ranges_keep_document_offsets() -> None:
    text = "One two.  Three, four.\n\nFive"
    toks = T.Tokens(text, [(0, 8), (10, 22)])
    assert toks.words == ["One", "two", ".", "Three", ",", "four", "."]
    assert [text[s:e] for s, e in zip(toks.starts, toks.ends, strict=True)] == toks.words


def test_a_cue_whose_source_is_not_found_stays_out_of_the_audit() -> None:
    """A tagged cue with no findable source is kept (kind unknown) but never listed or
    treated as an unsourced claim; a cue with a source is listed."""
    from newslint import check_text
    from newslint.audit import audit_spans as audit

    text = "Both have promised to pursue legislation if elected."
    doc = parse(text, "t.txt", "text")
    found = A.attributions(doc)
    assert [(a.source, text[a.cue[0] : a.cue[1]], a.kind) for a in found if a.cue] == [
        (None, "have promised", UNKNOWN)
    ]
    assert audit(doc)["attributions"] == []
    assert not check_text(text, path="t.txt", config={"select": ["sourcing", "style.weasel"]})
    named = parse("Senator Ann Lee has promised to pursue legislation.", "t.txt", "text")
    assert [e["source"]["text"] for e in audit(named)["attributions"]] == ["Senator Ann Lee"]


def test_relative_who_is_a_pronoun_resolved_to_the_name_before_it() -> None:
    """'Ann Lee, who said ...': the source "who" points at Ann Lee; with no name just
    before its comma it stays an unresolved pronoun, never an anonymous source."""
    text = (
        "Senator Ann Lee, who has argued that the toll is too high, spoke on Tuesday. "
        "The harbour master, who said the quay was safe, left early."
    )
    doc = parse(text, "t.txt", "text")
    found = [
        a for a in A.attributions(doc) if a.source and text[a.source[0] : a.source[1]] == "who"
    ]
    assert [a.kind for a in found] == ["pronoun", "pronoun"]
    first, second = found
    assert first.resolved is not None
    assert text[first.resolved[0] : first.resolved[1]] == "Senator Ann Lee"
    assert second.resolved is None


def test_cue_scores_do_not_depend_on_the_words_seen_before() -> None:
    """A word's scores are the same whatever the tagger read before it: "in" after "tin"
    (which shares its shape, class and suffixes) as in a fresh process."""
    M.model.cache_clear()
    fresh = M.model().cue.vector("in")
    M.model.cache_clear()
    m = M.model()
    m.cue.vector("tin")
    assert m.cue.vector("in") == fresh
    M.model.cache_clear()


def test_a_run_on_sentence_is_read_clause_by_clause() -> None:
    """A sentence of 2,400 tokens (no full stop: pasted notes, a transcript) is read in
    pieces; every speaker is still found, the last one at the right words."""
    clause = "Dana Whitfield insisted the bridge would reopen, "
    text = clause * 300 + "and Lee Okafor warned that costs would rise."
    doc = parse(text, "t.txt", "text")
    found = A.attributions(doc)
    sources = [text[a.source[0] : a.source[1]] for a in found if a.source]
    assert sources.count("Dana Whitfield") == 300
    assert sources[-1] == "Lee Okafor"
    assert text[found[-1].cue[0] : found[-1].cue[1]] == "warned"
