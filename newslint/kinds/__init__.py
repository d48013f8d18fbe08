"""Rule kinds: what a YAML rule's ``kind:`` picks.

Each kind module declares ``OPTIONS`` (its own YAML keys, with a description),
``validate(spec)`` (raises RuleError naming file and line) and ``compile(spec)``
returning a callable ``(doc, options) -> Iterable[Hit]``. Kinds compile lazily:
nothing is built until a rule first runs.
"""

from __future__ import annotations

from newslint.kinds import code, consistency, existence, substitution, vale

KINDS = {
    "existence": existence,
    "substitution": substitution,
    "consistency": consistency,
    "code": code,
    "vale": vale,  # a rule read from a Vale style (newslint.vale)
}
