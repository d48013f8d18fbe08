"""Build spelling.confusion's context model: newslint/data/confusion.json.gz.

    python scripts/build_confusion.py

Reads the confusion sets of rules/spelling/confusion-sets.txt and, from the installed
``symspellpy`` package, its English unigram and bigram counts
(``frequency_dictionary_en_82_765.txt``, ``frequency_bigramdictionary_en_243_342.txt``).
Both lists ship with symspellpy under the MIT licence (see the package's licence
file); SymSpell's documentation states they were derived from the Google Books Ngram
data (https://books.google.com/ngrams; Creative Commons Attribution 3.0), intersected
with SCOWL word lists. The bigram list keeps only frequent bigrams (every count is at
least its ``floor``), so a missing bigram means "rarer than the floor", not "never".

For each word of a set (and each word a contraction stands for: it's = it is / it has)
the table keeps its unigram count and every listed bigram with it: a few
thousand numbers in all, so the check loads in milliseconds and nothing is read from
the network or from symspellpy at run time.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslint.checks.spelling.confusion_model import EXPANSIONS, read_sets  # noqa: E402

SETS = REPO / "rules" / "spelling" / "confusion-sets.txt"
OUT = REPO / "newslint" / "data" / "confusion.json.gz"
UNIGRAMS = "frequency_dictionary_en_82_765.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"


def _lines(name: str):
    with resources.files("symspellpy").joinpath(name).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                yield parts


def build() -> dict:
    sets = read_sets(SETS.read_text(encoding="utf-8"))
    # The words whose counts the check reads: members, and the words a contraction
    # stands for (their left context for the first, right context for the last).
    plain = {w for s in sets for w in s if w not in EXPANSIONS}
    first = {e[0] for w in EXPANSIONS for e in EXPANSIONS[w]}
    last = {e[-1] for w in EXPANSIONS for e in EXPANSIONS[w]}
    inner = {(e[i], e[i + 1]) for w in EXPANSIONS for e in EXPANSIONS[w] for i in range(len(e) - 1)}
    wanted = plain | first | last | {w for pair in inner for w in pair}
    unigrams = {p[0]: int(p[1]) for p in _lines(UNIGRAMS)}
    total = sum(unigrams.values())
    left: dict[str, dict[str, int]] = defaultdict(dict)
    right: dict[str, dict[str, int]] = defaultdict(dict)
    pairs: dict[str, int] = {}
    floor = None
    for a, b, n in _lines(BIGRAMS):
        count = int(n)
        floor = count if floor is None else min(floor, count)
        if b in plain or b in first:
            left[b][a] = count
        if a in plain or a in last:
            right[a][b] = count
        if (a, b) in inner:
            pairs[f"{a} {b}"] = count
    words = {
        w: [unigrams.get(w, 0), dict(sorted(left[w].items())), dict(sorted(right[w].items()))]
        for w in sorted(wanted)
    }
    return {
        "source": f"symspellpy {UNIGRAMS} and {BIGRAMS} (Google Books Ngram data; MIT)",
        "total": total,
        "floor": floor,
        "words": words,
        "pairs": dict(sorted(pairs.items())),
    }


def main() -> None:
    table = build()
    raw = json.dumps(table, separators=(",", ":"), sort_keys=True).encode()
    # mtime=0: the same input gives the same bytes, so the file changes only with its data.
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    n = sum(len(v[1]) + len(v[2]) for v in table["words"].values())
    print(
        f"{OUT.relative_to(REPO)}: {len(table['words'])} words, {n} bigrams, {OUT.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()
