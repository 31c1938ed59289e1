"""Render a checked Report for people and machines.

One module per format, imported only when used: ``text`` (compiler-style diagnostics),
``json`` (the contract in eval/REPORT-JSON.md), ``github`` (Actions workflow commands),
``sarif`` (SARIF 2.1.0) and ``markdown`` (an event sheet). Untrusted text goes through
:func:`factcheck.report.safe.inert` (or JSON escaping) in every one of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..models import Report

FORMATS = ("text", "json", "github", "sarif", "markdown")


def render(report: Report, fmt: str, *, show_decided: bool = False) -> str:
    """``report`` in format ``fmt``; decided findings are left out unless ``show_decided``
    (the JSON format always carries every finding with its decision)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    module = import_module(f"{__name__}.{fmt}")
    out: str = module.render(report, show_decided=show_decided)
    return out
