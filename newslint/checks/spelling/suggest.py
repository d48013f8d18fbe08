"""Candidate corrections for an unknown word, ranked like a noisy channel.

A candidate's score is its word frequency (Zipf, from :mod:`spelling_data`)
minus the cost of the edit that would turn it into the typed token. Edits that
typists make often cost little: swapping two neighbouring letters ("Britsih"),
hitting a key next to the right one, doubling or dropping a doubled letter,
swapping two vowels. Candidates are generated only for unknown tokens, so the
per-token path of a known word stays a dictionary lookup.

The dictionary words one edit from a token are found with a delete index
(symmetric deletion, as in SymSpell) instead of generating the few hundred
strings one edit away and testing each: the token's own deletions are looked up
as words, and the token and its deletions as keys of the index; every word found
is then verified to be exactly one edit of the kinds :func:`edits1` makes. The
result is the same set, for a few dozen lookups.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.spelling import data as spelling_data

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
COST_DELETE = 1.0  # the typist left a letter out
COST_DOUBLE = 1.0  # a doubled letter added or a double dropped
COST_NEAR_KEY = 1.6  # a key next to the right one (one of about six neighbours)
COST_VOWEL = 1.8  # one vowel for another ("seperate")
COST_INSERT = 2.2  # the typist added a letter
COST_SUBSTITUTE = 2.6
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


def edits1(word: str) -> set[str]:
    """Every string one edit (Damerau) from ``word``, built at C speed."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    out.discard(word)
    return out


_ASCII_LOWER = frozenset(_LETTERS)


def is_edit1(token: str, word: str) -> bool:
    """True when ``word`` is in ``edits1(token)``: one transposition, one deleted
    character, or one letter a-z inserted or substituted."""
    n, m = len(token), len(word)
    if m == n:
        i = 0
        while i < n and token[i] == word[i]:
            i += 1
        if i == n:
            return False  # the token itself
        if word[i] in _ASCII_LOWER and token[i + 1 :] == word[i + 1 :]:
            return True
        return (
            i + 1 < n
            and token[i] == word[i + 1]
            and token[i + 1] == word[i]
            and token[i + 2 :] == word[i + 2 :]
        )
    if m == n + 1:
        i = 0
        while i < n and token[i] == word[i]:
            i += 1
        return word[i] in _ASCII_LOWER and token[i:] == word[i + 1 :]
    if m + 1 == n:
        i = 0
        while i < m and token[i] == word[i]:
            i += 1
        return token[i + 1 :] == word[i:]
    return False


def near1(token: str) -> set[str]:
    """Dictionary words one edit from ``token``: the same set as ``edits1(token) & known``."""
    lex = spelling_data.load()
    n = len(token)
    keys = [token[:i] + token[i + 1 :] for i in range(n)]
    # A deleted character: the deletion itself is the word (not remembered: mostly junk).
    in_dictionary = lex.in_dictionary
    found = {d for d in keys if in_dictionary(d)}
    # A substituted letter at i or a transposition: the word shares the deletion at i
    # (or at i - 1) with the token, so it is in that key's bucket.
    swaps = {token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(n - 1)}
    swaps.discard(token)
    bucket = lex.bucket
    letters = _ASCII_LOWER
    for i, key in enumerate(keys):
        ch = token[i]
        for word in bucket(key):
            if len(word) != n:
                continue  # another deletion in the same hash bucket
            if (word[i] != ch and word[i] in letters and word[:i] + word[i + 1 :] == key) or (
                word in swaps
            ):
                found.add(word)
    # An inserted letter: the token is one of the word's deletions.
    for word in bucket(token):
        if len(word) == n + 1 and is_edit1(token, word):
            found.add(word)
    return found


def likely_edits1(word: str) -> set[str]:
    """The one-edit strings a typist most often produces: a cheaper first step
    for the two-edit search (omissions, transpositions, doubled letters, vowel
    and neighbouring-key slips)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    for a, b in splits:
        if b:
            ch = b[0]
            alts = _NEAR.get(ch, frozenset()) | (_VOWELS if ch in _VOWELS else frozenset())
            out.update(a + c + b[1:] for c in alts)
        out.update(a + c + b for c in _VOWELS)
        if a:
            out.add(a + a[-1] + b)
    out.discard(word)
    return out


def edit_cost(typed: str, meant: str) -> float:
    """Cost of the one edit that turns ``meant`` into ``typed`` (see the COST_ values)."""
    n, m = len(typed), len(meant)
    i = 0
    while i < min(n, m) and typed[i] == meant[i]:
        i += 1
    if n == m + 1:  # the typist added typed[i]
        doubled = (i > 0 and typed[i - 1] == typed[i]) or (i + 1 < n and typed[i + 1] == typed[i])
        return COST_DOUBLE if doubled else COST_INSERT
    if n + 1 == m:  # the typist left out meant[i]
        doubled = (i > 0 and meant[i - 1] == meant[i]) or (i + 1 < m and meant[i + 1] == meant[i])
        return COST_DOUBLE if doubled else COST_DELETE
    if i + 1 < n and typed[i] == meant[i + 1] and typed[i + 1] == meant[i]:
        return COST_TRANSPOSE
    return _sub_cost(typed[i], meant[i])


def candidates(token: str, max_edits: int = 1) -> list[Candidate]:
    """Dictionary words within ``max_edits`` of lower-case ``token``, best first.

    A token longer than any word a dictionary holds has none one or two edits away;
    it is not searched (the search grows with the square of its length)."""
    if len(token) > LONGEST_WORD:
        return []
    key = (token, max_edits)
    cached = _MEMO.get(key)
    if cached is not None:
        return cached
    out = _candidates(token, max_edits)
    if len(_MEMO) < 50_000:  # names recur from story to story in a batch
        _MEMO[key] = out
    return out


_MEMO: dict[tuple[str, int], list[Candidate]] = {}

# Longer than the longest word in the dictionaries newslint ships (45 letters) plus
# two edits.
LONGEST_WORD = 47


def _candidates(token: str, max_edits: int) -> list[Candidate]:
    lex = spelling_data.load()
    found = {w: edit_cost(token, w) for w in near1(token)}
    if max_edits >= 2 and not found:
        for w1 in likely_edits1(token):
            if len(w1) < 3:
                continue
            step = None
            for w2 in near1(w1):
                if w2 == token:
                    continue
                if step is None:
                    step = edit_cost(token, w1)
                cost = step + edit_cost(w1, w2) + COST_SECOND_EDIT
                if cost < found.get(w2, 99.0):
                    found[w2] = cost
    out = []
    for w, cost in found.items():
        code = lex.code(w)
        zipf = (code % spelling_data.KNOWN_FLAG) / 10 or 1.0
        out.append(Candidate(w, cost, zipf, code >= spelling_data.PROPER_FLAG))
    out.sort(key=lambda c: (-c.score, c.word))
    return out
