"""One test per class of crash or runaway that the mutation fuzz of real texts
(scripts/mutate_fuzz.py) found, each on a generated worst case of its class, through the
command line on real files.

- number words that multiply without bound ("hundred hundred hundred...", "dozen dozen..."):
  an int too large for a float (OverflowError); a run of number words now ends before the
  word that would take it past 10^24;
- int() of a digit run of any length (the "4 1/2" of a mixed fraction, with 5,000 digits):
  ValueError; the figures of a fraction are read only when short;
- a sentence that never ends, full of capitalised words: each name looked back to the start
  of its sentence (quadratic: 106 s for 132 KB); the look-back is bounded;
- a page whose byline mixes scripts around a date: the HTML date search handed it to
  dateparser, which tries every locale (4.6 s for a 1 KB page); htmldate's own rules only.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from cli_fixtures import run

SOURCE = "Police arrested 14 people in Lyon on Monday, the prosecutor said.\n"


def _no_crash(code: int, err: str) -> None:
    assert code in (0, 1), err
    assert "Traceback" not in err and "unexpected error" not in err, err


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("There were " + "hundred " * 400 + "people at the rally.", "en"),
        ("They sold " + "dozen " * 400 + "eggs on Monday.", "en"),
        ("A " + "thousand hundred " * 300 + "people came.", "en"),
        ("Il y avait " + "cent " * 400 + "personnes lundi.", "fr"),
        ("Il y avait " + "mille milliards de " * 200 + "personnes.", "fr"),
        ("Police arrested " + "-".join(["hundred"] * 300) + " people.", "en"),
    ],
    ids=["hundred", "dozen", "thousand-hundred", "cent", "milliards", "hyphens"],
)
def test_number_words_that_multiply_without_bound(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   text: str, lang: str) -> None:
    (tmp_path / "draft.md").write_text(text + "\n", "utf-8")
    (tmp_path / "wire.txt").write_text(SOURCE, "utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path / "draft.md"), "--format", "json", "--lang", lang)
    _no_crash(code, err)
    values = [c.get("value") for c in json.loads(out)["claims"]]
    assert all(not isinstance(v, int | float) or v <= 1e24 for v in values), values
    for a, b in (("draft.md", "wire.txt"), ("wire.txt", "draft.md")):  # as the draft and as a source
        code, _, err = run(capsys, "check", str(tmp_path / a), "--source", str(tmp_path / b), "--format", "json")
        _no_crash(code, err)


def test_ordinary_number_words_still_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "draft.md").write_text("Three hundred thousand people marched. Two thousand four hundred and "
                                       "fifty-six people were arrested.\n", "utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path / "draft.md"), "--format", "json")
    _no_crash(code, err)
    values = {c["value"] for c in json.loads(out)["claims"]}
    assert {300000, 2456} <= values, values


@pytest.mark.parametrize(
    "text",
    ["He served 4 " + "1" * 5000 + "/2 years in prison.", "He served 4 1/" + "2" * 5000 + " years in prison.",
     "He served 4 " + "9" * 4301 + "/" + "9" * 4301 + " years."],
    ids=["numerator", "denominator", "both"],
)
def test_a_fraction_with_a_digit_run_of_any_length(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   text: str) -> None:
    (tmp_path / "draft.md").write_text(text + "\n", "utf-8")
    (tmp_path / "wire.txt").write_text("He served 4 1/2 years in prison.\n", "utf-8")
    code, _, err = run(capsys, "extract", str(tmp_path / "draft.md"))
    _no_crash(code, err)
    code, _, err = run(capsys, "check", str(tmp_path / "wire.txt"), "--source", str(tmp_path / "draft.md"))
    _no_crash(code, err)


def test_a_sentence_that_never_ends_is_read_in_linear_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a page's markup read as its text: 4,000 capitalised words and not one full stop (132 KB)
    (tmp_path / "warm.md").write_text(SOURCE, "utf-8")
    run(capsys, "extract", str(tmp_path / "warm.md"))
    (tmp_path / "draft.md").write_text("Home " + 'Statement-charset="utf-8"><title>' * 4000 + "\n", "utf-8")
    started = time.process_time()  # CPU time: the machine's other load does not count
    code, _, err = run(capsys, "extract", str(tmp_path / "draft.md"))
    took = time.process_time() - started
    _no_crash(code, err)
    assert took < 8, f"{took:.1f} s of CPU (0.5 s when bounded, 106 s before)"


def test_the_date_of_an_odd_page_is_not_searched_without_bound(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    odd = "\u20a8\u09f3\u2005\u9661\u2029\u1dc5\U0001d150"  # what the fuzz inserted into a real byline
    page = ("<!DOCTYPE html><html><head><title>Raids in Lyon</title></head><body><article><h1>Raids in Lyon</h1>"
            f'<p class="byline">By Claire Dumont · published 2024-0{odd}2-05 at 18:20, 5 February</p>'
            "<p>Police arrested 17 people in Lyon on Monday after a year-long inquiry, the prosecutor said.</p>"
            "<p>About 300 gendarmes were mobilised for the raids, which began at dawn in three districts.</p>"
            "</article></body></html>\n")
    plain = page.replace(odd, "")
    (tmp_path / "plain.html").write_text(plain, "utf-8")
    (tmp_path / "odd.html").write_text(page, "utf-8")
    run(capsys, "extract", str(tmp_path / "plain.html"))  # trafilatura imported outside the timing
    started = time.process_time()  # CPU time: the machine's other load does not count
    code, out, err = run(capsys, "extract", str(tmp_path / "odd.html"), "--format", "json")
    took = time.process_time() - started
    _no_crash(code, err)
    assert "17" in out
    assert took < 2, f"{took:.1f} s of CPU (0.03 s in the HTML reader when bounded, 4.6 s before)"


def test_a_long_line_of_dates_is_not_read_back_to_its_start_for_each() -> None:
    # the fuzz's case: a 277 KB source of one line, 29,000 dates; each date's dateline check
    # copied the line back to its start (4.4 s, 0.9 s bounded to 100 characters back)
    from factcheck.extract.dates import find_dates
    from factcheck.extract.lexicon import lexicon
    from factcheck.extract.tokens import tokenize

    lex = lexicon("en")
    text = "Two warehouses burned down. " + "PARIS, Feb 5 (Reuters) - " * 40_000
    toks = tokenize(text)
    started = time.process_time()
    found = find_dates(text, toks, lex, set())
    took = time.process_time() - started
    assert len(found) == 40_000
    assert took < 3.5, f"{took:.1f} s of CPU (1.4 s bounded, 4.7 s before)"


def test_datelines_are_still_told_from_event_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("PARIS, Feb 5 (Reuters) - Police arrested 14 people on Monday.\n"
            + "x" * 120 + " Feb 6 (Reuters) - Two people died on Sunday.\n")
    (tmp_path / "draft.md").write_text(text, "utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path / "draft.md"), "--format", "json", "--lang", "en")
    _no_crash(code, err)
    dates = [c["text"] for c in json.loads(out)["claims"] if c["kind"] == "date"]
    assert "Feb 5" not in dates and "Feb 6" in dates and "Monday" in dates, dates
