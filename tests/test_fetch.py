"""fetch_url and URL sources against real HTTP servers on loopback (no mocks)."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck import __version__
from factcheck.errors import FetchError, InputError
from factcheck.fetch import USER_AGENT, fetch_url, make_session, parse_content_type
from factcheck.sources import load_source, load_sources

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Fire kills 12 in Lyon warehouse</title>
<meta property="og:site_name" content="Daily Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Fire kills 12 in Lyon warehouse</h1>
<p>A fire at a warehouse in Lyon killed 12 people on Tuesday, the police said. About 300
firefighters were sent to the scene and fought the flames for six hours.</p>
<p>The mayor said the city would open an inquiry. Officials said 40 people were injured
and that the cause of the fire was not yet known.</p></article>
<footer>Copyright 2024 Daily Wire. All rights reserved.</footer></body></html>"""

FAST = (1.0, 1.0)


@pytest.fixture
def refused_url() -> Iterator[str]:
    """A loopback port that is bound but not listening: connecting is refused."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/story"
    sock.close()


Handler = Callable[[BaseHTTPRequestHandler], None]


@pytest.fixture
def raw_server() -> Iterator[Callable[[Handler], str]]:
    """A threaded stdlib server for behaviour werkzeug hides (slow drips, endless bodies).

    Returns a function that installs a handler and gives the URL to fetch."""
    state: dict[str, Handler] = {}

    class H(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                state["handler"](self)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), H)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()

    def install(handler: Handler) -> str:
        state["handler"] = handler
        return f"http://127.0.0.1:{server.server_address[1]}/page"

    yield install
    server.shutdown()
    server.server_close()


def _fetch_error(url: str, **kwargs: object) -> str:
    with pytest.raises(FetchError) as info:
        fetch_url(url, **kwargs)  # type: ignore[arg-type]
    assert info.value.path == url
    assert "\n" not in info.value.message
    return info.value.message


# --- success ---------------------------------------------------------------------------------


def test_html_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(ARTICLE, content_type="text/html")
    page = fetch_url(httpserver.url_for("/a"))
    assert page.status == 200
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.final_url == page.url == httpserver.url_for("/a")
    assert "killed 12 people" in page.text
    assert len(page.sha256) == 64
    assert page.fetched_at.endswith("+00:00")


def test_user_agent_is_honest(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ua", headers={"User-Agent": USER_AGENT}).respond_with_data(
        "ok", content_type="text/plain")
    assert fetch_url(httpserver.url_for("/ua")).text == "ok"
    assert USER_AGENT.startswith(f"factcheck/{__version__} ")


def test_user_agent_with_a_plain_session(httpserver: HTTPServer) -> None:
    import requests

    httpserver.expect_request("/ua", headers={"User-Agent": USER_AGENT}).respond_with_data(
        "ok", content_type="text/plain")
    with requests.Session() as session:
        assert fetch_url(httpserver.url_for("/ua"), session=session).text == "ok"


def test_plain_text_source(httpserver: HTTPServer) -> None:
    body = "Police said 12 people died.\r\nThe fire started at 3 a.m.\n"
    httpserver.expect_request("/t.txt").respond_with_data(body, content_type="text/plain")
    doc = load_source(httpserver.url_for("/t.txt"), doc_id="wire")
    assert doc.text == body  # as decoded, CRLF kept
    assert doc.lang == "en"
    assert doc.meta["url"] == doc.meta["final_url"] == httpserver.url_for("/t.txt")
    assert set(doc.meta) >= {"fetched_at", "sha256"}


def test_html_source_is_main_text_with_metadata(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(ARTICLE, content_type="text/html")
    doc = load_source(httpserver.url_for("/a"), doc_id="wire", lang="en")
    assert "killed 12 people" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.title == "Fire kills 12 in Lyon warehouse"
    assert doc.meta["site"] == "Daily Wire"
    assert doc.origin == httpserver.url_for("/a")


def test_html_served_as_text_plain(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(ARTICLE, content_type="text/plain")
    doc = load_source(httpserver.url_for("/a"), doc_id="wire")
    assert "<p>" not in doc.text and doc.title == "Fire kills 12 in Lyon warehouse"


def test_empty_text_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/e").respond_with_data(" \n", content_type="text/plain")
    with pytest.raises(FetchError, match="the page is empty"):
        load_source(httpserver.url_for("/e"), doc_id="e")


def test_missing_content_type_is_sniffed(raw_server: Callable[[Handler], str]) -> None:
    def handler(h: BaseHTTPRequestHandler) -> None:
        body = ARTICLE.encode()
        h.send_response(200)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    page = fetch_url(raw_server(handler))
    assert page.content_type == "text/html"


def test_gzip_page_is_decoded(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(ARTICLE.encode()), content_type="text/html",
        headers={"Content-Encoding": "gzip"})
    page = fetch_url(httpserver.url_for("/gz"))
    assert page.text == ARTICLE


# --- redirects -------------------------------------------------------------------------------


def _redirect(server: HTTPServer, path: str, location: str, status: int = 302) -> None:
    server.expect_request(path).respond_with_response(
        Response(status=status, headers={"Location": location}))


def test_redirect_chain(httpserver: HTTPServer) -> None:
    _redirect(httpserver, "/r1", httpserver.url_for("/r2"), 301)
    _redirect(httpserver, "/r2", "/r3", 307)  # relative Location
    httpserver.expect_request("/r3").respond_with_data("final", content_type="text/plain")
    page = fetch_url(httpserver.url_for("/r1"))
    assert page.text == "final"
    assert page.url == httpserver.url_for("/r1")
    assert page.final_url == httpserver.url_for("/r3")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/x",
                                    "data:text/html,<p>hi</p>"])
def test_redirect_to_other_scheme_is_refused(httpserver: HTTPServer, target: str) -> None:
    _redirect(httpserver, "/r", target)
    msg = _fetch_error(httpserver.url_for("/r"))
    assert msg.startswith(f"redirected to {target[:4]}")
    assert "only http and https" in msg


def test_redirect_loop(httpserver: HTTPServer) -> None:
    _redirect(httpserver, "/a", "/b")
    _redirect(httpserver, "/b", "/a")
    assert _fetch_error(httpserver.url_for("/a")).startswith("redirect loop")


def test_too_many_redirects(httpserver: HTTPServer) -> None:
    for i in range(10):
        _redirect(httpserver, f"/{i}", f"/{i + 1}")
    msg = _fetch_error(httpserver.url_for("/0"), max_redirects=3)
    assert msg == "too many redirects (more than 3 redirects)"


def test_five_redirects_are_followed(httpserver: HTTPServer) -> None:
    for i in range(5):
        _redirect(httpserver, f"/{i}", f"/{i + 1}")
    httpserver.expect_request("/5").respond_with_data("end", content_type="text/plain")
    assert fetch_url(httpserver.url_for("/0")).final_url == httpserver.url_for("/5")


# --- statuses and retries --------------------------------------------------------------------


def test_404(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    assert _fetch_error(httpserver.url_for("/gone")) == "HTTP 404 Not Found"


def test_500_then_200_is_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    httpserver.expect_request("/flaky").respond_with_data("ok now", content_type="text/plain")
    assert fetch_url(httpserver.url_for("/flaky")).text == "ok now"
    assert len(httpserver.log) == 2


def test_persistent_503_gives_up(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    start = time.monotonic()
    assert _fetch_error(httpserver.url_for("/down")) == "HTTP 503 Service Unavailable"
    assert len(httpserver.log) == 3  # the first try and two retries
    assert time.monotonic() - start < 2


def test_retry_after_is_capped(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/busy").respond_with_data(
        "later", status=429, headers={"Retry-After": "3600"})
    httpserver.expect_request("/busy").respond_with_data("ok", content_type="text/plain")
    start = time.monotonic()
    with make_session(retry_after_max=1) as session:
        assert fetch_url(httpserver.url_for("/busy"), session=session).text == "ok"
    assert 0.9 < time.monotonic() - start < 2


def test_invalid_retry_after(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "later", status=503, headers={"Retry-After": "whenever"})
    assert _fetch_error(httpserver.url_for("/busy")) == (
        f"localhost:{httpserver.port} sent an invalid HTTP header")


def test_403_has_a_hint(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/paywall").respond_with_data("no", status=403)
    assert _fetch_error(httpserver.url_for("/paywall")).startswith("HTTP 403 Forbidden (")


# --- time and size limits --------------------------------------------------------------------


def test_read_timeout(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response("late", content_type="text/plain")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    start = time.monotonic()
    msg = _fetch_error(httpserver.url_for("/slow"), timeout=(1, 0.2))
    assert msg == f"timed out waiting for localhost:{httpserver.port}"
    assert time.monotonic() - start < 0.5 + 0.3


def test_slow_drip_hits_the_deadline(raw_server: Callable[[Handler], str]) -> None:
    def drip(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.end_headers()
        for _ in range(100):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)

    start = time.monotonic()
    msg = _fetch_error(raw_server(drip), timeout=(1, 1), deadline=0.4)
    assert msg == "gave up after 0.4 s (the server is too slow)"
    assert time.monotonic() - start < 1


def test_endless_body_hits_the_cap(raw_server: Callable[[Handler], str]) -> None:
    def endless(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.end_headers()
        while True:
            h.wfile.write(b"words " * 10_000)

    assert _fetch_error(raw_server(endless), max_bytes=200_000) == (
        "response larger than 200,000 bytes")


def test_announced_length_over_the_cap(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/plain")
    msg = _fetch_error(httpserver.url_for("/big"), max_bytes=1000)
    assert msg.startswith("response larger than 1,000 bytes")


def test_gzip_bomb_is_stopped(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"a" * 50_000_000, compresslevel=9)  # ~50 KB on the wire
    assert len(bomb) < 100_000
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    start = time.monotonic()
    assert _fetch_error(httpserver.url_for("/bomb"), max_bytes=1_000_000) == (
        "response larger than 1,000,000 bytes")
    assert time.monotonic() - start < 1


def test_corrupt_gzip(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/bad").respond_with_data(
        b"this is not gzip at all", content_type="text/html",
        headers={"Content-Encoding": "gzip"})
    assert _fetch_error(httpserver.url_for("/bad")).startswith("could not decompress")


# --- content types and charsets --------------------------------------------------------------


def test_wrong_content_type(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/img").respond_with_data(b"\x89PNG\r\n\x1a\n",
                                                         content_type="image/png")
    assert _fetch_error(httpserver.url_for("/img")) == "unsupported content type image/png"


def test_pdf_served_as_html(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/doc").respond_with_data(b"%PDF-1.7 ...",
                                                         content_type="text/html")
    assert "a PDF document" in _fetch_error(httpserver.url_for("/doc"))


CHARSET_CASES = [
    pytest.param("text/html; charset=utf-8", "café à l'été".encode("cp1252"), "cp1252",
                 id="says-utf8-is-cp1252"),
    pytest.param("text/html; charset=iso-8859-1", "café à l'été".encode(), "utf-8",
                 id="says-latin1-is-utf8"),
    pytest.param("text/html; charset=ISO-8859-1", "café “quoted”".encode("cp1252"), "cp1252",
                 id="latin1-means-cp1252"),
    pytest.param('text/html; charset="UTF-8"', "café".encode(), "utf-8", id="quoted-label"),
    pytest.param("text/html", b'<meta charset="windows-1252"><p>caf\xe9 \x93x\x94</p>',
                 "cp1252", id="meta-charset"),
    pytest.param("text/html; charset=bogus-42", "café".encode(), "utf-8", id="unknown-label"),
    pytest.param("text/plain", "café à l'été".encode("cp1252"), "cp1252", id="undeclared"),
    pytest.param("text/plain; charset=utf-16", "\ufeffcafé".encode("utf-16-le"), "utf-16-le",
                 id="utf16-bom"),
]


@pytest.mark.parametrize(("ctype", "body", "charset"), CHARSET_CASES)
def test_charset(httpserver: HTTPServer, ctype: str, body: bytes, charset: str) -> None:
    httpserver.expect_request("/c").respond_with_data(body, headers={"Content-Type": ctype})
    page = fetch_url(httpserver.url_for("/c"))
    assert page.charset == charset
    assert "caf\u00e9" in page.text
    assert "\ufffd" not in page.text and "Ã" not in page.text


def test_parse_content_type() -> None:
    assert parse_content_type("Text/HTML; Charset='UTF-8'; x=1") == ("text/html", "UTF-8")
    assert parse_content_type("") == ("", None)


# --- network failures ------------------------------------------------------------------------


def test_connection_refused(refused_url: str) -> None:
    start = time.monotonic()
    assert _fetch_error(refused_url).startswith("connection refused by 127.0.0.1:")
    assert time.monotonic() - start < 2


def test_dns_failure() -> None:
    msg = _fetch_error("http://no-such-host.invalid/story", timeout=(1, 1), deadline=3)
    assert msg in ("DNS failure for host no-such-host.invalid (name not found)",
                   "timed out connecting to no-such-host.invalid")


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "http://",
                                 "javascript:alert(1)"])
def test_refused_urls(url: str) -> None:
    msg = _fetch_error(url)
    assert "unsupported URL scheme" in msg or msg.startswith("invalid URL")


def test_broken_html_source(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/x").respond_with_data("<html><body><div><",
                                                      content_type="text/html")
    with pytest.raises(InputError, match="no article text found"):
        load_source(httpserver.url_for("/x"), doc_id="x")


def test_load_sources_shares_one_session_and_keeps_order(
    httpserver: HTTPServer, refused_url: str
) -> None:
    httpserver.expect_request("/a.html").respond_with_data(ARTICLE, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    specs = [httpserver.url_for("/a.html"), refused_url, httpserver.url_for("/gone"),
             httpserver.url_for("/a.html")]
    loaded = load_sources(specs)
    assert [i.origin for i, _ in loaded] == specs
    assert [i.id for i, _ in loaded] == ["localhost-a", "127-0-0-1-story", "localhost-gone",
                                         "localhost-a-2"]
    assert [i.error for i, _ in loaded] == [
        None, f"connection refused by {refused_url.split('/')[2]}", "HTTP 404 Not Found", None]
    assert loaded[0][1] is not None and loaded[0][1].title == "Fire kills 12 in Lyon warehouse"
    assert loaded[1][1] is None
