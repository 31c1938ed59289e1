"""Short labels and styled Text pieces shared by the widgets (never markup)."""

from __future__ import annotations

from rich.text import Text

from ..models import Claim, Finding, JsonValue
from ..readable import readable_date
from .palette import Palette
from .review import STATE_LABELS, TALLY_SYMBOLS, ClaimState
from .safe import clean_line

STATE_SYMBOLS: dict[str, str] = {
    "conflict": "✗", "unclear": "?", "decided": "✔", "agrees": "✓", "no-source": "·",
}
VERDICT_SYMBOLS = dict(TALLY_SYMBOLS)
HEDGE_PREFIX = {
    "about": "~", "over": ">", "under": "<", "at_least": "≥", "at_most": "≤", "nearly": "≲",
    "vague": "≈",
}
STATUS_LABELS = {
    "confirmed": "confirmed", "draft-fixed": "draft fixed", "source-wrong": "source wrong",
    "ignored": "ignored",
}


def shorten(s: str, limit: int) -> str:
    s = clean_line(s)
    return s if len(s) <= limit else s[: max(1, limit - 1)].rstrip() + "…"


def value_label(claim: Claim, *, compact: bool = False) -> str:
    prefix = HEDGE_PREFIX.get(claim.hedge or "", "")
    unit = f" {claim.unit}" if claim.unit and claim.kind not in ("person", "date") else ""
    value = claim.display_value
    if compact:
        v = claim.value
        if isinstance(v, list):
            value = "-".join(_compact(x) for x in v)
        elif isinstance(v, float | int):
            value = _compact(v)
    return clean_line(f"{prefix}{value}{unit}")


def _compact(x: float | int) -> str:
    """12,500,000 -> 12.5M (for narrow columns); small numbers as they are."""
    for size, suffix in ((1e9, "B"), (1e6, "M")):
        if abs(x) >= size:
            return f"{x / size:.3g}{suffix}"
    return _num(x)


def finding_value(value: JsonValue) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "-".join(_num(v) for v in value)
    if isinstance(value, float | int):
        return _num(value)
    return clean_line(readable_date(str(value)))


def _num(x: float | int | str) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int) and abs(x) >= 10000:
        return f"{x:,}"
    return str(x)


def state_text(state: ClaimState, pal: Palette) -> Text:
    return Text(f"{STATE_SYMBOLS[state]} {STATE_LABELS[state][0]}", style=pal.text[state])


def tally_text(tally: dict[str, int], pal: Palette) -> Text:
    out = Text()
    for i, (verdict, sym) in enumerate(TALLY_SYMBOLS):
        n = tally.get(verdict, 0)
        if i:
            out.append(" ")
        out.append(f"{sym}{n}", style=pal.text[verdict] if n else pal.muted)
    return out


def verdict_text(finding: Finding | None, pal: Palette) -> Text:
    if finding is None:
        return Text("no finding", style=pal.muted)
    sym = VERDICT_SYMBOLS.get(finding.verdict, "")
    return Text(f"{sym} {finding.verdict}", style=pal.text.get(finding.verdict, pal.muted))
