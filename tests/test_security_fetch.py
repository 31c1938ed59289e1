"""One wall-clock budget for a whole fetch that no server behaviour extends: headers
dripped one at a time, "100 Continue" forever, a gzip header dripped byte by byte, a long
Retry-After. Real servers on raw loopback sockets; no mocks."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from factcheck.errors import FetchError
from factcheck.fetch import fetch_url, make_session

Serve = Callable[[socket.socket], None]


@pytest.fixture
def raw_tcp() -> Iterator[Callable[[Serve], str]]:
    """A loopback TCP server running ``serve(conn)`` for each connection, on its own thread."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    state: dict[str, Serve] = {}

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return

            def one(c: socket.socket = conn) -> None:
                with c, contextlib.suppress(OSError):
                    # the whole request head, however the client's packets split it: a socket
                    # closed with unread bytes resets the connection under the client's read
                    got = b""
                    while b"\r\n\r\n" not in got:
                        chunk = c.recv(65536)
                        if not chunk:
                            break
                        got += chunk
                    state["serve"](c)
                    c.shutdown(socket.SHUT_WR)  # the response is whole: say so, then let the client close
                    c.settimeout(1.0)
                    while c.recv(65536):
                        pass

            threading.Thread(target=one, daemon=True).start()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()

    def install(serve: Serve) -> str:
        state["serve"] = serve
        return f"http://127.0.0.1:{listener.getsockname()[1]}/story"

    yield install
    stop.set()
    listener.close()
    thread.join(2)


def _drip(conn: socket.socket, head: bytes, piece: Callable[[int], bytes], pause: float, n: int = 400) -> None:
    conn.sendall(head)
    for i in range(n):
        conn.sendall(piece(i))
        time.sleep(pause)


def _gives_up(url: str, deadline: float, *, session: object = None) -> float:
    start = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch_url(url, timeout=(2, 2), deadline=deadline, session=session)  # type: ignore[arg-type]
    took = time.monotonic() - start
    assert info.value.message == f"gave up after {deadline:g} s (the server is too slow)"
    return took


def test_headers_dripped_one_at_a_time(raw_tcp: Callable[[Serve], str]) -> None:
    url = raw_tcp(lambda c: _drip(c, b"HTTP/1.1 200 OK\r\n", lambda i: b"X-Drip-%d: x\r\n" % i, 0.05))
    assert _gives_up(url, 0.8) < 1.6


def test_a_status_line_dripped_byte_by_byte(raw_tcp: Callable[[Serve], str]) -> None:
    line = b"HTTP/1.1 200 OK\r\n" * 50
    url = raw_tcp(lambda c: _drip(c, b"", lambda i: line[i : i + 1], 0.05))
    assert _gives_up(url, 0.8) < 1.6


def test_endless_100_continue(raw_tcp: Callable[[Serve], str]) -> None:
    url = raw_tcp(lambda c: _drip(c, b"", lambda i: b"HTTP/1.1 100 Continue\r\n\r\n", 0.02))
    assert _gives_up(url, 0.8) < 1.6


def test_a_gzip_body_dripped_byte_by_byte(raw_tcp: Callable[[Serve], str]) -> None:
    body = gzip.compress(b"Police arrested 14 people. " * 200)
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body))
    url = raw_tcp(lambda c: _drip(c, head, lambda i: body[i : i + 1], 0.05, n=len(body)))
    assert _gives_up(url, 0.8) < 1.6


def test_a_long_retry_after_is_not_waited_past_the_deadline(raw_tcp: Callable[[Serve], str]) -> None:
    def busy(c: socket.socket) -> None:
        c.sendall(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n\r\n")

    url = raw_tcp(busy)
    assert _gives_up(url, 0.8) < 1.6


def test_the_session_works_again_after_a_deadline(raw_tcp: Callable[[Serve], str]) -> None:
    calls: list[int] = []

    def serve(c: socket.socket) -> None:
        calls.append(1)
        if len(calls) == 1:
            _drip(c, b"HTTP/1.1 200 OK\r\n", lambda i: b"X-Drip: x\r\n", 0.05)
        else:
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 26\r\n\r\n"
                      b"Police arrested 14 people.")

    url = raw_tcp(serve)
    with make_session() as session:
        _gives_up(url, 0.5, session=session)
        page = fetch_url(url, timeout=(2, 2), deadline=5, session=session)
    assert page.text == "Police arrested 14 people."
