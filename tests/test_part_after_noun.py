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


@pytest.mark.parametrize(
    ("text", "lang", "part", "whole"),
    [
        ("La liste du maire obtient 33 des 43 sièges.", "fr", "33", "43 sièges"),
        ("The Greens won 21 of the 100 seats on Sunday.", "en", "21", "100 seats"),
    ],
)
def test_a_part_before_its_whole_leaves_the_whole_its_own_claim(text: str, lang: str, part: str, whole: str) -> None:
    # the part's span is its figure: the whole's figure is the whole's claim, not inside the part's
    claims = [c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.kind == "count"]
    assert [(c.text, c.part) for c in claims] == [(part, True), (whole, False)]
