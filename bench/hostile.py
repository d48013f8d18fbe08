"""Time and memory on hostile shapes of input, at growing sizes (a benchmark, not a test)

    python bench/hostile.py [--shapes run-on,lines,words,docx,nesting,quotes] [--timeout 300]
                            [--memory 8] [--scale 1]
    python bench/hostile.py --profile SHAPE SIZE     # cProfile of one run: top functions

Each shape is built in memory from a few fixed sentences (no corpus), written to a
temporary file, and checked with the default rules (``check_paths``, one process, no
cache) in a child process of its own, so each figure is that run's alone:

- ``run-on``: one line of one sentence, 0.1, 0.4 and 1.6 MB ("... said ... and ...").
- ``crowds``: the same of crowds and hedges the sourcing rules weigh ("some said",
  "reportedly", "residents interviewed", "crowds explained the problems").
- ``lines``: one-word lines, 25k, 100k and 400k of them (one paragraph).
- ``words``: two long words of 10k, 40k and 160k letters.
- ``docx``: a Word file of 10k and 40k short paragraphs.
- ``nesting``: Markdown lists nested 100, 200 and 400 levels.
- ``quotes``: Markdown lines of 3,000 block-quote markers each, 250 and 1,000 of them.

For each size it prints the input's bytes (of a .docx, its body uncompressed), the
seconds, the memory the check added to the process's peak (resident set, from
``resource.getrusage``, after a warm-up check has loaded the dictionaries) and, against
the size before, how much faster time and memory grew than the input's bytes (1.0 = linear; 4.0 for a quadrupled input = quadratic). A run past
``--timeout`` seconds or ``--memory`` GB is stopped and shown as such, and the larger
sizes of that shape are skipped.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SENTENCE = "the minister said the talks in the capital would resume soon and "
WORDS = ["Officials", "said", "the", "talks", "would", "resume", "critics", "say", "Kyiv"]
PARAGRAPHS = [
    "Critics say the plan is flawed.",
    "The minister said the talks would resume.",
    "Officials in Kyiv declined to comment.",
    "Some experts believe the deal will fail.",
]

CROWDS = (
    "residents interviewed here, some said the plan failed, it was reportedly late, "
    "and crowds explained the problems and "
)

# shape -> (sizes, unit of the size, file extension)
SHAPES = {
    "run-on": ([100_000, 400_000, 1_600_000], "chars", ".txt"),
    "crowds": ([100_000, 400_000, 1_600_000], "chars", ".txt"),
    "lines": ([25_000, 100_000, 400_000], "lines", ".txt"),
    "words": ([10_000, 40_000, 160_000], "letters", ".txt"),
    "docx": ([10_000, 40_000], "paragraphs", ".docx"),
    "nesting": ([100, 200, 400], "levels", ".md"),
    "quotes": ([250, 1000], "lines", ".md"),
}


def build(shape: str, size: int) -> bytes:
    """The hostile input: ``size`` units of ``shape``."""
    if shape == "run-on":
        reps = size // len(SENTENCE) + 1
        return ("The" + (" " + SENTENCE) * reps)[:size].encode() + b".\n"
    if shape == "crowds":
        reps = size // len(CROWDS) + 1
        return (CROWDS * reps)[:size].encode() + b".\n"
    if shape == "lines":
        return "".join(WORDS[i % len(WORDS)] + "\n" for i in range(size)).encode()
    if shape == "words":
        rng = random.Random(size)
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(size))
        other = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(size))
        return f"They wrote {word} and {other} today.\n".encode()
    if shape == "docx":
        return _docx([PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(size)])
    if shape == "nesting":
        lists = "".join("  " * i + "- the item\n" for i in range(size))
        return lists.encode()
    if shape == "quotes":
        return (("> " * 3000 + "The minister said the the talks failed.\n") * size).encode()
    raise SystemExit(f"unknown shape {shape!r} (known: {', '.join(SHAPES)})")


def _docx(paragraphs: list[str]) -> bytes:
    """A .docx of these paragraphs: python-docx's empty document with its body replaced."""
    from xml.sax.saxutils import escape

    import docx

    empty = io.BytesIO()
    docx.Document().save(empty)
    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(empty) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                data = (text[:start] + body + text[start:]).encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def measure(shape: str, size: int, profile: bool = False) -> dict:
    """Run in the child: build, warm up, check once; seconds and added peak memory."""
    from newslint.api import check_paths

    data = build(shape, size)
    ext = SHAPES[shape][2]
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / f"warm{ext}"
        warm.write_bytes(build(shape, 10) if shape != "docx" else _docx(PARAGRAPHS))
        check_paths([str(warm)], jobs=1)  # load dictionaries, models and rules first
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        before = _peak_mb()
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            began = time.perf_counter()
            result = profiler.runcall(check_paths, [str(path)], jobs=1)
            seconds = time.perf_counter() - began
            stats = pstats.Stats(profiler)
            stats.sort_stats("tottime").print_stats(12)
            stats.sort_stats("cumulative").print_stats(25)
        else:
            began = time.perf_counter()
            result = check_paths([str(path)], jobs=1)
            seconds = time.perf_counter() - began
    if shape == "docx":  # the body's size: repeated paragraphs compress to almost nothing
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo("word/document.xml").file_size
    else:
        size = len(data)
    return {
        "seconds": seconds,
        "added_mb": max(_peak_mb() - before, 0.0),
        "bytes": size,
        "findings": len(result.findings),
        "errors": result.errors,
    }


