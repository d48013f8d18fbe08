"""A cache of findings for unchanged files, keyed as ruff keys its cache: the
file's bytes, the configuration, the rules (built-in and user packs, with the
word lists they read) and newslint's version. A hit returns exactly what a
check would; anything that could change the result changes the key.

The cache lives in the checked tree (``.newslint_cache/``), where anyone who can
commit to the repository can plant files, so nothing in it is trusted
(docs/security.md):

- every entry carries an HMAC-SHA256 of its cache key and its findings under a
  per-user secret kept in the user's cache folder (``userdirs.cache_dir()``, mode
  0600); an entry that fails the check, or whose findings are not exactly the
  fields a finding has, is a miss and is checked afresh;
- the cache folder and every folder under it must be real folders inside the folder
  the cache belongs to: a symbolic link anywhere on the way (``.newslint_cache``
  itself, the version folder, an entry's folder) switches the cache off for the run,
  with one notice, and nothing is written;
- entries and the ``.gitignore`` are written as new files renamed into place, never
  through an existing link.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import tempfile

from newslint import __version__
from newslint.config import Config
from newslint.finding import Finding

CACHE_DIR = ".newslint_cache"

# Fields of a cached finding and their types.
_FIELDS = {
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "rule": str,
    "severity": str,
    "message": str,
    "suggestions": list,
}


def stamp(path: str) -> str:
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
        self.root = root
        self.dir = os.path.join(root, CACHE_DIR, __version__)
        self._config_keys: dict[tuple, str] = {}
        self._secret: bytes | None | bool = False  # False: not read yet
        self.notice: str | None = None  # why the cache is off, once

    def _key(self) -> bytes | None:
        if self._secret is False:
            from newslint.userdirs import secret

            self._secret = secret()
        return self._secret  # type: ignore[return-value]

    def _config_key(self, config: Config) -> str:
        ident = config.key()
        key = self._config_keys.get(ident)
        if key is None:
            from newslint.spec import builtin_root

            # newslint's own code too, so an edited checkout never reads stale results.
            code = os.path.dirname(os.path.abspath(__file__))
            stamps = [stamp(code), stamp(builtin_root()), *(stamp(p) for p in config.packs)]
            for section in config.sections.values():
                for value in section.values():
                    if isinstance(value, str) and os.path.isfile(value):
                        stamps.append(stamp(value))
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

    def _mac(self, secret: bytes, key: str, payload: bytes) -> str:
        return hmac.new(secret, key.encode() + b"\n" + payload, hashlib.sha256).hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        secret = self._key()
        if secret is None or not self._safe_dirs(key, create=False):
            return None
        try:
            fd = os.open(self._file(key), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    return None
                mac, _, payload = fh.read().partition(b"\n")
            if not hmac.compare_digest(mac, self._mac(secret, key, payload).encode()):
                return None
            return _findings(json.loads(payload))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        secret = self._key()
        if secret is None or not self._safe_dirs(key, create=True):
            return
        path = self._file(key)
        payload = json.dumps([f.to_dict() for f in findings], ensure_ascii=False).encode()
        tmp = None
        try:
            self._ensure_gitignore()
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(self._mac(secret, key, payload).encode() + b"\n" + payload)
            os.replace(tmp, path)  # replaces a link planted there, never writes through it
        except OSError:
            pass  # a read-only tree just means no cache
        finally:
            if tmp and os.path.lexists(tmp):
                os.unlink(tmp)

    def usable(self) -> bool:
        """False (with ``notice`` saying why) when the cache folder or its version folder
        is a symbolic link or leads out of ``root``; a missing one is fine."""
        self.notice = None
        return self._safe_dirs("", create=False, missing_ok=True)

    def _safe_dirs(self, key: str, create: bool, missing_ok: bool = False) -> bool:
        """True when the cache folder, its version folder and the entry's folder are real
        folders (made when ``create``) inside ``root``; else the cache is off, with a notice."""
        if self.notice:
            return False
        folder = os.path.abspath(self.root)
        for part in (CACHE_DIR, __version__, key[:2]) if key else (CACHE_DIR, __version__):
            folder = os.path.join(folder, part)
            try:
                info = os.lstat(folder)
            except FileNotFoundError:
                if missing_ok:
                    return True
                if not create:
                    return False
                try:
                    os.mkdir(folder)
                    info = os.lstat(folder)
                except OSError:
                    return False  # a read-only tree just means no cache
            except OSError:
                return False
            if not stat.S_ISDIR(info.st_mode):
                shown = os.path.relpath(folder, self.root)
                self.notice = (
                    f"{shown}: not a real folder (a symbolic link?); the cache of findings "
                    "is off for this run"
                )
                return False
        real_root = os.path.realpath(self.root)
        real = os.path.realpath(folder)
        if not real.startswith(real_root.rstrip(os.sep) + os.sep):
            self.notice = f"{CACHE_DIR}: outside {self.root}; the cache of findings is off"
            return False
        return True

    def _ensure_gitignore(self) -> None:
        top = os.path.dirname(self.dir)
        marker = os.path.join(top, ".gitignore")
        if os.path.lexists(marker):
            return
        fd, tmp = tempfile.mkstemp(dir=top, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("# Created by newslint: its cache of findings.\n*\n")
            os.replace(tmp, marker)
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)


def _findings(rows) -> list[Finding] | None:
    """Findings from a cache entry's JSON, or None unless it holds exactly their fields."""
    if not isinstance(rows, list):
        return None
    out = []
    for row in rows:
        if not isinstance(row, dict) or set(row) != set(_FIELDS):
            return None
        for name, kind in _FIELDS.items():
            if not isinstance(row[name], kind) or (kind is int and isinstance(row[name], bool)):
                return None
        if not all(isinstance(s, str) for s in row["suggestions"]):
            return None
        out.append(Finding(**{**row, "suggestions": tuple(row["suggestions"])}))
    return out
