"""factcheck.report.safe: inert text and safe JSON."""

from __future__ import annotations

import json

import pytest

from factcheck.report.safe import dumps, inert, is_unsafe, one_line

INERT_CASES = [
    ("plain", "Six people, €2 million", "Six people, €2 million"),
    ("accents-quotes", "Hervé Pétry « dit » “x” ‘y’ — 50 %", "Hervé Pétry « dit » “x” ‘y’ — 50 %"),
    ("emoji-zwj-kept", "👩‍🚒 fire", "👩‍🚒 fire"),
    ("newline", "a\nb", "a\\nb"),
    ("crlf", "a\r\nb", "a\\r\\nb"),
    ("tab", "a\tb", "a\\tb"),
    ("nul", "a\x00b", "a\\x00b"),
    ("ansi-csi", "\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
    ("osc52", "\x1b]52;c;cHduZWQ=\x07", "\\x1b]52;c;cHduZWQ=\\x07"),
    ("osc8", "\x1b]8;;https://e.x\x1b\\t\x1b]8;;\x1b\\", "\\x1b]8;;https://e.x\\x1b\\t\\x1b]8;;\\x1b\\"),
    ("c1-csi", "\x9b2J", "\\x9b2J"),
    ("c1-nel", "a\x85b", "a\\x85b"),
    ("del", "a\x7fb", "a\\x7fb"),
    ("bidi-override", "abc\u202edef", "abc\\u202edef"),
    ("bidi-embed", "\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d"),
    ("bidi-isolates", "\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
    ("lrm-rlm", "\u200e\u200f", "\\u200e\\u200f"),
    ("alm", "\u061c", "\\u061c"),
    ("line-separators", "\u2028\u2029", "\\u2028\\u2029"),
    ("zero-width-space-bom", "\u200b\ufeff", "\\u200b\\ufeff"),
    ("tag-chars", "\U000e0041\U000e007f", "\\U000e0041\\U000e007f"),
    ("lone-surrogate", "a\udcffb", "a\\udcffb"),
    ("rich-markup-literal", "[bold]x[/bold]", "[bold]x[/bold]"),
]


@pytest.mark.parametrize(("raw", "want"), [c[1:] for c in INERT_CASES],
                         ids=[c[0] for c in INERT_CASES])
def test_inert(raw: str, want: str) -> None:
    assert inert(raw) == want
    assert not is_unsafe(inert(raw))
    assert inert(inert(raw)) == inert(raw)


@pytest.mark.parametrize(
    ("raw", "limit", "want"),
    [
        ("  a \n\n b\t c  ", None, "a b c"),
        ("abcdefgh", 5, "abcd…"),
        ("a\x1bb", None, "a\\x1bb"),
        ("a\x0bb", None, "a\\x0bb"),
    ],
    ids=["collapse", "truncate", "escape", "vertical-tab-visible"],
)
def test_one_line(raw: str, limit: int | None, want: str) -> None:
    assert one_line(raw, limit) == want


@pytest.mark.parametrize(
    "value",
    ["\x1b[31m", "\u202e", "\x9b", "\U000e0041", "a\udcffb", "\x7f", "line\u2028sep", "é€😀"],
    ids=["esc", "bidi", "c1", "tag", "surrogate", "del", "u2028", "unicode"],
)
def test_dumps_round_trips_without_raw_controls(value: str) -> None:
    out = dumps({"k": value, "l": [value]})
    assert json.loads(out) == {"k": value, "l": [value]}
    body = out.replace("\n", "")  # layout newlines only
    assert not is_unsafe(body)
    out.encode("utf-8")  # writable: no lone surrogates


def test_dumps_keeps_unicode_readable_and_nan_null() -> None:
    out = dumps({"a": "Hervé €", "n": float("nan"), "i": [float("inf")]}, indent=None)
    assert out == '{"a":"Hervé €","n":null,"i":[null]}'
