"""Who said what, judged as an editor reads it: `newslint sources` on review-set stories.

    python bench/review_sources.py [--data ../review-data] [--unjudged]

An editor's verdicts on every attribution `newslint sources` listed for a sample of the
review set's test stories are in bench/review/sources_judged.yml: whether the speaker is
right (for a pronoun, whom it resolves to; for a continued quotation, who carries on) and
whether the kind is (named person, organisation, anonymous, vague, pronoun, none), with
the right kind where it is not. This script lists the stories again with the current
code (texts rebuilt by bench/review/rebuild.py into --data) and prints the share right.

A listed attribution keeps its verdict while its cue's position and its source's words
are the ones judged; a new kind is scored against the right kind the editor gave. Any
other listing is unjudged and counted apart (--unjudged lists them). Target (issue 17):
at least 90% of listed attributions with the right speaker and kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newslint  # noqa: E402,F401  (the listing below runs this checkout's newslint)
from newslint.cli import main as cli_main  # noqa: E402

JUDGED = ROOT / "bench" / "review" / "sources_judged.yml"


def listing(path: Path) -> list[dict]:
    """`newslint sources --format json` for one file, run in this process."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            cli_main(["sources", "--format", "json", str(path)])
        except SystemExit:
            pass
    return json.loads(out.getvalue())["files"][0]["attributions"]


def where(a: dict) -> tuple[int, int, str]:
    """The position a verdict is keyed by: the cue's, or for a continued quotation the
    content's."""
    if a.get("cue"):
        return a["cue"]["line"], a["cue"]["column"], a["cue"]["text"]
    return a["content"]["line"], a["content"]["column"], "(continues)"


def shown(a: dict) -> str:
    """The source as the text listing shows it: a pronoun with what it stands for, a
    missing source as "(nobody)"."""
    source = (a.get("source") or {}).get("text")
    if not source:
        return "(nobody)"
    resolved = (a.get("resolved") or {}).get("text")
    return f"{source} (= {resolved})" if resolved else source


def score(a: dict, verdict: dict | None) -> tuple[bool | None, bool | None]:
    """(speaker right, kind right) for a listed attribution; None where unjudged."""
    if verdict is None:
        return None, None
    speaker = verdict["speaker_ok"] if shown(a) == verdict["source"] else None
    if a["kind"] == verdict["kind"]:
        kind = verdict["kind_ok"]
    elif verdict.get("right_kind"):
        kind = a["kind"] == verdict["right_kind"]
    else:
        kind = None  # the judged kind was right and another is listed now: look again
    return speaker, kind


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "review-data"))
    ap.add_argument("--unjudged", action="store_true")
    args = ap.parse_args(argv)
    judged = yaml.safe_load(JUDGED.read_text(encoding="utf-8"))["judged"]
    verdicts: dict[tuple, dict] = {}
    for v in judged:
        verdicts[(v["article"], v["cue_line"], v["cue_column"], v["cue"])] = v
    articles = sorted({v["article"] for v in judged})
    listed = speaker_ok = kind_ok = both = 0
    unjudged = []
    for article in articles:
        path = Path(args.data) / "articles" / f"{article}.txt"
        if not path.exists():
            sys.exit(f"{path}: missing; rebuild with python bench/review/rebuild.py")
        for a in listing(path):
            line, column, cue = where(a)
            speaker, kind = score(a, verdicts.get((article, line, column, cue)))
            if speaker is None or kind is None:
                unjudged.append(f"{article}:{line}:{column} {a['kind']} {shown(a)!r} {cue}")
                continue
            listed += 1
            speaker_ok += speaker
            kind_ok += kind
            both += speaker and kind
    n = max(listed, 1)
    print(f"stories: {len(articles)}, judged attributions listed now: {listed}")
    print(f"right speaker:          {speaker_ok}/{listed} = {speaker_ok / n:.2f}")
    print(f"right kind:             {kind_ok}/{listed} = {kind_ok / n:.2f}")
    print(f"right speaker and kind: {both}/{listed} = {both / n:.2f}   (target >= 0.90)")
    print(f"unjudged (new or changed listings): {len(unjudged)}")
    if args.unjudged:
        for line in unjudged:
            print("  " + line)


if __name__ == "__main__":
    main()
