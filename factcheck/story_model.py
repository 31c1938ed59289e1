"""The pydantic model that judges a ``story.toml`` that is not plainly well formed.

:func:`factcheck.story.load_story` takes a story.toml whose every key is known and every
value plainly right as it is, without importing pydantic (the one-shot ``check``'s
start-up); anything else comes here. The model says what a story.toml may hold, the rules of
each value are those of :mod:`factcheck.story` (so both ways agree), and :func:`judge` turns
pydantic's errors into one line per bad field, each naming the file, the line and column,
the field's path (``sources[2].date``: the second ``[[sources]]`` table, counted from 1) and
what is wrong, through :class:`factcheck.errors.StoryFileError` (exit code 2).

Unknown keys are errors, as they were: a misspelt ``[[source]]`` or ``urll`` would otherwise
drop a source, or its address, from every check without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_core import ErrorDetails, PydanticCustomError

from . import story as _s
from .errors import StoryFileError


@dataclass
class _Context:
    """What the validators need beyond the values: the folders paths resolve against, and
    the ids met so far (for duplicates, which span sources)."""

    root: Path
    top: Path
    where: _s._Where
    index: int = -1  # the source being validated
    first_at: dict[str, int] = field(default_factory=dict)


def _ctx(info: ValidationInfo) -> _Context:
    assert isinstance(info.context, _Context)
    return info.context


def _text(v: str) -> str:
    if not v.strip():
        raise PydanticCustomError("blank", "must be a non-empty string, not {value}", {"value": repr(v)})
    return v


def _problem(message: str | None, key: str | None = None) -> None:
    if message is not None:
        # the message goes in as a value, never as the template (a value may hold braces)
        raise PydanticCustomError("story", "{message}", {"message": message, "key": key})


class _Base(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    @field_validator("lang", check_fields=False)
    @classmethod
    def _lang(cls, v: str) -> str:
        _problem(_s.lang_problem(_text(v)))
        return v

    @field_validator("date", mode="before", check_fields=False)
    @classmethod
    def _date(cls, v: Any) -> str:
        day = _s.day_of(v)
        if day is None:
            _problem(f"must be a day, YYYY-MM-DD, not {_shown(v)}")
        assert day is not None
        return day


class SourceEntry(_Base):
    """One ``[[sources]]`` table."""

    id: str
    url: str | None = None
    path: str | None = None  # relative to the story folder
    lang: str | None = None
    date: str | None = None  # YYYY-MM-DD (a TOML date or a string)

    @model_validator(mode="before")
    @classmethod
    def _count(cls, data: Any, info: ValidationInfo) -> Any:
        _ctx(info).index += 1
        return data

    @field_validator("id")
    @classmethod
    def _id(cls, v: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        _problem(_s.id_problem(_text(v)))
        if v in ctx.first_at:
            line = ctx.where.line_of("id", ctx.first_at[v])
            _problem(f"duplicate source id {v!r} (first at line {line})")
        ctx.first_at[v] = ctx.index
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        _problem(_s.url_problem(_text(v)))
        return v

    @field_validator("path")
    @classmethod
    def _path(cls, v: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        _problem(_s.outside_problem(ctx.root, _text(v), ctx.top))
        return v

    @model_validator(mode="after")
    def _one_of(self) -> SourceEntry:
        if self.url is not None and self.path is not None:
            _problem("give exactly one of url or path (it has both)", "url")
        if self.url is None and self.path is None:
            _problem("give exactly one of url or path (it has neither)")
        return self


class StoryFile(_Base):
    """A whole story.toml."""

    title: str | None = None
    draft: str  # relative to the story folder
    lang: str | None = None
    date: str | None = None
    sources: list[SourceEntry] = []

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        return _text(v)

    @field_validator("draft")
    @classmethod
    def _draft(cls, v: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        _problem(_s.outside_problem(ctx.root, _text(v), ctx.top))
        return v


# --- pydantic's errors as lines --------------------------------------------------------------

_REQUIRED = {
    "draft": 'the path of the draft, e.g. "draft.md"',
    "id": 'every source has one, e.g. "wire"',
}


def _shown(v: Any) -> str:
    s = repr(v.isoformat() if hasattr(v, "isoformat") else v)
    return s if len(s) <= 60 else s[:57] + "..."


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("sources", 1, "date")`` as ``sources[2].date`` (a source counted from 1)."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _what(err: ErrorDetails) -> str:
    kind, loc = err["type"], err["loc"]
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"missing (required: {_REQUIRED.get(name, name)})"
    if kind == "extra_forbidden":
        keys = _s.SOURCE_KEYS if len(loc) > 1 else _s.TOP_KEYS
        return f"unknown key (expected {', '.join(keys)})"
    if loc == ("sources",):
        if isinstance(err["input"], dict):
            return "must be [[sources]] tables (double brackets), not one [sources] table"
        return f"must be [[sources]] tables, not {_shown(err['input'])}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be a [[sources]] table, not {_shown(err['input'])}"
    if kind in ("string_type", "blank"):
        return f"must be a non-empty string, not {_shown(err['input'])}"
    return err["msg"]


def _line(err: ErrorDetails, where: _s._Where) -> tuple[tuple[int, int], str]:
    loc = tuple(err["loc"])
    source = loc[1] if len(loc) > 1 and loc[0] == "sources" and isinstance(loc[1], int) else None
    key = (err.get("ctx") or {}).get("key")
    if key is None and loc and err["type"] != "missing":
        key = str(loc[-1]) if source is None or len(loc) > 2 else None
    return where._at(key, source), f"{field_path(loc)}: {_what(err)}"


_NAMED = 5  # the other bad fields a message names


def judge(data: dict[str, Any], where: _s._Where, root: Path, top: Path) -> dict[str, Any]:
    """``data`` checked by the model: its values, dates as ``YYYY-MM-DD``, None left out;
    else a :class:`StoryFileError` whose message is the first bad field (in the file's
    order) and whose ``problems`` are all of them."""
    try:
        story = StoryFile.model_validate(data, context=_Context(root, top, where))
    except ValidationError as exc:
        lines = sorted({_line(e, where) for e in exc.errors(include_url=False)})
        problems = tuple(f"{where.file}:{ln}:{col}: {msg}" for (ln, col), msg in lines)
        (ln, col), first = lines[0]
        more = [msg.split(":", 1)[0] for _, msg in lines[1:]]
        if more:
            named = ", ".join(more[:_NAMED]) + (", ..." if len(more) > _NAMED else "")
            first += f" (and {len(more)} more: {named})"
        raise StoryFileError(first, path=f"{where.file}:{ln}:{col}", problems=problems) from None
    return story.model_dump(exclude_none=True)
