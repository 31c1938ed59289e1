"""Reading drafts and sources from files and standard input; ids; source lists."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.decode import decode_bytes, looks_like_html, meta_charset, normalise_charset
from factcheck.errors import FetchError, InputError
from factcheck.sources import (
    MAX_FILE_BYTES,
    html_to_document,
    load_source,
    load_sources,
    read_input,
    source_id_for,
)

TEXT = "The fire killed 12 people in Lyon, the police said on Tuesday.\n"
FR = "L'incendie a fait 12 morts à Lyon, selon la police, qui a été appelée vers 3 h.\n"

BOILERPLATE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Fire kills 12 in Lyon warehouse | Daily Wire</title>
<meta property="og:title" content="Fire kills 12 in Lyon warehouse">
<meta property="og:site_name" content="Daily Wire">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-01T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport results</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<article><h1>Fire kills 12 in Lyon warehouse</h1>
<p>A fire at a warehouse in Lyon killed 12 people on Tuesday, the police said. About 300
firefighters were sent to the scene and fought the flames for six hours.</p>
<p>The mayor said the city would open an inquiry. Officials said 40 people were injured and
that the cause of the fire was not yet known.</p></article>
<footer><p>Copyright 2024 Daily Wire. All rights reserved. Subscribe to our newsletter.</p>
</footer></body></html>"""


# --- files: what decodes, and to what --------------------------------------------------------

GOOD_FILES = [
    pytest.param("a.txt", TEXT.encode(), TEXT, id="utf8"),
    pytest.param("a.txt", b"\xef\xbb\xbf" + FR.encode(), FR, id="utf8-bom"),
    pytest.param("a.txt", "\ufeff".encode("utf-16-le") + FR.encode("utf-16-le"), FR,
                 id="utf16le-bom"),
    pytest.param("a.txt", "\ufeff".encode("utf-16-be") + FR.encode("utf-16-be"), FR,
                 id="utf16be-bom"),
    pytest.param("a.txt", TEXT.encode("utf-16-le"), TEXT, id="utf16le-no-bom"),
    pytest.param("a.txt", FR.encode("cp1252"), FR, id="cp1252"),
    pytest.param("a.txt", "Il a dit « non » – c’est tout…\n".encode("cp1252"),
                 "Il a dit « non » – c’est tout…\n", id="cp1252-punctuation"),
    pytest.param("a.txt", b"One.\r\nTwo.\r\n", "One.\r\nTwo.\r\n", id="crlf"),
    pytest.param("a.txt", b"One.\rTwo.\r", "One.\rTwo.\r", id="cr"),
    pytest.param("a.md", b"# Fire in Lyon\n\nTwelve died.\n", "# Fire in Lyon\n\nTwelve died.\n",
                 id="markdown"),
]


