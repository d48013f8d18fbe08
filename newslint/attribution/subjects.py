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
# Nouns in -ly, which are not adverbs: "Brown's closest ally has denied".
_LY_NOUNS = frozenset(
    "ally family assembly rally bully monopoly anomaly supply reply folly tally homily".split()
)
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
            or (low.endswith("ly") and low not in _LY_NOUNS and not is_cap(sent.words[j]))
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
    quoted = _quoted_subject(lex, sent, j, lenient)
    if quoted is not None:
        return quoted
    if sent.words[j] in _APPOSITION_MARKS and j > 1:
        # An appositive, a relative clause or an aside between dashes: "Smith, the
        # party's chairman, said", "Mr Mubanga, 32, from Wembley, London, said", "Mr
        # Herron - who is running his own campaign - said".
        return _apposed_subject(lex, sent, j)
    if not head_ok(lex, sent, j, lenient):
        return None
    if sent.lowers[j] in W.PRONOUNS:
        return (j, j)  # "something he says": a pronoun is the whole subject
    start = extend_left(lex, sent, j)
    return (start, j)


def _quoted_subject(lex: Lexicon, sent: Sentence, j: int, lenient: bool) -> tuple[int, int] | None:
    """A subject in quotation marks: 'Mubanga said the "MI6 agent" told him ...'."""
    words = sent.words
    if j < 2 or words[j] not in ('"', "”") or not words[j - 1][:1].isalnum():
        return None
    k = j - 1
    while k > 0 and words[k] not in ('"', "“") and j - k < 6:
        k -= 1
    if words[k] not in ('"', "“") or not head_ok(lex, sent, j - 1, lenient):
        return None
    start = extend_left(lex, sent, k) if k > 0 and sent.lowers[k - 1] in W.DETERMINERS else k
    return (start, j)


_APPOSITION_MARKS = frozenset(",-—–")
# How far back one appositive may reach: commas enclose short ones, dashes long asides.
_APPOSITION_REACH = {",": 16, "-": 40, "—": 40, "–": 40}
# Words that can open an appositive besides determiners, names and role nouns.
_APPOSITIVE_OPENERS = frozenset(
    """
    from aged former then now also himself herself themselves itself
    once later currently previously chief senior deputy acting interim
    """.split()
)


def _apposed_subject(lex: Lexicon, sent: Sentence, j: int) -> tuple[int, int] | None:
    """The subject whose appositives end at the mark ``j`` before the verb: walk back
    over appositive chunks ("32", "from Wembley", "London") to the noun phrase they
    describe. A description between commas belongs to the source ("Mehmet Topac, a
    former justice minister"); a relative clause, a participle ("Grassley, facing a
    challenge in Iowa, a swing state, said") or an aside between dashes does not."""
    words, lowers = sent.words, sent.lowers
    mark = words[j]
    marks = (",",) if mark == "," else ("-", "—", "–")
    reach = _APPOSITION_REACH[mark]
    best = None
    clause_at = -1  # the last chunk opening a clause rather than describing
    k = j
    while k > 0:
        m = k - 1
        while m >= 0 and words[m] not in marks and k - m <= reach:
            m -= 1
        if m <= 0 or words[m] not in marks or m + 1 >= k:
            break
        opener = lowers[m + 1]
        clause = mark != "," or opener in _CLAUSE_OPENERS or _participle(opener)
        if not (
            clause
            or opener in W.DETERMINERS
            or opener in _APPOSITIVE_OPENERS
            or is_cap(words[m + 1])
            or opener[:1].isdigit()
            or any(  # "ex-chief economic adviser to the Treasury": a role within
                W.strip_possessive(t).rsplit("-", 1)[-1] in lex.roles
                for t in lowers[m + 1 : min(k, m + 5)]
            )
        ):
            break
        if clause:
            clause_at = m
        head = m - 1
        if head_ok(lex, sent, head, lenient=False):
            start = extend_left(lex, sent, head)
            if best is not None and start > 0 and lowers[start - 1] not in _SUBJECT_AFTER:
                break  # "a setback for a space company, | Jim Cantrell, ...": an object
            best = (start, j - 1 if clause_at < 0 else head)
        elif not (clause or lowers[head][:1].isdigit() or is_cap(words[head])):
            break
        if mark != ",":
            break  # one aside between dashes
        k = m
    return best


# What may stand before a subject that appositives follow: a quotation's comma, "and".
_SUBJECT_AFTER = frozenset((",", "and", "but", ":", ";", "—", "–", "-", *"\"“”‘’'"))


def _participle(low: str) -> bool:
    return len(low) > 4 and low.endswith(("ing", "ed"))


_CLAUSE_OPENERS = frozenset("who which whose where when while".split())


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


# Words before "of", "with", "on" inside a described source.
_DESCRIBING = frozenset(
    "familiar close condition anonymity behalf member members head chief part one some".split()
)


