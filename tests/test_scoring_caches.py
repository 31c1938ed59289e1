"""Scoring keeps per-pair caches (shapes and value terms keyed by interned ids): a score must
be the same from the cache, worked out afresh, and with the caches full."""

from __future__ import annotations

import pytest

from factcheck import runcache, scoring
from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.pipeline import check, clear_caches
from factcheck.scoring import Scored

DRAFT = (
    "Some 300 police officers were deployed on Sunday. Six people were arrested and two were "
    "remanded in custody. The repairs will cost €2.5 million, the mayor said. About 40% of the "
    "shops stayed shut for three days."
)
SOURCE = (
    "Three hundred gendarmes were deployed. One person was remanded in custody after five "
    "arrests. The mayor put the repairs at 2.4 million euros. Nearly half of the shops stayed "
    "closed for two days, and 12 officers were injured."
)


def _scores() -> list[Scored]:
    d = extract_claims(Document(id="draft", text=DRAFT))
    s = extract_claims(Document(id="s", text=SOURCE), weak=True)
    return [scoring.score(a, b) for a in d for b in s]


def test_scores_are_the_same_from_the_cache() -> None:
    first = _scores()
    assert _scores() == first  # the second time every pair is a cache hit


def test_scores_are_the_same_without_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    cached = _scores()
    # past the cap, new keys get no id and their pairs are worked out every time
    monkeypatch.setattr(scoring, "_IDS", {})
    monkeypatch.setattr(scoring, "_ID_CAP", 0)
    assert _scores() == cached


def test_a_full_pair_cache_is_emptied_not_grown() -> None:
    expected = _scores()
    junk = {-k: 0.0 for k in range(1, scoring.PAIR_CAP + 1)}  # keys no pair has
    with runcache.run(runcache.Memos()) as memos:  # the pair tables are the run's
        for name in (scoring._SHAPES, scoring._VALUE_TERMS):
            memos.table(name).update(junk)
        assert _scores() == expected
        sizes = [len(memos.table(name)) for name in (scoring._SHAPES, scoring._VALUE_TERMS)]
    assert all(0 < n < scoring.PAIR_CAP for n in sizes)


def test_report_is_the_same_with_warm_caches() -> None:
    draft = Document(id="draft", text=DRAFT)
    sources = [Document(id="s", text=SOURCE)]
    assert check(draft, sources) == check(draft, sources)


def test_report_is_the_same_after_clearing_caches() -> None:
    draft = Document(id="draft", text=DRAFT)
    sources = [Document(id="s", text=SOURCE)]
    warm = check(draft, sources)
    clear_caches()
    assert check(draft, sources) == warm
