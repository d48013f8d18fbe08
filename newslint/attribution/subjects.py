"""Who is speaking: the subject of a cue, read off the tokens of its sentence.

On the left of the verb ("the party's chairman, Jane Doe, said"), skipping what may
stand between a subject and its verb; or on its right for an inverted cue ('"...,"
said Smith', "according to the report").
"""

from __future__ import annotations

from newslint.attribution import words as W
from newslint.attribution.lexicon import Lexicon
from newslint.attribution.tokens import Sentence, is_cap, is_name

# Words between a subject and its verb besides auxiliaries: "the ministers all urged",
# "migrants themselves understand".
_FLOATING = frozenset(
    "all both each alone themselves himself herself itself ourselves myself yourself".split()
)
# Two-word asides in the same place: "Britain and France in particular feared".
# Two-word asides in the same place: "Britain and France in particular feared".
_ASIDES = frozenset((("in", "particular"), ("in", "turn"), ("for", "instance"), ("for", "example")))


def skip_between(sent: Sentence, j: int) -> int:
    """Walk left from ``j`` over what may stand between a subject and its verb:
    auxiliaries, negated contractions ("didn't"), adverbs in -ly, floating quantifiers
    and reflexives, and two-word asides; returns the index of the last word before them."""
    lowers = sent.lowers
    while j >= 0:
        low = lowers[j]
        if (
            low in W.AUX
            or low.endswith(("n't", "n’t"))
            or (low.endswith("ly") and not is_cap(sent.words[j]))
        ):
            j -= 1
        elif low in _FLOATING and j > 0 and lowers[j - 1] not in W.DETERMINERS:
            j -= 1  # not "of them all", "at all": those end with a preposition, checked later
        elif j > 0 and (lowers[j - 1], low) in _ASIDES:
            j -= 2
        else:
            break
    return j


def left_subject(lex: Lexicon, sent: Sentence, i: int, lenient: bool) -> tuple[int, int] | None:
    """Token range of the subject ending before the verb at ``i``, if plausible."""
    j = skip_between(sent, i - 1)
    if j < 0:
        return None
    if sent.lowers[j] in W.TIME and not head_ok(lex, sent, j, lenient):
        # "Smith on Tuesday said", "the chairman this past week announced".
        k = j
        while k >= 0 and j - k < 5 and (sent.lowers[k] in W.TIME or sent.lowers[k] in W.AUX):
            k -= 1
        if k >= 0 and head_ok(lex, sent, k, lenient) or (k > 0 and sent.words[k] == ","):
            j = k
    if sent.words[j] == "," and j > 1:
        # An appositive or relative clause: "Smith, the party's chairman, said".
        k = j - 1
        while k >= 0 and sent.words[k] != "," and j - k < 14:
            k -= 1
        if k > 0 and sent.words[k] == "," and k + 1 < j:
            opener = sent.lowers[k + 1]
            if (
                opener in W.DETERMINERS
                or opener in ("who", "which", "whose")
                or is_cap(sent.words[k + 1])
            ):
                head = k - 1
                if head_ok(lex, sent, head, lenient=False):
                    start = extend_left(lex, sent, head)
                    return (start, j - 1)
        return None
    if not head_ok(lex, sent, j, lenient):
        return None
    start = extend_left(lex, sent, j)
    return (start, j)


def head_ok(lex: Lexicon, sent: Sentence, j: int, lenient: bool) -> bool:
    if j < 0:
        return False
    w, low = sent.words[j], sent.lowers[j]
    base = W.strip_possessive(low)
    if low in W.PRONOUNS:
        return low != "you" and (low != "it" or lenient)
    if low == "who" and j > 0:
        return lenient
    if low == "one" and (j == 0 or not sent.words[j - 1][0].isalnum()):
        return True  # "one suggested ...": one of a group named before
    if low in ("percent", "%") and lenient:
        return True
    if not w[0].isalnum():
        return False
    if low in W.LEFT_BOUNDARY or low in W.AUX:
        return False
    if (low in lex.reporting or low in lex.stance) and not (
        j > 0 and sent.lowers[j - 1] in W.DETERMINERS
    ):
        return False  # a verb, unless a noun after a determiner ("the talks")
    if is_name(sent, j):
        return True
    if base in lex.roles or base in lex.organisations or base in lex.documents or base in lex.vague:
        return True
    if lenient and not low.isdigit():
        # "the billionaire said": an unknown noun after a determiner.
        for k in range(j - 1, max(j - 4, -1), -1):
            if sent.lowers[k] in W.DETERMINERS or is_name(sent, k):
                return True
            if not sent.words[k][0].isalnum():
                break
    return False