def extend_left(lex: Lexicon, sent: Sentence, j: int) -> int:
    """Walk left from the head over the noun phrase; returns its first token."""
    k = j
    limit = max(j - 9, 0)
    while k > limit:
        p = k - 1
        w, low = sent.words[p], sent.lowers[p]
        if low in W.LEFT_BOUNDARY and low not in ("of", "for", "at", "on", "with", "to"):
            if not (low == "and" and p > 0 and is_name(sent, p - 1) and is_name(sent, p + 1)):
                if not (low == "and" and p > 0 and _joint(lex, sent, p)):
                    break  # "Tony Blair and Ruth Kelly have suggested": two names, one source
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
            before = W.strip_possessive(sent.lowers[p - 1])
            if not (
                lex.is_source_noun(before)
                or is_name(sent, p - 1)
                or before in _DESCRIBING
                or (before.endswith(("er", "or", "ist", "man", "woman")) and low != "to")
            ):
                break  # "another setback for | Musk's company": not a described source
            if low in ("on",) and sent.lowers[p - 1] not in ("speaking", "spoke"):
                break
        if not (w[0].isalnum() or w in ("-", "&", ".")):
            break
        if (
            (low in lex.reporting or low in lex.stance)
            and not (p > 0 and sent.lowers[p - 1] in W.DETERMINERS)
            and not (is_cap(w) and p > 0)  # "State Department official": a name
        ):
            if not _naming(sent, p):
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


def _joint(lex: Lexicon, sent: Sentence, p: int) -> bool:
    """The "and" at ``p`` joins two sources of one verb: "Pilots and aviation experts
    said", "The UN and other aid organisations condemned", "Businesses and residents
    complained": a plural source noun or a name before it, a source noun or a name after."""
    before = W.strip_possessive(sent.lowers[p - 1])
    after = W.strip_possessive(sent.lowers[p + 1]) if p + 1 < len(sent.words) else ""
    if not after or sent.words[p - 1] in (",", ";"):
        return False
    plural_source = lex.is_source_noun(before) and before.endswith("s")
    return (plural_source or is_name(sent, p - 1)) and (
        lex.is_source_noun(after) or is_name(sent, p + 1) or after in _SIDES or after == "other"
    )


def _naming(sent: Sentence, p: int) -> bool:
    """A participle that names, inside a noun phrase: "a group calling itself the Free
    Army", "a man called Smith"."""
    if (
        sent.lowers[p] not in ("calling", "called", "naming", "named")
        or p == 0
        or p + 1 >= len(sent.words)
    ):
        return False
    nxt = sent.lowers[p + 1]
    before = sent.lowers[p - 1]
    return (
        nxt in ("itself", "himself", "herself", "themselves") or is_cap(sent.words[p + 1])
    ) and (before[:1].isalpha() and before not in W.PRONOUNS and not is_cap(sent.words[p - 1]))


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
        or _source_ahead(lex, sent, i)
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
            if lw == "by" and (
                _document(lex, sent.lowers[j])
                or (j > i and sent.lowers[j].endswith("ed") and _document(lex, sent.lowers[j - 1]))
            ):
                pass  # "the reports by PTI", "a study published by FINRA": the author stays
            elif lw in ("and", "or") and j + 2 < n and sent.lowers[j + 2] in _SIDES:
                pass  # "current and former officials"
            elif lw in ("to", "with") and sent.lowers[j] in ("close", "familiar"):
                pass  # "said a source close to the probe", "people familiar with the talks"
            else:
                break
        if (
            (lw in lex.reporting or lw in lex.stance)
            and sent.lowers[j] not in W.DETERMINERS
            and not (is_cap(w) and j + 1 > i)
        ):
            break  # a verb; after a determiner a noun ("the reports"), or in a name
        if lw in W.FUNCTION_CAPS and is_cap(w) and lw not in ("of",):
            break
        if j + 1 - i >= (12 if is_cap(w) else 8):
            break
        j += 1
    while j > i and sent.lowers[j] in ("of", "for", "at", "the", "a", "-", "&", "."):
        j -= 1
    return (i, j)


# Adjectives that pair with "and" inside a source: "current and former officials".
_SIDES = frozenset("former current retired senior serving past present other".split())


def _source_ahead(lex: Lexicon, sent: Sentence, i: int) -> bool:
    """Adjectives before a source noun: "current and former State Department officials"."""
    for k in range(i, min(i + 6, len(sent.words))):
        w, low = sent.words[k], sent.lowers[k]
        if not w[:1].isalnum():
            return False
        if lex.is_source_noun(W.strip_possessive(low)):
            return k > i
        if low in W.LEFT_BOUNDARY and low not in ("and", "or"):
            return False
    return False


def _document(lex: Lexicon, low: str) -> bool:
    """A document noun, singular or plural ("report", "reports", "studies")."""
    if low in lex.documents:
        return True
    single = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low
    return single in lex.documents


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
