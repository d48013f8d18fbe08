"""A small linear token tagger for attribution cues and sources, shipped as weights.

Trained by ``scripts/train_attribution.py`` on the PolNeAR training annotations
(Newell, Margolin & Ruths, LREC 2018) and stored in ``newslint/data/attribution.json.gz``.
Two binary taggers (is this token part of a cue? of a source?) are averaged
perceptrons over window features. Every feature but a few belongs to one token at
a fixed offset (its word, suffix, shape, word class), so a token's score is a sum
of per-word-type partial scores: one dictionary lookup per offset, memoised per
process. That keeps inference pure Python and cheap (no numpy).

The source tagger adds the distance to the nearest predicted cue on either side,
so it runs after the cue tagger.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from itertools import compress, repeat
from operator import add

from newslint.attribution import words as W
from newslint.attribution.lexicon import lexicon

# Offsets and the feature templates each offset uses.
OFFSETS = (-3, -2, -1, 0, 1, 2, 3)
_WORD_OFFSETS = frozenset((-2, -1, 0, 1, 2))
_SUFFIX_OFFSETS = frozenset((-1, 0, 1))
_QUOTES = frozenset("\"“”‘’'«»")
BOUNDARY = "<s>"
_MAX_MEMO = 200_000


def shape(word: str) -> str:
    """A coarse shape: capitalised, lower, all caps, number, or the punctuation itself."""
    if word == BOUNDARY:
        return "B"
    c = word[0]
    if c.isalpha():
        if word.isupper() and len(word) > 1:
            return "A"
        return "X" if c.isupper() else "x"
    if c.isdigit():
        return "d"
    return '"' if c in _QUOTES else c


def word_class(low: str) -> str:
    """The extractor's word classes: reporting, stance, pronoun, source noun, ..."""
    lex = lexicon()
    if low in lex.reporting:
        return "r"
    if low in lex.stance:
        return "s"
    if low == "according":
        return "a"
    if low in W.PRONOUNS:
        return "p"
    base = low.removesuffix("'s").removesuffix("’s")
    if lex.is_source_noun(base):
        return "n"
    if low in W.TITLES:
        return "t"
    if low in W.DETERMINERS:
        return "D"
    if low in W.AUX:
        return "x"
    return "-"


def type_features(word: str, d: int) -> list[str]:
    """The features one word contributes at offset ``d`` from the token scored."""
    return _all_type_features(word)[d - OFFSETS[0]]


def _all_type_features(word: str) -> list[list[str]]:
    """``type_features`` at every offset, sharing the word's shape and class."""
    if word == BOUNDARY:
        return [[f"{d}B"] for d in OFFSETS]
    low = word.lower()
    sh, wc = shape(word), word_class(low)
    suffix = low[-3:] if len(low) > 3 else ""
    out = []
    for d in OFFSETS:
        feats = [f"{d}h{sh}", f"{d}c{wc}"]
        if d in _WORD_OFFSETS:
            feats.append(f"{d}w{low}")
        if suffix and d in _SUFFIX_OFFSETS:
            feats.append(f"{d}s{suffix}")
        if d == 0:
            if len(low) > 2:
                feats.append(f"0t{low[-2:]}")
            lex = lexicon()
            lemma = lex.reporting.get(low) or lex.stance.get(low)
            if lemma:
                feats.append(f"0m{lemma}")
        out.append(feats)
    return out


def pair_features(lowers: list[str], i: int) -> list[str]:
    """The cue tagger's word-pair features of token ``i``: with its left and right neighbour."""
    n = len(lowers)
    left = lowers[i - 1] if i > 0 else BOUNDARY
    right = lowers[i + 1] if i + 1 < n else BOUNDARY
    return [f"P{left}|{lowers[i]}", f"N{lowers[i]}|{right}"]


# A tagger's weights: per-word-type tables by template letter and offset, word-pair
# tables keyed by (left, right), and the per-token rest (bias, previous decision, ...).
Tables = dict[str, list[dict[str, float]]]
Parts = tuple[Tables, tuple[dict, dict], dict[str, float]]
_TEMPLATES = "hcwstmB"


