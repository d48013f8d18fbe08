"""Which files a check of some paths reads, each with the configuration that applies.

Folders are walked in sorted order, hidden folders and files skipped, the
configuration's ``extensions`` and ``exclude`` honoured; a file reached twice
(through a link, or named twice) is read once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from newslint.config import Config, ConfigFinder
from newslint.readers import DEFAULT_EXTENSIONS


def discover(
    paths: Iterable[str], finder: ConfigFinder, errors: list[str]
) -> list[tuple[str, str, Config]]:
    """Files to check with their display paths and configurations, in order."""
    out: list[tuple[str, str, Config]] = []
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            for path in _walk(given, finder, errors):
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    out.append((path, path, finder.for_file(path)))
        elif os.path.exists(given) or os.path.islink(given):
            real = os.path.realpath(given)
            if real not in seen:
                seen.add(real)
                out.append((given, given, finder.for_file(given)))
        else:
            errors.append(f"{given}: no such file or folder")
    return out


def _walk(root: str, finder: ConfigFinder, errors: list[str]) -> Iterable[str]:
    import fnmatch

    visited: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited:  # a symbolic-link loop
            dirnames[:] = []
            continue
        visited.add(real)
        config = finder.for_dir(os.path.abspath(dirpath))
        exts = tuple(config.extensions or DEFAULT_EXTENSIONS)

        def excluded(path: str, config: Config = config) -> bool:
            rel = os.path.relpath(os.path.abspath(path), config.root)
            return any(
                fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(os.path.basename(path), pat)
                for pat in config.exclude
            )

        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not excluded(os.path.join(dirpath, d))
        )
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(exts):
                continue
            path = os.path.join(dirpath, name)
            if root in (".", "./") and path.startswith("./"):
                path = path[2:]
            if not excluded(path):
                yield path
