"""The spelling checks' word data: a curated dictionary plus web word frequencies.

Two sources, each doing what it is good at:

* **Known words** (``KNOWN``): the union of symspellpy's English frequency
  dictionary (82,765 words: Google Books n-grams intersected with SCOWL; MIT) and
  pyspellchecker's English list (MIT). Both are edited word lists, so common
  misspellings ("goverment", "recieve") are *not* in them.
* **Frequencies** (``ZIPF``): wordfreq's ``large`` English list (Zipf scale;
  data CC BY-SA 4.0, read from the installed package, never copied into ours).
  It knows names ("blinken", "xinjiang") *and* common typos, so it is never
  used to call a token a word on its own: only to weigh a token against the
  dictionary word it may be a typo of.

Building the merged table (and the delete index that finds a token's one-edit
neighbours, see :meth:`Lexicon.bucket`) takes a few seconds, so it is built once
and cached as one compact file in the user cache folder, keyed by the source
packages' versions. Loading maps that file into memory (shared between worker
processes) and takes a few hundredths of a second (see :class:`Lexicon`).
Everything is lazy: nothing is read until a spelling check first runs.
"""

from __future__ import annotations

import marshal
import math
import mmap
import os
import struct
import sys
import unicodedata
import zlib
from array import array
from functools import lru_cache
from itertools import accumulate

_FORMAT = 8  # bump when the cached layout or the build recipe changes

KNOWN_FLAG = 100  # code >= 100: a dictionary word
PROPER_FLAG = 200  # code >= 200: a word written with a capital (proper-nouns.txt)
_MAGIC = b"NLSP"
_HEADER = struct.Struct("<4s7I")
# Buckets of the delete index: about one dictionary delete per bucket, so a lookup
# reads one or two word ids (hash collisions are harmless: candidates are verified).
_BUCKETS = 1 << 20

_LEXICON: Lexicon | None = None
# Vowels (and h) after which wordfreq's tokenizer splits an elided prefix: "l'arc".
_ELISION_BEFORE = frozenset("aehiouyáéíóúàèìòùâêîôûåïöœ")


