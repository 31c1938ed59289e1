"""One error hierarchy. Third-party exceptions are turned into these at the boundary,
so the CLI can print one clear line and pick an exit code."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(FactcheckError):
    """A file or text that cannot be read as a document (missing, binary, empty, too big...)."""


class FetchError(FactcheckError):
    """A URL that could not be fetched (network, status, content type, size...)."""


class StoryError(FactcheckError):
    """A story folder that is malformed (story.toml, snapshots, paths)."""


class LedgerError(StoryError):
    """A decisions ledger that is corrupt, of an unknown version, or cannot be written."""


class UsageError(FactcheckError):
    """A command line that does not make sense."""


class UnknownLanguage(UsageError):
    """A language code that no folder of factcheck/lexicon/ registers (``--lang xx``, ``lang = "xx"``)."""


class InternalError(FactcheckError):
    """An unexpected exception (a bug) while reading or checking the draft: one line, exit 2."""


REPORT_HINT = "this is a bug in factcheck: please report it with the input (see SECURITY.md)"


def unexpected(exc: BaseException) -> str:
    """One line naming an unexpected exception: ``unexpected error (IndexError: ...)``."""
    detail = " ".join(str(exc).split())[:200]
    return f"unexpected error ({type(exc).__name__}{': ' + detail if detail else ''})"


class StoryFileError(StoryError):
    """A story.toml that does not validate: ``problems`` holds one line per bad field
    (``FILE:LINE:COL: FIELD: what is wrong``, ``FIELD`` a path such as ``sources[2].date``);
    the message is the first of them, in the file's order, naming the others."""

    def __init__(self, message: str, *, path: str | None = None, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message, path=path)
        self.problems = problems
