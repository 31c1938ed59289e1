"""Invisible and format characters: folded out of what names and numbers are matched on
(spans stay on the original text), shown visibly in every output format and in the TUI,
and a name with look-alike letters of another script says so."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.extract import extract_claims
from factcheck.invisible import GENERATED_FOR, hidden_class, hidden_code_points, strip_hidden
from factcheck.models import Document
from factcheck.pipeline import check
from factcheck.report.safe import dumps, inert
from factcheck.tui.safe import clean

# soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, combining grapheme joiner, Mongolian vowel
# separator, Arabic letter mark, a Mongolian free variation selector, invisible times
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\u034f", "\u180e", "\u061c", "\u180b", "\u2062"]
FORMATS = ["text", "json", "github", "sarif", "markdown"]


def test_the_hidden_class_is_unicodes_cf_and_default_ignorable() -> None:
    """The generated class matches exactly Cf + Default_Ignorable_Code_Point of the running
    Python's Unicode data (recomputed when that is not the version it was generated for)."""
    want = hidden_code_points()
    assert {c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"} <= want
    one = re.compile(f"[{hidden_class()}]")
    got = {c for c in range(0x110000) if one.fullmatch(chr(c))}
    assert got == want, f"regenerate factcheck.invisible for Unicode {unicodedata.unidata_version}"
    assert unicodedata.unidata_version != GENERATED_FOR or hidden_class().startswith("\u00ad")
    for ch in (*INVISIBLE, "\ufeff", "\u3164", "\ufe0f", "\U000e0041"):
        assert ord(ch) in want


@pytest.mark.parametrize("ch", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_inside_a_surname_still_conflicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ch: str
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Prosecutor Jean Du{ch}pond said on Monday that police arrested 14 people.\n", "utf-8")
    source = tmp_path / "wire.txt"
    source.write_text("Prosecutor Jean Dupont said on Monday that police arrested 14 people.\n", "utf-8")
    assert main(["check", str(draft), "--source", str(source), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    people = [c for c in report["claims"] if c["kind"] == "person"]
    assert len(people) == 1
    person = people[0]
    assert person["value"] == f"Jean Du{ch}pond"  # the original text, escaped in the JSON
    assert [f["verdict"] for f in person["findings"] if f["source"] == "wire"] == ["conflicts"]


def test_the_same_name_with_invisible_characters_agrees() -> None:
    report = check(Document(id="draft", text="Prosecutor Jean Du\u00adpo\u200bnt said on Monday."),
                   [Document(id="wire", text="Prosecutor Jean Dupont said on Monday.")])
    (person,) = [c for c in report.claims if c.claim.kind == "person"]
    assert [f.verdict for f in person.findings if f.source == "wire"] == ["agrees"]
    text = report.draft.text
    assert text[person.claim.span.start : person.claim.span.end] == "Jean Du\u00adpo\u200bnt"


@pytest.mark.parametrize("ch", ["\u200b", "\u2060", "\u00ad", "\ufeff"])
def test_an_invisible_character_between_groups_of_three_is_one_figure(ch: str) -> None:
    text = f"Police arrested 1{ch}000 people on Monday."
    (claim,) = [c for c in extract_claims(Document(id="d", text=text)) if c.kind == "count"]
    assert claim.value == 1000
    assert text[claim.span.start : claim.span.end].startswith(f"1{ch}000")
    report = check(Document(id="draft", text=text), [Document(id="s", text="Police arrested 1,000 people on Monday.")])
    assert report.count("conflicts") == 0 and report.count("agrees") >= 1


def test_strip_hidden() -> None:
    assert strip_hidden("Du\u00adpond 1\u200b000 \u2060x\ufe0f") == "Dupond 1000 x"
    assert strip_hidden("Hervé Pétry") == "Hervé Pétry"


def test_a_name_with_letters_of_another_script_says_so() -> None:
    report = check(Document(id="draft", text="Prosecutor Jean Dup\u043ent said on Monday."),
                   [Document(id="wire", text="Prosecutor Jean Dupont said on Monday.")])
    (person,) = [c for c in report.claims if c.claim.kind == "person"]
    (finding,) = [f for f in person.findings if f.source == "wire"]
    assert finding.verdict == "conflicts"
    assert "mixes CYRILLIC and LATIN letters" in finding.why and "U+043E" in finding.why
    plain = check(Document(id="draft", text="Prosecutor Jean Dupond said on Monday."),
                  [Document(id="wire", text="Prosecutor Jean Dupont said on Monday.")])
    assert all("mixes" not in f.why for c in plain.claims for f in c.findings)


SHOWN = [*INVISIBLE, "\u2800", "\u3164", "\ufeff", "\u2066", "\U000e0041", "\u0600", "\ufe0f"]


@pytest.mark.parametrize("ch", SHOWN, ids=[f"U+{ord(c):04X}" for c in SHOWN])
def test_every_invisible_character_is_visible_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ch: str
) -> None:
    draft = tmp_path / f"draft{ch}.txt"
    draft.write_text(f"Prosecutor Jean Du{ch}pond said police arrested 14{ch} people in Ly{ch}on.\n", "utf-8")
    source = tmp_path / "wire.txt"
    source.write_text(f"Prosecutor Jean Dupont said police arrested 15 people in Lyon{ch}.\n", "utf-8")
    for fmt in FORMATS:
        main(["check", str(draft), "--source", str(source), "--format", fmt])
        out, err = capsys.readouterr()
        assert ch not in out and ch not in err, fmt
        if fmt == "json":
            assert ch in json.dumps(json.loads(out), ensure_ascii=False)  # escaped, round-trips
        elif fmt == "sarif":
            assert json.loads(out)["runs"]
        else:
            assert inert(ch) in out, fmt  # "\\xad", "\\u200b": an escape, visible
    assert ch not in inert(f"a{ch}b") and ch not in dumps({"x": f"a{ch}b"})


@pytest.mark.parametrize("ch", SHOWN, ids=[f"U+{ord(c):04X}" for c in SHOWN])
def test_the_tui_shows_every_invisible_character(ch: str) -> None:
    shown = clean(f"Du{ch}pond")
    assert ch not in shown and len(shown) == len(f"Du{ch}pond") and "\ufffd" in shown


def test_emoji_sequences_stay_one_picture() -> None:
    for emoji in ("👩\u200d🚒", "❤\ufe0f", "❤\ufe0f\u200d🔥"):
        assert inert(emoji) == emoji and clean(emoji) == emoji and emoji in dumps([emoji])
    assert inert("Du\u200dpond") == "Du\\u200dpond"
