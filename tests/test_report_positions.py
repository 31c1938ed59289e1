"""Locations are in the file the user wrote: an HTML draft's extracted text is mapped back
onto the file's lines, and JSON carries line and column beside every offset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.models import Document
from factcheck.report.positions import align, file_map, visible

HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Police arrested 14 people in Lyon</title>
  <style>
    p { margin: 0 }
    .lead { font-weight: bold }
  </style>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article>
    <h1>Raids in Lyon</h1>
    <p class="lead">Police arrested <b>14</b> people in Lyon on Monday, the prosecutor said
      after a long inquiry into the network.</p>
    <p>Some 300 gendarmes were mobilised for the operation &amp; the searches that followed
      across the region, in Lyon and in Villeurbanne.</p>
  </article>
  <footer>Contact us</footer>
</body>
</html>
"""
SOURCE = "Police arrested 17 people in Lyon on Monday. About 300 gendarmes were mobilised.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def story_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def _line_col(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def test_github_annotation_of_an_html_draft_lands_on_the_file_line(
    story_files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "draft.html", "--source", "wire.txt", "--format", "github")
    assert code == 1
    errors = [ln for ln in out.splitlines() if ln.startswith("::error ")]
    assert len(errors) == 1, out
    line, col = _line_col(HTML, "14</b>")
    assert f"file=draft.html,line={line},col={col}," in errors[0]
    assert HTML.splitlines()[line - 1].strip().startswith('<p class="lead">Police arrested')
    assert "<style>" not in HTML.splitlines()[line - 1]


def test_text_and_json_positions_of_an_html_draft(story_files: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "draft.html", "--source", "wire.txt")
    line, col = _line_col(HTML, "14</b>")
    assert out.startswith(f"draft.html:{line}:{col}: conflict: ")
    _, out, _ = run(capsys, "check", "draft.html", "--source", "wire.txt", "--format", "json")
    report = json.loads(out)
    by_value = {c["value"]: c for c in report["claims"]}
    c14 = by_value[14]
    assert (c14["line"], c14["column"]) == (line, col)
    assert c14["end_line"] == line
    assert c14["span"][1] - c14["span"][0] >= 2  # offsets unchanged: the contract's spans
    c300 = by_value[300]
    assert (c300["line"], c300["column"]) == _line_col(HTML, "Some 300")
    finding = next(f for f in c14["findings"] if f["source"] == "wire")
    assert finding["path"] == "wire.txt"
    assert (finding["line"], finding["column"]) == _line_col(SOURCE, "17")


def test_extract_positions_of_an_html_draft(story_files: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "extract", "draft.html")
    line, col = _line_col(HTML, "14</b>")
    assert f"draft.html:{line}:{col} count 14" in out


def test_markdown_positions_are_the_file_positions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    md = "# Raids\n\n<!-- a comment -->\n\n*Police* arrested **14** people in Lyon on Monday.\n"
    (tmp_path / "d.md").write_text(md, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(SOURCE, encoding="utf-8")
    _, out, _ = run(capsys, "check", "d.md", "--source", "wire.txt")
    line, col = _line_col(md, "14**")
    assert out.startswith(f"d.md:{line}:{col}: conflict: ")
    assert file_map(Document(id="d", text=md, origin="d.md")) is None  # the file is the text


def test_entities_and_inline_tags_map_to_their_source() -> None:
    raw = "<p>Caf&eacute; <b>de</b> la Gare &amp; 14 arrests</p>"
    seen, where = visible(raw)
    assert "Café de la Gare & 14 arrests" in seen
    text = "Café de la Gare & 14 arrests"
    raw_of = align(text, raw)
    assert raw[raw_of[text.index("14")]:].startswith("14 arrests")
    assert raw[raw_of[text.index("é")]:].startswith("&eacute;")
    assert raw[raw_of[text.index("&")]:].startswith("&amp;")


def test_a_changed_file_is_not_mapped(tmp_path: Path) -> None:
    path = tmp_path / "d.html"
    path.write_text(HTML, encoding="utf-8")
    doc = Document(id="draft", text="Police arrested 14 people.", origin=str(path),
                   meta={"sha256": "0" * 64})
    assert file_map(doc) is None


def test_json_gives_the_snapshot_beside_a_url(capsys: pytest.CaptureFixture[str]) -> None:
    story = Path(__file__).resolve().parents[1] / "claims" / "marseille-3d-weapons"
    _, out, _ = run(capsys, "check", str(story), "--format", "json")
    report = json.loads(out)
    wire = next(s for s in report["sources"] if s["id"] == "wire-en")
    assert wire["path"].startswith("https://")
    assert wire["snapshot"].endswith("sources/wire-en.txt")
    assert Path(wire["snapshot"]).is_file()
    local = next(s for s in report["sources"] if s["id"] == "regional-html")
    assert local["snapshot"].endswith("sources/regional-html.txt")
    found = [f for c in report["claims"] for f in c["findings"] if f["source"] == "wire-en" and f["span"]]
    assert found and all(f["path"] == wire["snapshot"] and f["line"] >= 1 for f in found)
