"""A story folder, ``claims/<story>/``: what CI, the CLI and the TUI share.

::

    claims/<story>/
      story.toml         title, draft path, [[sources]] with id, url or path, lang
      draft.md           (or a path elsewhere in the repository)
      sources/<id>.txt   the text extracted from each source (UTF-8), as last fetched
      sources/<id>.json  where and when it was fetched (url, final_url, sha256, ...)
      decisions.json     editorial decisions (see decisions.py)

Checking a story reads the snapshots only; ``factcheck fetch`` (or ``--refresh``) is the
one thing that touches the network.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .errors import REPORT_HINT, FactcheckError, FetchError, InputError, InternalError, StoryError, unexpected
from .files import (
    check_folder,
    display_path,
    fsync_dir,
    load_json,
    load_toml,
    read_file,
    temp_name,
    write_atomic,
    write_temp,
)
from .lang import detect_lang
from .langs import codes
from .models import Document, Frozen, SourceInfo
from .sources import DRAFT_ID, is_url

if TYPE_CHECKING:
    import requests

STORY_FILE = "story.toml"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
TOP_KEYS = ("title", "draft", "lang", "date", "sources")  # story.toml's keys
SOURCE_KEYS = ("id", "url", "path", "lang", "date")  # those of a [[sources]] table
_TOP, _SOURCE = frozenset(TOP_KEYS), frozenset(SOURCE_KEYS)


class SourceSpec(Frozen):
    id: str
    url: str | None = None
    path: str | None = None  # relative to the story folder, as written in story.toml
    lang: str | None = None
    date: str | None = None  # YYYY-MM-DD, the day the report was published

    @property
    def origin(self) -> str:
        return self.url or self.path or ""


class Story(Frozen):
    root: Path  # the story folder, absolute
    title: str
    draft: Path  # absolute
    draft_lang: str | None = None
    draft_date: str | None = None
    sources: tuple[SourceSpec, ...] = ()

    @property
    def toml_path(self) -> Path:
        return self.root / STORY_FILE

    @property
    def decisions_path(self) -> Path:
        return self.root / "decisions.json"

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    def snapshot_path(self, source_id: str) -> Path:
        """The extracted text of a source, as last fetched."""
        return self.sources_dir / f"{source_id}.txt"

    def snapshot_meta_path(self, source_id: str) -> Path:
        return self.sources_dir / f"{source_id}.json"

    @property
    def repo(self) -> Path:
        """The repository the story's files must resolve inside."""
        return repo_root(self.root)

    def source_file(self, spec: SourceSpec) -> Path | None:
        return (self.root / spec.path).resolve() if spec.path else None

    def source_origin(self, spec: SourceSpec) -> str:
        """Where a source is, for people: its URL, or its file as seen from the current
        folder (``claims/x/sources/b.txt``, not story.toml's ``sources/b.txt``)."""
        src = self.source_file(spec)
        return display_path(src) if src is not None else spec.origin


# --- story.toml ----------------------------------------------------------------------------------


def is_story_dir(path: Path) -> bool:
    return Path(path).is_dir() and (Path(path) / STORY_FILE).is_file()


def repo_root(folder: Path) -> Path:
    """The nearest folder from ``folder`` upwards holding ``.git``, else ``folder``'s parent."""
    folder = Path(folder).resolve()
    for p in (folder, *folder.parents):
        if (p / ".git").exists():
            return p
    return folder.parent


