"""Render a checked Report for people and machines.

One module per format, imported only when used: ``text`` (compiler-style diagnostics),
``json`` (the contract in eval/REPORT-JSON.md), ``github`` (Actions workflow commands),
``sarif`` (SARIF 2.1.0), ``markdown`` (an event sheet) and ``rdjson`` (reviewdog's
diagnostic format). Untrusted text goes through :func:`factcheck.report.safe.inert` (or
JSON escaping) in every one of them.

:func:`render_many` renders the reports of several drafts or stories checked in one run:
findings grouped by file, one document per format (one SARIF run, one rdjson result, one
JSON object with a ``reports`` list).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from ..models import Report

FORMATS = ("text", "json", "github", "sarif", "markdown", "rdjson")


@dataclass(frozen=True)
class Checked:
    """One draft's report, with the decisions (who, when, note) behind its decided findings."""

    report: Report
    decisions: Mapping[tuple[str, str], Any] = field(default_factory=dict)


def _module(fmt: str) -> Any:
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    return import_module(f"{__name__}.{fmt}")


def render(report: Report, fmt: str, *, show_decided: bool = False) -> str:
    """``report`` in format ``fmt``; decided findings are left out unless ``show_decided``
    (the JSON format always carries every finding with its decision)."""
    out: str = _module(fmt).render(report, show_decided=show_decided)
    return out


def render_many(checked: Sequence[Checked], fmt: str, *, show_decided: bool = False) -> str:
    """Several reports in one document of format ``fmt``; one report renders as
    :func:`render` does."""
    module = _module(fmt)
    if len(checked) == 1:
        one: str = module.render(checked[0].report, show_decided=show_decided,
                                 decisions=checked[0].decisions)
        return one
    if fmt == "json":
        from .json import many_object
        from .safe import dumps

        return dumps(many_object(checked, show_decided=show_decided), indent=2) + "\n"
    if fmt == "sarif":
        from .safe import dumps
        from .sarif import merged_object

        return dumps(merged_object(checked, show_decided=show_decided), indent=2) + "\n"
    if fmt == "rdjson":
        from .rdjson import diagnostics, result
        from .safe import dumps

        diags = [d for c in checked
                 for d in diagnostics(c.report, show_decided=show_decided, decisions=c.decisions)]
        return dumps(result(diags)) + "\n"
    parts = [module.render(c.report, show_decided=show_decided, decisions=c.decisions)
             for c in checked]
    if fmt == "markdown":
        return "\n---\n\n".join(parts)
    if fmt == "text":
        from .common import total_line

        return "\n".join(parts) + "\n" + total_line([c.report for c in checked]) + "\n"
    return "".join(parts)  # github: each draft's annotations, then its summary notice
