"""One path and size policy for every file factcheck reads or writes: inside the
repository (symlinks resolved), regular files only (a FIFO or a device refused at once),
the size cap before reading, writes that never follow a symlink, and an `init` that leaves
nothing behind when it fails. Real files, FIFOs and symlinks; no mocks."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from factcheck.cli import main
from factcheck.decisions import Decision, Ledger, new_decision
from factcheck.errors import LedgerError, StoryError
from factcheck.story import load_story

DRAFT = "Police arrested 14 people in Lyon on Monday.\n"
WIRE = "Police arrested 14 people in Lyon on Monday, the prosecutor said.\n"
PATH_STORY = 'title = "t"\ndraft = "draft.md"\n\n[[sources]]\nid = "wire"\npath = "report.txt"\n'
T = TypeVar("T")
SECRET = "Police arrested 999 people in Lyon on Monday.\n"


def _story(tmp_path: Path) -> tuple[Path, Path]:
    """(repository, story folder): a URL source whose snapshot is sources/wire.txt."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    story = repo / "claims" / "s"
    (story / "sources").mkdir(parents=True)
    (story / "draft.md").write_text(DRAFT, "utf-8")
    (story / "story.toml").write_text(
        'title = "t"\ndraft = "draft.md"\n\n[[sources]]\nid = "wire"\nurl = "https://example.com/a"\n', "utf-8"
    )
    (story / "sources" / "wire.txt").write_text(WIRE, "utf-8")
    return repo, story


