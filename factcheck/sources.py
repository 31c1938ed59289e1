"""Read the draft and the sources: local files, standard input and web pages, as
:class:`~factcheck.models.Document` objects.

Text is kept exactly as decoded (CRLF included) because spans index it. HTML is reduced
to the article's main text with trafilatura. Heavy imports (requests, trafilatura) happen
inside the functions that need them.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from .decode import binary_kind, decode_bytes, looks_like_html
from .errors import REPORT_HINT, FactcheckError, FetchError, InputError, unexpected
from .files import MAX_FILE_BYTES, read_file, too_big
from .lang import detect_lang
from .models import Document, SourceInfo

if TYPE_CHECKING:
    import requests

    from .fetch import FetchedPage, fetch_url

__all__ = [
    "FetchedPage", "fetch_url", "html_to_document", "load_source", "load_sources",
    "read_input", "source_id_for",
]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
DRAFT_ID = "draft"


def __getattr__(name: str) -> Any:  # fetch.py (sockets, HTTP) only for a run that fetches
    if name in ("FetchedPage", "fetch_url", "make_session"):
        from . import fetch

        return getattr(fetch, name)
    raise AttributeError(name)

_URL_LIKE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_FOREIGN_SCHEMES = frozenset(
    {"file", "ftp", "ftps", "sftp", "data", "javascript", "mailto", "gopher", "ws", "wss"}
)
_WORD = re.compile(r"\w\w")
_MD_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*$", re.M)
_WEB_SUFFIX = re.compile(r"\.(?:html?|xhtml|php\d?|aspx?|jsp|shtml|cfm)$", re.I)


# --- files and standard input -------------------------------------------------------------


def read_input(
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    doc_id: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    top: Path | None = None,
) -> Document:
    """Read a local file, or standard input for ``"-"``. Raises :class:`InputError`.

    ``top``: the file belongs to a story and must resolve inside this repository."""
    path = os.fspath(path)
    if path == STDIN:
        data, origin, what = _read_stdin(max_bytes), STDIN_ORIGIN, "input"
    else:
        data, origin, what = _read_file(path, max_bytes, top), path, "file"
    suffix = "" if path == STDIN else PurePath(path).suffix.lower()
    return bytes_to_document(
        data, doc_id=doc_id or DRAFT_ID, origin=origin, lang=lang, suffix=suffix, what=what
    )


def _read_file(path: str, max_bytes: int, top: Path | None = None) -> bytes:
    """The file's bytes under the one file policy (factcheck.files): a regular file, or
    for a command-line path the process's own descriptor (``<(command)``); capped before
    reading; inside the repository ``top`` when given (a story's files)."""
    if not path:
        raise InputError("no file name given")
    try:
        return read_file(path, max_bytes=max_bytes, top=top, own_fds=top is None)
    except FileNotFoundError:
        raise InputError(_missing(path), path=path) from None


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is not available", path=STDIN_ORIGIN)
    if sys.stdin.isatty():
        print("factcheck: reading the text from the terminal (end with Ctrl-D)",
              file=sys.stderr)
    try:
        data: bytes = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read standard input ({exc.strerror or exc})",
                         path=STDIN_ORIGIN) from None
    if len(data) > max_bytes:
        raise InputError(_too_big(max_bytes), path=STDIN_ORIGIN)
    return data


def _too_big(max_bytes: int, size: int | None = None) -> str:
    return too_big(max_bytes, size)


def _missing(path: str) -> str:
    if is_url(path):
        return "no such file (a web page can be a source, not the draft: save it first)"
    if re.match(r"^(?:www\.[^/]+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/)", path, re.I):
        return "no such file (for a web page, give the full URL starting with https://)"
    return "no such file"


