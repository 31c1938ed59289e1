"""The claim cache: each source's claims, kept beside the story so that a re-run reads no
unchanged snapshot again.

One file per document in ``claims/<story>/.cache/<id>.json``. An entry is used only when its
key matches all that extraction reads: the document (sha256 of its text, its id, language
and date, and whether weak claims were asked for) and the build (the tool's version, a hash
of the extraction code and a hash of the lexicon data files). Anything else is ignored and
rebuilt, never trusted: a stale entry (another text of the document, another build) quietly,
as a cache's ordinary life goes (a warning on every lexicon change would teach people to
skip warnings); a foreign one (another format, another document) or a corrupt one (a
checksum that fails, a field of the wrong type, a span outside the text, a file that cannot
be read) with one warning line on standard error. ``factcheck fetch`` and ``check
--refresh`` empty the folder (:func:`forget`).

The findings of each source against the draft (what :func:`~factcheck.align.align_document`
returned) are kept too, in ``.cache/findings/<id>.json``: an entry is used only for the same
draft (its key, as above: the draft's claims and date are functions of it for one build),
the same claims entry of the source (the sha256 of its header line, which holds the
checksums of its claims and features) and the same build, with a hash of every module of
the package but the reports and the TUI (what alignment runs); it is checked as a claims
entry is (a finding of no claim of the draft, a span outside the text: corrupt). The findings
of the draft against itself are kept the same way, in ``.cache/findings/_itself.json``, keyed
by the draft's own claims entry. So a re-run of an unchanged draft reads, for each source,
its claims entry's header and its findings, and aligns only the sources whose text changed
(and the draft against itself only when it changed). A check with its own ``reasons``
templates neither reads nor writes them.

The cache does not belong in git: the folder holds a ``.gitignore`` of ``*``. A cache that
arrives with a commit could stand in for a snapshot's claims unseen (an entry with the right
key and a claim left out passes every check short of extracting again); CI keeps it between
runs with its own cache store instead (see ``docs/ci.md``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable, Container, Sequence
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, get_args

from .models import Amount, Claim, ClaimKind, Document, Finding, Hedge, Span, Verdict, _filled

_FORMAT_NAME = "factcheck-claim-cache/"
FORMAT = _FORMAT_NAME + "3"  # 2: the features of claims kept too; 3: claims by column
FOLDER = ".cache"
MAX_ENTRY_BYTES = 20_000_000
NO_CACHE_ENV = "FACTCHECK_NO_CACHE"  # set (to anything but "" or "0"): no cache is read or written

_PACKAGE = Path(__file__).resolve().parent
# What extraction reads besides the lexicon data: its code and the modules it imports.
# The features alignment reads of a claim (signals.py) are kept with it too.
# The language hooks (langs/) are code extraction runs too.
_CODE = ("extract", "langs", "models.py", "text.py", "invisible.py", "lang.py", "cache.py", "signals.py", "features.py")
# What alignment runs besides extraction (whose code build() hashes): every module of the
# package but the reports and the TUI (a findings entry is kept only while all are as they were).
_ALIGN_CODE = ("langs",)  # and the package's own *.py
FINDINGS_FORMAT = "factcheck-findings-cache/2"  # 2: the source's unit of each finding
FINDINGS = "findings"  # the sub-folder of the findings entries
ITSELF = "_itself.json"  # the findings of the draft against itself (no document's entry starts with "_")
_VERDICTS = frozenset(get_args(Verdict))
_KINDS = frozenset(get_args(ClaimKind))
_HEDGES = frozenset(get_args(Hedge))
_BUILD: list[dict[str, str]] = []


class Corrupt(Exception):
    """A cache entry that cannot be used, and why."""


class Stale(Corrupt):
    """An entry of this document made from another text of it or by another build."""


def disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def build() -> dict[str, str]:
    """What identifies the build that extracts: version, code hash, lexicon hash (read once
    per process; the lexicon cache's hashes, :mod:`factcheck.extract.store`, when they are of
    the same files)."""
    if not _BUILD:
        from ._version import __version__
        from .extract import store

        _BUILD.append({
            "version": __version__,
            "code": store.code_hash(_PACKAGE, _CODE),
            "lexicon": store.data_hash(_PACKAGE),
        })
    return _BUILD[0]


def findings_build() -> dict[str, str]:
    """:func:`build`, and a hash of the code alignment runs (read once per process)."""
    if len(_BUILD) < 2:
        from .extract import store

        build()
        top = sorted(p.name for p in _PACKAGE.glob("*.py"))
        _BUILD.append({**_BUILD[0], "align": store.code_hash(_PACKAGE, [*top, *_ALIGN_CODE])})
    return _BUILD[1]


def _source_key(doc: Document, weak: bool) -> dict[str, Any]:
    return {
        "id": doc.id,
        "text_sha256": hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
        "lang": doc.lang,
        "date": doc.date,
        "weak": weak,
    }


def warn(message: str) -> None:
    print(f"factcheck: warning: {message}", file=sys.stderr, flush=True)


class ClaimCache:
    """The claim cache in ``folder`` (created on the first write, with a ``.gitignore``)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.write_failed = False

    def _path(self, doc_id: str) -> Path:
        safe = doc_id if _safe_name(doc_id) else "id-" + hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{safe}.json"

    def get(self, doc: Document, *, weak: bool) -> list[Claim] | None:
        """The cached claims of ``doc``, or None (no entry, or one that cannot be used: then a
        warning says why)."""
        entry = self.entry(doc, weak=weak)
        return None if entry is None else self.claims(entry, doc)

    def entry(self, doc: Document, *, weak: bool) -> Entry | None:
        """The entry of ``doc`` when its header fits and its checksums hold, its claims not
        read yet (:meth:`claims`); None otherwise (with a warning when it is corrupt)."""
        return _load(self._path(doc.id), f"{doc.id}: the cached claims", lambda data: _checked(data, doc, weak))

    def claims(self, entry: Entry, doc: Document) -> list[Claim] | None:
        """The claims of ``doc``'s checked ``entry``, or None (with a warning) when they are corrupt."""
        try:
            return _entry_claims(entry, doc)
        except Corrupt as exc:
            warn(f"{doc.id}: the cached claims ({self._path(doc.id)}) {exc}; rebuilt")
            return None

    def put(self, doc: Document, claims: Sequence[Claim], *, weak: bool) -> str | None:
        """Store the claims of ``doc`` and return the entry's digest (:attr:`Entry.digest`);
        a failure to write is said once and otherwise ignored (None)."""
        if self.write_failed:
            return None
        data = encode(doc, claims, weak)
        try:
            _prepare(self.folder)
            _write(self._path(doc.id), data)
        except OSError as exc:
            self.write_failed = True
            warn(f"cannot write the claim cache in {self.folder} ({_reason(exc)}); claims are extracted again next run")
            return None
        return hashlib.sha256(data.partition(b"\n")[0]).hexdigest()

    # --- findings ---------------------------------------------------------------------------

    def _findings_path(self, doc_id: str, itself: bool) -> Path:
        return self.folder / FINDINGS / (ITSELF if itself else self._path(doc_id).name)

    def findings(
        self, draft: Document, doc: Document, entry: Entry, ids: Container[str], *, itself: bool = False
    ) -> dict[str, Finding] | None:
        """The findings of ``doc`` (whose checked claims entry is ``entry``) against the
        draft, as :func:`~factcheck.align.align_document` gave them to a run of this build
        for the same draft and the same entry; None when there are none such (with a warning
        when the findings entry is corrupt). ``ids``: the ids of the draft's claims.
        ``itself``: the findings of the draft against itself (``doc`` is the draft, ``entry``
        the entry of its claims)."""
        return _load(
            self._findings_path(doc.id, itself),
            f"{doc.id}: the cached findings" + (" of the draft against itself" if itself else ""),
            lambda data: _decode_findings(data, draft, doc, entry, ids, itself),
        )

    def put_findings(
        self, draft: Document, doc: Document, digest: str, found: dict[str, Finding], *, itself: bool = False
    ) -> None:
        """Store the findings of ``doc`` against ``draft`` (``itself``: of the draft against
        itself), keyed by the digest of the claims entry they were aligned from; a failure to
        write is said once and otherwise ignored."""
        if self.write_failed:
            return
        try:
            data = _encode_findings(draft, doc, digest, found, itself)
        except ValueError:
            return  # a finding an entry cannot hold (align_document() makes none): aligned again next run
        try:
            _prepare(self.folder)
            _prepare_sub(self.folder / FINDINGS)
            _write(self._findings_path(doc.id, itself), data)
        except OSError as exc:
            self.write_failed = True
            warn(f"cannot write the claim cache in {self.folder} ({_reason(exc)}); claims are extracted again next run")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc)


