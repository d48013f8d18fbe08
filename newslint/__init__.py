"""newslint: an editorial style and quality linter for news writing.

The Python API (stateless, picklable arguments, safe in any worker process):

    >>> import newslint
    >>> findings = newslint.check_text("Activists claim it is so.", path="story.txt")
    >>> result = newslint.check_paths(["drafts/"])
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "check_text", "check_paths"]


def __getattr__(name: str):
    # Lazy: importing newslint costs nothing until the API is used.
    if name in ("check_text", "check_paths"):
        from newslint import api

        return getattr(api, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
