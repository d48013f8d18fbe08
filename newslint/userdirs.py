"""Where newslint keeps per-user data it derives (compiled dictionaries, rule packs)."""

from __future__ import annotations

import os
import sys


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