def _safe_name(name: str) -> bool:
    return 0 < len(name) <= 80 and name[0].isalnum() and all(c.isascii() and (c.isalnum() or c in "._-") for c in name)


def for_story(root: Path) -> ClaimCache:
    return ClaimCache(root / FOLDER)


def story_of(doc: Document) -> Path | None:
    """The story folder ``doc`` was read from: ``<story>/sources/<id>.txt`` (a snapshot), or
    a draft in a folder with a ``story.toml``; None for any other document."""
    if not doc.origin or "://" in doc.origin:
        return None
    p = Path(doc.origin)
    if doc.id != "draft" and not (p.name == f"{doc.id}.txt" and p.parent.name == "sources"):
        return None
    root = p.parent.parent if doc.id != "draft" else p.parent
    return root if (root / "story.toml").is_file() else None


def forget(root: Path) -> None:
    """Empty the claim cache of the story folder ``root`` (``fetch`` and ``--refresh``): its
    claims entries and the findings kept beside them."""
    if _empty(root / FOLDER):
        _empty(root / FOLDER / FINDINGS)


def _empty(folder: Path) -> bool:
    """Remove the entries (and left temporary files) of ``folder``, a plain folder, never
    through a symlink; False when it is none."""
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return False
        names = os.listdir(folder)
    except OSError:
        return False
    for name in names:
        if name.endswith(".json") or name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)
    return True


