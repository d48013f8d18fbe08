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
as a marshal file in the user cache folder, keyed by the source packages'
versions; loading the cached form takes a few hundredths of a second.
Everything is lazy: nothing is read until a spelling check first runs.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from importlib import metadata

_FORMAT = 4  # bump when the cached layout or the build recipe changes
_SOURCES = ("wordfreq", "symspellpy", "pyspellchecker")

# Filled by load(): word -> code. code % 100 = zipf*10 (0..80); + 100 when the
# curated dictionary knows the word; + 200 (instead) when it is a word written with
# a capital (proper-nouns.txt). Keys are lower case with straight apostrophes.
_TABLE: dict[str, int] | None = None
# Proper nouns whose written form is not simply Capitalised (iPhone, McDonald).
_CASED: dict[str, str] = {}
KNOWN_FLAG = 100
PROPER_FLAG = 200


def _proper_path() -> str:
    from importlib import resources

    return str(resources.files("newslint.rules").joinpath("spelling", "proper-nouns.txt"))


def _versions() -> str:
    try:
        st = os.stat(_proper_path())
        parts = [f"proper-{st.st_size}-{int(st.st_mtime)}"]
    except OSError:
        parts = ["proper-none"]
    for name in _SOURCES:
        try:
            parts.append(f"{name}-{metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}-none")
    return "_".join(parts)


def cache_path() -> str:
    """Where the compiled table lives: the user cache folder, per source versions."""
    base = os.environ.get("NEWSLINT_CACHE_DIR")
    if not base:
        if sys.platform == "win32":
            base = os.path.join(os.environ.get("LOCALAPPDATA", os.path.expanduser("~")), "newslint")
        else:
            xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
            base = os.path.join(xdg, "newslint")
    return os.path.join(base, f"spelling-v{_FORMAT}-{_versions()}.marshal")


def _curated_words() -> set[str]:
    """Lower-case words from the edited dictionaries that are installed."""
    words: set[str] = set()
    try:
        import symspellpy

        path = os.path.join(os.path.dirname(symspellpy.__file__), "frequency_dictionary_en_82_765.txt")
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word = line.split(" ", 1)[0]
                if word:
                    words.add(word.lower())
    except ImportError:
        pass
    try:
        import gzip
        import json

        import spellchecker

        path = os.path.join(os.path.dirname(spellchecker.__file__), "resources", "en.json.gz")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            words.update(w.lower() for w in json.load(fh))
    except ImportError:
        pass
    return {w.replace("\u2019", "'") for w in words if w.replace("'", "").replace("-", "").isalpha()}


def build() -> tuple[dict[str, int], dict[str, str]]:
    """Merge the sources into one ``word -> code`` table (about a second)."""
    import wordfreq

    table: dict[str, int] = {}
    for word in wordfreq.get_frequency_dict("en", "large"):
        if not word.replace("'", "").replace("-", "").isalpha():
            continue
        # Zipf = log10(frequency per billion words); kept as tenths in an int.
        zipf = wordfreq.zipf_frequency(word, "en", "large")
        table[word] = max(int(round(zipf * 10)), 1)
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


def cased(low: str) -> str:
    """How a proper noun is written ("iphone" -> "iPhone"); call after :func:`load`."""
    return _CASED.get(low) or low[:1].upper() + low[1:]


def load() -> dict[str, int]:
    """The table, from the per-process copy, the cache file, or a fresh build."""
    global _TABLE, _CASED
    if _TABLE is not None:
        return _TABLE
    path = cache_path()
    try:
        with open(path, "rb") as fh:
            _TABLE, _CASED = marshal.load(fh)
        return _TABLE
    except (OSError, ValueError, EOFError, TypeError):
        pass
    _TABLE, _CASED = build()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Write to a temporary file and rename, so parallel workers never read half a file.
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            marshal.dump((_TABLE, _CASED), fh)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, just without the cache
    return _TABLE
