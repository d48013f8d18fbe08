"""A progress line on standard error for long runs: files done and words per second.

Shown only when standard error is a terminal and the run has taken more than
:data:`AFTER` seconds, and only for the formats a person reads (the command line
decides); it is redrawn in place at most a few times a second and erased when the run
ends, so the report that follows starts on a clean line. A long document counts its
words window by window (:mod:`newslint.windows`), so one big file moves too.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

# Seconds before the line first appears: a quick run never shows it.
AFTER = 2.0
# Seconds between redraws.
EVERY = 0.25


class Progress:
    """Counts files and words as they are checked and draws one line about them."""

    def __init__(self, files: int, stream: TextIO | None = None, clock=time.monotonic) -> None:
        self.files = files
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.words = 0  # in finished files
        self.partial = 0  # in the windows of the file being checked
        self.drawn = 0.0
        self.shown = False

    def part(self, words: int) -> None:
        """A window of a long document is done."""
        self.partial += words
        self.draw()

    def file_done(self, words: int) -> None:
        """One file is done (its windows, if it had any, included in ``words``)."""
        self.done += 1
        self.words += words
        self.partial = 0
        self.draw()

    def line(self) -> str:
        seconds = max(self.clock() - self.started, 1e-9)
        words = self.words + self.partial
        return (
            f"newslint: {self.done:,}/{self.files:,} files, {words:,} words, "
            f"{words / seconds:,.0f} words/s"
        )

    def draw(self) -> None:
        now = self.clock()
        if now - self.started < AFTER or now - self.drawn < EVERY:
            return
        self.drawn = now
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the line, if it was ever drawn."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
