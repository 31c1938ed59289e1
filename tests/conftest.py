"""Test-session settings: the lexicon cache (factcheck.extract.store) in a folder of the
session's own, never the user's cache folder (subprocesses inherit it), removed at exit."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

if "FACTCHECK_CACHE_DIR" not in os.environ:
    _LEXICON_CACHE = tempfile.mkdtemp(prefix="factcheck-test-cache-")
    os.environ["FACTCHECK_CACHE_DIR"] = _LEXICON_CACHE
    atexit.register(shutil.rmtree, _LEXICON_CACHE, ignore_errors=True)  # after the cache's own save
