"""A rate takes as its subject the noun right before "de"/"of" that it gives the size of
("une prime de 32 %", "a stake of 15%"), unless that noun says how something moved ("une
hausse de 14 %", "a fall of 6%": the direction, not what the rate is of)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Document


@pytest.mark.parametrize(
    ("text", "lang", "subject"),
    [
        ("L'offre représente une prime de 32 % sur le dernier cours.", "fr", "prime"),
        ("The fund bought a stake of 15% in the group on Monday.", "en", "stake"),
        ("Hartwell offers 84 euros per share, a premium of 32% to Friday's close.", "en", "premium"),
        ("Le chiffre d'affaires affiche une hausse de 14 % sur un an.", "fr", None),
        ("Revenue showed a fall of 6% in the quarter.", "en", None),
        # a noun of two words: a modifier before it (English), or "de" and a noun after it (French)
        ("It pays 2.10 euros a share, a payout ratio of around 45%.", "en", "ratio"),
        ("Le groupe vise un taux de distribution d'environ 40 %.", "fr", "taux"),
        ("Chez Alizéa, la direction parle de 46 %.", "fr", None),  # no noun before "parle" in French
    ],
)
def test_the_noun_a_rate_is_the_size_of(text: str, lang: str, subject: str | None) -> None:
    (rate,) = [c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "percent"]
    assert rate.subject == subject


@pytest.mark.parametrize(
    ("text", "lang", "concept"),
    [
        ("The region has an unemployment rate of 7.4%.", "en", "unemployment"),
        ("La région affiche un taux de chômage de 7,4 %.", "fr", "unemployment"),
    ],
)
def test_a_known_phrase_up_to_the_of_names_the_rate(text: str, lang: str, concept: str) -> None:
    (rate,) = [c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "percent"]
    assert concept in rate.concepts
