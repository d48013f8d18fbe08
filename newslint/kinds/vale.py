"""vale: a rule read from a Vale style (:mod:`newslint.vale`), run with Vale's semantics.

The options are the Vale rule's own keys (``extends``, ``tokens``, ``swap``, ...), plus
``units`` (where it runs, from Vale's scope), ``accepted`` (a vocabulary's accepted
entries, exceptions when ``vocab`` is on) and ``action`` (replace or remove, as
suggestions). Each extension point follows Vale's implementation (vale-cli/vale,
internal/check): matches are found in each unit's text (a block, a sentence, or the whole
document for ``summary``), tokens are regular expressions, word-bounded unless
``nonword``, case-sensitive unless ``ignorecase``; an exception suppresses a match that
contains it as a word. Patterns run with the same time budget as every user pattern
(newslint.kinds.base), so a pattern that backtracks badly names the rule instead of
hanging the run.
"""

from __future__ import annotations

import time

import regex

from newslint.document import Document
from newslint.finding import Hit
from newslint.kinds import base
from newslint.kinds.base import PatternTimeout
from newslint.spec import RuleError
from newslint.vale import SUPPORTED

OPTIONS = {
    "extends": "the Vale extension point",
    "tokens": "Vale: tokens (regular expressions)",
    "raw": "Vale: raw pattern pieces, concatenated",
    "append": "Vale: raw after tokens",
    "swap": "Vale: a mapping of pattern -> replacement",
    "either": "Vale: a mapping of one form -> the other",
    "ignorecase": "Vale: match without regard to case",
    "nonword": "Vale: no word boundaries around tokens",
    "exceptions": "Vale: matches to leave alone",
    "vocab": "Vale: take a vocabulary's accepted entries as exceptions",
    "capitalize": "Vale: capitalise a suggestion for a capitalised match",
    "token": "Vale: the pattern an occurrence rule counts",
    "max": "Vale: at most this many occurrences",
    "min": "Vale: at least this many occurrences",
    "alpha": "Vale: repeated tokens must be letters only",
    "first": "Vale: the pattern that needs second",
    "second": "Vale: the pattern that first needs",
    "match": "Vale: $title, $sentence, $lower, $upper or a pattern",
    "style": "Vale: AP or Chicago title case",
    "indicators": "Vale: word endings after which a word is left alone",
    "threshold": "Vale: the share of words that must conform",
    "prefix": "Vale: a prefix left alone",
    "limit": "Vale: at most this many findings per document",
    "action": "replace (params) or remove, as suggestions",
    "units": "where the rule runs (newslint's reading of Vale's scope)",
    "accepted": "a vocabulary's accepted entries",
    "vocabulary": "the accepted entries of the vocabulary this rule comes from",
    "name": "the Vale rule's id",
}
_UNIT_NAMES = {"text", "paragraph", "heading", "item", "blockquote", "cell", "alt", "title"}


def _go(pattern: str) -> str:
    """A Go (RE2/regexp2) pattern in the regex module's syntax."""
    return pattern.replace(r"\z", r"\Z")


def _compile(pattern: str, ignorecase: bool, spec, key: str):
    flags = regex.V0 | regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    try:
        return regex.compile(_go(pattern), flags)
    except (regex.error, TypeError) as exc:
        raise RuleError(f"{spec.where(key)}: Vale rule {spec.id}: bad pattern: {exc}") from None


def _word_list(spec, key: str) -> list[str]:
    value = spec.options.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise RuleError(f"{spec.where(key)}: Vale rule {spec.id}: '{key}' must be a list")
    return [str(v) for v in value]


def _mapping(spec, key: str) -> dict[str, str]:
    value = spec.options.get(key, {})
    if not isinstance(value, dict) or not value:
        raise RuleError(f"{spec.where(key)}: Vale rule {spec.id}: '{key}' must be a mapping")
    return {str(k): str(v) for k, v in value.items()}


def validate(spec) -> None:
    extends = spec.options.get("extends")
    if extends not in SUPPORTED:
        raise RuleError(f"{spec.where('extends')}: unknown Vale extension point {extends!r}")
    units = spec.options.get("units", ["text"])
    for unit in units:
        name = unit.lstrip("~")
        if name not in _UNIT_NAMES | {"sentence", "document"}:
            raise RuleError(f"{spec.where('scope')}: unknown unit {unit!r}")
    for key in ("limit", "max", "min"):
        if key in spec.options and not isinstance(spec.options[key], int):
            raise RuleError(f"{spec.where(key)}: Vale rule {spec.id}: '{key}' must be a number")
    _build(spec)  # compiles every pattern: a broken one is an error now


