"""Typed alignment evidence: verdicts read its fields, and a finding's ``why`` is only its
rendering, so rewording every explanation moves no verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.evidence import NO_EVIDENCE, Evidence, default_templates, render
from factcheck.extract import extract_claims
from factcheck.lang import detect_lang
from factcheck.models import Document, Report
from factcheck.pipeline import check
from factcheck.scoring import score

DATA = Path(__file__).parent / "data"
TIERS = ("stories", "stories_hard", "blind_cases")
STORIES = sorted(p for tier in TIERS for p in (DATA / tier).iterdir() if p.is_dir())


def _story(folder: Path) -> tuple[Document, list[Document]]:
    draft_text = (folder / "draft.md").read_text("utf-8")
    draft = Document(id="draft", text=draft_text, lang=detect_lang(draft_text))
    sources = []
    for k, path in enumerate(sorted((folder / "sources").iterdir())):
        text = path.read_text("utf-8")
        sources.append(Document(id=f"s{k}", text=text, lang=detect_lang(text)))
    return draft, sources


def _verdicts(report: Report) -> list[tuple[str, str, str, float, str | None]]:
    return [
        (c.claim.id, f.source, f.verdict, f.score, f.source_claim) for c in report.claims for f in c.findings
    ]


# every explanation a plain id; and every one worded to mislead a rule that read the text
AS_IDS = {key: f"<{key}>" for key in default_templates()}
MISLEADING = {key: "same action; same subject; same place or name nearby" for key in default_templates()}


@pytest.mark.parametrize("folder", STORIES, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("templates", [AS_IDS, MISLEADING], ids=["ids", "misleading"])
def test_rewording_every_explanation_moves_no_verdict(folder: Path, templates: dict[str, str]) -> None:
    draft, sources = _story(folder)
    plain = check(draft, sources, cache=None)
    reworded = check(draft, sources, cache=None, reasons=templates)
    assert _verdicts(plain) == _verdicts(reworded)
    before = [f.why for c in plain.claims for f in c.findings]
    after = [f.why for c in reworded.claims for f in c.findings]
    assert after and all(a != b for a, b in zip(before, after, strict=True))


def test_the_default_wording_of_each_piece_of_evidence() -> None:
    ev = Evidence(
        subjects=("people", "suspects"), actions=("remanded",), context=0.5, given_by=("police", "organisers"),
        entities="same", lone=True, other_person="Dupont", comparison="incompatible figures",
    )
    assert render(ev) == (
        "same subject (people, suspects); same action (remanded); similar context 0.50; "
        "given by the police here, by the organisers there; same place or name nearby; "
        "the only such figure in both texts; said of Dupont there; incompatible figures"
    )
    assert render(Evidence(comparison="same figure")) == "weak match; same figure"
    assert render(Evidence(name="surnames_alike", name_ratio=83.3, roles=("prosecutor",))) == (
        "surnames alike (83) (role: prosecutor)"
    )
    assert render(Evidence(date_context=0.4), numeric=False) == "dates in similar sentences (0.40)"


def _claim(text: str, figure: str) -> object:
    doc = Document(id="d", text=text, lang=detect_lang(text))
    return next(c for c in extract_claims(doc) if c.text.startswith(figure))


@pytest.mark.parametrize(
    ("draft", "d_figure", "source", "s_figure", "field", "expected"),
    [
        ("Six suspects were remanded in custody.", "Six", "Eight suspects were remanded in custody on Friday.",
         "Eight", "actions", ("remanded",)),
        ("Some 300 police officers took part.", "Some 300", "Three hundred gendarmes took part.",
         "Three hundred", "subjects", ("police",)),
        ("Police said 40 people were injured.", "40", "Organisers said 60 people were injured.",
         "60", "given_by", ("authorities", "organisers")),
    ],
    ids=["same-action", "same-subject", "given-by"],
)
def test_scoring_names_what_links_two_figures(
    draft: str, d_figure: str, source: str, s_figure: str, field: str, expected: object
) -> None:
    sc, ev = score(_claim(draft, d_figure), _claim(source, s_figure))  # type: ignore[arg-type]
    assert sc > 0 and ev is not NO_EVIDENCE
    assert getattr(ev, field) == expected


def test_compared_replaces_the_comparison_only() -> None:
    ev = Evidence(subjects=("suspects",), context=0.5, lone=True, comparison="old")
    got = ev.compared("same figure")
    assert type(got) is Evidence
    assert got == ev._replace(comparison="same figure")
