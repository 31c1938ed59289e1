"""The review TUI (Textual). Import :mod:`factcheck.tui.app` for ``create_app``.

This package's ``__init__`` imports nothing heavy, so the CLI stays fast.
"""
