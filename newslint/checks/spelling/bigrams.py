"""Word and word-pair counts of printed English, for weighing a word in its context.

The counts are symspellpy's English lists (``frequency_dictionary_en_82_765.txt``:
82,765 words; ``frequency_bigramdictionary_en_243_342.txt``: the 242,342 most frequent
word pairs), which SymSpell derived from the Google Books n-grams (CC BY 3.0) and ships
under the MIT licence. They are read from the installed package (a dependency), never
copied into newslint and never fetched.

Reading 325,000 lines takes most of a second, so the first use compiles them into one
file in the user cache folder (keyed by the source files' sizes and times, like the
spelling table) and later processes map it: nothing is parsed at load time. The file
is an open-addressing hash table of CRC-32 keys ("word" or "word word") with their
counts; two keys sharing a CRC-32 is a one-in-a-billion chance per lookup and costs at
most a wrong count.
"""

from __future__ import annotations

import os
import struct
import sys
import zlib
from array import array

from newslint.checks.spelling.data import cached_table, files_key, package_file

_FORMAT = 1
_MAGIC = b"NLBG"
_HEADER = struct.Struct("<4s2I2d")  # magic, format, slots, total words, bigram floor
_SOURCES = (
    ("symspellpy", ("frequency_dictionary_en_82_765.txt",)),
    ("symspellpy", ("frequency_bigramdictionary_en_243_342.txt",)),
)

_TABLE: Counts | None = None
# At a load of a third, a probe run past this length does not happen in a table built
# here; a damaged or foreign file cannot make a lookup loop for ever.
_MAX_PROBES = 1024


class Counts:
    """Counts of words and word pairs, read in place from the compiled file."""

    __slots__ = ("_keys", "_counts", "_mask", "_memo", "total", "floor")

    def __init__(self, keys, counts, total: float, floor: float) -> None:
        self._keys = keys  # CRC-32 of each key (0: an empty slot)
        self._counts = counts
        self._mask = len(keys) - 1
        self._memo: dict[str, float] = {}  # bounded: common words and pairs recur
        self.total = total  # words counted in all
        self.floor = floor  # the smallest pair count listed: rarer pairs are left out

    def _get(self, key: str) -> float:
        found = self._memo.get(key)
        if found is None:
            found = self._find(key)
            if len(self._memo) < 200_000:
                self._memo[key] = found
        return found

    def _find(self, key: str) -> float:
        h = zlib.crc32(key.encode("utf-8", "surrogatepass")) or 1
        keys, mask = self._keys, self._mask
        i = h & mask
        for _ in range(_MAX_PROBES):
            k = keys[i]
            if k == h:
                return self._counts[i]
            if not k:
                return 0.0
            i = (i + 1) & mask
        return 0.0  # a run this long is no table this module wrote: read it as absent

    def word(self, word: str) -> float:
        """How often ``word`` (lower case) is printed; 0 when the list lacks it."""
        return self._get(word)

    def pair(self, first: str, second: str) -> float:
        """How often ``first second`` is printed; 0 when rarer than :attr:`floor`."""
        return self._get(f"{first} {second}")


def _sources() -> list[str]:
    return [package_file(pkg, parts) or "" for pkg, parts in _SOURCES]


def cache_path() -> str:
    from newslint.userdirs import cache_dir

    return os.path.join(cache_dir(), f"bigrams-v{_FORMAT}-{files_key(_sources())}.bin")


def compile_counts(entries: list[tuple[str, float]], total: float, floor: float) -> bytes:
    """The file form of ``(key, count)`` entries."""
    nslots = 1 << (2 * len(entries) + 1).bit_length()  # load factor <= 0.5
    mask = nslots - 1
    keys = array("I", bytes(4 * nslots))
    counts = array("f", bytes(4 * nslots))
    for key, count in entries:
        h = zlib.crc32(key.encode("utf-8", "surrogatepass")) or 1
        i = h & mask
        while keys[i] and keys[i] != h:
            i = (i + 1) & mask
        keys[i] = h
        counts[i] = count
    if sys.byteorder != "little":
        keys.byteswap()
        counts.byteswap()
    header = _HEADER.pack(_MAGIC, _FORMAT, nslots, total, floor)
    return header + keys.tobytes() + counts.tobytes()


def parse(data) -> Counts:
    magic, fmt, nslots, total, floor = _HEADER.unpack_from(data)
    if magic != _MAGIC or fmt != _FORMAT or len(data) != _HEADER.size + 8 * nslots:
        raise ValueError("not a newslint bigram table of this version")
    if nslots < 2 or nslots & (nslots - 1) or not total > 0 or not floor > 0:
        raise ValueError("a damaged newslint bigram table")
    view = memoryview(data)
    at = _HEADER.size
    keys, counts = view[at : at + 4 * nslots].cast("I"), view[at + 4 * nslots :].cast("f")
    if sys.byteorder != "little":
        keys, counts = array("I", keys), array("f", counts)
        keys.byteswap()
        counts.byteswap()
    return Counts(keys, counts, total, floor)


def build() -> bytes:
    """Compile the installed symspellpy lists (about a second)."""
    words_path, pairs_path = _sources()
    entries: list[tuple[str, float]] = []
    total = 0.0
    with open(words_path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                entries.append((parts[0], float(parts[1])))
                total += float(parts[1])
    floor = float("inf")
    with open(pairs_path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                count = float(parts[2])
                entries.append((f"{parts[0]} {parts[1]}", count))
                floor = min(floor, count)
    if not entries or floor == float("inf"):
        raise OSError("symspellpy's frequency lists are empty")
    return compile_counts(entries, total, floor)


def load() -> Counts | None:
    """The counts, from this process's copy, the cache file, or a fresh build; None when
    symspellpy's lists cannot be read (the checks that need them then stay quiet)."""
    global _TABLE
    if _TABLE is None:
        try:
            _TABLE = cached_table(cache_path(), parse, build)
        except (OSError, ValueError):
            return None
    return _TABLE
