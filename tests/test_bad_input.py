"""The bad-input matrix, through the CLI (``factcheck.cli.main`` in-process).

For every command that reads files (extract, check with a draft, check with a source, check
and fetch of a story folder, init), every bad input must give: exit code 2 (for a bad source
of ``check``: a per-source error, the other sources still checked, exit 2 unless
``--allow-missing-sources``), exactly one line on stderr naming the file and the problem, no
traceback, and nothing written. Inputs that are text in another encoding or with other line
breaks must work: exit 0 or 1 and claims found.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_fixtures import run

TEXT = "Police arrested 14 people in Orléans on Monday, the prosecutor said.\n\n" \
       "The damage was estimated at €1,500 — café owners said.\n"
SOURCE = "Police arrested 14 people in Orléans on Monday.\n"
CAP = 10_000_000  # sources.MAX_FILE_BYTES
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# --- helpers ----------------------------------------------------------------------------------


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes; None for folders) under ``root``."""
    out: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[os.path.relpath(os.path.join(dirpath, d), root)] = None
        for f in filenames:
            p = os.path.join(dirpath, f)
            try:
                out[os.path.relpath(p, root)] = Path(p).read_bytes()
            except OSError:  # unreadable on purpose
                out[os.path.relpath(p, root)] = b"<unreadable>"
    return out


def assert_one_error(code: int, err: str, *needles: str) -> str:
    assert "Traceback" not in err, err
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    line = lines[0]
    assert line.startswith("factcheck: "), line
    for needle in needles:
        assert needle.lower() in line.lower(), f"{needle!r} not in {line!r}"
    return line


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder that is a repository root (story paths must stay inside it)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- the inputs -------------------------------------------------------------------------------

Maker = Callable[[Path], None]


def _write(data: bytes) -> Maker:
    def write(p: Path) -> None:
        p.write_bytes(data)

    return write


def _directory(p: Path) -> None:
    p.mkdir()


def _unreadable(p: Path) -> None:
    p.write_text(TEXT, encoding="utf-8")
    p.chmod(0)


def _sparse(p: Path) -> None:
    with p.open("wb") as f:
        f.write(TEXT.encode())
        f.truncate(CAP + 1)


def _missing(p: Path) -> None:
    pass


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + TEXT.encode()

# (id, file name, maker, words the error line must hold)
BAD: list[tuple[str, str, Maker, tuple[str, ...]]] = [
    ("missing", "nothere.txt", _missing, ("no such file",)),
    ("directory", "folder.txt", _directory, ("directory",)),
    ("unreadable", "locked.txt", _unreadable, ("permission denied",)),
    ("empty", "empty.txt", _write(b""), ("empty",)),
    ("whitespace-only", "blank.txt", _write(b" \n\t\r\n  \n"), ("whitespace",)),
    ("nul-bytes", "nul.txt", _write(TEXT.encode()[:30] + b"\x00\x00\x01" + TEXT.encode()),
     ("NUL",)),
    ("png", "image.txt", _write(PNG), ("PNG",)),
    ("pdf", "report.pdf", _write(PDF), ("PDF",)),
    ("over-size-cap", "huge.txt", _sparse, ("too large", "10,000,000")),
]

LONG_LINE = ("Police arrested 14 people in Orléans on Monday. "
             + "the council met again and talked at length about roads " * 19_000
             + " Officers seized 3 guns.")

