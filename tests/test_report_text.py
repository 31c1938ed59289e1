"""Text diagnostics."""

from __future__ import annotations

import pytest
from report_fixtures import DRAFT, WEB, assert_golden, basic_report, claim, found

from factcheck.errors import UsageError
from factcheck.models import CheckedClaim, Document, Report, SourceInfo
from factcheck.report import render


def lines(report: Report, **kw: bool) -> list[str]:
    return render(report, "text", **kw).splitlines()


def test_golden() -> None:
    assert_golden("basic.txt", render(basic_report(), "text"))


def test_golden_show_decided() -> None:
    assert_golden("basic-decided.txt", render(basic_report(), "text", show_decided=True))


@pytest.mark.parametrize(
    ("prefix", "want"),
    [
        ("draft.md:3:19: conflict:",
         'draft.md:3:19: conflict: 40 people evacuated; radio-en says 45 ("Some 45 residents were'
         ' evacuated", sources/radio en.txt:2:1) — 45 vs 40'),
        ("draft.md:4:1: conflict:",
         'draft.md:4:1: conflict: 6 people remanded in custody; wire-en says 1 ("one was remanded'
         ' in custody", sources/wire-en.txt:3:6)'),
        ("draft.md:4:1: unclear:",
         'draft.md:4:1: unclear: 6 people remanded in custody; radio-en says 5 ("Five men remain'
         ' in detention", sources/radio en.txt:3:1)'),
        ("draft.md:4:1: self-conflict:",
         "draft.md:4:1: self-conflict: 6 people remanded in custody; draft says 6 here but 7 at"
         ' line 6 ("7 people had been remanded in custody")'),
        ("draft.md:4:48: conflict:",
         'draft.md:4:48: conflict: Anna Lindqvist (chief prosecutor); radio-en says'
         ' "Anna Lindquist" (sources/radio en.txt:2:51)'),
        ("error:", "error: source gone (sources/gone.txt): file not found"),
    ],
    ids=["count", "count-wire", "unclear", "self", "person", "source-error"],
)
def test_lines(prefix: str, want: str) -> None:
    got = [line for line in lines(basic_report()) if line.startswith(prefix)]
    assert got == [want]


def test_summary_and_hidden() -> None:
    out = lines(basic_report())
    assert out[-1] == "5 claims, 4 conflicts, 1 unclear, 3 agree across 4 sources; " \
                      "1 decided finding hidden"
    assert not any("decided:" in line for line in out)


def test_show_decided_marks_and_unhides() -> None:
    out = lines(basic_report(), show_decided=True)
    decided = [line for line in out if "[decided: accepted]" in line]
    assert decided == [
        'draft.md:5:22: conflict: about 2,000,000 EUR ("about €2 million"); wire-en says'
        ' 3,000,000 EUR ("€3 million", sources/wire-en.txt:4:28) [decided: accepted]'
    ]
    assert out[-1] == "5 claims, 4 conflicts, 1 unclear, 3 agree across 4 sources"


def _report(n_claims: int, conflicts: int, sources: int) -> Report:
    draft = Document(id="draft", text=DRAFT, origin="d.md")
    infos = tuple(SourceInfo(id=f"s{i}", origin=f"s{i}.txt") for i in range(sources))
    c = claim("c1", "count", "40 people were evacuated", 40)
    findings = tuple(found(f"s{i}", "conflicts", value=41) for i in range(conflicts))
    checked = [CheckedClaim(claim=c, findings=findings)]
    checked += [CheckedClaim(claim=c.model_copy(update={"id": f"x{i}"}))
                for i in range(n_claims - 1)]
    return Report(draft=draft, sources=infos, claims=tuple(checked[:n_claims]))


@pytest.mark.parametrize(
    ("n", "conflicts", "sources", "want"),
    [
        (0, 0, 0, "0 claims, 0 conflicts, 0 unclear, 0 agree across 0 sources"),
        (1, 1, 1, "1 claim, 1 conflict, 0 unclear, 0 agree across 1 source"),
        (2, 2, 2, "2 claims, 2 conflicts, 0 unclear, 0 agree across 2 sources"),
    ],
    ids=["none", "singular", "plural"],
)
def test_summary_plurals(n: int, conflicts: int, sources: int, want: str) -> None:
    assert lines(_report(n, conflicts, sources))[-1] == want


def test_source_without_position_falls_back_to_path() -> None:
    draft = Document(id="draft", text=DRAFT, origin="d.md")
    c = claim("c1", "count", "40 people were evacuated", 40)
    f = found("web", "conflicts", WEB, "40 personnes", 41)  # no document for "web"
    report = Report(draft=draft, sources=(SourceInfo(id="web", origin="https://e.x/a"),),
                    claims=(CheckedClaim(claim=c, findings=(f,)),))
    assert lines(report)[0] == (
        'd.md:3:19: conflict: 40 ("40 people were evacuated"); web says 41'
        ' ("40 personnes", https://e.x/a)'
    )


def test_no_findings_only_languages_and_summary() -> None:
    assert render(_report(1, 0, 1), "text") == \
        "read as: draft en; sources 1 en\n1 claim, 0 conflicts, 0 unclear, 0 agree across 1 source\n"


def test_unknown_format() -> None:
    with pytest.raises(UsageError):
        render(basic_report(), "xml")


@pytest.mark.parametrize(
    ("draft", "source", "says"),
    [
        ("The search lasted nearly three hours on Sunday.", "Les recherches ont duré 2h15 dimanche.",
         "s says 135 minute"),
        ("The ECB cut its deposit rate by 25 basis points on Thursday.",
         "La BCE a abaissé ses taux directeurs d'un demi-point jeudi.", "s says 0.5%"),
    ],
    ids=["minutes-against-hours", "point-against-basis-points"],
)
def test_a_source_figure_is_shown_in_its_own_unit(draft: str, source: str, says: str) -> None:
    from factcheck.pipeline import check

    report = check(Document(id="draft", text=draft, lang="en"), [Document(id="s", text=source, lang="fr")], cache=None)
    assert says in render(report, "text")
