"""GitHub Actions workflow commands: an annotation per finding on the draft line.

    ::error file=draft.md,line=12,col=45,endLine=12,endColumn=48,title=...::message

Conflicts are errors, unclear findings warnings, decided findings (with --show-decided)
notices. Untrusted text is made inert first (so no line break survives and no new workflow
command can start), then escaped the way the runner unescapes it: ``%``, CR and LF in the
message; additionally ``:`` and ``,`` in property values.
"""

from __future__ import annotations

from ..models import Report
from .common import Decisions, Item, Locator, items, message, source_errors, summary_line
from .safe import inert, one_line

_TITLES = {
    "conflict": "factcheck: conflict with {source}",
    "unclear": "factcheck: unclear match in {source}",
    "self-conflict": "factcheck: the draft contradicts itself",
}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, text: str, **props: str | int) -> str:
    """One workflow command line; ``props`` are written in the order given."""
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{level} {head}::{escape_data(text)}" if head else f"::{level}::{escape_data(text)}"


def _level(item: Item) -> str:
    if item.decided:
        return "notice"
    return "warning" if item.severity == "unclear" else "error"


def render(report: Report, *, show_decided: bool = False, decisions: Decisions | None = None) -> str:
    loc = Locator(report)
    draft_id = report.draft.id
    lines: list[str] = []
    for item in items(report, show_decided=show_decided, decisions=decisions):
        props: dict[str, str | int] = {"file": inert(loc.path(draft_id))}
        region = loc.region(draft_id, item.claim.span)
        if region:
            props.update(line=region[0], col=region[1], endLine=region[2], endColumn=region[3])
        props["title"] = _TITLES[item.severity].format(source=one_line(item.finding.source, 60))
        lines.append(command(_level(item), message(item, loc), **props))
    for sid, origin, error in source_errors(report):
        text = f"source {inert(sid)} ({inert(origin)}): {one_line(error)}"
        lines.append(command("error", text, title=f"factcheck: source {one_line(sid, 60)}"))
    lines.append(command("notice", summary_line(report, show_decided=show_decided),
                         title="factcheck"))
    return "\n".join(lines) + "\n"