class _Where:
    """Line:column of keys and tables in a story.toml, for error messages.

    A light line scan (tomllib gives no positions); it only has to point near the problem.
    """

    _KEY = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")
    _TABLE = re.compile(r"""\s*\[\[?\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)""")

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.top: dict[str, tuple[int, int]] = {}
        self.sources: list[dict[str, tuple[int, int]]] = []  # "" = the [[sources]] header
        current: dict[str, tuple[int, int]] | None = self.top
        for n, line in enumerate(text.splitlines(), 1):
            col = len(line) - len(line.lstrip()) + 1
            if m := self._TABLE.match(line):
                name = m.group(1).strip("\"'")
                self.top.setdefault(name, (n, col))
                if line.lstrip().startswith("[[") and name == "sources":
                    current = {"": (n, col)}
                    self.sources.append(current)
                else:
                    current = None
            elif current is not None and (m := self._KEY.match(line)):
                current.setdefault(m.group(1).strip("\"'"), (n, col))

    def _at(self, key: str | None, source: int | None) -> tuple[int, int]:
        if source is None:
            table = self.top
        elif source < len(self.sources):
            table = self.sources[source]
        else:  # sources = [{...}] written inline: point at the array
            table = {"": self.top.get("sources", (1, 1))}
        return table.get(key or "", table.get("", (1, 1)))

    def line_of(self, key: str, source: int | None = None) -> int:
        return self._at(key, source)[0]


_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _syntax_error(file: str, text: str, exc: tomllib.TOMLDecodeError) -> StoryError:
    msg = str(exc)
    line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if line is None and (m := _TOML_POS.search(msg)):
        line, col = int(m.group(1)), int(m.group(2))
    elif line is None and msg.endswith("(at end of document)"):
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
    msg = _TOML_POS.sub("", getattr(exc, "msg", msg)).removesuffix(" (at end of document)")
    return StoryError(f"TOML syntax error: {msg}", path=f"{file}:{line or 1}:{col or 1}")


def load_story(path: str | Path) -> Story:
    """Read and check ``<path>/story.toml`` (``path`` may also name the file itself).

    A file whose every key is known and every value plainly right (:func:`_plain`) is taken
    as it is; any other is judged by the pydantic model of :mod:`factcheck.story_model`,
    which raises :class:`~factcheck.errors.StoryFileError`, one line per bad field."""
    path = Path(path)
    toml_path = path if path.name == STORY_FILE and path.is_file() else path / STORY_FILE
    file = display_path(toml_path)
    if not toml_path.is_file():
        raise StoryError(f"not a story folder (no {STORY_FILE})", path=display_path(path))
    try:
        raw = read_file(toml_path, top=repo_root(toml_path.parent), error=StoryError, shown=file)
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise StoryError("not UTF-8 text", path=file) from None
    except OSError as exc:
        raise StoryError(f"cannot read: {exc.strerror or exc}", path=file) from None
    try:
        data: dict[str, Any] = load_toml(text, error=StoryError, where=file)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(file, text, exc) from None

    where = _Where(file, text)
    root = toml_path.parent.resolve()
    top = repo_root(root)
    if not _plain(data, root, top):
        from .story_model import judge  # pydantic, only for a file that is not plainly right

        data = judge(data, where, root, top)
    return _story(data, root)


# The rules of each value, shared by the plain path below and the model of story_model.py.


def id_problem(sid: str) -> str | None:
    if not _ID.fullmatch(sid) or sid == DRAFT_ID:
        return f"invalid id {sid!r} (letters, digits, '.', '_', '-'; not {DRAFT_ID!r})"
    return None


def lang_problem(lang: str) -> str | None:
    return None if lang in codes() else f"unknown lang {lang!r} (expected {' or '.join(codes())})"


def url_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"must be http(s)://..., not {url!r}"
    return None


def day_of(value: object) -> str | None:
    """``date = 2024-02-05`` (a TOML date) or ``"2024-02-05"`` as ``YYYY-MM-DD``, else None."""
    from .text import parse_day

    isoformat = getattr(value, "isoformat", None)
    return parse_day(isoformat() if callable(isoformat) else value)


def outside_problem(root: Path, rel: str, top: Path) -> str | None:
    """Why ``root / rel`` may not be used: it resolves outside the repository ``top``."""
    if not (root / rel).resolve().is_relative_to(top):
        return f"{rel!r} points outside the repository ({display_path(top)})"
    return None


def _text(v: object) -> bool:
    return type(v) is str and bool(v.strip())


