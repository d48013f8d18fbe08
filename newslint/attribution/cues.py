"""Cues found by rule: reporting and stance verbs of the lexicon, "according to", a
poll opening a sentence, and agentless passives ("it is believed").

For each cue the subject comes from :mod:`subjects` and the content from
:mod:`contents`; the source's kind from :mod:`kind`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from newslint.attribution import words as W
from newslint.attribution.base import Attribution, Span
from newslint.attribution.contents import Contents, content_start
from newslint.attribution.kind import doc_words, source_kind, source_of
from newslint.attribution.lexicon import Lexicon, lexicon
from newslint.attribution.subjects import left_subject, right_np, strong_source
from newslint.attribution.tokens import QUOTE_CHARS, Sentence, Tokens, is_cap, is_name
from newslint.document import Document


# Claims attributed to nobody: agentless passives and impersonal constructions.
@lru_cache(maxsize=1)
def no_source_pattern() -> re.Pattern[str]:
    """Agentless claims, from the lexicon's ``agentless.txt``: "it is believed", "are
    thought to", "there are reports", "has been well documented", "reportedly"."""
    lex = lexicon()
    it, to, there = ("|".join(lex.agentless_words(tag)) for tag in ("it", "to", "there"))
    return re.compile(
        r"\b(?:(?:it|this)\s+(?:is|was|has\s+been|had\s+been|is\s+being|had\s+long\s+been|"
        r"has\s+long\s+been)\s+(?:\w+ly\s+)?"
        rf"(?:{it}|widely\s+accepted)|"
        r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|be)\s+(?:\w+ly\s+)?"
        rf"(?:{to})\s+(?:to|as|by\s+(?:many|some|most|others))\b|"
        r"(?:has|have|had)\s+been\s+(?:well[\s\-]documented|widely\s+\w+ed|well[\s\-]established)|"
        rf"(?:there\s+(?:are|were|have\s+been|is)\s+(?:\w+\s+)?(?:{there}))|"
        r"one\s+view\s+is|reportedly|is\s+widely\s+\w+ed|are\s+widely\s+\w+ed)\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def no_source_triggers() -> frozenset[str]:
    """Words one of which every match of :func:`no_source_pattern` holds: the pattern
    runs only near them."""
    extra = """accepted documented established well-documented well-established view
    reportedly widely""".split()
    return frozenset(lexicon().agentless) | frozenset(extra)


# Verbs that put their subject after them in a closing tag: '..., says Michael Howard.'
_INVERTING = frozenset(
    "say add tell write ask explain continue note insist reply warn claim argue conclude".split()
)
# Verbs whose object is the listener: after them a short tail is who heard, not what was said.
_LISTENER_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "update"})
# What opens the content after a listener: "told reporters that", "told CNN:".
_CLAUSE_MARKS = frozenset(("that", ":", *QUOTE_CHARS))
# Documents whose findings a sentence may open with: "In a new poll, ...".
_POLLS = frozenset("poll polls survey surveys".split())