class Lexicon:
    """Known words, word codes and the delete index, read in place from one file.

    Nothing is parsed per word at load time, so a one-article run pays almost
    nothing for a dictionary of 160,000 words. Codes (``code % 100`` = Zipf
    frequency in tenths, plus the flags above) live in an open-addressing hash
    table inside the (memory-mapped) file; :meth:`is_known` reads it once per
    distinct word and remembers the answer, so over a batch the per-token path
    becomes one dict lookup. ``known`` (a frozenset) is built only when asked for.
    """

    __slots__ = (
        "known_memo", "_slots", "_mask", "_data", "_base", "_cased", "_memo",
        "_starts", "_buckets", "_bmask", "_words_at", "_words_end", "_known", "token_memo",
    )  # fmt: skip

    def __init__(self, data, cased: dict[str, str], sections: dict) -> None:
        self._data = data  # the table bytes (or a memory map)
        self._cased = cased
        self._slots = sections["slots"]
        self._mask = len(self._slots) - 1
        self._base = sections["blob"]  # offset of the blob in data
        self._words_at, self._words_end = sections["words"]  # the sorted known words
        self._starts = sections["starts"]
        self._buckets = sections["buckets"]  # offset of the bucket texts in data
        self._bmask = len(self._starts) - 2
        self._memo: dict[str, int] = {}
        self._known: frozenset[str] | None = None
        self.known_memo: dict[str, bool] = {}  # word -> known? (see is_known)
        # Token as written -> what the tokenizer checks of it (see spelling_tokens.words).
        self.token_memo: dict[str, str | None] = {}

    @property
    def known(self) -> frozenset[str]:
        """All dictionary words (lower case); built on first use (a few hundredths of a second)."""
        if self._known is None:
            raw = self._data[self._words_at : self._words_end]
            self._known = frozenset(raw.decode("utf-8", "surrogatepass").split("\n"))
        return self._known

    def is_known(self, word: str) -> bool:
        """True for a dictionary word (lower case); remembered per process."""
        found = self.known_memo.get(word)
        if found is None:
            found = self._lookup(word) >= KNOWN_FLAG
            if len(self.known_memo) < 400_000:  # bounded: a long batch meets many names
                self.known_memo[word] = found
        return found

    def in_dictionary(self, word: str) -> bool:
        """:meth:`is_known` without remembering the answer (for generated strings)."""
        found = self.known_memo.get(word)
        return found if found is not None else self._lookup(word) >= KNOWN_FLAG

    def code(self, word: str) -> int:
        """The word's code, 0 when no source knows it."""
        memo = self._memo.get(word)
        if memo is not None:
            return memo
        value = self._lookup(word)
        if len(self._memo) < 100_000:
            self._memo[word] = value
        return value

    def _lookup(self, word: str) -> int:
        at = self._find(word)
        return self._data[at] | (self._data[at + 1] << 8) if at else 0

    def _find(self, word: str) -> int:
        """Offset of the word's value bytes in the file (code, then web Zipf), 0 if absent."""
        raw = word.encode("utf-8", "surrogatepass")
        data, slots, mask, base = self._data, self._slots, self._mask, self._base
        h = zlib.crc32(raw) & mask
        while True:
            off = slots[h]
            if not off:
                return 0
            off += base
            n = data[off]
            if data[off + 1 : off + 1 + n] == raw:
                return off + 1 + n
            h = (h + 1) & mask

    def web_zipf(self, word: str) -> float | None:
        """Exactly ``wordfreq.zipf_frequency(word, "en")``, for a lower-case word of
        Latin letters in NFC (one wordfreq token); None for any other string.

        Saves loading wordfreq (a third of a second) in every process that weighs names.
        """
        if not word.isalpha():
            # One inner apostrophe keeps one token ("o'brien", "don't"), except after one
            # or two letters before a vowel or h, which wordfreq splits off ("l'oreal").
            word = word.replace("\u2019", "'")
            head, apostrophe, tail = word.partition("'")
            if not apostrophe or not (head.isalpha() and tail.isalpha()):
                return None
            if len(head) <= 2 and tail[0] in _ELISION_BEFORE:
                return None
        if word != word.casefold() or max(word) >= "\u0250":
            return None
        if not word.isascii() and not unicodedata.is_normalized("NFC", word):
            return None
        at = self._find(word)
        return (self._data[at + 2] | (self._data[at + 3] << 8)) / 100 if at else 0.0

    def bucket(self, key: str) -> list[str]:
        """Dictionary words that *may* have ``key`` as a one-character deletion.

        Every word with that deletion is in the list; a few others share the
        hash bucket, so callers verify each word (see ``spelling_suggest.near1``).
        """
        h = zlib.crc32(key.encode("utf-8", "surrogatepass")) & self._bmask
        start, end = self._starts[h], self._starts[h + 1]
        if start == end:
            return []
        at = self._buckets
        # One slice, one decode, one split: the words are stored side by side.
        return self._data[at + start : at + end - 1].decode("utf-8", "surrogatepass").split("\n")

    def zipf(self, word: str) -> float:
        """Web frequency on the Zipf scale (0 = unseen; 3 = once per million words)."""
        return (self.code(word) % KNOWN_FLAG) / 10

    def is_proper(self, word: str) -> bool:
        return self.code(word) >= PROPER_FLAG

    def cased(self, low: str) -> str:
        """How a proper noun is written ("iphone" -> "iPhone")."""
        return self._cased.get(low) or low[:1].upper() + low[1:]


def _proper_path() -> str:
    from newslint.spec import pack_file

    return pack_file("spelling", "proper-nouns.txt")


# The data files each source package ships: the cache key is their sizes and times,
# found without importing the packages (importing wordfreq alone takes longer than
# loading the cached table).
_SOURCE_FILES = (
    ("wordfreq", ("data", "large_en.msgpack.gz")),
    ("symspellpy", ("frequency_dictionary_en_82_765.txt",)),
    ("spellchecker", ("resources", "en.json.gz")),
)


def package_file(package: str, parts: tuple[str, ...]) -> str | None:
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], *parts)


def _versions() -> str:
    """A short key that changes when any source file changes."""
    paths = [package_file(pkg, parts) for pkg, parts in _SOURCE_FILES] + [_proper_path()]
    return files_key(paths)


def files_key(paths: list[str | None]) -> str:
    """A short key of the files' sizes and times: it changes when any of them does."""
    stamps = []
    for path in paths:
        try:
            st = os.stat(path) if path else None
        except OSError:
            st = None
        stamps.append(f"{st.st_size}.{int(st.st_mtime)}" if st else "none")
    return format(zlib.crc32("_".join(stamps).encode()), "08x")


def cache_path() -> str:
    """Where the compiled table lives: the user cache folder, per source versions."""
    from newslint.userdirs import cache_dir

    return os.path.join(cache_dir(), f"spelling-v{_FORMAT}-{_versions()}.bin")


