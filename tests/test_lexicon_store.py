"""The lexicon cache (factcheck.extract.store): parsed lexicons kept in one file of the user's
cache folder, used only by the same build on the same data files, rebuilt when stale or
corrupt, and never a change to what is extracted or reported."""

from __future__ import annotations

import hashlib
import importlib
import marshal
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import factcheck._version
from factcheck.extract import people, store

LEX = importlib.import_module("factcheck.extract.lexicon")  # the package's name "lexicon" is a function
DEMO = Path(__file__).parents[1] / "claims" / "marseille-3d-weapons"


def _forget_tables() -> None:
    """As a new process starts: nothing read from the file, nothing memoised."""
    store.forget_state()
    for memo in (LEX._load, LEX.lexicon, LEX.concepts, people._lists, people._not_names, people._kin):
        memo.cache_clear()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "cache"
    monkeypatch.setenv(store.DIR_ENV, str(where))
    monkeypatch.delenv(store.NO_CACHE_ENV, raising=False)
    _forget_tables()
    yield where
    _forget_tables()  # the tests after this one build their tables afresh


def _built_afresh(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the tables built (not read from the file) from now on."""
    built: list[str] = []
    make_lexicon, make_concepts = LEX._lexicon, LEX._concepts

    def lexicon(lang: str) -> object:
        built.append(f"lexicon:{lang}")
        return make_lexicon(lang)

    def concepts(lang: str) -> object:
        built.append(f"concepts:{lang}")
        return make_concepts(lang)

    monkeypatch.setattr(LEX, "_lexicon", lexicon)
    monkeypatch.setattr(LEX, "_concepts", concepts)
    return built


def _tables() -> tuple[object, ...]:
    return (LEX.lexicon("en"), LEX.lexicon("fr"), LEX.concepts("en"), LEX.concepts("fr"),
            people._lists("en"), LEX._load("units.toml"))


def test_tables_read_back_equal_the_built_ones(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = _built_afresh(monkeypatch)
    fresh = _tables()
    assert built == ["lexicon:en", "lexicon:fr", "concepts:en", "concepts:fr"]
    store.save()
    assert (folder / store.FILE).is_file()
    _forget_tables()
    built.clear()
    again = _tables()
    assert built == []  # every table came from the file
    assert again == fresh
    assert type(again[0].hedges) is tuple and type(again[0].stop) is frozenset  # type: ignore[attr-defined]


@pytest.mark.parametrize("change", ["lexicon", "version"])
def test_a_file_of_another_build_is_rebuilt_quietly(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    fresh = _tables()
    store.save()
    before = (folder / store.FILE).read_bytes()
    _forget_tables()
    if change == "lexicon":  # the data files changed: their hash is another
        monkeypatch.setattr(store, "data_hash", lambda package: "0" * 64)
    else:
        monkeypatch.setattr(factcheck._version, "__version__", "99.0.0")
    built = _built_afresh(monkeypatch)
    assert _tables() == fresh
    assert built == ["lexicon:en", "lexicon:fr", "concepts:en", "concepts:fr"]  # none read from the file
    store.save()
    assert (folder / store.FILE).read_bytes() != before  # now this build's
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b[:-40] + bytes(40),  # the end overwritten
        lambda b: b"",
        lambda b: b"some other file\n",
    ],
    ids=["cut", "overwritten", "empty", "foreign"],
)
def test_a_corrupt_file_is_rebuilt_with_a_warning(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], damage: object
) -> None:
    fresh = _tables()
    store.save()
    path = folder / store.FILE
    good = path.read_bytes()
    path.write_bytes(damage(good))  # type: ignore[operator]
    _forget_tables()
    built = _built_afresh(monkeypatch)
    assert _tables() == fresh
    assert "lexicon:en" in built
    err = capsys.readouterr().err
    assert err.count("warning: the lexicon cache") == 1 and "rebuilt" in err
    store.save()  # written again, whole: the next run reads every table from it
    _forget_tables()
    built.clear()
    assert _tables() == fresh
    assert built == [] and capsys.readouterr().err == ""


def test_a_table_of_the_wrong_shape_is_rebuilt_with_a_warning(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = _tables()
    body = marshal.dumps({"lexicon:en": ["not", "a", "record"], "concepts:en": {"colour": 1}})
    head = f"{store.FORMAT} {store.key()} {hashlib.sha256(body).hexdigest()}\n".encode()
    folder.mkdir(parents=True)
    (folder / store.FILE).write_bytes(head + body)  # a valid checksum over the wrong data
    _forget_tables()
    assert _tables() == fresh
    assert "a table of the wrong shape" in capsys.readouterr().err


def test_no_cache_and_an_unwritable_folder(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(store.NO_CACHE_ENV, "1")
    built = _built_afresh(monkeypatch)
    _tables()
    store.save()
    assert "lexicon:en" in built and not folder.exists()
    monkeypatch.delenv(store.NO_CACHE_ENV)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv(store.DIR_ENV, str(blocker / "cache"))
    _forget_tables()
    _tables()
    store.save()  # cannot be written: said nowhere, built again next run
    assert capsys.readouterr().err == ""


def test_reports_are_the_same_with_and_without_the_lexicon_cache(tmp_path: Path) -> None:
    story = tmp_path / "claims" / "demo"
    shutil.copytree(DEMO, story, ignore=shutil.ignore_patterns(".cache"))
    env = {**os.environ, store.DIR_ENV: str(tmp_path / "lexicons")}

    def report(**extra: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "factcheck", "check", "claims/demo", "--format", "json", "--fail-on", "never"],
            cwd=tmp_path, env={**env, **extra}, capture_output=True, text=True, timeout=120, check=True,
        )
        assert proc.stderr.count("warning") == 0, proc.stderr
        return proc.stdout

    without = report(FACTCHECK_NO_CACHE="1")
    assert not (tmp_path / "lexicons").exists()
    first = report()  # builds the tables and writes them
    assert (tmp_path / "lexicons" / store.FILE).is_file()
    shutil.rmtree(story / ".cache")  # extract again, from the tables read back
    again = report()
    assert without == first == again
