"""Test-session settings: the lexicon cache (factcheck.extract.store) in a folder of the
session's own, never the user's cache folder (subprocesses inherit it)."""

from __future__ import annotations

import os
import tempfile

_LEXICON_CACHE = tempfile.mkdtemp(prefix="factcheck-test-cache-")
os.environ.setdefault("FACTCHECK_CACHE_DIR", _LEXICON_CACHE)
