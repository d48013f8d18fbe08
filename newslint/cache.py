"""A cache of findings for unchanged files, keyed as ruff keys its cache: the
file's bytes, the configuration, the rules (built-in and user packs, with the
word lists they read) and newslint's version. A hit returns exactly what a
check would; anything that could change the result changes the key."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

from newslint import __version__
from newslint.config import Config
from newslint.finding import Finding

CACHE_DIR = ".newslint_cache"


def _stamp(path: str) -> str:
    """Size and modification time of every file under ``path``."""
    parts = []
    if os.path.isfile(path):
        st = os.stat(path)
        return f"{path}:{st.st_size}:{st.st_mtime_ns}"
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            try:
                st = os.stat(full)
            except OSError:
                continue
            parts.append(f"{full}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


class Cache:
    """Findings by content key, stored under ``root/.newslint_cache``."""

    def __init__(self, root: str):
        self.dir = os.path.join(root, CACHE_DIR, __version__)
        self._config_keys: dict[tuple, str] = {}

    def _config_key(self, config: Config) -> str:
        ident = config.key()
        key = self._config_keys.get(ident)
        if key is None:
            from newslint.spec import builtin_root

            # newslint's own code too, so an edited checkout never reads stale results.
            code = os.path.dirname(os.path.abspath(__file__))
            stamps = [_stamp(code), _stamp(builtin_root()), *(_stamp(p) for p in config.packs)]
            for section in config.sections.values():
                for value in section.values():
                    if isinstance(value, str) and os.path.isfile(value):
                        stamps.append(_stamp(value))
            blob = "\n".join([__version__, repr(ident), config.fail_level, *stamps])
            key = self._config_keys[ident] = hashlib.sha256(blob.encode()).hexdigest()
        return key

    def key(self, display: str, data: bytes, config: Config) -> str:
        h = hashlib.sha256(self._config_key(config).encode())
        h.update(display.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.dir, key[:2], key[2:] + ".json")

    def get(self, key: str) -> list[Finding] | None:
        try:
            with open(self._file(key), encoding="utf-8") as fh:
                rows = json.load(fh)
            return [Finding(**{**r, "suggestions": tuple(r["suggestions"])}) for r in rows]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        path = self._file(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self._ensure_gitignore()
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([f.to_dict() for f in findings], fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only tree just means no cache

    def _ensure_gitignore(self) -> None:
        top = os.path.dirname(self.dir)
        marker = os.path.join(top, ".gitignore")
        if not os.path.exists(marker):
            with open(marker, "w", encoding="utf-8") as fh:
                fh.write("# Created by newslint: its cache of findings.\n*\n")
