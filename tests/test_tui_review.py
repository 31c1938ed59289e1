"""Unit tests of the TUI's pure parts: sanitiser, excerpts, wrapping, review state."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from tui_fixtures import WHEN, WHO, flood_report

from factcheck.decisions import Ledger, apply_decisions
from factcheck.errors import LedgerError
from factcheck.models import Document, Span
from factcheck.tui.excerpt import DocIndex, document_url, make_excerpt
from factcheck.tui.review import Review
from factcheck.tui.safe import clean, clean_line
from factcheck.tui.widgets.draft_view import wrap_offsets


def review(ledger: Ledger | None = None) -> Review:
    ledger = Ledger.memory() if ledger is None else ledger
    return Review(flood_report(), ledger, who=WHO, clock=lambda: WHEN)


# -- sanitiser --------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["\x1b", "\x07", "\x00", "\x9b", "\u202e", "\u2066", "\u200b",
                                 "\ufeff", "\U000e0041", "\ud800", "\x7f"])
def test_clean_replaces_controls_and_keeps_length(bad: str) -> None:
    s = f"a{bad}b\nc"
    out = clean(s)
    assert len(out) == len(s)
    assert bad not in out
    assert out[0] == "a" and out[2:] == "b\nc"


def test_clean_keeps_text_and_markup_literally() -> None:
    s = "Hervé said “[bold]12[/]” — €2 million 😀"
    assert clean(s) == s
    assert clean("\x1b]52;c;AAAA\x07") == "␛]52;c;AAAA␇"
    assert clean("a\tb\r\n") == "a b \n"
    assert clean_line("a\nb") == "a b"


# -- excerpts ---------------------------------------------------------------------------

def test_excerpt_takes_the_sentence_and_highlights_the_span() -> None:
    text = "First sentence here. Police arrested 12 people on Tuesday. Last one."
    span = Span(start=text.index("12"), end=text.index("12") + 9)
    idx = DocIndex(Document(id="d", text=text, origin="a/b.txt"))
    ex = idx.excerpt(span)
    assert ex.text == "Police arrested 12 people on Tuesday."
    assert ex.text[ex.hl_start:ex.hl_end] == "12 people"
    assert idx.location(span) == "a/b.txt:1"


def test_excerpt_trims_long_sentences_around_the_span() -> None:
    words = " ".join(f"word{i}" for i in range(200))
    text = f"{words} and 12 people {words}."
    start = text.index("12 people")
    span = Span(start=start, end=start + 9)
    ex = make_excerpt(text, Span(start=0, end=len(text)), span, limit=80)
    assert len(ex.text) <= 84
    assert ex.text.startswith("…") and ex.text.endswith("…")
    assert ex.text[ex.hl_start:ex.hl_end] == "12 people"


def test_excerpt_collapses_newlines_and_controls() -> None:
    text = "Police\n   arrested \x1b[2J12 people."
    start = text.index("12")
    ex = make_excerpt(text, Span(start=0, end=len(text)), Span(start=start, end=start + 9))
    assert "\n" not in ex.text and "\x1b" not in ex.text
    assert ex.text[ex.hl_start:ex.hl_end] == "12 people"


def test_location_prefers_url_and_counts_lines() -> None:
    doc = Document(id="w", text="a\nb\nc 12", origin="s/w.txt", meta={"url": "https://x.example/"})
    assert DocIndex(doc).location(Span(start=6, end=8)) == "https://x.example/"
    plain = Document(id="w", text="a\nb\nc 12", origin="s/w.txt")
    assert DocIndex(plain).location(Span(start=6, end=8)) == "s/w.txt:3"
    assert document_url(Document(id="u", text="x", origin="https://y.example/a")) == (
        "https://y.example/a")


# -- wrapping ---------------------------------------------------------------------------

@pytest.mark.parametrize("width", [10, 17, 40])
def test_wrap_offsets_cover_the_text_within_width(width: int) -> None:
    text = ("Flood waters forced 1,200 residents from their homes.\n\nAt least "
            "supercalifragilisticexpialidocious 14 people, 日本語のテキスト were hurt.\n")
    lines = wrap_offsets(text, width)
    for start, end in lines:
        assert cell_len(text[start:end].rstrip()) <= width
    joined = "".join(text[s:e] for s, e in lines)
    assert joined.replace(" ", "") == text.replace("\n", "").replace(" ", "")


# -- review state -----------------------------------------------------------------------

def test_states_counts_tallies() -> None:
    r = review()
    assert r.states() == ["conflict", "agrees", "conflict", "unclear", "agrees", "agrees",
                          "agrees", "no-source"]
    assert r.counts() == {"conflict": 2, "unclear": 1, "decided": 0, "agrees": 4,
                          "no-source": 1}
    assert r.tally(0) == {"agrees": 1, "conflicts": 1, "unclear": 0, "absent": 0}
    # conflicts first, then the source that could not be read, then agreements
    assert [row.source for row in r.evidence(0)] == ["gazette", "radio", "wire"]
    assert r.evidence(0)[1].error


def test_decide_target_undo_and_apply_decisions_agree() -> None:
    ledger = Ledger.memory()
    r = review(ledger)
    target = r.target(0, None)
    assert target is not None and target.source == "gazette"
    r.decide(0, "gazette", "confirmed")
    assert r.state(0) == "decided" and r.target(0, None) is None
    assert r.decision_summary(0) == "confirmed"
    # the keys are the ones apply_decisions uses
    applied = apply_decisions(r.report, ledger)
    assert {f.source: f.decision for f in applied.claims[0].findings} == {
        "wire": None, "gazette": "confirmed"}
    r.set_note(0, "gazette", "ok")
    assert ledger.get(r.key(0, "gazette")).note == "ok"  # type: ignore[union-attr]
    r.decide(0, "gazette", "ignored")
    assert ledger.get(r.key(0, "gazette")).note == "ok"  # type: ignore[union-attr]
    assert r.undo() is not None
    assert ledger.get(r.key(0, "gazette")).status == "confirmed"  # type: ignore[union-attr]
    r.undo()
    r.undo()
    assert ledger.get(r.key(0, "gazette")) is None and r.undo() is None
    with pytest.raises(ValueError):
        r.set_note(0, "gazette", "no decision yet")


def test_next_discrepancy_wraps() -> None:
    r = review()
    rows = list(r)
    assert r.next_discrepancy(None, 1, rows) == 0
    assert r.next_discrepancy(0, 1, rows) == 2
    assert r.next_discrepancy(3, 1, rows) == 0
    assert r.next_discrepancy(0, -1, rows) == 3
    assert r.next_discrepancy(None, 1, [1, 4]) is None


def test_filter_terms() -> None:
    r = review()
    assert r.filtered("") == list(range(8))
    assert r.filtered("person") == [3]
    assert r.filtered("CONFLICT") == [0, 2]
    assert r.filtered("no source") == [7]
    assert r.filtered("people count") == [0, 1, 2]  # claim 0: the gazette says "1,500 people"
    # what the sources say of a claim is searched too: their sentences, not only the draft's
    assert r.filtered("burst its banks") == [0]
    assert r.filtered("looting shops") == [6]
    assert r.filtered("Main Street") == [6]
    r.decide(0, "gazette", "draft-fixed")
    assert r.filtered("conflict") == [2]
    assert r.filtered("draft-fixed") == [0]


class BrokenLedger(Ledger):
    fail = True

    def record(self, decision: object) -> None:
        if self.fail:
            raise LedgerError("cannot write: read-only file system")
        super().record(decision)  # type: ignore[arg-type]


def test_unsaved_decision_is_kept_and_retried(tmp_path: Path) -> None:
    ledger = BrokenLedger(tmp_path / "decisions.json")
    r = review(ledger)
    with pytest.raises(LedgerError):
        r.decide(0, "gazette", "confirmed")
    assert r.decision(0, "gazette") is not None and r.unsaved == 1
    assert r.state(0) == "decided"
    ledger.fail = False
    r.decide(2, "wire", "source-wrong")
    assert r.unsaved == 0
    again = Ledger.open(tmp_path / "decisions.json")
    assert again.get(r.key(0, "gazette")) is not None
    assert again.get(r.key(2, "wire")) is not None


def test_findings_of_unlisted_sources_get_a_row() -> None:
    report = flood_report(failed_source=False)
    first = report.claims[0]
    extra = first.findings[0].model_copy(update={"source": "draft", "verdict": "conflicts"})
    claims = (first.model_copy(update={"findings": (*first.findings, extra)}), *report.claims[1:])
    r = Review(report.model_copy(update={"claims": claims}), Ledger.memory(), who=WHO)
    rows = r.evidence(0)
    assert [row.source for row in rows] == ["gazette", "draft", "wire"]  # conflicts first
    assert rows[1].info is None and r.document("draft") is not None
    assert r.doc_index("nowhere") is None
