"""proselint's checks as the ``proselint.*`` rules, run over the Document's prose.

proselint reads raw text and is blind to markup; here its checks run over
``doc.text`` (markup already removed), and each result becomes a :class:`Hit`
at an offset into that text, so the engine maps it to the exact source line
and column of a Markdown or HTML draft and applies config and suppressions.

Each newslint rule names the proselint check paths it runs (``checks``, path
prefixes such as ``typography``) and those it leaves out (``skip``). Results are
kept proselint's way: inside quoted speech they are dropped unless the check
says otherwise; a result must lie within one block of prose.

Speed: proselint runs every check over the whole text. Most of its checks are
lists of phrases that rarely occur, so one RE2 set holding a pattern per check
(built once per process) finds, in one pass over a document, the few checks
that can match; only those run. The pass is shared by every proselint rule
through the document's memo. Checks RE2 cannot prefilter (Python functions, patterns
with look-arounds) always run, which is why the rules holding them are off by
default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from newslint.document import Document, per_document
from newslint.finding import Hit

# Phrases newslint's own style.wordy rule already reports: proselint results on
# the same words are dropped so one slip is not reported twice.
_WORDY = ("style", "wordy.txt")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR = frozenset("a an and as at but by for from in into of on or the to with".split())
_SURPASSED = re.compile(r"\s*Surpassed \d+ ppm\.$")


class _Registry:
    """proselint's checks, loaded once per process, and the RE2 pattern standing for each."""

    def __init__(self) -> None:
        from proselint.checks import __register__ as checks
        from proselint.registry.checks import types
        from proselint.registry.checks.engine import Fast, Padding

        self.checks = list(checks)
        # Per check: None when no RE2 pattern stands for it (Python code, a
        # look-around pattern), so it always runs; else (pattern, role) pairs.
        # role None: the check can match where the pattern does; role
        # (pair, term): a Consistency check, needing every term of one pair.
        self.patterns: list[list[tuple[str, tuple[int, int] | None]] | None] = []
        for check in self.checks:
            kind = check.check_type
            if not isinstance(check.engine, Fast) or callable(kind):
                self.patterns.append(None)
            elif isinstance(kind, types.Existence):
                self.patterns.append([(kind.padding.format(Padding.safe_join(kind.items)), None)])
            elif isinstance(kind, types.ExistenceSimple):
                self.patterns.append([(kind.pattern, None)])
            elif isinstance(kind, types.PreferredFormsSimple):
                joined = Padding.safe_join(list(kind.items))
                self.patterns.append([(kind.padding.format(joined), None)])
            elif isinstance(kind, types.PreferredForms):
                padded = [kind.padding.format(p) for p in kind.items]
                self.patterns.append([(Padding.safe_join(padded), None)])
            elif isinstance(kind, types.Consistency):
                self.patterns.append(
                    [
                        (term, (p, t))
                        for p, pair in enumerate(kind.term_pairs)
                        for t, term in enumerate(pair)
                    ]
                )
            else:
                self.patterns.append(None)


class _Prefilter:
    """One RE2 set over a rule's checks: which of them can match a text, in one pass.

    A set per rule, not one for all of proselint: a small set stays a fast DFA,
    while one holding every check outgrows RE2's memory budget and slows down.
    """

    def __init__(self, registry: _Registry, chosen: frozenset[int]) -> None:
        import re2

        self.registry = registry
        self.roles: list[tuple[int, tuple[int, int] | None]] = []  # set entry -> check
        self.always: set[int] = set()
        opts = re2.Options()
        opts.perl_classes = True
        opts.word_boundary = True
        opts.never_capture = True
        # Case-insensitive for all: a superset of what case-sensitive checks match.
        opts.case_sensitive = False
        self.set = re2.Set.SearchSet(opts)
        for index in sorted(chosen):
            patterns = registry.patterns[index]
            if patterns is None:
                self.always.add(index)
                continue
            probe = re2.Set.SearchSet(opts)
            try:
                for pattern, _ in patterns:
                    probe.Add(pattern)
            except Exception:  # noqa: BLE001 - a pattern RE2 rejects: run the check
                self.always.add(index)
                continue
            for pattern, role in patterns:
                self.set.Add(pattern)
                self.roles.append((index, role))
        self.empty = not self.roles
        if not self.empty:
            self.set.Compile()

    def candidates(self, text: str) -> set[int]:
        """Indices of the checks that may report something in ``text``."""
        found = set(self.always)
        if self.empty:
            return found
        pairs: dict[int, set[tuple[int, int]]] = {}
        for entry in self.set.Match(text) or ():
            index, role = self.roles[entry]
            if role is None:
                found.add(index)
            else:
                pairs.setdefault(index, set()).add(role)
        for index, roles in pairs.items():
            kind = self.registry.checks[index].check_type
            if any(
                all((p, t) in roles for t in range(len(pair)))
                for p, pair in enumerate(kind.term_pairs)
            ):
                found.add(index)
        return found


