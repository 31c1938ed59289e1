"""The configuration file (.factcheck.toml, [tool.factcheck] of pyproject.toml) is read under
the same file policy and TOML limits as story.toml: deep nesting, a huge integer, a symlink
out of the repository, a FIFO or an oversized file is one line and exit 2, never a traceback
or a wait. All on real files in a temporary repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_fixtures import run

from factcheck.files import MAX_FILE_BYTES

DRAFT = "Police arrested 14 people in Lyon on Monday.\n"
SOURCE = "Police arrested 17 people in Lyon on Monday.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "draft.md").write_text(DRAFT, "utf-8")
    (root / "wire.txt").write_text(SOURCE, "utf-8")
    monkeypatch.chdir(root)
    return root


def _check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code, out, err = run(capsys, "check", "draft.md", "--source", "wire.txt", *extra)
    assert "Traceback" not in err
    return code, out, err


def _one_error(err: str, *words: str) -> None:
    assert err.count("\n") == 1 and err.startswith("factcheck: error: "), err
    for w in words:
        assert w in err, (w, err)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail-on = "never"\ndeep = ' + "[" * 5000 + "]" * 5000 + "\n", "nested more than 64 levels deep"),
        ('fail-on = "never"\ndeep = ' + "{a = " * 2000 + "1" + "}" * 2000 + "\n", "nested more than 64 levels deep"),
        ('fail-on = "never"\ndeep = ' + "[" * 70 + "]" * 70 + "\n", "nested more than 64 levels deep"),
        ('fail-on = "never"\nbig = ' + "1" * 5001 + "\n", "an integer of more than 30 digits"),
        ('fail-on = "never"\nbig = ' + "9" * 31 + "\n", "an integer of more than 30 digits"),
    ],
    ids=["arrays-5000", "inline-tables-2000", "arrays-70", "int-5001-digits", "int-31-digits"],
)
def test_limits_in_factcheck_toml(repo: Path, capsys: pytest.CaptureFixture[str], text: str, message: str) -> None:
    (repo / ".factcheck.toml").write_text(text, "utf-8")
    code, out, err = _check(capsys)
    assert code == 2 and out == ""
    _one_error(err, message, ".factcheck.toml")


def test_limits_in_pyproject_found_by_the_search(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.factcheck]\nfail-on = "never"\n[tool.other]\ndeep = ' + "[" * 3000 + "]" * 3000 + "\n", "utf-8")
    code, out, err = _check(capsys)
    assert code == 2 and out == ""
    _one_error(err, "nested more than 64 levels deep", "pyproject.toml")


def test_limits_in_a_config_given_on_the_command_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "ci.toml").write_text("x = " + "1" * 5001 + "\n", "utf-8")
    code, out, err = _check(capsys, "--config", "ci.toml")
    assert code == 2 and out == ""
    _one_error(err, "an integer of more than 30 digits", "ci.toml")


def test_a_config_symlinked_out_of_the_repository_is_refused(repo: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text('fail-on = "never"\n', "utf-8")  # would turn the conflict into exit 0
    (repo / ".factcheck.toml").symlink_to(elsewhere)
    code, out, err = _check(capsys)
    assert code == 2 and out == ""
    _one_error(err, "points outside the repository", ".factcheck.toml")
    (repo / ".factcheck.toml").unlink()
    (repo / "pyproject.toml").symlink_to(elsewhere)
    code, _, err = _check(capsys)
    assert code == 2
    _one_error(err, "points outside the repository", "pyproject.toml")


def test_a_config_symlinked_inside_the_repository_is_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "conf").mkdir()
    (repo / "conf" / "factcheck.toml").write_text('fail-on = "never"\n', "utf-8")
    (repo / ".factcheck.toml").symlink_to(repo / "conf" / "factcheck.toml")
    code, _, _ = _check(capsys)
    assert code == 0  # the file's setting applies
    os.unlink(repo / ".factcheck.toml")
    code, _, _ = _check(capsys)
    assert code == 1  # without it, the conflict fails the run


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(repo / ".factcheck.toml")  # opened for reading, it would wait for a writer forever
    code, out, err = _check(capsys)
    assert code == 2 and out == ""
    _one_error(err, "a FIFO (named pipe)", ".factcheck.toml")
    os.mkfifo(repo / "ci.toml")
    code, _, err = _check(capsys, "--config", "ci.toml")
    assert code == 2
    _one_error(err, "a FIFO (named pipe)", "ci.toml")


def test_an_oversized_config_is_refused_before_it_is_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(repo / ".factcheck.toml", "wb") as f:  # a real file of the cap plus one byte
        f.write(b'fail-on = "never"\n# ')
        f.truncate(MAX_FILE_BYTES + 1)
    code, out, err = _check(capsys)
    assert code == 2 and out == ""
    _one_error(err, "too large", "the limit is 10,000,000 bytes", ".factcheck.toml")


def test_a_config_that_is_not_utf8(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".factcheck.toml").write_bytes(b'fail-on = "n\xe9ver"\n')
    code, _, err = _check(capsys)
    assert code == 2
    _one_error(err, "not UTF-8", ".factcheck.toml")


def test_plain_configs_still_apply(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _check(capsys)
    assert code == 1  # no configuration: the conflict fails the run
    (repo / ".factcheck.toml").write_text('\ufefffail-on = "never"\n', "utf-8")
    code, _, err = _check(capsys)
    assert code == 0, err  # a byte-order mark is allowed, as in story.toml
    (repo / ".factcheck.toml").unlink()
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "never"\n[tool.x]\nn = [[1, 2], {a = 3}]\n',
                                         "utf-8")
    code, _, err = _check(capsys)
    assert code == 0, err
