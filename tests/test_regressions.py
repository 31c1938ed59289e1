"""Inputs the long fuzz run (scripts/fuzz.py) once broke, kept as plain tests."""

from __future__ import annotations

import pytest

from factcheck.extract import MAX_FIGURES_PER_SENTENCE, extract_claims
from factcheck.models import Document
from factcheck.pipeline import check

CASES = {
    "hedge-across-paragraphs": "Prices rose, nearly\n\nSome 88 tonnes were deployed on Saturday.",
    "date-part-across-lines": "Work stops at the end of\n\nJanuary 2024 the plant reopened.",
    "name-across-paragraphs": "The minister Anne\n\nDupont said 14 people were hurt.",
    "tiny-and-huge-values": "Police seized 0.000000000000000000000000001 grams and 1e308 tonnes.",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_every_claim_stays_in_its_sentence(text: str) -> None:
    doc = Document(id="draft", text=text)
    for c in extract_claims(doc, weak=True):
        assert c.sentence.start <= c.span.start < c.span.end <= c.sentence.end, c
        assert text[c.span.start : c.span.end] == c.text


def test_figures_far_apart_in_size_do_not_break_scoring() -> None:
    draft = Document(id="draft", text="Police seized 0.0000000000000000000000000001 tonnes of cocaine.")
    source = Document(id="s", text="Police seized 900000000000000000000000000000 tonnes of cocaine.")
    check(draft, [source])


def test_a_run_of_figures_is_capped_per_sentence() -> None:
    run = "€1" * 400
    doc = Document(id="draft", text=f"The repairs would cost around {run} in all.")
    claims = extract_claims(doc)
    assert len(claims) <= MAX_FIGURES_PER_SENTENCE
    report = check(doc, [Document(id="s", text=f"The repairs cost {run}.")])
    assert len(report.claims) <= MAX_FIGURES_PER_SENTENCE


ESCAPES = {
    "csi-colour": ("\x1b[0m12 people were arrested \x1b[31;1mtoday\x1b[0m.", ["12 people"]),
    "osc-8-link": ("\x1b]8;;http://x.test/2024\x07the report\x1b]8;;\x07 counted 5 officers.", ["5 officers"]),
    "osc-52-clipboard": ("\x1b]52;c;MTIzNDU=\x1b\\ Police arrested 3 men.", ["3 men"]),
    "c1-csi": ("\x9b2J Police seized 7 cars.", ["7 cars"]),
}


@pytest.mark.parametrize(("text", "expected"), ESCAPES.values(), ids=ESCAPES.keys())
def test_digits_inside_terminal_escapes_are_not_figures(text: str, expected: list[str]) -> None:
    claims = [c for c in extract_claims(Document(id="draft", text=text)) if c.kind != "person"]
    assert [c.text for c in claims] == expected
