"""A source that names the draft's person only by a name its extractor does not read as a
person's (the surname alone, a one-word name): an agreement,
with the span of that name. Not a family, not someone else of that surname, not another
given name before it, not a word that opens a sentence and is written in lower case elsewhere."""

from __future__ import annotations

import pytest

from factcheck.models import Document
from factcheck.pipeline import check

CASES = {
    # draft, source, source language, what the finding quotes (None: no finding)
    "surname-alone-in-brackets": (
        "Striker Tomas Verlinde signed for the club on Monday.",
        "Le club a recruté cet été (Verlinde et Okafor).", "fr", "Verlinde",
    ),
    "one-word-name-in-a-headline": (
        "Brazilian winger Ronaldão joined the club on Monday.",
        "Ronaldão joins the champions\n\nThe deal was done on Monday.", "en", "Ronaldão",
    ),
    "surname-after-a-preposition": (
        "Opposition leader Amadou Tessier was freed on Friday.",
        "Le remplaçant désigné par Tessier a gagné dimanche.", "fr", "Tessier",
    ),
    "another-given-name-first": (
        "Former mayor Khalil Baro spoke on Monday.",
        "Jacques Baro told reporters on Monday that the vote was fair.", "en", None,
    ),
    "a-family-not-a-person": (
        "Businessman Pranav Osterholt was sentenced by the court in Geneva on Friday.",
        "Le tribunal a condamné vendredi la riche famille Osterholt.", "fr", None,
    ),
    "the-family-after-the-name": (
        "Businessman Pranav Osterholt was sentenced by the court in Geneva on Friday.",
        "The Osterholt family said it would appeal.", "en", None,
    ),
    "lower-case-word-is-no-name": (
        "Prosecutor Daniel Young praised the police officers on Friday in Leeds.",
        "The young officers were praised on Friday. Young people cheered.", "en", None,
    ),
}


@pytest.mark.parametrize(("draft", "source", "lang", "quoted"), CASES.values(), ids=CASES.keys())
def test_a_name_said_again(draft: str, source: str, lang: str, quoted: str | None) -> None:
    report = check(Document(id="draft", text=draft), [Document(id="s0", text=source, lang=lang)], cache=None)
    people = [c for c in report.claims if c.claim.kind == "person"]
    assert people, [c.claim.text for c in report.claims]
    found = [f for f in people[0].findings if f.source == "s0"]
    if quoted is None:
        assert not found or found[0].verdict != "agrees", found
        return
    assert found and found[0].verdict == "agrees", found
    f = found[0]
    assert f.text == quoted and f.span is not None and source[f.span.start : f.span.end] == quoted
    assert "names this person" in f.why
