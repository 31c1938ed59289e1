"""Reports built by hand for the report tests (no extractor, no aligner involved)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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

DRAFT = (
    "# Harbour fire\n"
    "\n"
    "Firefighters said 40 people were evacuated from the quay on Tuesday.\n"
    "Six people have been remanded in custody, said the chief prosecutor, Anna Lindqvist.\n"
    "The damage is put at about €2 million.\n"
    "Late on Tuesday, officials said 7 people had been remanded in custody.\n"
)
WIRE = (
    "HARBOUR FIRE (Wire) - Forty people were evacuated on Tuesday.\n"
    "Investigators questioned several dock workers.\n"
    "Only one was remanded in custody, prosecutor Anna Lindqvist said.\n"
    "Insurers put the damage at €3 million.\n"
)
RADIO = (
    "Fire on the quay.\n"
    "Some 45 residents were evacuated, said prosecutor Anna Lindquist.\n"
    "Five men remain in detention.\n"
)
WEB = "Incendie sur le port : 40 personnes évacuées mardi.\n"


def span(text: str, quote: str, occurrence: int = 1) -> Span:
    at = -1
    for _ in range(occurrence):
        at = text.index(quote, at + 1)
    return Span(start=at, end=at + len(quote))


def sentence(text: str, quote: str) -> Span:
    s = span(text, quote)
    start = text.rfind("\n", 0, s.start) + 1
    end = text.find("\n", s.end)
    return Span(start=start, end=len(text) if end < 0 else end)


def claim(cid: str, kind: ClaimKind, quote: str, value: JsonValue, text: str = DRAFT,
          **kw: Any) -> Claim:
    return Claim(id=cid, doc_id="draft", kind=kind, span=span(text, quote), text=quote,
                 value=value, sentence=sentence(text, quote), **kw)


def found(source: str, verdict: Verdict, text: str | None = None, quote: str | None = None,
          value: JsonValue = None, **kw: Any) -> Finding:
    return Finding(source=source, verdict=verdict, value=value,
                   span=span(text, quote) if text is not None and quote else None,
                   text=quote, **kw)


def basic_report() -> Report:
    """A draft with a conflict per kind of line: count, self, person, decided, unclear."""
    draft = Document(id="draft", text=DRAFT, origin="draft.md", title="Harbour fire")
    docs = {
        "wire-en": Document(id="wire-en", text=WIRE, origin="sources/wire-en.txt"),
        "radio-en": Document(id="radio-en", text=RADIO, origin="sources/radio en.txt"),
        "web-fr": Document(id="web-fr", text=WEB, lang="fr",
                           origin="https://example.org/port?id=1&x=2"),
    }
    sources = (
        SourceInfo(id="wire-en", origin="sources/wire-en.txt"),
        SourceInfo(id="radio-en", origin="sources/radio en.txt"),
        SourceInfo(id="web-fr", origin="https://example.org/port?id=1&x=2", lang="fr"),
        SourceInfo(id="gone", origin="sources/gone.txt", error="file not found"),
    )
    c1 = claim("c1", "count", "40 people were evacuated", 40, subject="people",
               predicate="evacuated")
    c2 = claim("c2", "count", "Six people have been remanded in custody", 6,
               subject="people", predicate="remanded in custody")
    c3 = claim("c3", "person", "the chief prosecutor, Anna Lindqvist", "Anna Lindqvist",
               role="chief prosecutor")
    c4 = claim("c4", "money", "about €2 million", 2000000, unit="EUR", hedge="about")
    c5 = claim("c5", "count", "7 people had been remanded in custody", 7, subject="people",
               predicate="remanded in custody")
    checked = (
        CheckedClaim(claim=c1, findings=(
            found("wire-en", "agrees", WIRE, "Forty people were evacuated", 40, score=0.9),
            found("radio-en", "conflicts", RADIO, "Some 45 residents were evacuated", 45,
                  score=0.8, why="45 vs 40"),
            found("web-fr", "agrees", WEB, "40 personnes évacuées", 40, score=0.85),
        )),
        CheckedClaim(claim=c2, findings=(
            found("wire-en", "conflicts", WIRE, "one was remanded in custody", 1, score=0.93),
            found("radio-en", "unclear", RADIO, "Five men remain in detention", 5, score=0.41),
            found("draft", "conflicts", DRAFT, "7 people had been remanded in custody", 7,
                  score=0.9),
        )),
        CheckedClaim(claim=c3, findings=(
            found("wire-en", "agrees", WIRE, "Anna Lindqvist", "Anna Lindqvist", score=1.0),
            found("radio-en", "conflicts", RADIO, "Anna Lindquist", "Anna Lindquist",
                  score=0.9),
        )),
        CheckedClaim(claim=c4, findings=(
            found("wire-en", "conflicts", WIRE, "€3 million", 3000000, score=0.7,
                  decision="accepted"),
            found("radio-en", "absent"),
        )),
        CheckedClaim(claim=c5, findings=()),
    )
    return Report(draft=draft, sources=sources, documents=docs, claims=checked,
                  title="Harbour fire", hidden=1)


# Hostile text: terminal escapes, OSC 52 clipboard write, OSC 8 link, 8-bit CSI, bidi
# override and isolate, Rich markup, Markdown/HTML, and a line break that starts a workflow
# command.
ANSI = "\x1b[31m"
OSC52 = "\x1b]52;c;cHduZWQ=\x07"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
C1 = "\x9b2J"
BIDI = "\u202e\u2066"
RICH = "[bold red]"
MARKUP = "<img src=x onerror=alert(1)> | **b** [l](javascript:x)"
INJECT = "\n::error::pwned\r\n::add-mask::x"
HOSTILE = f"{ANSI}{OSC52}{OSC8}{C1}{BIDI}{RICH}{MARKUP}{INJECT}"
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


def hostile_report() -> Report:
    """Every piece of untrusted text carries HOSTILE."""
    dtext = f"Intro {HOSTILE} text.\nThey said 12 people {HOSTILE} were hurt.\n"
    stext = f"Source {HOSTILE}: 13 people {HOSTILE} were hurt.\n"
    draft = Document(id="draft", text=dtext, origin="draft.md")
    sid = "wire"
    docs = {sid: Document(id=sid, text=stext, origin="sources/wire.txt")}
    sources = (
        SourceInfo(id=sid, origin="sources/wire.txt"),
        SourceInfo(id="bad", origin="sources/bad.txt", error=f"cannot read {HOSTILE}"),
    )
    quote = f"12 people {HOSTILE} were hurt"
    c1 = Claim(id="c1", doc_id="draft", kind="count", span=span(dtext, quote), text=quote,
               value=12, subject=f"people {HOSTILE}", predicate="hurt",
               sentence=sentence(dtext, quote))
    pq = f"Intro {HOSTILE}"
    c2 = Claim(id="c2", doc_id="draft", kind="person", span=span(dtext, pq), text=pq,
               value=f"Intro {HOSTILE}", role=HOSTILE, sentence=sentence(dtext, pq))
    squote = f"13 people {HOSTILE} were hurt"
    checked = (
        CheckedClaim(claim=c1, findings=(
            Finding(source=sid, verdict="conflicts", span=span(stext, squote), text=squote,
                    value=13, why=HOSTILE, score=0.9),
            Finding(source=sid, verdict="unclear", span=span(stext, squote), text=squote,
                    value=13, why=HOSTILE, decision=HOSTILE),
        )),
        CheckedClaim(claim=c2, findings=(
            Finding(source=sid, verdict="conflicts", span=span(stext, f"Source {HOSTILE}"),
                    text=f"Source {HOSTILE}", value=f"Source {HOSTILE}"),
        )),
    )
    return Report(draft=draft, sources=sources, documents=docs, claims=checked,
                  title=f"Title {HOSTILE}")


GOLDEN = Path(__file__).parent / "data" / "report"


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/data/report/NAME; FACTCHECK_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs (FACTCHECK_UPDATE_GOLDEN=1 to update)"


# A toll that grows as news comes in, reported on different days (Document.date).
TOLL_DRAFT = (
    "# Quarry collapse\n"
    "\n"
    "The collapse killed 37 people, the prefecture said.\n"
    "Another 12 people were injured.\n"
    "The mayor, Anne Roy, visited the site.\n"
)
TOLL_SOURCES = {
    "wire": "The toll rose to 43 dead on Tuesday. Twelve people were injured, said mayor Anne Roy.\n",
    "radio": "37 people were killed in the collapse.\nPolice said 15 people were injured.\n",
    "web": "At least 40 people died. The mayor, Anne Rey, came to the quarry.\n",
    "blog": "Locals say 41 people were killed.\n",
}
GROWN = "the source's report is 2 days later: the figure may have changed; incompatible figures"


def toll_report(dates: Mapping[str, str | None], *, sources: tuple[str, ...] = ("wire", "radio", "web"),
                draft_date: str | None = None, failed: str | None = None) -> Report:
    """The draft against ``sources`` (in that order), each dated by ``dates``; ``failed``:
    one more source, listed last, that could not be read."""
    t = TOLL_SOURCES
    draft = Document(id="draft", text=TOLL_DRAFT, origin="draft.md", date=draft_date)
    docs = {sid: Document(id=sid, text=t[sid], origin=f"sources/{sid}.txt", date=dates.get(sid))
            for sid in sources}
    infos = [SourceInfo(id=sid, origin=f"sources/{sid}.txt") for sid in sources]
    if failed:
        infos.append(SourceInfo(id=failed, origin=f"sources/{failed}.txt", error="file not found"))
    killed = claim("k1", "count", "The collapse killed 37 people", 37, text=TOLL_DRAFT,
                   subject="people", predicate="killed", actions=("killed",))
    injured = claim("k2", "count", "Another 12 people were injured", 12, text=TOLL_DRAFT,
                    subject="people", predicate="injured", actions=("injured",))
    mayor = claim("k3", "person", "The mayor, Anne Roy", "Anne Roy", text=TOLL_DRAFT, role="mayor")
    by_claim: dict[str, dict[str, Finding]] = {
        "k1": {
            "wire": found("wire", "conflicts", t["wire"], "43 dead", 43, why=GROWN),
            "radio": found("radio", "agrees", t["radio"], "37 people were killed", 37),
            "web": found("web", "conflicts", t["web"], "At least 40 people died", 40,
                         why="incompatible figures"),
            "blog": found("blog", "conflicts", t["blog"], "41 people were killed", 41,
                          why="incompatible figures"),
        },
        "k2": {
            "wire": found("wire", "agrees", t["wire"], "Twelve people were injured", 12),
            "radio": found("radio", "conflicts", t["radio"], "15 people were injured", 15,
                           why="incompatible figures"),
            "web": found("web", "absent"),
            "blog": found("blog", "absent"),
        },
        "k3": {
            "wire": found("wire", "agrees", t["wire"], "Anne Roy", "Anne Roy"),
            "radio": found("radio", "absent"),
            "web": found("web", "unclear", t["web"], "Anne Rey", "Anne Rey", why="name variant?"),
            "blog": found("blog", "absent"),
        },
    }
    checked = tuple(
        CheckedClaim(claim=c, findings=tuple(by_claim[c.id][sid] for sid in sources))
        for c in (killed, injured, mayor)
    )
    return Report(draft=draft, sources=tuple(infos), documents=docs, claims=checked,
                  title="Quarry collapse")
