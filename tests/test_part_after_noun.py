"""A partitive right after a figure's noun makes the figure a part of a group counted before
it ("eight children among them", "huit enfants parmi eux"); without one it is a count of its own."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Document


@pytest.mark.parametrize(
    ("text", "lang", "figure", "part"),
    [
        ("The fire killed 17 people, eight children among them.", "en", "eight children", True),
        ("Dozens were hurt, 13 residents among those taken to hospital.", "en", "13 residents", True),
        ("L'incendie a fait 17 morts, huit enfants parmi eux.", "fr", "huit enfants", True),
        ("Los bomberos rescataron a 17 personas, ocho niños entre ellos.", "es", "ocho niños", True),
        ("The fire killed eight children on Sunday.", "en", "eight children", False),
        ("Eight children were among the 40 pupils evacuated.", "en", "Eight children", False),
    ],
)
def test_a_partitive_after_the_noun(text: str, lang: str, figure: str, part: bool) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="d", text=text, lang=lang))}
    assert claims[figure].part is part
