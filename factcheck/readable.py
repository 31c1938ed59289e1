"""Values put in words for people: an ISO date, full or partial, as a reader writes it.

A module of its own below :mod:`factcheck.models` and :mod:`factcheck.text`, so that a
model can display its value without importing the text layer (which imports the models).
"""

from __future__ import annotations

import re

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO_PART = re.compile(r"(?<![\w-])(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?(?![\w-])")


def readable_date(value: str) -> str:
    """ISO dates, full or partial, in words: '--02-05' -> '5 February', 'end of --01' ->
    'end of January', '2024-02-05' -> '5 February 2024'. Other text is left as it is."""

    def words(m: re.Match[str]) -> str:
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12:
            return m.group()
        out = [str(int(day))] if day else []
        out.append(_MONTH_NAMES[month - 1])
        if year:
            out.append(year)
        return " ".join(out)

    return _ISO_PART.sub(words, value)
