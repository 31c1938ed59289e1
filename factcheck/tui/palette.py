"""Rich styles taken from the current Textual theme, so Text objects follow the theme.

Every state also has a non-colour cue (bold, underline, italic) for NO_COLOR terminals.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.app import App
from textual.color import Color

VERDICT_KEYS = {"conflicts": "error", "unclear": "warning", "agrees": "success", "absent": ""}
STATE_KEYS = {
    "conflict": "error", "unclear": "warning", "agrees": "success", "decided": "primary",
    "no-source": "",
}


@dataclass(frozen=True)
class Palette:
    states: dict[str, Style]  # highlight of a claim in a text, by claim state
    text: dict[str, Style]  # foreground only, by state and by verdict
    muted: Style
    strong: Style
    error: Style
    selected: Style

    @classmethod
    def from_app(cls, app: App[object]) -> Palette:
        v = app.get_css_variables()
        bg = _color(v.get("background", "#000000"))

        def c(name: str, fallback: str = "#888888") -> str:
            col = _color(v.get(name, fallback))
            if col.a < 1:
                col = bg.blend(col.with_alpha(1.0), col.a)
            return col.hex6

        muted = Style(color=c("foreground-muted"), italic=True)
        states: dict[str, Style] = {}
        text: dict[str, Style] = {}
        for state, key in STATE_KEYS.items():
            if not key:
                states[state] = muted + Style(underline=True)
                text[state] = muted
                continue
            fg = Style(color=c(f"text-{key}"))
            cue = {"conflict": Style(bold=True), "unclear": Style(underline=True)}.get(
                state, Style()
            )
            states[state] = fg + cue + (
                Style(bgcolor=c(f"{key}-muted")) if state in ("conflict", "unclear") else Style()
            )
            text[state] = fg + cue
        for verdict, key in VERDICT_KEYS.items():
            text[verdict] = Style(color=c(f"text-{key}")) if key else muted
        return cls(
            states=states, text=text, muted=muted, strong=Style(bold=True),
            error=Style(color=c("text-error"), bold=True),
            selected=Style(reverse=True, bold=True),
        )


def _color(value: str) -> Color:
    try:
        return Color.parse(value)
    except Exception:  # "auto 60%" and the like: not a plain colour
        return Color.parse("#888888")
