"""Measure newslint the way an editor reads: on real published stories, every default
finding judged right, defensible or noise, and on stories with an error planted.

    python bench/review.py [--data ../review-data] [--split dev|test|plant|all]
                           [--unjudged] [--export FILE] [--config FILE]

The stories (bench/review/articles.yml) and the planted errors (bench/review/plants.yml)
are rebuilt from their public sources by bench/review/rebuild.py into ``--data``; no
article text is in the repository. Judgements, made by an editor with
bench/review/RUBRIC.md, are in bench/review/judgements.yml, one entry per finding:
article, line, column, rule, the flagged text, verdict and a note.

Prints, for the clean stories of the split: findings per rule with their verdicts, the
share right or defensible and the share right (overall and per rule), the share of
stories that fail (exit code 1 with the configuration), and findings per 1,000 words;
for the planted stories: per kind of error, the share of stories that fail and the
share whose error is found on its line by the rule meant to find it. ``--unjudged``
lists findings not judged yet; ``--export`` writes them with their paragraph, for an
editor to judge.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslint.api import check_text, config_for, failing  # noqa: E402
from newslint.config import Config  # noqa: E402

HERE = ROOT / "bench" / "review"
VERDICTS = ("right", "defensible", "noise")
# The rules meant to find each kind of planted error.
FINDERS = {
    "typo": ("spelling.typo",),
    "real-word": ("spelling.confusion", "typography.repeated-word"),
    "name": ("names.inconsistent",),
    "vague": ("sourcing.vague", "style.weasel"),
    "unattributed": ("sourcing.unattributed",),
}


def _entries(path: Path, key: str) -> list[dict]:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return data.get(key, []) if isinstance(data, dict) else data


def load_articles(split: str) -> list[dict]:
    """The clean stories of a split (``all``: every split but ``plant``)."""
    rows = _entries(HERE / "articles.yml", "articles")
    if split == "all":
        return [a for a in rows if a.get("split") != "plant"]
    return [a for a in rows if a.get("split") == split]


def load_judgements() -> dict[tuple, dict]:
    """Judgements by (article, line, column, rule)."""
    out = {}
    for j in _entries(HERE / "judgements.yml", "judgements"):
        out[(j["article"], j["line"], j["column"], j["rule"])] = j
    return out


def flagged(text: str, f) -> str:
    """The source text a finding covers (one line, shortened)."""
    lines = text.splitlines()
    if not 1 <= f.line <= len(lines):
        return ""
    line = lines[f.line - 1]
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    return line[f.column - 1 : end][:120]


def paragraph(text: str, line: int) -> str:
    """The paragraph (blank-line separated) holding a 1-based line."""
    lines = text.splitlines()
    a = b = line - 1
    while a > 0 and lines[a - 1].strip():
        a -= 1
    while b + 1 < len(lines) and lines[b + 1].strip():
        b += 1
    return "\n".join(lines[a : b + 1])


def check(path: Path, config) -> list:
    text = path.read_text(encoding="utf-8")
    return check_text(text, path=path.name, config=config)


def review(args, config) -> None:
    articles = load_articles(args.split)
    judged = load_judgements()
    verdicts: dict[str, Counter] = defaultdict(Counter)
    unjudged = []
    failed = 0
    why: Counter = Counter()
    words = 0
    missing = 0
    for a in articles:
        path = Path(args.data) / "articles" / f"{a['id']}.txt"
        if not path.exists():
            missing += 1
            continue
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        findings = check_text(text, path=path.name, config=config)
        fails = failing(findings, config.fail_level)
        failed += fails
        failing_verdicts = set()
        for f in findings:
            j = judged.get((a["id"], f.line, f.column, f.rule))
            verdict = j["verdict"] if j else "unjudged"
            verdicts[f.rule][verdict] += 1
            if failing([f], config.fail_level):
                failing_verdicts.add(verdict)
            if j is None:
                unjudged.append((a["id"], f, flagged(text, f), paragraph(text, f.line)))
        if fails:
            # Why it fails: a slip an editor would stop the story for, or noise alone.
            if "right" in failing_verdicts:
                why["right"] += 1
            elif failing_verdicts == {"noise"}:
                why["noise"] += 1
    n = len(articles) - missing
    print(
        f"clean stories ({args.split}): {n}, {words:,} words"
        + (f"; {missing} missing" if missing else "")
    )
    if not n:
        return
    print(f"stories that fail: {failed}/{n} = {failed / n:.0%}   (target <= 10%)")
    print(
        f"  on a finding judged right: {why['right']}; on findings judged noise only: "
        f"{why['noise']}/{n} = {why['noise'] / n:.0%}"
    )
    total: Counter = Counter()
    print(f"{'rule':<28} {'n':>4} {'right':>6} {'defens':>6} {'noise':>6} {'unjudg':>6}  R+D   R")
    for rule in sorted(verdicts):
        c = verdicts[rule]
        total.update(c)
        print(_row(rule, c))
    print(_row("all", total))
    print(f"findings per 1,000 words: {sum(total.values()) / words * 1000:.2f}")
    if args.unjudged:
        for art, f, text, _para in unjudged:
            print(f"  {art}:{f.line}:{f.column}: {f.rule} {text!r}  {f.message}")
    if args.export:
        rows = [
            {
                "article": art,
                "line": f.line,
                "column": f.column,
                "rule": f.rule,
                "text": text,
                "message": f.message,
                "paragraph": para,
            }
            for art, f, text, para in unjudged
        ]
        Path(args.export).write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {len(rows)} unjudged findings to {args.export}")


def _row(name: str, c: Counter) -> str:
    n = sum(c.values())
    judged = c["right"] + c["defensible"] + c["noise"]
    rd = f"{(c['right'] + c['defensible']) / judged:.2f}" if judged else "  - "
    r = f"{c['right'] / judged:.2f}" if judged else "  - "
    return (
        f"{name:<28} {n:>4} {c['right']:>6} {c['defensible']:>6} {c['noise']:>6} "
        f"{c['unjudged']:>6}  {rd}  {r}"
    )


def plants(args, config) -> None:
    rows = _entries(HERE / "plants.yml", "plants")
    by_kind: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for p in rows:
        path = Path(args.data) / "plants" / f"{p['id']}.txt"
        if not path.exists():
            by_kind[p["kind"]]["missing"] += 1
            continue
        findings = check(path, config)
        c = by_kind[p["kind"]]
        c["n"] += 1
        c["fail"] += failing(findings, config.fail_level)
        rules = FINDERS.get(p["kind"], ())
        line = p.get("line")
        hit = any(
            f.rule in rules and (line is None or f.line <= line <= f.end_line) for f in findings
        )
        c["caught"] += hit
        if not hit:
            misses.append(p)
    if not rows:
        return
    print()
    print(f"{'planted':<14} {'n':>4} {'fail':>6} {'caught on its line':>20}")
    total: Counter = Counter()
    for kind in sorted(by_kind):
        c = by_kind[kind]
        total.update(c)
        print(_plant_row(kind, c))
    print(_plant_row("all", total))
    if args.unjudged:
        for p in misses:
            print(
                f"  missed {p['id']} ({p['kind']}{'/' + p['sub'] if p.get('sub') else ''}) line {p.get('line')}"
            )


def _plant_row(kind: str, c: Counter) -> str:
    n = c["n"]
    if not n:
        return f"{kind:<14} {0:>4}"
    return f"{kind:<14} {n:>4} {c['fail'] / n:>6.0%} {c['caught'] / n:>20.0%}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "review-data"))
    ap.add_argument("--split", default="dev", choices=["dev", "test", "plant", "all"])
    ap.add_argument("--config", help="a configuration file (default: newslint's defaults)")
    ap.add_argument(
        "--unjudged", action="store_true", help="list unjudged findings and missed plants"
    )
    ap.add_argument("--export", help="write unjudged findings with their paragraph as JSON")
    ap.add_argument("--no-plants", action="store_true")
    args = ap.parse_args()
    # newslint's defaults, whatever configuration the current folder has.
    config = config_for(None, args.config) if args.config else Config()
    review(args, config)
    if not args.no_plants:
        plants(args, config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
