"""``newslint sources``: who is speaking in each draft (CONTRACT.md, "Source audit")."""

from __future__ import annotations

import json
import sys

from newslint.document import Document

# The kinds that count as a named source in the summary.
NAMED = ("named-person", "named-organisation")


def _span(doc: Document, span) -> dict | None:
    if span is None:
        return None
    line, col, end_line, end_col = doc.locate(*span)
    return {"line": line, "column": col, "end_line": end_line, "end_column": end_col}


def _texted(doc: Document, span) -> dict | None:
    where = _span(doc, span)
    if where is None:
        return None
    return {"text": " ".join(doc.text[span[0] : span[1]].split()), **where}


def audit(doc: Document) -> dict:
    """One file's entry of the source-audit JSON."""
    from newslint.checks.attribution import attributions

    entries = []
    counts = {"attributions": 0, "named": 0, "anonymous": 0, "vague": 0, "pronoun": 0, "none": 0}
    for a in attributions(doc):
        entry = {
            "source": _texted(doc, a.source),
            "cue": _texted(doc, a.cue),
            "content": _span(doc, a.content),
            "quote": a.quote,
            "kind": a.kind,
        }
        if a.kind == "pronoun":
            entry["resolved"] = _texted(doc, a.resolved)
        entries.append(entry)
        counts["attributions"] += 1
        if a.kind in NAMED or (a.kind == "pronoun" and a.resolved is not None):
            counts["named"] += 1
        elif a.kind in counts:
            counts[a.kind] += 1
    return {"path": doc.path, "attributions": entries, "summary": counts}


def _text_report(entry: dict) -> str:
    lines = [entry["path"]]
    for a in entry["attributions"]:
        at = a["cue"] or a["source"] or a["content"]
        where = f"{at['line']}:{at['column']}" if at else "?"
        source = a["source"]["text"] if a["source"] else "(nobody)"
        if a.get("resolved"):
            source += f" (= {a['resolved']['text']})"
        cue = a["cue"]["text"] if a["cue"] else "(continues)"
        form = "quote" if a["quote"] else "paraphrase"
        lines.append(f"  {where:>8}  {a['kind']:<18}  {source}  {cue}  [{form}]")
    s = entry["summary"]
    total = s["attributions"]
    share = f"{100 * s['named'] / total:.0f}% named" if total else "no attributions"
    lines.append(
        f"  {total} attributions: {s['named']} named, {s['anonymous']} anonymous, "
        f"{s['vague']} vague, {s['pronoun']} unresolved pronoun, {s['none']} none; {share}"
    )
    return "\n".join(lines) + "\n"


def run_sources(paths: list[str], fmt: str) -> int:
    """The ``newslint sources`` command; exit code 2 if any file could not be read."""
    from newslint.api import discover
    from newslint.config import ConfigError, ConfigFinder
    from newslint.readers import InputError, load

    errors: list[str] = []
    files = []
    try:
        items = discover(paths, ConfigFinder(), errors)
    except ConfigError as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return 2
    for path, display, _config in items:
        try:
            files.append(audit(load(path, display)))
        except InputError as exc:
            errors.append(f"{display}: {exc}")
    if fmt == "json":
        sys.stdout.write(json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(_text_report(f) for f in files))
    for message in errors:
        print(f"newslint: {message}", file=sys.stderr)
    return 2 if errors else 0
