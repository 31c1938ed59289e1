"""Reports built by hand for the TUI tests (no extractor or aligner involved), and helpers
to drive the app headless."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from textual.pilot import Pilot

from factcheck.models import (
    CheckedClaim,
    Claim,
    ClaimKind,
    Document,
    Finding,
    JsonValue,
    Report,
    SourceInfo,
    Span,
    Verdict,
)

WHO = "Test Editor"
WHEN = "2024-05-01T09:00:00+00:00"

DRAFT = (
    "Flood waters forced 1,200 residents from their homes in Riverton on Tuesday, "
    "officials said.\n"
    "\n"
    "At least 14 people were injured and 3 people died, according to the mayor, Helen Ortiz. "
    "About 40 firefighters worked through the night.\n"
    "\n"
    "The damage is estimated at $2.5 million. Police arrested 2 men for looting. "
    "It was the worst flood since 1998.\n"
)
WIRE = (
    "About 1,200 residents were evacuated in Riverton on Tuesday. Fourteen people were hurt "
    "and four died, the mayor, Helen Ortiz, said.\n\nPolice detained two men suspected of "
    "looting shops on Main Street."
)
GAZETTE = (
    "Riverton flood: 1,500 people fled their homes as the river burst its banks. Three people "
    "were killed. Mayor Helen Ortez said the damage could reach $2.5 million. About 40 "
    "firefighters were deployed overnight."
)


def span_of(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle))


def sentence_of(text: str, span: Span) -> Span:
    start = max(text.rfind(". ", 0, span.start) + 2, text.rfind("\n", 0, span.start) + 1, 0)
    ends = [e for e in (text.find(". ", span.end), text.find("\n", span.end)) if e >= 0]
    end = min(ends) + 1 if ends else len(text)
    return Span(start=start, end=end)


def claim(cid: str, kind: ClaimKind, text: str, value: JsonValue, *, doc: str = DRAFT,
          nth: int = 0, **kw: Any) -> Claim:
    span = span_of(doc, text, nth)
    sent = sentence_of(doc, span)
    return Claim(id=cid, doc_id="draft", kind=kind, span=span, text=text, value=value,
                 sentence=sent, context=doc[sent.start:sent.end], **kw)


def found(source: str, verdict: Verdict, doc: str | None = None, needle: str | None = None,
          value: JsonValue = None, why: str = "") -> Finding:
    span = span_of(doc, needle) if doc is not None and needle is not None else None
    return Finding(source=source, verdict=verdict, span=span, value=value, why=why,
                   text=needle, score=0.9 if span else 0.0)


def flood_report(*, failed_source: bool = True) -> Report:
    """Seven claims against two sources (and a third that could not be read)."""
    c = [
        claim("c1", "count", "1,200 residents", 1200, subject="residents"),
        claim("c2", "count", "At least 14 people", 14, hedge="at_least", subject="people",
              predicate="injured"),
        claim("c3", "count", "3 people", 3, subject="people", predicate="died"),
        claim("c4", "person", "Helen Ortiz", "Helen Ortiz", role="mayor"),
        claim("c5", "count", "About 40 firefighters", 40, hedge="about",
              subject="firefighters"),
        claim("c6", "money", "$2.5 million", 2500000, unit="USD"),
        claim("c7", "count", "2 men", 2, subject="men", predicate="arrested"),
        claim("c8", "date", "1998", "1998"),
    ]
    w, g = WIRE, GAZETTE
    findings: list[Sequence[Finding]] = [
        [found("wire", "agrees", w, "1,200 residents", 1200),
         found("gazette", "conflicts", g, "1,500 people", 1500, why="1,500 vs 1,200")],
        [found("wire", "agrees", w, "Fourteen people", 14),
         found("gazette", "absent", why="no figure for the injured")],
        [found("wire", "conflicts", w, "four", 4, why="4 dead vs 3"),
         found("gazette", "agrees", g, "Three people", 3)],
        [found("wire", "agrees", w, "Helen Ortiz", "Helen Ortiz"),
         found("gazette", "unclear", g, "Helen Ortez", "Helen Ortez", why="name variant?")],
        [found("wire", "absent"), found("gazette", "agrees", g, "About 40", 40)],
        [found("wire", "absent"), found("gazette", "agrees", g, "$2.5 million", 2500000)],
        [found("wire", "agrees", w, "two men", 2), found("gazette", "absent")],
        [found("wire", "absent"), found("gazette", "absent")],
    ]
    sources = [
        SourceInfo(id="wire", origin="sources/wire.txt"),
        SourceInfo(id="gazette", origin="https://gazette.example/riverton-flood",
                   title="Riverton Gazette"),
    ]
    if failed_source:
        sources.append(SourceInfo(id="radio", origin="sources/radio.txt",
                                  error="sources/radio.txt: no such file"))
    docs = {
        "wire": Document(id="wire", text=w, origin="sources/wire.txt"),
        "gazette": Document(id="gazette", text=g, origin="https://gazette.example/riverton-flood",
                            meta={"url": "https://gazette.example/riverton-flood"}),
    }
    return Report(
        draft=Document(id="draft", text=DRAFT, origin="drafts/flood.md"),
        sources=tuple(sources), documents=docs, title="Riverton flood",
        claims=tuple(CheckedClaim(claim=cl, findings=tuple(fs))
                     for cl, fs in zip(c, findings, strict=True)),
    )


HOSTILE_DRAFT = (
    "Officials said [bold red]x[/] 12 people were hurt.\x1b]52;c;AAAA\x07 "
    "The mayor \u202eKarl Smith\u202c spoke. [link=https://evil.example]click[/link]\n"
)
HOSTILE_SOURCE = "Wire: [blink]15[/blink] people \x1b[31mwere\x1b[0m hurt \u202eagain."


def hostile_report() -> Report:
    d, s = HOSTILE_DRAFT, HOSTILE_SOURCE
    c1 = claim("h1", "count", "12 people", 12, doc=d, subject="people [b]x[/b]")
    c2 = claim("h2", "person", "Karl Smith", "Karl Smith\x1b[2J", doc=d)
    return Report(
        draft=Document(id="draft", text=d, origin="drafts/[b]evil[/b].md"),
        sources=(SourceInfo(id="wire[b]", origin="sources/wire.txt"),
                 SourceInfo(id="bad", origin="x", error="boom [red]\x1b[2J\u202e")),
        documents={"wire[b]": Document(id="wire[b]", text=s, origin="sources/w\x1b[1m.txt")},
        title="Hostile [bold]title[/bold] \x1b[2J",
        claims=(
            CheckedClaim(claim=c1, findings=(
                found("wire[b]", "conflicts", s, "15[/blink] people", 15,
                      why="[i]15[/i] vs 12"),)),
            CheckedClaim(claim=c2, findings=(found("wire[b]", "absent"),)),
        ),
    )


async def wait_loaded(pilot: Pilot[Any], *, rounds: int = 200) -> None:
    """Let the loading worker finish and the review (or error) screen appear."""
    app: Any = pilot.app
    for _ in range(rounds):
        if getattr(app, "loaded", False):
            break
        await pilot.pause(0.01)
    else:
        raise AssertionError("the app did not finish loading")
    await pilot.pause()


def sync(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test with asyncio.run (the project has no async pytest plugin)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run
