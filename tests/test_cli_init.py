"""`factcheck init` finishes the job: fetches URL sources (from a real HTTP server on
127.0.0.1), takes an --id per source, copies a draft from outside the repository, and
prints the next command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_fixtures import run
from pytest_httpserver import HTTPServer

DRAFT = "Police arrested 14 people in Lyon on Monday, the prosecutor said.\n"
PAGE = """<!DOCTYPE html><html><head><title>Raids in Lyon</title></head><body>
<nav>Home News Sport</nav>
<article><h1>Raids in Lyon</h1>
<p>Police arrested 17 people in Lyon on Monday after a year-long inquiry, the prosecutor said.</p>
<p>About 300 gendarmes were mobilised for the raids, which began at dawn in three districts.</p>
</article><footer>All rights reserved</footer></body></html>"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "newsroom"
    (root / ".git").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / "drafts" / "lyon.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_init_fetches_a_loopback_url_with_its_id_and_prints_the_next_command(
    repo: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/lyon").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/lyon")
    assert url.startswith("http://127.0.0.1:") or url.startswith("http://localhost:")
    code, out, err = run(capsys, "init", "claims/lyon", "--draft", "drafts/lyon.md",
                         "--source", url, "--id", "wire")
    assert code == 0, err
    assert "created claims/lyon with 1 source(s)" in out
    assert "wire: fetched" in out
    assert out.strip().splitlines()[-1].startswith("next: factcheck check claims/lyon")
    assert "[1/1] fetching wire" in err
    snapshot = repo / "claims" / "lyon" / "sources" / "wire.txt"
    assert "Police arrested 17 people" in snapshot.read_text(encoding="utf-8")
    meta = json.loads((repo / "claims" / "lyon" / "sources" / "wire.json").read_text(encoding="utf-8"))
    assert meta["url"] == url
    assert 'id = "wire"' in (repo / "claims" / "lyon" / "story.toml").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "check", "claims/lyon")  # the printed command works offline
    assert code == 1 and "wire says 17" in out


def test_init_no_fetch_leaves_urls_for_later(repo: Path, httpserver: HTTPServer,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = httpserver.url_for("/never")
    code, out, _ = run(capsys, "init", "claims/lyon", "--draft", "drafts/lyon.md", "--source", url,
                       "--no-fetch")
    assert code == 0
    assert not (repo / "claims" / "lyon" / "sources" / "127-0-0-1-never.txt").exists()
    assert "next: factcheck fetch claims/lyon" in out
    assert httpserver.log == []


def test_init_reports_a_failed_fetch(repo: Path, httpserver: HTTPServer,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    code, out, err = run(capsys, "init", "claims/lyon", "--draft", "drafts/lyon.md",
                         "--source", httpserver.url_for("/gone"), "--id", "gone")
    assert code == 2
    assert "created claims/lyon" in out  # the story is there: fetch again later
    assert "source gone" in err and "factcheck fetch claims/lyon" in err


def test_ids_pair_with_the_source_before_them(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "a.txt").write_text("Some 300 gendarmes were mobilised.\n", encoding="utf-8")
    (repo / "drafts" / "b.txt").write_text("About 300 gendarmes took part.\n", encoding="utf-8")
    code, _, _ = run(capsys, "init", "claims/lyon", "--draft", "drafts/lyon.md",
                     "--source", "drafts/a.txt", "--source", "drafts/b.txt", "--id", "radio")
    assert code == 0
    toml = (repo / "claims" / "lyon" / "story.toml").read_text(encoding="utf-8")
    assert 'id = "a"' in toml and 'id = "radio"' in toml
    assert (repo / "claims" / "lyon" / "sources" / "radio.txt").is_file()
    code, _, err = run(capsys, "init", "claims/x", "--draft", "drafts/lyon.md", "--id", "lonely")
    assert code == 2 and "--id names the --source just before it" in err
    code, _, err = run(capsys, "init", "claims/y", "--draft", "drafts/lyon.md",
                       "--source", "drafts/a.txt", "--id", "draft")
    assert code == 2 and "'draft'" in err
    assert not (repo / "claims" / "y").exists()


def test_copy_brings_a_draft_from_outside_the_repository(repo: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "desktop" / "lyon-final.md"
    outside.parent.mkdir()
    outside.write_text(DRAFT, encoding="utf-8")
    code, _, err = run(capsys, "init", "claims/lyon", "--draft", str(outside))
    assert code == 2 and "outside the repository" in err
    assert not (repo / "claims" / "lyon").exists()
    code, out, _ = run(capsys, "init", "claims/lyon", "--draft", str(outside), "--copy")
    assert code == 0
    copied = repo / "claims" / "lyon" / "draft.md"
    assert copied.read_text(encoding="utf-8") == DRAFT
    assert 'draft = "draft.md"' in (repo / "claims" / "lyon" / "story.toml").read_text(encoding="utf-8")
    assert "copied to claims/lyon/draft.md" in out
