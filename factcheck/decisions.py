"""Editorial decisions: what an editor concluded about one draft claim against one source.

A story's decisions live in ``claims/<story>/decisions.json``::

    {"version": 2, "decisions": [{"key": ..., "source": ..., "status": ..., ...}, ...]}

Keys are built from what the editor saw: the claim's kind, value and words (folded), its
place (the n-th claim of the draft saying just that) and the source; never from offsets, so
they survive unrelated edits of the draft, and never from what the lexicons make of the
claim (concept ids, actions, subject, role), so a word added to a lexicon never makes a
decision on an unchanged claim lapse. They lapse when the claim's value or words change.

Version 1 files keyed decisions on concept ids. They are still read: their decisions are
matched to the claims of the report they are applied to (:meth:`Ledger.adopt`) and, the
next time a decision is written anyway, the file is rewritten in version 2 with those keys;
an old decision no claim matched is kept under ``"legacy"``, never dropped.

Every change is written at once under an exclusive lock (``decisions.json.lock``): the file
is re-read, merged (last writer wins per key), written to a temporary file in the same
folder, synced and renamed over the old one. A file that cannot be understood is never
overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LedgerError
from .files import (
    check_folder,
    display_path,
    load_json,
    open_nofollow,
    read_file,
    remove_stale_temps,
    write_atomic,
)
from .models import Claim, Finding, Frozen, Report
from .story import repo_root, utc_now
from .text import fold

if TYPE_CHECKING:
    from pydantic import ValidationError

VERSION = 2
LEGACY_VERSION = 1  # keys built on lexicon ids: read, adopted, never written
STATUSES = ("confirmed", "draft-fixed", "source-wrong", "ignored")
HIDDEN_VERDICTS = ("conflicts", "unclear")


class Decision(Frozen):
    """One decision of decisions.json. pydantic judges every entry that is not plainly well
    formed (the model of :mod:`factcheck.decision_model`: its ValidationError and messages);
    one that is (exactly the known fields, each a string, a known status) is taken as it
    is, as pydantic would take it, without importing pydantic on a check's path."""

    key: str
    source: str
    status: str
    note: str = ""
    who: str
    when: str  # ISO 8601, UTC
    claim_text: str
    value: str  # the claim's value as displayed, for humans reading the file

    def __init__(self, **data: Any) -> None:
        if not _plain(data):
            from .decision_model import Decision as Judge

            data = Judge.model_validate(data).model_dump()  # raises pydantic's ValidationError
        super().__init__(**data)

    @classmethod
    def model_validate(cls, obj: Any) -> Decision:
        if isinstance(obj, cls):
            return obj
        if type(obj) is not dict:
            from .decision_model import Decision as Judge

            return cls(**Judge.model_validate(obj).model_dump())
        return cls(**obj)


_DECISION_FIELDS = frozenset(Decision.model_fields)
_DECISION_REQUIRED = frozenset(n for n, f in Decision.model_fields.items() if f.is_required())


def _plain(data: dict[str, Any]) -> bool:
    return (
        data.keys() <= _DECISION_FIELDS
        and data.keys() >= _DECISION_REQUIRED
        and all(type(v) is str for v in data.values())
        and data["status"] in STATUSES
    )


def _validation_error() -> type[ValidationError]:
    from pydantic import ValidationError

    return ValidationError


# --- keys ---------------------------------------------------------------------------------


def _norm_value(v: Any) -> Any:
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int | float):
        return int(v) if float(v).is_integer() else float(v)
    if isinstance(v, list | tuple):
        return [_norm_value(x) for x in v]
    return " ".join(str(v).split())


def _claim_core(claim: Claim) -> list[Any]:
    # What the editor saw: the kind, the value and the words of the claim (folded: case,
    # accents and line breaks aside). Nothing the lexicons derive (concept ids, actions,
    # the subject and predicate they pick out), so a word added to a lexicon never makes a
    # decision on an unchanged claim lapse.
    return [claim.kind, _norm_value(claim.value), fold(claim.text)]


def _legacy_core(claim: Claim) -> list[Any]:
    # Keys of version 1 files: the claim's concept ids, else its folded subject, and its
    # actions. Only read, to find which claim an old decision was made on.
    about: Any = sorted(set(claim.concepts)) if claim.concepts else fold(claim.subject or "")
    return [claim.kind, _norm_value(claim.value), about, sorted(set(claim.actions))]