@lru_cache(maxsize=1)
def _registry() -> _Registry:
    return _Registry()


@lru_cache(maxsize=1)
def _wordy() -> re.Pattern[str] | None:
    """style.wordy's phrases as one pattern (None when the list cannot be read)."""
    from importlib.resources import files

    path = files("newslint.rules").joinpath(*_WORDY)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    phrases = sorted(
        (line.split("->", 1)[0].strip() for line in lines if "->" in line and line[0] != "#"),
        key=len,
        reverse=True,
    )
    if not phrases:
        return None
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _wordy_spans(state: dict, text: str) -> list[tuple[int, int]]:
    """Where style.wordy's phrases stand in the text, found once per document."""
    spans = state.get("wordy")
    if spans is None:
        pattern = _wordy()
        spans = state["wordy"] = [m.span() for m in pattern.finditer(text)] if pattern else []
    return spans


def _matches(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == p or path.startswith(p + ".") for p in prefixes)


@lru_cache(maxsize=64)
def _prefilter(checks: tuple[str, ...], skip: tuple[str, ...]) -> _Prefilter:
    """The prefilter over the proselint checks a rule runs, built once per process."""
    registry = _registry()
    chosen = frozenset(
        i
        for i, c in enumerate(registry.checks)
        if _matches(c.path, checks) and not _matches(c.path, skip)
    )
    return _Prefilter(registry, chosen)


@per_document
def _state(doc: Document) -> dict:
    """Per-document work shared by the proselint rules: padded text, results by check."""
    # proselint pads its input with line breaks so patterns anchored on them (a
    # paragraph's first word) work at the edges; offsets shift by one.
    return {"padded": f"\n{doc.text}\n", "results": {}}


def check(doc: Document, options: dict) -> Iterator[Hit]:
    """Run the proselint checks ``options['checks']`` names, minus ``options['skip']``."""
    if not doc.blocks:
        return
    pre = _prefilter(tuple(options.get("checks") or ()), tuple(options.get("skip") or ()))
    state = _state(doc)
    padded = state["padded"]
    text = doc.text
    # Two checks of one group can report the same slip with the same message
    # (proselint has two patterns for decades): report it once.
    found: list[Hit] = []
    for index in sorted(pre.candidates(padded)):
        check_ = pre.registry.checks[index]
        results = state["results"].get(index)
        if results is None:
            results = state["results"][index] = list(check_.check_with_flags(padded))
        for result in results:
            start, end = result.span[0] - 1, result.span[1] - 1
            start, end = max(start, 0), min(end, len(text))
            # Trim the white space some patterns take in at their edges.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            block = doc.block_at(start)
            if block is None or end > block.end:
                continue
            if not check_.flags.allow_quotes and doc.in_quote(start):
                continue
            if _is_title(text[start:end]) or _party_label(text, start, end):
                continue
            if "nonwords" in check_.path and text[start:end].lower() in _REAL_WORDS:
                continue
            if any(s < end and start < e for s, e in _wordy_spans(state, text)):
                continue
            suggestions = (result.replacements,) if result.replacements else ()
            found.append(Hit(start, end, _message(result.message), suggestions))
    # Longest first at each position, so the fuller of two overlapping reports wins.
    found.sort(key=lambda h: (h.start, -h.end))
    kept: dict[str, int] = {}  # message -> end of the last hit kept with it
    for hit in found:
        if kept.get(hit.message, -1) > hit.start:
            continue
        kept[hit.message] = hit.end
        yield hit


def _party_label(text: str, start: int, end: int) -> bool:
    """'(R)' or '(D)' after a politician's name is a party, not the registered sign:
    "Gov. Paul LePage (R) said"."""
    return text[start:end] in ("(R)", "(D)", "(I)") and text[max(start - 2, 0) : start].strip()[
        -1:
    ].isalpha()


# Words proselint's nonword list holds that standard dictionaries (Merriam-Webster, the
# Oxford English Dictionary) define as ordinary English.
_REAL_WORDS = frozenset({"squelch", "pettifogger"})


def _is_title(matched: str) -> bool:
    """True for a phrase in title case ("Rat Race", "Not the End of the World").

    News names films, songs, books and shows whose titles are stock phrases;
    proselint's lists match them case-blind. A phrase whose words, short function
    words aside, are all capitalised, at least two of them, is taken as a title.
    """
    words = [w for w in _WORD.findall(matched) if w.lower() not in _MINOR]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _message(message: str) -> str:
    """proselint's message as one clean line ending in a full stop."""
    message = " ".join(message.split()).replace(" a a ", " a ")
    # A ppm check appends "Surpassed 30 ppm." to a message that already says so.
    if message.count("ppm") > 1:
        message = _SURPASSED.sub("", message)
    return message if message.endswith((".", "?", "!")) else message + "."
