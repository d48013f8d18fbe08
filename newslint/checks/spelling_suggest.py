"""Candidate corrections for an unknown word, ranked like a noisy channel.

A candidate's score is its word frequency (Zipf, from :mod:`spelling_data`)
minus the cost of the edit that would turn it into the typed token. Edits that
typists make often cost little: swapping two neighbouring letters ("Britsih"),
hitting a key next to the right one, doubling or dropping a doubled letter,
swapping two vowels. Candidates are generated only for unknown tokens, so the
per-token path of a known word stays a dictionary lookup.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.checks import spelling_data

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = frozenset("aeiouy")


def _neighbours() -> dict[str, frozenset[str]]:
    """Keys next to each key on a QWERTY keyboard (same row and the rows around)."""
    pos = {ch: (r, c + 0.5 * r) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    near: dict[str, frozenset[str]] = {}
    for a, (ra, ca) in pos.items():
        near[a] = frozenset(
            b for b, (rb, cb) in pos.items() if b != a and abs(ra - rb) <= 1 and abs(ca - cb) <= 1.0
        )
    return near


_NEAR = _neighbours()

# Costs in Zipf units (one unit = a factor of ten in frequency).
COST_TRANSPOSE = 1.0
COST_NEAR_KEY = 1.2
COST_DOUBLE = 1.0  # a doubled letter added or a double dropped
COST_VOWEL = 1.6
COST_DELETE = 1.8  # the typist left a letter out
COST_INSERT = 1.8  # the typist added a letter
COST_SUBSTITUTE = 2.4
COST_SECOND_EDIT = 1.0  # extra for a second edit on top of both edits' costs


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str  # lower case
    cost: float
    zipf: float
    proper: bool = False  # written with a capital (France, January)

    @property
    def score(self) -> float:
        return self.zipf - self.cost


def _sub_cost(typed: str, meant: str) -> float:
    if typed in _NEAR.get(meant, ()):
        return COST_NEAR_KEY
    if typed in _VOWELS and meant in _VOWELS:
        return COST_VOWEL
    return COST_SUBSTITUTE


def edits1(word: str) -> dict[str, float]:
    """Every string one edit from ``word`` (Damerau), with the cost of that edit.

    ``word`` is what was typed; each key is a possible intended word.
    """
    out: dict[str, float] = {}

    def put(w: str, cost: float) -> None:
        if cost < out.get(w, 99.0):
            out[w] = cost

    n = len(word)
    for i in range(n):
        left, right = word[:i], word[i + 1 :]
        ch = word[i]
        # Typed an extra letter: the intended word lacks word[i].
        doubled = (i > 0 and word[i - 1] == ch) or (i + 1 < n and word[i + 1] == ch)
        put(left + right, COST_DOUBLE if doubled else COST_INSERT)
        if i + 1 < n and word[i + 1] != ch:
            put(left + word[i + 1] + ch + word[i + 2 :], COST_TRANSPOSE)
        for c in _LETTERS:
            if c != ch:
                put(left + c + right, _sub_cost(ch, c))
    for i in range(n + 1):
        left, right = word[:i], word[i:]
        for c in _LETTERS:
            # Typist left out c; dropping one letter of a double is the cheap case.
            dropped_double = (i > 0 and word[i - 1] == c) or (i < n and word[i] == c)
            put(left + c + right, COST_DOUBLE if dropped_double else COST_DELETE)
    out.pop(word, None)
    return out


def candidates(token: str, max_edits: int = 1) -> list[Candidate]:
    """Dictionary words within ``max_edits`` of lower-case ``token``, best first."""
    table = spelling_data.load()
    flag = spelling_data.KNOWN_FLAG
    found: dict[str, float] = {}
    first = edits1(token)
    for w, cost in first.items():
        code = table.get(w)
        if code is not None and code >= flag:
            found[w] = cost
    if max_edits >= 2 and not found:
        for w1, c1 in first.items():
            if len(w1) < 3:
                continue
            for w2, c2 in edits1(w1).items():
                code = table.get(w2)
                if code is not None and code >= flag and w2 != token:
                    cost = c1 + c2 + COST_SECOND_EDIT
                    if cost < found.get(w2, 99.0):
                        found[w2] = cost
    proper = spelling_data.PROPER_FLAG
    out = [
        Candidate(w, cost, (table[w] % flag) / 10, table[w] >= proper) for w, cost in found.items()
    ]
    out.sort(key=lambda c: (-c.score, c.word))
    return out
