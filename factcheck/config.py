"""Project configuration for ``factcheck check``: ``.factcheck.toml`` or the
``[tool.factcheck]`` table of ``pyproject.toml``.

The file is looked for in the current directory, then in each parent up to the repository's
root (the first folder holding ``.git``); in one folder ``.factcheck.toml`` comes before
``pyproject.toml``. Options given on the command line override the file. An unknown key, or
a value of the wrong type, is a usage error (exit code 2). The file is read under the one
file policy of :mod:`factcheck.files` and the TOML limits of every file factcheck reads: a
file found by the search must resolve inside the repository (a symlink elsewhere is
refused), any file must be a regular one (a FIFO is refused, never waited on; a ``--config``
given on the command line may also be the process's own descriptor, ``<(command)``), at most
10,000,000 bytes, nested at most 64 levels deep, with no integer of more than 30 digits; past
that, one line and exit code 2::

    [tool.factcheck]                  # or, in .factcheck.toml, the same keys at the top
    fail-on = "unclear"               # conflicts | unclear | never
    format = ["text", "sarif:factcheck.sarif"]   # FMT or FMT:FILE, as --format
    skip-kinds = ["date"]             # claim kinds whose findings are ignored (counted)
    allow-missing-sources = ["radio-en"]   # true: any source; or the ids of some sources
    show-decided = false
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError
from .files import load_toml, read_file

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
        if _present(dot):  # a FIFO or a symlink is found, to be refused, not skipped
            return dot
        py = folder / "pyproject.toml"
        if _present(py) and _table(py, required=False, top=_repo_top(folder)) is not None:
            return py
        if (folder / ".git").exists():
            break
    return None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """The configuration in ``path`` (or the one :func:`find_config` finds when ``search``).

    A ``path`` given is a command-line path (it may be ``/dev/fd/N``); a file found must
    resolve inside the repository the search runs in."""
    top: Path | None = None
    if path is None:
        path = find_config() if search else None
        if path is None:
            return Config()
        top = _repo_top(path.parent)
    table = _table(path, required=True, top=top)
    return parse_config(table or {}, str(path))


def _present(path: Path) -> bool:
    """``path`` exists as anything but a folder (a dangling symlink included)."""
    return os.path.lexists(path) and not path.is_dir()


def _repo_top(folder: Path) -> Path:
    """The repository a found configuration file must resolve inside: the nearest folder
    from ``folder`` upwards holding ``.git`` (where the search stops), else ``folder`` (outside
    a repository, a file must resolve inside its own folder)."""
    folder = folder.absolute()
    for p in (folder, *folder.parents):
        if (p / ".git").exists():
            return p
    return folder


def _table(path: Path, *, required: bool, top: Path | None = None) -> dict[str, Any] | None:
    where = str(path)
    try:
        raw = read_file(path, top=top, error=UsageError, shown=where, own_fds=top is None)
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except FileNotFoundError:
        raise UsageError("configuration file not found", path=where) from None
    except UnicodeDecodeError:
        raise UsageError("cannot read the configuration (not UTF-8 text)", path=where) from None
    try:
        data: dict[str, Any] = load_toml(text, error=UsageError, where=where)
    except tomllib.TOMLDecodeError as exc:
        if not required and path.name == "pyproject.toml":
            return None  # another tool's broken file is not ours to report while searching
        raise UsageError(f"not valid TOML ({exc})", path=where) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("factcheck") if isinstance(tool, dict) else None
        if table is None:
            if required:
                raise UsageError("no [tool.factcheck] table", path=where)
            return None
        if not isinstance(table, dict):
            raise UsageError("[tool.factcheck] must be a table", path=where)
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