# -- building ---------------------------------------------------------------------------


def _exceptions(spec) -> tuple[object, object]:
    """Vale's exception regex (a match containing an exception as a word is left alone)
    and the regex of multi-word exceptions (a match inside one is left alone)."""
    terms = _word_list(spec, "exceptions")
    vocab = spec.options.get("vocab", True)
    if spec.options.get("extends") == "existence" and spec.options.get("nonword"):
        vocab = False  # Vale: vocabulary words are no exceptions to nonword rules
    if vocab:
        terms += [t for t in spec.options.get("accepted", []) if t not in terms]
    if not terms:
        return None, None
    terms = sorted(terms, key=len, reverse=True)
    parts = [f"(?i:{t[4:]})" if t.startswith("(?i)") else f"(?-i:{t})" for t in terms]
    except_re = _compile(rf"\b(?:{'|'.join(parts)})\b", False, spec, "exceptions")
    phrases = [t for t in terms if " " in t or "\t" in t or r"\s" in t]
    phrase_re = (
        _compile(rf"\b(?:{'|'.join(phrases)})\b", True, spec, "exceptions") if phrases else None
    )
    return except_re, phrase_re


def _build(spec) -> dict:
    o = spec.options
    extends = o["extends"]
    ignorecase = bool(o.get("ignorecase", False))
    built: dict = {"extends": extends}
    if extends in ("existence", "substitution", "repetition", "conditional", "capitalization"):
        built["except"], built["phrases"] = _exceptions(spec)
    if extends == "existence":
        tokens = [t for t in _word_list(spec, "tokens") if t.strip()]
        raw = "".join(_word_list(spec, "raw"))
        if not tokens and not raw:
            raise RuleError(f"{spec.path}: Vale rule {spec.id} needs 'tokens' or 'raw'")
        word = tokens and not o.get("nonword")
        body = rf"\b(?:{'|'.join(tokens)})\b" if word else f"(?:{'|'.join(tokens)})"
        pattern = body + raw if o.get("append") else raw + body
        built["pattern"] = _compile(pattern, ignorecase, spec, "tokens")
    elif extends == "substitution":
        swap = _mapping(spec, "swap")
        keys = sorted(swap, key=len, reverse=True)
        groups = [f"({_no_capture(k)})" for k in keys]
        body = "|".join(groups)
        pattern = body if o.get("nonword") else rf"\b(?:{body})\b"
        built["pattern"] = _compile(pattern, ignorecase, spec, "swap")
        built["keys"] = keys
        built["swap"] = swap
        built["key_res"] = [_compile(k, ignorecase, spec, "swap") for k in keys]
    elif extends == "occurrence":
        token = o.get("token")
        if not isinstance(token, str) or not token:
            raise RuleError(f"{spec.where('token')}: Vale rule {spec.id} needs a 'token'")
        built["pattern"] = _compile(f"(?:{token})", ignorecase, spec, "token")
    elif extends == "repetition":
        tokens = _word_list(spec, "tokens")
        if not tokens:
            raise RuleError(f"{spec.where('tokens')}: Vale rule {spec.id} needs 'tokens'")
        built["pattern"] = _compile(f"({'|'.join(tokens)})", ignorecase, spec, "tokens")
    elif extends == "consistency":
        pairs = []
        for one, other in _mapping(spec, "either").items():
            body = f"(?P<a>{_no_capture(one)})|(?P<b>{_no_capture(other)})"
            pattern = body if o.get("nonword") else rf"\b(?:{body})\b"
            pairs.append(_compile(pattern, ignorecase, spec, "either"))
        built["pairs"] = pairs
    elif extends == "conditional":
        for key in ("first", "second"):
            if not isinstance(o.get(key), str) or not o[key]:
                raise RuleError(f"{spec.where(key)}: Vale rule {spec.id} needs '{key}'")
        # Vale compiles both without its ignorecase (its conditional ignores the key).
        built["first"] = _compile(o["first"], False, spec, "first")
        built["second"] = _compile(o["second"], False, spec, "second")
        built["second_groups"] = built["second"].groups > 0
    elif extends == "capitalization":
        match = o.get("match")
        if not isinstance(match, str) or not match:
            raise RuleError(f"{spec.where('match')}: Vale rule {spec.id} needs 'match'")
        if match not in ("$title", "$sentence", "$lower", "$upper"):
            built["match_re"] = _compile(match, False, spec, "match")
        threshold = o.get("threshold") or 0.8
        if not isinstance(threshold, (int, float)):
            raise RuleError(f"{spec.where('threshold')}: 'threshold' must be a number")
        built["threshold"] = float(threshold)
        built["words"] = set(_word_list(spec, "exceptions")) | set(
            o.get("accepted", []) if o.get("vocab", True) else []
        )
        built["indicators"] = tuple(_word_list(spec, "indicators"))
    return built


