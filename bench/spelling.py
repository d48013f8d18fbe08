"""Benchmark spelling.typo: recall, first-suggestion accuracy, false alarms, speed.

Usage: python bench/spelling.py [--limit N] [--seed S] [--rate R] [CORPUS_DIR ...]

Each corpus folder (default: BBC business/entertainment/politics as one corpus and
PolNeAR train as another) is read article by article. Copies of the articles get
typos injected (seeded): about one per R words (default 100), a mix of real
misspellings from ../shared/data/spelling/*.dat (``$correct`` then misspellings)
and synthetic edits (adjacent transposition, deletion, doubled letter,
neighbouring-key substitution). Typos go only into words the reference
dictionary knows (capitalised ones such as British or January included) and only
produce tokens that dictionary does not know. The reference dictionary is the
curated word list newslint ships with (symspellpy + pyspellchecker lists).

Printed per corpus:
  recall      share of injected typos with a spelling.typo finding overlapping them
  first_sugg  share of injected typos whose finding's first suggestion is the intended word
  fa_per_1k   spelling.typo findings not at an injected typo, per 1,000 words
  words/s     words checked per second (spelling.typo only, load included)
"""

from __future__ import annotations

import argparse
import glob
import os
import random
import re
import sys
import time

from rule_speed import rule_speed  # noqa: E402 - bench/ is on the path as a script

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