# --- files -----------------------------------------------------------------------------------

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _read(path: Path) -> bytes:
    """The entry's bytes: a regular file, never through a symlink, within the size cap."""
    folder = os.lstat(path.parent)
    if not stat.S_ISDIR(folder.st_mode):
        raise Corrupt("the cache folder is not a plain folder")
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Corrupt("not a regular file")
        if st.st_size > MAX_ENTRY_BYTES:
            raise Corrupt("too large")
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


_T = TypeVar("_T")


def _load(path: Path, what: str, decode: Callable[[bytes], _T]) -> _T | None:
    """``decode`` of the entry at ``path``: None when there is none or it is stale, and, with
    a warning that starts with ``what``, when it cannot be read or is corrupt."""
    try:
        data = _read(path)
    except FileNotFoundError:
        return None
    except (OSError, Corrupt) as exc:
        warn(f"{what} ({path}) cannot be read ({_reason(exc)}); rebuilt")
        return None
    try:
        return decode(data)
    except Stale:
        return None
    except Corrupt as exc:
        warn(f"{what} ({path}) {exc}; rebuilt")
        return None


def _prepare(folder: Path) -> None:
    """Create the cache folder with its ``.gitignore``; refuse a symlinked folder."""
    _prepare_sub(folder)
    ignore = folder / ".gitignore"
    if not os.path.lexists(ignore):
        _write(ignore, b"# factcheck's claim cache: rebuilt when needed, not for git\n*\n")


def _prepare_sub(folder: Path) -> None:
    """Create a folder of the cache (the cache folder, or one inside it); refuse a symlinked one."""
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        os.mkdir(folder)
        st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode):
        raise OSError(0, "the cache folder is a symlink or not a folder")


