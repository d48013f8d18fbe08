"""Per-user folders: the cache of data newslint derives (compiled dictionaries, rule packs,
the cache's key) and the user configuration."""

from __future__ import annotations

import os
import stat
import sys
import tempfile

KEY_FILE = "cache.key"


def cache_dir() -> str:
    """``NEWSLINT_CACHE_DIR``, else the platform's user cache folder plus ``newslint``."""
    base = os.environ.get("NEWSLINT_CACHE_DIR")
    if base:
        return base
    if sys.platform == "win32":
        root = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~")
    else:
        root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "newslint")


def config_dir() -> str:
    """The user's newslint configuration folder: ``$XDG_CONFIG_HOME/newslint``, by default
    ``~/.config/newslint`` (``%APPDATA%\\newslint`` on Windows)."""
    if sys.platform == "win32":
        root = os.environ.get("APPDATA") or os.path.expanduser("~")
    else:
        root = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(root, "newslint")


def secret() -> bytes | None:
    """The per-user key that cache entries are signed with (HMAC), made on first use in
    the user's cache folder, mode 0600; None when that folder cannot hold it (then nothing
    is cached). A key file that is not a regular file of this user is not used."""
    folder = cache_dir()
    path = os.path.join(folder, KEY_FILE)
    for _ in range(2):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as fh:
                info = os.fstat(fh.fileno())
                key = fh.read(65)
            if (
                stat.S_ISREG(info.st_mode)
                and len(key) == 64
                and (sys.platform == "win32" or info.st_uid == os.getuid())
            ):
                return key
            return None  # not ours, or not a key: do not trust it, do not replace it
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key-")  # mode 0600
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32).hex().encode())
            try:
                os.link(tmp, path)  # never replaces a key another process just made
            except FileExistsError:
                pass
            finally:
                os.unlink(tmp)
        except OSError:
            return None
    return None
