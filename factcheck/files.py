"""One policy for every file factcheck reads or writes.

Reading: a file of a story folder (story.toml, the draft, file sources, snapshots and their
metadata, the decisions ledger) must resolve inside the repository, symlinks included
(checked after resolution, and the file opened checked to be the file resolved); it must be
a regular file (a FIFO, a device or a socket is refused at once, never waited on); the size
cap applies before anything is read. A path given on the command line may also be the
process's own descriptor (``/dev/stdin``, ``/dev/fd/N``: what ``<(command)`` gives), read up
to the cap; a named FIFO or a device is refused like in a story.

Writing: into a folder that resolves inside the repository, through a temporary file
created with ``O_EXCL | O_NOFOLLOW`` and renamed over the target (a rename replaces a
symlink, it never writes through one); lock files are opened with ``O_NOFOLLOW``.
"""

from __future__ import annotations

import glob
import json
import os
import re
import stat
import tomllib
from contextlib import suppress
from pathlib import Path

from .errors import FactcheckError, InputError, StoryError

MAX_FILE_BYTES = 10_000_000
_OWN_FD = re.compile(r"/dev/(?:stdin|fd/\d+)|/proc/self/fd/\d+")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)


def kind_of(mode: int) -> str:
    """What a non-regular file is, for a message."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def too_big(max_bytes: int, size: int | None = None) -> str:
    have = f" ({size:,} bytes)" if size is not None else ""
    return f"too large{have}: the limit is {max_bytes:,} bytes"


def outside(path: str | os.PathLike[str], top: Path) -> bool:
    """``path``, resolved (symlinks followed), is not inside ``top``."""
    return not Path(path).resolve().is_relative_to(Path(top).resolve())


def read_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_FILE_BYTES,
    top: Path | None = None,
    error: type[FactcheckError] = InputError,
    shown: str | None = None,
    own_fds: bool = False,
) -> bytes:
    """The bytes of ``path`` under the policy above. ``top``: the repository the file must
    resolve inside. ``own_fds``: a command-line path, which may be ``/dev/fd/N``.

    Raises ``error`` (one line, with ``shown`` or ``path`` as its path); FileNotFoundError
    propagates for callers to whom a missing file means something."""
    p = os.fspath(path)
    where = shown if shown is not None else p
    if top is not None and outside(p, top):
        raise error(f"points outside the repository ({top}); refused", path=where)
    pipe_ok = own_fds and _OWN_FD.fullmatch(p) is not None
    try:
        # O_NONBLOCK: opening a FIFO never waits for a writer; it is refused just below
        fd = os.open(p, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _NOCTTY)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise error("is a directory, not a file", path=where) from None
    except PermissionError:
        raise error("permission denied", path=where) from None
    except OSError as exc:
        raise error(f"cannot read it ({exc.strerror or type(exc).__name__})", path=where) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error("is a directory, not a file", path=where)
        if not stat.S_ISREG(st.st_mode) and not pipe_ok:  # /dev/fd/N: a pipe, a terminal...
            raise error(f"is {kind_of(st.st_mode)}, not a regular file; refused", path=where)
        if top is not None:
            try:
                same = os.path.samestat(st, os.stat(Path(p).resolve()))
            except OSError:
                same = False
            if not same:  # swapped between the check and the open
                raise error("changed while being opened; refused", path=where)
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise error(too_big(max_bytes, st.st_size), path=where)
        if _NONBLOCK:
            os.set_blocking(fd, True)  # a pipe of <(command) is read as it comes
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise error(f"cannot read it ({exc.strerror or type(exc).__name__})", path=where) from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise error(too_big(max_bytes), path=where)
    return b"".join(chunks)


def check_folder(folder: Path, top: Path | None, error: type[FactcheckError], shown: str) -> None:
    """Refuse to write into ``folder`` unless it resolves inside ``top``."""
    if top is not None and outside(folder, top):
        raise error(f"the folder points outside the repository ({top}); nothing written", path=shown)


def open_nofollow(path: Path, flags: int, mode: int = 0o666) -> int:
    """``os.open`` that never follows a symlink at ``path`` itself (ELOOP: refused)."""
    return os.open(path, flags | _NOFOLLOW | _CLOEXEC, mode)


# --- TOML and JSON, bounded -------------------------------------------------------------------

MAX_DEPTH = 64  # arrays and tables (objects) inside one another
MAX_INT_DIGITS = 30  # no field of ours needs more; int() of 5,000 digits raises, 4,000 is slow


def _depth_ok(obj: object, error: type[FactcheckError], where: str) -> None:
    stack: list[tuple[object, int]] = [(obj, 1)]
    while stack:
        x, d = stack.pop()
        if isinstance(x, dict | list):
            if d > MAX_DEPTH:
                raise error(f"nested more than {MAX_DEPTH} levels deep; refused", path=where)
            stack.extend((v, d + 1) for v in (x.values() if isinstance(x, dict) else x))
        elif isinstance(x, int) and not isinstance(x, bool) and len(str(abs(x))) > MAX_INT_DIGITS:
            raise error(f"an integer of more than {MAX_INT_DIGITS} digits; refused", path=where)


def _too_deep(error: type[FactcheckError], where: str) -> FactcheckError:
    return error(f"nested more than {MAX_DEPTH} levels deep; refused", path=where)


def load_json(text: str, *, error: type[FactcheckError], where: str) -> object:
    """``json.loads`` with the nesting and integer limits (``error``, one line, on a breach);
    a syntax error is json.JSONDecodeError, for the caller to word."""

    def number(s: str) -> int:
        if len(s.lstrip("-")) > MAX_INT_DIGITS:
            raise error(f"an integer of more than {MAX_INT_DIGITS} digits; refused", path=where)
        return int(s)

    try:
        data = json.loads(text, parse_int=number)
    except RecursionError:
        raise _too_deep(error, where) from None
    _depth_ok(data, error, where)
    return data


def load_toml(text: str, *, error: type[FactcheckError], where: str) -> dict[str, object]:
    """``tomllib.loads`` with the nesting and integer limits; a syntax error is
    tomllib.TOMLDecodeError, for the caller to word."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise _too_deep(error, where) from None
    except ValueError as exc:  # an integer past int()'s digit limit
        if isinstance(exc, tomllib.TOMLDecodeError):
            raise
        raise error(f"an integer of more than {MAX_INT_DIGITS} digits; refused", path=where) from None
    _depth_ok(data, error, where)
    return data


