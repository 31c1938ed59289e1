"""Properties of extraction and checking on arbitrary and news-like text.

* ``extract_claims`` never raises, on any text and in either language;
* every claim's span indexes the document (``text[span] == claim.text``), sits inside its
  sentence, whose text is the claim's context; claim ids are unique;
* ``check`` never raises and every finding's span indexes the text it points into.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_claims
from factcheck.models import Claim, Document, Report
from factcheck.pipeline import check

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
LANGS = st.sampled_from(["en", "fr"])

# ---- a small grammar of news sentences -------------------------------------------------

DIGITS = st.one_of(
    st.integers(0, 99).map(str),
    st.integers(100, 999_999).map(lambda n: f"{n:,}"),
    st.integers(1000, 999_999).map(lambda n: f"{n:,}".replace(",", " ")),
    st.integers(1000, 999_999).map(lambda n: f"{n:,}".replace(",", "\u00a0")),
    st.integers(1000, 999_999).map(lambda n: f"{n:,}".replace(",", ".")),
    st.tuples(st.integers(0, 99), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.tuples(st.integers(0, 99), st.integers(0, 99)).map(lambda t: f"{t[0]},{t[1]}"),
    st.sampled_from(
        [
            "1.5 million",
            "€2bn",
            "£54m",
            "$3.2 billion",
            "3,5 millions",
            "12k",
            "1,2 milliard",
            "66,63 %",
            "17%",
            "40-45",
            "18-30",
            "2019",
            "2024",
        ]
    ),
)
WORDS = st.sampled_from(
    [
        "one",
        "a",
        "an",
        "Fourteen",
        "three hundred",
        "twenty-four",
        "a dozen",
        "five dozen",
        "dozens",
        "hundreds",
        "tens of thousands",
        "two-thirds",
        "a third",
        "half",
        "un",
        "une",
        "quatorze",
        "vingt-quatre",
        "trois cents",
        "quatre-vingt-dix",
        "dix-huit",
        "des dizaines",
        "une trentaine",
        "une dizaine",
        "plus d'une soixantaine",
        "mille",
        "deux millions",
        "seventy-year-old",
    ]
)
NUMBER = st.one_of(DIGITS, WORDS)
HEDGE = st.sampled_from(
    [
        "",
        "some",
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "more than",
        "over",
        "at least",
        "up to",
        "fewer than",
        "under",
        "an estimated",
        "close to",
        "près de",
        "environ",
        "plus de",
        "au moins",
        "quelque",
        "jusqu'à",
        "between",
        "entre",
        "from",
        "de",
        "aged",
        "âgé de",
    ]
)
JOIN = st.sampled_from(["", "and", "to", "-", "–", "or", "et", "à", "ou"])
NOUN = st.sampled_from(
    [
        "people",
        "firefighters",
        "police officers",
        "jobs",
        "homes",
        "years",
        "year-old",
        "days",
        "hours",
        "a year-long",
        "tonnes",
        "km/h",
        "metres",
        "euros",
        "dollars",
        "percent",
        "per cent",
        "%",
        "€",
        "£",
        "$",
        "EUR",
        "personnes",
        "pompiers",
        "ans",
        "jours",
        "millions d'euros",
        "kg",
        "hectares",
        "of them",
        "de personnes",
        "d'habitants",
        "",
    ]
)
VERB = st.sampled_from(
    [
        "were arrested",
        "were killed",
        "died",
        "were injured",
        "was fined",
        "lost their jobs",
        "ont été interpellées",
        "ont été blessés",
        "sont morts",
        "said",
        "a déclaré",
        "",
        "fled",
    ]
)
NAME = st.sampled_from(
    [
        "Nicolas Bessone",
        "Marseille's public prosecutor Nicolas Bessone",
        "le colonel Hervé Pétry",
        "Colonel Hervé Pétry",
        "Maria Lind, the chief executive,",
        "le procureur de Marseille Anne Roux",
        "Smith, 26,",
        "Dr Sarah Kent",
        "Gov. Martin Ebbe",
        "la maire, Claire Vidal,",
        "Zoë Åkesson",
    ]
)
WHEN = st.sampled_from(
    [
        "",
        "on Tuesday",
        "mardi",
        "at the end of January",
        "fin janvier",
        "le 5 février",
        "in 2023",
        "on 12 March 2024",
        "Nov. 3",
        "le 1er mai",
        "at 10:32",
        "à 10h32",
        "mid-April",
        "début avril",
    ]
)
NOISE = st.sampled_from(
    [
        "",
        "3D printer",
        "AK-47",
        "G7",
        "COVID-19",
        "A7 motorway",
        "a first in France",
        "the 19th",
        "Published 5 Feb 2024 10:32",
        "Read more",
        "Lire aussi",
        "iPhone 15",
        "\n\n",
        "\n- ",
        "“",
        "”",
        "«",
        "»",
        '"',
        "(",
        ")",
        "...",
        ",",
        ";",
        ":",
        "—",
        "No.",
        "Mr.",
        "Jan.",
    ]
)
# Sentences end on punctuation here: a text that ends right on a unit or currency word
# crashes today (see test_text_ending_on_a_unit_word); add "" back once that is fixed.
END = st.sampled_from([".", "!", "?", ".\n\n", ". ", "…", ".\n", ""])


@st.composite
def figure(draw: st.DrawFn) -> str:
    parts = [draw(HEDGE), draw(NUMBER)]
    join = draw(JOIN)
    if join:
        parts += [join, draw(HEDGE), draw(NUMBER)]
    parts.append(draw(NOUN))
    return " ".join(p for p in parts if p)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(figure(), VERB, NAME, WHEN, NOISE), min_size=1, max_size=7))
    glue = draw(st.sampled_from([" ", " ", " ", ", ", "", "\u00a0"]))
    s = glue.join(p for p in pieces if p)
    if s[:1].islower() and draw(st.booleans()):
        s = s[:1].upper() + s[1:]
    return s + draw(END)


NEWS = st.lists(sentence(), min_size=1, max_size=6).map(lambda xs: " ".join(xs))
TEXT = st.one_of(
    st.text(max_size=300), NEWS, st.lists(st.one_of(st.text(max_size=20), sentence()), max_size=5).map("".join)
)


# ---- invariants --------------------------------------------------------------------------


def assert_claims_sound(doc: Document, claims: list[Claim]) -> None:
    text = doc.text
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids)), f"duplicate claim ids: {ids}"
    for c in claims:
        assert c.doc_id == doc.id
        assert 0 <= c.span.start < c.span.end <= len(text), c
        assert text[c.span.start : c.span.end] == c.text, (c.kind, c.span, c.text)
        assert c.sentence.start <= c.span.start and c.span.end <= c.sentence.end, (c.text, c.sentence)
        assert text[c.sentence.start : c.sentence.end] == c.context


def assert_report_sound(report: Report, draft: Document, sources: list[Document]) -> None:
    docs = {d.id: d for d in sources} | {"draft": draft}
    for cc in report.claims:
        for f in cc.findings:
            assert f.source in docs, f.source
            if f.span is None:
                continue
            text = docs[f.source].text
            assert 0 <= f.span.start <= f.span.end <= len(text), (f.source, f.span)
            assert text[f.span.start : f.span.end] == f.text, (f.source, f.span, f.text)


@SETTINGS
@given(text=TEXT, lang=LANGS, weak=st.booleans())
def test_extract_never_raises_and_spans_index_the_text(text: str, lang: str, weak: bool) -> None:
    doc = Document(id="draft", text=text, lang=lang)
    assert_claims_sound(doc, extract_claims(doc, weak=weak))


@SETTINGS
@given(text=NEWS, lang=LANGS)
def test_source_claims_have_prefixed_unique_ids(text: str, lang: str) -> None:
    doc = Document(id="wire", text=text, lang=lang)
    claims = extract_claims(doc, weak=True)
    assert_claims_sound(doc, claims)
    assert all(c.id.startswith("wire#") for c in claims)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    draft=NEWS,
    draft_lang=LANGS,
    sources=st.lists(st.tuples(st.one_of(NEWS, st.text(max_size=200)), LANGS), max_size=3),
)
def test_check_never_raises_and_findings_index_their_source(
    draft: str, draft_lang: str, sources: list[tuple[str, str]]
) -> None:
    d = Document(id="draft", text=draft, lang=draft_lang)
    docs = [Document(id=f"s{k}", text=t, lang=lang) for k, (t, lang) in enumerate(sources)]
    report = check(d, docs)
    assert_report_sound(report, d, docs)
    assert_claims_sound(d, [cc.claim for cc in report.claims])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He paid 5 euros", "en"),
        ("It lasted 5 years", "en"),
        ("The queue was 3 km", "en"),
        ("Il a payé 5 euros", "fr"),
        ("Cela a duré 3 jours", "fr"),
    ],
)
def test_text_ending_on_a_unit_word(text: str, lang: str) -> None:
    doc = Document(id="draft", text=text, lang=lang)
    assert_claims_sound(doc, extract_claims(doc))
