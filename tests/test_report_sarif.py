"""SARIF 2.1.0 output, checked by a small structural validator (no schema download)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from report_fixtures import DRAFT, RADIO, WIRE, basic_report

from factcheck.models import Report
from factcheck.report import render
from factcheck.report.sarif import uri
from factcheck.text import LineIndex

LEVELS = {"none", "note", "warning", "error"}


def require(obj: dict[str, Any], *keys: str) -> None:
    missing = [k for k in keys if k not in obj]
    assert not missing, f"missing {missing} in {sorted(obj)}"


def validate_region(region: dict[str, Any]) -> None:
    require(region, "startLine", "startColumn", "endLine", "endColumn")
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        assert isinstance(region[key], int) and region[key] >= 1, (key, region)
    assert (region["endLine"], region["endColumn"]) >= (region["startLine"],
                                                        region["startColumn"])


def validate_location(loc: dict[str, Any]) -> None:
    require(loc, "physicalLocation")
    phys = loc["physicalLocation"]
    require(phys, "artifactLocation")
    assert isinstance(phys["artifactLocation"]["uri"], str) and phys["artifactLocation"]["uri"]
    if "region" in phys:
        validate_region(phys["region"])


def validate(log: dict[str, Any]) -> None:
    """The parts of the SARIF 2.1.0 schema this tool uses."""
    require(log, "$schema", "version", "runs")
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    require(run, "tool", "results")
    driver = run["tool"]["driver"]
    require(driver, "name", "rules")
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(set(rule_ids)) == len(rule_ids)
    for rule in driver["rules"]:
        require(rule, "id", "shortDescription", "fullDescription", "help")
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in LEVELS
    for inv in run.get("invocations", []):
        require(inv, "executionSuccessful")
        for note in inv.get("toolExecutionNotifications", []):
            require(note, "message")
            assert note["level"] in LEVELS
    for res in run["results"]:
        require(res, "ruleId", "message", "locations")
        assert res["ruleId"] in rule_ids
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in LEVELS
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        for loc in res["locations"] + res.get("relatedLocations", []):
            validate_location(loc)
        for related in res.get("relatedLocations", []):
            assert isinstance(related["id"], int) and related["id"] >= 0
        for s in res.get("suppressions", []):
            assert s["kind"] in {"inSource", "external"}


def load(report: Report | None = None, **kw: bool) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(report or basic_report(), "sarif", **kw))
    return data


@pytest.mark.parametrize("show_decided", [False, True], ids=["default", "show-decided"])
def test_valid(show_decided: bool) -> None:
    validate(load(show_decided=show_decided))


def test_run_header() -> None:
    run = load()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"]
    assert [(r["id"], r["name"]) for r in driver["rules"]] == [
        ("FC001", "conflict"), ("FC002", "unclear"), ("FC003", "self-conflict")]


def test_results_rules_and_levels() -> None:
    results = load()["runs"][0]["results"]
    assert [(r["ruleId"], r["level"], r["properties"]["claim"]) for r in results] == [
        ("FC001", "error", "c1"), ("FC001", "error", "c2"), ("FC002", "warning", "c2"),
        ("FC003", "error", "c2"), ("FC001", "error", "c3")]


def _offset(text: str, line: int, col: int) -> int:
    return sum(len(x) for x in text.splitlines(keepends=True)[: line - 1]) + col - 1


TEXTS = {"draft.md": DRAFT, "sources/wire-en.txt": WIRE, "sources/radio%20en.txt": RADIO}


def test_regions_match_spans() -> None:
    report = basic_report()
    spans = {c.claim.id: c.claim.span for c in report.claims}
    for res in load(report)["runs"][0]["results"]:
        phys = res["locations"][0]["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == "draft.md"
        reg = phys["region"]
        span = spans[res["properties"]["claim"]]
        assert _offset(DRAFT, reg["startLine"], reg["startColumn"]) == span.start
        assert _offset(DRAFT, reg["endLine"], reg["endColumn"]) == span.end
        rel = res["relatedLocations"][0]["physicalLocation"]
        text = TEXTS[rel["artifactLocation"]["uri"]]
        r = rel["region"]
        quoted = text[_offset(text, r["startLine"], r["startColumn"]):
                      _offset(text, r["endLine"], r["endColumn"])]
        assert quoted == r["snippet"]["text"]


def test_region_is_one_based_code_points() -> None:
    first = load()["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    line, col = LineIndex(DRAFT).position(DRAFT.index("40 people"))
    assert (first["startLine"], first["startColumn"]) == (line, col) == (3, 19)


def test_url_source_has_no_region() -> None:
    report = basic_report()
    c1 = report.claims[0]
    web = c1.findings[2].model_copy(update={"verdict": "conflicts"})
    report = report.model_copy(update={"claims": (c1.model_copy(update={"findings": (web,)}),)})
    rel = load(report)["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]
    assert rel == {"artifactLocation": {"uri": "https://example.org/port?id=1&x=2"}}


def test_fingerprints_stable_and_distinct() -> None:
    a = [r["partialFingerprints"] for r in load()["runs"][0]["results"]]
    b = [r["partialFingerprints"] for r in load()["runs"][0]["results"]]
    assert a == b
    values = [next(iter(p.values())) for p in a]
    assert len(set(values)) == len(values)


def test_fingerprint_survives_unrelated_edit() -> None:
    report = basic_report()
    before = {r["properties"]["claim"]: r["partialFingerprints"]
              for r in load(report)["runs"][0]["results"]}
    shift = "A new first line.\n"
    moved = report.model_copy(update={
        "draft": report.draft.model_copy(update={"text": shift + report.draft.text}),
        "claims": tuple(
            c.model_copy(update={"claim": c.claim.model_copy(update={"span": type(c.claim.span)(
                start=c.claim.span.start + len(shift), end=c.claim.span.end + len(shift))})})
            for c in report.claims),
    })
    after = {r["properties"]["claim"]: r["partialFingerprints"]
             for r in load(moved)["runs"][0]["results"]}
    assert before == after


def test_decided_only_with_show_decided_and_suppressed() -> None:
    assert not any("suppressions" in r for r in load()["runs"][0]["results"])
    shown = [r for r in load(show_decided=True)["runs"][0]["results"] if "suppressions" in r]
    assert [(r["properties"]["claim"], r["suppressions"][0]["status"]) for r in shown] == [
        ("c4", "accepted")]


def test_source_errors_as_notifications() -> None:
    inv = load()["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert [n["message"]["text"] for n in inv["toolExecutionNotifications"]] == [
        "source gone (sources/gone.txt): file not found"]


@pytest.mark.parametrize(
    ("origin", "want"),
    [("sources/a.txt", "sources/a.txt"), ("sources/radio en.txt", "sources/radio%20en.txt"),
     ("src\\win.txt", "src/win.txt"), ("/abs/a b.txt", "file:///abs/a%20b.txt"),
     ("https://e.x/a?b=1&c=%20", "https://e.x/a?b=1&c=%20"), ("é.txt", "%C3%A9.txt")],
    ids=["relative", "space", "backslash", "absolute", "url", "non-ascii"],
)
def test_uri(origin: str, want: str) -> None:
    assert uri(origin) == want
