"""Story folders: story.toml checking, init, fetch against a real loopback server, and
offline reading of the snapshots."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from factcheck.errors import InputError, StoryError
from factcheck.story import (
    SourceSpec,
    Story,
    fetch_story,
    init_story,
    is_story_dir,
    load_story,
    story_documents,
    story_toml,
    write_atomic,
)

DATA = Path(__file__).parent / "data" / "stories"
DEMO = Path(__file__).parents[1] / "claims" / "marseille-3d-weapons"

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour fire destroys two warehouses | Coast News</title>
<meta property="article:published_time" content="2024-02-28T07:00:00+00:00">
</head><body>
<div id="consent">We value your privacy. Accept cookies?</div>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/weather">Weather</a></nav>
<article><h1>Harbour fire destroys two warehouses</h1>
<p>Two warehouses burned down at the harbour overnight on Tuesday, the fire service said.</p>
<p>Around 60 firefighters needed six hours to bring the blaze under control.</p>
<p>Four people were treated for smoke inhalation at the scene and later released.</p>
</article>
<footer>Coast News, all rights reserved. Contact us.</footer>
</body></html>
"""


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    """A copy of tests/data/stories/basic (no .git above: its parent is the root)."""
    dest = tmp_path / "stories" / "basic"
    shutil.copytree(DATA / "basic", dest)
    return dest


