"""consistency: one spelling per document from each group in ``either``.

Where a document uses two forms of a group, each occurrence of the less-used
form is flagged (ties: the later form), suggesting the dominant one.
"""

from __future__ import annotations

from collections import defaultdict

from newslint.finding import Hit
from newslint.kinds.base import compile_words, finditer, format_message, match_case
from newslint.spec import RuleError

OPTIONS = {
    "either": "a list of groups of interchangeable forms, e.g. [[advisor, adviser]]",
    "ignorecase": "match without regard to case (default true)",
}


def validate(spec) -> None:
    groups = spec.options.get("either")
    if (
        not isinstance(groups, list)
        or not groups
        or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(x, str) for x in g)
            for g in groups
        )
    ):
        raise RuleError(f"{spec.where('either')}: 'either' must be a list of lists of 2+ forms")


def compile(spec):
    ignorecase = spec.options.get("ignorecase", True)
    norm = (
        (lambda s: " ".join(s.split()).lower()) if ignorecase else (lambda s: " ".join(s.split()))
    )
    group_of: dict[str, int] = {}
    canonical: dict[str, str] = {}
    for gi, group in enumerate(spec.options["either"]):
        for form in group:
            group_of[norm(form)] = gi
            canonical[norm(form)] = form
    pattern = compile_words(list(canonical.values()), [], ignorecase)

    def run(doc, options):
        seen: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for m in finditer(pattern, doc, spec.scope):
            key = norm(m.group())
            if key in group_of:
                seen[group_of[key]][key].append(m)
        for forms in seen.values():
            if len(forms) < 2:
                continue
            # Dominant: the most used; on a tie the one that came first.
            order = sorted(forms, key=lambda k: (-len(forms[k]), forms[k][0].start()))
            dominant = canonical[order[0]]
            for key in order[1:]:
                for m in forms[key]:
                    right = match_case(m.group(), dominant)
                    msg = format_message(spec.message, match=m.group(), suggestion=right)
                    yield Hit(m.start(), m.end(), msg, (right,))

    return run
