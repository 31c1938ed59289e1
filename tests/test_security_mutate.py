"""A quick, seeded run of the mutation fuzz (scripts/mutate_fuzz.py, 100 inputs: about 6 s of
CPU): real texts of claims/ and tests/data, mutated, through `factcheck check` in a process of
its own. No crash: exit codes 0, 1 or 2 only, no traceback, no "unexpected error". The long
run is in SECURITY.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_quick_mutation_fuzz_finds_no_crash() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "mutate_fuzz.py"), "100", "--seed", "22", "--timeout", "10"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("mutate-fuzz: 100 inputs (first 0), 0 crash(es)"), last
