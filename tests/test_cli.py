"""The command line: version, help, extract formats, check exit codes, and that importing the
CLI stays light (the heavy libraries load only inside the commands that need them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_fixtures import run

from factcheck import __version__

DRAFT = (
    "Police arrested 14 people in Lyon on Monday, the prosecutor said.\n\n"
    "Some 300 gendarmes were mobilised for the operation.\n"
)
AGREES = "Some 300 gendarmes took part. Police arrested 14 people in Lyon on Monday.\n"
CONFLICTS = "Police arrested 17 people in Lyon on Monday. About 300 gendarmes were mobilised.\n"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    for name, text in (("draft.md", DRAFT), ("agrees.txt", AGREES), ("conflicts.txt", CONFLICTS)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {"draft": "draft.md", "agrees": "agrees.txt", "conflicts": "conflicts.txt"}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"factcheck {__version__}"


def test_python_m_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "factcheck", "--version"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"factcheck {__version__}"
    assert proc.stderr == ""


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 2
    assert out == ""
    assert "usage:" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "x.md", "--format", "yaml")
    assert code == 2
    assert "Traceback" not in err


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_extract_formats(capsys: pytest.CaptureFixture[str], files: dict[str, str],
                         fmt: str) -> None:
    code, out, err = run(capsys, "extract", files["draft"], "--format", fmt)
    assert code == 0, err
    assert err == ""
    if fmt == "text":
        assert out.startswith("draft.md:1:")
        assert "count 14" in out and "300" in out
    elif fmt == "json":
        data = json.loads(out)
        texts = [c["text"] for c in data["claims"]]
        assert any("14" in t for t in texts) and any("300" in t for t in texts)
        for c in data["claims"]:
            start, end = c["span"]
            assert DRAFT[start:end] == c["text"]
    else:
        rows = [json.loads(line) for line in out.splitlines()]
        assert {r["kind"] for r in rows} >= {"count"}
        assert len(rows) >= 2


def test_extract_explain(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    from factcheck.extract.rules import RULES

    code, out, err = run(capsys, "extract", files["draft"], "--explain")
    assert code == 0, err
    rules = [line.rsplit(" ", 1)[1] for line in out.splitlines()]
    assert rules and all(r.startswith("[") and r.endswith("]") and r[1:-1] in RULES for r in rules), out
    code, out, err = run(capsys, "extract", files["draft"], "--format", "json", "--explain")
    assert code == 0, err
    assert all(c["rule"] in RULES for c in json.loads(out)["claims"])


def test_extract_from_stdin(capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class Stdin(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", Stdin(io.BytesIO(DRAFT.encode())))
    code, out, _ = run(capsys, "extract", "-", "--format", "jsonl")
    assert code == 0
    assert len(out.splitlines()) >= 2


@pytest.mark.parametrize(
    ("source", "fail_on", "expected"),
    [
        pytest.param("conflicts", "conflicts", 1, id="conflict-fail-on-conflicts"),
        pytest.param("conflicts", "unclear", 1, id="conflict-fail-on-unclear"),
        pytest.param("conflicts", "never", 0, id="conflict-fail-on-never"),
        pytest.param("agrees", "conflicts", 0, id="agrees-fail-on-conflicts"),
        pytest.param("agrees", "unclear", 0, id="agrees-fail-on-unclear"),
        pytest.param("agrees", "never", 0, id="agrees-fail-on-never"),
    ],
)
def test_check_exit_codes(capsys: pytest.CaptureFixture[str], files: dict[str, str],
                          source: str, fail_on: str, expected: int) -> None:
    code, out, err = run(capsys, "check", files["draft"], "--source", files[source],
                         "--fail-on", fail_on, "--format", "json")
    assert code == expected, (out, err)
    summary = json.loads(out)["summary"]
    assert (summary["conflicts"] > 0) == (source == "conflicts")
    assert err == ""


def test_fail_on_unclear_counts_unclear_findings(capsys: pytest.CaptureFixture[str],
                                                 files: dict[str, str]) -> None:
    """Whatever the pair gives, the exit code follows the JSON summary."""
    code_c, out, _ = run(capsys, "check", files["draft"], "--source", files["conflicts"],
                         "--source", files["agrees"], "--format", "json")
    open_ = json.loads(out)["summary"]["open"]
    code_u, _, _ = run(capsys, "check", files["draft"], "--source", files["conflicts"],
                       "--source", files["agrees"], "--fail-on", "unclear")
    assert code_c == (1 if open_["conflicts"] else 0)
    assert code_u == (1 if open_["conflicts"] or open_["unclear"] else 0)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "markdown"])
def test_check_formats(capsys: pytest.CaptureFixture[str], files: dict[str, str],
                       fmt: str) -> None:
    code, out, err = run(capsys, "check", files["draft"], "--source", files["conflicts"],
                         "--format", fmt)
    assert code == 1, err
    assert out.strip()
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt == "github":
        assert all(line.startswith(("::error ", "::warning ", "::notice "))
                   for line in out.splitlines())


def test_missing_source_is_exit_2(capsys: pytest.CaptureFixture[str],
                                  files: dict[str, str]) -> None:
    code, out, err = run(capsys, "check", files["draft"], "--source", "nope.txt",
                         "--source", files["agrees"])
    assert code == 2
    assert err.count("\n") == 1 and "nope" in err and "no such file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("other", "expected"), [("agrees", 0), ("conflicts", 1)])
def test_allow_missing_sources(capsys: pytest.CaptureFixture[str], files: dict[str, str],
                               other: str, expected: int) -> None:
    code, out, err = run(capsys, "check", files["draft"], "--source", "nope.txt",
                         "--source", files[other], "--allow-missing-sources", "--format", "json")
    assert code == expected
    sources = {s["id"]: s for s in json.loads(out)["sources"]}
    assert sources["nope"]["error"]
    assert sources[other]["error"] is None
    assert "nope" in err  # still reported


def test_missing_draft_is_exit_2(capsys: pytest.CaptureFixture[str],
                                 files: dict[str, str]) -> None:
    code, out, err = run(capsys, "check", "missing.md", "--source", files["agrees"])
    assert code == 2
    assert out == ""
    assert err.startswith("factcheck: error: missing.md: ")


def test_check_demo_story_in_process(capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[1]
    demo = root / "claims" / "marseille-3d-weapons"
    if not (demo / "story.toml").is_file():
        pytest.skip("no demo story")
    monkeypatch.chdir(root)
    code, out, err = run(capsys, "check", "claims/marseille-3d-weapons", "--format", "json",
                         "--fail-on", "never")
    assert code == 0, err
    data = json.loads(out)
    assert data["summary"]["claims"] > 0
    assert data["summary"]["sources"] >= 1


HEAVY = ("textual", "rapidfuzz", "trafilatura", "requests", "pydantic")


def test_importing_the_cli_is_light() -> None:
    code = (
        "import json, sys\n"
        "import factcheck.cli\n"
        "factcheck.cli.build_parser()\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert json.loads(proc.stdout) == []
