"""Regenerate README.md's generated sections: the example's real output and the rules.

Run from anywhere: ``python scripts/update_readme.py`` (``--check`` exits 1 when stale).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(argv: list[str]) -> str:
    from newslint.cli import main

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            main(argv)
    finally:
        os.chdir(cwd)
    return out.getvalue()


def sections() -> dict[str, str]:
    from newslint.config import Config
    from newslint.docs import rules_markdown
    from newslint.engine import all_rules
    from newslint.rules_loader import load_pack
    from newslint.spec import builtin_pack, builtin_pack_names

    packs = []
    for name in builtin_pack_names():
        body = rules_markdown(load_pack(builtin_pack(name))).rstrip()
        packs.append(f'### `packs = ["{name}"]`\n\n{body.replace("#### ", "##### ")}')

    check = _run(["check", "--color=never", "--no-cache", "examples/story.md"])
    sources = _run(["sources", "examples/story.md"])
    return {
        "example-output": f"```console\n$ newslint check examples/story.md\n{check}```",
        "example-sources": f"```console\n$ newslint sources examples/story.md\n{sources}```",
        "rules": "<!-- newslint-disable -->\n"
        + rules_markdown(all_rules(Config())).rstrip()
        + "\n<!-- newslint-enable -->",
        "pack-rules": "<!-- newslint-disable -->\n"
        + "\n\n".join(packs)
        + "\n<!-- newslint-enable -->",
    }


def render(readme: str) -> str:
    for name, body in sections().items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        readme = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(2), readme)
    return readme


def main() -> int:
    path = ROOT / "README.md"
    current = path.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in sys.argv:
        return 0 if fresh == current else 1
    path.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