def bytes_to_document(
    data: bytes,
    *,
    doc_id: str,
    origin: str,
    lang: str | None = None,
    suffix: str = "",
    what: str = "file",
) -> Document:
    """Check, decode and (for HTML) extract the main text of raw file bytes."""
    if not data:
        raise InputError(f"empty {what}", path=origin)
    kind = binary_kind(data)
    if kind:
        raise InputError(f"not a text {what}: it looks like {kind}", path=origin)
    html_hint = suffix in HTML_SUFFIXES or looks_like_html(data[:2048].decode("latin-1"))
    text, _charset = decode_bytes(data, html=html_hint)
    if not text.strip():
        raise InputError(f"the {what} contains only whitespace", path=origin)
    meta = {"sha256": hashlib.sha256(data).hexdigest()}
    if html_hint or looks_like_html(text):
        doc = html_to_document(text, doc_id=doc_id, origin=origin, lang=lang)
        return doc.model_copy(update={"meta": {**doc.meta, **meta}})
    title = _markdown_title(text) if suffix in MARKDOWN_SUFFIXES else None
    return Document(id=doc_id, text=text, lang=lang or detect_lang(text), origin=origin,
                    title=title, meta=meta)


def _markdown_title(text: str) -> str | None:
    m = _MD_TITLE.match(text)
    return m.group(1).strip() if m else None


# --- HTML -----------------------------------------------------------------------------------


def html_to_document(
    html: str, *, doc_id: str, origin: str, lang: str | None, url: str | None = None
) -> Document:
    """The article's main text (no navigation, footer, cookie banner...) and metadata."""
    result = _extract(html, url, origin, precision=True)
    if result is None:  # a short page can fall below the precision threshold
        result = _extract(html, url, origin, precision=False)
    if result is None:
        raise InputError("no article text found in the HTML", path=origin)
    text, meta_obj = result
    meta = {
        key: value
        for key, attr in (("site", "sitename"), ("author", "author"), ("published", "date"))
        if (value := _clean(getattr(meta_obj, attr, None)))
    }
    return Document(id=doc_id, text=text, lang=lang or detect_lang(text), origin=origin,
                    title=_clean(getattr(meta_obj, "title", None)), meta=meta)


def _extract(html: str, url: str | None, origin: str, *, precision: bool) -> tuple[str, Any] | None:
    from datetime import datetime

    import trafilatura

    # The page's date by htmldate's own rules only: its "extensive search" hands odd text to
    # dateparser, which tries every locale on it (seconds for a small page, unbounded)
    dates = {"original_date": True, "extensive_search": False,
             "max_date": datetime.now().astimezone().strftime("%Y-%m-%d")}
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False,
            with_metadata=True, favor_precision=precision, favor_recall=not precision,
            date_extraction_params=dates,
        )
    except Exception as exc:  # lxml and trafilatura raise a variety of errors on odd input
        raise InputError(f"could not parse the HTML ({type(exc).__name__})",
                         path=origin) from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not _WORD.search(text):
        return None
    return text, doc


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


# --- sources: files or URLs -----------------------------------------------------------------


def is_url(spec: str) -> bool:
    return bool(re.match(r"^https?://", spec, re.I))


def _foreign_scheme(spec: str) -> str | None:
    """The scheme of a non-http URL (``file``, ``ftp``, ``data``...), else None."""
    m = _URL_LIKE.match(spec)
    if not m or is_url(spec):
        return None
    scheme = m.group(1).lower()
    if "://" in spec or scheme in _FOREIGN_SCHEMES:
        return scheme
    return None


def load_source(
    spec: str,
    *,
    doc_id: str,
    lang: str | None = None,
    session: requests.Session | None = None,
) -> Document:
    """Read a source from a file path or fetch it from an http(s) URL.

    Raises :class:`InputError` or :class:`FetchError`."""
    if is_url(spec):
        return _load_url(spec, doc_id=doc_id, lang=lang, session=session)
    scheme = _foreign_scheme(spec)
    if scheme and not Path(spec).exists():
        raise FetchError(f"unsupported URL scheme {scheme}: (only http and https URLs)",
                         path=spec)
    return read_input(spec, lang=lang, doc_id=doc_id)