def _missing(exc: ImportError) -> None:
    import warnings

    warnings.warn(
        f"newslint spelling: {exc.name} is not installed; spelling checks will miss typos",
        RuntimeWarning,
        stacklevel=3,
    )


def _curated_words() -> set[str]:
    """Lower-case words from the edited dictionaries that are installed."""
    words: set[str] = set()
    try:
        import symspellpy

        path = os.path.join(
            os.path.dirname(symspellpy.__file__), "frequency_dictionary_en_82_765.txt"
        )
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word = line.split(" ", 1)[0]
                if word:
                    words.add(word.lower())
    except ImportError as exc:
        _missing(exc)
    try:
        import gzip
        import json

        import spellchecker

        path = os.path.join(os.path.dirname(spellchecker.__file__), "resources", "en.json.gz")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            words.update(w.lower() for w in json.load(fh))
    except ImportError as exc:
        _missing(exc)
    return {
        w.replace("\u2019", "'") for w in words if w.replace("'", "").replace("-", "").isalpha()
    }


def _web_zipf(freq: float) -> int:
    """``wordfreq.zipf_frequency`` of a one-token word with frequency ``freq``, in
    hundredths: the frequency rounded to three significant digits, then to Zipf."""
    rounded = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(round(math.log10(rounded) + 9, 2) * 100)


def build() -> tuple[dict[str, int], dict[str, str], dict[str, int]]:
    """Merge the sources into one ``word -> code`` table (a few seconds), with the
    words' exact wordfreq Zipf values in hundredths (see :meth:`Lexicon.web_zipf`)."""
    import wordfreq

    table: dict[str, int] = {}
    web: dict[str, int] = {}
    for word, freq in wordfreq.get_frequency_dict("en", "large").items():
        if freq <= 0 or not word.replace("'", "").replace("-", "").isalpha():
            continue
        # Zipf = log10(frequency per billion words); kept as tenths in an int.
        zipf = math.log10(freq) + 9
        table[word] = min(max(int(round(zipf * 10)), 1), 99)
        web[word] = _web_zipf(freq)
    for word in _curated_words():
        table[word] = table.get(word, 10) % KNOWN_FLAG + KNOWN_FLAG
    cased: dict[str, str] = {}
    try:
        with open(_proper_path(), encoding="utf-8") as fh:
            for line in fh:
                word = line.strip()
                if not word or word.startswith("#"):
                    continue
                low = word.lower()
                table[low] = table.get(low, 10) % KNOWN_FLAG + PROPER_FLAG
                if word != low[:1].upper() + low[1:]:
                    cased[low] = word
    except OSError:
        pass
    return table, cased, web


