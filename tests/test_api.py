"""The package's Python API: ``factcheck.check``, ``factcheck.extract_claims``, ``load_story``."""

from __future__ import annotations

import inspect
import subprocess
import sys

import factcheck
from factcheck.models import Document, Report

DRAFT = "Police arrested 14 people in Orléans on Monday, the prosecutor said."
SOURCE = "Police arrested 15 people in Orléans on Monday."


def test_from_factcheck_import_check_is_the_function() -> None:
    from factcheck import check
    from factcheck.pipeline import check as pipeline_check

    assert inspect.isfunction(check), type(check)
    assert check is pipeline_check
    assert factcheck.check is pipeline_check


def test_from_factcheck_import_check_in_a_fresh_interpreter() -> None:
    code = "import inspect; from factcheck import check; print(inspect.isfunction(check))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"


def test_factcheck_check_on_two_documents() -> None:
    draft = Document(id="draft", text=DRAFT, lang="en", origin="draft.md")
    source = Document(id="wire", text=SOURCE, lang="en", origin="wire.txt")
    report = factcheck.check(draft, [source])
    assert isinstance(report, Report)
    assert [s.id for s in report.sources] == ["wire"]
    arrests = [c for c in report.claims if c.claim.kind == "count" and c.claim.value == 14]
    assert arrests, [c.claim.text for c in report.claims]
    wire = [f for f in arrests[0].findings if f.source == "wire"]
    assert wire and wire[0].verdict == "conflicts" and wire[0].value == 15
