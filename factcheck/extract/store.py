"""Parsed lexicons kept between runs: the data files of ``factcheck/lexicon/`` read as TOML
and the tables built from them, in one file of the user's cache folder, so that a one-shot
run reads them in a few milliseconds instead of parsing and building them again.

The file is ``$FACTCHECK_CACHE_DIR/lexicons.bin`` (else ``$XDG_CACHE_HOME/factcheck/`` or
``~/.cache/factcheck/``): a header line (format, key, sha256 of the body) and the tables as
:mod:`marshal` data (which builds plain values and never runs code, unlike pickle). The key
is a hash of the tool's version, the Python version, the lexicon data files and the code
that builds the tables (``extract/``, ``langs/``, ``text.py``, ``invisible.py``): any change to one of
them makes the file stale, and it is rebuilt quietly. A file that cannot be used (cut short,
a checksum that fails, data that is not marshal data or not of the shapes expected) is
rebuilt with one warning line; it is never trusted. Nothing is written when the folder
cannot be (a read-only home): the tables are then built in every run, as without a cache.
``FACTCHECK_NO_CACHE=1`` turns it off along with the claim cache.

Tables are written at the end of a process that built one afresh (:mod:`atexit`).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

FORMAT = "factcheck-lexicon-cache/1"
DIR_ENV = "FACTCHECK_CACHE_DIR"
NO_CACHE_ENV = "FACTCHECK_NO_CACHE"
FILE = "lexicons.bin"
MAX_BYTES = 20_000_000

PACKAGE = Path(__file__).resolve().parents[1]
# the code that turns the data files into tables
CODE = ("extract", "langs", "text.py", "invisible.py")

T = TypeVar("T")


class _State:
    def __init__(self) -> None:
        self.loaded: dict[str, Any] | None = None  # what the file held (when it was usable)
        self.fresh: dict[str, Any] = {}  # tables built in this process
        self.hooked = False
        self.key: str | None = None
        self.data: str | None = None  # data_hash(PACKAGE)
        self.files: dict[Path, bytes] = {}  # sha256 of each code file of PACKAGE read (code_hash)
        self.trees: dict[str, list[Path]] = {}  # the code files of each folder of PACKAGE hashed


_STATE = _State()


def disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def folder() -> Path:
    env = os.environ.get(DIR_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "factcheck"


def hash_files(paths: Sequence[Path], root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(str(p.relative_to(root)).encode("utf-8") + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def code_hash(package: Path, names: Sequence[str]) -> str:
    """sha256 of the code files ``names`` of ``package`` (a folder: all its ``*.py``): of
    each file's name and sha256. This package's files are read once per process (the
    lexicon cache's key, the claim cache's build and its findings' hash each name some of
    them); another package's (a test's copy) are read on every call."""
    own = package == PACKAGE
    code: list[Path] = []
    for name in names:
        p = package / name
        if not p.is_dir():
            code.append(p)
        elif own:
            got = _STATE.trees.get(name)
            if got is None:
                got = _STATE.trees[name] = sorted(p.rglob("*.py"))
            code += got
        else:
            code += sorted(p.rglob("*.py"))
    digests = _STATE.files if own else {}
    h = hashlib.sha256()
    for p in sorted(code):
        digest = digests.get(p)
        if digest is None:
            digest = digests[p] = hashlib.sha256(p.read_bytes()).digest()
        h.update(str(p.relative_to(package)).encode("utf-8") + b"\0" + digest)
    return h.hexdigest()


def data_hash(package: Path) -> str:
    """sha256 of the lexicon data files of ``package`` (this package's: read once per process)."""
    if package == PACKAGE and _STATE.data is not None:
        return _STATE.data
    got = hash_files([p for p in (package / "lexicon").rglob("*") if p.is_file()], package)
    if package == PACKAGE:
        _STATE.data = got
    return got


def key() -> str:
    if _STATE.key is None:
        from .._version import __version__

        parts = (FORMAT, __version__, sys.version, str(marshal.version), code_hash(PACKAGE, CODE), data_hash(PACKAGE))
        _STATE.key = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
    return _STATE.key


def remember(
    name: str,
    make: Callable[[], T],
    *,
    encode: Callable[[T], Any] | None = None,
    decode: Callable[[Any], T] | None = None,
) -> T:
    """The table ``name``: from the cache file when it holds it, else ``make()`` (then kept
    for the file). ``encode`` turns the table into marshal data and ``decode`` back; either
    may raise TypeError, ValueError or KeyError on data of the wrong shape (the file is then
    taken as corrupt: a warning, and the table is built)."""
    if disabled():
        return make()
    stored = _loaded().get(name)
    if stored is not None:
        try:
            return decode(stored) if decode is not None else stored  # type: ignore[no-any-return]
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            _corrupt(f"a table of the wrong shape ({name}: {type(exc).__name__})")
    value = make()
    _STATE.fresh[name] = encode(value) if encode is not None else value
    if not _STATE.hooked:
        _STATE.hooked = True
        atexit.register(save)
    return value


def _corrupt(why: str) -> None:
    print(f"factcheck: warning: the lexicon cache ({folder() / FILE}) {why}; rebuilt", file=sys.stderr, flush=True)
    _STATE.loaded = {}


def _loaded() -> dict[str, Any]:
    if _STATE.loaded is None:
        _STATE.loaded = {}
        try:
            data = _read(folder() / FILE)
        except OSError:
            return _STATE.loaded  # none yet, or none that can be read: built, quietly
        _STATE.loaded = _decode(data)
    return _STATE.loaded


def _decode(data: bytes) -> dict[str, Any]:
    head, sep, body = data.partition(b"\n")
    fields = head.decode("ascii", "replace").split(" ")
    if not sep or len(fields) != 3 or fields[0] != FORMAT:
        _corrupt("is not a lexicon cache of this format")
        return {}
    if fields[1] != key():
        return {}  # another build, other data files: stale, rebuilt quietly
    if hashlib.sha256(body).hexdigest() != fields[2]:
        _corrupt("is corrupt (checksum)")
        return {}
    try:
        tables = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        _corrupt("is corrupt (not marshal data)")
        return {}
    if type(tables) is not dict or not all(type(k) is str for k in tables):
        _corrupt("is corrupt (not a table of tables)")
        return {}
    return tables


def _read(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            raise OSError(0, "not a regular file of a sane size")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def save() -> None:
    """Write the tables built in this process (with those the file held) to the cache file,
    if any were built; a failure to write is ignored (the next run builds them again)."""
    if not _STATE.fresh or disabled():
        return
    tables = {**_loaded(), **_STATE.fresh}
    try:
        body = marshal.dumps(tables)
    except ValueError:  # a table marshal cannot hold: keep the others
        tables = {k: v for k, v in tables.items() if _marshals(v)}
        body = marshal.dumps(tables)
    head = f"{FORMAT} {key()} {hashlib.sha256(body).hexdigest()}\n".encode("ascii")
    where = folder()
    with contextlib.suppress(OSError):
        where.mkdir(parents=True, exist_ok=True)
        _write(where / FILE, head + body)
        _STATE.loaded, _STATE.fresh = tables, {}


def _marshals(v: Any) -> bool:
    try:
        marshal.dumps(v)
    except ValueError:
        return False
    return True


def _write(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` (:func:`~factcheck.files.replace_unsynced`: a reader sees
    the old file or the new one, never half of one)."""
    from ..files import replace_unsynced

    replace_unsynced(path, data)


def forget_state() -> None:
    """Forget what was read or built (tests: as a new process starts)."""
    global _STATE
    _STATE = _State()
