"""Benchmark of spelling.confusion on real news (prints numbers; not a test).

    python bench/confusion.py [FOLDER ...] [--limit N] [--seed S] [--per-article K] [--show N]

Folders default to the BBC business/entertainment/politics articles and PolNeAR train
under ../shared/data/news. Two measures:

1. planted real-word errors: in each article up to K words that belong to a confusion
   set (rules/spelling/confusion-sets.txt) are replaced by another member of their set
   ("dairy" -> "diary", "signed" -> "singed"), the set picked at random among those the
   article has, so that rare sets count as much as "their/there". A plant is caught
   when a spelling.confusion finding starts at it and its one suggestion restores the
   original word. Printed overall, for the issue's pairs, and per set (--sets).
   Target: >= 50% caught.
2. false alarms: spelling.confusion findings on the untouched articles, per 1,000 words
   (target <= 0.1); --show lists them (some may be real slips in the source).

With --nearby, the planted slips are of any lower-case word in no confusion set: it is
replaced by a dictionary word one edit away ("months" -> "moths", "fire" -> "fir"),
printed at least 100,000 times in the Google Books counts (a slip a reader would take
for a word), never another form of the same word. These are what the rule's nearby
check looks for; most plants sit where no context can tell, so the share is a floor.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import newslint  # noqa: E402
from newslint.checks.spelling import bigrams  # noqa: E402
from newslint.checks.spelling.confusion import _members, related  # noqa: E402
from newslint.checks.spelling.suggest import near1  # noqa: E402

RULE = "spelling.confusion"
DATA = REPO.parent / "shared" / "data" / "news"
DEFAULT_FOLDERS = [
    DATA / "bbc" / "business",
    DATA / "bbc" / "entertainment",
    DATA / "bbc" / "politics",
    DATA / "polnear-train" / "text",
]
# The pairs issue 18 names: the held-out check plants these kinds of slips.
ISSUE_PAIRS = {
    frozenset(p)
    for p in [
        ("dairy", "diary"),
        ("change", "chance"),
        ("signed", "singed"),
        ("windows", "widows"),
        ("marshal", "marshall"),
        ("affect", "effect"),
        ("principal", "principle"),
    ]
}
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?:['’][a-z]+)?(?![\w'’-])")


def articles(folders: list[Path]) -> list[Path]:
    return [p for f in folders for p in sorted(f.glob("*.txt")) if p.name != "README.TXT"]


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _opens(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n"


def plant(text: str, rng: random.Random, k: int, members) -> tuple[str, list]:
    """Up to ``k`` slips: (start, written, original) in the returned text."""
    spots = defaultdict(list)
    for m in _WORD.finditer(text):
        raw = m.group()
        # Slips go into running prose: lower-case words, or capitalised ones opening a
        # sentence (a capital inside a sentence is a name or a title: "Public Accounts").
        if not (raw.islower() or (raw[:1].isupper() and raw[1:].islower() and _opens(text, m))):
            continue
        word = raw.lower().replace("’", "'")
        if word in members:
            spots[members[word]].append(m)
    chosen = []
    groups = list(spots)
    rng.shuffle(groups)
    for group in groups[:k]:
        chosen.append(rng.choice(spots[group]))
    chosen.sort(key=lambda m: m.start())
    out, planted, last, shift = [], [], 0, 0
    for m in chosen:
        if m.start() < last + 20:
            continue  # never two slips side by side: each keeps its real context
        raw = m.group()
        word = raw.lower().replace("’", "'")
        other = rng.choice([w for w in members[word] if w != word])
        new = _cased(other, raw)
        out.append(text[last : m.start()])
        out.append(new)
        planted.append((m.start() + shift, new, raw))
        shift += len(new) - len(raw)
        last = m.end()
    out.append(text[last:])
    return "".join(out), planted


# A planted nearby slip is a word printed at least this often (Google Books counts).
NEARBY_COUNT = 1e5


def plant_nearby(text: str, rng: random.Random, k: int, members) -> tuple[str, list]:
    """Up to ``k`` slips of words in no set: (start, written, original)."""
    counts = bigrams.load()
    spots = [
        m
        for m in _WORD.finditer(text)
        if m.group().islower() and len(m.group()) >= 3 and m.group() not in members
    ]
    rng.shuffle(spots)
    chosen = []
    for m in spots:
        word = m.group()
        options = sorted(
            c
            for c in near1(word)
            if len(c) >= 3
            and c.isalpha()
            and counts.word(c) >= NEARBY_COUNT
            and not related(word, c)
        )
        if options:
            chosen.append((m, rng.choice(options)))
        if len(chosen) == k:
            break
    chosen.sort(key=lambda mc: mc[0].start())
    out, planted, last, shift = [], [], 0, 0
    for m, new in chosen:
        if m.start() < last + 20:
            continue
        out.append(text[last : m.start()])
        out.append(new)
        planted.append((m.start() + shift, new, m.group()))
        shift += len(new) - len(m.group())
        last = m.end()
    out.append(text[last:])
    return "".join(out), planted


def _offset(text: str, line: int, column: int) -> int:
    at = 0
    for _ in range(line - 1):
        at = text.index("\n", at) + 1
    return at + column - 1


def _override(options: dict) -> None:
    """Run the rule with these options over its own (rule options are not user config)."""
    from newslint.checks.spelling import confusion as module

    check = module.confusion

    def confusion(doc, rule_options):
        return check(doc, {**rule_options, **options})

    confusion.local = True
    module.confusion = confusion


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    ap.add_argument("--limit", type=int, default=0, help="articles per folder (0 = all)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--per-article", type=int, default=3)
    ap.add_argument("--show", type=int, default=0, help="print N misses and false alarms")
    ap.add_argument("--sets", action="store_true", help="recall per confusion set")
    ap.add_argument("--config", default="", help="options for the rule as key=value,...")
    ap.add_argument("--nearby", action="store_true", help="plant slips of words in no set")
    args = ap.parse_args(argv)
    options = {k: float(v) for k, v in (kv.split("=") for kv in args.config.split(",") if kv)}
    if options:
        _override(options)
    config = None
    members = _members(None)
    rng = random.Random(args.seed)
    files = []
    for folder in args.folders:
        found = articles([folder])
        files += found[: args.limit] if args.limit else found
    words = alarms = planted = caught = 0
    issue = [0, 0]
    per_set: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    fa_words: Counter = Counter()
    misses, fas = [], []
    t0 = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        for f in newslint.check_text(text, path=str(path), select=[RULE], config=config):
            alarms += 1
            at = _offset(text, f.line, f.column)
            word = text[at : _offset(text, f.end_line, f.end_column)]
            fa_words[word.lower()] += 1
            fas.append(f"{path.name}: ...{text[max(0, at - 40) : at + 40]!r}... -> {f.suggestions}")
        planter = plant_nearby if args.nearby else plant
        changed, slips = planter(text, rng, args.per_article, members)
        if not slips:
            continue
        found = {}
        for f in newslint.check_text(changed, path=str(path), select=[RULE], config=config):
            found[_offset(changed, f.line, f.column)] = f.suggestions
        for at, new, original in slips:
            key = members.get(original.lower().replace("’", "'"), ("(nearby)",))
            ok = found.get(at, ())[:1] == (original,)
            planted += 1
            caught += ok
            per_set[key][0] += 1
            per_set[key][1] += ok
            pair = frozenset((new.lower(), original.lower()))
            if pair in ISSUE_PAIRS:
                issue[0] += 1
                issue[1] += ok
            if not ok:
                misses.append(
                    f"{path.name}: {original} -> {new}: ...{changed[max(0, at - 40) : at + 40]!r}..."
                )
    elapsed = time.perf_counter() - t0
    print(f"articles: {len(files)}, words: {words:,}, time: {elapsed:.1f}s")
    print(
        f"planted real-word errors caught: {caught}/{planted} = {caught / max(planted, 1):.3f}"
        "  (target >= 0.5)"
    )
    print(f"  the issue's pairs: {issue[1]}/{issue[0]} = {issue[1] / max(issue[0], 1):.3f}")
    print(
        f"false alarms on clean copy: {alarms} = {1000 * alarms / max(words, 1):.3f} per 1,000 words"
        "  (target <= 0.1)"
    )
    print("  most flagged words:", ", ".join(f"{w} {n}" for w, n in fa_words.most_common(12)))
    if args.sets:
        for key, (n, ok) in sorted(per_set.items(), key=lambda kv: -kv[1][0]):
            print(f"    {'/'.join(key)}: {ok}/{n}")
    for line in misses[: args.show]:
        print("  missed:", line)
    for line in fas[: args.show]:
        print("  alarm:", line)


if __name__ == "__main__":
    main()
