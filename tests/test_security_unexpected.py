"""An unexpected exception while reading the draft or a source, in every command: the draft
is one line and exit 2 naming the exception with a request to report it; a source is that
source's error and the others proceed; never a traceback, never exit 1.

The exception comes through a real plugin point, not a mock of our code: Python's codec
registry. A codec registered for the test raises RuntimeError when it decodes, and the
inputs are real files (and a real loopback HTTP server) that declare that charset, as an
HTML page may declare any charset Python knows.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_fixtures import run
from pytest_httpserver import HTTPServer

CHARSET = "factcheck-test-broken"
DRAFT = "Police arrested 14 people in Lyon on Monday, the prosecutor said.\n"
WIRE = "Police arrested 17 people in Lyon on Monday, the prosecutor said.\n"
PAGE = (f'<!DOCTYPE html><html><head><meta charset="{CHARSET}"><title>Raids</title></head><body>'
        "<article><h1>Raids in Lyon</h1><p>Police arrested 16 people in Lyon on Monday after a "
        "year-long inquiry, the prosecutor said.</p><p>About 300 gendarmes were mobilised for "
        "the raids, which began at dawn.</p></article></body></html>\n")
HINT = "please report it"


@pytest.fixture
def broken_codec() -> Iterator[str]:
    def fail(data: object, errors: str = "strict") -> tuple[str, int]:
        raise RuntimeError("the codec broke")

    info = codecs.CodecInfo(fail, fail, name=CHARSET)  # type: ignore[arg-type]

    def search(name: str) -> codecs.CodecInfo | None:
        return info if name.replace("-", "_") == CHARSET.replace("-", "_") else None

    codecs.register(search)
    try:
        yield CHARSET
    finally:
        codecs.unregister(search)  # and the registry's cache is cleared


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken_codec: str) -> Path:
    root = tmp_path / "newsroom"
    (root / ".git").mkdir(parents=True)
    (root / "draft.md").write_text(DRAFT, "utf-8")
    (root / "wire.txt").write_text(WIRE, "utf-8")
    (root / "broken.html").write_text(PAGE, "utf-8")
    monkeypatch.chdir(root)
    return root


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "File \"" not in err, err


def _draft_error(code: int, out: str, err: str) -> None:
    assert code == 2 and out == ""
    _no_traceback(err)
    assert err.count("\n") == 1 and err.startswith("factcheck: error: broken.html: "), err
    assert "unexpected error (RuntimeError: " in err and "the codec broke" in err and HINT in err
    assert "while reading the draft" in err


def test_the_codec_raises_as_planned(repo: Path) -> None:
    with pytest.raises(RuntimeError, match="the codec broke"):
        b"x".decode(CHARSET)


def test_extract_a_draft_that_raises(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("text", "json", "jsonl"):
        _draft_error(*run(capsys, "extract", "broken.html", "--format", fmt))
    code, out, err = run(capsys, "extract", "draft.md", "--format", "json")
    assert code == 0 and json.loads(out)["claims"], err  # an ordinary file is unaffected


def test_check_a_draft_that_raises(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draft_error(*run(capsys, "check", "broken.html", "--source", "wire.txt"))


def test_check_a_source_that_raises_the_others_proceed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "draft.md", "--source", "broken.html", "--source", "wire.txt",
                         "--format", "json")
    assert code == 2  # a source could not be read: never 1, never a traceback
    _no_traceback(err)
    report = json.loads(out)
    errors = {s["id"]: s["error"] for s in report["sources"]}
    assert errors["wire"] is None
    assert errors["broken"].startswith("unexpected error (RuntimeError: ") and HINT in errors["broken"]
    assert "the codec broke" in errors["broken"]
    assert report["summary"]["open"]["conflicts"] == 1  # the wire's 17 is still found
    assert [ln for ln in err.splitlines() if ln.startswith("factcheck: source broken")]
    code, _, _ = run(capsys, "check", "draft.md", "--source", "broken.html", "--source", "wire.txt",
                     "--allow-missing-sources")
    assert code == 1  # the conflict, once the missing source is allowed


def _story(repo: Path, draft: str = "../../draft.md", sources: str = "") -> Path:
    story = repo / "claims" / "s"
    (story / "sources").mkdir(parents=True)
    (story / "story.toml").write_text(f'title = "s"\ndraft = "{draft}"\n{sources}', "utf-8")
    return story


def test_check_a_story_whose_draft_raises(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _story(repo, draft="../../broken.html")
    code, out, err = run(capsys, "check", "claims/s")
    assert code == 2 and out == ""
    _no_traceback(err)
    assert err.count("\n") == 1 and "broken.html: unexpected error (RuntimeError" in err and HINT in err


def test_check_a_story_with_an_extra_source_that_raises(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _story(repo)
    code, out, err = run(capsys, "check", "claims/s", "--source", "broken.html", "--source", "wire.txt",
                         "--format", "json")
    assert code == 2
    _no_traceback(err)
    report = json.loads(out)
    errors = {s["id"]: s["error"] for s in report["sources"]}
    assert errors["wire"] is None and errors["broken"].startswith("unexpected error (RuntimeError")
    assert report["summary"]["open"]["conflicts"] == 1


def test_init_with_a_draft_that_raises_leaves_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draft_error(*run(capsys, "init", "claims/s", "--draft", "broken.html"))
    assert not (repo / "claims").exists()
    code, out, err = run(capsys, "init", "claims/s", "--draft", "draft.md", "--source", "broken.html")
    assert code == 2 and "created" not in out
    _no_traceback(err)
    assert err.count("\n") == 1 and "while reading source broken" in err and HINT in err
    assert not (repo / "claims").exists()  # fails before writing, as for any unreadable file source


def test_init_and_fetch_a_url_that_raises_the_others_proceed(repo: Path, httpserver: HTTPServer,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    httpserver.expect_request("/raids").respond_with_data(PAGE, content_type=f"text/html; charset={CHARSET}")
    url = httpserver.url_for("/raids")
    code, out, err = run(capsys, "init", "claims/s", "--draft", "draft.md", "--source", url, "--id", "web",
                         "--source", "wire.txt")
    assert code == 2  # the story is made; one source was not fetched
    _no_traceback(err)
    assert "created claims/s with 2 source(s)" in out
    line = next(ln for ln in err.splitlines() if ln.startswith("factcheck: source web"))
    assert "unexpected error (RuntimeError: " in line and "while reading the source" in line and HINT in line
    sources = repo / "claims" / "s" / "sources"
    assert (sources / "wire.txt").is_file() and not (sources / "web.txt").exists()

    code, out, err = run(capsys, "fetch", "claims/s")
    assert code == 2
    _no_traceback(err)
    assert "wire: ok" in out  # the file source is re-read and its snapshot written
    assert [ln for ln in err.splitlines() if ln.startswith("factcheck: source web") and "RuntimeError" in ln]

    code, out, err = run(capsys, "check", "claims/s", "--refresh", "--format", "json")
    assert code == 2
    _no_traceback(err)
    report = json.loads(out)
    errors = {s["id"]: s["error"] for s in report["sources"]}
    assert errors["wire"] is None and "no snapshot" in errors["web"]
    assert report["summary"]["open"]["conflicts"] == 1  # the wire's 17 against the draft's 14