def _split(weights: dict[str, float]) -> Parts:
    """Sort weights by feature name into tables: ``"-2wsaid"`` -> w[1]["said"]."""
    tables: Tables = {c: [{} for _ in OFFSETS] for c in _TEMPLATES}
    pairs: tuple[dict, dict] = ({}, {})
    other: dict[str, float] = {}
    first = OFFSETS[0]
    for name, w in weights.items():
        if name[0] == "-":
            d, rest = int(name[:2]), name[2:]
        elif name[0].isdigit():
            d, rest = int(name[0]), name[1:]
        elif name[:1] in ("P", "N") and "|" in name:
            a, b = name[1:].split("|", 1)
            pairs[name[0] == "N"][(a, b)] = w
            continue
        else:
            other[name] = w
            continue
        tables[rest[:1]][d - first][rest[1:]] = w
    return tables, pairs, other


def _join(tables: Tables, pairs: tuple[dict, dict], other: dict[str, float]) -> dict[str, float]:
    """The inverse of ``_split``: weights by feature name."""
    out = dict(other)
    for c, per_offset in tables.items():
        for d, table in zip(OFFSETS, per_offset, strict=True):
            out.update((f"{d}{c}{v}", w) for v, w in table.items())
    for prefix, table in zip("PN", pairs, strict=True):
        out.update((f"{prefix}{a}|{b}", w) for (a, b), w in table.items())
    return out


def _parts(part: dict) -> Parts:
    """A tagger's tables from its stored form (``compact``) or from plain weights."""
    if "groups" not in part:
        return _split(_weights(part))
    unit = 1 / part["scale"]
    tables: Tables = {c: [{} for _ in OFFSETS] for c in _TEMPLATES}
    pairs: tuple[dict, dict] = ({}, {})
    other: dict[str, float] = {}
    for key, (names, ints) in part["groups"].items():
        values = map(unit.__mul__, ints)
        if key in ("P", "N"):
            left, right = names
            keys = zip(left.split("\n"), right.split("\n"), strict=True)
            pairs[key == "N"].update(zip(keys, values, strict=True))
        elif key == "other":
            other.update(zip(names.split("\n"), values, strict=True))
        else:
            d, c = int(key[:-1]), key[-1]
            tables[c][d - OFFSETS[0]].update(zip(names.split("\n"), values, strict=True))
    return tables, pairs, other


def token_features(
    words: list[str],
    i: int,
    in_quote: bool,
    prev: int,
    cue_left: int = -1,
    cue_right: int = -1,
    word_shape: str = "",
) -> list[str]:
    """Features of token ``i`` that are not per word type (training uses these too).

    The first two are always the bias and the previous decision; the cue-distance
    features come last (``Tagger.distance`` relies on that order).
    """
    feats = ["b", f"p{prev}"]
    if in_quote:
        feats.append("q")
    if prev:
        feats.append(f"pw{words[i].lower()}")
    if cue_left >= 0 or cue_right >= 0:
        sh = word_shape or shape(words[i])
        feats.append(f"dl{_bucket(cue_left)}")
        feats.append(f"dr{_bucket(cue_right)}")
        feats.append(f"dr{_bucket(cue_right)}h{sh}")
        feats.append(f"dl{_bucket(cue_left)}h{sh}")
    return feats


def _bucket(dist: int) -> str:
    if dist < 0:
        return "n"
    if dist <= 3:
        return str(dist)
    return "5" if dist <= 6 else "9" if dist <= 12 else "f"


