"""``newslint sources``: who is speaking in each draft (CONTRACT.md, "Source audit")."""

from __future__ import annotations

import json
import sys

from newslint.document import Document


def _place(doc: Document, part: dict | None) -> dict | None:
    """A span-based part of the audit with its source line and columns instead."""
    if part is None:
        return None
    line, col, end_line, end_col = doc.locate(*part["span"])
    out = {"text": " ".join(part["text"].split())} if "text" in part else {}
    out.update({"line": line, "column": col, "end_line": end_line, "end_column": end_col})
    return out


def audit(doc: Document) -> dict:
    """One file's entry of the source-audit JSON, with source positions."""
    from newslint.checks.sourcing import audit as audit_spans

    entry = audit_spans(doc)
    unresolved = 0
    for a in entry["attributions"]:
        for key in ("source", "cue", "content", "resolved"):
            if key in a:
                a[key] = _place(doc, a[key])
        if a["kind"] == "pronoun" and not a.get("resolved"):
            unresolved += 1
    entry["summary"]["pronoun"] = unresolved
    return entry


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
