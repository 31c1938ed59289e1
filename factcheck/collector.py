"""The cyclic garbage collector paused while a check runs (:func:`paused`).

A check builds tens of thousands of tuples, dicts and small objects that live until it ends
(memo tables, sides, pairs, claims read from the cache), none of them in a cycle: the
collections their allocations set off find nothing to free (``gc.collect()`` after a
200-source check finds no object) and took a tenth of a re-run's time. Reference counting
frees what a check drops as before; what a cycle would hold is freed by the first
collection after it. Imports are the same: a one-shot command builds the package's modules
and lexicons once and keeps them to its end.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_STATE = [0, False]  # how many pauses are running; whether the collector ran before the first


@contextmanager
def paused() -> Iterator[None]:
    """The collector paused for the length of the block: the first of the blocks running at
    once (nested, or in threads) pauses it, the last lets it run again if it ran before."""
    with _LOCK:
        if _STATE[0] == 0:
            _STATE[1] = gc.isenabled()
            gc.disable()
        _STATE[0] += 1
    try:
        yield
    finally:
        with _LOCK:
            _STATE[0] -= 1
            if _STATE[0] == 0 and _STATE[1]:
                gc.enable()
