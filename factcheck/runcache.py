"""What one run has worked out about the texts it reads: the per-text memos of alignment
(sentence tokens, names and concepts, claim features, normalised amounts, pair terms).

A :class:`Memos` is a registry of named memo tables. The one in use is found through a
:class:`~contextvars.ContextVar`: :func:`factcheck.pipeline.check` enters a run for its
length (:func:`run`), and every per-text memo of the package (:func:`memo`, :func:`table`)
looks up its table there, never in a module. So two threads checking at once never share a
memo, and a check started while another is running in the same context (from a callback,
or a check inside a check) reads and leaves nothing of the other's.

Outside a nested run, a thread has one registry of its own, kept from one of its checks to
the next (a long-running program re-checking the same texts finds them read, as before
memos were per run) and used by direct calls of extraction and scoring outside any check.
:func:`factcheck.pipeline.clear_caches` empties the registry in use.

What is a pure function of the lexicon files (lexicons, per-word lookups) is not kept
here: it stays loaded for the process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

Table = dict[Any, Any]


class Memos:
    """A registry of named memo tables (plain dicts), made as they are first asked for."""

    __slots__ = ("_tables",)

    def __init__(self) -> None:
        self._tables: dict[str, Table] = {}

    def table(self, name: str) -> Table:
        """The table ``name`` (empty when first asked for)."""
        got = self._tables.get(name)
        if got is None:
            got = self._tables.setdefault(name, {})
        return got

    def names(self) -> list[str]:
        """The tables made so far, in the order they were."""
        return list(self._tables)

    def __len__(self) -> int:
        """How many entries all the tables hold."""
        return sum(len(t) for t in list(self._tables.values()))

    def clear(self) -> None:
        """Forget every table."""
        self._tables = {}


_ACTIVE: ContextVar[Memos | None] = ContextVar("factcheck_run_memos", default=None)
_THREAD = threading.local()  # .memos: the thread's registry when no run is entered


def _thread_memos() -> Memos:
    got: Memos | None = getattr(_THREAD, "memos", None)
    if got is None:
        got = _THREAD.memos = Memos()
    return got


def current() -> Memos:
    """The registry in use: the run's entered in this context, else the thread's own."""
    got = _ACTIVE.get()
    return got if got is not None else _thread_memos()


def active() -> bool:
    """Whether a run is entered in this context."""
    return _ACTIVE.get() is not None


def table(name: str) -> Table:
    """The table ``name`` of the registry in use."""
    memos = _ACTIVE.get()
    if memos is None:
        memos = _thread_memos()
    got = memos._tables.get(name)  # what Memos.table() does, without a call: pair loops ask often
    return got if got is not None else memos.table(name)


@contextmanager
def run(memos: Memos | None = None) -> Iterator[Memos]:
    """Enter a run for the length of the ``with`` block: the per-text memos of what runs in
    it go to ``memos``. By default, a run entered where none is (a check called by a
    program) uses the thread's own registry, and one entered inside another run (a nested
    check) a fresh one of its own, dropped when it ends."""
    if memos is None:
        memos = _thread_memos() if _ACTIVE.get() is None else Memos()
    token = _ACTIVE.set(memos)
    try:
        yield memos
    finally:
        _ACTIVE.reset(token)


_MISSING: Any = object()


def memo(cap: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Memoise a function of texts (hashable positional arguments) in the registry in use,
    in a table named after the function; a table that holds ``cap`` entries is emptied
    before the next one goes in. The function must be pure: what it returns is the same
    whether it was kept or not."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        name = f"{fn.__module__}.{fn.__qualname__}"

        @wraps(fn)
        def kept(*args: P.args, **kwargs: P.kwargs) -> R:
            if kwargs:  # the package calls its memos with positional arguments only
                return fn(*args, **kwargs)
            memos = _ACTIVE.get()
            if memos is None:
                memos = _thread_memos()
            tab = memos._tables.get(name)
            if tab is None:
                tab = memos.table(name)
            value = tab.get(args, _MISSING)
            if value is _MISSING:
                value = fn(*args, **kwargs)
                if len(tab) >= cap:
                    tab.clear()
                tab[args] = value
            return value  # type: ignore[no-any-return]

        return kept

    return wrap