class RuleCues:
    """The rules' attributions in one document."""

    def __init__(self, doc: Document, lex: Lexicon, contents: Contents) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.contents = contents
        self._kinds: dict[tuple, str] = {}

    def in_sentence(self, sent: Sentence) -> list[Attribution]:
        out: list[Attribution] = []
        used_until = -1  # token index up to which an attribution already claimed words
        lex = self.lex
        n = len(sent.words)
        cands = list(compress(range(n), map(candidates().__contains__, sent.lowers)))
        if cands and n - cands[-1] <= 8 and sent.lowers[cands[-1]] in lex.reporting:
            # A closing attribution ("..., Smith said Tuesday.") governs everything
            # before it: verbs inside its content are the speaker's, not ours.
            t = cands[-1]
            att = None if self.doc.in_quote(sent.starts[t]) else self.verb(sent, t, True, out)
            if att is not None and att.content is not None and att.content[1] <= att.cue[0]:
                return [att]
        for i in cands:
            low = sent.lowers[i]
            if i <= used_until or self.doc.in_quote(sent.starts[i]):
                continue
            if i > 0 and is_cap(sent.words[i]) and sent.words[i - 1] not in QUOTE_CHARS:
                continue  # part of a name or a headline: "Islamic State", "Rules Report"
            if low == "according":
                att = self.according(sent, i)
            else:
                att = self.verb(sent, i, low in lex.reporting, out)
            if att is None or att.content is None:
                continue
            out.append(att)
            # PolNeAR-style univocal reading: a cue inside the content of another
            # ("Smith said he wants ...") belongs to the reported speech.
            last = att.cue[1] if att.content[1] <= att.cue[0] else att.content[1]
            used_until = max(used_until, sent.index_at(min(last, sent.end) - 1))
        return out

    def in_document(self, sent: Sentence) -> Attribution | None:
        """'In a new Gallup poll, 40 percent back ...': a poll or survey opening the
        sentence is the source of what follows its comma; "In" is the cue. (Other
        documents, "In an interview, Smith said", leave the cue to the verb.)"""
        words, lowers, n = sent.words, sent.lowers, len(sent.words)
        if not n or lowers[0] != "in":
            return None
        k = 1
        while k < n and k <= 10 and lowers[k] not in _POLLS:
            if not (words[k][0].isalnum() or words[k] in "-/&."):
                return None  # a comma or a quotation before the noun: another shape
            k += 1
        if k >= n or k > 10 or k == 1:
            return None
        # The source runs to the comma: "the new poll, conducted March 1-3,".
        end = k
        while end + 1 < n and words[end + 1] != "," and end - k < 8:
            end += 1
        if end + 2 >= n or words[end + 1] != ",":
            return None
        if end > k:
            # "In the new poll, conducted March 1-3, most voters": keep the participle.
            j = end + 2
            while j < n and words[j] != "," and j - end < 8:
                j += 1
            if j + 2 < n and words[j] == "," and lowers[end + 2].endswith("ed"):
                end = j - 1
        content = self.contents.span_to_end(sent, end + 2)
        source = (sent.starts[1], sent.ends[end])
        return self.make(source, (sent.starts[0], sent.ends[0]), content, sent, (1, end))

    def according(self, sent: Sentence, i: int) -> Attribution | None:
        if i + 1 >= len(sent.words) or sent.lowers[i + 1] != "to":
            return None
        src = right_np(self.lex, sent, i + 2)
        if src is None:
            return None
        cue = (sent.starts[i], sent.ends[i + 1])
        first = i == 0 or (i == 1 and sent.words[0] in QUOTE_CHARS)
        if first:
            # "According to X, content."
            j = src[1] + 1
            while j < len(sent.words) and sent.words[j] == ",":
                j += 1
            content = self.contents.span_to_end(sent, j)
        else:
            content = self.contents.span_before(sent, i)
        source = (sent.starts[src[0]], sent.ends[src[1]])
        return self.make(source, cue, content, sent, src)

    def verb(
        self, sent: Sentence, i: int, reporting: bool, earlier: list[Attribution]
    ) -> Attribution | None:
        lex = self.lex
        low = sent.lowers[i]
        lemma = lex.reporting.get(low) or lex.stance.get(low, low)
        prev = sent.lowers[i - 1] if i > 0 else ""
        # A noun or infinitive, not a finite verb: "the report", "a claim", "to say".
        if prev in W.DETERMINERS and prev not in ("that", "many", "some", "most", "all", "both"):
            return None
        if prev.endswith(("'s", "’s", "s'", "s’")) and prev not in (
            "it's",
            "it’s",
            "he's",
            "she's",
            "he’s",
            "she’s",
        ):
            return None  # "Clinton's comments", "the committee's report"
        if low.endswith("ing") and prev in ("the", "a", "an", "of", "by", "for"):
            return None
        if not_speech(sent, i, lemma):
            return None
        if prev in ("to",) and lemma not in ("say", "tell", "add"):
            return None
        if prev in (
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "get",
            "got",
        ) and not low.endswith("ing"):
            return self.passive(sent, i)  # "he was told by", else the no-source pattern
        cue_end = i
        # Phrasal and multiword cues: "pointed out", "said in a statement".
        if (
            i + 1 < len(sent.words)
            and sent.lowers[i + 1] in ("out", "up")
            and lemma
            in (
                "point",
                "speak",
                "call",
            )
        ):
            cue_end = i + 1
        src = left_subject(self.lex, sent, i, reporting or low in ("says", "said"))
        inverted = False
        closing_tag = False
        if src is None and prev == "," and lemma in _INVERTING:
            # '..., says Tory leader Michael Howard.': an inverted tag closing the sentence,
            # not a verb sharing the sentence's subject.
            inv = right_np(self.lex, sent, i + 1, inverted=True)
            n = len(sent.words)
            closing_tag = inv is not None and (inv[1] + 1 >= n or sent.words[inv[1] + 1] in ".!?")
        if (
            src is None
            and not closing_tag
            and (prev in (",", "and", "but") or low.endswith("ing"))
            and prev not in W.DETERMINERS
        ):
            # "..., adding that", "and accused him of": the subject of the clause.
            src = self.clause_subject(sent, i, earlier)
            if src is not None:
                att = self.from_source(sent, i, i, src, lemma)
                return att
        if src is None:
            if i > 0 and sent.words[i - 1] not in ",\"”’'" and i != 0:
                return None
            src = right_np(self.lex, sent, i + 1, inverted=True)
            if src is None:
                return None
            inverted = True
            n = len(sent.words)
            k = src[1] + 1
            if (
                k + 1 < n
                and sent.words[k] == ","
                and (sent.lowers[k + 1] in W.DETERMINERS or is_cap(sent.words[k + 1]))
            ):
                # '"...," said Jane Smith, the mayor.', '"...," said the chairman of the
                # committee, Labour MP Barry Sheerman.': keep the description or the name.
                end = k + 1
                while end + 1 < n and sent.words[end + 1][0].isalnum() and end - k < 10:
                    end += 1
                if end + 1 >= n or sent.words[end + 1] in ".,;":
                    src = (src[0], end)
        if low in lex.stance and lemma in W.NOUNISH and not strong_source(self.lex, sent, src):
            return None
        if low in lex.reporting and lemma in W.NOUNISH and not strong_source(self.lex, sent, src):
            return None
        if not inverted:
            return self.from_source(sent, i, cue_end, src, lemma)
        cue = (sent.starts[i], sent.ends[cue_end])
        if inverted:
            content = self.contents.span_before(sent, i)
            after = src[1] + 1
            more = self.contents.quote_after(sent, after)
            if more and content:
                content = (content[0], more[1])
        source = (sent.starts[src[0]], sent.ends[src[1]])
        return self.make(source, cue, content, sent, src)

    def from_source(self, sent: Sentence, i: int, cue_end: int, src, lemma: str) -> Attribution:
        """Subject before the verb: content after it, or before the subject."""
        cue = (sent.starts[i], sent.ends[cue_end])
        after = content_start(sent, cue_end + 1, lemma)
        if after is not None and lemma in _LISTENER_VERBS:
            words = [w for w in sent.words[after:] if w[0].isalnum()]
            if len(words) <= 3:
                after = None  # '"...," Silva told reporters.': the listener is not the content
        content = self.contents.span_to_end(sent, after) if after is not None else None
        if (
            content is not None
            and lemma in _LISTENER_VERBS
            and not any(w in _CLAUSE_MARKS for w in sent.lowers[cue_end + 1 :])
        ):
            # '"We have waited long enough," Ms Naidoo told reporters after the vote.':
            # the quotation before the subject is what was told, not the listener.
            first = sent.index_at(src.source[0]) if isinstance(src, Attribution) else src[0]
            before = self.contents.span_before(sent, first) if first > 0 else None
            if before and self.contents.is_quote(before):
                content = before
        if content is None or content[1] - content[0] < 2:
            first = sent.index_at(src.source[0]) if isinstance(src, Attribution) else src[0]
            # At the sentence's start, the quotation that closed the sentence before:
            # '"...do the investigation?’” Holmes testified.'
            before = self.contents.span_before(sent, first)
            if before:
                more = self.contents.quote_after(sent, cue_end + 1)
                content = (before[0], more[1]) if more else before
        if isinstance(src, Attribution):
            return Attribution(src.source, cue, content, self.contents.is_quote(content), src.kind)
        source = (sent.starts[src[0]], sent.ends[src[1]])
        return self.make(source, cue, content, sent, src)

    def clause_subject(self, sent: Sentence, i: int, earlier: list[Attribution]):
        """The speaker of a participle or conjoined verb: the sentence's last attribution or subject.

        Not for a verb inside what an attribution of the sentence reports ("Robb said
        the decision dragged the campaign down and showed they were rattled"): its
        subject is in the reported clause, not the speaker. A verb after a comma ("...,
        but admitted", "..., saying") or joined to a stance verb ("welcomed the move but
        added") is the speaker's own."""
        at = sent.starts[i]
        lowers = sent.lowers
        comma = (
            lowers[i - 1] == ","
            or (i > 1 and lowers[i - 1] in ("and", "but") and lowers[i - 2] == ",")
            or (i + 1 < len(lowers) and (lowers[i + 1] == ":" or sent.words[i + 1] in QUOTE_CHARS))
        )  # after a comma, or introducing words ("but argued: ..."): the speaker's own verb
        last = earlier[-1] if earlier else None
        stance = (
            last is not None
            and last.cue is not None
            and self.text[last.cue[0] : last.cue[1]].split()[-1].lower() in self.lex.stance
        )
        if not (comma or stance) and any(
            a.content
            and a.content[0] <= at < a.content[1]
            and a.source
            and a.source[0] >= sent.start
            for a in earlier
        ):
            return None
        if earlier and earlier[-1].source and earlier[-1].cue[1] <= sent.starts[i]:
            src0 = earlier[-1].source[0]
            if src0 >= sent.start and not (comma and _in_aside(sent, src0)):
                return earlier[-1]
        start = 0
        first = sent.lowers[0] if sent.words else ""
        if first.endswith(("ing", "ed")) or first in W.LEFT_BOUNDARY:
            # "Starting in London, he visited ... pledging": the subject after the opening.
            comma = next((k for k in range(1, min(i, 25)) if sent.words[k] == ","), None)
            if comma is not None:
                start = comma + 1
        src = right_np(self.lex, sent, start)
        if src is not None and is_name(sent, src[0]):
            # "Kathy Griffin apologizes for the shoot, says ...": the name, not its verb.
            k = src[0]
            while k < src[1] and is_cap(sent.words[k + 1]):
                k += 1
            src = (src[0], k)
        if src is not None and src[1] < i and strong_source(self.lex, sent, src):
            return src
        return None

    def passive(self, sent: Sentence, i: int) -> Attribution | None:
        """'Sanders was asked by the host whether ...': the agent is the source."""
        n = len(sent.words)
        if i + 2 < n and sent.lowers[i + 1] == "by":
            src = right_np(self.lex, sent, i + 2)
            if src is not None and strong_source(self.lex, sent, src):
                cue = (sent.starts[i - 1], sent.ends[i])
                k = src[1] + 1
                content = self.contents.span_to_end(sent, content_start(sent, k, "ask") or n)
                source = (sent.starts[src[0]], sent.ends[src[1]])
                return self.make(source, cue, content, sent, src)
        return None

    def make(
        self, source: Span, cue: Span, content: Span | None, sent: Sentence, src
    ) -> Attribution:
        return Attribution(
            source, cue, content, self.contents.is_quote(content), self.kind(sent, src)
        )

    def kind(self, sent: Sentence, src: tuple[int, int]) -> str:
        """The source's kind (see ``attribution_kind``: person, organisation, ...)."""
        a, b = src
        if a == b and (
            sent.lowers[a] in W.PRONOUNS
            or sent.lowers[a] == "who"
            or _contraction(sent.lowers[a]) in W.PRONOUNS
        ):
            return "pronoun"  # the commonest source, without building its phrase

        words = sent.words
        prev = words[a - 1] if a else ""
        # The kind depends on the phrase, the word before it and the four after it:
        # the same phrase in the same place ("Mr Balls said") is typed once a document.
        key = None if prev.lower() == "by" else (a == 0, prev, tuple(words[a : b + 5]), b - a)
        if key is not None:
            got = self._kinds.get(key)
            if got is not None:
                return got

        def name_at(k: int) -> bool:
            return is_name(sent, k)

        phrase = source_of(words, sent.lowers, a, b, name_at, doc_words(self.doc), self.lex)
        got = source_kind(phrase, self.lex)
        if key is not None:
            self._kinds[key] = got
        return got

    def no_source(self, m: re.Match[str]) -> Attribution:
        s = self.doc.sentences[self.doc.sentence_at(m.start())]
        content = (m.end() + 1, s[1]) if m.end() + 1 < s[1] else None
        return Attribution(None, (m.start(), m.end()), content, False, "none")


