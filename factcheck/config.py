"""Project configuration for ``factcheck check``: ``.factcheck.toml`` or the
``[tool.factcheck]`` table of ``pyproject.toml``.

The file is looked for in the current directory, then in each parent up to the repository's
root (the first folder holding ``.git``); in one folder ``.factcheck.toml`` comes before
``pyproject.toml``. Options given on the command line override the file. An unknown key, or
a value of the wrong type, is a usage error (exit code 2)::

    [tool.factcheck]                  # or, in .factcheck.toml, the same keys at the top
    fail-on = "unclear"               # conflicts | unclear | never
    format = ["text", "sarif:factcheck.sarif"]   # FMT or FMT:FILE, as --format
    skip-kinds = ["date"]             # claim kinds whose findings are ignored (counted)
    allow-missing-sources = ["radio-en"]   # true: any source; or the ids of some sources
    show-decided = false
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError

FAIL_ON = ("conflicts", "unclear", "never")
KINDS = ("count", "age", "money", "percent", "quantity", "duration", "date", "person", "place",
         "organization")
KEYS = ("fail-on", "format", "skip-kinds", "allow-missing-sources", "show-decided")
FILE_NAME = ".factcheck.toml"


@dataclass(frozen=True)
class Config:
    """Settings for a check; ``None`` (or empty) where the file says nothing."""

    path: str | None = None  # the file read, for messages
    fail_on: str | None = None
    formats: tuple[str, ...] = ()
    skip_kinds: frozenset[str] = frozenset()
    allow_missing: bool | None = None  # True: any source may be missing
    allow_missing_ids: frozenset[str] = field(default_factory=frozenset)
    show_decided: bool | None = None


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the current directory)."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        dot = folder / FILE_NAME
        if dot.is_file():
            return dot
        py = folder / "pyproject.toml"
        if py.is_file() and _table(py, required=False) is not None:
            return py
        if (folder / ".git").exists():
            break
    return None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """The configuration in ``path`` (or the one :func:`find_config` finds when ``search``)."""
    if path is None:
        path = find_config() if search else None
        if path is None:
            return Config()
    table = _table(path, required=True)
    return parse_config(table or {}, str(path))


def _table(path: Path, *, required: bool) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("configuration file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the configuration ({exc})", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        if not required and path.name == "pyproject.toml":
            return None  # another tool's broken file is not ours to report while searching
        raise UsageError(f"not valid TOML ({exc})", path=str(path)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("factcheck") if isinstance(tool, dict) else None
        if table is None:
            if required:
                raise UsageError("no [tool.factcheck] table", path=str(path))
            return None
        if not isinstance(table, dict):
            raise UsageError("[tool.factcheck] must be a table", path=str(path))
        return table
    return data


def parse_config(table: dict[str, Any], where: str = "configuration") -> Config:
    """A Config from the keys of a ``[tool.factcheck]`` table; unknown keys are errors."""
    section = "[tool.factcheck]" if where.endswith("pyproject.toml") else where
    unknown = [k for k in table if k not in KEYS]
    if unknown:
        raise UsageError(
            f"unknown key {unknown[0]!r} in {section} (known keys: {', '.join(KEYS)})", path=where
        )

    def bad(key: str, want: str) -> UsageError:
        return UsageError(f"{key} must be {want}, not {table[key]!r}", path=where)

    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise bad("fail-on", " or ".join(repr(x) for x in FAIL_ON))
    formats: tuple[str, ...] = ()
    if "format" in table:
        value = table["format"]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(x, str) for x in items):
            raise bad("format", "a format (\"text\", \"sarif:FILE\"...) or a list of them")
        formats = tuple(items)
    skip: frozenset[str] = frozenset()
    if "skip-kinds" in table:
        kinds = table["skip-kinds"]
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise bad("skip-kinds", "a list of claim kinds")
        wrong = [k for k in kinds if k not in KINDS]
        if wrong:
            raise UsageError(f"skip-kinds: unknown kind {wrong[0]!r} (kinds: {', '.join(KINDS)})",
                             path=where)
        skip = frozenset(kinds)
    allow: bool | None = None
    allow_ids: frozenset[str] = frozenset()
    if "allow-missing-sources" in table:
        value = table["allow-missing-sources"]
        if isinstance(value, bool):
            allow = value
        elif isinstance(value, list) and all(isinstance(x, str) for x in value):
            allow_ids = frozenset(value)
        else:
            raise bad("allow-missing-sources", "true, false or a list of source ids")
    show = table.get("show-decided")
    if show is not None and not isinstance(show, bool):
        raise bad("show-decided", "true or false")
    return Config(path=where, fail_on=fail_on, formats=formats, skip_kinds=skip,
                  allow_missing=allow, allow_missing_ids=allow_ids, show_decided=show)