# --- writing ---------------------------------------------------------------------------------


def display_path(path: str | Path) -> str:
    """``path`` relative to the current directory when it is inside it, else absolute."""
    p = Path(path).absolute()
    with suppress(ValueError, OSError):
        return str(p.relative_to(Path.cwd()))
    return str(p)


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def write_temp(tmp: Path, data: bytes, *, sync: bool = True) -> None:
    """Create the temporary file ``tmp`` (O_EXCL, never through a symlink) holding ``data``,
    fsynced unless ``sync`` is false; a failure removes it and propagates."""
    fd = open_nofollow(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(
    path: Path, data: bytes, *, top: Path | None = None, error: type[FactcheckError] = StoryError
) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Temporary file in the same folder, written and fsynced, renamed over ``path``, then the
    folder fsynced. OSError propagates; the old file is then untouched. With ``top``, the
    folder must resolve inside that repository (``error`` otherwise). The temporary file
    is created with O_EXCL and O_NOFOLLOW, and the rename replaces a symlink at ``path``
    rather than writing through it.
    """
    path = Path(path)
    check_folder(path.parent, top, error, display_path(path))
    _replace(path, data, sync=True)
    fsync_dir(path.parent)


def replace_unsynced(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` through a temporary file, so that a reader sees the old
    file or the new one, never half of one; no fsync: for caches, where what a crash loses
    is only built again. The rename replaces a symlink at ``path``, never writes through it."""
    _replace(path, data, sync=False)


def _replace(path: Path, data: bytes, *, sync: bool) -> None:
    """Write ``data`` to a temporary file beside ``path`` (fsynced with ``sync``) and rename
    it over ``path``; the temporary file is removed if anything fails."""
    tmp = temp_name(path)
    write_temp(tmp, data, sync=sync)
    try:
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a directory
        pass
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files :func:`write_atomic` left for ``path`` (a writer that died).

    Only call it while holding the lock that serialises writers of ``path``.
    """
    for tmp in Path(path).parent.glob(f".{glob.escape(Path(path).name)}.*.tmp"):
        with suppress(OSError):
            tmp.unlink()
