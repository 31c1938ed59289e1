"""Benchmark of the review TUI: time to first paint and keypress-to-repaint.

    python benchmarks/tui_bench.py                    # synthetic 5,000-word draft, 20 sources
    python benchmarks/tui_bench.py claims/my-story    # a real story (or a draft + --source)

First paint: from starting the headless app until the review screen is mounted and its
claims list, draft and evidence are filled (loading runs in the app's worker thread, as in
``factcheck review``). Keypress to repaint: from the key event reaching the app to the last
frame it causes, turned into terminal output (a headless app composes its frames but writes
nothing; the benchmark renders each frame's update to terminal text itself, as a terminal
driver would). ``keypress_pilot_ms`` is the same key through Textual's test pilot
(``press`` then ``pause``), which adds the pilot's own idle waits (``keypress_pilot_unbound_ms``:
a key bound to nothing); ``handler_render_ms`` is the action plus a full render of the screen.

``main()`` returns the figures as a dict (milliseconds, medians of several runs).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from factcheck.models import (
    CheckedClaim,
    Claim,
    Document,
    Finding,
    Report,
    SourceInfo,
    Span,
    Verdict,
)
from factcheck.tui.app import ReviewApp, create_app, create_app_from_report

SUBJECTS = ("people", "officers", "residents", "firefighters", "students", "vehicles", "homes")
PREDICATES = ("were arrested", "were injured", "were evacuated", "were reported missing",
              "were damaged", "took part", "were questioned")
FILLER = ("officials", "said", "on", "Tuesday", "after", "a", "long", "night", "in", "the",
          "northern", "districts", "of", "the", "city", "where", "the", "river", "rose",
          "faster", "than", "expected", "and", "crews", "worked", "until", "dawn")


def synthetic_report(words: int = 5000, sources: int = 20, seed: int = 7) -> Report:
    """A draft of about ``words`` words with a figure every ~15 words, checked by hand
    against ``sources`` synthetic sources (agrees, conflicts, unclear and absent mixed)."""
    rng = random.Random(seed)
    parts: list[str] = []
    claims: list[tuple[Claim, int]] = []
    pos, count = 0, 0
    while count < words:
        n = rng.randint(2, 900)
        subject, predicate = rng.choice(SUBJECTS), rng.choice(PREDICATES)
        figure = f"{n} {subject}"
        filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(6, 12)))
        sentence = f"In the end {figure} {predicate}, {filler}."
        start = pos + len("In the end ")
        span = Span(start=start, end=start + len(figure))
        sent = Span(start=pos, end=pos + len(sentence))
        cid = f"c{len(claims) + 1}"
        claims.append((Claim(id=cid, doc_id="draft", kind="count", span=span, text=figure,
                             value=n, subject=subject, predicate=predicate, sentence=sent,
                             context=sentence), n))
        sep = "\n\n" if rng.random() < 0.15 else " "
        parts.append(sentence + sep)
        pos += len(sentence) + len(sep)
        count += len(sentence.split())
    draft = Document(id="draft", text="".join(parts), origin="drafts/synthetic.md")

    infos, docs = [], {}
    per_claim: list[list[Finding]] = [[] for _ in claims]
    for s in range(sources):
        sid = f"src{s + 1:02d}"
        text_parts: list[str] = []
        spos = 0
        for k, (claim, n) in enumerate(claims):
            roll = rng.random()
            if roll < 0.4:
                per_claim[k].append(Finding(source=sid, verdict="absent"))
                continue
            verdict: Verdict = (
                "agrees" if roll < 0.8 else "conflicts" if roll < 0.93 else "unclear")
            value = n if verdict == "agrees" else n + rng.randint(1, 20)
            figure = f"{value} {claim.subject}"
            sentence = f"Reports say {figure} {claim.predicate} overnight."
            start = spos + len("Reports say ")
            per_claim[k].append(Finding(
                source=sid, verdict=verdict, span=Span(start=start, end=start + len(figure)),
                value=value, text=figure, score=0.8, why="synthetic"))
            text_parts.append(sentence + " ")
            spos += len(sentence) + 1
        url = f"https://news{s + 1}.example/story" if s % 2 else ""
        docs[sid] = Document(id=sid, text="".join(text_parts), origin=url or f"sources/{sid}.txt",
                             meta={"url": url} if url else {})
        infos.append(SourceInfo(id=sid, origin=url or f"sources/{sid}.txt"))
    return Report(
        draft=draft, sources=tuple(infos), documents=docs, title="Synthetic benchmark story",
        claims=tuple(CheckedClaim(claim=c, findings=tuple(f))
                     for (c, _), f in zip(claims, per_claim, strict=True)),
    )


async def _until(pilot: Any, ready: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError("the review screen did not appear")
        await asyncio.sleep(0.002)


def _populated(app: ReviewApp) -> bool:
    from factcheck.tui.screens.main import MainScreen
    from factcheck.tui.widgets.claims_list import ClaimsList

    screen = app.screen
    if not isinstance(screen, MainScreen) or not screen.is_mounted:
        return False
    try:
        return screen.query_one(ClaimsList).row_count > 0 or not screen.review.claims
    except Exception:
        return False


async def _first_paint(make: Callable[[], ReviewApp], size: tuple[int, int]) -> float:
    app = make()
    start = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        await _until(pilot, lambda: _populated(app))
        await pilot.pause()  # the frame after the data arrived
        elapsed = time.perf_counter() - start
    return elapsed * 1000


async def _keypresses(make: Callable[[], ReviewApp], size: tuple[int, int],
                      presses: int) -> dict[str, list[float]]:
    from textual import events
    from textual._compositor import CompositorUpdate

    app = make()
    out: dict[str, list[float]] = {"repaint": [], "pilot": [], "unbound": [], "handler": []}
    frames: list[float] = []
    async with app.run_test(size=size) as pilot:
        await _until(pilot, lambda: _populated(app))
        await pilot.pause()
        shown = app._display

        def display(screen: Any, renderable: Any) -> None:  # what a terminal driver would write
            if renderable is not None:
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)
                frames.append(time.perf_counter())
            shown(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        screen: Any = app.screen
        for i in range(presses):
            key = "j" if i % 2 == 0 else "k"
            frames.clear()
            t = time.perf_counter()
            app._driver.send_message(events.Key(key, key))  # type: ignore[union-attr]
            await pilot.pause()
            await pilot.pause()  # every frame the key caused has been composed
            if frames:
                out["repaint"].append((max(frames) - t) * 1000)
        for _ in range(presses):
            t = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            out["pilot"].append((time.perf_counter() - t) * 1000)
        for _ in range(presses):  # a key bound to nothing: the pilot's own cost
            t = time.perf_counter()
            await pilot.press("z")
            await pilot.pause()
            out["unbound"].append((time.perf_counter() - t) * 1000)
        for i in range(presses):
            t = time.perf_counter()
            screen.action_move(1 if i % 2 == 0 else -1)
            screen._compositor.render_strips()  # repaint everything visible
            out["handler"].append((time.perf_counter() - t) * 1000)
    return out


def measure(make: Callable[[], ReviewApp], *, runs: int = 5, presses: int = 20,
            size: tuple[int, int] = (120, 40)) -> dict[str, float]:
    paints = [asyncio.run(_first_paint(make, size)) for _ in range(runs)]
    keys = asyncio.run(_keypresses(make, size, presses))
    return {
        "first_paint_ms": round(statistics.median(paints), 1),
        "first_paint_min_ms": round(min(paints), 1),
        "keypress_repaint_ms": round(statistics.median(keys["repaint"]), 1),
        "keypress_pilot_ms": round(statistics.median(keys["pilot"]), 1),
        "keypress_pilot_unbound_ms": round(statistics.median(keys["unbound"]), 1),
        "handler_render_ms": round(statistics.median(keys["handler"]), 2),
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("target", nargs="?", help="a story folder or a draft (default: synthetic)")
    p.add_argument("--source", action="append", default=[])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--presses", type=int, default=20)
    p.add_argument("--words", type=int, default=5000)
    p.add_argument("--sources", type=int, default=20)
    p.add_argument("--size", default="120x40", help="terminal size, e.g. 80x24")
    args = p.parse_args(argv)
    w, h = (int(x) for x in args.size.split("x"))
    info: dict[str, Any]
    make: Callable[[], ReviewApp]
    if args.target:
        target: str = args.target
        sources: list[str] = args.source

        def make() -> ReviewApp:
            return create_app(target, sources)

        info = {"target": target}
    else:
        report = synthetic_report(args.words, args.sources)

        def make() -> ReviewApp:
            return create_app_from_report(report, who="bench", clock=lambda: "2024-01-01")

        info = {"words": len(report.draft.text.split()), "sources": len(report.sources),
                "claims": len(report.claims),
                "findings": sum(len(c.findings) for c in report.claims)}
    figures = {**info, "size": args.size, "runs": args.runs,
               **measure(make, runs=args.runs, presses=args.presses, size=(w, h))}
    return figures


if __name__ == "__main__":
    result = main()
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    sys.exit(0)