# After "plead", the legal plea: "pleaded guilty", "pleads not guilty", "no contest".
_PLEAS = frozenset("guilty innocent not no".split())
# Reflexives after "call": a name taken ("a group calling itself the Free Army").
_REFLEXIVES = frozenset("itself himself herself themselves myself ourselves yourself".split())
# Verbs of answering, which say nothing when not done: "did not respond to a request
# for comment", "would not comment".
_NO_ANSWER = frozenset("respond comment reply answer".split())
_REFUSED = frozenset("not never".split())
# What follows "found" when something is discovered, not concluded: "found in Santa Fe",
# "found dead", "found guilty".
_FOUND_WHERE = frozenset(
    "in at on near inside outside under dead alive guilty wandering hiding lying".split()
)
# Whom one phones: "calling her mother", "called police".
_PHONED = frozenset(
    """
    mother father mom mum dad parents wife husband son daughter brother sister friend
    friends family police 911 999 ambulance doctor boss office home neighbour neighbor
    """.split()
)
# Nouns that share a form with a reporting verb: "Main points of the plan", "claims of
# fraud" (not "complained of", "warned of": those are verbs).
_NOUN_BEFORE_OF = W.NOUNISH - {"complain"}


def _contraction(low: str) -> str:
    """A pronoun without its contracted auxiliary: "we've" -> "we", "she'd" -> "she"."""
    for mark in ("'", "’"):
        if mark in low:
            return low.split(mark, 1)[0]
    return low


