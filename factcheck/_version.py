"""The version of factcheck, in a module of its own: whatever needs it (``--version``, the
reports, the fetcher's User-Agent, the caches' build keys) imports this, never the package
root. Keep it equal to ``version`` in pyproject.toml."""

__version__ = "0.1.0"
