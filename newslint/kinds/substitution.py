"""substitution: a wrong form and the right one (``swap`` or a ``swap_file``)."""

from __future__ import annotations

import os

from newslint.finding import Hit
from newslint.kinds.base import compile_words, finditer, format_message, match_case
from newslint.spec import RuleError

OPTIONS = {
    "swap": "a mapping wrong -> right",
    "swap_file": "a file beside the rule with 'wrong->right' lines, sorted",
    "ignorecase": "match without regard to case (default true)",
}


def read_swap_file(path: str) -> dict[str, str]:
    """``wrong->right`` lines; blank lines and ``#`` comments are skipped."""
    pairs = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "->" not in line:
                raise RuleError(f"{path}:{n}: expected 'wrong->right'")
            wrong, right = (part.strip() for part in line.split("->", 1))
            pairs[wrong] = right
    return pairs


def _pairs(spec) -> dict[str, str]:
    swap = dict(spec.options.get("swap", {}) or {})
    if "swap_file" in spec.options:
        swap.update(read_swap_file(os.path.join(spec.folder, spec.options["swap_file"])))
    return swap


def validate(spec) -> None:
    swap = spec.options.get("swap", {})
    if not isinstance(swap, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in swap.items()
    ):
        raise RuleError(f"{spec.where('swap')}: 'swap' must map wrong text to right text")
    if "swap_file" in spec.options:
        path = os.path.join(spec.folder, str(spec.options["swap_file"]))
        if not os.path.isfile(path):
            raise RuleError(f"{spec.where('swap_file')}: swap file not found: {path}")
    elif not swap:
        raise RuleError(f"{spec.path}: a substitution rule needs 'swap' or 'swap_file'")


def compile(spec):
    ignorecase = spec.options.get("ignorecase", True)
    swap = _pairs(spec)
    lookup = {(" ".join(k.split()).lower() if ignorecase else k): v for k, v in swap.items()}
    pattern = compile_words(list(swap), [], ignorecase)

    def run(doc, options):
        for m in finditer(pattern, doc, spec.scope):
            found = m.group()
            key = " ".join(found.split())
            right = lookup.get(key.lower() if ignorecase else key)
            if right is None:
                continue
            right = match_case(found, right)
            message = format_message(spec.message, match=found, suggestion=right)
            yield Hit(m.start(), m.end(), message, (right,))

    run.local = True  # a match reads its own words: a window of a long document does
    return run
