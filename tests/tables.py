"""Reading the phrase tables of ``tests/data``: tab-separated rows, ``#`` comments and blank
lines skipped, a fixed number of columns and, optionally, one more that starts with
``xfail`` (a known gap: the row is a strict xfail, with the rest of the column as reason)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Line:
    """One row of a table: its columns, and the reason of its ``xfail`` column if it has one."""

    cols: list[str]
    xfail: str | None


def table_lines(path: Path, columns: int, *, header: bool = False) -> list[Line]:
    """The rows of ``path``, each of ``columns`` columns (and an optional ``xfail`` one);
    ``header``: the first row names the columns and is skipped. A malformed row raises
    ValueError naming its file and line."""
    out: list[Line] = []
    seen_header = not header
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not seen_header:
            seen_header = True
            continue
        cols = line.split("\t")
        if len(cols) not in (columns, columns + 1):
            raise ValueError(
                f"{path.name}:{n}: expected {columns} or {columns + 1} tab-separated columns, got {len(cols)}"
            )
        reason = None
        if len(cols) == columns + 1:
            if not cols[-1].startswith("xfail"):
                raise ValueError(f"{path.name}:{n}: the last column must start with 'xfail'")
            reason = cols[-1].removeprefix("xfail").lstrip(": ").strip() or "known gap"
        out.append(Line(cols[:columns], reason))
    return out