def write_story(folder: Path, toml: str, *, draft: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.toml").write_text(toml, encoding="utf-8")
    if draft:
        (folder / "draft.md").write_text("Police arrested 14 people on Monday.\n", "utf-8")
    return folder


# --- load_story ---------------------------------------------------------------------------------


def test_load_story(story_dir: Path) -> None:
    story = load_story(story_dir)
    assert is_story_dir(story_dir) and not is_story_dir(story_dir / "sources")
    assert story.title == "Harbour fire: two warehouses destroyed"
    assert story.root == story_dir.resolve()
    assert story.draft == story_dir.resolve() / "draft.md" and story.draft_lang == "en"
    assert [s.id for s in story.sources] == ["wire", "council"]
    assert story.sources[0] == SourceSpec(id="wire", url="http://127.0.0.1:9/harbour-fire",
                                          lang="en")
    assert story.sources[1].path == "sources/council.html" and story.sources[1].url is None
    assert story.decisions_path == story.root / "decisions.json"
    assert story.snapshot_path("wire") == story.root / "sources" / "wire.txt"
    assert story.snapshot_meta_path("wire") == story.root / "sources" / "wire.json"
    assert load_story(story_dir / "story.toml") == story  # the file itself works too


def test_title_defaults_to_the_folder_name(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "s" / "my-story", 'draft = "draft.md"\n')
    story = load_story(folder)
    assert story.title == "my-story" and story.sources == ()


GOOD_SOURCE = '[[sources]]\nid = "wire"\nurl = "https://wire.example.org/a"\n'


@pytest.mark.parametrize(
    ("toml", "where", "message"),
    [
        pytest.param('title = "x"\ndraft = "draft.md"\nlang = en\n', ":3:8", "TOML syntax error",
                     id="syntax-error"),
        pytest.param('title = "x\ndraft = "draft.md"\n', ":1:", "TOML syntax error",
                     id="unclosed-string"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "a"\nurl = "https://x.example/a"\n'
                     'id = "b"\n', ":5:", "TOML syntax error", id="key-twice"),
        pytest.param('draft = "draft.md"\nauthor = "me"\n', ":2:1", "author: unknown key (expected title, draft",
                     id="unknown-key"),
        pytest.param('draft = "draft.md"\n\n[[source]]\nid = "a"\nurl = "https://x.example/a"\n',
                     ":3:1", "source: unknown key", id="misspelt-table"),
        pytest.param('draft = "draft.md"\n' + GOOD_SOURCE + 'title = "x"\n', ":5:1",
                     "sources[1].title: unknown key (expected id, url", id="unknown-source-key"),
        pytest.param('title = "x"\n' + GOOD_SOURCE, ":1:1", 'draft: missing (required: the path of the draft',
                     id="missing-draft"),
        pytest.param('draft = "draft.md"\n[[sources]]\nurl = "https://x.example/a"\n', ":2:1",
                     'sources[1].id: missing (required: every source has one', id="missing-id"),
        pytest.param('draft = "draft.md"\n' + GOOD_SOURCE + "\n" + GOOD_SOURCE, ":7:1",
                     "duplicate source id 'wire' (first at line 3)", id="duplicate-ids"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "etc"\npath = "../../etc/passwd"\n',
                     ":4:1", "points outside the repository", id="path-traversal"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "etc"\npath = "/etc/passwd"\n',
                     ":4:1", "points outside the repository", id="absolute-path"),
        pytest.param('draft = "../../../draft.md"\n', ":1:1", "draft: '../../../draft.md' points "
                     "outside", id="draft-traversal"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "w"\nurl = "https://x.example/a"\n'
                     'path = "w.txt"\n', ":4:1", "exactly one of url or path",
                     id="both-url-and-path"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "w"\nlang = "en"\n', ":2:1",
                     "exactly one of url or path", id="neither-url-nor-path"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "w"\nurl = "ftp://x.example/a"\n',
                     ":4:1", "sources[1].url: must be http(s)://..., not 'ftp:", id="ftp-url"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "../w"\nurl = "https://x.example/"\n',
                     ":3:1", "invalid id", id="id-with-slash"),
        pytest.param('draft = "draft.md"\n[[sources]]\nid = "draft"\nurl = "https://x.example/"\n',
                     ":3:1", "invalid id", id="id-draft-reserved"),
        pytest.param('draft = "draft.md"\nlang = "de"\n', ":2:1", "unknown lang 'de'",
                     id="unknown-lang"),
        pytest.param('draft = 3\n', ":1:1", "draft: must be a non-empty string, not 3", id="draft-number"),
        pytest.param('draft = "draft.md"\nsources = "wire"\n', ":2:1", "[[sources]] tables",
                     id="sources-not-tables"),
    ],
)
def test_story_toml_errors(tmp_path: Path, toml: str, where: str, message: str) -> None:
    folder = write_story(tmp_path / "stories" / "s", toml)
    with pytest.raises(StoryError) as err:
        load_story(folder)
    text = str(err.value)
    assert f"story.toml{where}" in text, text
    assert message in text, text


def test_not_utf8_story_toml(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "story.toml").write_bytes(b'title = "caf\xe9"\ndraft = "d.md"\n')
    with pytest.raises(StoryError, match="not UTF-8"):
        load_story(folder)


def test_not_a_story_folder(tmp_path: Path) -> None:
    with pytest.raises(StoryError, match="no story.toml"):
        load_story(tmp_path)


def test_paths_may_leave_the_story_but_not_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "notes").mkdir()
    (repo / "notes" / "wire.txt").write_text("Police arrested 14 people.\n", "utf-8")
    folder = repo / "claims" / "s"
    inside = 'draft = "draft.md"\n[[sources]]\nid = "w"\npath = "../../notes/wire.txt"\n'
    story = load_story(write_story(folder, inside))
    assert story.source_file(story.sources[0]) == (repo / "notes" / "wire.txt").resolve()
    (tmp_path / "secret.txt").write_text("x", "utf-8")
    write_story(folder, inside.replace("../../notes/wire.txt", "../../../secret.txt"))
    with pytest.raises(StoryError, match="outside the repository"):
        load_story(folder)
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")  # a symlink out is refused too
    write_story(folder, inside.replace("../../notes/wire.txt", "link.txt"))
    with pytest.raises(StoryError, match="outside the repository"):
        load_story(folder)


# --- init_story ---------------------------------------------------------------------------------


def test_init_writes_a_story_and_snapshots_file_sources(
    story_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path / "stories")
    title = 'Fire at the "harbour" \\ quay\ttwo — été'
    story = init_story(
        "new-story", draft="basic/draft.md", title=title,
        sources=["basic/sources/council.html", "https://wire.example.org/fire", "basic/draft.md"],
    )
    toml = (tmp_path / "stories" / "new-story" / "story.toml").read_text("utf-8")
    data = tomllib.loads(toml)
    assert data["title"] == title and story.title == title
    assert data["draft"] == "../basic/draft.md"
    assert [s.id for s in story.sources] == ["council", "wire-example-org-fire", "draft-2"]
    assert story.sources[0].path == "../basic/sources/council.html"
    assert story.sources[1].url == "https://wire.example.org/fire"
    # file sources are snapshotted at once, URLs wait for `factcheck fetch`
    text = story.snapshot_path("council").read_text("utf-8")
    assert "60 firefighters" in text and "cookies" not in text and "Privacy" not in text
    meta = json.loads(story.snapshot_meta_path("council").read_text("utf-8"))
    raw = (story_dir / "sources" / "council.html").read_bytes()
    assert meta["sha256"] == hashlib.sha256(raw).hexdigest()
    assert meta["title"] == "Statement on the harbour fire" and meta["url"] is None
    assert not story.snapshot_path("wire-example-org-fire").exists()
    assert load_story(story.root) == story