def _plain(data: dict[str, Any], root: Path, top: Path) -> bool:
    """Every key known and every value plainly right: what the model would take as it is."""
    if not data.keys() <= _TOP or not _text(data.get("draft")):
        return False
    if not all(_text(data[k]) for k in ("title", "lang") if k in data):
        return False
    if "lang" in data and lang_problem(data["lang"]) or "date" in data and day_of(data["date"]) is None:
        return False
    sources = data.get("sources", [])
    if outside_problem(root, data["draft"], top) or type(sources) is not list:
        return False
    seen: set[str] = set()
    for s in sources:
        if not _plain_source(s, root, top) or s["id"] in seen:
            return False
        seen.add(s["id"])
    return True


def _plain_source(s: object, root: Path, top: Path) -> bool:
    if type(s) is not dict or not s.keys() <= _SOURCE or "id" not in s or ("url" in s) == ("path" in s):
        return False
    if not all(_text(s[k]) for k in ("id", "url", "path", "lang") if k in s):
        return False
    return not (
        id_problem(s["id"])
        or "url" in s and url_problem(s["url"])
        or "path" in s and outside_problem(root, s["path"], top)
        or "lang" in s and lang_problem(s["lang"])
        or "date" in s and day_of(s["date"]) is None
    )


def _story(data: dict[str, Any], root: Path) -> Story:
    """The Story of a story.toml's checked values."""
    specs = tuple(
        SourceSpec(id=s["id"], url=s.get("url"), path=s.get("path"), lang=s.get("lang"),
                   date=day_of(s["date"]) if "date" in s else None)
        for s in data.get("sources", [])
    )
    return Story(root=root, title=data.get("title") or root.name,
                 draft=(root / data["draft"]).resolve(), draft_lang=data.get("lang"),
                 draft_date=day_of(data["date"]) if "date" in data else None, sources=specs)


# --- writing a story -------------------------------------------------------------------------


