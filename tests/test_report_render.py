"""factcheck.report.render dispatch."""

from __future__ import annotations

import subprocess
import sys

import pytest
from report_fixtures import basic_report

from factcheck.report import FORMATS, render


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_newline(fmt: str) -> None:
    out = render(basic_report(), fmt)
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_formats_imported_lazily() -> None:
    code = (
        "import sys, factcheck.report\n"
        "mods = [m for m in sys.modules if m.startswith('factcheck.report.')]\n"
        "print(','.join(sorted(mods)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""