def _hash(parts: list[Any]) -> str:
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def decision_key(claim: Claim, source_id: str, occurrence: int = 0) -> str:
    """The ledger key of ``claim`` checked against ``source_id``.

    ``occurrence`` is the claim's place: it tells apart claims of one draft that would
    otherwise share a key, the n-th such claim in draft order (0 for the first). Prefer
    :func:`claim_keys`, which counts occurrences for you.
    """
    parts = [*_claim_core(claim), source_id]
    if occurrence:
        parts.append(occurrence)
    return _hash(parts)


def _legacy_key(claim: Claim, source_id: str, occurrence: int = 0) -> str:
    parts = [*_legacy_core(claim), source_id]
    if occurrence:
        parts.append(occurrence)
    return _hash(parts)


def _occurrences(
    claims: Sequence[Claim], core: Callable[[Claim], list[Any]] = _claim_core
) -> dict[str, int]:
    """claim id -> occurrence index among claims with the same content, in draft order."""
    seen: dict[str, int] = {}
    out: dict[str, int] = {}
    for c in sorted(claims, key=lambda c: (c.span.start, c.span.end)):
        h = _hash(core(c))
        out[c.id] = seen.get(h, 0)
        seen[h] = out[c.id] + 1
    return out


def claim_keys(claims: Sequence[Claim], source_id: str) -> dict[str, str]:
    """claim id -> decision key against ``source_id``, for every claim of one draft."""
    occ = _occurrences(claims)
    return {c.id: decision_key(c, source_id, occ[c.id]) for c in claims}


def report_keys(report: Report) -> dict[tuple[str, str], str]:
    """(claim id, source id) -> decision key, for every finding of ``report``."""
    occ = _occurrences([c.claim for c in report.claims])
    return {
        (c.claim.id, f.source): decision_key(c.claim, f.source, occ[c.claim.id])
        for c in report.claims
        for f in c.findings
    }


def legacy_aliases(report: Report) -> dict[str, str]:
    """Version 1 key -> current key, for every claim of ``report`` against every source it
    names (and every source a finding names): how the decisions of an old file find their
    claims again."""
    claims = [c.claim for c in report.claims]
    sources = dict.fromkeys([s.id for s in report.sources]
                            + [f.source for c in report.claims for f in c.findings])
    new, old = _occurrences(claims), _occurrences(claims, _legacy_core)
    return {
        _legacy_key(c, s, old[c.id]): decision_key(c, s, new[c.id])
        for c in claims
        for s in sources
    }


# --- who and when ----------------------------------------------------------------------------


def current_user() -> str:
    """``FACTCHECK_USER``, else ``git config user.name``, else the login name."""
    user = os.environ.get("FACTCHECK_USER", "").strip()
    if user:
        return user
    import getpass
    import subprocess

    try:
        out = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5,
            check=False,
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def new_decision(
    claim: Claim, source_id: str, key: str, status: str, note: str = "", *,
    who: str | None = None, when: str | None = None,
) -> Decision:
    """A decision on ``claim`` against ``source_id``, stamped with the user and the time.

    ``key`` comes from :func:`report_keys` or :func:`claim_keys`. Raises ValueError for an
    unknown status.
    """
    try:
        return Decision(
            key=key, source=source_id, status=status, note=note,
            who=who or current_user(), when=when or utc_now(),
            claim_text=claim.text, value=claim.display_value,
        )
    except ValueError as exc:  # pydantic's ValidationError is one
        if not isinstance(exc, _validation_error()):
            raise
        raise ValueError(exc.errors()[0]["msg"]) from None


# --- the ledger -----------------------------------------------------------------------------