def _in_aside(sent: Sentence, pos: int) -> bool:
    """``pos`` lies inside a clause set off by commas after the sentence's subject ("A
    teacher, who spoke because | she feared ..., said"): not the subject's verb."""
    k = sent.index_at(pos)
    return any(w == "," for w in sent.words[:k]) and any(
        low in ("who", "which", "because", "since", "as", "while", "when", "after")
        for low in sent.lowers[:k]
    )


def not_speech(sent: Sentence, i: int, lemma: str) -> bool:
    """The verb at ``i`` does not report words or a view here, however it reads alone:

    - a legal plea: "pleaded guilty", "pleaded not guilty" (not "pleaded with them");
    - "call" as phoning or naming: "calling her mother", "called police", "a group
      calling itself the Free Army", "a company called Acme" (not "calling for a ban",
      "called the plan a disaster");
    - a noun before "of": "Main points of the plan", "claims of fraud";
    - an answer not given: "did not respond to a request for comment", "an email
      seeking comment";
    - a discovery: "Cat found in New Mexico", "found dead";
    - a reputation or a name: "known for", "known as".
    """
    lowers = sent.lowers
    n = len(lowers)
    nxt = lowers[i + 1] if i + 1 < n else ""
    low = lowers[i]
    if lemma == "plead":
        return nxt in _PLEAS
    if lemma == "find" and low in ("found", "finds") and nxt in _FOUND_WHERE:
        return True  # "Cat found in New Mexico", "was found dead": a discovery
    if low == "expected" and i > 0 and lowers[i - 1] == ",":
        return True  # "the Budget, expected in March": a schedule
    if lemma == "seek" and nxt == "comment":
        return True  # "an email seeking comment"
    if low == "known" and nxt in ("for", "as"):
        return True  # "an administration known for haphazard policy": a reputation, a name
    if lemma in _NO_ANSWER and any(
        w in _REFUSED or w.endswith(("n't", "n’t")) for w in lowers[max(i - 2, 0) : i]
    ):
        return True  # "did not respond to a request for comment", "declined to comment"
    if nxt == "of" and lemma in _NOUN_BEFORE_OF and (low.endswith("s") or low == lemma):
        return True
    if lemma != "call" or not nxt:
        return False
    if nxt in _REFLEXIVES:
        return True  # naming oneself
    prev = lowers[i - 1] if i > 0 else ""
    if (
        low in ("called", "calling")
        and is_cap(sent.words[i + 1])
        and prev[:1].isalpha()
        and not is_cap(sent.words[i - 1])
        and prev not in W.PRONOUNS
        and prev not in W.AUX
    ):
        return True  # "a company called Acme": a name, not a view
    k = i + 1
    if lowers[k] in ("the", "his", "her", "their", "my", "our", "an", "a"):
        k += 1
    return (
        k < n
        and lowers[k] in _PHONED
        and (k + 1 >= n or not sent.words[k + 1][:1].isalnum() or lowers[k + 1] in W.LEFT_BOUNDARY)
    )


def no_source_matches(text: str, toks: Tokens) -> list[re.Match[str]]:
    """Agentless claims: the pattern runs only in a few tokens around a trigger word."""
    lowers, starts, ends = toks.lowers, toks.starts, toks.ends
    n = len(lowers)
    if not n:
        return []
    hits = []
    last = -1
    for i in compress(range(n), map(no_source_triggers().__contains__, lowers)):
        a = max(i - 6, 0, last)
        b = min(i + 3, n - 1)
        for m in no_source_pattern().finditer(text, starts[a], ends[b]):
            if not hits or m.start() >= hits[-1].end():
                hits.append(m)
        last = i - 1
    return hits


@lru_cache(maxsize=1)
def candidates() -> frozenset[str]:
    """Token forms that start a rule attribution: every reporting and stance verb form."""
    lex = lexicon()
    return frozenset(lex.reporting) | frozenset(lex.stance) | {"according"}
