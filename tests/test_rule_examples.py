"""Every extraction rule has an example (as proselint's checks carry theirs).

``tests/data/rule_examples.tsv``::

    rule <TAB> lang <TAB> sentence <TAB> claim

``claim`` is the text of a claim that ``rule`` reads in ``sentence`` (the claims a source
gets: ``weak=True``). Every id of :data:`factcheck.extract.rules.RULES` has a row, every row
names a declared rule, and every claim carries a declared rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import Line, table_lines

from factcheck.extract import extract_claims
from factcheck.extract.rules import RULES
from factcheck.models import Claim, Document

DATA = Path(__file__).parent / "data"
ROWS = table_lines(DATA / "rule_examples.tsv", 4, header=True)


def _claims(row: Line) -> list[Claim]:
    _, lang, sentence, _ = row.cols
    return extract_claims(Document(id="draft", text=sentence, lang=lang), weak=True)


def _param(row: Line, k: int) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=row.xfail)] if row.xfail else []
    return pytest.param(row, id=f"{row.cols[0]}-{row.cols[1]}-{k}", marks=marks)


@pytest.mark.parametrize("row", [_param(r, k) for k, r in enumerate(ROWS, 1)])
def test_the_rule_reads_its_example(row: Line) -> None:
    rule, _, sentence, claim = row.cols
    claims = _claims(row)
    read = [(c.rule, c.text) for c in claims]
    assert (rule, claim) in read, f"{sentence!r}: {rule} does not read {claim!r}; read: {read}"


def test_every_rule_has_an_example() -> None:
    examples = {r.cols[0] for r in ROWS if not r.xfail}
    assert sorted(set(RULES) - examples) == [], "rules without an example in rule_examples.tsv"
    assert sorted(examples - set(RULES)) == [], "examples of rules that rules.py does not declare"


def test_every_claim_names_a_declared_rule() -> None:
    for row in ROWS:
        for c in _claims(row):
            assert c.rule in RULES, f"{c.text!r} in {row.cols[2]!r}: undeclared rule {c.rule!r}"



def test_every_pattern_word_list_the_rules_read_exists() -> None:
    """A key of lexicon/figures.toml that the code names and the file lacks would read as an
    empty list and silently turn a rule off."""
    import re
    import tomllib

    import factcheck.extract.numeric as numeric

    data = tomllib.loads((Path(numeric.__file__).parent.parent / "lexicon" / "figures.toml").read_text("utf-8"))
    used = set(re.findall(r'_figure_(?:words|phrases)\("(\w+)", "(\w+)"\)', Path(numeric.__file__).read_text("utf-8")))
    assert len(used) >= 12
    for table, key in sorted(used):
        assert data.get(table, {}).get(key), f"figures.toml has no [{table}] {key}"
