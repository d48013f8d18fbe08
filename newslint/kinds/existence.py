"""existence: flag any of a list of phrases (``tokens``) or regexes (``patterns``)."""

from __future__ import annotations

from newslint.finding import Hit
from newslint.kinds.base import compile_words, finditer, format_message
from newslint.spec import RuleError

OPTIONS = {
    "tokens": "phrases to flag, matched as whole words",
    "patterns": "regular expressions to flag",
    "ignorecase": "match without regard to case (default true)",
}


def validate(spec) -> None:
    tokens = spec.options.get("tokens", [])
    patterns = spec.options.get("patterns", [])
    if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
        raise RuleError(f"{spec.where('tokens')}: 'tokens' must be a list of phrases")
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise RuleError(f"{spec.where('patterns')}: 'patterns' must be a list of regexes")
    if not tokens and not patterns:
        raise RuleError(f"{spec.path}: an existence rule needs 'tokens' or 'patterns'")
    import regex

    for p in patterns:
        try:
            regex.compile(p)
        except regex.error as exc:
            raise RuleError(f"{spec.where('patterns')}: bad pattern {p!r}: {exc}") from None


def compile(spec):
    pattern = compile_words(
        spec.options.get("tokens", []),
        spec.options.get("patterns", []),
        spec.options.get("ignorecase", True),
    )

    def run(doc, options):
        for m in finditer(pattern, doc, spec.scope):
            if m.end() > m.start():
                yield Hit(m.start(), m.end(), format_message(spec.message, match=m.group()))

    run.local = True  # a match reads its own words: a window of a long document does
    return run