# (id, file name, bytes): text that must be read, with the arrest claim found
GOOD: list[tuple[str, str, bytes]] = [
    ("utf8", "plain.txt", TEXT.encode("utf-8")),
    ("utf8-bom", "bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf16-le-bom", "le.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
    ("utf16-be-bom", "be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
    ("cp1252", "win.txt", TEXT.encode("cp1252")),
    ("crlf", "crlf.txt", TEXT.replace("\n", "\r\n").encode()),
    ("cr", "cr.txt", TEXT.replace("\n", "\r").encode()),
    ("html", "page.html", (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>T</title></head><body>"
        "<article><p>" + TEXT.replace("\n\n", "</p><p>") + "</p></article></body></html>"
    ).encode()),
]


def _bad_params(skip: tuple[str, ...] = ()) -> list[Any]:
    out: list[Any] = []
    for rid, name, maker, needles in BAD:
        if rid in skip:
            continue
        marks = [pytest.mark.skipif(IS_ROOT, reason="root reads any file")] \
            if rid == "unreadable" else []
        out.append(pytest.param(name, maker, needles, id=rid, marks=marks))
    return out


def _good_params() -> list[object]:
    return [pytest.param(name, data, id=rid) for rid, name, data in GOOD]


def _claims_json(out: str) -> list[dict[str, Any]]:
    return json.loads(out)["claims"]  # type: ignore[no-any-return]


# --- extract ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "maker", "needles"), _bad_params())
def test_extract_bad(capsys: pytest.CaptureFixture[str], repo: Path, name: str, maker: Maker,
                     needles: tuple[str, ...]) -> None:
    maker(repo / name)
    before = tree(repo)
    code, out, err = run(capsys, "extract", name)
    assert_one_error(code, err, name, *needles)
    assert out == ""
    assert tree(repo) == before


@pytest.mark.parametrize(("name", "data"), _good_params())
def test_extract_good_encodings(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                                data: bytes) -> None:
    (repo / name).write_bytes(data)
    code, out, err = run(capsys, "extract", name, "--format", "json")
    assert code == 0, err
    claims = _claims_json(out)
    assert any(c["kind"] == "count" and c["value"] == 14 for c in claims), claims
    assert any(c["kind"] == "money" for c in claims), claims


def test_extract_one_megabyte_line(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / "long.txt").write_text(LONG_LINE, encoding="utf-8")
    code, out, err = run(capsys, "extract", "long.txt", "--format", "json")
    assert code == 0, err
    claims = _claims_json(out)
    assert {c["value"] for c in claims if c["kind"] == "count"} >= {14, 3}
    for c in claims:
        start, end = c["span"]
        assert LONG_LINE[start:end] == c["text"]


# --- check: the draft -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "maker", "needles"), _bad_params())
def test_check_bad_draft(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                         maker: Maker, needles: tuple[str, ...]) -> None:
    maker(repo / name)
    before = tree(repo)
    code, out, err = run(capsys, "check", name, "--source", "source.txt")
    assert_one_error(code, err, name, *needles)
    assert out == ""
    assert tree(repo) == before


@pytest.mark.parametrize(("name", "data"), _good_params())
def test_check_good_draft(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                          data: bytes) -> None:
    (repo / name).write_bytes(data)
    code, out, err = run(capsys, "check", name, "--source", "source.txt", "--format", "json")
    assert code in (0, 1), err
    assert err == ""
    claims = _claims_json(out)
    arrests = [c for c in claims if c["value"] == 14]
    assert arrests, claims
    assert any(f["verdict"] == "agrees" for f in arrests[0]["findings"])  # type: ignore[attr-defined]


def test_check_one_megabyte_line_draft(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / "long.txt").write_text(LONG_LINE, encoding="utf-8")
    code, out, err = run(capsys, "check", "long.txt", "--source", "source.txt", "--format", "text")
    assert code in (0, 1), err
    assert out.strip()


# --- check: one source ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "maker", "needles"), _bad_params())
def test_check_bad_source(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                          maker: Maker, needles: tuple[str, ...]) -> None:
    maker(repo / name)
    before = tree(repo)
    code, out, err = run(capsys, "check", "draft.md", "--source", name, "--source",
                         "source.txt", "--format", "json")
    sid = Path(name).stem
    assert_one_error(code, err, f"factcheck: source {sid} ({name}): ", *needles)
    sources = {s["id"]: s for s in json.loads(out)["sources"]}
    assert sources[sid]["error"]
    assert sources["source"]["error"] is None  # the good one was checked
    findings = [f for c in _claims_json(out) for f in c["findings"]]  # type: ignore[attr-defined]
    assert any(f["source"] == "source" and f["verdict"] == "agrees" for f in findings)
    assert tree(repo) == before

    code, _, err = run(capsys, "check", "draft.md", "--source", name, "--source", "source.txt",
                       "--allow-missing-sources")
    assert code in (0, 1)
    assert len(err.splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize(("name", "data"), _good_params())
def test_check_good_source(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                           data: bytes) -> None:
    (repo / name).write_bytes(data)
    code, out, err = run(capsys, "check", "draft.md", "--source", name, "--format", "json")
    assert code in (0, 1), err
    assert err == ""
    sid = Path(name).stem
    findings = [f for c in _claims_json(out) for f in c["findings"]  # type: ignore[attr-defined]
                if f["source"] == sid]
    assert any(f["verdict"] == "agrees" for f in findings), findings


def test_check_url_source_404_on_loopback(capsys: pytest.CaptureFixture[str], repo: Path,
                                          httpserver: object) -> None:
    from pytest_httpserver import HTTPServer

    assert isinstance(httpserver, HTTPServer)
    httpserver.expect_request("/news/missing").respond_with_data("gone", status=404)
    url = httpserver.url_for("/news/missing")
    before = tree(repo)
    code, out, err = run(capsys, "check", "draft.md", "--source", url, "--source", "source.txt",
                         "--format", "json")
    line = assert_one_error(code, err, "404")
    assert "localhost" in line or "127-0-0-1" in line or "missing" in line
    assert f" ({url}): " in line  # the source's URL, not only its id
    data = json.loads(out)
    errors = {s["id"]: s["error"] for s in data["sources"]}
    assert [sid for sid, e in errors.items() if e] == [s for s in errors if s != "source"]
    findings = [f for c in data["claims"] for f in c["findings"]]
    assert any(f["source"] == "source" and f["verdict"] == "agrees" for f in findings)
    assert tree(repo) == before


def test_check_foreign_scheme_source(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    code, _, err = run(capsys, "check", "draft.md", "--source", "file:///etc/passwd",
                       "--source", "source.txt")
    assert_one_error(code, err, "scheme")


# --- init -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "maker", "needles"), _bad_params(skip=("unreadable",)))
def test_init_bad_source(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                         maker: Maker, needles: tuple[str, ...]) -> None:
    maker(repo / name)
    before = tree(repo)
    code, out, err = run(capsys, "init", "claims/new", "--draft", "draft.md", "--source", name)
    if name == "folder.txt":
        needles = ("not found",)  # init says a folder is not a source file
    elif name == "nothere.txt":
        needles = ("not found",)
    assert_one_error(code, err, name, *needles)
    assert tree(repo) == before  # no claims/new, no story.toml


@pytest.mark.parametrize(
    ("name", "maker", "needles"),
    [pytest.param("nothere.md", _missing, ("not found",), id="missing"),
     pytest.param("folder.md", _directory, ("not found",), id="directory"),
     pytest.param("empty.md", _write(b""), ("empty",), id="empty"),
     pytest.param("blank.md", _write(b" \n\t\r\n  \n"), ("whitespace",), id="whitespace-only"),
     pytest.param("nul.md", _write(TEXT.encode()[:30] + b"\x00\x00\x01" + TEXT.encode()),
                  ("NUL",), id="nul-bytes"),
     pytest.param("image.md", _write(PNG), ("PNG",), id="png"),
     pytest.param("report.pdf", _write(PDF), ("PDF",), id="pdf"),
     pytest.param("locked.md", _unreadable, ("permission denied",), id="unreadable",
                  marks=pytest.mark.skipif(IS_ROOT, reason="root reads any file")),
     pytest.param("huge.md", _sparse, ("too large", "10,000,000"), id="over-size-cap")],
)
def test_init_bad_draft(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                        maker: Maker, needles: tuple[str, ...]) -> None:
    maker(repo / name)
    before = tree(repo)
    code, out, err = run(capsys, "init", "claims/new", "--draft", name, "--source", "source.txt")
    assert_one_error(code, err, name, *needles)
    assert out == ""
    assert tree(repo) == before  # no claims/ folder, no story.toml, no snapshot
    assert not (repo / "claims").exists()


def test_init_outside_the_repository(capsys: pytest.CaptureFixture[str], repo: Path,
                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "draft.md"
    outside.write_text(TEXT, encoding="utf-8")
    before = tree(repo)
    code, _, err = run(capsys, "init", "claims/new", "--draft", str(outside))
    assert_one_error(code, err, "outside the repository")
    assert tree(repo) == before


def test_init_existing_story(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    code, _, err = run(capsys, "init", "claims/s", "--draft", "draft.md", "--source",
                       "source.txt")
    assert code == 0, err
    before = tree(repo)
    code, _, err = run(capsys, "init", "claims/s", "--draft", "draft.md")
    assert_one_error(code, err, "story.toml", "already exists")
    assert tree(repo) == before


# --- story folders: story.toml ----------------------------------------------------------------

GOOD_TOML = """title = "Arrests"
draft = "draft.md"

[[sources]]
id = "wire"
path = "sources/wire.txt"
"""

# (id, story.toml text, words the error must hold); the line must name story.toml:LINE:COL
BAD_TOML: list[tuple[str, str, tuple[str, ...]]] = [
    ("toml-syntax", 'title = "Arrests"\ndraft = \n', ("syntax",)),
    ("toml-unclosed-string", 'title = "Arrests\ndraft = "draft.md"\n', ("syntax",)),
    ("toml-unknown-key", GOOD_TOML + 'colour = "blue"\n', ("unknown key", "colour")),
    ("toml-unknown-top-key", 'titel = "x"\n' + GOOD_TOML, ("unknown key", "titel")),
    ("toml-missing-draft", 'title = "x"\n', ("draft",)),
    ("toml-draft-traversal", GOOD_TOML.replace('"draft.md"', '"../../../../../../etc/passwd"'),
     ("outside the repository",)),
    ("toml-source-traversal", GOOD_TOML.replace('"sources/wire.txt"', '"../../../../etc/hosts"'),
     ("outside the repository",)),
    ("toml-duplicate-ids", GOOD_TOML + '\n[[sources]]\nid = "wire"\npath = "sources/x.txt"\n',
     ("duplicate source id",)),
    ("toml-bad-url-scheme", GOOD_TOML + '\n[[sources]]\nid = "f"\nurl = "file:///etc/passwd"\n',
     ("http",)),
    ("toml-wrong-type", 'title = 3\ndraft = "draft.md"\n', ("string",)),
    ("toml-bad-id", GOOD_TOML.replace('id = "wire"', 'id = "../wire"'), ("invalid id",)),
]


def make_story(repo: Path, toml: str | bytes = GOOD_TOML) -> Path:
    story = repo / "claims" / "arrests"
    (story / "sources").mkdir(parents=True)
    if isinstance(toml, bytes):
        (story / "story.toml").write_bytes(toml)
    else:
        (story / "story.toml").write_text(toml, encoding="utf-8")
    (story / "draft.md").write_text(TEXT, encoding="utf-8")
    (story / "sources" / "wire.txt").write_text(SOURCE, encoding="utf-8")
    return story


@pytest.mark.parametrize("command", ["check", "fetch"])
@pytest.mark.parametrize(("toml", "needles"),
                         [pytest.param(t, n, id=i) for i, t, n in BAD_TOML])
def test_story_toml_bad(capsys: pytest.CaptureFixture[str], repo: Path, command: str,
                        toml: str, needles: tuple[str, ...]) -> None:
    make_story(repo, toml)
    before = tree(repo)
    code, out, err = run(capsys, command, "claims/arrests")
    line = assert_one_error(code, err, *needles)
    assert re.search(r"claims/arrests/story\.toml:\d+:\d+: ", line), line
    assert out == ""
    assert tree(repo) == before


@pytest.mark.parametrize("command", ["check", "fetch"])
def test_story_toml_not_utf8(capsys: pytest.CaptureFixture[str], repo: Path,
                             command: str) -> None:
    make_story(repo, GOOD_TOML.replace("Arrests", "Arrestés").encode("cp1252"))
    before = tree(repo)
    code, _, err = run(capsys, command, "claims/arrests")
    assert_one_error(code, err, "story.toml", "UTF-8")
    assert tree(repo) == before


@pytest.mark.parametrize("command", ["check", "fetch"])
def test_story_folder_without_story_toml(capsys: pytest.CaptureFixture[str], repo: Path,
                                         command: str) -> None:
    (repo / "claims" / "nothing").mkdir(parents=True)
    code, _, err = run(capsys, command, "claims/nothing")
    if command == "check":  # a folder that is no story is read as a draft path
        assert_one_error(code, err, "claims/nothing", "directory")
    else:
        assert_one_error(code, err, "claims/nothing", "story.toml")


def test_story_good(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    make_story(repo)
    code, out, err = run(capsys, "check", "claims/arrests", "--format", "json")
    assert code in (0, 1), err
    assert any(f["verdict"] == "agrees" for c in _claims_json(out)
               for f in c["findings"])  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "maker", "needles"), _bad_params(skip=("missing",)))
def test_story_bad_draft(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                         maker: Maker, needles: tuple[str, ...]) -> None:
    story = make_story(repo, GOOD_TOML.replace('"draft.md"', f'"{name}"'))
    maker(story / name)
    before = tree(repo)
    code, out, err = run(capsys, "check", "claims/arrests")
    assert_one_error(code, err, name, *needles)
    assert out == ""
    assert tree(repo) == before


def test_story_missing_draft(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    make_story(repo, GOOD_TOML.replace('"draft.md"', '"gone.md"'))
    code, _, err = run(capsys, "check", "claims/arrests")
    assert_one_error(code, err, "gone.md", "no such file")


def test_story_bad_snapshot_is_a_source_error(capsys: pytest.CaptureFixture[str],
                                              repo: Path) -> None:
    story = make_story(repo, GOOD_TOML + '\n[[sources]]\nid = "radio"\npath = "sources/r.txt"\n')
    (story / "sources" / "r.txt").write_bytes(PNG)
    (story / "sources" / "radio.txt").write_bytes(b"\xff\xfe\x00bad")
    before = tree(repo)
    code, out, err = run(capsys, "check", "claims/arrests", "--format", "json")
    assert_one_error(code, err, "source radio (claims/arrests/sources/r.txt): ", "UTF-8")
    errors = {s["id"]: s["error"] for s in json.loads(out)["sources"]}
    assert errors["wire"] is None and errors["radio"]
    assert tree(repo) == before


@pytest.mark.parametrize(("name", "maker", "needles"), _bad_params(skip=("missing",)))
def test_fetch_bad_path_source(capsys: pytest.CaptureFixture[str], repo: Path, name: str,
                               maker: Maker, needles: tuple[str, ...]) -> None:
    story = make_story(repo, GOOD_TOML + f'\n[[sources]]\nid = "bad"\npath = "{name}"\n')
    maker(story / name)
    before = tree(repo)
    code, out, err = run(capsys, "fetch", "claims/arrests")
    assert code == 2
    assert "Traceback" not in out + err
    bad = [line for line in (out + err).splitlines() if line.startswith("bad")
           or "source bad" in line]
    assert len(bad) == 1 and all(n.lower() in bad[0].lower() for n in needles), out + err
    # Only the good source's snapshot metadata may change; nothing is kept for the bad one.
    def unchanged(t: dict[str, bytes | None]) -> dict[str, bytes | None]:
        return {k: v for k, v in t.items() if not k.endswith("sources/wire.json")}

    after = tree(repo)
    assert unchanged(after) == unchanged(before)
    assert not any(Path(k).name.startswith("bad.") and "sources" in k for k in after)


def test_fetch_bad_source_error_on_stderr(capsys: pytest.CaptureFixture[str],
                                          repo: Path) -> None:
    story = make_story(repo, GOOD_TOML + '\n[[sources]]\nid = "bad"\npath = "bad.txt"\n')
    (story / "bad.txt").write_bytes(PNG)
    code, out, err = run(capsys, "fetch", "claims/arrests")
    assert_one_error(code, err, "factcheck: source bad (claims/arrests/bad.txt): ", "PNG")
    assert out.splitlines() == ["wire: ok"]


def test_story_source_without_snapshot_names_its_url(capsys: pytest.CaptureFixture[str],
                                                     repo: Path) -> None:
    url = "https://news.example.com/arrests"
    make_story(repo, GOOD_TOML + f'\n[[sources]]\nid = "radio"\nurl = "{url}"\n')
    before = tree(repo)
    code, out, err = run(capsys, "check", "claims/arrests", "--format", "json")
    assert_one_error(code, err, f"factcheck: source radio ({url}): ", "no snapshot",
                     "factcheck fetch claims/arrests")
    sources = {s["id"]: s for s in json.loads(out)["sources"]}
    assert sources["radio"]["path"] == url and sources["radio"]["error"]
    assert sources["wire"]["path"] == "claims/arrests/sources/wire.txt"
    assert tree(repo) == before


# --- story folders: decisions.json ------------------------------------------------------------

LEDGER: dict[str, Any] = {
    "version": 1,
    "decisions": [{
        "key": "0123456789abcdef", "source": "wire", "status": "confirmed", "note": "",
        "who": "Ana", "when": "2024-02-05T10:00:00+00:00", "claim_text": "14 people",
        "value": "14",
    }],
}
_GOOD_LEDGER = json.dumps(LEDGER, indent=2).encode()

BAD_LEDGERS: list[tuple[str, bytes, tuple[str, ...]]] = [
    ("ledger-corrupt", b'{"version": 1, "decisions": [}', ("invalid JSON",)),
    ("ledger-truncated", _GOOD_LEDGER[: len(_GOOD_LEDGER) // 2], ("invalid JSON",)),
    ("ledger-empty", b"", ("empty",)),
    ("ledger-future-version", json.dumps({"version": 99, "decisions": []}).encode(),
     ("version 99",)),
    ("ledger-not-utf8", b'{"version": 1, "decisions": [], "x": "\xff"}', ("UTF-8",)),
    ("ledger-merge-conflict",
     b'{"version": 1,\n<<<<<<< HEAD\n"decisions": []\n=======\n"decisions": [1]\n'
     b'>>>>>>> other\n}\n', ("merge conflict",)),
    ("ledger-unknown-status",
     json.dumps({**LEDGER, "decisions": [{**LEDGER["decisions"][0],
                                          "status": "maybe"}]}).encode(), ("status",)),
    ("ledger-not-object", b"[1, 2, 3]", ("JSON object",)),
]


@pytest.mark.parametrize(("data", "needles"),
                         [pytest.param(d, n, id=i) for i, d, n in BAD_LEDGERS])
def test_ledger_bad_is_never_overwritten(capsys: pytest.CaptureFixture[str], repo: Path,
                                         data: bytes, needles: tuple[str, ...]) -> None:
    story = make_story(repo)
    (story / "decisions.json").write_bytes(data)
    before = tree(repo)
    code, out, err = run(capsys, "check", "claims/arrests")
    assert_one_error(code, err, "decisions.json", *needles)
    assert out == ""
    assert (story / "decisions.json").read_bytes() == data
    assert tree(repo) == before


def test_ledger_good_is_read(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    story = make_story(repo)
    (story / "decisions.json").write_bytes(_GOOD_LEDGER)
    code, _, err = run(capsys, "check", "claims/arrests")
    assert code in (0, 1), err
    assert (story / "decisions.json").read_bytes() == _GOOD_LEDGER


# --- a few rows as real processes -------------------------------------------------------------


@pytest.mark.parametrize(("args", "needle"), [
    pytest.param(["extract", "image.txt"], "PNG", id="extract-png"),
    pytest.param(["check", "claims/arrests"], "decisions.json", id="check-bad-ledger"),
])
def test_as_a_process(repo: Path, args: list[str], needle: str) -> None:
    import subprocess

    (repo / "image.txt").write_bytes(PNG)
    story = make_story(repo)
    (story / "decisions.json").write_bytes(b"{")
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                          text=True, timeout=60, check=False, cwd=repo)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert_one_error(proc.returncode, proc.stderr, needle)
