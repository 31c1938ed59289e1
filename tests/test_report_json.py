"""JSON report: the contract of eval/REPORT-JSON.md."""

from __future__ import annotations

import json
from typing import Any

import pytest
from report_fixtures import DRAFT, RADIO, WEB, WIRE, assert_golden, basic_report

from factcheck.report import render

TEXTS = {"draft": DRAFT, "wire-en": WIRE, "radio-en": RADIO, "web-fr": WEB}


def load(**kw: bool) -> dict[str, Any]:
    out = render(basic_report(), "json", **kw)
    data: dict[str, Any] = json.loads(out)
    return data


def test_golden() -> None:
    data = load()
    data.pop("tool")  # carries the version
    assert_golden("basic.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def test_sources_in_order_with_contract_fields() -> None:
    assert load()["sources"] == [
        {"id": "wire-en", "path": "sources/wire-en.txt", "lang": "en", "title": None,
         "error": None},
        {"id": "radio-en", "path": "sources/radio en.txt", "lang": "en", "title": None,
         "error": None},
        {"id": "web-fr", "path": "https://example.org/port?id=1&x=2", "lang": "fr",
         "title": None, "error": None},
        {"id": "gone", "path": "sources/gone.txt", "lang": "en", "title": None,
         "error": "file not found"},
    ]


CLAIM_KEYS = {"id", "kind", "span", "text", "value", "unit", "hedge", "subject", "predicate",
              "role", "findings"}
FINDING_KEYS = {"source", "verdict", "span", "text", "value", "unit", "why", "score", "decision"}


@pytest.mark.parametrize(
    ("cid", "kind", "value", "n_findings"),
    [("c1", "count", 40, 3), ("c2", "count", 6, 3), ("c3", "person", "Anna Lindqvist", 2),
     ("c4", "money", 2000000, 2), ("c5", "count", 7, 0)],
    ids=["count", "count-self", "person", "money-decided", "no-findings"],
)
def test_claim(cid: str, kind: str, value: object, n_findings: int) -> None:
    c = next(c for c in load()["claims"] if c["id"] == cid)
    assert c.keys() >= CLAIM_KEYS
    assert (c["kind"], c["value"], len(c["findings"])) == (kind, value, n_findings)
    start, end = c["span"]
    assert DRAFT[start:end] == c["text"]
    for f in c["findings"]:
        assert f.keys() >= FINDING_KEYS
        if f["span"] is not None:
            s, e = f["span"]
            assert TEXTS[f["source"]][s:e] == f["text"]


def test_exact_spans() -> None:
    claims = {c["id"]: c for c in load()["claims"]}
    assert claims["c1"]["span"] == [34, 58]
    assert claims["c2"]["findings"][0] == {
        "source": "wire-en", "verdict": "conflicts", "span": [114, 141],
        "text": "one was remanded in custody", "value": 1, "unit": None, "why": "", "score": 0.93,
        "decision": None, "source_claim": None,
        "line": 3, "column": 6, "end_line": 3, "end_column": 33, "path": "sources/wire-en.txt",
    }
    assert {k: claims["c1"][k] for k in ("line", "column", "end_line", "end_column")} == {
        "line": 3, "column": 19, "end_line": 3, "end_column": 43}


def test_decided_and_absent_findings_included() -> None:
    c4 = next(c for c in load()["claims"] if c["id"] == "c4")
    assert [(f["source"], f["verdict"], f["decision"]) for f in c4["findings"]] == [
        ("wire-en", "conflicts", "accepted"), ("radio-en", "absent", None)]


@pytest.mark.parametrize("show_decided", [False, True], ids=["default", "show-decided"])
def test_summary(show_decided: bool) -> None:
    assert load(show_decided=show_decided)["summary"] == {
        "agrees": 3, "conflicts": 5, "unclear": 1, "absent": 1,
        "open": {"conflicts": 4, "unclear": 1},
        "hidden": 0 if show_decided else 1, "claims": 5, "sources": 4, "errors": 1,
        "ignored": {"inline": 0, "kinds": 0},
    }


def test_draft() -> None:
    assert load()["draft"] == {"path": "draft.md", "lang": "en", "id": "draft"}
