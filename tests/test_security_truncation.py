"""No input crashes a run: every text of tests/data cut off anywhere.

A text that ends in the middle of a phrase ("A 6-year-", "a three-day-", "un 6-ans-") once
made a rule look past the last token. The sweep cuts every text of ``tests/data`` after each
of its tokens and extracts the claims of what is left; since a rule looks a few tokens
around a figure, each cut is extracted from a window of the 100 characters before it (the
whole prefix would make the sweep quadratic). One whole prefix per text also go
through ``check``, and the CLI must give a report and exit 0/1 on the cut-off phrases.
"""

from __future__ import annotations

import random
import traceback
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.extract import extract_claims
from factcheck.extract.tokens import tokenize
from factcheck.lang import detect_lang
from factcheck.models import Document
from factcheck.pipeline import check

DATA = Path(__file__).parent / "data"
TEXTS = sorted(p for p in DATA.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
WINDOW = 100

CUT_OFF = [
    ("A 6-year-", "en"),
    ("a three-day-", "en"),
    ("The 41-year-", "en"),
    ("un 6-ans-", "fr"),
    ("une grève de trois-jours-", "fr"),
    ("Police arrested 14 people after a 6-year-", "en"),
    ("At 12:" + "1" * 5000, "en"),  # int() of a 5,000-digit minute
    ("Il est 12h" + "5" * 5000, "fr"),
]


def _cuts(text: str) -> list[tuple[int, int]]:
    """(window start, cut) after every token of ``text``."""
    out = []
    for t in tokenize(text):
        a = max(0, t.end - WINDOW)
        if a:
            space = text.find(" ", a, t.end)
            a = space + 1 if space >= 0 else a
        out.append((a, t.end))
    return out


def sweep(paths: list[Path]) -> tuple[int, list[str]]:
    """(number of cuts, one line per crash)."""
    n, crashes = 0, []
    for p in paths:
        text = p.read_text(encoding="utf-8", errors="replace")
        lang = detect_lang(text)
        for a, cut in _cuts(text):
            n += 1
            piece = text[a:cut]
            try:
                extract_claims(Document(id="x", text=piece, lang=lang), weak=True)
            except Exception as exc:  # what the test is looking for
                where = traceback.extract_tb(exc.__traceback__)[-1]
                crashes.append(f"{p.relative_to(DATA)} cut at {cut} ...{piece[-30:]!r}: "
                               f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}")
    return n, crashes


def test_texts_exist() -> None:
    assert len(TEXTS) >= 90


def test_every_text_cut_after_every_token_extracts() -> None:
    n, crashes = sweep(TEXTS)
    assert n > 20_000
    assert not crashes, f"{len(crashes)} of {n} cuts crash:\n" + "\n".join(crashes[:20])


def test_whole_prefixes_check() -> None:
    """Whole prefixes (not windows) of every text, checked against the uncut text."""
    rng = random.Random(22)
    for p in TEXTS:
        text = p.read_text(encoding="utf-8", errors="replace")
        lang = detect_lang(text)
        whole = Document(id="s", text=text, lang=lang)
        toks = tokenize(text)
        for t in rng.sample(toks, min(1, len(toks))):
            check(Document(id="draft", text=text[: t.end], lang=lang), [whole])


@pytest.mark.parametrize(("text", "lang"), CUT_OFF, ids=[t[:16] for t, _ in CUT_OFF])
def test_cut_off_phrase_through_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, lang: str
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    source = tmp_path / "wire.txt"
    source.write_text(text + "\n", encoding="utf-8")
    assert main(["extract", str(draft), "--lang", lang, "--format", "json"]) == 0
    assert capsys.readouterr().out.startswith(("{", "["))
    assert main(["check", str(draft), "--source", str(source), "--lang", lang]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
