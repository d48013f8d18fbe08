"""Shared by the quality benchmarks: the rules' own speed on real articles.

Imported by bench/spelling.py and bench/names.py (run as scripts, so this folder is on
the import path).
"""

from __future__ import annotations

import time


def rule_speed(rules: list[str], files: list[str], warm: int = 30, chunk: int = 100) -> float:
    """Words per second (CPU time) of ``Linter.check`` running only ``rules`` on parsed
    documents whose sentences and quotations are already found (the engine shares those
    between rules): the rules' own cost. A warm-up on ``warm`` other articles loads the
    dictionaries; then each chunk of ``chunk`` new articles is timed once, so per-process
    memos help only as they do in a real batch. Prints best and median; returns the median."""
    from newslint.config import Config
    from newslint.engine import Linter
    from newslint.readers import load

    linter = Linter(Config(select=list(rules)))
    for path in files[:warm]:
        linter.check(load(path))
    rates = []
    for at in range(warm, len(files) - chunk + 1, chunk):
        docs = [load(path) for path in files[at : at + chunk]]
        for doc in docs:
            doc.sentences, doc.quotes  # noqa: B018 - shared work, not the rules' own
        words = sum(len(doc.text.split()) for doc in docs)
        start = time.process_time()
        for doc in docs:
            linter.check(doc)
        rates.append(words / max(time.process_time() - start, 1e-9))
    rates.sort()
    median = rates[len(rates) // 2]
    print(f"  {'+'.join(rules)}: median {median:,.0f} words/s, best {rates[-1]:,.0f} "
          f"({len(rates)} chunks of {chunk} articles)")  # fmt: skip
    return median
