"""Claims and quotations that lost their source: sourcing.unattributed on PolNeAR articles
with one attribution removed, and its rate on the untouched articles.

    python bench/unattributed.py [../shared/data/news/polnear-train] [--split dev]
                                 [--every K] [--show N]

An attribution is removed only where it is the only one in its paragraph (PolNeAR's
annotations of every cue, so nothing nearby still attributes the claim):
'"We will win," Smith said.' -> '"We will win."'; 'Smith said (that) taxes will rise.'
and 'Taxes will rise, Smith said.' -> 'Taxes will rise.'; 'According to the report,
taxes will rise.' -> 'Taxes will rise.' Each removal is checked in its own copy of the
article; it counts as caught when a sourcing.unattributed finding falls on its
sentence. Splits as bench/attribution.py (crc32 of the file name mod 5: 0 held out,
1 dev, 2-4 train).

Prints the share caught for quotations and for indirect claims (targets >= 0.9 and
>= 0.5), and sourcing.unattributed findings per 1,000 words of the untouched articles.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sourcing import offsets, polnear_items, read_relations  # noqa: E402

from newslint import check_text  # noqa: E402
from newslint.readers import parse  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "polnear-train"
SPLITS = {"all": {0, 1, 2, 3, 4}, "heldout": {0}, "dev": {1}, "train": {2, 3, 4}}
CONFIG = {"select": ["sourcing.unattributed"]}
_QUOTES = "\"“”‘’'"
_TAIL = re.compile(r"^,?\s*$")
# Cues whose content is a clause that can stand alone once they are cut.
_CLAUSAL = frozenset(
    """
    said says say told tells added adds claimed claims argued argues insisted insists
    believes believed thinks thought noted notes wrote writes warned warns predicted
    predicts suggested suggests reported reports explained explains acknowledged admitted
    contended concluded found shows showed according stated states announced announces
    confirmed confirms estimated estimates alleged alleges maintained maintains
    """.split()
)
# Contents that assert nothing once their cue is gone: questions and infinitives.
_NOT_ASSERTED = frozenset("to why how whether if what when where who which".split())


def removals(text: str, doc, rels: list[dict]) -> list[tuple[int, str, str]]:
    """``(sentence index, new sentence, kind)`` for each attribution that is the only one in
    its paragraph and can be cut cleanly; kind is ``quote`` or ``claim``."""
    per_block: dict[int, int] = {}
    for rel in rels:
        block = doc.block_at(rel["cue"][0])
        if block is not None:
            per_block[block.start] = per_block.get(block.start, 0) + 1
    out = []
    for rel in rels:
        src, cue, content = rel["source"], rel["cue"], rel["content"]
        if not (src and cue and content):
            continue
        block = doc.block_at(cue[0])
        if block is None or per_block[block.start] != 1:
            continue
        k = doc.sentence_at(cue[0])
        s, e = doc.sentences[k]
        if not all(s <= x[0] and x[1] <= e for x in (src, cue, content)):
            continue
        if not _CLAUSAL.intersection(text[cue[0] : cue[1]].lower().split()):
            continue  # 'criticized Obama for ...', 'called it a mistake': no clause to keep
        new = _cut(text, s, e, src, cue, content)
        if new:
            kind = "quote" if new[:1] in _QUOTES else "claim"
            out.append((k, new, kind))
    return out


def _cut(text: str, s: int, e: int, src, cue, content) -> str | None:
    """The sentence without its source and cue, or None when they do not come off whole."""
    body = text[content[0] : content[1]].strip()
    first = body.split()[0].lower() if body.split() else ""
    if first == "that":
        body = body[4:].lstrip()  # 'Smith said that taxes will rise.'
    elif first in _NOT_ASSERTED:
        return None  # 'declined to rule out ...', 'asked why ...': no claim to cut
    if len(body.split()) < 4:
        return None
    attribution = (min(src[0], cue[0]), max(src[1], cue[1]))
    if content[0] == s and attribution[0] > content[1]:
        # '"We will win," Smith said.' / 'Taxes will rise, Smith said.'
        tail = text[attribution[1] : e].strip(" .")
        between = text[content[1] : attribution[0]]
        if tail or not _TAIL.match(between.replace('"', "").replace("”", "")):
            return None
        if body[-2:-1] == "," and body[-1:] in "\"”":
            return body[:-2] + "." + body[-1]
        return body.rstrip(",") + "."
    if attribution[0] == s and content[0] > attribution[1]:
        # 'Smith said (that) taxes will rise.' / 'According to the report, taxes will rise.'
        if text[content[1] : e].strip() not in ("", "."):
            return None
        if body[:1] in _QUOTES:
            return body if body[-1:] in ".!?\"”" else body + "."
        return body[0].upper() + body[1:] + ("" if body[-1:] in ".!?" else ".")
    return None


def run(folder: Path, split: str, every: int, show: int) -> None:
    items = [
        (t, a)
        for t, a in polnear_items(folder, 1)
        if zlib.crc32(t.stem.encode()) % 5 in SPLITS[split]
    ][::every]
    caught = {"quote": [0, 0], "claim": [0, 0]}
    words = findings = 0
    misses: list[str] = []
    for text_path, ann_path in items:
        text = text_path.read_text(encoding="utf-8")
        doc = parse(text, "a.txt", "text")
        words += len(text.split())
        findings += len(check_text(text, path="a.txt", config=CONFIG))
        for k, new, kind in removals(text, doc, read_relations(ann_path)):
            s, e = doc.sentences[k]
            variant = text[:s] + new + text[e:]
            span = (s, s + len(new))
            found = offsets(variant, check_text(variant, path="a.txt", config=CONFIG))
            hit = any(a < span[1] and span[0] < b or a == span[0] for a, b, _r in found)
            caught[kind][0] += hit
            caught[kind][1] += 1
            if not hit:
                misses.append(f"[{kind}] {new}")
    print(f"PolNeAR {split}: {len(items)} articles, {words:,} words")
    for kind, target in (("quote", 0.9), ("claim", 0.5)):
        got, n = caught[kind]
        print(f"removed, {kind + 's':<7} caught: {got / max(n, 1):.3f} ({got}/{n})   target >= {target}")
    print(f"untouched articles: {findings / words * 1000:.2f} findings per 1,000 words   target <= 0.5")
    random.seed(0)
    for line in random.sample(misses, min(show, len(misses))):
        print("  missed", line[:200])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--split", default="dev", choices=list(SPLITS))
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print N missed removals")
    args = ap.parse_args()
    run(Path(args.folder), args.split, args.every, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