def _toml_string(s: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, DEL aside)."""
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def story_toml(
    title: str, draft: str, sources: Iterable[SourceSpec], lang: str | None = None
) -> str:
    lines = [f"title = {_toml_string(title)}", f"draft = {_toml_string(draft)}"]
    if lang:
        lines.append(f"lang = {_toml_string(lang)}")
    for s in sources:
        lines += ["", "[[sources]]", f"id = {_toml_string(s.id)}"]
        if s.url:
            lines.append(f"url = {_toml_string(s.url)}")
        if s.path:
            lines.append(f"path = {_toml_string(s.path)}")
        if s.lang:
            lines.append(f"lang = {_toml_string(s.lang)}")
    return "\n".join(lines) + "\n"


def init_story(
    path: str | Path, *, draft: str, sources: Sequence[str], title: str | None = None,
    ids: Sequence[str | None] = (),
) -> Story:
    """Create ``path/story.toml`` for ``draft`` and ``sources`` (URLs or file paths).

    The draft and the file sources are read first, as ``check`` reads them: one that is
    missing, empty, binary or too large raises before anything is written. File sources are
    snapshotted at once; URL sources wait for :func:`fetch_story`. Refuses to overwrite an
    existing story.
    """
    from .sources import read_input, source_id_for

    root = Path(path)
    toml_path = root / STORY_FILE
    if toml_path.exists():
        raise StoryError("a story already exists here; edit it or pick another folder",
                         path=display_path(toml_path))
    if root.exists() and not root.is_dir():
        raise StoryError("exists and is not a folder", path=display_path(root))
    aroot = root.resolve()
    top = repo_root(aroot)

    def rel_inside(p: str, what: str) -> str:
        target = Path(p).resolve()
        if not target.is_file():
            raise InputError(f"{what} not found", path=p)
        if not target.is_relative_to(top):
            raise StoryError(
                f"{what} is outside the repository ({display_path(top)}); move it inside",
                path=p,
            )
        return Path(os.path.relpath(target, aroot)).as_posix()

    def read(p: str, doc_id: str) -> Document:
        """The file, as check reads it: unreadable, or a bug while reading it, fails here."""
        try:
            return read_input(p, doc_id=doc_id)
        except FactcheckError:
            raise
        except Exception as exc:  # a bug: one line, exit 2, never a traceback
            what = "the draft" if doc_id == DRAFT_ID else f"source {doc_id}"
            raise InternalError(f"{unexpected(exc)} while reading {what}; {REPORT_HINT}", path=p) from exc

    draft_rel = rel_inside(draft, "draft")
    read(draft, DRAFT_ID)  # empty, binary, too big...: fail before writing
    taken = {DRAFT_ID}
    specs: list[SourceSpec] = []
    docs: dict[str, Document] = {}
    for n, given in enumerate(sources):
        chosen = ids[n] if n < len(ids) else None  # an id given for this source
        if chosen is not None and (not _ID.fullmatch(chosen) or chosen in taken):
            raise StoryError(f"source id {chosen!r} is taken or invalid (letters, digits, "
                             f"'.', '_', '-'; not {DRAFT_ID!r})", path=given)
        sid = chosen or source_id_for(given, taken)
        taken.add(sid)
        if is_url(given):
            specs.append(SourceSpec(id=sid, url=given))
        else:
            specs.append(SourceSpec(id=sid, path=rel_inside(given, "source")))
            docs[sid] = read(given, sid)  # unreadable: fail before writing
    text = story_toml(title or aroot.name, draft_rel, specs)
    made = [d for d in (aroot / "sources", aroot, *aroot.parents) if not d.exists()]  # folders this call creates
    written: list[Path] = []
    try:
        aroot.mkdir(parents=True, exist_ok=True)
        check_folder(aroot, top, StoryError, display_path(aroot))
        _write_new(toml_path, text.encode("utf-8"))
        written.append(toml_path)
        story = load_story(aroot)
        for spec in story.sources:
            if spec.id in docs:
                written += [story.snapshot_path(spec.id), story.snapshot_meta_path(spec.id)]
                _write_snapshot(story, spec, docs[spec.id], _file_meta(spec, docs[spec.id]))
    except BaseException as exc:
        # nothing is left behind: no empty story.toml to block a retry, no half a story
        for f in reversed(written):
            with suppress(OSError):
                f.unlink()
        for d in made:
            with suppress(OSError):
                d.rmdir()  # only when empty
        if isinstance(exc, OSError):
            raise StoryError(f"cannot write the story: {exc.strerror or exc}; nothing was left behind",
                             path=display_path(aroot)) from None
        raise
    return story


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` in one step, never over an existing file: a temporary
    file, written and fsynced, then hard-linked to ``path`` (which fails if it exists)."""
    tmp = temp_name(path)
    write_temp(tmp, data)
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise StoryError("a story already exists here", path=display_path(path)) from None
    finally:
        with suppress(OSError):
            os.unlink(tmp)
    fsync_dir(path.parent)


# --- snapshots -------------------------------------------------------------------------------


