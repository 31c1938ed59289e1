"""How alike two sentences in different languages are rests on the concepts they share
(factcheck.signals.similarity_of): one concept in common is thin evidence, however short the
two lists it is drawn from, and dates of other events in such a sentence are no conflict."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.pipeline import check
from factcheck.signals import features, similarity


def _verdicts(draft: str, draft_lang: str, source: str, source_lang: str, figure: str) -> list[str]:
    report = check(
        Document(id="draft", text=draft, lang=draft_lang), [Document(id="s", text=source, lang=source_lang)], cache=None
    )
    mine = [c for c in report.claims if c.claim.text.startswith(figure)]
    assert mine, [c.claim.text for c in report.claims]
    return [f.verdict for f in mine[0].findings if f.source == "s"]


def test_one_concept_in_common_is_a_thin_likeness() -> None:
    draft = "Les vendanges, commencées le 28 août, ont été menées dans une chaleur écrasante."
    source = "Black frost on April 12 damaged buds in low-lying vineyards."
    d = next(c for c in extract_claims(Document(id="d", text=draft, lang="fr")) if c.kind == "date")
    s = next(c for c in extract_claims(Document(id="s", text=source, lang="en"), weak=True) if c.kind == "date")
    assert len(features(d).concepts & features(s).concepts) == 1 == len(features(d).concepts | features(s).concepts)
    assert similarity(d, s) <= 0.5


@pytest.mark.parametrize(
    ("draft", "source", "figure"),
    [
        pytest.param(
            "La saison a débuté le 3 mars, sous une pluie battante.",
            "Heavy rain on March 9 flooded the lower town.",
            "3 mars",
            id="rain-and-rain",
        ),
    ],
)
def test_a_date_in_a_sentence_alike_by_one_concept_is_no_conflict(draft: str, source: str, figure: str) -> None:
    assert "conflicts" not in _verdicts(draft, "fr", source, "en", figure)


def test_sentences_that_share_several_concepts_still_meet() -> None:
    got = _verdicts(
        "Police arrested 12 people and seized 30 weapons on Monday.",
        "en",
        "Lundi, la police a interpellé 14 personnes et saisi 30 armes.",
        "fr",
        "12 people",
    )
    assert got == ["conflicts"]


def test_a_date_the_source_gives_to_the_day_is_taken_before_another_day() -> None:
    draft = "Les vendanges, commencées le 28 août, ont été menées dans une chaleur écrasante."
    report = check(
        Document(id="draft", text=draft, lang="fr"),
        [
            Document(
                id="s",
                text="Black frost on April 12 damaged buds in low-lying vineyards. The harvest began on August 28.",
                lang="en",
            )
        ],
        cache=None,
    )
    mine = next(c for c in report.claims if c.claim.text == "28 août")
    assert [(f.verdict, f.text) for f in mine.findings] == [("agrees", "August 28")]


def test_a_place_named_in_two_languages_is_one_name() -> None:
    fr = extract_claims(Document(id="a", text="En Allemagne, la police a mené 130 perquisitions.", lang="fr"))
    en = extract_claims(Document(id="b", text="In Germany, police searched 150 homes.", lang="en"))
    (a,) = [c for c in fr if c.kind == "count"]
    (b,) = [c for c in en if c.kind == "count"]
    assert features(a).own_entities == features(b).own_entities
