"""Rule documentation generated from the rules themselves (why, example, use_instead)."""

from __future__ import annotations


def _default(rule) -> str:
    """On or off by default; a rule that needs a configuration table is off until it has
    one (grammar.* until [languagetool])."""
    requires = rule.options.get("requires") or []
    if rule.default and requires:
        return "off until " + ", ".join(f"[{t}]" for t in requires) + " is configured"
    return "on" if rule.default else "off"


def explain_text(rule) -> str:
    default = _default(rule)
    default = f"{default} by default" if default in ("on", "off") else default
    parts = [f"{rule.id} ({rule.level}, {default})", ""]
    if rule.summary:
        parts += [rule.summary, ""]
    if rule.why:
        parts += ["Why:", f"  {rule.why.strip()}", ""]
    if rule.example:
        parts += ["Flagged:", f"  {rule.example.strip()}", ""]
    if rule.use_instead:
        parts += ["Write instead:", f"  {rule.use_instead.strip()}", ""]
    if rule.source:
        parts += ["Source:", f"  {rule.source.strip()}", ""]
    return "\n".join(parts)


def rules_markdown(rules) -> str:
    """The README's rules reference: a table, then each rule's explanation."""
    out = ["| rule | level | default | what it flags |", "|---|---|---|---|"]
    for r in rules:
        out.append(f"| `{r.id}` | {r.level} | {_default(r)} | {r.summary} |")
    out.append("")
    for r in rules:
        out.append(f"#### `{r.id}`")
        out.append("")
        if r.why:
            out.append(r.why.strip())
            out.append("")
        if r.example:
            out.append(f"- Flagged: {r.example.strip()}")
        if r.use_instead:
            out.append(f"- Instead: {r.use_instead.strip()}")
        if r.source:
            out.append(f"- Source: {r.source.strip()}")
        out.append("")
    return "\n".join(out)
