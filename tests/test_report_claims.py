"""render_claims: the output of `factcheck extract`."""

from __future__ import annotations

import json

import pytest
from report_fixtures import DRAFT, basic_report, claim

from factcheck.errors import UsageError
from factcheck.models import Claim, Document
from factcheck.report.claims import render_claims

DOC = Document(id="draft", text=DRAFT, origin="draft.md")


def claims() -> list[Claim]:
    return [c.claim for c in basic_report().claims]


@pytest.mark.parametrize(
    ("index", "want"),
    [
        (0, "draft.md:3:19 count 40 — people evacuated"),
        (1, "draft.md:4:1 count 6 — people remanded in custody"),
        (2, "draft.md:4:48 person Anna Lindqvist — chief prosecutor"),
        (3, "draft.md:5:22 money about 2,000,000 EUR"),
        (4, "draft.md:6:33 count 7 — people remanded in custody"),
    ],
    ids=["count", "count-at-line-start", "person-role", "money-no-subject", "later"],
)
def test_text(index: int, want: str) -> None:
    assert render_claims(DOC, claims(), "text").splitlines()[index] == want


def test_text_percent_and_date() -> None:
    text = "Turnout rose 12 percent on 2024-05-03.\n"
    doc = Document(id="d", text=text, origin="-")
    got = render_claims(doc, [
        claim("p", "percent", "12 percent", 12, text=text),
        claim("d", "date", "2024-05-03", "2024-05-03", text=text),
    ], "text")
    assert got == "-:1:14 percent 12%\n-:1:28 date 3 May 2024\n"


def test_json() -> None:
    data = json.loads(render_claims(DOC, claims(), "json"))
    assert data["document"] == {"path": "draft.md", "lang": "en"}
    assert [c["id"] for c in data["claims"]] == ["c1", "c2", "c3", "c4", "c5"]
    first = data["claims"][0]
    assert "findings" not in first
    assert {k: first[k] for k in ("kind", "span", "text", "value", "subject", "predicate")} == {
        "kind": "count", "span": [34, 58], "text": "40 people were evacuated", "value": 40,
        "subject": "people", "predicate": "evacuated"}
    assert DRAFT[slice(*first["span"])] == first["text"]


def test_jsonl() -> None:
    lines = render_claims(DOC, claims(), "jsonl").splitlines()
    assert len(lines) == 5
    objs = [json.loads(line) for line in lines]
    assert [o["value"] for o in objs] == [40, 6, "Anna Lindqvist", 2000000, 7]
    assert objs[2]["role"] == "chief prosecutor"


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_empty(fmt: str) -> None:
    assert render_claims(DOC, [], fmt) == ""


def test_empty_json() -> None:
    assert json.loads(render_claims(DOC, [], "json"))["claims"] == []


def test_unknown_format() -> None:
    with pytest.raises(UsageError):
        render_claims(DOC, [], "csv")


EXPLAINED = "Police arrested 12 people on Monday. The company lost $5m.\n"


def test_explain_names_the_rule_of_each_claim() -> None:
    from factcheck.extract import extract_claims

    doc = Document(id="draft", text=EXPLAINED, origin="d.md")
    got = render_claims(doc, extract_claims(doc), "text", explain=True).splitlines()
    assert [line.rsplit(" ", 1)[1] for line in got] == ["[count.noun]", "[date.calendar]", "[money.currency-before]"]
    assert got[0] == "d.md:1:17 count 12 — people arrested [count.noun]"
    data = json.loads(render_claims(doc, extract_claims(doc), "json", explain=True))
    assert [c["rule"] for c in data["claims"]] == ["count.noun", "date.calendar", "money.currency-before"]
    lines = render_claims(doc, extract_claims(doc), "jsonl", explain=True).splitlines()
    assert json.loads(lines[2])["rule"] == "money.currency-before"


def test_no_rule_without_explain() -> None:
    """The rule is not part of the claim objects of the reports: only --explain prints it."""
    from factcheck.extract import extract_claims

    doc = Document(id="draft", text=EXPLAINED, origin="d.md")
    data = json.loads(render_claims(doc, extract_claims(doc), "json"))
    assert all("rule" not in c for c in data["claims"])
    assert "[" not in render_claims(doc, extract_claims(doc), "text")
