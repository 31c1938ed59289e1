"""The token-position index (tokens.positions) finds what a scan of every token finds."""

from __future__ import annotations

from factcheck.extract.tokens import indexes_of, num_indexes, positions, tokenize

TEXT = (
    "On Monday, a 1,200-strong crowd met; one in five said 3D ² was 12 years ago. "
    "Un an plus tard, l'équipe d'Anne comptait 40 membres, a year later 2 000 of them."
)


def test_positions_are_every_token_by_its_norm() -> None:
    toks = tokenize(TEXT)
    at = positions(toks)
    assert sorted(k for ks in at.values() for k in ks) == list(range(len(toks)))
    for norm, ks in at.items():
        assert ks == [k for k, t in enumerate(toks) if t.norm == norm]
    assert positions(toks) is at  # read once per token list


def test_indexes_of_words_and_digits_match_a_scan() -> None:
    toks = tokenize(TEXT)
    every = tuple({t.norm for t in toks})
    for words in (("a", "an", "one"), frozenset({"un", "monday", "years", "absent"}), (), every):
        assert indexes_of(toks, words) == [k for k, t in enumerate(toks) if t.norm in words]
    # a lone "²" is a word whose norm is a digit ("2"): no figure's digits
    assert num_indexes(toks) == [k for k, t in enumerate(toks) if t.kind == "num"]
    assert any(t.kind == "word" and t.norm[:1].isdecimal() for t in toks)


def test_a_list_read_again_after_another_is_indexed_afresh() -> None:
    a, b, c = tokenize("one two"), tokenize("two one"), tokenize("three")
    for toks in (a, b, c, a):
        assert indexes_of(toks, ("one",)) == [k for k, t in enumerate(toks) if t.norm == "one"]