@pytest.mark.parametrize(("name", "data", "text"), GOOD_FILES)
def test_read_file(tmp_path: Path, name: str, data: bytes, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_input(str(path), doc_id="d1")
    assert doc.text == text  # exactly as decoded: no BOM, newlines untouched
    assert doc.id == "d1"
    assert doc.origin == str(path)
    assert len(doc.meta["sha256"]) == 64


def test_defaults_and_language(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FR, encoding="utf-8")
    doc = read_input(str(tmp_path / "fr.txt"))
    assert (doc.id, doc.lang, doc.title) == ("draft", "fr", None)
    assert read_input(str(tmp_path / "fr.txt"), lang="en").lang == "en"


def test_markdown_title(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Fire in Lyon #\n\nTwelve died.\n", encoding="utf-8")
    assert read_input(str(tmp_path / "a.md")).title == "Fire in Lyon"


def test_path_object_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert read_input(tmp_path / "a.txt").text == TEXT


def test_pipe_path_is_read(tmp_path: Path) -> None:
    """``<(command)`` gives /dev/fd/N, a pipe: not a regular file, still readable."""
    r, w = os.pipe()
    os.write(w, TEXT.encode())
    os.close(w)
    try:
        assert read_input(f"/dev/fd/{r}").text == TEXT
    finally:
        os.close(r)


# --- files: what is refused, with one clear line ---------------------------------------------

BAD_FILES = [
    pytest.param(b"", "empty file", id="empty"),
    pytest.param(b"  \n\t\r\n ", "the file contains only whitespace", id="whitespace-only"),
    pytest.param(b"\xef\xbb\xbf\n", "the file contains only whitespace", id="bom-only"),
    pytest.param(b"text\x00with\x00nul bytes here", "not a text file: it looks like binary data",
                 id="binary-nul"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a text file: it looks like a PDF",
                 id="pdf"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file: it looks like a PNG",
                 id="png"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "not a text file: it looks like a JPEG",
                 id="jpeg"),
    pytest.param(b"GIF89a\x01\x00", "not a text file: it looks like a GIF", id="gif"),
    pytest.param(b"PK\x03\x04\x14\x00", "not a text file: it looks like a ZIP", id="zip-docx"),
    pytest.param(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "it looks like binary data",
                 id="control-bytes"),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_bad_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    _assert_input_error(str(path), message)


def _assert_input_error(path: str, message: str, **kwargs: int) -> InputError:
    with pytest.raises(InputError) as info:
        read_input(path, **kwargs)  # type: ignore[arg-type]
    err = info.value
    assert err.path == path
    assert message in err.message
    assert "\n" not in str(err)
    return err


def test_directory(tmp_path: Path) -> None:
    _assert_input_error(str(tmp_path), "is a directory, not a file")


def test_missing(tmp_path: Path) -> None:
    err = _assert_input_error(str(tmp_path / "nope.txt"), "no such file")
    assert err.message == "no such file"


def test_missing_looks_like_a_url() -> None:
    err = _assert_input_error("www.example.com/news/fire", "no such file")
    assert "https://" in err.message


def test_url_as_the_draft() -> None:
    err = _assert_input_error("https://example.com/story", "no such file")
    assert "save it first" in err.message


def test_too_big_with_a_small_cap(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 101)
    err = _assert_input_error(str(path), "too large (101 bytes)", max_bytes=100)
    assert err.message == "too large (101 bytes): the limit is 100 bytes"
    assert read_input(str(path), max_bytes=101).text == "x" * 101


def test_too_big_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: no disk used, and it is never read
        f.truncate(MAX_FILE_BYTES + 1)
    _assert_input_error(str(path), f"the limit is {MAX_FILE_BYTES:,} bytes")


def test_too_big_pipe(tmp_path: Path) -> None:
    r, w = os.pipe()
    os.write(w, b"y" * 500)
    os.close(w)
    try:
        _assert_input_error(f"/dev/fd/{r}", "too large: the limit is 100 bytes", max_bytes=100)
    finally:
        os.close(r)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        _assert_input_error(str(path), "permission denied")
    finally:
        path.chmod(0o600)


# --- standard input --------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, FR.encode("cp1252"))
    doc = read_input("-", doc_id="draft")
    assert (doc.text, doc.origin, doc.lang) == (FR, "<stdin>", "fr")


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, BOILERPLATE_HTML.encode())
    assert "cookies" not in read_input("-").text


@pytest.mark.parametrize(("data", "message", "cap"), [
    (b"", "empty input", MAX_FILE_BYTES),
    (b" \n", "the input contains only whitespace", MAX_FILE_BYTES),
    (b"z" * 50, "too large: the limit is 10 bytes", 10),
])
def test_bad_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, message: str, cap: int) -> None:
    _stdin(monkeypatch, data)
    with pytest.raises(InputError) as info:
        read_input("-", max_bytes=cap)
    assert (info.value.path, info.value.message) == ("<stdin>", message)


# --- HTML ------------------------------------------------------------------------------------


def test_html_file_main_text_only(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(BOILERPLATE_HTML, encoding="utf-8")
    doc = read_input(str(path), doc_id="wire")
    assert "killed 12 people on Tuesday" in doc.text
    assert "injured" in doc.text
    for junk in ("cookies", "Accept all", "Sport results", "Copyright", "newsletter"):
        assert junk not in doc.text
    assert doc.title == "Fire kills 12 in Lyon warehouse"
    assert doc.lang == "en"
    assert doc.meta["site"] == "Daily Wire"
    assert doc.meta["author"] == "Jane Doe"
    assert doc.meta["published"] == "2024-05-01"
    assert "sha256" in doc.meta


def test_html_content_in_a_txt_file_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(BOILERPLATE_HTML, encoding="utf-8")
    assert "<p>" not in read_input(str(path)).text


def test_html_meta_charset_in_a_file(tmp_path: Path) -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1252"></head><body><article><p>Le maire a déclaré que « 12 '
            "personnes » sont mortes à Lyon, selon la préfecture du Rhône.</p></article>"
            "</body></html>")
    path = tmp_path / "fr.htm"
    path.write_bytes(html.encode("cp1252"))
    doc = read_input(str(path))
    assert "déclaré que « 12 personnes »" in doc.text
    assert doc.lang == "fr"


def test_short_html_page(tmp_path: Path) -> None:
    path = tmp_path / "short.html"
    path.write_text("<html><body><p>Twelve people died in the fire.</p></body></html>",
                    encoding="utf-8")
    assert read_input(str(path)).text == "Twelve people died in the fire."


@pytest.mark.parametrize("html", [
    pytest.param("<html><body><div><", id="truncated"),
    pytest.param("<html><head><title>x</title></head><body></body></html>", id="no-body"),
    pytest.param("<!DOCTYPE html><html><body><script>var a = 1;</script></body></html>",
                 id="script-only"),
    pytest.param("<html>" + "<div>" * 5000, id="deep-nesting"),
])
def test_broken_html(tmp_path: Path, html: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    _assert_input_error(str(path), "no article text found")


def test_html_to_document_directly() -> None:
    doc = html_to_document(BOILERPLATE_HTML, doc_id="x", origin="mem", lang="fr")
    assert (doc.id, doc.origin, doc.lang) == ("x", "mem", "fr")
    with pytest.raises(InputError, match="no article text found") as info:
        html_to_document("<p>", doc_id="x", origin="mem", lang=None)
    assert info.value.path == "mem"


# --- charset helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "name"), [
    ("UTF-8", "utf-8"), ("utf8", "utf-8"), ("ISO-8859-1", "cp1252"), ("us-ascii", "cp1252"),
    ("windows-1252", "cp1252"), ('"latin1"', "cp1252"), ("base64", None), ("nope", None),
    (None, None), ("", None),
])
def test_normalise_charset(label: str | None, name: str | None) -> None:
    assert normalise_charset(label) == name