def deletes(word: str) -> set[str]:
    """The strings one deleted character away from ``word``."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _delete_index(words: list[str]) -> tuple[array, bytes]:
    """Bucket starts and the bucket texts: bucket ``crc32(d) & mask`` holds every word
    with the one-character deletion d, each followed by a newline."""
    if len(words) >= 1 << 20:
        raise ValueError("too many words for the delete index")  # ids are 20 bits below
    mask = _BUCKETS - 1
    crc = zlib.crc32
    raws = [w.encode("utf-8", "surrogatepass") for w in words]
    keyed: list[int] = []
    extend = keyed.extend
    for i, (word, raw) in enumerate(zip(words, raws, strict=True)):
        if len(raw) == len(word):  # ASCII: deleting a byte deletes a character
            dels = {raw[:j] + raw[j + 1 :] for j in range(len(raw))}
        else:
            dels = {d.encode("utf-8", "surrogatepass") for d in deletes(word)}
        extend([(h & mask) << 20 | i for h in map(crc, dels)])
    keyed.sort()
    texts = [raws[k & 0xFFFFF] + b"\n" for k in keyed]
    # The end of each bucket: the running length at its last word (later ones win).
    ends = dict(zip([k >> 20 for k in keyed], accumulate(map(len, texts)), strict=True))
    starts = array("I", bytes(4 * (_BUCKETS + 1)))
    for h, end in ends.items():
        starts[h + 1] = end
    # Empty buckets end where the bucket before them ends.
    return array("I", accumulate(starts, max)), b"".join(texts)


def compile_table(
    table: dict[str, int], cased: dict[str, str], web: dict[str, int] | None = None
) -> bytes:
    """The compact file form of a table (see :class:`Lexicon`)."""
    web = web or {}
    words = sorted(w for w, code in table.items() if code >= KNOWN_FLAG)
    known = "\n".join(words).encode("utf-8", "surrogatepass")
    nslots = 1 << (2 * len(table) - 1).bit_length()  # load factor <= 0.5
    slots = array("I", bytes(4 * nslots))
    blob = bytearray(b"\0")  # offset 0 means an empty slot
    mask = nslots - 1
    for word, code in table.items():
        raw = word.encode("utf-8", "surrogatepass")
        if len(raw) > 255:
            continue
        h = zlib.crc32(raw) & mask
        while slots[h]:
            h = (h + 1) & mask
        slots[h] = len(blob)
        value = code.to_bytes(2, "little") + web.get(word, 0).to_bytes(2, "little")
        blob += bytes([len(raw)]) + raw + value
    extra = marshal.dumps(cased)
    starts, buckets = _delete_index(words)
    header = _HEADER.pack(
        _MAGIC, _FORMAT, len(known), nslots, len(blob), len(extra), len(starts), len(buckets)
    )
    if sys.byteorder != "little":
        for arr in (slots, starts):
            arr.byteswap()
    parts = [header, known, slots.tobytes(), bytes(blob), extra, starts.tobytes(), buckets]
    return b"".join(parts)


def parse(data) -> Lexicon:
    """A :class:`Lexicon` from :func:`compile_table` output (bytes or a memory map)."""
    magic, fmt, n_known, nslots, n_blob, n_extra, n_starts, n_buckets = _HEADER.unpack_from(data)
    if magic != _MAGIC or fmt != _FORMAT:
        raise ValueError("not a newslint spelling table of this version")
    size = _HEADER.size + n_known + 4 * nslots + n_blob + n_extra + 4 * n_starts + n_buckets
    if len(data) != size:
        raise ValueError("truncated newslint spelling table")
    view = memoryview(data)

    def uints(at: int, n: int):
        arr = view[at : at + 4 * n].cast("I")
        if sys.byteorder != "little":
            arr = array("I", arr)
            arr.byteswap()
        return arr

    at = _HEADER.size
    sections = {"words": (at, at + n_known)}
    at += n_known
    sections["slots"] = uints(at, nslots)
    at += 4 * nslots
    sections["blob"] = at  # read in place
    at += n_blob
    cased = marshal.loads(data[at : at + n_extra])
    at += n_extra
    sections["starts"] = uints(at, n_starts)
    sections["buckets"] = at + 4 * n_starts
    return Lexicon(data, cased, sections)


def read_mapped(path: str):
    """The file's bytes, memory-mapped where possible (shared between worker processes)."""
    with open(path, "rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return fh.read()


def load() -> Lexicon:
    """The lexicon, from the per-process copy, the cache file, or a fresh build."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = cached_table(cache_path(), parse, lambda: compile_table(*build()))
    return _LEXICON


def cached_table(path: str, parse, build):
    """The compiled table at ``path`` read in place by ``parse``; when it is missing or
    unreadable, ``build()``'s bytes parsed and saved there for the next process."""
    try:
        return parse(read_mapped(path))
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        pass
    data = build()
    table = parse(data)
    save_atomic(path, data)
    return table


def save_atomic(path: str, data: bytes) -> None:
    """Write the table atomically (parallel workers never read half a file)."""
    import tempfile

    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        prune_stale(path)
    except OSError:
        # A read-only home still works, just without the cache; on Windows a table
        # another process has mapped cannot be replaced, and that copy is as good.
        if tmp and os.path.exists(tmp):
            try:
                os.unlink(tmp)
            except OSError:
                pass


# A table for other source versions left unread this long is gone for good (an upgrade
# or another checkout made it): each is tens of megabytes.
STALE_SECONDS = 7 * 24 * 3600


def prune_stale(path: str) -> None:
    """Delete the older tables of the same kind as ``path`` ("spelling-v8-*.bin") that
    no process has read for a week; the one just written stays."""
    import time

    folder, name = os.path.split(path)
    kind = name.split("-", 1)[0] + "-"
    cutoff = time.time() - STALE_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name == name or not entry.name.startswith(kind) or not entry.name.endswith(".bin"):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if entry.is_file(follow_symlinks=False) and max(st.st_atime, st.st_mtime) < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass


@lru_cache(maxsize=65536)
def web_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word``, read from the lexicon's compact table where
    it can be (the same value), so wordfreq is imported only for unusual strings."""
    zipf = load().web_zipf(word)
    if zipf is None:
        from wordfreq import zipf_frequency

        zipf = zipf_frequency(word, "en")
    return zipf