class Ledger:
    """The decisions of one story; ``Ledger.memory()`` keeps them for this session only.

    Decisions of a version 1 file are keyed the old way (on lexicon ids): they wait apart
    until :meth:`adopt` meets the report whose claims they were made on, and are then keyed
    anew. Nothing is written for that; the next change writes the file in the current form,
    with the old decisions no report has claimed yet kept under ``"legacy"``.
    """

    def __init__(self, path: Path | None, decisions: dict[str, Decision] | None = None) -> None:
        self.path = path
        self._decisions: dict[str, Decision] = dict(decisions or {})
        self._legacy: dict[str, Decision] = {}  # version 1 key -> decision not yet adopted
        self._aliases: dict[str, str] = {}  # version 1 key -> current key, learnt by adopt()
        self._mutex = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> Ledger:
        """Read ``path``; a missing file is an empty ledger. LedgerError if it is unreadable."""
        path = Path(path)
        ledger = cls(path)
        ledger._decisions, ledger._legacy = _read_settled(path)
        return ledger

    @classmethod
    def memory(cls) -> Ledger:
        return cls(None)

    @property
    def persistent(self) -> bool:
        return self.path is not None

    def get(self, key: str) -> Decision | None:
        return self._decisions.get(key)

    def all(self) -> list[Decision]:
        """Every decision, old ones not yet adopted included (after the others)."""
        return ([self._decisions[k] for k in sorted(self._decisions)]
                + [self._legacy[k] for k in sorted(self._legacy)])

    def __len__(self) -> int:
        return len(self._decisions) + len(self._legacy)

    def __contains__(self, key: object) -> bool:
        return key in self._decisions

    def adopt(self, report: Report) -> None:
        """Key anew the old decisions made on the claims of ``report`` (in memory only)."""
        if not self._legacy:
            return
        aliases = legacy_aliases(report)
        with self._mutex:
            self._aliases.update(aliases)
            _migrate(self._decisions, self._legacy, self._aliases)

    def record(self, decision: Decision) -> None:
        """Store ``decision`` (replacing any with its key). Written to disk when this returns."""
        self._change(decision.key, decision)

    def remove(self, key: str) -> None:
        """Forget the decision under ``key`` (no error if there is none)."""
        self._change(key, None)

    def reload(self) -> None:
        """Re-read the file (decisions recorded by other processes)."""
        if self.path is not None:
            with self._mutex:
                decisions, legacy = _read_settled(self.path)
                _migrate(decisions, legacy, self._aliases)
                self._decisions, self._legacy = decisions, legacy

    def _change(self, key: str, decision: Decision | None) -> None:
        with self._mutex:
            if self.path is None:
                merged, legacy = dict(self._decisions), dict(self._legacy)
                _apply(merged, key, decision)
            else:
                with _locked(self.path):
                    merged, legacy = _read(self.path)
                    _migrate(merged, legacy, self._aliases)
                    _apply(merged, key, decision)
                    _write(self.path, merged, legacy)
            self._decisions, self._legacy = merged, legacy


def _apply(decisions: dict[str, Decision], key: str, decision: Decision | None) -> None:
    if decision is None:
        decisions.pop(key, None)
    else:
        decisions[key] = decision


def _migrate(
    decisions: dict[str, Decision], legacy: dict[str, Decision], aliases: Mapping[str, str]
) -> None:
    """Move each old decision whose claim is known (``aliases``) to its current key. One
    whose current key holds a decision already (made since, by a newer factcheck) stays
    where it is: shadowed, never dropped."""
    for old in [k for k in legacy if k in aliases]:
        new = aliases[old]
        if new not in decisions:
            decisions[new] = legacy.pop(old).model_copy(update={"key": new})


READ_TRIES = 3  # optimistic reads before a reader takes the writers' lock


def _read_settled(path: Path) -> tuple[dict[str, Decision], dict[str, Decision]]:
    """:func:`_read` without the writers' lock: when the file was replaced while it was being
    opened (another process recording a decision renames its new file over it), read again,
    and after :data:`READ_TRIES` such reads, under the writers' lock, where no one replaces
    it; an error with no replacement is the file's own and is raised at once."""
    for _ in range(READ_TRIES):
        before = _identity(path)
        try:
            return _read(path)
        except LedgerError:
            if _identity(path) == before:
                raise
    with _locked(path):  # writers keep replacing it: wait for a moment none does
        return _read(path)