def _no_capture(pattern: str) -> str:
    """Capture groups made non-capturing (Vale does this to a swap key)."""
    return regex.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


# -- running ----------------------------------------------------------------------------


class _Budget:
    """The time budget of one run over a document (as newslint.kinds.base.finditer)."""

    def __init__(self, doc: Document, spec) -> None:
        self.left = base.PATTERN_TIMEOUT + base.PATTERN_SECONDS_PER_MB * len(doc.text) / 1_000_000
        self.name = spec.id

    def finditer(self, pattern, text: str):
        out = []
        began = time.monotonic()
        try:
            out = list(pattern.finditer(text, timeout=max(self.left, 0.001)))
        except TimeoutError:
            raise PatternTimeout(self.name) from None
        self.left -= time.monotonic() - began
        if self.left < 0:
            raise PatternTimeout(self.name)
        return out


def _units(doc: Document, names: list[str]) -> list[tuple[int, int]]:
    """The spans a rule runs on, in document order."""
    include = [n for n in names if not n.startswith("~")]
    exclude = {n[1:] for n in names if n.startswith("~")}

    def block_is(block, name: str) -> bool:
        if name == "text":
            return True
        if name == "blockquote":
            return block.blockquote
        return block.kind == name

    blocks = [b for b in doc.blocks if not any(block_is(b, n) for n in exclude)]
    spans: set[tuple[int, int]] = set()
    for name in include:
        if name == "document":
            if doc.blocks:
                spans.add((doc.blocks[0].start, doc.blocks[-1].end))
        elif name == "sentence":
            starts = {(b.start, b.end) for b in blocks}
            for start, end in doc.sentences:
                if any(s <= start < e for s, e in starts):
                    spans.add((start, end))
        else:
            spans.update((b.start, b.end) for b in blocks if block_is(b, name))
    return sorted(spans)


def printf(template: str, *values) -> str:
    """Go's Sprintf for a Vale message: %s, %d and %v take the values in turn (missing
    ones are empty), %% is a percent sign."""
    values_iter = iter(values)

    def fill(m):
        if m.group(0) == "%%":
            return "%"
        value = next(values_iter, "")
        return " ".join(str(value).split())

    return regex.sub(r"%%|%\[\d+\][sdv]|%[sdv]", fill, template)


def compile(spec):
    built = _build(spec)
    runner = {
        "existence": _existence,
        "substitution": _substitution,
        "occurrence": _occurrence,
        "repetition": _repetition,
        "consistency": _consistency,
        "conditional": _conditional,
        "capitalization": _capitalization,
    }[built["extends"]]
    limit = spec.options.get("limit") or 0

    def run(doc, options):
        budget = _Budget(doc, spec)
        hits = []
        for hit in runner(
            spec, built, doc, _units(doc, spec.options.get("units", ["text"])), budget
        ):
            hits.append(hit)
            if limit and len(hits) >= limit:
                break
        return hits

    return run


def _excepted(built, observed: str, text: str, start: int, end: int, budget) -> bool:
    if built.get("except") is not None and built["except"].search(observed.strip()):
        return True
    phrases = built.get("phrases")
    if phrases is not None:
        for m in budget.finditer(phrases, text):
            if m.start() <= start and end <= m.end():
                return True
    return False


