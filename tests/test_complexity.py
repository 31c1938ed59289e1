"""The complexity ceiling (issue 19, item 6): ruff's C901 at 25 for every function, which CI
enforces with ``ruff check factcheck tests`` (.ci/run), and no way around it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_ruff_enforces_the_ceiling_with_no_exemptions() -> None:
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["ruff"]["lint"]
    assert "C90" in lint["select"] or "C901" in lint["select"]
    assert lint["mccabe"]["max-complexity"] == 25
    ignored = [rule for rules in lint.get("per-file-ignores", {}).values() for rule in rules]
    assert not [r for r in ignored + lint.get("ignore", []) if r.startswith("C9")]
    waived = [
        str(p.relative_to(ROOT))
        for folder in ("factcheck", "tests")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p != Path(__file__) and "noqa: C9" in p.read_text("utf-8")
    ]
    assert waived == [], "functions exempted from the complexity ceiling"