def _identity(path: Path) -> tuple[int, ...] | None:
    """The file's device, inode, change time and size (None if missing): a rename over it
    changes them (the inode alone may come back: a freed number is soon given again)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_ctime_ns, st.st_mtime_ns, st.st_size


def _read(path: Path) -> tuple[dict[str, Decision], dict[str, Decision]]:
    """(decisions under current keys, decisions of a version 1 file not yet adopted)."""
    where = display_path(path)
    try:
        raw = read_file(path, top=repo_root(path.parent), error=LedgerError, shown=where)
    except FileNotFoundError:
        if path.is_symlink():  # a dangling symlink: not an empty ledger to write through
            raise LedgerError("is a symlink to a missing file; refused", path=where) from None
        return {}, {}
    except OSError as exc:
        raise LedgerError(f"cannot read: {exc.strerror or exc}", path=where) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LedgerError("not UTF-8 text; fix or restore it from git", path=where) from None
    if not text.strip():
        raise LedgerError("empty file (truncated?); restore it from git", path=where)
    try:
        data = load_json(text, error=LedgerError, where=where)
    except json.JSONDecodeError as exc:
        hint = (
            "unresolved merge conflict" if "\n<<<<<<< " in "\n" + text
            else f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})"
        )
        raise LedgerError(f"{hint}; fix or restore it from git", path=where) from None
    if not isinstance(data, dict):
        raise LedgerError("expected a JSON object with version and decisions", path=where)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise LedgerError("missing or invalid \"version\"", path=where)
    if version not in (LEGACY_VERSION, VERSION):
        newer = " (written by a newer factcheck? upgrade it)" if version > VERSION else ""
        raise LedgerError(f"unsupported version {version}{newer}", path=where)
    lists = ("decisions", "legacy") if version == VERSION else ("decisions",)
    extra = sorted(set(data) - {"version", *lists})
    if extra:
        raise LedgerError(f"unknown key {extra[0]!r}", path=where)
    items = data.get("decisions")
    if not isinstance(items, list):
        raise LedgerError("\"decisions\" must be a list", path=where)
    old = data.get("legacy", [])
    if not isinstance(old, list):
        raise LedgerError("\"legacy\" must be a list", path=where)
    current = _entries(items, where, "decision")
    if version == LEGACY_VERSION:
        return {}, current
    return current, _entries(old, where, "legacy decision")


def _entries(items: list[Any], where: str, what: str) -> dict[str, Decision]:
    out: dict[str, Decision] = {}
    for i, item in enumerate(items):
        try:
            d = Decision.model_validate(item)
        except ValueError as exc:  # pydantic's ValidationError is one
            if not isinstance(exc, _validation_error()):
                raise
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "entry"
            raise LedgerError(f"{what} {i + 1}: {field}: {err['msg']}", path=where) from None
        if d.key in out:
            raise LedgerError(f"{what} {i + 1}: duplicate key {d.key}", path=where)
        out[d.key] = d
    return out


def dumps(decisions: dict[str, Decision], legacy: Mapping[str, Decision] | None = None) -> str:
    data: dict[str, Any] = {
        "version": VERSION,
        "decisions": [decisions[k].model_dump() for k in sorted(decisions)],
    }
    if legacy:
        data["legacy"] = [legacy[k].model_dump() for k in sorted(legacy)]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write(path: Path, decisions: dict[str, Decision], legacy: Mapping[str, Decision]) -> None:
    try:
        write_atomic(path, dumps(decisions, legacy).encode("utf-8"), top=repo_root(path.parent),
                     error=LedgerError)
    except OSError as exc:
        raise LedgerError(
            f"cannot write: {exc.strerror or exc}; the previous file is unchanged",
            path=display_path(path),
        ) from None


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive flock on ``<path>.lock``, removed again on release.

    After locking, the lock file is checked to still be the one on disk: another holder may
    have removed it while we waited, in which case we lock the new one.
    """
    import fcntl

    lock = path.with_name(path.name + ".lock")
    check_folder(lock.parent, repo_root(lock.parent), LedgerError, display_path(lock))
    try:
        while True:
            fd = open_nofollow(lock, os.O_RDWR | os.O_CREAT)  # never through a symlink
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                try:
                    same = os.path.samestat(os.fstat(fd), os.stat(lock))
                except FileNotFoundError:
                    same = False
            except BaseException:
                os.close(fd)
                raise
            if same:
                break
            os.close(fd)
    except OSError as exc:
        raise LedgerError(f"cannot lock: {exc.strerror or exc}", path=display_path(lock)) from None
    try:
        remove_stale_temps(path)
        yield
    finally:
        with suppress(OSError):
            os.unlink(lock)
        os.close(fd)


# --- applying decisions to a report --------------------------------------------------------------


def apply_decisions(report: Report, ledger: Ledger) -> Report:
    """``report`` with each decided finding's ``decision`` set, and ``hidden`` counted."""
    ledger.adopt(report)
    keys = report_keys(report)
    hidden = 0
    claims = []
    for checked in report.claims:
        findings: list[Finding] = []
        for f in checked.findings:
            d = ledger.get(keys[(checked.claim.id, f.source)])
            if d is not None:
                f = f.model_copy(update={"decision": d.status})
                hidden += f.verdict in HIDDEN_VERDICTS
            elif f.decision is not None:
                f = f.model_copy(update={"decision": None})
            findings.append(f)
        claims.append(checked.model_copy(update={"findings": tuple(findings)}))
    return report.model_copy(update={"claims": tuple(claims), "hidden": hidden})
