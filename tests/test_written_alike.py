"""A noun the lexicon does not know, written alike in two languages but for a final "e"
("touristes" / "tourists", "listes" / "lists"), is one subject; other unknown nouns are not."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.scoring import shape_of, side

PAIRS = [  # (English sentence, French sentence, the subject both count or "-")
    # ("candidates" / "candidats" is a concept of the lexicon now: "tourists" is still unknown)
    ("Around 340 tourists were stranded.", "Quelque 340 touristes étaient bloqués.", "w:tourist"),
    ("Voters chose among 17 lists.", "Les électeurs avaient le choix entre 19 listes.", "w:list"),
    ("Some 14 groups marched on Saturday.", "Au total, 14 groupes ont défilé samedi.", "w:group"),
    ("Voters chose among 17 lists.", "Les électeurs avaient le choix entre 19 affiches.", "-"),
]


@pytest.mark.parametrize(("en", "fr", "subject"), PAIRS)
def test_written_alike(en: str, fr: str, subject: str) -> None:
    d = extract_claims(Document(id="draft", text=en, lang="en"))[0]
    s = extract_claims(Document(id="src", text=fr, lang="fr"), weak=True)[0]
    shape = shape_of(side(d), side(s))
    assert shape is not None
    assert (shape.subjects or ("-",)) == (subject,)
