"""Would ``dateparser`` read news dates better than factcheck's own rules? (issue 16, item 5)

    .venv/bin/python benchmarks/dateparser_probe.py

dateparser (BSD-3-Clause) is installed already, as a dependency of htmldate. This probe runs
its ``search_dates`` with a fixed base date (the row's report date) and only the row's
language over the sentences of ``tests/data/dates_table.tsv`` and over sentences of plain
figures with no date in them, next to ``extract_claims``, and prints:

- sentences with a date that each finds (at least one date where the table has one);
- false dates: a date found in a sentence the table says has none (scores, times of day,
  durations, years in names), and in the plain-figure sentences;
- spans: whether the text it returns for a date is found in the sentence (an exact span);
- CPU time per sentence, the minimum of a few rounds.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from factcheck.extract import extract_claims  # noqa: E402
from factcheck.models import Document  # noqa: E402

TABLE = ROOT / "tests" / "data" / "dates_table.tsv"
PLAIN = {  # figures of every kind, no date: what a date reader must leave alone
    "en": [
        "Police arrested 14 people after the match.",
        "The hosts won 3-1 in front of 12,000 fans.",
        "He was jailed for 12 years and fined 5,000 euros.",
        "About 300 officers were deployed across 18 sites.",
        "Turnout reached 61.3% in the second round.",
        "The 26-year-old finished in 2:04:02.",
        "The A7 motorway was closed for 6 hours.",
        "Some 40 people were injured, 3 of them seriously.",
    ],
    "fr": [
        "Quatorze personnes ont été interpellées après le match.",
        "Lyon s'est imposé 3-1 devant 12 000 spectateurs.",
        "Il a été condamné à 12 ans de prison et 5 000 euros d'amende.",
        "Quelque 300 gendarmes ont été mobilisés sur 18 sites.",
        "La participation a atteint 61,3 % au second tour.",
        "Le coureur de 26 ans a bouclé la course en 2 h 04 min 02 s.",
        "L'autoroute A7 a été fermée pendant 6 heures.",
        "Une quarantaine de personnes ont été blessées, dont 3 grièvement.",
    ],
}
ROUNDS = 3


def _rows() -> list[tuple[str, str, str, bool]]:
    """(lang, report date or "", text, whether the table has a date claim) of each row."""
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        _, lang, day, text, dates = cols[:5]
        out.append((lang, "" if day == "-" else day, text, dates != "-"))
    return out


def _dateparser(lang: str, day: str, text: str) -> list[tuple[str, datetime]]:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if day:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(day)
    return search_dates(text, languages=[lang], settings=settings) or []  # type: ignore[arg-type]


def _ours(lang: str, day: str, text: str) -> list[str]:
    doc = Document(id="draft", text=text, lang=lang, date=day or None)
    return [c.text for c in extract_claims(doc) if c.kind == "date"]


def _cpu(fn, rows) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(ROUNDS):
        t0 = time.process_time()
        for lang, day, text, _ in rows:
            fn(lang, day, text)
        best = min(best, time.process_time() - t0)
    return best / len(rows)


def main() -> None:
    rows = _rows()
    plain = [(lang, "", text, False) for lang, texts in PLAIN.items() for text in texts]
    for name, fn in (("dateparser 1.x search_dates", _dateparser), ("factcheck extract_claims", _ours)):
        found = sum(bool(fn(lang, day, text)) for lang, day, text, has in rows if has)
        wanted = sum(has for *_, has in rows)
        false_rows = [text for lang, day, text, has in rows if not has and fn(lang, day, text)]
        false_plain = [text for lang, day, text, _ in plain if fn(lang, day, text)]
        spans = [
            (text, got[0] if isinstance(got, tuple) else got)
            for lang, day, text, _ in rows
            for got in fn(lang, day, text)
        ]
        exact = sum(span in text for text, span in spans)
        ms = 1000 * _cpu(fn, rows + plain)
        print(f"## {name}")
        print(f"- sentences with a date found: {found}/{wanted}")
        print(f"- false dates, table negatives: {len(false_rows)}/{sum(not has for *_, has in rows)}")
        print(f"- false dates, plain figures: {len(false_plain)}/{len(plain)}")
        for text in false_plain[:6]:
            print(f"    {text}  ->  {fn(*next((r[0], r[1]) for r in plain if r[2] == text), text)}")
        print(f"- spans found as written in the sentence: {exact}/{len(spans)}")
        print(f"- CPU per sentence: {ms:.2f} ms (min of {ROUNDS} rounds, {len(rows) + len(plain)} sentences)")
        print()


if __name__ == "__main__":
    main()
