"""Render the HTML report in headless Chromium and save a screenshot.

    python bench/screenshot.py [PATH ...] [--png docs/report.png] [--focus N]

Checks the drafts (default: examples/story.md, with its house style) with
``newslint check --format html``, opens the page in Chromium (Debian package
``chromium``) with networking off, and writes a PNG. ``--focus N`` opens the page
at ``#finding-N`` so finding N is focused and its note shown, as keyboard navigation
would leave it. Prints the report and screenshot sizes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshot: no Chromium found (apt-get install chromium)")


def screenshot(html: Path, png: Path, size: str, hash_: str = "") -> None:
    """Open ``html`` in headless Chromium, offline, and save a PNG of the viewport."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={size}",
            "--virtual-time-budget=2000",  # let the page's script run (focus, note)
            html.resolve().as_uri() + hash_,
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples" / "story.md")])
    parser.add_argument("--png", default=str(REPO / "docs" / "report.png"))
    parser.add_argument("--html", help="also keep the report here")
    parser.add_argument("--focus", type=int, help="open the page with finding N focused")
    parser.add_argument("--size", default="1200,900", help="window size (default 1200,900)")
    parser.add_argument(
        "--select", default=None, help="rules to run (default: the drafts' configuration)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(args.html) if args.html else Path(tmp) / "report.html"
        cmd = [sys.executable, "-m", "newslint.cli", "check", "--no-cache", "--format", "html"]
        cmd += ["--output", str(html)]
        if args.select:
            cmd += ["--select", args.select]
        # Check from the drafts' folder so their configuration is found as a user's would be.
        where = os.path.dirname(os.path.abspath(args.paths[0]))
        paths = [os.path.relpath(os.path.abspath(p), where) for p in args.paths]
        done = subprocess.run(cmd + paths, cwd=where, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            sys.exit(f"screenshot: newslint failed: {done.stderr.strip()}")
        png = Path(args.png)
        png.parent.mkdir(parents=True, exist_ok=True)
        hash_ = f"#finding-{args.focus}" if args.focus is not None else ""
        screenshot(html, png, args.size, hash_)
        print(f"report {html.stat().st_size} bytes; screenshot {png} {png.stat().st_size} bytes")


if __name__ == "__main__":
    main()
