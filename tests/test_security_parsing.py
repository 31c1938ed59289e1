"""Nesting-depth and integer-size limits on every TOML and JSON file factcheck reads
(story.toml, a snapshot's .json, decisions.json): one line and exit 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

DRAFT = "Police arrested 14 people in Lyon on Monday.\n"
TOML = 'title = "t"\ndraft = "draft.md"\n\n[[sources]]\nid = "wire"\nurl = "https://example.com/a"\n'
DEEP_JSON = "[" * 100_000 + "]" * 100_000
BIG = "1" * 5001


def _story(tmp_path: Path, toml: str = TOML) -> Path:
    (tmp_path / ".git").mkdir()
    story = tmp_path / "claims" / "s"
    (story / "sources").mkdir(parents=True)
    (story / "draft.md").write_text(DRAFT, "utf-8")
    (story / "story.toml").write_text(toml, "utf-8")
    (story / "sources" / "wire.txt").write_text(DRAFT, "utf-8")
    return story


def _run(story: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", str(story), "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("deep = " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 64 levels deep"),
        ("deep = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n", "nested more than 64 levels deep"),
        ("deep = " + "[" * 70 + "]" * 70 + "\n", "nested more than 64 levels deep"),
        (f"big = {BIG}\n", "an integer of more than 30 digits"),
    ],
    ids=["arrays-5000", "inline-tables-2000", "arrays-70", "int-5001-digits"],
)
def test_story_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str, message: str) -> None:
    story = _story(tmp_path, extra + TOML)
    code, _, err = _run(story, capsys)
    assert code == 2
    assert err.count("\n") == 1 and message in err and "story.toml" in err


@pytest.mark.parametrize(
    ("meta", "message"),
    [(DEEP_JSON, "nested more than 64 levels deep"), ('{"n": ' + BIG + "}", "an integer of more than 30 digits"),
     ('{"a":' * 80 + "1" + "}" * 80, "nested more than 64 levels deep")],
    ids=["deep-100000", "int-5001-digits", "objects-80"],
)
def test_snapshot_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str], meta: str, message: str) -> None:
    story = _story(tmp_path)
    (story / "sources" / "wire.json").write_text(meta, "utf-8")
    code, out, _ = _run(story, capsys)
    assert code == 2
    (src,) = json.loads(out)["sources"]
    assert message in src["error"] and "wire.json" in src["error"]


@pytest.mark.parametrize(
    "ledger",
    [DEEP_JSON, '{"version": ' + BIG + ', "decisions": []}', '{"version": 1, "decisions": ' + DEEP_JSON + "}"],
    ids=["deep-100000", "int-5001-digits", "deep-decisions"],
)
def test_decisions_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], ledger: str) -> None:
    story = _story(tmp_path)
    (story / "decisions.json").write_text(ledger, "utf-8")
    code, _, err = _run(story, capsys)
    assert code == 2
    assert err.count("\n") == 1 and "decisions.json" in err and "refused" in err


def test_normal_files_still_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = _story(tmp_path)
    (story / "sources" / "wire.json").write_text('{"title": "t", "lang": "en", "n": [[1, 2], {"a": 3}]}', "utf-8")
    (story / "decisions.json").write_text('{"version": 1, "decisions": []}\n', "utf-8")
    code, _, _ = _run(story, capsys)
    assert code == 0


def test_stories_from_files_skips_a_story_toml_past_the_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """--stories-from-files reads every story.toml to find the story a changed draft belongs
    to: one past the limits (or a FIFO) is no match, never a traceback."""
    import os

    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "lyon.md").write_text(DRAFT, "utf-8")
    good = tmp_path / "claims" / "good"
    (good / "sources").mkdir(parents=True)
    (good / "sources" / "wire.txt").write_text("Police arrested 15 people in Lyon on Monday.\n", "utf-8")
    (good / "story.toml").write_text(
        'title = "t"\ndraft = "../../drafts/lyon.md"\n\n[[sources]]\nid = "wire"\npath = "sources/wire.txt"\n', "utf-8")
    for name, text in (("deep", "draft = " + "[" * 5000 + "]" * 5000 + "\n"), ("big", f"draft = {BIG}\n")):
        (tmp_path / "claims" / name).mkdir()
        (tmp_path / "claims" / name / "story.toml").write_text(text, "utf-8")
    if hasattr(os, "mkfifo"):
        (tmp_path / "claims" / "fifo").mkdir()
        os.mkfifo(tmp_path / "claims" / "fifo" / "story.toml")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--stories-from-files", "drafts/lyon.md", "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and err == ""
    assert code == 1  # the good story, found and checked: the wire's 15 conflicts
    assert json.loads(out)["summary"]["open"]["conflicts"] == 1
