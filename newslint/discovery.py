"""Which files a check of some paths reads, each with the configuration that applies.

Folders are walked in sorted order, hidden folders and files skipped, the
configuration's ``extensions`` and ``exclude`` honoured; a file reached twice
(through a link, or named twice) is read once.

Nothing outside the repository being checked is read (docs/security.md): a file or
folder reached through a symbolic link that leads out of it is skipped with a
notice. The repository of a path given on the command line is the nearer of the
folder of its discovered configuration and the git work tree holding it, else the
folder given (a file's own folder).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from newslint.config import Config, ConfigFinder
from newslint.readers import DEFAULT_EXTENSIONS


def repository(given: str) -> str:
    """The real path of the repository a check of ``given`` stays inside.

    The search starts in ``given`` itself when it is a real folder, else in the folder
    holding it (a symbolic link counts as a file of the folder it sits in, so a link
    cannot move the boundary to where it points). From there upward, the nearest folder
    holding the configuration newslint discovers or a ``.git`` marks the repository;
    with neither, the starting folder is the repository.
    """
    path = os.path.abspath(given)
    start = path if os.path.isdir(path) and not os.path.islink(path) else os.path.dirname(path)
    config = ConfigFinder.search(Path(start))
    config_dir = os.path.dirname(config) if config else None
    for folder in (start, *map(str, Path(start).parents)):
        if folder == config_dir or os.path.exists(os.path.join(folder, ".git")):
            return os.path.realpath(folder)
    return os.path.realpath(start)


def inside(real: str, root: str) -> bool:
    """True when the real path ``real`` is ``root`` or below it."""
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def outside_notice(display: str, real: str) -> str:
    return f"{display}: skipped: a symbolic link to {real}, outside the repository being checked"


def discover(
    paths: Iterable[str],
    finder: ConfigFinder,
    errors: list[str],
    notices: list[str] | None = None,
) -> list[tuple[str, str, Config]]:
    """Files to check with their display paths and configurations, in order.

    A path that does not exist is an error; one reached through a symbolic link out of
    its repository is a notice (``notices``), and is not read at all.
    """
    notices = [] if notices is None else notices
    out: list[tuple[str, str, Config]] = []
    seen: set[str] = set()
    for given in paths:
        root = repository(given)
        if os.path.isdir(given):
            real = os.path.realpath(given)
            if not inside(real, root):
                notices.append(outside_notice(given, real))
                continue
            for path in _walk(given, finder, root, notices):
                real = os.path.realpath(path)
                if not inside(real, root):
                    notices.append(outside_notice(path, real))
                elif real not in seen:
                    seen.add(real)
                    out.append((path, path, finder.for_file(path)))
        elif os.path.exists(given) or os.path.islink(given):
            real = os.path.realpath(given)
            if not inside(real, root):
                notices.append(outside_notice(given, real))
            elif real not in seen:
                seen.add(real)
                out.append((given, given, finder.for_file(given)))
        else:
            errors.append(f"{given}: no such file or folder")
    return out


def _walk(root: str, finder: ConfigFinder, boundary: str, notices: list[str]) -> Iterable[str]:
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

        kept = []
        for d in sorted(dirnames):
            if d.startswith(".") or excluded(os.path.join(dirpath, d)):
                continue
            target = os.path.realpath(os.path.join(dirpath, d))
            if not inside(target, boundary):
                # A folder link out of the repository: one notice, not one per file.
                notices.append(outside_notice(_shown(root, os.path.join(dirpath, d)), target))
                continue
            kept.append(d)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(exts):
                continue
            path = _shown(root, os.path.join(dirpath, name))
            if not excluded(path):
                yield path


def _shown(root: str, path: str) -> str:
    if root in (".", "./") and path.startswith("./"):
        return path[2:]
    return path