DATA = os.path.join(HERE, "..", "..", "shared", "data")
DEFAULT_CORPORA = {
    "bbc": [
        os.path.join(DATA, "news", "bbc", s) for s in ("business", "entertainment", "politics")
    ],
    "polnear": [os.path.join(DATA, "news", "polnear-train", "text")],
}
_WORD = re.compile(r"(?<![\w@#'’.-])[A-Za-z]{3,}(?![\w'’@.-]|\.\w)")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, str]:
    pos = {ch: (r, c + 0.5 * r) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    return {
        a: "".join(
            b for b, (rb, cb) in pos.items() if b != a and abs(ra - rb) <= 1 and abs(ca - cb) <= 1.0
        )
        for a, (ra, ca) in pos.items()
    }


NEAR = _neighbours()


def load_misspellings(folder: str) -> dict[str, list[str]]:
    """correct word (lower) -> real misspellings, from Mitton-format .dat files."""
    out: dict[str, list[str]] = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.dat"))):
        correct = None
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                if line.startswith("$"):
                    correct = line[1:].strip().lower()
                    continue
                wrong = line.split()[0]
                if correct and correct.isalpha() and wrong.isalpha() and wrong.lower() != correct:
                    out.setdefault(correct, []).append(wrong.lower())
    return out


def synthetic(word: str, rng: random.Random) -> str:
    """One typist's edit of ``word`` (kept in the word's case)."""
    low = word.lower()
    n = len(low)
    kind = rng.choice(("transpose", "delete", "double", "near"))
    i = rng.randrange(1 if n > 3 else 0, n)  # the first letter is rarely the one mistyped
    if kind == "transpose":
        i = min(i, n - 2)
        out = low[:i] + low[i + 1] + low[i] + low[i + 2 :]
    elif kind == "delete":
        out = low[:i] + low[i + 1 :]
    elif kind == "double":
        out = low[: i + 1] + low[i] + low[i + 1 :]
    else:
        ch = low[i]
        out = low[:i] + (rng.choice(NEAR[ch]) if ch in NEAR else ch) + low[i + 1 :]
    return _case_like(out, word)


def _case_like(out: str, like: str) -> str:
    if like[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def inject(text: str, rng: random.Random, rate: int, known, missp) -> tuple[str, list]:
    """Return text with typos and the list of (start, end, intended, typo, kind)."""
    spots = [
        m for m in _WORD.finditer(text) if m.group().lower() in known and not m.group().isupper()
    ]
    words = len(text.split())
    k = min(len(spots), max(1, words // rate))
    chosen = sorted(rng.sample(spots, k), key=lambda m: m.start())
    out, typos, last, shift = [], [], 0, 0
    for m in chosen:
        word = m.group()
        typo = None
        real = missp.get(word.lower())
        if real and rng.random() < 0.5:
            typo = _case_like(rng.choice(real), word)
            kind = "real"
        for _ in range(10):
            if typo and typo.lower() not in known and typo.lower() != word.lower():
                break
            typo = synthetic(word, rng)
            kind = "synthetic"
        else:
            continue
        out.append(text[last : m.start()])
        start = m.start() + shift
        out.append(typo)
        typos.append((start, start + len(typo), word, typo, kind))
        shift += len(typo) - len(word)
        last = m.end()
    out.append(text[last:])
    return "".join(out), typos


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def run(name: str, folders: list[str], args, known, missp) -> None:
    import newslint

    files = []
    for folder in folders:
        found = sorted(glob.glob(os.path.join(folder, "*.txt")))
        files.extend(found[: args.limit] if args.limit else found)
    rng = random.Random(args.seed)
    n_words = n_typos = found_typos = first_ok = false_alarms = 0
    by_kind: dict[str, list[int]] = {}
    spent = 0.0
    misses, fas = [], []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            original = fh.read()
        text, typos = inject(original, rng, args.rate, known, missp)
        t0 = time.perf_counter()
        findings = newslint.check_text(text, path=path, fmt="text", select=["spelling.typo"])
        spent += time.perf_counter() - t0
        # (line, first column, end column) of each finding, to match typos on their line.
        hits = [
            (f.line, f.column, f.end_column if f.end_line == f.line else 10**9, f) for f in findings
        ]
        n_words += len(text.split())
        used = set()
        for start, end, intended, typo, kind in typos:
            n_typos += 1
            stats = by_kind.setdefault(kind, [0, 0, 0])
            stats[0] += 1
            line, col = _line_col(text, start)
            end_col = col + (end - start)
            hit = next((h for h in hits if h[0] == line and h[1] < end_col and col < h[2]), None)
            if hit is None:
                misses.append((typo, intended, path))
                continue
            used.add(hit)
            found_typos += 1
            stats[1] += 1
            sugg = hit[3].suggestions
            if sugg and sugg[0] == intended:
                first_ok += 1
                stats[2] += 1
            elif args.verbose:
                print(f"  sugg {typo!r} -> {sugg} (meant {intended})")
        for h in hits:
            if h not in used:
                false_alarms += 1
                lines = text.split("\n")
                f = h[3]
                fas.append(
                    (lines[f.line - 1][f.column - 1 : f.end_column - 1], f.suggestions, path)
                )
    print(
        f"{name}: files={len(files)} words={n_words} typos={n_typos} "
        f"recall={found_typos / max(n_typos, 1):.3f} "
        f"first_sugg={first_ok / max(n_typos, 1):.3f} "
        f"fa_per_1k={1000 * false_alarms / max(n_words, 1):.3f} ({false_alarms}) "
        f"words/s={n_words / max(spent, 1e-9):,.0f} (check_text, spelling.typo only)"
    )
    for kind, (n, f, s) in sorted(by_kind.items()):
        print(f"  {kind}: typos={n} recall={f / n:.3f} first_sugg={s / n:.3f}")
    if args.verbose:
        for item in misses:
            print("  miss", item)
        for item in fas:
            print("  fa", item)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="corpus folders (each run as its own corpus)")
    ap.add_argument("--limit", type=int, default=0, help="files per folder (0 = all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rate", type=int, default=100, help="one typo per this many words")
    ap.add_argument("--spelling-data", default=os.path.join(DATA, "spelling"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument(
        "--speed", action="store_true", help="only time the spelling rules on clean articles"
    )
    args = ap.parse_args(argv)
    from newslint.checks.spelling import data as spelling_data

    t0 = time.perf_counter()
    lexicon = spelling_data.load()
    print(f"dictionary load: {time.perf_counter() - t0:.3f} s ({spelling_data.cache_path()})")
    if args.speed:
        folders = args.corpora or DEFAULT_CORPORA["bbc"]
        files = sorted(f for folder in folders for f in glob.glob(os.path.join(folder, "*.txt")))
        random.Random(args.seed).shuffle(files)
        print("rule speed (CPU time, warm, fresh articles per chunk):")
        # Each measurement on its own articles: memos from one must not flatter the next.
        rule_speed(["spelling.typo"], files[:430])
        rule_speed(["spelling.typo", "spelling.variant", "spelling.case"], files[430:860])
        return 0
    known = lexicon.known
    missp = load_misspellings(args.spelling_data)
    corpora = {os.path.basename(os.path.normpath(c)): [c] for c in args.corpora} or DEFAULT_CORPORA
    for name, folders in corpora.items():
        run(name, folders, args, known, missp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
