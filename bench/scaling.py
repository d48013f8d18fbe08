"""Does cost grow linearly with words? (a benchmark, not a test)

    python bench/scaling.py [--sizes 1,5,20] [--files 1000,10000] [--source examples/story.md]

Builds drafts from the project's own example story (never from a corpus): single
files of 1, 5 and 20 MB, and folders of 1,000 and 10,000 small files, then times
``newslint check --jobs 1 --no-cache`` on each and prints words per second. Roughly
equal words/s across sizes means no quadratic pass; a big drop means one.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(source: Path) -> list[str]:
    text = source.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip() and not p.startswith(("#", "<!--"))]


def story(paras: list[str], rng: random.Random, n: int) -> str:
    # Shuffled paragraphs with a number changed, so no two files are identical.
    out = []
    for _ in range(n):
        p = rng.choice(paras)
        out.append(p.replace("2010", str(rng.randint(1950, 2025))))
    return "\n\n".join(out) + "\n"


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newslint.cli", "check", "--jobs=1", "--no-cache", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20", help="single-file sizes in MB")
    parser.add_argument("--files", default="1000,10000", help="folder sizes in files")
    parser.add_argument("--source", default=str(ROOT / "examples" / "story.md"))
    args = parser.parse_args()
    paras = paragraphs(Path(args.source))
    rng = random.Random(7)
    print(f"{'input':<24} {'words':>10} {'seconds':>8} {'words/s':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(x) for x in args.sizes.split(",") if x):
            path = Path(tmp) / f"big-{mb:g}MB.md"
            chunks = []
            size = 0
            while size < mb * 1_000_000:
                chunk = story(paras, rng, 50)
                chunks.append(chunk)
                size += len(chunk.encode())
            path.write_text("\n".join(chunks), encoding="utf-8")
            words = len(path.read_text(encoding="utf-8").split())
            seconds = timed([str(path)])
            print(
                f"{f'one {mb:g} MB file':<24} {words:>10,} {seconds:>8.1f} {words / seconds:>10,.0f}"
            )
        for n in (int(x) for x in args.files.split(",") if x):
            folder = Path(tmp) / f"files-{n}"
            folder.mkdir()
            words = 0
            for i in range(n):
                text = story(paras, rng, 4)
                words += len(text.split())
                (folder / f"{i:05}.md").write_text(text, encoding="utf-8")
            seconds = timed([str(folder)])
            print(
                f"{f'{n:,} small files':<24} {words:>10,} {seconds:>8.1f} {words / seconds:>10,.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