def extend_left(lex: Lexicon, sent: Sentence, j: int) -> int:
    """Walk left from the head over the noun phrase; returns its first token."""
    k = j
    limit = max(j - 9, 0)
    while k > limit:
        p = k - 1
        w, low = sent.words[p], sent.lowers[p]
        if low in W.LEFT_BOUNDARY and low not in ("of", "for", "at", "on", "with", "to"):
            break
        if low in ("of", "for", "at", "with", "to", "on"):
            # Inside a described source: "a spokesman for the campaign",
            # "people familiar with the talks", "on condition of anonymity".
            if p == 0 or not (
                is_name(sent, p + 1)
                or sent.lowers[p + 1] in W.DETERMINERS
                or sent.lowers[p - 1]
                in ("familiar", "close", "condition", "spokesman", "spokeswoman")
            ):
                break
            if low in ("on",) and sent.lowers[p - 1] not in ("speaking", "spoke"):
                break
        if not (w[0].isalnum() or w in ("-", "&", ".")):
            break
        if (low in lex.reporting or low in lex.stance) and not (
            p > 0 and sent.lowers[p - 1] in W.DETERMINERS
        ):
            break
        if low in W.AUX and low not in ("one",):
            break
        k = p
    # "who" clauses: "officials who spoke on condition of anonymity said".
    if k > 1 and sent.lowers[k - 1] in ("who", "whose") and head_ok(lex, sent, k - 2, False):
        return extend_left(lex, sent, k - 2)
    while k < j and sent.lowers[k] in ("and", "but", "of", "for", "at", "with", "to", "on"):
        k += 1
    return k


def right_np(
    lex: Lexicon, sent: Sentence, i: int, inverted: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i`` ("said Smith", "according to the report")."""
    n = len(sent.words)
    if i >= n:
        return None
    low = sent.lowers[i]
    if low in W.PRONOUNS:
        return (i, i) if low != "you" else None
    if not (
        is_cap(sent.words[i])
        or low in W.DETERMINERS
        or W.strip_possessive(low) in lex.vague
        or W.strip_possessive(low) in lex.roles
        or W.strip_possessive(low) in lex.documents
        or W.strip_possessive(low) in lex.organisations
    ):
        return None
    if inverted and sent.lowers[i] in W.FUNCTION_CAPS and low not in W.DETERMINERS:
        return None
    j = i
    while j + 1 < n:
        w, lw = sent.words[j + 1], sent.lowers[j + 1]
        if not (w[0].isalnum() or w in ("-", "&", ".")):
            if w == "." and j + 2 < n and is_cap(sent.words[j + 2]) and len(sent.words[j]) <= 4:
                j += 1  # "Sen. Smith"
                continue
            break
        if lw in W.RIGHT_BOUNDARY and lw not in ("of", "for", "at"):
            break
        if lw in lex.reporting or lw in lex.stance:
            break
        if lw in W.FUNCTION_CAPS and is_cap(w) and lw not in ("of",):
            break
        if j + 1 - i >= 8:
            break
        j += 1
    while j > i and sent.lowers[j] in ("of", "for", "at", "the", "a", "-", "&", "."):
        j -= 1
    return (i, j)


def strong_source(lex: Lexicon, sent: Sentence, src: tuple[int, int]) -> bool:
    """A subject that clearly can hold a view: a pronoun, a name, a known source noun."""
    low = sent.lowers[src[1]]
    base = W.strip_possessive(low)
    if low in W.PRONOUNS and low != "it":
        return True
    if any(is_name(sent, k) for k in range(src[0], src[1] + 1)):
        return True
    return (
        base in lex.roles or base in lex.organisations or base in lex.documents or base in lex.vague
    )