def _write(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` (:func:`~factcheck.files.replace_unsynced`: an entry lost
    in a crash is only extracted again)."""
    from .files import replace_unsynced

    replace_unsynced(path, data)


# --- entries ---------------------------------------------------------------------------------
#
# An entry is three lines: a header (format, build, source key, the number of claims, sha256
# of the other two lines), the claims by column (an object: for each field that some claim
# holds with another value than its default, the list of every claim's value, the default
# for the others), and the features alignment read of some of them
# (:class:`~factcheck.signals.Features`, those a run needed: a re-run against the same draft
# needs the same), each a list: the claim's index, its window, its names near, its own
# names, the sentence's names, words, concepts, actions and who gives the figure (sets
# sorted). A claim's text and sentence are slices of the document's text, so only their
# spans are kept (its text, when it is not the slice, is kept as is, None in its column
# otherwise), and its doc_id only when it is not the document's id. Columns are read faster
# than objects: no field name per claim, and a column of texts or flags is checked at once.

_DEFAULTS: dict[str, Any] = {
    name: f.default for name, f in Claim.model_fields.items() if not f.is_required()
}


def encode(doc: Document, claims: Sequence[Claim], weak: bool) -> bytes:
    text = doc.text
    columns: dict[str, list[Any]] = {}
    n = len(claims)
    for k, c in enumerate(claims):
        for name, value in c.__dict__.items():
            if name in ("span", "sentence"):
                value = [value.start, value.end]
            elif name == "amount":
                if value is not None:
                    value = [value.low, value.high, value.hedge, value.lo, value.hi]
            elif name == "text":
                if value == text[c.span.start : c.span.end]:
                    continue
            elif name == "context":
                if value == text[c.sentence.start : c.sentence.end]:
                    continue
            elif name == "doc_id":
                if value == doc.id:
                    continue
            elif name in _DEFAULTS and value == _DEFAULTS[name] and type(value) is type(_DEFAULTS[name]):
                continue
            col = columns.get(name)
            if col is None:  # a field some claim holds: a column, the default (or None) for the others
                col = columns[name] = [None if name in _DERIVED else _DEFAULTS.get(name)] * n
            col[k] = value
    order = {name: k for k, name in enumerate(Claim.model_fields)}
    body = json.dumps(
        {name: columns[name] for name in sorted(columns, key=order.__getitem__)},
        ensure_ascii=False, separators=(",", ":"), allow_nan=True,
    ).encode("utf-8")
    read = _features_rows(claims)
    header = {
        "format": FORMAT,
        "build": build(),
        "source": _source_key(doc, weak),
        "claims": n,
        "claims_sha256": hashlib.sha256(body).hexdigest(),
        "features_sha256": hashlib.sha256(read).hexdigest(),
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return head + b"\n" + body + b"\n" + read + b"\n"


def _features_rows(claims: Sequence[Claim]) -> bytes:
    """The features this run read of ``claims`` (:func:`~factcheck.signals.known_features`)."""
    from .features import known_features

    rows: list[list[Any]] = []
    for k, c in enumerate(claims):
        f = known_features(c)
        if f is not None:
            rows.append([
                k, f.window, sorted(f.entities), sorted(f.own_entities), sorted(f.sentence_entities),
                sorted(f.words), sorted(f.concepts), sorted(f.actions), f.source_of,
            ])
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Entry(NamedTuple):
    """A claim cache entry whose header fits the document and the build and whose checksums
    hold (:func:`_checked`), not read further yet."""

    digest: str  # sha256 of its header line: what a findings entry is keyed by
    header: dict[str, Any]
    body: bytes
    read: bytes


def _decode(data: bytes, doc: Document, weak: bool) -> list[Claim]:
    """The entry's claims; the features it holds are told to :mod:`factcheck.signals`."""
    return _entry_claims(_checked(data, doc, weak), doc)


def _checked(data: bytes, doc: Document, weak: bool) -> Entry:
    """The entry of ``data``, its header checked against ``doc`` and the build and its
    checksums against its lines (:class:`Stale` or :class:`Corrupt` otherwise)."""
    head, sep, rest = data.partition(b"\n")
    if not sep or not rest.endswith(b"\n"):
        raise Corrupt("are cut short")
    try:
        header = json.loads(head)
    except (ValueError, RecursionError):
        raise Corrupt("have a corrupt header") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        if isinstance(header, dict) and str(header.get("format")).startswith(_FORMAT_NAME):
            raise Stale("were made by another build of factcheck (an older format)")
        raise Corrupt("are not a factcheck claim cache of this format")
    body, sep, read = rest[:-1].partition(b"\n")
    if not sep or b"\n" in read:
        raise Corrupt("are cut short")
    if header.get("source") != _source_key(doc, weak):
        got = header.get("source")
        if isinstance(got, dict) and got.get("id") != doc.id:
            raise Corrupt(f"belong to another document ({str(got.get('id'))[:80]!r})")
        raise Stale("were made from another text of it")
    if header.get("build") != build():
        raise Stale("were made by another build of factcheck (version, code or lexicon)")
    if (header.get("claims_sha256") != hashlib.sha256(body).hexdigest()
            or header.get("features_sha256") != hashlib.sha256(read).hexdigest()):
        raise Corrupt("are corrupt (checksum)")
    return Entry(hashlib.sha256(head).hexdigest(), header, body, read)


def _entry_claims(entry: Entry, doc: Document) -> list[Claim]:
    """The claims of a checked entry; the features it holds are told to :mod:`factcheck.signals`."""
    header, body, read = entry.header, entry.body, entry.read
    try:
        columns, read_rows = json.loads(body), json.loads(read)
    except (ValueError, RecursionError):
        raise Corrupt("are corrupt (not JSON)") from None
    if not isinstance(columns, dict) or not isinstance(read_rows, list):
        raise Corrupt("are corrupt (not a table)")
    n = header.get("claims")
    if type(n) is not int or n < 0:
        raise Corrupt("are corrupt (the number of claims)")
    try:
        claims = _claims(columns, n, doc)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise Corrupt(f"are corrupt ({type(exc).__name__})") from None
    _tell(read_rows, claims)
    return claims


def _tell(rows: list[Any], claims: list[Claim]) -> None:
    """Check the entry's features rows, then tell them to the run (:mod:`factcheck.features`). Features
    are a function of what :func:`~factcheck.signals.features_key` reads: a row whose key this
    run knows already (another source said the sentence word for word) is checked, not built."""
    from .features import STEM, Features, features_key, known_keys, tell_features

    known = known_keys()
    told = []
    for row in rows:
        if not (type(row) is list and len(row) == 9 and type(row[0]) is int and 0 <= row[0] < len(claims)
                and type(row[1]) is str and (row[8] is None or type(row[8]) is str)):
            raise Corrupt("are corrupt (the features of a claim)")
        k, window, near, own, sentence, words, concepts, actions, source_of = row
        for v in (near, own, sentence, words, concepts, actions):
            if type(v) is not list:
                raise Corrupt("are corrupt (the features of a claim)")
            try:
                "".join(v)  # a list of texts only (JSON gives no subclass of str)
            except TypeError:
                raise Corrupt("are corrupt (the features of a claim)") from None
        c = claims[k]
        if features_key(c) in known:
            continue
        word_set = frozenset(words)
        told.append((c, Features(
            window=window, entities=frozenset(near), own_entities=frozenset(own),
            sentence_entities=frozenset(sentence), words=word_set, stems=frozenset(w[:STEM] for w in word_set),
            concepts=frozenset(concepts), actions=frozenset(actions), source_of=source_of,
        )))
    for c, f in told:  # only once every row is sound
        tell_features(c, f)


def _number(v: Any) -> float | int:
    if type(v) is not int and type(v) is not float:
        raise Corrupt("are corrupt (a number)")
    return v  # type: ignore[no-any-return]


def _amount(v: Any) -> Amount | None:
    if v is None:
        return None
    if type(v) is not list or len(v) != 5 or v[2] not in _HEDGES:
        raise Corrupt("are corrupt (an amount)")
    low, high, hedge, lo, hi = v
    return _filled(Amount, {  # every field, in declaration order: what trusted() would build
        "low": _number(low), "high": _number(high), "hedge": hedge,
        "lo": None if lo is None else _number(lo), "hi": None if hi is None else _number(hi),
    })


# How each column is checked: one small int per field. A cache hit reads every field of
# every claim of every source: a column is checked at once where it can be (the types its
# values have, as a set), value by value only where a value has parts (spans, amounts).
_STR, _SPAN, _KIND, _VALUE, _AMOUNT, _OPT_STR, _STRS, _BOOL, _HEDGE, _WHEN = range(10)
_CHECK: dict[str, int] = {
    "id": _STR, "doc_id": _OPT_STR, "lang": _STR, "text": _OPT_STR, "context": _OPT_STR,
    "span": _SPAN, "sentence": _SPAN, "kind": _KIND, "value": _VALUE, "amount": _AMOUNT,
    "unit": _OPT_STR, "subject": _OPT_STR, "predicate": _OPT_STR, "role": _OPT_STR, "rule": _OPT_STR,
    "concepts": _STRS, "actions": _STRS,
    "quoted": _BOOL, "weak": _BOOL, "part": _BOOL, "earlier": _BOOL, "past": _BOOL,
    "hedge": _HEDGE, "when": _WHEN,
}
_DERIVED = frozenset({"doc_id", "text", "context"})  # None in their column: the document's id, its text's slice
_REQUIRED = ("id", "value", "span", "sentence", "kind")
_TEMPLATE: dict[str, Any] = {name: _DEFAULTS.get(name) for name in Claim.model_fields}  # declaration order
_NUMBERS = (int, float)
_STR_TYPES = frozenset({str})
_OPT_STR_TYPES = frozenset({str, type(None)})
_BOOL_TYPES = frozenset({bool})
_LIST_TYPES = frozenset({list})
_VALUE_TYPES = frozenset({int, float, str, type(None)})
_NUMBER_TYPES = frozenset(_NUMBERS)
_OPT_HEDGES = _HEDGES | {None}


def _claims(columns: dict[str, Any], n: int, doc: Document) -> list[Claim]:
    """The claims of an entry's columns, each column checked first."""
    if n and not all(name in columns for name in _REQUIRED):
        raise Corrupt("are corrupt (a claim without its id, value, kind or spans)")
    text = doc.text
    size = len(text)
    spans: dict[tuple[int, int], Span] = {}  # the claims of a sentence share its span
    names = list(columns)
    cols = [_column(name, columns[name], n, size, spans) for name in names]
    template = dict(_TEMPLATE)
    template["doc_id"] = template["text"] = template["context"] = None  # each worked out below unless given
    out = []
    for row in zip(*cols, strict=True):
        values = template.copy()
        values.update(zip(names, row, strict=True))
        span, sentence = values["span"], values["sentence"]
        if values["doc_id"] is None:
            values["doc_id"] = doc.id  # left out when it is the document's own
        if values["text"] is None:
            values["text"] = text[span.start : span.end]
        if values["context"] is None:
            values["context"] = text[sentence.start : sentence.end]
        out.append(_filled(Claim, values))
    return out


def _column(name: str, col: Any, n: int, size: int, spans: dict[tuple[int, int], Span]) -> list[Any]:
    """The column ``name`` of an entry, checked, with its values as claims hold them."""
    if type(col) is not list or len(col) != n:
        raise Corrupt("are corrupt (a column of another length)")
    how = _CHECK.get(name)
    if how == _STR:
        if not set(map(type, col)) <= _STR_TYPES:
            raise Corrupt("are corrupt (a text field)")
    elif how == _OPT_STR:
        if not set(map(type, col)) <= _OPT_STR_TYPES:
            raise Corrupt("are corrupt (a text field)")
    elif how == _SPAN:
        col = [_span(v, size, spans) for v in col]
    elif how == _STRS:
        if not set(map(type, col)) <= _LIST_TYPES or not set(map(type, chain.from_iterable(col))) <= _STR_TYPES:
            raise Corrupt("are corrupt (a list of names)")
        col = list(map(tuple, col))
    elif how == _BOOL:
        if not set(map(type, col)) <= _BOOL_TYPES:
            raise Corrupt("are corrupt (a flag)")
    elif how == _KIND:
        if not set(map(type, col)) <= _STR_TYPES or not set(col) <= _KINDS:
            raise Corrupt("are corrupt (a kind)")
    elif how == _VALUE:
        for v in col:
            if not (type(v) in _VALUE_TYPES or (type(v) is list and set(map(type, v)) <= _NUMBER_TYPES)):
                raise Corrupt("are corrupt (a value)")
    elif how == _AMOUNT:
        col = [_amount(v) for v in col]
    elif how == _HEDGE:
        if not set(map(type, col)) <= _OPT_STR_TYPES or not set(col) <= _OPT_HEDGES:
            raise Corrupt("are corrupt (a hedge)")
    elif how == _WHEN:
        for v in col:
            if v is not None and not (type(v) is dict and all(type(x) in (int, str) for x in v.values())):
                raise Corrupt("are corrupt (a date)")
    else:
        raise Corrupt(f"are corrupt (an unknown field {name[:40]!r})")
    return col


def _span(v: Any, size: int, spans: dict[tuple[int, int], Span]) -> Span:
    if not (type(v) is list and len(v) == 2 and type(v[0]) is int and type(v[1]) is int
            and 0 <= v[0] <= v[1] <= size):
        raise Corrupt("are corrupt (a span outside the text)")
    key = (v[0], v[1])
    got = spans.get(key)  # the claims of a sentence share its span
    if got is None:
        got = spans[key] = Span.at(v[0], v[1])
    return got


# --- findings entries ---------------------------------------------------------------------
#
# A findings entry is two lines: a header (format, build with the hash of the alignment code,
# the draft's key, the digest of the source's claims entry, the number of findings and the
# sha256 of the body) and the findings of the source, in the order alignment gave them, each
# a list: the draft claim's id, verdict, score, why, the span's start and end, text, value,
# unit and the source claim's id. The draft's claims and the source's are functions of their keys
# for one build, and the findings of the two lists of claims (and the draft's date, in its
# key): an entry of the same keys says what aligning them again would.


def _findings_key(draft: Document, digest: str, itself: bool) -> dict[str, Any]:
    key: dict[str, Any] = {"draft": _source_key(draft, False), "claims": digest}
    if itself:
        key["itself"] = True
    return key


def _encode_findings(draft: Document, doc: Document, digest: str, found: dict[str, Finding], itself: bool) -> bytes:
    rows = []
    for claim_id, f in found.items():
        if f.source != doc.id or f.span is None or f.decision is not None:
            raise ValueError("a finding the findings cache cannot hold")  # align_document() makes none
        rows.append(
            [claim_id, f.verdict, f.score, f.why, f.span.start, f.span.end, f.text, f.value, f.unit, f.source_claim]
        )
    body = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode("utf-8")
    header = {
        "format": FINDINGS_FORMAT,
        "build": findings_build(),
        "key": _findings_key(draft, digest, itself),
        "source": doc.id,
        "findings": len(rows),
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return head + b"\n" + body + b"\n"


_FINDING_TYPES = (str, str, (int, float), str, int, int, (str, type(None)), None, (str, type(None)), (str, type(None)))


def _decode_findings(
    data: bytes, draft: Document, doc: Document, entry: Entry, ids: Container[str], itself: bool
) -> dict[str, Finding]:
    head, sep, rest = data.partition(b"\n")
    if not sep or not rest.endswith(b"\n") or b"\n" in rest[:-1]:
        raise Corrupt("are cut short")
    try:
        header = json.loads(head)
    except (ValueError, RecursionError):
        raise Corrupt("have a corrupt header") from None
    if not isinstance(header, dict) or header.get("format") != FINDINGS_FORMAT:
        if isinstance(header, dict) and str(header.get("format")).startswith("factcheck-findings-cache/"):
            raise Stale("were made by another build of factcheck (an older format)")
        raise Corrupt("are not a factcheck findings cache of this format")
    if header.get("source") != doc.id:
        raise Corrupt(f"belong to another document ({str(header.get('source'))[:80]!r})")
    if header.get("build") != findings_build():
        raise Stale("were made by another build of factcheck")
    if header.get("key") != _findings_key(draft, entry.digest, itself):
        raise Stale("were made for another draft or other claims of the source")
    body = rest[:-1]
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise Corrupt("are corrupt (checksum)")
    try:
        rows = json.loads(body)
    except (ValueError, RecursionError):
        raise Corrupt("are corrupt (not JSON)") from None
    if type(rows) is not list or header.get("findings") != len(rows):
        raise Corrupt("are corrupt (not a list of findings)")
    size = len(doc.text)
    out: dict[str, Finding] = {}
    for row in rows:
        if not (type(row) is list and len(row) == 10
                and all(t is None or (type(v) is not bool and isinstance(v, t))
                        for v, t in zip(row, _FINDING_TYPES, strict=True))):
            raise Corrupt("are corrupt (a finding)")
        claim_id, verdict, score, why, start, end, text, value, unit, source_claim = row
        if claim_id not in ids or claim_id in out or verdict not in _VERDICTS:
            raise Corrupt("are corrupt (a finding of no claim of the draft)")
        if not 0 <= start <= end <= size:
            raise Corrupt("are corrupt (a span outside the text)")
        if not (type(value) in _VALUE_TYPES or (type(value) is list and set(map(type, value)) <= _NUMBER_TYPES)):
            raise Corrupt("are corrupt (a value)")
        out[claim_id] = _filled(Finding, {  # every field, in declaration order
            "source": doc.id, "verdict": verdict, "score": score, "why": why, "span": Span.at(start, end),
            "text": text, "value": value, "unit": unit, "source_claim": source_claim, "decision": None,
        })
    return out
