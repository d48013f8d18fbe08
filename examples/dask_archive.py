"""Check a whole archive with Dask's bag API (``pip install "newslint[dask]"``).

    python examples/dask_archive.py ARCHIVE_FOLDER [--scheduler processes]

newslint's API is stateless: each worker builds what it needs once per process,
and findings are small frozen values that pickle, so the same code runs on a
laptop's local scheduler or on a distributed cluster's workers unchanged.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import dask.bag as db

import newslint

EXTENSIONS = {".txt", ".md", ".markdown", ".html", ".htm"}


def check_one(path: str) -> list:
    """Findings for one file; an unreadable file gives no findings (see errors)."""
    return newslint.check_paths([path], jobs=1).findings


def archive_report(folder: str, scheduler: str = "processes", partitions: int = 8) -> dict:
    paths = sorted(str(p) for p in Path(folder).rglob("*") if p.suffix.lower() in EXTENSIONS)
    findings = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    findings = findings.map(check_one).flatten()
    by_rule = findings.map(lambda f: f.rule).frequencies()
    counts = dict(by_rule.compute(scheduler=scheduler))
    return {"files": len(paths), "findings": sum(counts.values()), "by_rule": counts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument(
        "--scheduler", default="processes", choices=("processes", "threads", "sync")
    )
    args = parser.parse_args()
    report = archive_report(args.folder, args.scheduler)
    print(f"{report['files']} files, {report['findings']} findings")
    for rule, n in collections.Counter(report["by_rule"]).most_common():
        print(f"{n:>7}  {rule}")


if __name__ == "__main__":
    main()