def _load_url(
    url: str, *, doc_id: str, lang: str | None, session: requests.Session | None
) -> Document:
    from .fetch import fetch_url

    page = fetch_url(url, session=session)
    meta = {"url": url, "final_url": page.final_url, "fetched_at": page.fetched_at,
            "sha256": page.sha256}
    if page.content_type == "text/plain" and not looks_like_html(page.text):
        if not page.text.strip():
            raise FetchError("the page is empty", path=url)
        return Document(id=doc_id, text=page.text, lang=lang or detect_lang(page.text),
                        origin=url, meta=meta)
    doc = html_to_document(page.text, doc_id=doc_id, origin=url, lang=lang,
                           url=page.final_url)
    return doc.model_copy(update={"meta": {**doc.meta, **meta}})


def load_sources(
    specs: list[str], *, lang: str | None = None, progress: bool = False
) -> list[tuple[SourceInfo, Document | None]]:
    """Load every source, in order. A source that fails gets ``SourceInfo.error`` (one line)
    and no document; this never raises for one bad source."""
    taken = {DRAFT_ID}  # a source named draft.txt must not take the draft's id
    out: list[tuple[SourceInfo, Document | None]] = []
    session: requests.Session | None = None
    try:
        for n, spec in enumerate(specs, 1):
            sid = source_id_for(spec, taken)
            if progress:
                _progress(f"[{n}/{len(specs)}] {'fetching' if is_url(spec) else 'reading'} "
                          f"{spec}")
            if session is None and is_url(spec):
                from .fetch import make_session

                session = make_session()
            out.append(_load_one(spec, sid, lang, session))
    finally:
        if session is not None:
            session.close()
        if progress and specs:
            _progress("")
    return out


def _load_one(
    spec: str, sid: str, lang: str | None, session: requests.Session | None
) -> tuple[SourceInfo, Document | None]:
    try:
        doc = load_source(spec, doc_id=sid, lang=lang, session=session)
    except FactcheckError as exc:
        error = exc.message
    except Exception as exc:  # a bug or an odd library error must not sink the other sources
        error = f"{unexpected(exc)}; {REPORT_HINT}"
    else:
        return SourceInfo(id=sid, origin=spec, lang=doc.lang, title=doc.title), doc
    return SourceInfo(id=sid, origin=spec, lang=lang or "en", error=_one_line(error)), None


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _progress(line: str) -> None:
    shown = "".join(ch if ch.isprintable() else "?" for ch in line)[:100]
    sys.stderr.write(f"\r\x1b[K{shown}")
    sys.stderr.flush()


# --- ids ------------------------------------------------------------------------------------


def source_id_for(spec: str, taken: set[str]) -> str:
    """A short readable id for a source, unique in ``taken`` (which it is added to).

    ``"sources/wire-en.txt"`` -> ``"wire-en"``; a URL -> host and last path part,
    ``"https://www.example.com/news/fire-kills-12.html"`` -> ``"example-com-fire-kills-12"``;
    a clash gets ``-2``, ``-3``...
    """
    base = (_url_slug(spec) if "://" in spec else _path_slug(spec)) or "source"
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    taken.add(sid)
    return sid


def _path_slug(spec: str) -> str:
    if spec == STDIN:
        return "stdin"
    name = PurePath(spec.rstrip("/\\")).name
    return slugify(PurePath(name).stem if "." in name.lstrip(".") else name)


def _url_slug(spec: str) -> str:
    try:
        parts = urlsplit(spec)
        host = parts.hostname or ""
    except ValueError:
        return slugify(spec)
    host = host.removeprefix("www.")
    segments = [s for s in unquote(parts.path).split("/") if s]
    last = _WEB_SUFFIX.sub("", segments[-1]) if segments else ""
    return slugify(f"{host} {last}")


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")
