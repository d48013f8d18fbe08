"""``--format html``: one self-contained page for editors.

Each checked draft is shown as its source text with line numbers and every
finding marked in place, coloured by rule family. The message and suggestion
show on hover and on keyboard focus; ``n``/``j`` and ``p``/``k`` move between
findings. Everything (CSS, script) is inline: the page works offline, opened
from a file or attached to an email.

The CLI passes ``documents``: ``(display path, source text, source audit or
None)`` for each draft; findings whose file has no text (standard input) are
listed without it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from html import escape

from newslint import __version__

FAMILIES = ("spelling", "sourcing", "names", "style", "typography", "proselint", "grammar")
_LINE_END = re.compile(r"\r\n|\n|\r")  # the same line breaks the Document counts
SourceDoc = tuple[str, str, "dict | None"]


def family(rule: str) -> str:
    """The colour family of a rule id: its group, or ``other``."""
    group = rule.split(".", 1)[0]
    return group if group in FAMILIES else "other"


# -- placing findings in the source ---------------------------------------------------


def _lines(source: str) -> tuple[list[int], list[str]]:
    """Start offsets and texts (without line breaks) of the source lines."""
    starts, texts, pos = [], [], 0
    for m in _LINE_END.finditer(source):
        starts.append(pos)
        texts.append(source[pos : m.start()])
        pos = m.end()
    starts.append(pos)
    texts.append(source[pos:])
    return starts, texts


def _offset(starts: list[int], texts: list[str], line: int, column: int) -> int:
    """Source offset of a 1-based line and code-point column, clamped to the line."""
    k = min(max(line, 1), len(texts)) - 1
    return starts[k] + min(max(column - 1, 0), len(texts[k]))


def _marked_lines(source: str, spans: list[tuple[int, int, int, str]]) -> list[str]:
    """HTML of each source line with findings wrapped in ``<mark>`` elements.

    ``spans`` are ``(start, end, index, classes)``. Overlapping findings nest; a
    finding crossing the end of another (or a line end) is closed and reopened,
    and only its first piece is focusable and carries its id.
    """
    starts, texts = _lines(source)
    order = {s[2]: (s[0], -s[1], s[2]) for s in spans}  # outer findings first
    by_start: dict[int, list] = {}
    empty: dict[int, list] = {}
    for span in spans:
        (empty if span[1] <= span[0] else by_start).setdefault(span[0], []).append(span)
    opened: set[int] = set()
    classes = {s[2]: s[3] for s in spans}

    def open_tag(i: int) -> str:
        if i in opened:
            return f'<mark class="{classes[i]}" data-f="{i}">'
        opened.add(i)
        return (
            f'<mark class="{classes[i]}" data-f="{i}" id="f{i}" tabindex="0" '
            f'aria-describedby="d{i}">'
        )

    # Every offset where the set of covering findings can change.
    cuts = sorted({s[0] for s in spans} | {s[1] for s in spans})
    active: dict[int, int] = {}  # finding index -> end offset
    out: list[str] = []
    for k, text in enumerate(texts):
        lo, hi = starts[k], starts[k] + len(text)
        # Findings starting on an earlier line that still cover this one stay active;
        # the ones starting on this line join at their offset.
        inner = cuts[bisect_right(cuts, lo) : bisect_left(cuts, hi)]
        points = [lo, *inner, hi] if hi > lo else [lo]
        parts: list[str] = []
        stack: list[int] = []
        for a, b in zip(points, [*points[1:], None], strict=True):
            for span in by_start.get(a, ()):
                active[span[2]] = span[1]
            for i in [i for i, end in active.items() if end <= a]:
                del active[i]
            want = sorted(active, key=order.__getitem__)
            same = 0
            while same < min(len(want), len(stack)) and want[same] == stack[same]:
                same += 1
            parts.append("</mark>" * (len(stack) - same))
            parts.extend(open_tag(i) for i in want[same:])
            stack = want
            for span in empty.get(a, ()):
                parts.append(open_tag(span[2]).replace('class="', 'class="empty ', 1) + "</mark>")
            if b is not None:
                parts.append(escape(source[a:b], quote=False))
        parts.append("</mark>" * len(stack))
        out.append("".join(parts))
    return out


# -- the page -------------------------------------------------------------------------


def _chips(counts: Counter, names: Sequence[str], prefix: str) -> str:
    return " ".join(
        f'<span class="chip {prefix}{escape(n)}">{escape(n)} <b>{counts[n]}</b></span>'
        for n in names
        if counts[n]
    )


def _audit_html(entry: dict | None) -> str:
    if not entry:
        return ""
    s = entry.get("summary", {})
    total = s.get("attributions", 0)
    kinds = ("named", "anonymous", "vague", "pronoun", "none")
    labels = {"pronoun": "unresolved pronoun"}
    if not total:
        return (
            '<div class="audit"><h3>Sources</h3><p class="muted">No attributions found.</p></div>'
        )
    bar = "".join(
        f'<span class="seg src-{k}" style="width:{100 * s.get(k, 0) / total:.2f}%"></span>'
        for k in kinds
        if s.get(k, 0)
    )
    rows = "".join(
        f'<li><span class="dot src-{k}"></span>{escape(labels.get(k, k))} <b>{s.get(k, 0)}</b></li>'
        for k in kinds
    )
    share = 100 * s.get("named", 0) / total
    return (
        f'<div class="audit"><h3>Sources</h3><p>{total} attribution{"s" if total != 1 else ""}, '
        f"<b>{share:.0f}%</b> named</p>"
        f'<div class="bar" role="img" aria-label="{share:.0f}% of attributions named">{bar}</div>'
        f'<ul class="kinds">{rows}</ul>{_who_html(s)}</div>'
    )


_GENDERS = (("female", "women"), ("male", "men"), ("unknown", "not given"))


def _gender_bar(g: dict) -> str:
    """The gender balance of quoted people as a bar, women / men / not given."""
    total = sum(g.get(k, 0) for k, _label in _GENDERS)
    if not total:
        return ""
    segs = "".join(
        f'<span class="seg g-{k}" style="width:{100 * g.get(k, 0) / total:.2f}%"></span>'
        for k, _label in _GENDERS
        if g.get(k, 0)
    )
    said = ", ".join(f"{label} {g.get(k, 0)}" for k, label in _GENDERS)
    keys = "".join(
        f'<li><span class="dot g-{k}"></span>{label} <b>{g.get(k, 0)}</b></li>'
        for k, label in _GENDERS
    )
    return (
        f'<div class="bar" role="img" aria-label="People quoted: {said}">{segs}</div>'
        f'<ul class="kinds">{keys}</ul>'
    )


def _ranking(found: list[dict], limit: int = 5) -> str:
    """The most cited names as horizontal bars, longest first."""
    found = found[:limit]
    if not found:
        return ""
    top = max(p["attributions"] for p in found) or 1
    rows = "".join(
        f'<li><span class="name">{escape(p["name"])}'
        f"{' <i>(' + escape(_GLYPH[p['gender']]) + ')</i>' if p.get('gender') else ''}</span>"
        f'<span class="rank"><span class="fill" style="width:{100 * p["attributions"] / top:.1f}%">'
        f"</span></span><b>{p['attributions']}</b></li>"
        for p in found
    )
    return f'<ol class="ranking">{rows}</ol>'


_GLYPH = {"female": "woman", "male": "man"}


def _who_html(s: dict) -> str:
    """Who the draft quotes: its most cited people and organisations, and the gender
    balance of the people where the text gives it."""
    people, orgs = s.get("people") or [], s.get("organisations") or []
    if not people and not orgs:
        return ""
    out = ""
    if people:
        out += "<h3>People quoted</h3>" + _gender_bar(s.get("gender", {})) + _ranking(people)
    if orgs:
        out += "<h3>Organisations cited</h3>" + _ranking(orgs)
    return out


def _desk_html(entries: list[dict]) -> str:
    """Across all the drafts: the shares of named, anonymous and vague sources, the
    gender balance of quoted people and the most cited names (``newslint sources
    --summary`` as a chart)."""
    if len(entries) < 2:
        return ""  # one draft: its own box says it all
    from newslint.audit import desk

    d = desk(entries)
    if not d["attributions"]:
        return ""
    sh = d["shares"]
    kinds = (("named", "named"), ("anonymous", "anonymous"), ("vague", "vague"))
    bar = "".join(
        f'<span class="seg src-{k}" style="width:{100 * sh[k]:.2f}%"></span>'
        for k, _label in kinds
        if sh[k]
    )
    said = ", ".join(f"{100 * sh[k]:.0f}% {label}" for k, label in kinds)
    women = (
        f"; women {100 * d['women_share']:.0f}% of the people whose gender the text gives"
        if d["women_share"] is not None
        else ""
    )
    return (
        f'<section class="desk"><h3>Sources across {d["stories"]} draft'
        f'{"s" if d["stories"] != 1 else ""}</h3><div class="cols"><div>'
        f"<p>{d['attributions']} attributions: {said}</p>"
        f'<div class="bar" role="img" aria-label="Sources: {said}">{bar}</div>'
        f"<p>People quoted, once a draft{women}</p>{_gender_bar(d['gender'])}</div>"
        f"<div><p>Most cited people</p>{_ranking(d['people'])}</div>"
        f"<div><p>Most cited organisations</p>{_ranking(d['organisations'])}</div>"
        "</div></section>"
    )


def _finding_item(i: int, f, linked: bool) -> str:
    where = f"{f.line}:{f.column}"
    where = f'<a href="#f{i}" data-go="{i}">{where}</a>' if linked else where
    suggestion = (
        f'<span class="sug">&rarr; {", ".join(escape(s) for s in f.suggestions[:3])}</span>'
        if f.suggestions
        else ""
    )
    return (
        f'<li id="d{i}" class="fam-{family(f.rule)}"><span class="where">{where}</span> '
        f'<code class="rule">{escape(f.rule)}</code> <span class="sev sev-{f.severity}">'
        f'{escape(f.severity)}</span> <span class="msg">{escape(f.message)}</span>{suggestion}</li>'
    )


def _file_section(
    n: int, path: str, source: str | None, entry: dict | None, findings: list, first: int
) -> str:
    fams = Counter(family(f.rule) for f in findings)
    sevs = Counter(f.severity for f in findings)
    head = (
        f'<summary><h2>{escape(path)}</h2> <span class="count">{len(findings)} finding'
        f"{'s' if len(findings) != 1 else ''}</span> "
        f"{_chips(fams, (*FAMILIES, 'other'), 'fam-')}</summary>"
    )
    body = ""
    if source is not None:
        starts, texts = _lines(source)
        spans = []
        for i, f in enumerate(findings, first):
            s = _offset(starts, texts, f.line, f.column)
            e = max(_offset(starts, texts, f.end_line, f.end_column), s)
            classes = f"f fam-{family(f.rule)} sev-{f.severity}"
            spans.append((s, e, i, classes))
        lines = _marked_lines(source, spans)
        if len(lines) > 1 and not lines[-1] and _LINE_END.search(source[-2:]):
            lines.pop()  # the break ending the last line starts no line of its own
        width = len(str(len(lines)))
        body = "".join(
            f'<div class="l"><span class="n" aria-hidden="true">{k:>{width}}</span>'
            f'<span class="t">{html}</span></div>'
            for k, html in enumerate(lines, 1)
        )
        body = f'<div class="src" lang="en">{body}</div>'
    else:
        body = '<p class="muted src">The text of this draft is not available (standard input).</p>'
    items = "".join(_finding_item(i, f, source is not None) for i, f in enumerate(findings, first))
    listing = f'<ol class="findings">{items}</ol>' if items else '<p class="muted">No findings.</p>'
    severities = _chips(sevs, ("error", "warning", "info"), "sev-")
    aside = (
        f'<aside><div class="summary"><h3>Findings</h3><p>{severities or "none"}</p></div>'
        f"{_audit_html(entry)}<h3>In order</h3>{listing}</aside>"
    )
    opened = " open" if findings else ""
    return (
        f'<section class="file" id="file{n}"><details{opened}>{head}'
        f'<div class="grid">{body}{aside}</div></details></section>'
    )


def render(findings, documents: Sequence[SourceDoc] = (), **_) -> str:
    """The whole page: a header with totals, then one section per draft."""
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    sections, first, seen = [], 0, set()
    files = [(p, s, a) for p, s, a in documents]
    files += [(p, None, None) for p in by_path if p not in {d[0] for d in documents}]
    for n, (path, source, entry) in enumerate(files):
        if path in seen:
            continue
        seen.add(path)
        mine = sorted(by_path.get(path, []), key=lambda f: f.sort_key())
        sections.append(_file_section(n, path, source, entry, mine, first))
        first += len(mine)
    fams = Counter(family(f.rule) for f in findings)
    legend = " ".join(
        f'<span class="chip fam-{n}">{n}{f" <b>{fams[n]}</b>" if fams[n] else ""}</span>'
        for n in FAMILIES
    )
    total = len(findings)
    header = (
        f'<header><h1>newslint report</h1><p class="totals">{len(seen)} file'
        f"{'s' if len(seen) != 1 else ''}, {total} finding{'s' if total != 1 else ''}</p>"
        f'<p class="legend">{legend}</p><p class="keys">'
        "<kbd>n</kbd>/<kbd>j</kbd> next finding &middot; <kbd>p</kbd>/<kbd>k</kbd> previous "
        "&middot; <kbd>Esc</kbd> hide the note &middot; <kbd>Tab</kbd> also moves between "
        "findings</p></header>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="newslint {escape(__version__)}">'
        f"<title>newslint report</title><style>{_CSS}</style></head><body>"
        f"{header}<main>{_desk_html([a for _p, _s, a in files if a])}{''.join(sections)}</main>"
        '<div id="tip" role="tooltip" hidden></div>'
        f"<script>{_JS}</script></body></html>\n"
    )


_COLOURS = {
    "spelling": "#d62728",
    "sourcing": "#e8710a",
    "names": "#8e44ad",
    "style": "#1f6fc5",
    "typography": "#0f9ba8",
    "proselint": "#2e9c3a",
    "grammar": "#d6338a",
    "other": "#6b7280",
}

_CSS = (
    ":root{--bg:#fbfaf7;--fg:#1d1d1f;--muted:#6b6b70;--line:#e4e1da;"
    + "".join(f"--{k}:{v};" for k, v in _COLOURS.items())
    + "}"
    + "".join(
        f".fam-{k}{{--c:var(--{k})}}mark.fam-{k}{{background:{v}2e}}" for k, v in _COLOURS.items()
    )
    + """
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{padding:18px 28px 10px;border-bottom:1px solid var(--line);background:#fff}
h1{font-size:20px;margin:0 0 2px}
h2{display:inline;font-size:16px;margin:0;font-family:ui-monospace,Menlo,Consolas,monospace}
h3{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:14px 0 6px}
header p{margin:4px 0}
.totals{color:var(--muted)}
kbd{font:12px ui-monospace,monospace;border:1px solid #ccc;border-bottom-width:2px;border-radius:4px;padding:0 4px;background:#fff}
.keys{font-size:13px;color:var(--muted)}
main{padding:12px 28px 60px}
.file{margin:14px 0;background:#fff;border:1px solid var(--line);border-radius:8px}
summary{padding:10px 14px;cursor:pointer;border-bottom:1px solid var(--line)}
summary .count{color:var(--muted);margin:0 8px}
.chip{display:inline-block;font-size:12px;padding:1px 8px;margin:2px 2px;border-radius:10px;border:1px solid var(--c,#999);color:var(--c,#333);background:#fff}
.chip.sev-error{--c:#b00020}.chip.sev-warning{--c:#a15c00}.chip.sev-info{--c:#356}
.grid{display:grid;grid-template-columns:minmax(0,1fr) 340px}
.src{padding:12px 0;font:15px/1.65 Georgia,"Iowan Old Style","Times New Roman",serif;border-right:1px solid var(--line)}
.l{display:flex;min-height:1.65em}
.n{flex:none;width:3.2em;padding-right:.9em;text-align:right;color:#aaa;font:12px/2.1 ui-monospace,monospace;user-select:none}
.t{flex:1;white-space:pre-wrap;overflow-wrap:anywhere;padding-right:16px}
mark{color:inherit;border-bottom:2px solid var(--c);border-radius:2px;padding:1px 0;cursor:help}
mark.sev-warning{border-bottom-style:dashed}mark.sev-info{border-bottom-style:dotted}
mark.empty::before{content:"\\2038";color:var(--c);font-weight:bold}
mark:focus{outline:none}mark:focus-visible{box-shadow:0 0 0 2px var(--c)}
mark.current{box-shadow:0 0 0 2px var(--c);border-radius:3px}
aside{padding:4px 14px 14px;font-size:13px;max-height:80vh;overflow:auto;position:sticky;top:0;align-self:start}
aside p{margin:4px 0}
.bar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#eee;margin:6px 0}
.seg{display:block;height:100%}
.src-named{background:#2e9c3a}.src-anonymous{background:#e0b000}.src-vague{background:#e8710a}.src-pronoun{background:#9aa0a6}.src-none{background:#d62728}
.kinds{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:2px 12px}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}
.g-female{background:#7b3fb5}.g-male{background:#1f6fc5}.g-unknown{background:#c7c9cc}
.ranking{list-style:none;padding:0;margin:4px 0}
.ranking li{display:grid;grid-template-columns:minmax(0,1fr) 90px 2.5em;gap:6px;align-items:center;margin:2px 0}
.ranking .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ranking .rank{height:8px;background:#eee;border-radius:4px;overflow:hidden}
.ranking .fill{display:block;height:100%;background:var(--sourcing)}
.ranking b{text-align:right}
.desk{margin:14px 0;padding:4px 16px 12px;background:#fff;border:1px solid var(--line);border-radius:8px;font-size:13px}
.desk .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:8px 24px}
.findings{padding-left:0;list-style:none;margin:0}
.findings li{border-left:3px solid var(--c);padding:3px 0 3px 8px;margin:0 0 6px}
.findings li.current{background:#f4f1ea}
.findings a{color:inherit}
.where{font:12px ui-monospace,monospace;color:var(--muted)}
.rule{font-size:11.5px;color:var(--c)}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.sev-error.sev{color:#b00020}
.msg{display:block}
.sug{display:block;color:#14662a;font-weight:600}
.muted{color:var(--muted);padding:12px 16px}
#tip{position:absolute;z-index:10;max-width:420px;background:#222;color:#fff;font-size:13px;line-height:1.4;padding:8px 10px;border-radius:6px;box-shadow:0 4px 14px #0004}
#tip .item{border-left:3px solid var(--c);padding-left:8px;margin:3px 0}
#tip a{color:#9cc8ff}#tip .rule{color:#fff;opacity:.8}#tip .where,#tip .sev{color:#ccc}#tip .sug{color:#9be7a8}
@media (max-width:900px){.grid{grid-template-columns:1fr}.src{border-right:0}aside{position:static;max-height:none}}
@media print{#tip{display:none}aside{max-height:none;position:static}}
"""
)

# Hover and focus show the notes of every finding covering the point; n/j and p/k
# walk the findings in page order.
_JS = r"""
(function(){
var tip=document.getElementById('tip');
var marks=Array.prototype.slice.call(document.querySelectorAll('mark[tabindex]'));
var cur=-1;
function covering(el){var out=[];for(var m=el.closest('mark');m;m=m.parentElement.closest('mark')){if(out.indexOf(m.dataset.f)<0)out.unshift(m.dataset.f);}return out;}
function show(el){var ids=covering(el);if(!ids.length){hide();return;}
 tip.textContent='';ids.forEach(function(i){var d=document.getElementById('d'+i);if(!d)return;
  var c=document.createElement('div');c.className='item '+d.className.replace(' current','');c.innerHTML=d.innerHTML;tip.appendChild(c);});
 tip.hidden=false;var r=el.getClientRects()[0]||el.getBoundingClientRect();
 var x=Math.max(8,Math.min(r.left,document.documentElement.clientWidth-tip.offsetWidth-8));
 var y=r.bottom+6;if(y+tip.offsetHeight>window.innerHeight&&r.top>tip.offsetHeight+6)y=r.top-tip.offsetHeight-6;
 tip.style.left=(x+window.scrollX)+'px';tip.style.top=(y+window.scrollY)+'px';}
function hide(){tip.hidden=true;}
function current(i){Array.prototype.forEach.call(document.querySelectorAll('.current'),function(m){m.classList.remove('current');});
 if(i==null)return;var d=document.getElementById('d'+i);if(d)d.classList.add('current');
 Array.prototype.forEach.call(document.querySelectorAll('mark[data-f="'+i+'"]'),function(m){m.classList.add('current');});}
function jump(m){cur=marks.indexOf(m);var d=m.closest('details');if(d&&!d.open)d.open=true;
 m.focus({preventScroll:true});var r=m.getBoundingClientRect();
 if(r.top<0||r.bottom>window.innerHeight)m.scrollIntoView({block:'center'});show(m);}
function go(step){if(!marks.length)return;jump(marks[cur<0?(step>0?0:marks.length-1):(cur+step+marks.length)%marks.length]);}
document.addEventListener('mouseover',function(e){var m=e.target.closest&&e.target.closest('mark');if(m)show(e.target);else if(!tip.contains(e.target)&&document.activeElement.tagName!=='MARK')hide();});
document.addEventListener('focusin',function(e){var i=marks.indexOf(e.target);if(i>=0){cur=i;current(e.target.dataset.f);show(e.target);}else{current(null);hide();}});
document.addEventListener('keydown',function(e){if(e.ctrlKey||e.metaKey||e.altKey)return;
 var t=e.target.tagName;if(t==='INPUT'||t==='TEXTAREA'||e.target.isContentEditable)return;
 if(e.key==='n'||e.key==='j'){e.preventDefault();go(1);}else if(e.key==='p'||e.key==='k'){e.preventDefault();go(-1);}
 else if(e.key==='Escape')hide();});
document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[data-go]');if(!a)return;
 var m=document.getElementById('f'+a.dataset.go);if(m){e.preventDefault();jump(m);}});
var h=/^#(?:f|finding-)(\d+)$/.exec(location.hash),m=h&&document.getElementById('f'+h[1]);if(m)jump(m);
})();
"""
