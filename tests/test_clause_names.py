"""The places and bodies a figure's own clause names (factcheck.signals.clause_names): a
source that names none of them is weaker evidence of the same fact. A clause of its own
after the figure, or a second predicate of its subject, says where something else happened."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.signals import clause_names


@pytest.mark.parametrize(
    ("lang", "text", "figure", "names"),
    [
        pytest.param("en", "Police in Lyon arrested 12 people.", "12 people", {"lyon"}, id="en-place-of-figure"),
        pytest.param(
            "en",
            "At one point 24 vessels were waiting at anchor or had been diverted to Halifax and Saint John.",
            "24 vessels",
            set(),
            id="en-second-predicate-or-had",
        ),
        pytest.param(
            "en",
            "Forty people were injured and were taken to Brest.",
            "Forty people",
            set(),
            id="en-second-predicate-and-were",
        ),
        pytest.param(
            "en",
            "Twelve people were killed and 30 were injured in Lyon.",
            "Twelve people",
            {"lyon"},
            id="en-and-a-figure-keeps-the-place",
        ),
        pytest.param(
            "fr",
            "Au plus fort du conflit, 24 navires attendaient au large ou avaient été déroutés vers Halifax.",
            "24 navires",
            set(),
            id="fr-second-predicate-ou-avaient",
        ),
    ],
)
def test_names_of_the_figures_clause(lang: str, text: str, figure: str, names: set[str]) -> None:
    claim = next(c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.text == figure)
    assert set(clause_names(claim)) == names
