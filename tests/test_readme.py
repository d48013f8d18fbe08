"""The README shows real output and the real rules, and its set-up commands are the ones CI runs."""

from __future__ import annotations

import importlib.util

from tests.helpers import ROOT


def _updater():
    spec = importlib.util.spec_from_file_location(
        "update_readme", ROOT / "scripts/update_readme.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_sections_are_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _updater().render(readme) == readme, "run: python scripts/update_readme.py"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "```sh\npython -m pytest\n```" in readme
    assert "python -m pytest" in ci


def test_example_draft_shows_every_mission_rule():
    output = _updater().sections()["example-output"]
    for rule in (
        "spelling.typo",
        "sourcing.vague",
        "sourcing.unattributed",
        "style.weasel",
        "names.preferred",
        "names.inconsistent",
    ):
        assert rule in output, rule


def test_the_project_docs_pass_newslint(capsys):
    from newslint.cli import main

    docs = [str(ROOT / "README.md"), *sorted(str(p) for p in (ROOT / "docs").glob("*.md"))]
    code = main(["check", "--no-cache", "--fail-level=error", *docs])
    assert code == 0, capsys.readouterr().out


def test_the_architecture_names_every_module():
    """docs/architecture.md stays true to the code: every module and package is named."""
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "newslint"
    missing = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        # Named relative to newslint/, or inside the tables of attribution/ and checks/.
        names = {rel.as_posix()}
        if rel.parts[0] in ("attribution", "checks"):
            names.add(rel.relative_to(rel.parts[0]).as_posix())
        if not any(f"`{name}`" in doc for name in names):
            missing.append(rel.as_posix())
    assert not missing, missing
