"""Fetch one web page, carefully: http(s) only (redirects too), bounded in time and size,
with an honest User-Agent. Every failure becomes a one-line :class:`FetchError`.

``requests`` is imported inside the functions: the CLI must start fast.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ._version import __version__
from .decode import binary_kind, decode_bytes, looks_like_html
from .errors import FetchError
from .models import Frozen

if TYPE_CHECKING:
    import requests

USER_AGENT = f"factcheck/{__version__} (+newsroom fact-check tool)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
TEXT_TYPES = frozenset({"text/html", "text/plain", "application/xhtml+xml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
RETRY_STATUSES = (429, 500, 502, 503, 504)
RETRY_AFTER_MAX = 5  # seconds: a longer Retry-After is shortened to this
CHUNK = 64 * 1024


class FetchedPage(Frozen):
    url: str
    final_url: str
    status: int
    content_type: str  # media type only, e.g. "text/html"
    text: str  # decoded HTML or plain text
    fetched_at: str  # ISO 8601, UTC
    sha256: str  # of the body bytes (after content-encoding is undone)
    charset: str  # the codec the body was decoded with


def make_session(
    *, retries: int = 2, backoff: float = 0.2, retry_after_max: int = RETRY_AFTER_MAX
) -> requests.Session:
    """A session with our User-Agent and a small retry policy for transient statuses."""
    import requests

    retry = _deadline_classes()[1](
        total=retries, connect=retries, read=0, status=retries, other=0,
        status_forcelist=RETRY_STATUSES, allowed_methods=frozenset({"GET", "HEAD"}),
        backoff_factor=backoff, backoff_max=2.0, respect_retry_after_header=True,
        retry_after_max=retry_after_max, raise_on_status=False, raise_on_redirect=False,
    )
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.headers["Accept"] = ACCEPT
    session.max_redirects = MAX_REDIRECTS
    adapter = _deadline_classes()[0](max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def check_url(url: str, *, redirected_from: str | None = None) -> None:
    """Refuse anything but an http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise FetchError(f"invalid URL {_short(url)}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"{scheme}:" if scheme else "a URL without a scheme"
        if redirected_from:
            raise FetchError(f"redirected to {_short(url)}: only http and https are followed")
        raise FetchError(f"unsupported URL scheme {shown} (only http and https URLs)")
    if not host:
        raise FetchError(f"invalid URL {_short(url)} (no host)")


class _Budget:
    """The total time a fetch may take, whatever the server does.

    Checked between steps, and enforced by a watchdog: at the deadline it shuts down every
    socket the fetch has opened, so a read blocked on a server that drips its headers,
    sends "100 Continue" forever or drips a compressed body returns at once. Sockets are
    registered by the connection classes of :func:`make_session`'s adapter (thread-local:
    the fetch running in this thread); a socket opened after the deadline is shut at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.until = time.monotonic() + seconds
        self.fired = False
        self._settled = False
        self._socks: list[tuple[socket.socket, int]] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Budget:
        _CURRENT.budget = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        self.settle()
        _CURRENT.budget = None

    def _fire(self) -> None:
        # under the lock: once settle() has returned, no socket of this fetch is shut any more,
        # so a descriptor the fetch closed and the next one reused is never shut by mistake
        with self._lock:
            if self._settled:
                return
            self.fired = True
            for sock, fd in self._socks:
                _shut(sock, fd)

    def settle(self) -> None:
        """Wait for a watchdog that is shutting sockets to finish, and keep it from starting:
        call before closing the fetch's connections (their descriptors may be reused)."""
        with self._lock:
            self._settled = True

    def add(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        fd = sock.fileno()
        with self._lock:
            self._socks.append((sock, fd))
            fired = self.fired
        if fired:
            _shut(sock, fd)

    def left(self) -> float:
        return self.until - time.monotonic()

    def error(self) -> FetchError:
        return FetchError(f"gave up after {self.seconds:g} s (the server is too slow)")

    def check(self) -> float:
        left = self.left()
        if left <= 0 or self.fired:
            raise self.error()
        return left

    def timeouts(self, timeout: tuple[float, float]) -> tuple[float, float]:
        left = self.check()
        return min(timeout[0], left), min(timeout[1], left)


class _Current(threading.local):
    budget: _Budget | None = None


_CURRENT = _Current()


def _shut(sock: socket.socket, fd: int = -1) -> None:
    """Shut ``sock`` down (a blocked read returns at once). A socket detached by a TLS wrap
    during its handshake is reached through its descriptor ``fd``, now the TLS socket's."""
    with contextlib.suppress(OSError):
        if sock.fileno() != -1:
            sock.shutdown(socket.SHUT_RDWR)
        elif fd != -1:
            with socket.socket(fileno=os.dup(fd)) as twin:
                twin.shutdown(socket.SHUT_RDWR)


def _register(sock: socket.socket | None) -> None:
    budget = _CURRENT.budget
    if budget is not None:
        budget.add(sock)


_CLASSES: tuple[type, type] | None = None


def _deadline_classes() -> tuple[type, type]:
    """(HTTPAdapter, Retry) subclasses that tie every connection and every wait between
    retries to the current fetch's :class:`_Budget` (built once: requests loads lazily)."""
    global _CLASSES
    if _CLASSES is not None:
        return _CLASSES
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.util.retry import Retry

    class _Conn(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            _register(sock)  # covers the TLS handshake of the https subclass too
            return sock

        def connect(self) -> None:
            super().connect()
            _register(self.sock)

        def request(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            _register(self.sock)  # a kept-alive connection reused by this fetch
            super().request(*args, **kwargs)  # type: ignore[arg-type]

    class _TLSConn(_Conn, HTTPSConnection):
        pass

    class _Pool(HTTPConnectionPool):
        ConnectionCls = _Conn

    class _TLSPool(HTTPSConnectionPool):
        ConnectionCls = _TLSConn

    class _Adapter(HTTPAdapter):
        def init_poolmanager(self, *args: object, **kwargs: object) -> None:
            super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]
            self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}

    class _Retry(Retry):
        def sleep(self, response: object = None) -> None:
            budget = _CURRENT.budget
            if budget is None:
                return super().sleep(response)  # type: ignore[arg-type]
            wait = None
            if self.respect_retry_after_header and response is not None:
                wait = self.get_retry_after(response)  # type: ignore[arg-type]
            if wait is None:
                wait = self.get_backoff_time()
            if wait >= budget.left():
                raise budget.error()  # a wait past the deadline is not waited
            time.sleep(max(wait, 0.0))
            return None

    _CLASSES = (_Adapter, _Retry)
    return _CLASSES


def fetch_url(
    url: str,
    *,
    session: requests.Session | None = None,
    timeout: tuple[float, float] = (5, 15),
    max_bytes: int = 5_000_000,
    deadline: float = 30.0,
    max_redirects: int = MAX_REDIRECTS,
) -> FetchedPage:
    """GET ``url`` and decode it. ``timeout`` is (connect, read) per request; ``deadline``
    bounds the whole fetch, redirects included. Raises :class:`FetchError`."""
    own = session is None
    try:
        check_url(url)
        if session is None:
            session = make_session()
        budget = _Budget(deadline)
        with budget:
            try:
                page = _fetch(session, url, timeout, max_bytes, budget, max_redirects)
                budget.check()  # a body cut short by the watchdog is no page
                return page
            except Exception:
                if budget.fired:
                    budget.settle()  # the watchdog is done with their descriptors
                    session.close()  # its kept-alive connections were shut: drop them
                    raise budget.error() from None
                raise
    except FetchError as exc:
        raise FetchError(exc.message, path=url) from None
    except Exception as exc:
        if not _is_network_error(exc):
            raise
        raise FetchError(describe_error(exc, url), path=url) from None
    finally:
        if own and session is not None:
            session.close()


def _fetch(
    session: requests.Session,
    url: str,
    timeout: tuple[float, float],
    max_bytes: int,
    budget: _Budget,
    max_redirects: int,
) -> FetchedPage:
    resp, final_url = _follow(session, url, timeout, budget, max_redirects)
    with resp:
        _check_status(resp.status_code, resp.reason)
        media_type, declared = parse_content_type(resp.headers.get("Content-Type", ""))
        if media_type and media_type not in TEXT_TYPES:
            raise FetchError(f"unsupported content type {media_type}")
        _check_length(resp.headers.get("Content-Length"), max_bytes)
        body = _read_body(resp, max_bytes, budget)
        status = resp.status_code
    kind = binary_kind(body)
    if kind:
        raise FetchError(f"the response is {kind}, not a web page")
    html_hint = media_type in HTML_TYPES or (
        not media_type and looks_like_html(body[:2048].decode("latin-1"))
    )
    text, charset = decode_bytes(body, declared=declared, html=html_hint)
    if not media_type:
        media_type = "text/html" if looks_like_html(text) else "text/plain"
    return FetchedPage(
        url=url, final_url=final_url, status=status, content_type=media_type, text=text,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        sha256=hashlib.sha256(body).hexdigest(), charset=charset,
    )


def _follow(
    session: requests.Session,
    url: str,
    timeout: tuple[float, float],
    budget: _Budget,
    max_redirects: int,
) -> tuple[requests.Response, str]:
    """GET, following redirects by hand so each target is checked before it is fetched."""
    chain = [url]
    while True:
        resp = session.get(
            chain[-1], headers={"User-Agent": USER_AGENT, "Accept": ACCEPT}, stream=True,
            allow_redirects=False, timeout=budget.timeouts(timeout),
        )
        location = session.get_redirect_target(resp)
        if not location:
            return resp, chain[-1]
        resp.close()
        target = urljoin(chain[-1], location)
        check_url(target, redirected_from=chain[-1])
        if len(chain) > max_redirects:
            loop = target in chain
            what = "redirect loop" if loop else "too many redirects"
            raise FetchError(f"{what} (more than {max_redirects} redirects)")
        chain.append(target)


def _check_status(status: int, reason: str | None) -> None:
    if 200 <= status < 300:
        return
    try:
        phrase = HTTPStatus(status).phrase  # the standard wording, whatever the server says
    except ValueError:
        phrase = " ".join((reason or "").split())[:60]
    hint = {
        401: " (the page needs a login)",
        403: " (the site refused: a login, a paywall or bot blocking?)",
        429: " (too many requests: try again later)",
    }.get(status, "")
    raise FetchError(f"HTTP {status} {phrase}".rstrip() + hint)


def parse_content_type(header: str) -> tuple[str, str | None]:
    """``"text/html; charset=UTF-8"`` -> ``("text/html", "UTF-8")``."""
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def _check_length(header: str | None, max_bytes: int) -> None:
    if header and header.strip().isdigit() and int(header) > max_bytes:
        raise FetchError(f"response larger than {max_bytes:,} bytes ({int(header):,} announced)")


def _read_body(resp: requests.Response, max_bytes: int, budget: _Budget) -> bytes:
    """Read the body, decompressed, counting decoded bytes against the cap (gzip bombs)
    and checking the deadline between reads (slow drips)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        budget.check()
        chunk = resp.raw.read1(CHUNK, decode_content=True)
        if not chunk:
            budget.check()  # the end of the body, or the watchdog shutting the socket
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(f"response larger than {max_bytes:,} bytes")
        chunks.append(chunk)


def _is_network_error(exc: BaseException) -> bool:
    import requests
    import urllib3

    return isinstance(exc, requests.RequestException | urllib3.exceptions.HTTPError | OSError)


def describe_error(exc: BaseException, url: str) -> str:
    """One line saying why a request failed, from requests/urllib3/socket exceptions."""
    import requests
    import urllib3.exceptions as u3

    host = _host(url)
    causes = list(_causes(exc))

    def has(*types: type[BaseException]) -> bool:
        return any(isinstance(c, types) for c in causes)

    if has(u3.NameResolutionError, socket.gaierror):
        return f"DNS failure for host {host} (name not found)"
    if has(ConnectionRefusedError):
        return f"connection refused by {host}"
    connect_timeout = any(  # urllib3's NewConnectionError subclasses ConnectTimeoutError
        isinstance(c, u3.ConnectTimeoutError) and not isinstance(c, u3.NewConnectionError)
        for c in causes
    )
    if connect_timeout or has(requests.exceptions.ConnectTimeout):
        return f"timed out connecting to {host}"
    if has(requests.exceptions.ReadTimeout, u3.ReadTimeoutError, TimeoutError):
        return f"timed out waiting for {host}"
    if has(requests.exceptions.SSLError, u3.SSLError):
        return f"TLS/SSL error with {host} (certificate or handshake)"
    if has(requests.exceptions.ProxyError, u3.ProxyError):
        return "proxy error"
    if has(requests.exceptions.TooManyRedirects):
        return "too many redirects"
    if has(requests.exceptions.ContentDecodingError, u3.DecodeError):
        return "could not decompress the response (corrupt gzip/deflate data)"
    if has(requests.exceptions.ChunkedEncodingError, u3.ProtocolError, ConnectionResetError):
        return f"connection to {host} broken while reading the response"
    if has(requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
           requests.exceptions.MissingSchema, u3.LocationParseError):
        return f"invalid URL {_short(url)}"
    if has(requests.exceptions.InvalidHeader, u3.InvalidHeader):
        return f"{host} sent an invalid HTTP header"
    if has(requests.exceptions.ConnectionError, ConnectionError, u3.NewConnectionError):
        return f"could not connect to {host}"
    return f"request failed ({type(exc).__name__})"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what it wraps: causes, contexts, ``reason`` and exception args."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        linked = [getattr(e, "reason", None), e.__cause__, e.__context__, *e.args]
        stack.extend(x for x in linked if isinstance(x, BaseException))


def _host(url: str) -> str:
    try:
        parts = urlsplit(url)
        return parts.netloc or url
    except ValueError:
        return _short(url)


def _short(text: str, limit: int = 100) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