def test_cyrillic_cp1251_is_not_read_as_cp1252() -> None:
    text = "Пожар на складе в Лионе унёс жизни двенадцати человек, сообщила полиция."
    assert decode_bytes(text.encode("cp1251"))[0] == text


def test_meta_charset_and_sniffing() -> None:
    assert meta_charset(b'<?xml version="1.0" encoding="ISO-8859-15"?><html>') == "ISO-8859-15"
    assert meta_charset(b"<meta charset=utf-8>") == "utf-8"
    assert meta_charset(b"<p>charset=utf-8</p>") is None
    assert looks_like_html("\n  <!doctype HTML><p>x")
    assert looks_like_html("<!-- saved --><html>")
    assert not looks_like_html("Use <b> for bold.")


# --- sources ---------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", ["file:///etc/passwd", "ftp://example.com/a.txt",
                                  "data:text/html,<p>12 dead</p>", "javascript:alert(1)"])
def test_load_source_refuses_other_schemes(spec: str) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme") as info:
        load_source(spec, doc_id="s")
    assert info.value.path == spec


def test_load_source_file(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(FR, encoding="utf-8")
    doc = load_source(str(tmp_path / "wire.txt"), doc_id="wire")
    assert (doc.id, doc.lang, doc.text) == ("wire", "fr", FR)


def test_load_sources_never_raises(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "wire-en.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    specs = [str(tmp_path / "wire-en.txt"), str(tmp_path / "missing.txt"),
             str(tmp_path / "scan.pdf"), "file:///etc/passwd", str(tmp_path / "wire-en.txt"),
             str(tmp_path / "draft.txt")]
    loaded = load_sources(specs, lang="en")
    assert [i.id for i, _ in loaded] == ["wire-en", "missing", "scan", "passwd", "wire-en-2",
                                         "draft-2"]
    assert [i.origin for i, _ in loaded] == specs
    errors = [i.error for i, _ in loaded]
    assert errors[0] is None and errors[4] is None and errors[5] is None
    assert errors[1] == "no such file"
    assert errors[2] == "not a text file: it looks like a PDF document"
    assert errors[3] is not None and errors[3].startswith("unsupported URL scheme file:")
    assert [d is None for _, d in loaded] == [False, True, True, True, False, False]
    assert all(d.id == i.id for i, d in loaded if d is not None)
    assert capsys.readouterr().err == ""  # no progress unless asked


def test_load_sources_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    load_sources([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "[1/2] reading" in captured.err and "[2/2] reading" in captured.err
    assert load_sources([]) == []


@pytest.mark.parametrize(("spec", "expected"), [
    ("sources/wire-en.txt", "wire-en"),
    ("sources/AFP Dépêche.md", "afp-depeche"),
    ("notes", "notes"),
    (".hidden", "hidden"),
    ("-", "stdin"),
    ("https://www.reuters.com/world/europe/fire-kills-12-2024-05-01/", "reuters-com-fire-kills-12-2024-05-01"),  # noqa: E501
    ("https://www.lemonde.fr/international/article/2024/05/01/incendie_6321.html",
     "lemonde-fr-incendie-6321"),
    ("http://example.com", "example-com"),
    ("http://example.com/index.php?id=5", "example-com-index"),
    ("!!!", "source"),
])
def test_source_id_for(spec: str, expected: str) -> None:
    assert source_id_for(spec, set()) == expected


def test_source_id_dedupe() -> None:
    taken = {"draft"}
    ids = [source_id_for(s, taken) for s in ("a/wire.txt", "b/wire.txt", "wire.md", "draft.txt")]
    assert ids == ["wire", "wire-2", "wire-3", "draft-2"]
    assert taken == {"draft", "wire", "wire-2", "wire-3", "draft-2"}


def test_importing_sources_is_light() -> None:
    """`factcheck --version` and `extract` must not pay for requests or trafilatura."""
    code = ("import sys, factcheck.cli, factcheck.sources; "
            "print(sorted(m for m in ('requests', 'trafilatura', 'urllib3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
