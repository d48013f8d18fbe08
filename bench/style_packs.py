"""Benchmark of the optional style packs ``ap`` and ``uk-news`` on real copy (prints
numbers; not a test).

    python bench/style_packs.py [--pack ap|uk-news] [--plants N] [--seed S] [--show N]

Corpora (relative to the repository's parent; bench/review and the review data are not
used):

- AP wire: the stories in ../shared/data/news/polnear-train/text with an AP dateline
  ("BEDFORD, N.H. (AP) —"), AP copy of 2015-16 republished by another site. AP changed its
  percentage rule in 2019, so this copy uses "percent" where AP now writes "%": the rate is
  printed with and without ap.percent.
- US copy: the other PolNeAR stories (NYT, Washington Post, Politico, USA Today, HuffPost,
  Breitbart, Western Journal), written to AP or a house style close to it (the Times uses
  courtesy titles and "Senator", for example).
- British copy: ../shared/data/news/bbc (BBC News, 2004-05, some with readers' comments).

Three measures:

1. findings per 1,000 words, per rule, of the pack on the copy written to its style
   (AP wire and US copy for ``ap``, BBC for ``uk-news``). Target <= 0.5 on copy written to
   that style.
2. recall on planted style errors: in each story, one correct form per plant type is
   turned into the error a writer makes ("three people" -> "3 people", "Oct. 4" ->
   "October 4", "Mr Smith" -> "Mr. Smith", "said" -> "claimed"); caught = a finding of
   the intended rule over the planted text. Target >= 90% for each pack.
3. findings on the clean copy (every one on AP wire copy, a few of each rule on the
   rest), each with the verdict of a copy editor
   (``style_packs_judged.yml`` beside this file: right, defensible or noise), so a reviewer
   can check them; prints the share judged noise and lists any not yet judged.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import regex as re

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from newslint.api import check_text  # noqa: E402
from newslint.readers import parse  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "news"
POLNEAR = DATA / "polnear-train" / "text"
BBC = DATA / "bbc"
JUDGED = Path(__file__).with_name("style_packs_judged.yml")
GROUP = {"ap": "ap", "uk-news": "uk-news"}
AP_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]+(?:, [A-Z][\w. ]+)? \(AP\) [—-]", re.M)


def corpora() -> dict[str, list[Path]]:
    polnear = sorted(POLNEAR.glob("*.txt"))
    wire = [p for p in polnear if AP_DATELINE.search(p.read_text(encoding="utf-8"))]
    return {
        "AP wire": wire,
        "US copy": [p for p in polnear if p not in wire],
        "BBC": sorted(BBC.glob("*/*.txt")),
    }


COPY_OF = {"ap": ["AP wire", "US copy"], "uk-news": ["BBC"]}


def run(text: str, pack: str, select: list[str] | None = None, config: dict | None = None):
    cfg = {"packs": [pack], "select": select or [GROUP[pack], "sourcing.verb"]}
    cfg.update(config or {})
    return check_text(text, path="story.txt", config=cfg)


def words(text: str) -> int:
    return len(text.split())


def offsets(text: str):
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return lambda line, col: starts[line - 1] + col - 1


# -- 1. findings per 1,000 words -------------------------------------------------------


def rates(pack: str, files: list[Path]) -> tuple[Counter, int, list]:
    counts: Counter = Counter()
    total = 0
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        total += words(text)
        for f in run(text, pack):
            counts[f.rule] += 1
            found.append((path, text, f))
    return counts, total, found


def print_rates(name: str, counts: Counter, total: int, leave_out=()) -> None:
    print(f"  {name}: {total:,} words, {sum(counts.values())} findings")
    for rule, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"    {rule:24} {n:5}  {1000 * n / total:6.3f} per 1,000 words")
    all_rate = 1000 * sum(counts.values()) / total
    print(f"    {'all rules':24} {sum(counts.values()):5}  {all_rate:6.3f} per 1,000 words")
    if leave_out:
        n = sum(v for k, v in counts.items() if k not in leave_out)
        print(
            f"    {'without ' + ', '.join(leave_out):24} {n:5}  {1000 * n / total:6.3f} per 1,000 words"
        )


# -- 2. planted errors -----------------------------------------------------------------

ONES = "one two three four five six seven eight nine".split()
TENS_WORDS = {
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
}
COUNTED = "people|children|years|days|weeks|months|states|candidates|times|members|votes|delegates|companies|cases|men|women"
AP_MONTHS = {
    "Jan.": "January",
    "Feb.": "February",
    "Aug.": "August",
    "Sept.": "September",
    "Oct.": "October",
    "Nov.": "November",
    "Dec.": "December",
}
MONTHS = (
    "January February March April May June July August September October November December".split()
)
STATES = {
    "New Hampshire": "N.H.",
    "California": "Calif.",
    "Florida": "Fla.",
    "Pennsylvania": "Pa.",
    "Massachusetts": "Mass.",
    "Michigan": "Mich.",
    "Virginia": "Va.",
    "Georgia": "Ga.",
    "Illinois": "Ill.",
    "Colorado": "Colo.",
    "Arizona": "Ariz.",
    "Nevada": "Nev.",
    "Wisconsin": "Wis.",
    "North Carolina": "N.C.",
    "South Carolina": "S.C.",
    "New York": "N.Y.",
    "New Jersey": "N.J.",
    "Tennessee": "Tenn.",
    "Kentucky": "Ky.",
    "Oklahoma": "Okla.",
}
LOADED = ["claimed", "admitted", "revealed", "insisted"]


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _said_site(rng: random.Random):
    """'X said (that) clause' -> a loaded verb (not before a quotation)."""
    pattern = re.compile(
        r"(?<=\b(?:[A-Z][a-z]+|he|she|they|officials|spokesman|spokeswoman))\s(said|says)\s"
        r"(?=(?:that\s)?(?:the|he|she|it|they|we|his|her|their|a|an|[A-Z][a-z]+)\s+\w+\s+\w+)"
    )

    def make(m):
        verb = LOADED[rng.randrange(len(LOADED))]
        if m.group(1) == "says":
            verb = {"claimed": "claims", "admitted": "admits", "revealed": "reveals"}.get(
                verb, "insists"
            )
        return m.start(1), m.end(1), verb

    return pattern, make


def plant_types(pack: str, rng: random.Random) -> list[tuple[str, str, re.Pattern, object]]:
    """(name, rule, pattern of a correct form, maker: match -> (start, end, wrong text))."""
    said_pattern, said_make = _said_site(rng)
    common = [
        (
            "figure for a small count",
            f"{GROUP[pack]}.numbers",
            re.compile(rf"(?<=[a-z,] )({'|'.join(ONES)}) (?:{COUNTED})\b"),
            lambda m: (m.start(1), m.end(1), str(ONES.index(m.group(1)) + 1)),
        ),
        (
            "words for 10 and up",
            f"{GROUP[pack]}.numbers",
            re.compile(rf"(?<=[a-z,] )(1[0-9]|20|30|40|50) (?:{COUNTED})\b"),
            lambda m: (m.start(1), m.end(1), TENS_WORDS[int(m.group(1))]),
        ),
        ("loaded attribution verb", "sourcing.verb", said_pattern, said_make),
    ]
    if pack == "ap":
        return common + [
            (
                "age in words",
                "ap.numbers",
                re.compile(r"\b([2-9])-year-old\b"),
                lambda m: (m.start(1), m.end(1), ONES[int(m.group(1)) - 1]),
            ),
            (
                "percent spelled out",
                "ap.percent",
                re.compile(r"\b\d+(?:\.\d+)?(%)"),
                lambda m: (m.start(1), m.end(1), " percent"),
            ),
            (
                "month spelled out with a date",
                "ap.dates",
                re.compile(rf"\b({'|'.join(re.escape(k) for k in AP_MONTHS)}) \d{{1,2}}\b"),
                lambda m: (m.start(1), m.end(1), AP_MONTHS[m.group(1)]),
            ),
            (
                "ordinal in a date",
                "ap.dates",
                re.compile(
                    r"\b(?:Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|March|April|May|June|July) ([1-9]|[12]\d|3[01])\b(?![,.]?\d)"
                ),
                lambda m: (m.end(1), m.end(1), _ordinal(int(m.group(1)))),
            ),
            (
                "time of day",
                "ap.times",
                re.compile(r"\b\d{1,2}(?::\d\d)? ([ap])\.m\."),
                lambda m: (m.start(1) - 1, m.end(0), f" {m.group(1).upper()}M"),
            ),
            (
                "state abbreviated after a city",
                "ap.states",
                re.compile(
                    rf"(?<=\b(?:in|of|from|at|near|outside) [A-Z][a-z]+(?: [A-Z][a-z]+)?, )({'|'.join(STATES)})\b"
                ),
                lambda m: (m.start(1), m.end(1), STATES[m.group(1)]),
            ),
            (
                "title capitalised alone",
                "ap.titles",
                re.compile(r"\bthe (president|governor|senator|mayor)\b(?= [a-z]|[,.])"),
                lambda m: (m.start(1), m.end(1), m.group(1).capitalize()),
            ),
            (
                "title lowercased before a name",
                "ap.titles",
                re.compile(r"\bformer (President) [A-Z][a-z]+ [A-Z]"),
                lambda m: (m.start(1), m.end(1), "president"),
            ),
            (
                "title spelled out before a name",
                "ap.abbreviations",
                re.compile(r"(?<!\w)(Sen|Gov|Rep)\. [A-Z][a-z]+ [A-Z][a-z]+"),
                lambda m: (
                    m.start(1),
                    m.end(1) + 1,
                    {"Sen": "Senator", "Gov": "Governor", "Rep": "Representative"}[m.group(1)],
                ),
            ),
            (
                "US without points",
                "ap.abbreviations",
                re.compile(r"(?<=[a-z] )(U\.S\.)(?= [a-z])"),
                lambda m: (m.start(1), m.end(1), "US"),
            ),
            (
                "serial comma",
                "ap.serial-comma",
                re.compile(
                    r"(?<=[a-z] )(?:[a-z]+|[A-Z][a-z]+), (?:[a-z]+|[A-Z][a-z]+)( and )(?:[a-z]+|[A-Z][a-z]+)[.,]"
                ),
                lambda m: (m.start(1), m.start(1), ","),
            ),
            (
                "courtesy title",
                "ap.courtesy-titles",
                re.compile(
                    r"(?<=[.!?]\s)(?=(?!The|He|She|It|But|And|In|On|At|A\b|Mr|Ms|Mrs|Dr)[A-Z][a-z]{2,} said\b)"
                ),
                lambda m: (m.start(), m.start(), "Mr. "),
            ),
            (
                "apostrophe in a decade",
                "ap.dates",
                re.compile(r"\b(?:19|20)\d0(s)\b"),
                lambda m: (m.start(1), m.start(1), "'"),
            ),
        ]
    return common + [
        (
            "-ize spelling",
            "uk-news.ise",
            re.compile(r"\b[a-z]+(?:is)(?:e|es|ed|ing|ation|ations)\b"),
            _ize,
        ),
        (
            "full point after Mr or Dr",
            "uk-news.abbreviations",
            re.compile(r"\b(?:Mr|Mrs|Dr|Ms)( )[A-Z]"),
            lambda m: (m.start(1), m.start(1), "."),
        ),
        (
            "points in UK or US",
            "uk-news.abbreviations",
            re.compile(r"(?<=[a-z] )(UK|US|UN|EU)(?= [a-z])"),
            lambda m: (m.start(1), m.end(1), ".".join(m.group(1)) + "."),
        ),
        (
            "American date order",
            "uk-news.dates",
            re.compile(rf"\b([1-9]|[12]\d|3[01]) ({'|'.join(MONTHS)})\b(?! \d{{1,2}}\b)"),
            lambda m: (m.start(), m.end(), f"{m.group(2)} {m.group(1)}{_ordinal(int(m.group(1)))}"),
        ),
        (
            "time with points",
            "uk-news.times",
            re.compile(r"\b\d{1,2}(?:[.:]\d\d)?(am|pm)\b"),
            lambda m: (m.start(1), m.end(1), " " + ".".join(m.group(1)) + "."),
        ),
        ("double quotes in a headline", "uk-news.headline-quotes", None, None),
    ]


def _ize(m):
    from newslint.checks.editorial.british import _british

    word = m.group(0)
    z = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word)
    if z == word or _british(z) != word:
        return None
    return m.start(), m.end(), z


def _headline_plant(text: str):
    """Wrap the last three words of the first line (the headline) in double quotes."""
    first = text.split("\n", 1)[0]
    words_ = list(re.finditer(r"\S+", first))
    if len(words_) < 4 or '"' in first:
        return None
    start = words_[-3].start()
    return start, len(first), '"' + first[start:] + '"'


def plants(pack: str, files: list[Path], per_type: int, rng: random.Random) -> None:
    types = plant_types(pack, rng)
    results: dict[str, list[bool]] = defaultdict(list)
    named: Counter = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    order = list(files)
    rng.shuffle(order)
    for name, rule, pattern, make in types:
        config = (
            {"uk-news": {"headline-quotes": "single"}} if rule.endswith("headline-quotes") else None
        )
        for path in order:
            if len(results[name]) >= per_type:
                break
            text = path.read_text(encoding="utf-8", errors="replace")
            if pattern is None:
                site = _headline_plant(text)
            else:
                # Sites in quoted speech are left out: the rules that skip quotations
                # (their why says which) do not read there.
                doc = parse(text, "story.txt", "text")
                candidates = [
                    m
                    for m in pattern.finditer(text)
                    if "\n" not in m.group(0) and not doc.in_quote(m.start())
                ]
                rng.shuffle(candidates)
                site = None
                for m in candidates[:5]:
                    site = make(m)
                    if site:
                        break
            if not site:
                continue
            start, end, wrong = site
            planted = text[:start] + wrong + text[end:]
            # Only where the clean story had no finding of the rule there.
            at = offsets(text)
            before = [
                f
                for f in run(text, pack, [rule], config)
                if at(f.line, f.column) <= end and start <= at(f.end_line, f.end_column)
            ]
            if before:
                continue
            at = offsets(planted)
            found = run(planted, pack, [rule], config)
            hit = any(
                at(f.line, f.column) <= start + len(wrong) and start <= at(f.end_line, f.end_column)
                for f in found
            )
            if not hit and rule == "sourcing.verb":
                # The rule reports a story's loaded verbs once, at the first, quoting the
                # others ("The story uses 1 more: 'Smith insisted he'"): named there counts.
                before_word = re.search(r"(\S+)\s*$", planted[:start])
                quoted = f"{before_word.group(1) if before_word else ''} {wrong}".strip()
                hit = any(quoted in f.message for f in found)
                named[name] += hit
            results[name].append(hit)
            if not hit:
                line = planted[max(0, start - 60) : start + len(wrong) + 40].replace("\n", " ")
                misses[name].append(f"{path.name}: ...{line}...")
    caught = sum(sum(v) for v in results.values())
    planted_n = sum(len(v) for v in results.values())
    print(f"  planted {planted_n}, caught {caught}: recall {caught / max(planted_n, 1):.3f}")
    for name, rule, *_ in types:
        v = results[name]
        if v:
            note = f"  ({named[name]} named in the story's one finding)" if named[name] else ""
            print(f"    {name:32} {rule:24} {sum(v):4}/{len(v):<4} {sum(v) / len(v):.3f}{note}")
    return misses


# -- 3. judged sample ------------------------------------------------------------------


def judged() -> dict:
    if not JUDGED.exists():
        return {}
    data = yaml.safe_load(JUDGED.read_text(encoding="utf-8")) or []
    return {(j["file"], j["rule"], j["text"]): j for j in data}


def sample(found: dict[str, list], n: int, rng: random.Random, pack: str) -> None:
    """Every finding on AP wire copy, and up to ``n`` findings of each rule on the rest."""
    verdicts = judged()
    picked = list(found.get("AP wire", []))
    for name, items in found.items():
        if name == "AP wire":
            continue
        by_rule = defaultdict(list)
        for item in items:
            by_rule[item[2].rule].append(item)
        for rule in sorted(by_rule):
            items = by_rule[rule]
            picked.extend(items if len(items) <= n else rng.sample(items, n))
    counts: Counter = Counter()
    for path, text, f in sorted(picked, key=lambda x: (x[0].name, x[2].line, x[2].column)):
        line = text.split("\n")[f.line - 1]
        span = (
            line[f.column - 1 : f.end_column - 1] if f.end_line == f.line else line[f.column - 1 :]
        )
        key = (f"{path.parent.name}/{path.name}", f.rule, span)
        verdict = verdicts.get(key, {}).get("verdict", "unjudged")
        counts[verdict] += 1
        context = line[max(0, f.column - 60) : f.column + len(span) + 40]
        note = verdicts.get(key, {}).get("note", "")
        print(f"    [{verdict}] {key[0]} {f.rule}: {span!r} ... {context!r} {note}")
    judged_n = sum(v for k, v in counts.items() if k != "unjudged")
    if judged_n:
        print(
            f"  judged {judged_n} of {len(picked)}: right {counts['right']}, defensible "
            f"{counts['defensible']}, noise {counts['noise']} -> noise share "
            f"{counts['noise'] / judged_n:.2f}, right or defensible "
            f"{(counts['right'] + counts['defensible']) / judged_n:.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", choices=["ap", "uk-news"], action="append")
    parser.add_argument("--plants", type=int, default=120, help="stories per plant type")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=4, help="sampled findings of each rule")
    parser.add_argument("--misses", action="store_true", help="list planted errors missed")
    args = parser.parse_args()
    sets = corpora()
    for pack in args.pack or ["ap", "uk-news"]:
        rng = random.Random(args.seed)
        began = time.time()
        print(f"== pack {pack}")
        print("1. findings per 1,000 words on copy written to the style")
        found_all = {}
        for name in COPY_OF[pack]:
            counts, total, found = rates(pack, sets[name])
            print_rates(name, counts, total, ("ap.percent",) if name == "AP wire" else ())
            found_all[name] = found
        print("2. planted style errors")
        files = [p for name in COPY_OF[pack] for p in sets[name]]
        misses = plants(pack, files, args.plants, rng)
        if args.misses:
            for name, lines in misses.items():
                for line in lines:
                    print(f"    missed [{name}] {line}")
        print(
            f"3. findings on the clean copy (all on AP wire copy, up to {args.show} of each rule "
            "on the rest), with an editor's verdict"
        )
        sample(found_all, args.show, random.Random(args.seed), pack)
        print(f"   ({time.time() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
