"""The source audit (``newslint sources``): who is speaking in each draft, as the
attribution analysis reads it, with positions in the source file."""

from __future__ import annotations

import json

from newslint.attribution import UNKNOWN, attributions
from newslint.attribution.people import speakers
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
    people: dict[tuple[str, str], dict] = {}
    for a, who in zip(attributions(doc), speakers(doc), strict=True):
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
        entry["speaker"] = (
            {"name": who.name, "type": who.type, "gender": who.gender} if who else None
        )
        entries.append(entry)
        counts["attributions"] += 1
        kind = a.kind
        if kind == "pronoun" and a.resolved:
            kind = a.resolved_kind or "named-person"
        if kind.startswith("named"):
            counts["named"] += 1
        elif kind in ("anonymous", "vague", "none"):
            counts[kind] += 1
        if who is not None:
            one = people.setdefault(
                (who.type, who.name.lower()),
                {
                    "name": who.name,
                    "type": who.type,
                    "gender": who.gender,
                    "attributions": 0,
                    "quotes": 0,
                },
            )
            one["attributions"] += 1
            one["quotes"] += a.quote
    summary: dict = dict(counts)
    summary.update(_who(people.values()))
    return {"path": doc.path, "attributions": entries, "summary": summary}


def _who(found) -> dict:
    """The people and organisations a story cites, most cited first, and the gender
    balance of its people (as newsrooms track it: people, by what the text says)."""
    ranked = sorted(found, key=lambda p: (-p["attributions"], -p["quotes"], p["name"]))
    persons = [
        {k: p[k] for k in ("name", "gender", "attributions", "quotes")}
        for p in ranked
        if p["type"] == "person"
    ]
    organisations = [
        {k: p[k] for k in ("name", "attributions", "quotes")}
        for p in ranked
        if p["type"] == "organisation"
    ]
    gender = {"female": 0, "male": 0, "unknown": 0}
    for p in persons:
        gender[p["gender"] or "unknown"] += 1
    return {"people": persons, "organisations": organisations, "gender": gender}


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


def shares(s: dict) -> dict:
    """The share of named, anonymous and vague sources among the attributions that have
    a source (unresolved pronouns count in the whole, in none of the three)."""
    sourced = s["attributions"] - s["none"]
    return {
        k: round(s[k] / sourced, 3) if sourced else 0.0 for k in ("named", "anonymous", "vague")
    }


def desk(files: list[dict], top: int = 10) -> dict:
    """The desk summary over many stories (``newslint sources --summary``): the counts
    and shares of all their attributions, the most cited people and organisations, and
    the gender balance of quoted people, each person counted once per story as the
    BBC's 50:50 project and the Gender Gap Tracker count contributors."""
    totals = {k: 0 for k in ("attributions", "named", "anonymous", "vague", "none", "pronoun")}
    cited: dict[tuple[str, str], dict] = {}
    gender = {"female": 0, "male": 0, "unknown": 0}
    for f in files:
        s = f["summary"]
        for k in totals:
            totals[k] += s.get(k, 0)
        for g in gender:
            gender[g] += s["gender"][g]
        for typ, key in (("person", "people"), ("organisation", "organisations")):
            for p in s[key]:
                one = cited.setdefault(
                    (typ, p["name"].lower()),
                    {"name": p["name"], "stories": 0, "attributions": 0, "quotes": 0},
                )
                one["stories"] += 1
                one["attributions"] += p["attributions"]
                one["quotes"] += p["quotes"]

    def most(typ: str) -> list[dict]:
        found = [v for (t, _n), v in cited.items() if t == typ]
        found.sort(key=lambda p: (-p["attributions"], -p["stories"], p["name"]))
        return found[:top]

    known = gender["female"] + gender["male"]
    return {
        "stories": len(files),
        **totals,
        "shares": shares(totals),
        "people": most("person"),
        "organisations": most("organisation"),
        "gender": gender,
        "women_share": round(gender["female"] / known, 3) if known else None,
    }


def _summary_text(files: list[dict]) -> str:
    from newslint.report.text_format import printable

    lines = []
    for f in files:
        s = f["summary"]
        sh = shares(s)
        g = s["gender"]
        lines.append(
            f"{printable(f['path'])}: {s['attributions']} attributions; sources "
            f"{_pct(sh['named'])} named, {_pct(sh['anonymous'])} anonymous, "
            f"{_pct(sh['vague'])} vague; people quoted {len(s['people'])} "
            f"(women {g['female']}, men {g['male']}, not given {g['unknown']})"
        )
    d = desk(files)
    sh, g = d["shares"], d["gender"]
    lines += [
        "",
        f"Desk: {d['stories']} stories, {d['attributions']} attributions",
        f"  sources: {_pct(sh['named'])} named, {_pct(sh['anonymous'])} anonymous, "
        f"{_pct(sh['vague'])} vague; {d['pronoun']} unresolved pronoun, {d['none']} none",
        f"  people quoted (once a story): women {g['female']}, men {g['male']}, "
        f"not given {g['unknown']}"
        + (
            f"; women {_pct(d['women_share'])} of those the text gives a gender"
            if d["women_share"] is not None
            else ""
        ),
        "  most cited people: " + _ranked(d["people"]),
        "  most cited organisations: " + _ranked(d["organisations"]),
    ]
    return "\n".join(printable(x) for x in lines) + "\n"


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _ranked(found: list[dict]) -> str:
    if not found:
        return "none"
    return ", ".join(
        f"{p['name']} {p['attributions']}"
        + (f" in {p['stories']} stories" if p["stories"] > 1 else "")
        for p in found
    )


def render(files: list[dict], fmt: str, summary: bool = False) -> str:
    """The ``newslint sources`` report: JSON (docs/formats.md's source-audit format) or
    text; with ``summary``, the desk summary over all the files as well (JSON: ``desk``)
    or instead of the listings (text)."""
    if fmt == "json":
        out: dict = {"version": 1, "files": files}
        if summary:
            out["desk"] = desk(files)
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    if summary:
        return _summary_text(files)
    return "\n".join(_text_report(f) for f in files)