def utc_now() -> str:
    """Now, ISO 8601 in UTC to the second (as fetch.py stamps pages)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _file_meta(spec: SourceSpec, doc: Document) -> dict[str, Any]:
    return {
        "url": None, "final_url": None, "path": spec.path, "status": None, "content_type": None,
        "fetched_at": utc_now(), "sha256": doc.meta.get("sha256"),  # of the file's bytes
    }


def _acquire(
    story: Story, spec: SourceSpec, session: requests.Session | None
) -> tuple[Document, dict[str, Any]]:
    from .sources import fetch_url, html_to_document, read_input

    if spec.url is None:
        src = story.source_file(spec)
        assert src is not None
        doc = read_input(src, lang=spec.lang, doc_id=spec.id, top=story.repo)
        return doc, _file_meta(spec, doc)
    page = fetch_url(spec.url, session=session)
    if page.content_type == "text/plain":
        if not page.text.strip():
            raise FetchError("the page is empty", path=spec.url)
        doc = Document(id=spec.id, text=page.text, lang=spec.lang or detect_lang(page.text),
                       origin=spec.url)
    else:
        doc = html_to_document(page.text, doc_id=spec.id, origin=spec.url, lang=spec.lang,
                               url=page.final_url)
    meta = {
        "url": spec.url, "final_url": page.final_url, "path": None, "status": page.status,
        "content_type": page.content_type, "fetched_at": page.fetched_at, "sha256": page.sha256,
    }
    return doc, meta


def _write_snapshot(story: Story, spec: SourceSpec, doc: Document, meta: dict[str, Any]) -> None:
    txt = story.snapshot_path(spec.id)
    data = doc.text if doc.text.endswith("\n") else doc.text + "\n"
    full = {
        "id": spec.id,
        **meta,
        "title": doc.title or doc.meta.get("title"),
        "site": doc.meta.get("site"),
        "author": doc.meta.get("author"),
        "published": doc.meta.get("published"),
        "lang": doc.lang,
        "text_sha256": hashlib.sha256(data.encode("utf-8")).hexdigest(),
    }
    top = story.repo
    check_folder(story.sources_dir, top, StoryError, display_path(story.sources_dir))
    story.sources_dir.mkdir(parents=True, exist_ok=True)
    if story.source_file(spec) != txt.resolve():  # the source may be its own snapshot
        write_atomic(txt, data.encode("utf-8"), top=top)
    meta_text = json.dumps(full, ensure_ascii=False, indent=2) + "\n"
    write_atomic(story.snapshot_meta_path(spec.id), meta_text.encode("utf-8"), top=top)


def snapshot_source(
    story: Story, spec: SourceSpec, *, session: requests.Session | None = None
) -> SourceInfo:
    """Fetch (or re-read) one source and write its snapshot; errors go in ``error``."""
    origin = story.source_origin(spec)
    try:
        doc, meta = _acquire(story, spec, session)
        _write_snapshot(story, spec, doc, meta)
    except FactcheckError as exc:
        kept = "; kept the previous snapshot" if story.snapshot_path(spec.id).is_file() else ""
        return SourceInfo(id=spec.id, origin=origin, lang=spec.lang or "en",
                          error=exc.message + kept)
    except OSError as exc:
        return SourceInfo(id=spec.id, origin=origin, lang=spec.lang or "en",
                          error=f"cannot write the snapshot: {exc.strerror or exc}")
    except Exception as exc:  # a bug must not sink the other sources (fetch, init, --refresh)
        kept = "; kept the previous snapshot" if story.snapshot_path(spec.id).is_file() else ""
        return SourceInfo(id=spec.id, origin=origin, lang=spec.lang or "en",
                          error=f"{unexpected(exc)} while reading the source; {REPORT_HINT}{kept}")
    return SourceInfo(id=spec.id, origin=origin, lang=doc.lang,
                      title=doc.title or doc.meta.get("title"))


def fetch_story(story: Story, *, progress: bool = False) -> list[SourceInfo]:
    """(Re)fetch URL sources and re-read file sources, writing their snapshots.

    A source that fails keeps its previous snapshot; its SourceInfo carries the error.
    The story's claim cache is emptied (:func:`factcheck.cache.forget`).
    """
    from .cache import forget
    from .fetch import make_session

    forget(story.root)
    results: list[SourceInfo] = []
    with make_session() as session:
        for spec in story.sources:
            if progress:
                print(f"fetching {spec.id} ({story.source_origin(spec)})", file=sys.stderr,
                      flush=True)
            results.append(snapshot_source(story, spec, session=session))
    return results


def _read_snapshot(story: Story, spec: SourceSpec) -> Document:
    txt, meta_path = story.snapshot_path(spec.id), story.snapshot_meta_path(spec.id)
    top = story.repo
    if not txt.exists() and not txt.is_symlink():
        raise StoryError(f"no snapshot: run `factcheck fetch {display_path(story.root)}`")
    try:
        text = read_file(txt, top=top, error=StoryError, shown=display_path(txt)).decode("utf-8")
    except FileNotFoundError:
        raise StoryError(f"no snapshot: run `factcheck fetch {display_path(story.root)}`") from None
    except UnicodeDecodeError:
        raise StoryError("snapshot is not UTF-8 text", path=display_path(txt)) from None
    if not text.strip():
        raise StoryError("snapshot is empty", path=display_path(txt))
    meta: dict[str, Any] = {}
    if meta_path.exists() or meta_path.is_symlink():
        try:
            raw = read_file(meta_path, top=top, error=StoryError, shown=display_path(meta_path))
            meta = load_json(raw.decode("utf-8"), error=StoryError, where=display_path(meta_path))  # type: ignore[assignment]
        except FileNotFoundError:
            meta = {}
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise StoryError("snapshot metadata is not valid JSON",
                             path=display_path(meta_path)) from None
        if not isinstance(meta, dict):
            raise StoryError("snapshot metadata must be a JSON object",
                             path=display_path(meta_path))
    lang = spec.lang or meta.get("lang")
    if lang not in codes():
        lang = detect_lang(text)
    doc_meta = {k: str(v) for k, v in meta.items()
                if k in ("url", "final_url", "published", "site", "author", "fetched_at")
                and v not in (None, "")}
    if spec.url:
        doc_meta["url"] = spec.url
    title = meta.get("title")
    from .text import parse_day

    published = parse_day(str(meta.get("published") or "")[:10])
    return Document(id=spec.id, text=text, lang=lang, origin=display_path(txt),
                    title=title if isinstance(title, str) and title else None, meta=doc_meta,
                    date=spec.date or published)


def story_documents(
    story: Story, *, refresh: bool = False, progress: bool = False,
    extra_sources: Sequence[str] = (),
) -> tuple[Document, list[Document], list[SourceInfo]]:
    """The draft and the source Documents of ``story``, read from the snapshots.

    The network is used only with ``refresh=True`` (and for URLs in ``extra_sources``, the
    command line's additional ``--source``s). A source without a usable snapshot is listed
    with ``error`` set and no Document.
    """
    from .run import read_draft
    from .sources import load_source, source_id_for

    draft = read_draft(display_path(story.draft), lang=story.draft_lang, top=story.repo)
    if story.draft_date:
        draft = draft.model_copy(update={"date": story.draft_date})
    refreshed = {i.id: i for i in fetch_story(story, progress=progress)} if refresh else {}
    docs: list[Document] = []
    infos: list[SourceInfo] = []
    for spec in story.sources:
        origin = story.source_origin(spec)
        try:
            doc = _read_snapshot(story, spec)
        except StoryError as exc:
            infos.append(SourceInfo(id=spec.id, origin=origin, lang=spec.lang or "en",
                                    error=str(exc)))
            continue
        except Exception as exc:  # a bug must not sink the other sources
            infos.append(SourceInfo(id=spec.id, origin=origin, lang=spec.lang or "en",
                                    error=f"{unexpected(exc)} while reading the snapshot; {REPORT_HINT}"))
            continue
        failed = refreshed.get(spec.id)
        error = None
        if failed is not None and failed.error:
            when = doc.meta.get("fetched_at", "an earlier fetch")
            error = f"refresh failed ({failed.error}); checked the snapshot of {when}"
        docs.append(doc)
        infos.append(SourceInfo(id=spec.id, origin=origin, lang=doc.lang, title=doc.title,
                                error=error))
    taken = {DRAFT_ID, *(s.id for s in story.sources)}
    for extra in extra_sources:
        sid = source_id_for(extra, taken)
        taken.add(sid)
        try:
            doc = load_source(extra, doc_id=sid)
        except FactcheckError as exc:
            infos.append(SourceInfo(id=sid, origin=extra, error=exc.message))  # the path is in origin
            continue
        except Exception as exc:  # a bug must not sink the other sources
            infos.append(SourceInfo(id=sid, origin=extra, error=f"{unexpected(exc)}; {REPORT_HINT}"))
            continue
        docs.append(doc)
        infos.append(SourceInfo(id=sid, origin=extra, lang=doc.lang, title=doc.title))
    return draft, docs, infos
