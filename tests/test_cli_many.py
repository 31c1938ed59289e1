"""`factcheck check` over many inputs in one run, its outputs (--output, FMT:FILE, rdjson),
its configuration (.factcheck.toml, [tool.factcheck]) and the draft's inline controls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_fixtures import run

DRAFT = (
    "Police arrested 14 people in Lyon on Monday, the prosecutor said.\n\n"
    "Some 300 gendarmes were mobilised for the operation.\n"
)
CONFLICTS = "Police arrested 17 people in Lyon on Monday. About 300 gendarmes were mobilised.\n"
AGREES = "Some 300 gendarmes took part. Police arrested 14 people in Lyon on Monday.\n"


def make_story(root: Path, name: str, draft: str, source: str) -> Path:
    story = root / "claims" / name
    (story / "sources").mkdir(parents=True)
    (story / "draft.md").write_text(draft, encoding="utf-8")
    (story / "sources" / "wire.txt").write_text(source, encoding="utf-8")
    (story / "story.toml").write_text(
        f'title = "{name}"\ndraft = "draft.md"\n\n[[sources]]\nid = "wire"\npath = "sources/wire.txt"\n',
        encoding="utf-8",
    )
    return story


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    monkeypatch.chdir(tmp_path)
    make_story(tmp_path, "lyon-raids", DRAFT, CONFLICTS)
    make_story(tmp_path, "lyon-calm", DRAFT, AGREES)
    return tmp_path


# --- many inputs ------------------------------------------------------------------------------


def test_two_stories_in_one_run_one_exit_code_grouped_by_file(repo: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "claims/lyon-calm", "claims/lyon-raids")
    assert code == 1  # one story fails: the run fails
    lines = out.splitlines()
    raids = [i for i, ln in enumerate(lines) if ln.startswith("claims/lyon-raids/draft.md:")]
    assert len(raids) == 1 and "conflict: 14" in lines[raids[0]]
    assert not any(ln.startswith("claims/lyon-calm/draft.md:") for ln in lines)
    summaries = [ln for ln in lines if "agree across" in ln]
    assert len(summaries) == 2  # one per story, in the order given
    assert lines[-1] == "all 2 drafts: 1 conflict, 0 unclear"
    code, _, _ = run(capsys, "check", "claims/lyon-calm")
    assert code == 0


def test_a_folder_of_stories_stands_for_each(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "claims", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [r["title"] for r in data["reports"]] == ["lyon-calm", "lyon-raids"]
    assert data["summary"]["open"]["conflicts"] == 1
    assert data["summary"]["claims"] == sum(r["summary"]["claims"] for r in data["reports"])


def test_one_bad_story_does_not_hide_the_others(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "claims" / "broken").mkdir()
    (repo / "claims" / "broken" / "story.toml").write_text("title = [", encoding="utf-8")
    code, out, err = run(capsys, "check", "claims/broken", "claims/lyon-raids")
    assert code == 2
    assert "claims/lyon-raids/draft.md:1:" in out
    assert "broken" in err


def test_sarif_and_rdjson_of_two_stories_are_one_document(repo: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "claims" / "lyon-calm" / "draft.md").write_text(
        DRAFT.replace("14", "15"), encoding="utf-8")
    code, _, _ = run(capsys, "check", "claims/lyon-calm", "claims/lyon-raids",
                     "--format", "sarif:out.sarif", "--format", "rdjson:out.rdjson")
    assert code == 1
    sarif = json.loads((repo / "out.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"]) == 1
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]]
    assert uris == ["claims/lyon-calm/draft.md", "claims/lyon-raids/draft.md"]
    rd = json.loads((repo / "out.rdjson").read_text(encoding="utf-8"))
    assert rd["source"]["name"] == "factcheck" and rd["severity"] == "ERROR"
    paths = [d["location"]["path"] for d in rd["diagnostics"]]
    assert paths == ["claims/lyon-calm/draft.md", "claims/lyon-raids/draft.md"]


def test_rdjson_columns_are_utf8_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text("Hélène: police arrested 14 people in Lyon on Monday.\n", encoding="utf-8")
    (tmp_path / "w.txt").write_text(CONFLICTS, encoding="utf-8")
    code, out, _ = run(capsys, "check", "d.md", "--source", "w.txt", "--format", "rdjson")
    assert code == 1
    d = json.loads(out)["diagnostics"][0]
    start = d["location"]["range"]["start"]
    prefix = "Hélène: police arrested ".encode()
    assert start == {"line": 1, "column": len(prefix) + 1}
    assert d["severity"] == "ERROR" and d["code"]["value"] == "FC001"
    assert d["related_locations"][0]["location"]["path"] == "w.txt"


def test_output_file_and_several_formats(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "claims/lyon-raids", "--output", "report.txt",
                       "--format", "text", "--format", "github:gh.txt", "--format", "json:r.json")
    assert code == 1
    assert out == ""
    assert "conflict: 14" in (repo / "report.txt").read_text(encoding="utf-8")
    assert (repo / "gh.txt").read_text(encoding="utf-8").startswith("::error file=claims/lyon-raids/draft.md,")
    assert json.loads((repo / "r.json").read_text(encoding="utf-8"))["summary"]["open"]["conflicts"] == 1


def test_two_formats_on_standard_output_is_a_usage_error(repo: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "claims/lyon-raids", "--format", "text", "--format", "json")
    assert code == 2 and out == ""
    assert "standard output" in err
    code, _, err = run(capsys, "check", "claims/lyon-raids", "--format", "xml")
    assert code == 2 and "unknown format 'xml'" in err


def test_stories_from_changed_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--stories-from-files", "claims/lyon-raids/draft.md",
                       "claims/lyon-raids/sources/wire.txt", "README.md")
    assert code == 1
    assert out.count("agree across") == 1  # the story once, README.md belongs to none
    code, out, _ = run(capsys, "check", "--stories-from-files", "README.md")
    assert code == 0 and out == ""


# --- configuration ----------------------------------------------------------------------------


def test_config_precedence(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "never"\n', encoding="utf-8")
    code, _, _ = run(capsys, "check", "claims/lyon-raids")
    assert code == 0  # pyproject says never
    (repo / ".factcheck.toml").write_text('fail-on = "conflicts"\nformat = ["json"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "claims/lyon-raids")
    assert code == 1  # .factcheck.toml comes first in one folder
    assert json.loads(out)["summary"]["open"]["conflicts"] == 1  # its format
    code, out, _ = run(capsys, "check", "claims/lyon-raids", "--fail-on", "never", "--format", "text")
    assert code == 0  # the command line overrides the file
    assert out.startswith("claims/lyon-raids/draft.md:1:")
    code, _, _ = run(capsys, "check", "claims/lyon-raids", "--no-config")
    assert code == 1
    code, _, _ = run(capsys, "check", "claims/lyon-raids", "--config", "pyproject.toml")
    assert code == 0


def test_config_is_found_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(repo / "claims")
    code, _, _ = run(capsys, "check", "lyon-raids")
    assert code == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "never"\n', "unknown key 'fail_on'"),
        ('fail-on = "sometimes"\n', "fail-on must be"),
        ('skip-kinds = ["colour"]\n', "unknown kind 'colour'"),
        ("allow-missing-sources = 3\n", "allow-missing-sources must be"),
        ("fail-on = \n", "not valid TOML"),
    ],
    ids=["unknown-key", "bad-fail-on", "bad-kind", "bad-allow", "bad-toml"],
)
def test_config_errors_exit_2(repo: Path, capsys: pytest.CaptureFixture[str], text: str,
                              message: str) -> None:
    (repo / ".factcheck.toml").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", "claims/lyon-raids")
    assert code == 2 and out == ""
    assert message in err and ".factcheck.toml" in err


def test_unknown_key_in_pyproject(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nformats = "json"\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "claims/lyon-raids")
    assert code == 2
    assert "unknown key 'formats' in [tool.factcheck]" in err


def test_skip_kinds_counts_what_it_ignores(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factcheck.toml").write_text('skip-kinds = ["count"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "claims/lyon-raids")
    assert code == 0
    assert "1 finding of kinds skipped by the configuration" in out
    code, out, _ = run(capsys, "check", "claims/lyon-raids", "--show-decided")
    assert "[ignored: a kind the configuration skips]" in out
    code, _, _ = run(capsys, "check", "claims/lyon-raids", "--skip-kind", "date")
    assert code == 1  # the command line's kinds replace the file's


def test_allow_missing_sources_by_id(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "claims" / "lyon-calm" / "sources" / "wire.txt").unlink()
    code, _, err = run(capsys, "check", "claims/lyon-calm")
    assert code == 2 and "wire" in err
    (repo / ".factcheck.toml").write_text('allow-missing-sources = ["wire"]\n', encoding="utf-8")
    code, _, _ = run(capsys, "check", "claims/lyon-calm")
    assert code == 0
    (repo / ".factcheck.toml").write_text('allow-missing-sources = ["other"]\n', encoding="utf-8")
    code, _, _ = run(capsys, "check", "claims/lyon-calm")
    assert code == 2


# --- inline controls --------------------------------------------------------------------------

TWO = (
    "Police arrested 14 people in Lyon on Monday, the prosecutor said.\n\n"
    "Later, police arrested 14 people in Lyon on Monday.\n"
)


def _check_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str], draft: str,
                 name: str = "d.md", *extra: str) -> tuple[int, str]:
    (tmp_path / name).write_text(draft, encoding="utf-8")
    (tmp_path / "w.txt").write_text(CONFLICTS, encoding="utf-8")
    code, out, _ = run(capsys, "check", name, "--source", "w.txt", *extra)
    return code, out


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_controls_both_paragraphs_conflict(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check_draft(here, capsys, TWO)
    assert code == 1
    assert "d.md:1:17: conflict:" in out and "d.md:3:24: conflict:" in out


def test_ignore_comment_before_a_paragraph(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = "<!-- factcheck: ignore -->\n" + TWO
    code, out = _check_draft(here, capsys, draft)
    assert code == 1
    assert "d.md:2:17:" not in out and "d.md:4:24: conflict:" in out
    assert "1 finding ignored by factcheck comments in the draft" in out.splitlines()[-1]


def test_ignore_comment_inside_a_paragraph(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = TWO.replace("Later,", "Later, <!-- factcheck: ignore -->")
    code, out = _check_draft(here, capsys, draft)
    assert code == 1
    assert "d.md:1:17: conflict:" in out and "d.md:3:" not in out.split("read as:")[0]


def test_off_and_on(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = "<!-- factcheck: off -->\n" + TWO + "<!-- factcheck: on -->\n"
    code, out = _check_draft(here, capsys, draft)
    assert code == 0
    assert "2 findings ignored by factcheck comments in the draft" in out
    code, out = _check_draft(here, capsys, draft, "d.md", "--show-decided")
    assert out.count("[ignored: a factcheck comment in the draft]") == 2


def test_off_without_on_runs_to_the_end(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = TWO.replace("Later,", "<!-- factcheck: off -->\nLater,")
    code, out = _check_draft(here, capsys, draft)
    assert code == 1
    assert "d.md:1:17: conflict:" in out and "1 finding ignored" in out


def test_ignore_next_line(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = TWO.replace("Later,", "<!-- factcheck: ignore-next-line -->\n\nLater,")
    code, out = _check_draft(here, capsys, draft)
    assert code == 1
    assert "d.md:1:17: conflict:" in out and "d.md:5:" not in out
    assert "1 finding ignored" in out


def test_ignored_findings_stay_in_json_and_sarif(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = "<!-- factcheck: ignore -->\n" + TWO
    code, out = _check_draft(here, capsys, draft, "d.md", "--format", "json")
    data = json.loads(out)
    decisions = [f["decision"] for c in data["claims"] for f in c["findings"] if f["verdict"] == "conflicts"]
    assert sorted(decisions, key=str) == [None, "ignored-inline"]
    assert data["summary"]["ignored"] == {"inline": 1, "kinds": 0}
    code, out = _check_draft(here, capsys, draft, "d.md", "--format", "sarif", "--show-decided")
    results = json.loads(out)["runs"][0]["results"]
    suppressed = [r for r in results if r.get("suppressions")]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0]["kind"] == "inSource"


def test_ignore_comment_in_an_html_draft(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = (
        "<!DOCTYPE html>\n<html><head><title>Raids</title></head><body><article>\n"
        "<p>Police arrested 14 people in Lyon on Monday, the prosecutor said in a statement.</p>\n"
        "<!-- factcheck: ignore -->\n"
        "<p>Later, police arrested 14 people in Lyon on Monday after a long inquiry.</p>\n"
        "</article></body></html>\n"
    )
    code, out = _check_draft(here, capsys, html, "d.html")
    assert code == 1
    assert "d.html:3:" in out and "d.html:5:" not in out.split("read as:")[0]
    assert "1 finding ignored" in out
