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
    ],
)
def test_the_noun_a_rate_is_the_size_of(text: str, lang: str, subject: str | None) -> None:
    (rate,) = [c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "percent"]
    assert rate.subject == subject