def _check(story: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", str(story), "--format", "json"])
    out, err = capsys.readouterr()
    return code, out, err


def _timed(fn: Callable[[], T], limit: float = 5.0) -> T:
    """Run ``fn`` in a thread; fail (instead of hanging the suite) if it takes over ``limit``."""
    result: list[T] = []
    t = threading.Thread(target=lambda: result.append(fn()), daemon=True)
    t.start()
    t.join(limit)
    assert not t.is_alive(), f"still blocked after {limit} s"
    return result[0]


def test_the_story_reads_normally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, story = _story(tmp_path)
    code, out, _ = _check(story, capsys)
    assert code == 0 and json.loads(out)["sources"][0].get("error") is None


def test_a_snapshot_symlinked_outside_the_repository_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, story = _story(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    snap = story / "sources" / "wire.txt"
    snap.unlink()
    snap.symlink_to(secret)
    code, out, err = _check(story, capsys)
    assert code == 2
    assert "999" not in out
    (src,) = json.loads(out)["sources"]
    assert "points outside the repository" in src["error"]


def test_snapshot_metadata_symlinked_outside_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, story = _story(tmp_path)
    outside = tmp_path / "meta.json"
    outside.write_text('{"title": "secret title"}', "utf-8")
    (story / "sources" / "wire.json").symlink_to(outside)
    code, out, _ = _check(story, capsys)
    assert code == 2 and "secret title" not in out


def test_a_snapshot_over_the_cap_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, story = _story(tmp_path)
    with open(story / "sources" / "wire.txt", "r+b") as f:
        f.truncate(30_000_000)  # sparse: 30 MB on paper
    t0 = time.perf_counter()
    code, out, _ = _check(story, capsys)
    assert time.perf_counter() - t0 < 5
    assert code == 2
    assert "too large (30,000,000 bytes): the limit is 10,000,000 bytes" in json.loads(out)["sources"][0]["error"]


def test_a_fifo_snapshot_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, story = _story(tmp_path)
    snap = story / "sources" / "wire.txt"
    snap.unlink()
    os.mkfifo(snap)
    code, out, _ = _timed(lambda: _check(story, capsys))
    assert code == 2 and "FIFO" in json.loads(out)["sources"][0]["error"]


def test_a_fifo_or_a_device_as_the_draft_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    source = tmp_path / "wire.txt"
    source.write_text(WIRE, "utf-8")
    for draft in (str(fifo), "/dev/zero"):
        code = _timed(lambda d=draft: main(["check", d, "--source", str(source)]))  # type: ignore[misc]
        err = capsys.readouterr().err
        assert code == 2 and "not a regular file" in err, err
    real = tmp_path / "real.txt"
    real.write_text(DRAFT, "utf-8")
    code = _timed(lambda: main(["check", str(real), "--source", str(fifo)]))  # a FIFO source too
    assert code == 2 and "FIFO" in capsys.readouterr().out


def test_a_story_draft_that_is_a_fifo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, story = _story(tmp_path)
    (story / "draft.md").unlink()
    os.mkfifo(story / "draft.md")
    code = _timed(lambda: main(["check", str(story)]))
    assert code == 2 and "FIFO" in capsys.readouterr().err


def test_story_toml_symlinked_outside_the_repository_is_refused(tmp_path: Path) -> None:
    _, story = _story(tmp_path)
    outside = tmp_path / "story.toml"
    outside.write_text((story / "story.toml").read_text("utf-8"), "utf-8")
    (story / "story.toml").unlink()
    (story / "story.toml").symlink_to(outside)
    with pytest.raises(StoryError, match="points outside the repository"):
        load_story(story)


def test_fetch_never_writes_through_a_symlinked_sources_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, story = _story(tmp_path)
    (story / "report.txt").write_text(WIRE, "utf-8")
    (story / "story.toml").write_text(PATH_STORY, "utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (story / "sources" / "wire.txt").unlink()
    (story / "sources").rmdir()
    (story / "sources").symlink_to(outside, target_is_directory=True)
    code = main(["fetch", str(story)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "outside the repository" in out + err
    assert list(outside.iterdir()) == []


def test_a_snapshot_symlink_is_replaced_not_written_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, story = _story(tmp_path)
    (story / "report.txt").write_text(WIRE, "utf-8")
    (story / "story.toml").write_text(PATH_STORY, "utf-8")
    inside_target = story / "target.txt"
    inside_target.write_text("untouched\n", "utf-8")
    snap = story / "sources" / "wire.txt"
    snap.unlink()
    snap.symlink_to(inside_target)
    assert main(["fetch", str(story)]) == 0
    capsys.readouterr()
    assert inside_target.read_text("utf-8") == "untouched\n"
    assert not snap.is_symlink() and snap.read_text("utf-8") == WIRE


def _decision() -> Decision:
    from factcheck.extract import extract_claims
    from factcheck.models import Document

    (claim,) = extract_claims(Document(id="draft", text=DRAFT))[:1]
    return new_decision(claim, "wire", "k" * 16, "confirmed", "ok", who="tester")


def test_the_ledger_lock_is_never_opened_through_a_symlink(tmp_path: Path) -> None:
    _, story = _story(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", "utf-8")
    (story / "decisions.json.lock").symlink_to(victim)
    ledger = Ledger.open(story / "decisions.json")
    with pytest.raises(LedgerError, match="cannot lock"):
        ledger.record(_decision())
    assert victim.read_text("utf-8") == "keep\n"
    assert not (story / "decisions.json").exists()


def test_a_ledger_symlinked_outside_the_repository_is_refused(tmp_path: Path) -> None:
    _, story = _story(tmp_path)
    outside = tmp_path / "decisions.json"
    outside.write_text('{"version": 1, "decisions": []}\n', "utf-8")
    (story / "decisions.json").symlink_to(outside)
    with pytest.raises(LedgerError, match="points outside the repository"):
        Ledger.open(story / "decisions.json")
    dangling = story / "other.json"
    dangling.symlink_to(tmp_path / "missing.json")
    with pytest.raises(LedgerError, match="symlink"):
        Ledger.open(dangling)


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (40, 40))


def test_init_leaves_nothing_behind_when_a_write_fails(tmp_path: Path) -> None:
    """A write that fails (here: a file-size limit, as a full disk would) leaves no
    story.toml to block the retry, which then succeeds."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "draft.md").write_text(DRAFT, "utf-8")
    (repo / "wire.txt").write_text(WIRE, "utf-8")
    args = [sys.executable, "-m", "factcheck", "init", "claims/new", "--draft", "draft.md",
            "--source", "wire.txt", "--title", "A story whose story.toml is longer than forty bytes"]
    failed = subprocess.run(args, cwd=repo, preexec_fn=_limit_file_size, capture_output=True, text=True, timeout=60)
    assert failed.returncode == 2, failed.stderr
    assert "Traceback" not in failed.stderr and "nothing was left behind" in failed.stderr
    assert not (repo / "claims").exists()
    ok = subprocess.run(args, cwd=repo, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert load_story(repo / "claims" / "new").title.startswith("A story")
