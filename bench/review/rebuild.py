"""Rebuild the review set's texts from the public repositories they were taken from.

    python bench/review/rebuild.py --mirrors /work/.mirror --out /work/review-data
                                   [--only ID ...] [--check]

``--mirrors`` is a folder holding the fetched repositories, each a bare git directory at
``<owner>+<name>/repo`` (or ``<owner>+<name>``, or ``<owner>+<name>.git``); give the option
more than once to search several folders. Every file is read with
``git --git-dir=... show COMMIT:PATH`` at the commit recorded in articles.yml, so a newer
snapshot of the same repository does no harm as long as it still holds that commit.

Writes ``<out>/articles/<id>.txt`` for every story in bench/review/articles.yml (headline,
a blank line, then the paragraphs separated by blank lines, with one final newline) and
``<out>/plants/<variant>.txt`` for every planted error in bench/review/plants.yml (the
clean story with that one edit). ``--check`` writes nothing: it compares what it would
write with what is there and with the word counts recorded, and exits 1 on a difference.

How a story is taken out of its source (the ``extract`` entry of an article):

- ``kind: text-json``: a JSON object's ``key`` then ``field`` holds the body as plain text,
  paragraphs separated by newlines (scrapinghub/article-extraction-benchmark's
  ground-truth.json);
- ``kind: fundus-json``: a fundus test file's ``key`` (a parser version): the body's
  sections, each an optional sub-heading and its paragraphs, and the ``title``; with
  ``summary: true`` the body's summary comes first (where it holds the story's lead);
- ``kind: basil-json``: a BASIL article file: ``body-paragraphs`` (each a list of
  sentences, joined with one space) and ``title``;
- ``kind: html``: the elements matching the CSS selector ``body`` (see htmltext.py), one
  paragraph each, after removing those matching ``remove``.

The headline is the JSON title, or the text (or ``@attribute``) of the first element matching
``title`` in ``title_path`` (default: the article's own file), or with ``title: json:KEY``
that key of the JSON file at ``title_path``; ``title_cut`` is a regular
expression removed from it (a site's " | Outlet" suffix). ``drop`` lists 1-based paragraph
numbers to leave out (negative counts from the end: a trailing credit line or a sign-up
prompt the annotation kept), ``drop_match`` a regular expression for paragraphs to leave
out wherever they are. Whitespace inside a paragraph is collapsed to single spaces;
nothing else is changed.

The .yml files are written in YAML's JSON subset (after a few ``#`` comment lines), so
this script reads them with the standard library alone, and PyYAML reads them too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import htmltext  # noqa: E402

HERE = Path(__file__).resolve().parent
SPACE = re.compile(r"[\s\u200b\ufeff]+")


class Mirrors:
    """Read files of fetched repositories at a given commit."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders
        self._cache: dict[tuple[str, str, str], bytes] = {}

    def git_dir(self, repo: str) -> Path:
        """The bare git directory of ``owner/name``."""
        name = repo.replace("/", "+")
        for folder in self.folders:
            for cand in (folder / name / "repo", folder / name, folder / f"{name}.git"):
                if (cand / "objects").is_dir() or (cand / "HEAD").is_file():
                    return cand
        raise SystemExit(f"no mirror of {repo} under {', '.join(map(str, self.folders))}")

    def read(self, repo: str, commit: str, path: str) -> bytes:
        """The bytes of a file at a commit (gunzipped if its name ends in .gz)."""
        key = (repo, commit, path)
        if key not in self._cache:
            out = subprocess.run(
                ["git", "--git-dir", str(self.git_dir(repo)), "show", f"{commit}:{path}"],
                capture_output=True,
                check=False,
            )
            if out.returncode:
                raise SystemExit(f"{repo}@{commit}:{path}: {out.stderr.decode().strip()}")
            data = out.stdout
            self._cache[key] = gzip.decompress(data) if path.endswith(".gz") else data
        return self._cache[key]


def load(path: Path, key: str) -> list[dict]:
    """The entries under ``key`` of one of the set's .yml files."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return json.loads("\n".join(line for line in lines if not line.startswith("#"))).get(key, [])


def decode(data: bytes, encoding: str | None = None) -> str:
    """HTML bytes as text: the given encoding, else the page's declared one, else UTF-8."""
    if not encoding:
        head = data[:4096].decode("ascii", "replace")
        m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
        encoding = m.group(1) if m else "utf-8"
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", "replace")


def clean(par: str) -> str:
    """A paragraph with its whitespace collapsed."""
    return SPACE.sub(" ", par).strip()


def _html_title(html: str, selector: str) -> str:
    attr = None
    if "@" in selector:
        selector, attr = selector.rsplit("@", 1)
    root = htmltext.parse(html)
    for node in htmltext.select(root, selector):
        value = node.attrs.get(attr, "") if attr else htmltext.text(node)
        if clean(value):
            return value
    raise SystemExit(f"no title at {selector!r}")


