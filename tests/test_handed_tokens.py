"""Extraction hands alignment the tokens it read of each claim's sentence (issue 19, item 3):
alignment's per-sentence tokeniser (:func:`factcheck.extract.tokens.sentence_tokens`) finds
them in the run's table and reads no sentence again; what it gets is exactly
``tokenize(sentence)``. A text with invisible characters and claims read from the claim
cache hand nothing: their sentences are read again, to the same tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import signals
from factcheck.cache import ClaimCache
from factcheck.extract import extract_claims
from factcheck.extract import tokens as tokens_mod
from factcheck.extract.tokens import hand_sentences, sentence_tokens, tokenize
from factcheck.models import Document
from factcheck.pipeline import check
from factcheck.runcache import Memos, run, table
from factcheck.text import sentences

TEXTS = [
    ("en", "# Flood toll rises\n\nRescuers found 14 more bodies on Tuesday, bringing the toll to 52. "
           "\"We fear the worst,\" said Mayor Anna Keller, 61. About 3,000 people fled the valley.\n\n"
           "The river rose by 4.5 metres in six hours (officials said)."),
    ("fr", "L'incendie a fait 12 morts. Selon l'AFP, d'après la préfecture, 80 pompiers qu'on "
           "a mobilisés luttaient encore jeudi.\nL'homme, âgé de 45 ans, a été interpellé."),
    ("en", "Police said 300 officers were deployed.The mayor's office put the cost at €2.5m; "
           "l'état says 40%.  \x1b[31mRed\x1b[0m 7 boats sank."),
]


def _handed() -> dict[str, object]:
    return table(tokens_mod._HANDED)


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_alignment_gets_the_tokens_extraction_read(lang: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with run(Memos()):
        claims = extract_claims(Document(id="x", text=text, lang=lang), weak=True)
        assert claims
        contexts = {c.context for c in claims}
        assert contexts <= _handed().keys()  # every claim's sentence, handed
        expected = {ctx: tokenize(ctx) for ctx in contexts}

        def no_second_reading(text: str) -> list[tokens_mod.Token]:
            raise AssertionError(f"read again: {text!r}")

        monkeypatch.setattr(tokens_mod, "tokenize", no_second_reading)
        for ctx in contexts:
            assert sentence_tokens(ctx) == expected[ctx]


def test_a_check_drops_what_was_handed() -> None:
    draft = Document(id="draft", text="Police arrested 14 people in Lyon on Monday.")
    wire = Document(id="wire", text="Officers arrested 14 people in Lyon on Monday, the police said.")
    with run(Memos()) as memos:
        check(draft, [wire])
        assert not memos.table(tokens_mod._HANDED)


def test_a_text_with_hidden_characters_hands_nothing() -> None:
    text = "Prosecutor Jean Du\u00adpo\u200bnt said 14 people were held. Another 3 were freed."
    with run(Memos()):
        claims = extract_claims(Document(id="x", text=text, lang="en"), weak=True)
        assert claims and not _handed()
        for c in claims:  # read again, by the tokeniser of hidden characters where it must
            assert sentence_tokens(c.context) == tokenize(c.context)
        first = text[: text.index(".") + 1]
        assert [t.norm for t in sentence_tokens(first)][:3] == ["prosecutor", "jean", "dupont"]


def test_claims_read_from_the_cache_hand_nothing(tmp_path: Path) -> None:
    doc = Document(id="wire", text="Officers arrested 14 people in Lyon on Monday. Some 300 marched.", lang="en")
    store = ClaimCache(tmp_path)
    with run(Memos()):
        fresh = extract_claims(doc, weak=True)
        store.put(doc, fresh, weak=True)
        names = {c.id: signals.clause_names(c) for c in fresh}
    with run(Memos()):
        got = store.get(doc, weak=True)
        assert got == fresh and not _handed()
        for c in got:
            assert sentence_tokens(c.context) == tokenize(c.context)
        assert {c.id: signals.clause_names(c) for c in got} == names


@pytest.mark.parametrize(("text", "start", "end"), [
    ("3l'homme a 20 ans", 1, 17),  # after a digit, "l'" is a word and an apostrophe, alone an elision
    ("il dit l'homme", 0, 9),  # "l'" before a letter is an elision, at the end of the sentence not
    ("prix 3000 euros", 0, 7),  # a token cut by the sentence's end
    ("a \x1b[31m b", 0, 5),  # an escape sequence cut at the sentence's end
    ("a \x1b[31m b", 4, 9),  # and at its start
])
def test_a_sentence_whose_tokens_read_otherwise_is_not_handed(text: str, start: int, end: int) -> None:
    toks = tokenize(text)
    with run(Memos()):
        hand_sentences(text, toks, [t.start for t in toks], [(text[start:end], start, end)])
        assert not _handed()
        assert sentence_tokens(text[start:end]) == tokenize(text[start:end])


ALPHABET = "aZé’'_ \n\t\x1b\x9b[]31m;½²٣0123456789\u0301\u00a0\u2028.,-–«»\"“ǅⅫ\x07\\dlLq"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet=ALPHABET, max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_what_is_handed_is_what_the_sentence_reads(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    toks = tokenize(text)
    sentence = text[start:end]
    with run(Memos()):
        hand_sentences(text, toks, [t.start for t in toks], [(sentence, start, end)])
        if sentence in _handed():
            assert sentence_tokens(sentence) == tokenize(sentence)


def test_every_sentence_of_the_stories_is_handed_as_it_reads() -> None:
    root = Path(__file__).parent / "data" / "blind_cases"
    files = sorted(root.glob("*/draft.md")) + sorted(root.glob("*/sources/*.txt"))
    assert files
    handed = 0
    for path in files:
        text = path.read_text("utf-8")
        toks = tokenize(text)
        starts = [t.start for t in toks]
        spans = [(text[s.start : s.end], s.start, s.end) for s in sentences(text)]
        with run(Memos()):
            hand_sentences(text, toks, starts, spans)
            for sentence, _, _ in spans:
                if sentence in _handed():
                    handed += 1
                    assert sentence_tokens(sentence) == tokenize(sentence)
    assert handed
