"""The CI set-ups that docs/ci.md shows stay short, and the files they use exist and agree
with the command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _blocks(text: str) -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)```", text, re.S)


def test_three_setups_under_15_lines_each() -> None:
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = doc.split("## Three set-ups", 1)[1].split("\n## ", 1)[0]
    blocks = _blocks(section)
    assert len(blocks) == 3
    assert all(len(b.strip().splitlines()) < 15 for b in blocks), [len(b.splitlines()) for b in blocks]
    assert "uses: OWNER/factcheck@" in blocks[0]
    assert "id: factcheck" in blocks[1]
    assert "--format rdjson" in blocks[2]


def test_action_and_hook_use_options_the_cli_has() -> None:
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "using: composite" in action
    assert "factcheck check $TARGETS" in action and "sarif:factcheck.sarif" in action
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: factcheck check --stories-from-files" in hooks
    assert "pass_filenames: true" in hooks
    out = subprocess.run([sys.executable, "-m", "factcheck", "check", "--help"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    for option in ("--stories-from-files", "--format", "--fail-on", "--output", "--config"):
        assert option in out


def test_ci_run_keeps_the_pytest_summary_line() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    line = next(ln for ln in script.splitlines() if ln.startswith("python -m pytest"))
    # pyproject's addopts already has -q; a second -q hides the "N passed" line
    assert " -q " not in f" {line.split('#')[0]} "
    assert '"$rc" -eq 5' in script
