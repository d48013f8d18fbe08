"""Speed benchmark: newslint against proselint on the same news folder (not a test).

    python bench/speed.py [FOLDER] [--runs 3] [--cold-runs 7]

Alternates the commands, takes medians, and prints a table: throughput with the
default --jobs and with --jobs 1, proselint's throughput, one-article cold start
for both, and newslint's peak memory. Also checks that --jobs does not change
the output. FOLDER defaults to ../shared/data/news/bbc.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "bbc"

# Runs a command and prints the peak resident memory (KiB) of any process it started.
_PEAK = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def words_in(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm")]
    return len(files), sum(
        len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files
    )


# As installed: byte-code compiled (some sandboxes set PYTHONDONTWRITEBYTECODE, which
# would make every start recompile newslint while proselint's site-packages are compiled).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"bench/speed.py: {folder}: not a folder", file=sys.stderr)
        return 2
    newslint = [sys.executable, "-m", "newslint.cli", "check", "--no-cache"]
    if (
        "--no-cache"
        not in subprocess.run([*newslint[:-1], "--help"], capture_output=True, text=True).stdout
    ):
        newslint = newslint[:-1]
    proselint = shutil.which("proselint")
    files, words = words_in(folder)
    story = next(p for p in sorted(folder.rglob("*.txt")))

    # --jobs must not change the output. (These first runs also compile the byte code and
    # build the per-user dictionary cache, as a first run on any machine does.)
    out_default = subprocess.run(
        [*newslint, "--format=json", str(folder)], capture_output=True, env=ENV
    ).stdout
    out_one = subprocess.run(
        [*newslint, "--jobs=1", "--format=json", str(folder)], capture_output=True, env=ENV
    ).stdout
    identical = out_default == out_one

    commands = {
        "newslint (default --jobs)": [*newslint, str(folder)],
        "newslint --jobs 1": [*newslint, "--jobs=1", str(folder)],
    }
    if proselint:
        commands["proselint check"] = [proselint, "check", str(folder)]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():  # alternate, so drift hits all alike
            times[name].append(timed(cmd))
    cold = {"newslint, one article": [*newslint, str(story)]}
    if proselint:
        cold["proselint, one article"] = [proselint, "check", str(story)]
    cold_times: dict[str, list[float]] = {name: [] for name in cold}
    for _ in range(args.cold_runs):
        for name, cmd in cold.items():
            cold_times[name].append(timed(cmd))
    peak = subprocess.run(
        [sys.executable, "-c", _PEAK, *newslint, str(folder)],
        capture_output=True,
        text=True,
        env=ENV,
    ).stdout.strip()

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"corpus: {folder} ({files} files, {words:,} words)")
    print(f"{'command':<28} {'median s':>9} {'words/s':>10}")
    med = {name: statistics.median(ts) for name, ts in times.items()}
    for name, m in med.items():
        print(f"{name:<28} {m:>9.2f} {words / m:>10,.0f}")
    for name, ts in cold_times.items():
        print(f"{name:<28} {statistics.median(ts):>9.3f}")
    if "proselint check" in med:
        print(
            f"throughput vs proselint: {med['proselint check'] / med['newslint (default --jobs)']:.2f}x"
        )
        ratio = statistics.median(cold_times["newslint, one article"]) / statistics.median(
            cold_times["proselint, one article"]
        )
        print(f"cold start vs proselint: {ratio:.2f}x")
    print(
        f"--jobs default over --jobs 1: {med['newslint --jobs 1'] / med['newslint (default --jobs)']:.2f}x"
    )
    print(f"identical output across --jobs: {identical}")
    print(f"peak RSS (largest process): {int(peak) / 1024:.0f} MB" if peak else "peak RSS: n/a")
    return 0


if __name__ == "__main__":
    sys.exit(main())