def _suggestions(spec, default: tuple[str, ...] = ()) -> tuple[str, ...]:
    action = spec.options.get("action")
    if not action:
        return default
    if action["name"] == "remove":
        return ("",)
    return tuple(action["params"]) or default


def _existence(spec, built, doc, units, budget):
    text = doc.text
    for start, end in units:
        unit = text[start:end]
        for m in budget.finditer(built["pattern"], unit):
            if m.end() <= m.start():
                continue
            if _excepted(built, m.group(), unit, m.start(), m.end(), budget):
                continue
            suggestions = _suggestions(spec)
            message = printf(spec.message, m.group(), *(suggestions[:1] or ("",)))
            yield Hit(start + m.start(), start + m.end(), message, suggestions)


def _options_of(expected: str) -> list[str]:
    """Vale's getOptions: "a|b" -> ["a", "b"] (an escaped \\| stays a bar)."""
    return [o.replace("\0", "|") for o in expected.replace(r"\|", "\0").split("|") if o]


def _literal(term: str) -> bool:
    return all(c.isalnum() or c in " -'’." for c in term)


def _substitution(spec, built, doc, units, budget):
    text = doc.text
    action = spec.options.get("action")
    for start, end in units:
        unit = text[start:end]
        for m in budget.finditer(built["pattern"], unit):
            index = next((i for i in range(len(built["keys"])) if m.group(i + 1) is not None), None)
            if index is None or m.end(index + 1) <= m.start(index + 1):
                continue
            observed = m.group(index + 1)
            expected = built["swap"][built["keys"][index]]
            if spec.options.get("capitalize") and observed[:1].isupper():
                expected = expected[:1].upper() + expected[1:]
            if regex.search(r"\$\d", expected):
                expected = built["key_res"][index].sub(
                    expected.replace("$", "\\"), observed, count=1
                )
            options = _options_of(expected)
            if action and action["name"] == "replace":
                same = observed in options
            elif _literal(expected):
                same = observed == expected
            else:
                try:
                    same = bool(regex.fullmatch(_go(expected), observed))
                except regex.error:
                    same = observed == expected
            if same:
                continue
            a, b = m.start(index + 1), m.end(index + 1)
            if _excepted(built, observed, unit, a, b, budget):
                continue
            suggestions = tuple(o for o in options if _literal(o))
            suggestions = _suggestions(spec, suggestions)
            shown = " or ".join(suggestions) if suggestions else expected
            message = printf(spec.message, shown, observed)
            yield Hit(start + a, start + b, message, suggestions)


def _occurrence(spec, built, doc, units, budget):
    text = doc.text
    most, least = spec.options.get("max") or 0, spec.options.get("min") or 0
    for start, end in units:
        unit = text[start:end]
        found = budget.finditer(built["pattern"], unit)
        count = len(found)
        if not ((most > 0 and count > most) or (least > 0 and count < least)):
            continue
        message = printf(spec.message, count)
        if count == 0:
            first = regex.search(r"\S+", unit)
            a, b = (first.start(), first.end()) if first else (0, 1)
        else:
            m = next((m for m in found if m.group().strip()), None)
            if m is None:
                continue
            a, b = m.start(), m.end()
        yield Hit(start + a, start + b, message, ())


def _repetition(spec, built, doc, units, budget):
    text = doc.text
    ignorecase = spec.options.get("ignorecase")
    alpha = spec.options.get("alpha")
    most = spec.options.get("max") or 0
    for start, end in units:
        unit = text[start:end]
        prev, prev_span, count = "", None, 0
        for m in budget.finditer(built["pattern"], unit):
            curr = m.group().strip()
            same = curr.lower() == prev.lower() if ignorecase else curr == prev
            hit = same and curr != "" and (not alpha or curr.isalpha())
            if hit:
                count += 1
            if hit and count > most and prev_span is not None:
                a, b = prev_span[0], m.end()
                one_sentence = doc.sentence_at(start + a) == doc.sentence_at(start + b - 1)
                if one_sentence and not _excepted(built, unit[a:b], unit, a, b, budget):
                    yield Hit(start + a, start + b, printf(spec.message, curr), (curr,))
                    count = 0
            prev_span, prev = (m.start(), m.end()), curr