def _limit(gigabytes: float):
    def apply() -> None:
        limit = int(gigabytes * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_child(shape: str, size: int, timeout: float, memory: float) -> dict:
    cmd = [sys.executable, __file__, "--child", shape, str(size)]
    try:
        done = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limit(memory),
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return {"stopped": f"> {timeout:g} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        if "MemoryError" in done.stderr or done.returncode < 0:
            return {"stopped": f"> {memory:g} GB ({last[:60]})"}
        return {"stopped": f"failed: {last[:80]}"}
    out = json.loads(done.stdout.strip().splitlines()[-1])
    if any("MemoryError" in e for e in out["errors"]):  # caught and reported as a file error
        return {"stopped": f"> {memory:g} GB (MemoryError after {out['seconds']:.0f} s)"}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--timeout", type=float, default=300, help="seconds per run")
    parser.add_argument("--memory", type=float, default=8, help="GB of address space per run")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--profile", nargs=2, metavar=("SHAPE", "SIZE"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return 0
    if args.profile:
        out = measure(args.profile[0], int(args.profile[1]), profile=True)
        print(json.dumps(out))
        return 0
    print(
        f"{'shape':<8} {'size':>18} {'bytes':>10} {'seconds':>9} {'+MB':>8} {'time x':>7} "
        f"{'mem x':>7}"
    )
    for shape in [s for s in args.shapes.split(",") if s]:
        if shape not in SHAPES:
            raise SystemExit(f"unknown shape {shape!r} (known: {', '.join(SHAPES)})")
        sizes, unit, _ = SHAPES[shape]
        previous = None
        stopped = False
        for size in (int(s * args.scale) for s in sizes):
            label = f"{size:,} {unit}"
            if stopped:  # a smaller size already ran out of time or memory
                print(f"{shape:<8} {label:>18} skipped", flush=True)
                continue
            out = run_child(shape, size, args.timeout, args.memory)
            if "stopped" in out:
                print(f"{shape:<8} {label:>18} {out['stopped']}", flush=True)
                stopped = True
                continue
            growth = ""
            if previous:
                factor = out["bytes"] / previous[0]
                t = (out["seconds"] / max(previous[1], 1e-3)) / factor
                m = (max(out["added_mb"], 1.0) / max(previous[2], 1.0)) / factor
                growth = f"{t:>7.2f} {m:>7.2f}"
            note = f"  ({out['errors'][0][:60]})" if out["errors"] else ""
            print(
                f"{shape:<8} {label:>18} {out['bytes']:>10,} {out['seconds']:>9.2f} "
                f"{out['added_mb']:>8.1f} "
                f"{growth}{note}",
                flush=True,
            )
            previous = (out["bytes"], out["seconds"], max(out["added_mb"], 1.0))
    print(
        "\ntime x, mem x: growth against the size before, divided by the growth of the "
        "input's bytes (1 = linear, about 4 = quadratic for a fourfold input)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
