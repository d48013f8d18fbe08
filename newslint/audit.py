"""The source audit (``newslint sources``): who is speaking in each draft, as the
attribution analysis reads it, with positions in the source file."""

from __future__ import annotations

import json

from newslint.attribution import UNKNOWN, attributions
from newslint.document import Document


def audit_spans(doc: Document) -> dict:
    """One file entry of the source-audit JSON (docs/formats.md), spans as text offsets.

    Spans are ``(start, end)`` offsets into ``doc.text``; the CLI turns them into lines
    and columns with ``doc.locate``. A pronoun source carries ``resolved``: the named
    source it refers to, when the story makes it clear. Continued quotations (no cue of
    their own) carry ``cue: None`` and the earlier speaker's source.
    """
    text = doc.text
    entries = []
    counts = {"attributions": 0, "named": 0, "anonymous": 0, "vague": 0, "none": 0}
    for a in attributions(doc):
        if (a.cue and doc.in_quote(a.cue[0])) or a.kind == UNKNOWN:
            continue  # speech inside speech; a cue whose source was not found
        entry: dict = {
            "source": {"text": text[a.source[0] : a.source[1]], "span": a.source}
            if a.source
            else None,
            "cue": {"text": text[a.cue[0] : a.cue[1]], "span": a.cue} if a.cue else None,
            "content": {"span": a.content} if a.content else None,
            "quote": a.quote,
            "kind": a.kind,
        }
        if a.kind == "pronoun":
            entry["resolved"] = (
                {"text": text[a.resolved[0] : a.resolved[1]], "span": a.resolved}
                if a.resolved
                else None
            )
        entries.append(entry)
        counts["attributions"] += 1
        kind = a.kind
        if kind == "pronoun" and a.resolved:
            kind = "named-person"
        if kind.startswith("named"):
            counts["named"] += 1
        elif kind in ("anonymous", "vague", "none"):
            counts[kind] += 1
    return {"path": doc.path, "attributions": entries, "summary": counts}


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
    from newslint.report.text_format import printable

    lines = [printable(entry["path"])]
    for a in entry["attributions"]:
        at = a["cue"] or a["source"] or a["content"]
        where = f"{at['line']}:{at['column']}" if at else "?"
        source = a["source"]["text"] if a["source"] else "(nobody)"
        if a.get("resolved"):
            source += f" (= {a['resolved']['text']})"
        cue = a["cue"]["text"] if a["cue"] else "(continues)"
        form = "quote" if a["quote"] else "paraphrase"
        source, cue = printable(" ".join(source.split())), printable(cue)
        lines.append(f"  {where:>8}  {a['kind']:<18}  {source}  {cue}  [{form}]")
    s = entry["summary"]
    total = s["attributions"]
    share = f"{100 * s['named'] / total:.0f}% named" if total else "no attributions"
    lines.append(
        f"  {total} attributions: {s['named']} named, {s['anonymous']} anonymous, "
        f"{s['vague']} vague, {s['pronoun']} unresolved pronoun, {s['none']} none; {share}"
    )
    return "\n".join(lines) + "\n"


def render(files: list[dict], fmt: str) -> str:
    """The ``newslint sources`` report: JSON (docs/formats.md's source-audit format) or text."""
    if fmt == "json":
        return json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2) + "\n"
    return "\n".join(_text_report(f) for f in files)