def extract(article: dict, mirrors: Mirrors) -> tuple[str, list[str]]:
    """The headline and paragraphs of one story, from its source."""
    ex = article["extract"]
    repo, commit, path = article["repo"], article["commit"], article["path"]
    kind = ex["kind"]
    title = ""
    if kind == "text-json":
        data = json.loads(mirrors.read(repo, commit, path))
        body = data[ex["key"]][ex.get("field", "articleBody")]
        paras = body.split("\n")
    elif kind == "fundus-json":
        data = json.loads(mirrors.read(repo, commit, path))[ex["key"]]
        title = data["title"]
        paras = list(data["body"].get("summary", [])) if ex.get("summary") else []
        for section in data["body"]["sections"]:
            paras.extend(section.get("headline", []))
            paras.extend(section.get("paragraphs", []))
    elif kind == "basil-json":
        data = json.loads(mirrors.read(repo, commit, path))
        title = data["title"]
        paras = [" ".join(sentences) for sentences in data["body-paragraphs"]]
    elif kind == "html":
        html = decode(mirrors.read(repo, commit, path), ex.get("encoding"))
        root = htmltext.parse(html)
        if ex.get("remove"):
            htmltext.remove(root, ex["remove"])
        paras = [htmltext.text(n) for n in htmltext.select(root, ex["body"])]
    else:
        raise SystemExit(f"{article['id']}: unknown extract kind {kind!r}")
    if ex.get("title", "").startswith("json:"):
        data = json.loads(mirrors.read(repo, commit, ex.get("title_path", path)))
        title = data[ex["title"][len("json:") :]]
    elif ex.get("title"):
        raw = mirrors.read(repo, commit, ex.get("title_path", path))
        title = _html_title(decode(raw, ex.get("encoding")), ex["title"])
    if ex.get("title_cut"):
        title = re.sub(ex["title_cut"], "", title)
    paras = [clean(p) for p in paras]
    paras = [p for p in paras if p]
    drop = {i if i > 0 else len(paras) + 1 + i for i in ex.get("drop", [])}
    pattern = re.compile(ex["drop_match"]) if ex.get("drop_match") else None
    paras = [
        p for i, p in enumerate(paras, 1) if i not in drop and not (pattern and pattern.search(p))
    ]
    return clean(title), paras


def render(title: str, paras: list[str]) -> str:
    """The plain-text file: headline, blank line, paragraphs separated by blank lines."""
    return "\n\n".join([title, *paras]) + "\n"


def words(text: str) -> int:
    """Words as bench/review.py counts them (whitespace-separated tokens, headline included)."""
    return len(text.split())


def plant(text: str, p: dict) -> tuple[str, int]:
    """The story with one planted edit, and the 1-based line where the edit lands."""
    old, new = p["old"], p["new"]
    if "\n" in old or "\n" in new:
        raise SystemExit(f"{p['id']}: an edit stays inside one paragraph")
    count = text.count(old)
    if count != 1:
        raise SystemExit(f"{p['id']}: the old string occurs {count} times in {p['article']}")
    at = text.index(old)
    return text[:at] + new + text[at + len(old) :], text.count("\n", 0, at) + 1


def build(mirrors: Mirrors, only: set[str] | None = None) -> dict[str, str]:
    """Every output file's relative path and text."""
    out: dict[str, str] = {}
    clean_texts: dict[str, str] = {}
    for a in load(HERE / "articles.yml", "articles"):
        if only and a["id"] not in only:
            continue
        title, paras = extract(a, mirrors)
        text = render(title, paras)
        if title != a["title"]:
            raise SystemExit(f"{a['id']}: headline {title!r} is not the recorded {a['title']!r}")
        clean_texts[a["id"]] = text
        out[f"articles/{a['id']}.txt"] = text
    for p in load(HERE / "plants.yml", "plants"):
        if p["article"] not in clean_texts:
            continue
        text, line = plant(clean_texts[p["article"]], p)
        if line != p["line"]:
            raise SystemExit(f"{p['id']}: the edit is on line {line}, not {p['line']}")
        out[f"plants/{p['id']}.txt"] = text
    return out


def main(argv: list[str] | None = None) -> int:
    """Rebuild (or, with --check, verify) the review set's texts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", action="append", required=True, help="folder of fetched repos")
    ap.add_argument("--out", required=True, help="where articles/ and plants/ go")
    ap.add_argument("--only", nargs="*", help="only these article ids")
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    args = ap.parse_args(argv)
    mirrors = Mirrors([Path(m) for m in args.mirrors])
    only = set(args.only) if args.only else None
    files = build(mirrors, only)
    recorded = {a["id"]: a.get("words") for a in load(HERE / "articles.yml", "articles")}
    bad = 0
    for rel, text in sorted(files.items()):
        target = Path(args.out) / rel
        if rel.startswith("articles/"):
            art = rel[len("articles/") : -len(".txt")]
            if recorded.get(art) not in (None, words(text)):
                print(f"{rel}: {words(text)} words, {recorded[art]} recorded")
                bad += 1
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{rel}: differs from the rebuilt text")
                bad += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    n_art = sum(r.startswith("articles/") for r in files)
    verb = "checked" if args.check else "wrote"
    print(f"{verb} {n_art} articles and {len(files) - n_art} planted variants in {args.out}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
