"""story.toml judged by the pydantic model of factcheck.story_model: one line per bad field
(the file, line and column, the field's path, what is wrong), exit code 2; a file that is
plainly right is taken without pydantic, and both ways give the same Story."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from cli_fixtures import run

from factcheck.errors import StoryFileError
from factcheck.lang import LANGS
from factcheck.story import STORY_FILE, _plain, _story, _Where, load_story, repo_root, story_toml
from factcheck.story_model import field_path, judge

ROOT = Path(__file__).resolve().parents[1]
BAD = Path(__file__).parent / "data" / "bad_stories"


def _table() -> list[tuple[str, str]]:
    rows = []
    for line in (BAD / "expected.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, expected = line.split("\t")
            rows.append((name, expected.replace("{langs}", " or ".join(LANGS))))
    return rows


TABLE = _table()


def test_the_table_covers_every_file() -> None:
    assert sorted(n for n, _ in TABLE) == sorted(p.stem for p in BAD.glob("*.toml"))
    assert len(TABLE) >= 12


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    story = tmp_path / "claims" / "s"
    story.mkdir(parents=True)
    (story / "draft.md").write_text("Two warehouses burnt down on Monday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("name", "expected"), [pytest.param(n, e, id=n) for n, e in TABLE])
def test_bad_story_toml(repo: Path, capsys: pytest.CaptureFixture[str], name: str,
                        expected: str) -> None:
    toml = repo / "claims" / "s" / STORY_FILE
    toml.write_bytes((BAD / f"{name}.toml").read_bytes())
    code, out, err = run(capsys, "check", "claims/s")
    assert (code, out) == (2, "")
    assert err == f"factcheck: error: claims/s/story.toml{expected}\n"
    data = tomllib.loads(toml.read_text("utf-8"))
    root = toml.parent.resolve()
    assert not _plain(data, root, repo_root(root))  # the plain way never takes a bad file


def test_every_bad_field_is_listed(repo: Path) -> None:
    (repo / "claims" / "s" / STORY_FILE).write_bytes((BAD / "several.toml").read_bytes())
    with pytest.raises(StoryFileError) as err:
        load_story(repo / "claims" / "s")
    assert err.value.problems == (
        "claims/s/story.toml:1:1: title: must be a non-empty string, not ''",
        "claims/s/story.toml:7:1: sources[1].date: must be a day, YYYY-MM-DD, not '2024-02-30'",
        f"claims/s/story.toml:8:1: sources[1].lang: unknown lang 'de' (expected {' or '.join(LANGS)})",
    )
    assert err.value.exit_code == 2


def test_field_path() -> None:
    assert field_path(("sources", 1, "date")) == "sources[2].date"
    assert field_path(("draft",)) == "draft" and field_path(("sources", 0)) == "sources[1]"


# --- what is accepted, both ways ---------------------------------------------------------------

GOOD = {
    "minimal": 'draft = "draft.md"\n',
    "toml-dates": 'draft = "draft.md"\ndate = 2024-02-05\n\n[[sources]]\nid = "w"\n'
                  'url = "https://w.example/a"\ndate = 2024-02-04\n',
    "string-dates": 'draft = "draft.md"\ndate = "2024-02-05"\n\n[[sources]]\nid = "w"\n'
                    'path = "w.txt"\ndate = "2024-02-04"\nlang = "fr"\n',
    "inline-sources": 'title = "T"\ndraft = "draft.md"\nsources = [{id = "a", url = "http://a.example/"}]\n',
    "no-sources": 'draft = "draft.md"\nsources = []\n',
    "written": story_toml("A title", "draft.md", [], lang="en"),
}


def _stories() -> list[Path]:
    return sorted((ROOT / "claims").glob(f"*/{STORY_FILE}")) + sorted(
        (ROOT / "tests" / "data" / "stories").glob(f"*/{STORY_FILE}"))


def _both_ways(toml: Path) -> None:
    text = toml.read_text("utf-8").removeprefix("\ufeff")
    data = tomllib.loads(text)
    root = toml.parent.resolve()
    top = repo_root(root)
    assert _plain(data, root, top), toml
    judged = judge(data, _Where(str(toml), text), root, top)
    assert _story(judged, root) == _story(data, root) == load_story(toml.parent)


@pytest.mark.parametrize("toml", _stories(), ids=lambda p: p.parent.name)
def test_the_project_stories_load_the_same_both_ways(toml: Path) -> None:
    _both_ways(toml)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_story_toml_loads_the_same_both_ways(repo: Path, name: str) -> None:
    toml = repo / "claims" / "s" / STORY_FILE
    toml.write_text(GOOD[name], encoding="utf-8")
    _both_ways(toml)


def test_a_good_story_imports_no_pydantic() -> None:
    code = ("import sys; from factcheck.story import load_story; "
            "load_story('claims/marseille-3d-weapons'); print('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
