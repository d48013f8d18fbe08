"""One long document: time and peak memory against its size, and next to proselint
(a benchmark, not a test).

    python bench/long_file.py [--sizes 1,5,20,50] [--proselint 21] [--jobs 2]
                              [--data ../shared/data/news]

Builds single plain-text files of the given sizes in MB from the BBC (business,
entertainment, politics) and PolNeAR training articles (../shared/data, never shipped;
6.9 MB of them, joined with blank lines and repeated past that size: repeated names and
words meet the per-process memos again, which flatters the larger sizes a little), then
runs ``newslint check --no-cache`` on each in a child process and prints seconds, words
per second and the peak resident memory of the largest process (with ``--jobs`` above 1
the window workers are separate processes; see newslint/windows.py). With ``--proselint
SIZE`` it also runs ``proselint check`` on the file of that size. Time linear in size
shows as words per second staying level across sizes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "news"
# Runs a command and prints the peak resident memory (KiB) of the processes it started.
_PEAK = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def articles(data: Path) -> list[str]:
    files = sorted((data / "bbc").glob("*/*.txt")) + sorted(
        (data / "polnear-train" / "text").glob("*.txt")
    )
    return [p.read_text(encoding="utf-8", errors="replace").strip() for p in files]


def build(texts: list[str], megabytes: float, folder: Path) -> Path:
    path = folder / f"long-{megabytes:g}mb.txt"
    target = int(megabytes * 1_000_000)
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            for text in texts:
                fh.write(text + "\n\n")
                size += len(text.encode("utf-8")) + 2
                if size >= target:
                    break
    return path


def run(cmd: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (MB) of a command."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, *cmd], capture_output=True, text=True, env=ENV
    )
    seconds = time.perf_counter() - start
    return seconds, int(out.stdout.strip() or 0) // 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,5,20,50", help="file sizes in MB")
    ap.add_argument("--proselint", type=float, default=0, help="also run proselint on this size")
    ap.add_argument("--jobs", type=int, default=0, help="newslint --jobs (default: CPU count)")
    ap.add_argument("--data", default=str(DEFAULT))
    args = ap.parse_args()
    texts = articles(Path(args.data))
    sizes = [float(s) for s in args.sizes.split(",") if s]
    if args.proselint and args.proselint not in sizes:
        sizes.append(args.proselint)
    jobs = [f"--jobs={args.jobs}"] if args.jobs else []
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'tool':<10} {'MB':>5} {'words':>11} {'seconds':>9} {'words/s':>9} {'peak MB':>8}")
        for mb in sorted(sizes):
            path = build(texts, mb, Path(tmp))
            words = len(path.read_text(encoding="utf-8").split())
            cmd = [sys.executable, "-m", "newslint.cli", "check", "--no-cache", *jobs, str(path)]
            seconds, peak = run(cmd)
            print(
                f"{'newslint':<10} {mb:>5g} {words:>11,} {seconds:>9.1f} {words / seconds:>9,.0f} {peak:>8,}"
            )
            if mb == args.proselint:
                seconds, peak = run(["proselint", "check", str(path)])
                print(
                    f"{'proselint':<10} {mb:>5g} {words:>11,} {seconds:>9.1f} {words / seconds:>9,.0f} {peak:>8,}"
                )
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
