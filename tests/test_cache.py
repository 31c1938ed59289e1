"""The claim cache of a story folder: used only when its key fits, rebuilt otherwise, and
never a change to the report."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import _version, cache
from factcheck.cache import ClaimCache, forget, story_of
from factcheck.extract import extract_claims, store
from factcheck.models import Document
from factcheck.pipeline import check
from factcheck.report.json import render as render_json
from factcheck.run import run_check
from factcheck.story import fetch_story, load_story

DEMO = Path(__file__).parents[1] / "claims" / "marseille-3d-weapons"


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo story, without any cache it may have, as the current folder."""
    dest = tmp_path / "claims" / "demo"
    shutil.copytree(DEMO, dest, ignore=shutil.ignore_patterns(".cache"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return dest


def report_of(story: Path) -> str:
    return render_json(run_check(str(story)))


def entries(story: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((story / ".cache").glob("*.json"))}


def test_reports_are_the_same_with_and_without_the_cache(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    without = report_of(demo)
    assert not (demo / ".cache").exists()
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    first = report_of(demo)  # writes the cache
    written = entries(demo)
    assert set(written) == {"draft.json"} | {f"{s.id}.json" for s in load_story(demo).sources}
    again = report_of(demo)  # reads it
    assert without == first == again
    assert entries(demo) == written  # a hit rewrites nothing
    assert (demo / ".cache" / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    assert capsys.readouterr().err == ""


def test_cached_claims_equal_extracted_ones(tmp_path: Path) -> None:
    text = (DEMO / "sources" / "quotidien-fr.txt").read_text("utf-8")
    doc = Document(id="quotidien-fr", text=text, lang="fr", date="2024-02-05")
    store = ClaimCache(tmp_path / "c")
    fresh = extract_claims(doc, weak=True)
    assert store.get(doc, weak=True) is None
    store.put(doc, fresh, weak=True)
    got = store.get(doc, weak=True)
    assert got == fresh
    assert got is not None and [c.model_dump_json() for c in got] == [c.model_dump_json() for c in fresh]
    assert store.get(doc, weak=False) is None  # weak claims are another entry's


def test_a_changed_snapshot_is_extracted_again(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report_of(demo)
    snap = demo / "sources" / "wire-en.txt"
    before = entries(demo)["wire-en.json"]
    snap.write_text(snap.read_text("utf-8").replace("Police", "Officers", 1) + "\nTwelve people were arrested.\n",
                    "utf-8")
    after = report_of(demo)
    assert entries(demo)["wire-en.json"] != before
    shutil.rmtree(demo / ".cache")
    assert after == report_of(demo)  # what a run with no cache says
    assert capsys.readouterr().err == ""  # a stale entry is rebuilt quietly


def test_another_build_is_extracted_again(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    before = entries(demo)
    monkeypatch.setattr(cache, "_BUILD", [])
    monkeypatch.setattr(_version, "__version__", "99.0.0")
    assert cache.build()["version"] == "99.0.0"
    assert report_of(demo) == expected
    after = entries(demo)
    assert after.keys() == before.keys() and all(after[k] != before[k] for k in after)
    assert all(b'"version":"99.0.0"' in v for v in after.values())
    assert capsys.readouterr().err == ""


def test_a_changed_lexicon_is_extracted_again(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    before = entries(demo)
    monkeypatch.setattr(cache, "_BUILD", [])
    monkeypatch.setattr(store, "data_hash", lambda package: "f" * 64)  # the lexicon data files changed
    assert cache.build()["lexicon"] == "f" * 64
    assert report_of(demo) == expected
    after = entries(demo)
    assert after.keys() == before.keys() and all(after[k] != before[k] for k in after)
    assert all(b'"lexicon":"' + b"f" * 64 + b'"' in v for v in after.values())
    assert capsys.readouterr().err == ""  # stale: rebuilt quietly


def _package_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build: Callable[[], dict[str, str]]
) -> tuple[Path, Callable[[], dict[str, str]]]:
    """A copy of the package that the cache hashes, and ``build`` worked out afresh from it."""
    package = tmp_path / "factcheck"
    shutil.copytree(Path(cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__", "tui"))
    monkeypatch.setattr(cache, "_PACKAGE", package)

    def fresh_build() -> dict[str, str]:
        monkeypatch.setattr(cache, "_BUILD", [])
        return dict(build())

    return package, fresh_build


def test_a_changed_lexicon_or_extraction_code_changes_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, fresh_build = _package_copy(tmp_path, monkeypatch, cache.build)
    base = fresh_build()
    assert base == fresh_build()
    words = package / "lexicon" / "en" / "words.toml"
    words.write_text(words.read_text("utf-8") + "\n# a new comment\n", "utf-8")
    changed = fresh_build()
    assert changed["lexicon"] != base["lexicon"] and changed["code"] == base["code"]
    rule = package / "extract" / "numbers.py"
    rule.write_text(rule.read_text("utf-8") + "\n# a new rule\n", "utf-8")
    assert fresh_build()["code"] != changed["code"]
    changed = fresh_build()
    hooks = package / "langs" / "fr.py"  # a language's hooks are extraction code too
    hooks.write_text(hooks.read_text("utf-8") + "\n# a new hook\n", "utf-8")
    assert fresh_build()["code"] != changed["code"]


def test_an_entry_of_another_build_is_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(id="wire", text="Police arrested 14 people on Monday.")
    store = ClaimCache(tmp_path)
    store.put(doc, extract_claims(doc, weak=True), weak=True)
    monkeypatch.setattr(cache, "_BUILD", [{**cache.build(), "lexicon": "0" * 64}])
    assert store.get(doc, weak=True) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b.replace(b'"span":[', b'"span":[1', 1),  # a span changed under the checksum
        lambda b: b"not json at all\n",
        lambda b: b"",
        lambda b: b.split(b"\n")[0] + b"\n[{\"kind\": 3}]\n",  # a body that does not match its header
    ],
)
def test_a_corrupt_entry_is_rebuilt_with_a_warning(
    demo: Path, damage: object, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    good = entries(demo)["wire-en.json"]
    entry = demo / ".cache" / "wire-en.json"
    entry.write_bytes(damage(good))  # type: ignore[operator]
    capsys.readouterr()
    assert report_of(demo) == expected
    err = capsys.readouterr().err
    assert "warning: wire-en: the cached claims" in err and "rebuilt" in err
    assert entry.read_bytes() == good  # rebuilt


def test_a_forged_entry_with_a_valid_checksum_is_checked_against_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = Document(id="wire", text="Police arrested 14 people on Monday.")
    store = ClaimCache(tmp_path)
    claims = extract_claims(doc, weak=True)
    forged = [c.model_copy(update={"span": c.span.model_copy(update={"end": 10_000})}) for c in claims]
    store.put(doc, forged, weak=True)
    assert store.get(doc, weak=True) is None
    assert "a span outside the text" in capsys.readouterr().err


def test_a_foreign_entry_is_not_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = Document(id="a", text="Police arrested 14 people on Monday.")
    b = Document(id="b", text="Police arrested 14 people on Monday.")
    store = ClaimCache(tmp_path)
    store.put(a, extract_claims(a, weak=True), weak=True)
    (tmp_path / "b.json").write_bytes((tmp_path / "a.json").read_bytes())  # copied over
    assert store.get(b, weak=True) is None
    assert "belong to another document" in capsys.readouterr().err
    header = json.loads((tmp_path / "a.json").read_bytes().split(b"\n")[0])
    header["format"] = "something-else/9"
    (tmp_path / "a.json").write_bytes(json.dumps(header).encode() + b"\n[]\n")
    assert store.get(a, weak=True) is None
    assert "not a factcheck claim cache" in capsys.readouterr().err


def test_fetch_and_refresh_empty_the_cache(demo: Path, tmp_path: Path) -> None:
    story = tmp_path / "claims" / "files"
    (story / "sources").mkdir(parents=True)
    (story / "story.toml").write_text(
        'title = "t"\ndraft = "draft.md"\n[[sources]]\nid = "wire"\npath = "sources/wire.txt"\n', "utf-8"
    )
    (story / "draft.md").write_text("Police arrested 14 people on Monday.\n", "utf-8")
    (story / "sources" / "wire.txt").write_text("Police arrested 15 people on Monday.\n", "utf-8")
    report_of(story)
    assert entries(story)
    fetch_story(load_story(story))
    assert not entries(story)
    report_of(story)
    assert entries(story)
    run_check(str(story), refresh=True)  # fetches first, then fills the cache again
    assert set(entries(story)) == {"draft.json", "wire.json"}
    forget(story)
    assert not entries(story) and (story / ".cache" / ".gitignore").is_file()


def test_only_story_documents_use_the_automatic_cache(demo: Path, tmp_path: Path) -> None:
    snap = demo / "sources" / "wire-en.txt"
    assert story_of(Document(id="wire-en", text="x", origin=str(snap))) == demo
    assert story_of(Document(id="draft", text="x", origin=str(demo / "draft.md"))) == demo
    assert story_of(Document(id="other", text="x", origin=str(snap))) is None  # not its snapshot
    assert story_of(Document(id="wire-en", text="x", origin="https://example.org/sources/wire-en.txt")) is None
    loose = tmp_path / "loose"
    (loose / "sources").mkdir(parents=True)
    draft = Document(id="draft", text="Police arrested 14 people.", origin=str(loose / "draft.md"))
    src = Document(id="a", text="Police arrested 15 people.", origin=str(loose / "sources" / "a.txt"))
    check(draft, [src])
    assert not (loose / ".cache").exists()  # no story.toml: no cache
    explicit = check(draft, [src], cache=ClaimCache(tmp_path / "mine"))
    assert (tmp_path / "mine" / "a.json").is_file()
    assert render_json(explicit) == render_json(check(draft, [src], cache=None))


def test_a_cache_that_cannot_be_written_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    docs = [Document(id=f"s{i}", text=f"Police arrested {i + 2} people.") for i in range(3)]
    draft = Document(id="draft", text="Police arrested 4 people.")
    expected = render_json(check(draft, docs, cache=None))
    assert render_json(check(draft, docs, cache=ClaimCache(blocker / "cache"))) == expected
    err = capsys.readouterr().err
    assert err.count("cannot write the claim cache") == 1


def _linked_elsewhere(link: Path, root: Path) -> Path:
    """``link``, made a symlink to a new empty folder of ``root``: that folder."""
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    link.symlink_to(elsewhere)
    return elsewhere


def test_a_symlinked_cache_folder_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = _linked_elsewhere(tmp_path / "link", tmp_path)
    doc = Document(id="wire", text="Police arrested 14 people on Monday.")
    store = ClaimCache(tmp_path / "link")
    store.put(doc, extract_claims(doc, weak=True), weak=True)
    assert list(elsewhere.iterdir()) == []
    assert "cannot write the claim cache" in capsys.readouterr().err


def test_an_entry_keeps_the_features_alignment_read(tmp_path: Path) -> None:
    from factcheck import signals
    from factcheck.pipeline import clear_caches

    draft = Document(id="draft", text="Police arrested 14 people in Lyon on Monday.")
    wire = Document(id="wire", text="Officers arrested 14 people in Lyon on Monday, the police said.")
    store_ = ClaimCache(tmp_path)
    clear_caches()
    first = check(draft, [wire], cache=store_)
    read = {c.id: signals.known_features(c) for c in extract_claims(wire, weak=True)}
    assert any(read.values())
    assert b"factcheck-claim-cache/3" in (tmp_path / "wire.json").read_bytes()
    clear_caches()
    claims = store_.get(wire, weak=True)
    assert claims is not None
    assert {c.id: signals.known_features(c) for c in claims} == read  # told, not read again
    clear_caches()
    assert check(draft, [wire], cache=store_) == first


def test_corrupt_features_are_rebuilt_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import hashlib

    draft = Document(id="draft", text="Police arrested 14 people in Lyon on Monday.")
    wire = Document(id="wire", text="Officers arrested 14 people in Lyon on Monday, the police said.")
    store_ = ClaimCache(tmp_path)
    check(draft, [wire], cache=store_)
    head, body, read, _ = (tmp_path / "wire.json").read_bytes().split(b"\n")
    bad = json.dumps([[99, "", [], [], [], [], [], [], None]]).encode()  # a claim the entry does not hold
    header = json.loads(head)
    header["features_sha256"] = hashlib.sha256(bad).hexdigest()
    (tmp_path / "wire.json").write_bytes(json.dumps(header).encode() + b"\n" + body + b"\n" + bad + b"\n")
    capsys.readouterr()
    assert store_.get(wire, weak=True) is None
    assert "the features of a claim" in capsys.readouterr().err


def test_an_entry_of_an_older_format_is_rebuilt_quietly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = Document(id="wire", text="Police arrested 14 people on Monday.")
    store_ = ClaimCache(tmp_path)
    store_.put(doc, extract_claims(doc, weak=True), weak=True)
    head, body, _, _ = (tmp_path / "wire.json").read_bytes().split(b"\n")
    header = json.loads(head)
    header["format"] = "factcheck-claim-cache/1"
    (tmp_path / "wire.json").write_bytes(json.dumps(header).encode() + b"\n" + body + b"\n")
    capsys.readouterr()
    assert store_.get(doc, weak=True) is None
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("row", [
    [0, "", ["Lyon", 3], [], [], [], [], [], None],  # a name that is no text
    [0, "", [], {}, [], [], [], [], None],
    [0, 5, [], [], [], [], [], [], None],
    [0, "", [], [], [], [], [], [], 7],
    [0, "", [], [], [], [], [], []],
])
def test_features_rows_are_checked(row: list[object]) -> None:
    doc = Document(id="wire", text="Police arrested 14 people on Monday.")
    with pytest.raises(cache.Corrupt, match="the features of a claim"):
        cache._tell([row], extract_claims(doc, weak=True))


# --- the findings of a source, kept for the same draft and the same claims of it ----------------


def findings_entries(story: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((story / ".cache" / cache.FINDINGS).glob("*.json"))}


def alignments(monkeypatch: pytest.MonkeyPatch, *, itself: bool = False) -> list[str]:
    """Count the documents aligned from now on, each call passed on to the real alignment:
    the sources (the findings of the others were read), or with ``itself`` the passes of the
    draft against itself (its findings were not read)."""
    from factcheck import align

    aligned: list[str] = []
    real = align.align_document

    def counting(*args: object, **kwargs: object) -> object:
        if bool(kwargs.get("itself")) == itself:
            aligned.append(args[1].id)  # type: ignore[attr-defined]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(align, "align_document", counting)
    return aligned


def no_alignment(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """:func:`alignments` of the sources."""
    return alignments(monkeypatch)


def test_a_rerun_reads_the_findings_of_each_source(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    without = report_of(demo)
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    assert report_of(demo) == without  # writes the claims and the findings
    ids = {s.id for s in load_story(demo).sources}
    written = findings_entries(demo)
    assert set(written) == {f"{i}.json" for i in ids} | {cache.ITSELF}  # and the draft against itself
    aligned = no_alignment(monkeypatch)
    itself = self_alignments(monkeypatch)
    assert report_of(demo) == without
    assert aligned == [] and itself == []  # every source's findings read, none aligned again, nor the draft
    assert findings_entries(demo) == written  # a hit rewrites nothing
    assert capsys.readouterr().err == ""


def self_alignments(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """:func:`alignments` of the draft against itself."""
    return alignments(monkeypatch, itself=True)


def test_the_draft_against_itself_is_aligned_again_only_for_another_draft(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report_of(demo)
    entry = demo / ".cache" / cache.FINDINGS / cache.ITSELF
    before = entry.read_bytes()
    snap = demo / "sources" / "wire-en.txt"
    snap.write_text(snap.read_text("utf-8") + "\nTwelve people were arrested.\n", "utf-8")
    itself = self_alignments(monkeypatch)
    report_of(demo)
    assert itself == [] and entry.read_bytes() == before  # a source changed, not the draft
    draft = demo / "draft.md"
    draft.write_text(draft.read_text("utf-8") + "\nTwelve people were arrested on Monday.\n", "utf-8")
    edited = report_of(demo)
    assert itself == ["draft"] and entry.read_bytes() != before
    report_of(demo)
    assert itself == ["draft"]  # read again
    shutil.rmtree(demo / ".cache")
    assert edited == report_of(demo)  # what a run with no cache says
    assert capsys.readouterr().err == ""


def test_corrupt_findings_of_the_draft_against_itself_are_rebuilt(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    folder = demo / ".cache" / cache.FINDINGS
    good = (folder / cache.ITSELF).read_bytes()
    for bad in (good.replace(b'"findings":', b'"findings":1', 1), (folder / "wire-en.json").read_bytes()):
        (folder / cache.ITSELF).write_bytes(bad)
        itself = self_alignments(monkeypatch)
        capsys.readouterr()
        assert report_of(demo) == expected
        assert itself == ["draft"] and "the cached findings of the draft against itself" in capsys.readouterr().err
        assert (folder / cache.ITSELF).read_bytes() == good


def test_findings_are_of_one_draft(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report_of(demo)
    before = findings_entries(demo)
    draft = demo / "draft.md"
    draft.write_text(draft.read_text("utf-8") + "\nTwelve people were arrested on Monday.\n", "utf-8")
    aligned = no_alignment(monkeypatch)
    edited = report_of(demo)
    assert sorted(aligned) == sorted(s.id for s in load_story(demo).sources)  # all aligned again
    after = findings_entries(demo)
    assert after.keys() == before.keys() and all(after[k] != before[k] for k in after)
    shutil.rmtree(demo / ".cache")
    assert edited == report_of(demo)  # what a run with no cache says
    assert capsys.readouterr().err == ""  # stale: rebuilt quietly


def test_findings_are_of_the_claims_of_one_snapshot(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report_of(demo)
    before = findings_entries(demo)
    snap = demo / "sources" / "wire-en.txt"
    snap.write_text(snap.read_text("utf-8") + "\nTwelve people were arrested.\n", "utf-8")
    aligned = no_alignment(monkeypatch)
    after_report = report_of(demo)
    assert aligned == ["wire-en"]  # the others' findings read
    after = findings_entries(demo)
    assert {k for k in after if after[k] != before[k]} == {"wire-en.json"}
    shutil.rmtree(demo / ".cache")
    assert after_report == report_of(demo)
    assert capsys.readouterr().err == ""


def test_findings_of_another_build_or_format_are_rebuilt_quietly(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    entry = demo / ".cache" / cache.FINDINGS / "wire-en.json"
    good = entry.read_bytes()
    head, body, _ = good.split(b"\n")
    header = json.loads(head)
    header["format"] = "factcheck-findings-cache/0"
    entry.write_bytes(json.dumps(header).encode() + b"\n" + body + b"\n")
    aligned = no_alignment(monkeypatch)
    assert report_of(demo) == expected
    assert aligned == ["wire-en"] and entry.read_bytes() == good
    monkeypatch.setattr(cache, "_BUILD", [cache.build(), {**cache.findings_build(), "align": "0" * 64}])
    assert report_of(demo) == expected  # none fits this "build": all aligned, all rewritten
    assert len(aligned) == 1 + len(load_story(demo).sources)
    assert b'"align":"' + b"0" * 64 + b'"' in entry.read_bytes()
    assert capsys.readouterr().err == ""


def test_a_changed_alignment_code_changes_the_findings_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package, fresh_build = _package_copy(tmp_path, monkeypatch, cache.findings_build)
    base = fresh_build()
    assert base == fresh_build()
    for name in ("align.py", "scoring.py", "compare.py", "links.py", "evidence.py", "langs/en.py"):
        code = package / name
        code.write_text(code.read_text("utf-8") + "\n# a new rule\n", "utf-8")
        changed = fresh_build()
        assert changed["align"] != base["align"], name
        base = changed


def test_a_forged_findings_entry_is_not_used(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    expected = report_of(demo)
    entry = demo / ".cache" / cache.FINDINGS / "wire-en.json"
    good = entry.read_bytes()
    head, body, _ = good.split(b"\n")
    rows = json.loads(body)
    assert rows
    for forged, why in (
        ([["no-such-claim", *rows[0][1:]]], "a finding of no claim of the draft"),
        ([[rows[0][0], "agrees", 1.0, "", 0, 10_000_000, None, None, None, None]], "a span outside the text"),
        ([[rows[0][0], "certain", 1.0, "", 0, 1, None, None, None, None]], "a finding of no claim of the draft"),
        ([[rows[0][0], "agrees", "1.0", "", 0, 1, None, None, None, None]], "a finding"),
        ([[rows[0][0], "agrees", 1.0, "", 0, 1, None, {"a": 1}, None, None]], "a value"),
        ([[rows[0][0], "agrees", 1.0, "", 0, 1, None, None, 7, None]], "a finding"),
        ({"not": "a list"}, "not a list of findings"),
    ):
        bad = json.dumps(forged).encode()
        header = json.loads(head)
        header["sha256"] = hashlib.sha256(bad).hexdigest()
        header["findings"] = len(forged)
        entry.write_bytes(json.dumps(header).encode() + b"\n" + bad + b"\n")
        capsys.readouterr()
        assert report_of(demo) == expected
        err = capsys.readouterr().err
        assert "warning: wire-en: the cached findings" in err and why in err and "rebuilt" in err
        assert entry.read_bytes() == good  # rebuilt


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b.replace(b',"agrees",', b',"conflicts",', 1) or b + b"x",  # a verdict changed under the checksum
        lambda b: b"not json at all\n",
        lambda b: b"",
    ],
)
def test_a_corrupt_findings_entry_is_rebuilt_with_a_warning(
    demo: Path, damage: object, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    entry = demo / ".cache" / cache.FINDINGS / "wire-en.json"
    good = entry.read_bytes()
    assert b',"agrees",' in good
    entry.write_bytes(damage(good))  # type: ignore[operator]
    capsys.readouterr()
    assert report_of(demo) == expected
    err = capsys.readouterr().err
    assert "warning: wire-en: the cached findings" in err and "rebuilt" in err
    assert entry.read_bytes() == good


def test_findings_of_another_document_are_not_used(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    folder = demo / ".cache" / cache.FINDINGS
    good = (folder / "wire-en.json").read_bytes()
    (folder / "wire-en.json").write_bytes((folder / "radio-en.json").read_bytes())  # copied over
    capsys.readouterr()
    assert report_of(demo) == expected
    assert "belong to another document" in capsys.readouterr().err
    assert (folder / "wire-en.json").read_bytes() == good


def test_a_corrupt_claims_entry_is_not_hidden_by_its_findings(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = report_of(demo)
    claims_entry = demo / ".cache" / "wire-en.json"
    good = claims_entry.read_bytes()
    claims_entry.write_bytes(good.replace(b'"span":[', b'"span":[1', 1))
    aligned = no_alignment(monkeypatch)
    capsys.readouterr()
    assert report_of(demo) == expected
    assert "warning: wire-en: the cached claims" in capsys.readouterr().err
    assert aligned == ["wire-en"] and claims_entry.read_bytes() == good


def test_own_reasons_neither_read_nor_write_findings(tmp_path: Path) -> None:
    from factcheck.evidence import default_templates

    draft = Document(id="draft", text="Police arrested 14 people in Lyon on Monday.")
    wire = Document(id="wire", text="Officers arrested 15 people in Lyon on Monday.")
    store_ = ClaimCache(tmp_path)
    templates = default_templates()
    with_reasons = check(draft, [wire], cache=store_, reasons=templates)
    assert (tmp_path / "wire.json").is_file() and not (tmp_path / cache.FINDINGS).exists()
    assert check(draft, [wire], cache=store_) == check(draft, [wire], cache=None)
    assert (tmp_path / cache.FINDINGS / "wire.json").is_file()
    assert check(draft, [wire], cache=store_, reasons=templates) == with_reasons


def test_forget_empties_the_findings_too(demo: Path) -> None:
    report_of(demo)
    assert findings_entries(demo)
    forget(demo)
    assert not findings_entries(demo) and not entries(demo)


def test_a_symlinked_findings_folder_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c").mkdir()
    elsewhere = _linked_elsewhere(tmp_path / "c" / cache.FINDINGS, tmp_path)
    draft = Document(id="draft", text="Police arrested 14 people on Monday.")
    wire = Document(id="wire", text="Police arrested 15 people on Monday.")
    expected = render_json(check(draft, [wire], cache=None))
    assert render_json(check(draft, [wire], cache=ClaimCache(tmp_path / "c"))) == expected
    assert list(elsewhere.iterdir()) == []
    assert "cannot write the claim cache" in capsys.readouterr().err


def test_findings_an_entry_cannot_hold_are_not_written(tmp_path: Path) -> None:
    from factcheck.models import Finding, Span

    draft = Document(id="draft", text="Police arrested 14 people on Monday.")
    wire = Document(id="wire", text="Police arrested 15 people on Monday.")
    store_ = ClaimCache(tmp_path)
    odd = {"c1": Finding(source="elsewhere", verdict="agrees", span=Span(start=0, end=1))}
    store_.put_findings(draft, wire, "0" * 64, odd)
    assert not (tmp_path / cache.FINDINGS / "wire.json").exists() and not store_.write_failed