class Tagger:
    """One binary tagger: weight tables by feature template, a decision threshold."""

    def __init__(self, parts: Parts, threshold: float) -> None:
        t, self.pairs, self.other = parts
        self._tables = t
        self.threshold = threshold
        # word -> its partial score at each offset; grows with the vocabulary seen.
        self._memo: dict[str, tuple[float, ...]] = {}
        # Per offset: the shape, class, word and suffix tables (empty where unused).
        self._per_offset = [
            (
                t["h"][k],
                t["c"][k],
                t["w"][k] if d in _WORD_OFFSETS else {},
                t["s"][k] if d in _SUFFIX_OFFSETS else {},
            )
            for k, d in enumerate(OFFSETS)
        ]
        # Words with a weight of their own at some offset; the part of a word's vector
        # that does not depend on the word itself, by (shape, class, suffixes, lemma).
        self._weighted = frozenset().union(*(w for _h, _c, w, _s in self._per_offset))
        self._shared: dict[tuple, tuple[float, ...]] = {}
        self._boundary = self.vector(BOUNDARY)
        get = self.other.get
        # Constant per-token parts: bias and previous decision (minus the threshold).
        self.base = (
            get("b", 0.0) + get("p0", 0.0) - threshold,
            get("b", 0.0) + get("p1", 0.0) - threshold,
        )
        self.quote = get("q", 0.0)
        self._distance: dict[tuple[int, int, str], float] = {}

    @property
    def weights(self) -> dict[str, float]:
        """All weights by feature name (tests and training; inference reads the tables)."""
        return _join(self._tables, self.pairs, self.other)

    def vector(self, word: str) -> tuple[float, ...]:
        """``word``'s summed feature weights at each offset (memoised).

        The same sums as over ``_all_type_features(word)``, read from per-template
        tables instead of formatting feature names for every new word.
        """
        v = self._memo.get(word)
        if v is not None:
            return v
        if word == BOUNDARY:
            v = tuple(t.get("", 0.0) for t in self._tables["B"])
            self._memo[word] = v
            return v
        low = word.lower()
        lex = lexicon()
        lemma = lex.reporting.get(low) or lex.stance.get(low)
        # The length test is part of the key: words of two letters and of three share
        # the other parts ("in", "tin") but only the longer carries a two-letter suffix.
        key = (
            shape(word),
            word_class(low),
            low[-3:] if len(low) > 3 else "",
            low[-2:],
            lemma,
            len(low) > 2,
        )
        # Most words share their shape, class and suffixes with many others and carry no
        # weight of their own: the part without the word is computed once per key.
        v = self._shared.get(key)
        if v is None:
            v = self._shared[key] = self._shared_part(*key)
        if low in self._weighted:
            words = (w for _h, _c, w, _s in self._per_offset)
            v = tuple(x + w.get(low, 0.0) for x, w in zip(v, words, strict=True))
        self._memo[word] = v
        return v

    def _shared_part(
        self, sh: str, wc: str, suffix: str, suffix2: str, lemma: str | None, long: bool
    ) -> tuple[float, ...]:
        """A word's partial scores from everything but the word itself."""
        out = [
            h.get(sh, 0.0) + c.get(wc, 0.0) + (s.get(suffix, 0.0) if suffix else 0.0)
            for h, c, _w, s in self._per_offset
        ]
        centre = len(OFFSETS) // 2
        if long:
            out[centre] += self._tables["t"][centre].get(suffix2, 0.0)
        if lemma:
            out[centre] += self._tables["m"][centre].get(lemma, 0.0)
        return tuple(out)

    def window_scores(self, words: list[str]) -> list[float]:
        """Per-token sums of the per-type partial scores over the window.

        One memo lookup per token, then a transpose and shifted column sums: the
        per-token work stays inside C loops (``map``, ``zip``, ``sum``).
        """
        memo = self._memo
        if len(memo) > _MAX_MEMO:
            memo.clear()
        get = memo.get
        vecs = list(map(get, words))
        if None in vecs:
            vector = self.vector
            vecs = [v if v is not None else vector(w) for v, w in zip(vecs, words, strict=True)]
        pad = [self._boundary] * (len(OFFSETS) // 2)
        cols = list(zip(*(pad + vecs + pad), strict=True))
        n = len(words)
        return list(map(sum, zip(*(col[k : k + n] for k, col in enumerate(cols)), strict=True)))

    def pair_scores(self, lowers: list[str], scores: list[float]) -> list[float]:
        """``scores`` plus the word-pair weights: C-level ``dict.get`` over zipped neighbours."""
        left_pairs, right_pairs = self.pairs
        if not (left_pairs or right_pairs):
            return scores
        zero = repeat(0.0)  # missing pairs weigh nothing
        edge = [BOUNDARY]
        pairs = zip(edge + lowers[:-1], lowers, strict=True)
        scores = list(map(add, scores, map(left_pairs.get, pairs, zero)))
        pairs = zip(lowers, lowers[1:] + edge, strict=True)
        return list(map(add, scores, map(right_pairs.get, pairs, zero)))

    def rescore_successors(
        self, scores: list[float], words: list[str], barriers: list[bool] | None = None
    ) -> None:
        """Apply the previous-decision feature in place to ``scores``, which were computed
        as if no token had a positive predecessor: each token after a positive one is
        rescored, left to right, while the run stays positive. Positives are rare, so this
        sequential part touches few tokens. A barrier token (a cue, for the source tagger)
        is never rescored and ends the run."""
        b0, b1 = self.base
        delta = b1 - b0
        get = self.other.get
        n = len(scores)
        last = -1
        for i in list(compress(range(n), map((0.0).__lt__, scores))):
            if i <= last:
                continue  # already rescored as the successor of a positive token
            j = i + 1
            while j < n and not (barriers and barriers[j]):
                s = scores[j] + delta + get("pw" + words[j].lower(), 0.0)
                scores[j] = s
                if s <= 0:
                    break
                j += 1
            last = j

    def cue_words(self, at_least: float) -> set[str]:
        """Words whose own weight at the centre of the window is at least ``at_least``."""
        centre = self._tables["w"][len(OFFSETS) // 2]
        return {w for w, x in centre.items() if x >= at_least}

    def distance(self, left: int, right: int, shape: str) -> float:
        """The weights of the cue-distance features (see ``token_features``), memoised."""
        key = (left, right, shape)
        w = self._distance.get(key)
        if w is None:
            get = self.other.get
            feats = token_features([], 0, False, 0, left, right, shape)[2:]
            w = self._distance[key] = sum(get(f, 0.0) for f in feats)
        return w


class Model:
    """The cue and source taggers."""

    def __init__(self, data: dict) -> None:
        self.cue = Tagger(_parts(data["cue"]), data["cue"]["threshold"])
        self.source = Tagger(_parts(data["source"]), data["source"]["threshold"])

    def tag_cues(
        self, words: list[str], lowers: list[str], quoted: list[tuple[int, int]]
    ) -> list[float]:
        """Cue scores minus threshold for a whole document's tokens.

        ``quoted`` lists token ranges inside quotations. The previous decision is a
        feature, so a token after a positive one is rescored; positives are rare,
        so that sequential part touches few tokens.
        """
        tagger = self.cue
        b0 = tagger.base[0]
        scores = tagger.pair_scores(lowers, list(map(b0.__add__, tagger.window_scores(words))))
        q = tagger.quote
        if q:
            for a, b in quoted:
                scores[a:b] = [s + q for s in scores[a:b]]
        tagger.rescore_successors(scores, lowers)
        return scores

    def tag_sources(self, words: list[str], in_quote: list[bool], cues: list[bool]) -> list[float]:
        """Source scores minus threshold, given the predicted cue tokens."""
        base = self.source.window_scores(words)
        if self.source.pairs[0] or self.source.pairs[1]:
            base = self.source.pair_scores([w.lower() for w in words], base)
        n = len(words)
        left, right = _cue_distances(n, list(compress(range(n), cues)))
        tagger = self.source
        b0 = tagger.base[0]
        # Every token's score as if the previous token were not a source (C-level maps),
        # then, as in ``tag_cues``, the successors of positive tokens rescored in order.
        shapes = list(map(_SHAPES.get, words))
        if None in shapes:
            shapes = [
                h if h is not None else _shape_of(w) for h, w in zip(shapes, words, strict=True)
            ]
        keys = list(zip(left, right, shapes, strict=True))
        dists = list(map(tagger._distance.get, keys))
        if None in dists:
            dist = tagger.distance
            dists = [x if x is not None else dist(*k) for x, k in zip(dists, keys, strict=True)]
        out = list(map(b0.__add__, map(add, base, dists)))
        q = tagger.quote
        if q:
            for i in compress(range(n), in_quote):
                out[i] += q
        for i in compress(range(n), cues):
            out[i] = -1.0
        tagger.rescore_successors(out, words, cues)
        return out


def _cue_distances(n: int, cue_at: list[int]) -> tuple[list[int], list[int]]:
    """For each of ``n`` tokens, the distance to the nearest cue token before it and
    after it (-1 when there is none), built from runs rather than token by token."""
    if not cue_at:
        return [-1] * n, [-1] * n
    first, last = cue_at[0], cue_at[-1]
    left = [-1] * (first + 1)
    right = list(range(first, 0, -1))
    for c, nxt in zip(cue_at, cue_at[1:], strict=False):
        left += range(1, nxt - c + 1)
        right += range(nxt - c, 0, -1)
    left += range(1, n - last)
    right += [-1] * (n - last)
    return left, right


# Shapes of the words seen, for the source tagger's per-token distance features.
_SHAPES: dict[str, str] = {}


def _shape_of(word: str) -> str:
    if len(_SHAPES) > _MAX_MEMO:
        _SHAPES.clear()
    h = _SHAPES[word] = shape(word)
    return h


def _weights(part: dict) -> dict[str, float]:
    """Weights by feature: stored as one newline-joined name string and scaled integers."""
    if "weights" in part:
        return part["weights"]
    scale = part["scale"]
    return dict(zip(part["names"].split("\n"), [w / scale for w in part["ints"]], strict=True))


def compact(part: dict, keep: float, scale: int = 10, keep_pairs: float = 0.0) -> dict:
    """The stored form of one tagger: weights below ``keep`` (word pairs: ``keep_pairs``)
    dropped, the rest quantised and grouped by table, so loading is a few
    ``dict(zip(...))`` calls."""
    tables, pairs, other = _split({f: w for f, w in _weights(part).items() if abs(w) >= keep})
    pairs = tuple({k: w for k, w in t.items() if abs(w) >= keep_pairs} for t in pairs)
    groups: dict[str, list] = {}

    def ints(values) -> list[int]:
        return [round(w * scale) for w in values]

    for c, per_offset in tables.items():
        for d, table in zip(OFFSETS, per_offset, strict=True):
            if table:
                items = sorted(table.items())
                groups[f"{d}{c}"] = ["\n".join(k for k, _ in items), ints(w for _, w in items)]
    for prefix, table in zip("PN", pairs, strict=True):
        if table:
            items = sorted(table.items())
            left = "\n".join(a for (a, _b), _ in items)
            right = "\n".join(b for (_a, b), _ in items)
            groups[prefix] = [[left, right], ints(w for _, w in items)]
    if other:
        items = sorted(other.items())
        groups["other"] = ["\n".join(k for k, _ in items), ints(w for _, w in items)]
    return {"groups": groups, "scale": scale, "threshold": part["threshold"]}


# Benchmarks point this at another weights file (before the first ``model()`` call).
PATH: str | None = None


@lru_cache(maxsize=1)
def model() -> Model | None:
    """Load the shipped weights once per process; None when the file is missing."""
    try:
        if PATH is not None:
            with open(PATH, "rb") as f:
                raw = f.read()
        else:
            raw = resources.files("newslint").joinpath("data/attribution.json.gz").read_bytes()
    except (FileNotFoundError, OSError):
        return None
    return Model(json.loads(gzip.decompress(raw)))
