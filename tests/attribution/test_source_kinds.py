"""The source audit's `kind` on a hand-labelled sample (issue 10: right for >= 90% of
matched sources). The sample is tests/data/source_kinds.yml; the scoring lives in
bench/source_kinds.py, which prints the same numbers with a confusion table."""

from __future__ import annotations

import importlib.util
import sys

from tests.helpers import ROOT  # noqa: E402


def _bench():
    """bench/source_kinds.py as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "bench_source_kinds", ROOT / "bench" / "source_kinds.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_sample_is_well_formed() -> None:
    """Every expected source is in its paragraph and carries a known kind."""
    bench = _bench()
    from newslint.attribution import KINDS

    sample = bench.load_sample()
    assert len(sample) >= 100
    for item in sample:
        for exp in item["expect"]:
            assert exp["kind"] in KINDS, exp
            phrase = exp["source"] if exp.get("source") is not None else exp["cue"]
            assert (exp.get("source") is None) == (exp["kind"] == "none"), exp
            bench.find_span(item["text"], phrase, exp.get("nth", 1))


def test_source_kinds_match_hand_labels() -> None:
    """Most expected sources are found, and >= 90% of those found get the editor's kind."""
    bench = _bench()
    outcomes = bench.score(bench.load_sample())
    share, accuracy = bench.rates(outcomes)
    report = (
        f"matched {share:.3f}, kind accuracy {accuracy:.3f}\n"
        + bench.confusion(outcomes)
        + "\n"
        + "\n".join(bench.wrong(outcomes))
    )
    assert share >= 0.85, report
    assert accuracy >= 0.90, report
