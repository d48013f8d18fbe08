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

Building the merged table takes about a second, so it is built once and cached
as one compact file in the user cache folder, keyed by the source packages'
versions; loading the cached form takes a few hundredths of a second (see :class:`Lexicon`).
Everything is lazy: nothing is read until a spelling check first runs.
"""

from __future__ import annotations

import marshal
import math
import os
import struct
import sys
import tempfile
import zlib
from array import array

_FORMAT = 6  # bump when the cached layout or the build recipe changes

KNOWN_FLAG = 100  # code >= 100: a dictionary word
PROPER_FLAG = 200  # code >= 200: a word written with a capital (proper-nouns.txt)
_MAGIC = b"NLSP"
_HEADER = struct.Struct("<4s5I")

_LEXICON: Lexicon | None = None


class Lexicon:
    """Known words and word codes, in a form that loads in a few hundredths of a second.

    ``known`` is a frozenset of lower-case dictionary words: the per-token fast
    path. Codes (``code % 100`` = Zipf frequency in tenths, plus the flags above)
    live in an open-addressing hash table inside one bytes object, so loading
    creates no per-word objects; only unknown tokens and their candidate
    corrections are ever looked up there.
    """

    __slots__ = ("known", "_slots", "_mask", "_blob", "_cased", "_memo")

    def __init__(self, known: frozenset[str], slots, blob: bytes, cased: dict[str, str]):
        self.known = known
        self._slots = slots
        self._mask = len(slots) - 1
        self._blob = blob
        self._cased = cased
        self._memo: dict[str, int] = {}

    def code(self, word: str) -> int:
        """The word's code, 0 when no source knows it."""
        memo = self._memo.get(word)
        if memo is not None:
            return memo
        raw = word.encode("utf-8")
        blob, slots, mask = self._blob, self._slots, self._mask
        h = zlib.crc32(raw) & mask
        value = 0
        while True:
            off = slots[h]
            if not off:
                break
            n = blob[off]
            if blob[off + 1 : off + 1 + n] == raw:
                value = blob[off + 1 + n] | (blob[off + 2 + n] << 8)
                break
            h = (h + 1) & mask
        if len(self._memo) < 100_000:
            self._memo[word] = value
        return value

    def zipf(self, word: str) -> float:
        """Web frequency on the Zipf scale (0 = unseen; 3 = once per million words)."""
        return (self.code(word) % KNOWN_FLAG) / 10

    def is_proper(self, word: str) -> bool:
        return self.code(word) >= PROPER_FLAG

    def cased(self, low: str) -> str:
        """How a proper noun is written ("iphone" -> "iPhone")."""
        return self._cased.get(low) or low[:1].upper() + low[1:]


def _proper_path() -> str:
    from importlib import resources

    return str(resources.files("newslint.rules").joinpath("spelling", "proper-nouns.txt"))


# The data files each source package ships: the cache key is their sizes and times,
# found without importing the packages (importing wordfreq alone takes longer than
# loading the cached table).
_SOURCE_FILES = (
    ("wordfreq", ("data", "large_en.msgpack.gz")),
    ("symspellpy", ("frequency_dictionary_en_82_765.txt",)),
    ("spellchecker", ("resources", "en.json.gz")),
)


def _package_file(package: str, parts: tuple[str, ...]) -> str | None:
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
    stamps = []
    paths = [_package_file(pkg, parts) for pkg, parts in _SOURCE_FILES] + [_proper_path()]
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


def build() -> tuple[dict[str, int], dict[str, str]]:
    """Merge the sources into one ``word -> code`` table (a few seconds)."""
    import wordfreq

    table: dict[str, int] = {}
    for word, freq in wordfreq.get_frequency_dict("en", "large").items():
        if freq <= 0 or not word.replace("'", "").replace("-", "").isalpha():
            continue
        # Zipf = log10(frequency per billion words); kept as tenths in an int.
        zipf = math.log10(freq) + 9
        table[word] = min(max(int(round(zipf * 10)), 1), 99)
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
    return table, cased


def compile_table(table: dict[str, int], cased: dict[str, str]) -> bytes:
    """The compact file form of a table (see :class:`Lexicon`)."""
    known = "\n".join(sorted(w for w, code in table.items() if code >= KNOWN_FLAG)).encode()
    nslots = 1 << (2 * len(table) - 1).bit_length()  # load factor <= 0.5
    slots = array("I", bytes(4 * nslots))
    blob = bytearray(b"\0")  # offset 0 means an empty slot
    mask = nslots - 1
    for word, code in table.items():
        raw = word.encode("utf-8")
        if len(raw) > 255:
            continue
        h = zlib.crc32(raw) & mask
        while slots[h]:
            h = (h + 1) & mask
        slots[h] = len(blob)
        blob += bytes([len(raw)]) + raw + code.to_bytes(2, "little")
    extra = marshal.dumps(cased)
    header = _HEADER.pack(_MAGIC, _FORMAT, len(known), nslots, len(blob), len(extra))
    if sys.byteorder != "little":
        slots.byteswap()
    return header + known + slots.tobytes() + bytes(blob) + extra


def parse(data: bytes) -> Lexicon:
    """A :class:`Lexicon` from :func:`compile_table` output."""
    magic, fmt, n_known, nslots, n_blob, n_extra = _HEADER.unpack_from(data)
    if magic != _MAGIC or fmt != _FORMAT:
        raise ValueError("not a newslint spelling table of this version")
    at = _HEADER.size
    known = frozenset(data[at : at + n_known].decode().split("\n"))
    at += n_known
    slots = memoryview(data)[at : at + 4 * nslots].cast("I")
    if sys.byteorder != "little":
        slots = array("I", slots)
        slots.byteswap()
    at += 4 * nslots
    blob = data[at : at + n_blob]
    cased = marshal.loads(data[at + n_blob : at + n_blob + n_extra])
    return Lexicon(known, slots, blob, cased)


def load() -> Lexicon:
    """The lexicon, from the per-process copy, the cache file, or a fresh build."""
    global _LEXICON
    if _LEXICON is not None:
        return _LEXICON
    path = cache_path()
    try:
        with open(path, "rb") as fh:
            _LEXICON = parse(fh.read())
        return _LEXICON
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        pass
    data = compile_table(*build())
    _LEXICON = parse(data)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Write to a temporary file and rename, so parallel workers never read half a file.
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, just without the cache
    return _LEXICON
