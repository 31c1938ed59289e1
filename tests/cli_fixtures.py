"""Running the command line in-process for the CLI tests."""

from __future__ import annotations

import pytest

from factcheck.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``factcheck ARGS``: its exit code (argparse's SystemExit included), stdout and stderr."""
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse: --version, usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err
