"""People as news names them: a table of invented sentences, one row a phrasing class.

Rows live in ``tests/data/people.tsv``: ``id <TAB> lang <TAB> text <TAB> expected``, where
``text`` writes a line break as ``\\n``; ``expected`` lists the person claims the text must
yield, as written and ``|``-separated, or ``none`` (places, organisations, teams, events,
headlines in Title Case, sentence-initial capitals: no one). A fifth column starting with
``xfail`` marks a known gap (strict).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from tables import table_lines

from factcheck.extract import extract_claims
from factcheck.extract.people import _given
from factcheck.models import Document

TABLE = Path(__file__).parent / "data" / "people.tsv"


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    text: str
    expected: tuple[str, ...]
    xfail: str | None


def load() -> list[Row]:
    rows: list[Row] = []
    for x in table_lines(TABLE, 4):
        c = x.cols
        want = () if c[3].strip() == "none" else tuple(w.strip() for w in c[3].split("|"))
        text = c[2].replace("\\n", "\n")  # a line break is written \n
        rows.append(Row(c[0], c[1], text, want, x.xfail))
    return rows


ROWS = load()


def people(text: str, lang: str) -> tuple[str, ...]:
    doc = Document(id="t", text=text, lang=lang)
    return tuple(c.text for c in extract_claims(doc) if c.kind == "person")


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, id=r.id, marks=[pytest.mark.xfail(strict=True, reason=r.xfail)] if r.xfail else []) for r in ROWS],
)
def test_people(row: Row) -> None:
    assert people(row.text, row.lang) == row.expected


def test_table_is_broad() -> None:
    negatives = sum(1 for r in ROWS if not r.expected)
    assert len(ROWS) >= 150 and negatives * 3 >= len(ROWS)
    assert {r.lang for r in ROWS} == {"en", "fr"}


def test_given_names_are_data_of_breadth() -> None:
    names = _given()
    assert len(names) > 20000
    # names from many countries, none of them hand-listed
    for name in ("oluwaseun", "bogdan", "thandiwe", "haruto", "ngozi", "dariusz", "aigerim"):
        assert name in names
    # words first: a common word or a place is no given name
    for word in ("police", "monday", "will", "new", "washington", "june"):
        assert word not in names


HEADLINES = {
    "md-heading-named-again": (
        "# Sophie Delorme beats the mayor\n\nThe list led by Sophie Delorme won on Sunday.\n", 3,
    ),
    "plain-first-line-named-again": ("Kelvin Otieno wins in Chicago\n\nKelvin Otieno won the race on Sunday.\n", 3),
    "fr-titre-nommee-ensuite": (
        "Montreval : Sophie Delorme l'emporte\n\nConduite par Sophie Delorme, la liste a gagné.\n", 3,
    ),
    "heading-only": ("# Sophie Delorme beats the mayor\n\nThe list won on Sunday, the mayor said.\n", 1),
    "first-line-is-a-sentence": ("Sophie Delorme won on Sunday.\nSophie Delorme thanked voters.\n", 1),
}


@pytest.mark.parametrize(("text", "line"), HEADLINES.values(), ids=HEADLINES.keys())
def test_a_name_in_the_headline_is_claimed_where_the_body_says_it(text: str, line: int) -> None:
    from factcheck.lang import detect_lang

    people = [c for c in extract_claims(Document(id="d", text=text, lang=detect_lang(text))) if c.kind == "person"]
    assert len(people) == 1
    assert text[: people[0].span.start].count("\n") + 1 == line


def test_words_added_to_the_lexicons_keep_the_table_green(tmp_path: Path) -> None:
    """The table holds when the lexicons grow: a copy of the package that knows one more
    role, kinship noun and given name reads every row as before."""
    import json
    import os
    import shutil
    import subprocess
    import sys

    import factcheck

    package = tmp_path / "pkg" / "factcheck"
    shutil.copytree(Path(factcheck.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    edits = {
        package / "lexicon" / "en" / "roles.toml": ('mayor = ["mayor"]\n', 'mayor = ["mayor"]\nwarden = ["warden"]\n'),
        package / "lexicon" / "fr" / "roles.toml": ('"bebe", "veuve",', '"bebe", "marraine", "veuve",'),
        package / "lexicon" / "names.toml": ("given = [", 'given = ["zebulon", '),
    }
    for path, (old, new) in edits.items():
        text = path.read_text("utf-8")
        assert text.count(old) == 1, (path.name, old)  # the lexicon moved: update this test's edit
        path.write_text(text.replace(old, new), "utf-8")
    probes = [("probe-kin", "fr", "Sa marraine Lucie a témoigné."), ("probe-given", "en", "Zebulon Okafor won.")]
    rows = [(r.id, r.lang, r.text) for r in ROWS if not r.xfail] + probes
    script = (
        "import json, sys\nfrom factcheck.extract import extract_claims\nfrom factcheck.models import Document\n"
        "rows = json.load(sys.stdin)\n"
        "print(json.dumps({i: [c.text for c in extract_claims(Document(id='t', text=t, lang=lg))"
        " if c.kind == 'person'] for i, lg, t in rows}))"
    )
    env = {**os.environ, "PYTHONPATH": str(package.parent), "FACTCHECK_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], input=json.dumps(rows), capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=120, check=True,
    )
    got = json.loads(done.stdout)
    assert (got.pop("probe-kin"), got.pop("probe-given")) == (["Lucie"], ["Zebulon Okafor"])  # the words took effect
    want = {r.id: list(r.expected) for r in ROWS if not r.xfail}
    assert {k: v for k, v in got.items() if v != want[k]} == {}


def test_where_capitals_mark_nothing_a_name_starts_from_a_given_name() -> None:
    """The language hook ``capitals_mark_names``: in a language that capitalises every noun,
    a capitalised run is a person only from a known given name (here English text read
    under a lexicon that says capitals mark nothing)."""
    from dataclasses import replace

    from factcheck.extract.lexicon import lexicon
    from factcheck.extract.people import find_people
    from factcheck.extract.tokens import tokenize

    text = "Minister Olaf Scholz met the striker Haaland and the Federal Court in Berlin."
    en = lexicon("en")
    assert en.words["capitals_mark_names"] is True
    plain = replace(en, words={**en.words, "capitals_mark_names": False})

    def names(lex: object) -> list[str]:
        return [p.name for p in find_people(text, tokenize(text), lex, {0})]  # type: ignore[arg-type]

    assert "Haaland" in names(en)  # a role word and a capital make a name here...
    assert names(plain) == ["Olaf Scholz"]  # ...where capitals mark nothing, only the given name does