def test_init_refuses_to_overwrite_a_story(story_dir: Path) -> None:
    before = (story_dir / "story.toml").read_bytes()
    with pytest.raises(StoryError, match="already exists"):
        init_story(story_dir, draft=str(story_dir / "draft.md"), sources=[], title=None)
    assert (story_dir / "story.toml").read_bytes() == before


def test_init_refuses_a_missing_draft_or_one_outside_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    with pytest.raises(InputError, match="draft not found"):
        init_story(repo / "claims" / "s", draft=str(repo / "nope.md"), sources=[], title=None)
    outside = tmp_path / "draft.md"
    outside.write_text("Police arrested 14 people.\n", "utf-8")
    with pytest.raises(StoryError, match="outside the repository"):
        init_story(repo / "claims" / "s", draft=str(outside), sources=[], title=None)
    assert not (repo / "claims" / "s" / "story.toml").exists()


def test_init_fails_before_writing_when_a_file_source_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text("Police arrested 14 people.\n", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        init_story(tmp_path / "s", draft=str(tmp_path / "draft.md"),
                   sources=[str(tmp_path / "empty.txt")], title="t")
    assert not (tmp_path / "s" / "story.toml").exists()


def test_story_toml_writer_round_trips_awkward_strings() -> None:
    specs = [SourceSpec(id="a", url='https://x.example/?q="1"&r=\\'),
             SourceSpec(id="b", path="sources/é b.html", lang="fr")]
    title = 'line\nbreak, "quotes", tab\t, bell\x07, del\x7f, ünïcødé'
    data = tomllib.loads(story_toml(title, "d.md", specs, lang="en"))
    assert data == {
        "title": title, "draft": "d.md", "lang": "en",
        "sources": [{"id": "a", "url": specs[0].url},
                    {"id": "b", "path": "sources/é b.html", "lang": "fr"}],
    }


# --- fetch_story --------------------------------------------------------------------------------


def url_story(folder: Path, url: str) -> Story:
    shutil.copytree(DATA / "basic", folder)
    toml = (folder / "story.toml").read_text("utf-8").replace("http://127.0.0.1:9/harbour-fire",
                                                               url)
    (folder / "story.toml").write_text(toml, "utf-8")
    for name in ("wire.txt", "wire.json"):
        (folder / "sources" / name).unlink()
    return load_story(folder)


def test_fetch_writes_snapshots_and_keeps_them_when_a_fetch_fails(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/fire").respond_with_data(
        ARTICLE, content_type="text/html; charset=utf-8"
    )
    story = url_story(tmp_path / "s", httpserver.url_for("/fire"))

    infos = fetch_story(story)
    assert [(i.id, i.error) for i in infos] == [("wire", None), ("council", None)]
    assert infos[0].title == "Harbour fire destroys two warehouses"
    text = story.snapshot_path("wire").read_text("utf-8")
    assert "Around 60 firefighters" in text and "Four people" in text
    assert "cookies" not in text and "Weather" not in text and "rights reserved" not in text
    meta = json.loads(story.snapshot_meta_path("wire").read_text("utf-8"))
    assert meta["url"] == meta["final_url"] == httpserver.url_for("/fire")
    assert meta["status"] == 200 and meta["lang"] == "en"
    assert meta["sha256"] == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert meta["published"] == "2024-02-28" and meta["fetched_at"][:2] == "20"
    assert meta["title"] == "Harbour fire destroys two warehouses"
    assert story.snapshot_path("council").is_file()

    # the page goes away: the error is reported, the snapshot stays as it was
    before = {p.name: p.read_bytes() for p in story.sources_dir.iterdir()}
    httpserver.clear()
    httpserver.expect_request("/fire").respond_with_data("gone", status=404)
    (story.root / "sources" / "council.html").unlink()
    infos = fetch_story(story)
    error = infos[0].error or ""
    assert "HTTP 404" in error and "kept the previous snapshot" in error
    assert "no such file" in (infos[1].error or "")
    after = {p.name: p.read_bytes() for p in story.sources_dir.iterdir()}
    assert after == {k: v for k, v in before.items() if k != "council.html"}


def test_fetch_records_the_final_url_after_a_redirect(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/new")}
    )
    httpserver.expect_request("/new").respond_with_data(
        "Two warehouses burned down. 60 firefighters were there.\n",
        content_type="text/plain; charset=utf-8",
    )
    story = url_story(tmp_path / "s", httpserver.url_for("/old"))
    assert fetch_story(story)[0].error is None
    meta = json.loads(story.snapshot_meta_path("wire").read_text("utf-8"))
    assert meta["final_url"] == httpserver.url_for("/new") and meta["content_type"] == "text/plain"
    assert story.snapshot_path("wire").read_text("utf-8").startswith("Two warehouses")


# --- story_documents ------------------------------------------------------------------------------


def test_story_documents_reads_snapshots_offline(
    story_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    story = load_story(story_dir)  # wire's URL is a closed port: any fetch would fail
    draft, docs, infos = story_documents(story)
    assert draft.id == "draft" and draft.origin == "stories/basic/draft.md"
    assert "About 60 firefighters" in draft.text
    # the council page has never been snapshotted in the fixture
    assert [d.id for d in docs] == ["wire"]
    wire = docs[0]
    assert wire.origin == "stories/basic/sources/wire.txt"
    assert wire.meta["url"] == "http://127.0.0.1:9/harbour-fire"
    assert wire.title == "Harbour fire destroys two warehouses" and wire.lang == "en"
    assert wire.text == (story_dir / "sources" / "wire.txt").read_text("utf-8")
    assert [(i.id, i.error) for i in infos] == [
        ("wire", None),
        ("council", "no snapshot: run `factcheck fetch stories/basic`"),
    ]


def test_story_documents_with_extra_sources_and_refresh(
    story_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    extra = tmp_path / "wire.txt"  # its natural id, "wire", is taken by the story
    extra.write_text("Firefighters said 60 of them fought the fire.\n", "utf-8")
    _, docs, infos = story_documents(load_story(story_dir), refresh=True,
                                     extra_sources=[str(extra), str(tmp_path / "missing.txt")])
    by_id = {i.id: i for i in infos}
    assert list(by_id) == ["wire", "council", "wire-2", "missing"]
    # the refresh of wire failed (closed port): its old snapshot is used, and said so
    assert "refresh failed" in (by_id["wire"].error or "")
    assert by_id["council"].error is None and by_id["wire-2"].error is None
    assert "no such file" in (by_id["missing"].error or "")
    assert [d.id for d in docs] == ["wire", "council", "wire-2"]


def test_broken_snapshot_metadata_is_reported(story_dir: Path) -> None:
    (story_dir / "sources" / "wire.json").write_text("{oops", "utf-8")
    _, docs, infos = story_documents(load_story(story_dir))
    assert docs == [] and "not valid JSON" in (infos[0].error or "")


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_text("old", "utf-8")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["x.json"]


# --- the demo story -----------------------------------------------------------------------


def test_the_demo_story_is_complete_and_readable_offline() -> None:
    story = load_story(DEMO)
    assert [s.id for s in story.sources] == [
        "wire-en", "radio-en", "weekly-en", "regional-html", "quotidien-fr"
    ]
    draft, docs, infos = story_documents(story)
    assert all(i.error is None for i in infos), infos
    assert {d.id: d.lang for d in docs}["quotidien-fr"] == "fr"
    assert "14 people" in draft.text
    regional = next(d for d in docs if d.id == "regional-html")
    assert "Six suspects were remanded" in regional.text
    assert "cookies" not in regional.text and "newsletter" not in regional.text.lower()
    for spec in story.sources:
        meta = json.loads(story.snapshot_meta_path(spec.id).read_text("utf-8"))
        assert meta["url"] == spec.url and meta["lang"] == spec.lang
