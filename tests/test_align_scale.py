"""Alignment that grows with the pairs that can match: blocks by kind and shape, bounds
before scores, and a table's rows told apart by their names."""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

import pytest

from factcheck.align import BLOCK_LIMIT, SELF_AT, Pair, _identity, _judge, _kin, _self_pairs
from factcheck.compare import compare
from factcheck.extract import extract_claims
from factcheck.lang import detect_lang
from factcheck.models import Claim, Document
from factcheck.pipeline import check
from factcheck.scoring import score_sides, side

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402  (benchmarks/ is not a package)

DRAFTS = sorted((ROOT / "tests" / "data").glob("stories*/*/draft.md")) + sorted(ROOT.glob("claims/*/draft.md"))


def every_self_pair(claims: Sequence[Claim]) -> list[Pair]:
    """The draft against itself as it was judged before blocking: every pair of distinct sayings
    (two people of one surname, :func:`~factcheck.align._kin`, are no pair)."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(_identity(c), []).append(i)
    reps = list(groups.values())
    sides = [side(claims[g[0]]) for g in reps]
    pairs = []
    for a, ds in zip(reps, sides, strict=True):
        for b, ss in zip(reps, sides, strict=True):
            d, s = ds.claim, ss.claim
            if b is a or s.kind != d.kind or compare(d, s)[0] != "conflicts" or _kin(d, s):
                continue
            sc, ev = score_sides(ds, ss)
            judged = _judge(d, s, sc, ev) if sc >= SELF_AT else None
            if not judged or judged.verdict != "conflicts":
                continue
            for di in a:
                k = bisect_right(b, di)
                while k < len(b) and claims[b[k]].sentence == claims[di].sentence:
                    k += 1
                if k < len(b):
                    pairs.append(Pair(sc, di, b[k], *judged))
    return pairs


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.parent.name)
def test_the_bounded_self_check_finds_what_every_pair_finds(path: Path) -> None:
    text = path.read_text("utf-8")
    claims = extract_claims(Document(id="draft", text=text, lang=detect_lang(text)))
    assert sorted(_self_pairs(claims)) == sorted(every_self_pair(claims))


def test_a_long_draft_that_contradicts_itself_is_still_caught() -> None:
    text, _ = corpus.story(0, seed=5, draft_words=3000, n_facts=120)
    text += "\n\nIn Lyon, 41 people were arrested, officials said.\n\nOfficials in Lyon said 44 people were arrested.\n"
    claims = extract_claims(Document(id="draft", text=text))
    assert sorted(_self_pairs(claims)) == sorted(every_self_pair(claims))


def test_the_rows_of_a_table_meet_their_own_rows() -> None:
    n = 4 * BLOCK_LIMIT  # far past the limit: every figure of a shape has many like it
    d, s = corpus.figures(n, seed=3)
    draft, source = Document(id="draft", text=d), Document(id="src", text=s)
    report = check(draft, [source], cache=None)
    src_claims = {c.id: c for c in extract_claims(source, weak=True)}
    wards = set(corpus.WARDS)
    names = wards | {p.split()[-1] for p in corpus.PARTIES}

    def named(text: str) -> set[str]:
        return names & set(text.replace(",", " ").replace(".", " ").split())

    same_row = 0
    for checked in report.claims:
        c = checked.claim
        for f in checked.findings:
            if f.source != "src":
                continue
            theirs = src_claims[str(f.source_claim)]
            # a row meets only rows that share a name with it (its ward, or a party few rows
            # have), or its very value
            assert named(c.context) & named(theirs.context) or c.value == theirs.value, (c.context, theirs.context)
            same_row += bool(named(c.context) & named(theirs.context) & wards)
    assert same_row >= 0.8 * n