def _consistency(spec, built, doc, units, budget):
    text = doc.text
    for pattern in built["pairs"]:
        seen: set[str] = set()
        for start, end in units:
            unit = text[start:end]
            found = budget.finditer(pattern, unit)
            last = None
            for m in found:
                for name in ("a", "b"):
                    if m.group(name) is not None:
                        seen.add(name)
                        last = m.span(name)
            if found and last and seen == {"a", "b"}:
                a, b = last
                yield Hit(start + a, start + b, printf(spec.message, unit[a:b]), ())


def _conditional(spec, built, doc, units, budget):
    text = doc.text
    defined: set[str] = set()
    for start, end in units:
        unit = text[start:end]
        if not built["second_groups"]:
            if built["second"].search(unit):
                continue
        else:
            for m in budget.finditer(built["second"], unit):
                defined.update(g for g in m.groups() if g)
        for m in budget.finditer(built["first"], unit):
            s = m.group()
            if built["second_groups"] and s in defined:
                continue
            if _excepted(built, s, unit, m.start(), m.end(), budget):
                continue
            yield Hit(start + m.start(), start + m.end(), printf(spec.message, s), ())


# Small words each title-case style leaves in lower case (inside a title).
_SMALL = {
    "AP": set("a an and at but by for in nor of on or so the to up yet".split()),
    "Chicago": set(
        "a an and as at but by down for from in into like near nor of off on onto or out over "
        "past per so than the to up upon via with yet".split()
    ),
}
_WORD = regex.compile(r"[\p{N}\p{L}*]+[^\s]*")


def _title_case(words: list[str], style: str, keep: set[str]) -> list[str]:
    small = _SMALL.get(style, _SMALL["AP"])
    out = []
    for i, w in enumerate(words):
        bare = w.strip(".,:;!?\"'“”‘’()")
        if w in keep or bare in keep or (bare[1:] and any(c.isupper() for c in bare[1:])):
            out.append(w)
        elif 0 < i < len(words) - 1 and bare.lower() in small:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return out


def _sentence_case(words: list[str], keep: set[str], indicators: tuple[str, ...]) -> list[str]:
    out = []
    for i, w in enumerate(words):
        bare = w.strip(".,:;!?\"'“”‘’()")
        if i == 0:
            out.append(w[:1].upper() + w[1:])
        elif w in keep or bare in keep or (bare[1:] and any(c.isupper() for c in bare[1:])):
            out.append(w)  # a name or acronym: "NASA", "iPhone"
        elif bare == "I" or (indicators and words[i - 1].endswith(indicators)):
            out.append(w)
        else:
            out.append(w.lower())
    return out


def _capitalization(spec, built, doc, units, budget):
    text = doc.text
    match = spec.options["match"]
    keep = built["words"]
    except_re = built.get("except")
    prefix = spec.options.get("prefix") or ""
    for start, end in units:
        unit = text[start:end].strip()
        if not unit:
            continue
        offset = text.index(unit, start)
        body = unit[len(prefix) :] if prefix and unit.startswith(prefix) else unit
        if match in ("$lower", "$upper"):
            expected = body.lower() if match == "$lower" else body.upper()
            ok = body == expected or bool(except_re and except_re.search(body))
        elif match in ("$title", "$sentence"):
            words = _WORD.findall(body)
            if not words:
                continue
            if match == "$title":
                want = _title_case(words, spec.options.get("style") or "AP", keep)
            else:
                want = _sentence_case(words, keep, built["indicators"])
            good = 0
            for i, (w, e) in enumerate(zip(words, want, strict=True)):
                if w == e or (except_re and except_re.search(w)):
                    good += 1
                elif match == "$title" and w.isupper():
                    good += 1
                elif match == "$sentence" and i == 0 and w != w[:1].upper() + w[1:].lower():
                    good = -len(words)  # Vale: a first word not in title form fails
                    break
            ok = good / len(words) >= built["threshold"]
            expected = body
            for w, e in zip(words, want, strict=True):
                if w != e:
                    expected = expected.replace(w, e, 1)
        else:
            expected = built["match_re"].pattern
            ok = bool(built["match_re"].search(body)) or bool(except_re and except_re.search(body))
        if ok:
            continue
        suggestions = (
            (prefix + expected,) if match in ("$title", "$sentence", "$lower", "$upper") else ()
        )
        message = printf(spec.message, unit, expected)
        yield Hit(offset, offset + len(unit), message, _suggestions(spec, suggestions))
