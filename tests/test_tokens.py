"""The tokenizer keeps offsets exact on any text, and the trusted constructor builds the
same models as validation does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.tokens import tokenize
from factcheck.models import Amount, Claim, Span, trusted

# letters, accents, digits of other scripts, numerals that are not digits, apostrophes,
# spaces of several kinds, terminal escapes and symbols: what the tokenizer must tell apart
ALPHABET = "aZé’'_ \n\t\x1b\x9b[]31m;½²٣0123456789\u0301\u00a0\u2028.,-–«»\"“ǅⅫ𝟘\x07\\d"


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.one_of(st.text(alphabet=ALPHABET, max_size=40), st.text(max_size=40)))
def test_tokens_index_the_text_in_order(text: str) -> None:
    toks = tokenize(text)
    pos = 0
    for t in toks:
        assert t.start >= pos and t.end > t.start
        assert text[t.start : t.end] == t.text
        assert text[pos : t.start].strip() == ""  # only white space is left out
        pos = t.end
    assert text[pos:].strip() == ""


@pytest.mark.parametrize(("text", "last"), [
    ("a \x1b\n", "\x1b\n"),  # an escape takes the white space after it, even at the end
    ("a \x1b ", "\x1b "),
    ("a \x1b[ q  ", "\x1b[ q"),  # a CSI sequence holds spaces
    ("a b   ", "b"),
    ("  \u3000", None),  # white space only
])
def test_tokens_at_the_end_of_a_text(text: str, last: str | None) -> None:
    toks = tokenize(text)
    assert (toks[-1].text if toks else None) == last


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'homme", [("l'", "elide"), ("homme", "word")]),
        ("rock'n", [("rock", "word"), ("'", "sym"), ("n", "word")]),
        ("3,000 ½ ²", [("3", "num"), (",", "sym"), ("000", "num"), ("½", "word"), ("²", "word")]),
        ("٣ __", [("٣", "num"), ("_", "sym"), ("_", "sym")]),
        ("\x1b[31mRED\x1b[0m 5", [("\x1b[31m", "sym"), ("RED", "word"), ("\x1b[0m", "sym"), ("5", "num")]),
    ],
    ids=["elision", "apostrophe", "numerals", "other-digits", "escapes"],
)
def test_token_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.kind) for t in tokenize(text)] == expected


def test_trusted_equals_validated() -> None:
    fields = {"low": 3.0, "high": 3.0, "hedge": "about"}
    assert trusted(Amount, fields) == Amount(**fields)  # type: ignore[arg-type]
    assert trusted(Amount, fields).model_dump() == Amount(**fields).model_dump()  # type: ignore[arg-type]
    assert trusted(Span, {"start": 1, "end": 4}).as_list() == [1, 4]


def test_trusted_refuses_missing_and_unknown_fields() -> None:
    with pytest.raises(TypeError):
        trusted(Amount, {"low": 1.0})
    with pytest.raises(TypeError):
        trusted(Amount, {"low": 1.0, "high": 1.0, "colour": "red"})
    with pytest.raises(TypeError):
        trusted(Claim, {"id": "c1"})
