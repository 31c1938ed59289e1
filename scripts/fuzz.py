"""Long fuzz run of extraction, checking and every output format.

    python scripts/fuzz.py              # 100,000 inputs
    python scripts/fuzz.py 2000 --seed 3 --jobs 2

Each input is news-like text from a small grammar (figures, hedges, units, money, dates,
names, ranges, number words, quotes) mixed with noise: random Unicode, C0/C1 controls,
escape sequences, bidi controls, invisible and format characters, look-alike letters of
other scripts, very long tokens and long runs of digits. One input in ten is instead a
slice of a real text of ``tests/data`` cut anywhere and noised; more are cut off at a
random point (as a truncated page is: "A 6-year-"). Input ``i`` is a pure function of
``(seed, i)``, so a failure is replayed with ``--only i``.

For every input: ``extract_claims`` on it, then ``check`` of it against one or two mutated
copies; every claim and finding span must index its text exactly. For every ``--render-every``
th input, every report format (text, json, github, sarif, markdown) and every extract format
(text, json, jsonl) is rendered: JSON and SARIF must parse, no output may hold a raw escape,
C1 or bidi character, and every GitHub line must be one of our workflow commands with our
property names (so no text can start a command of its own). Only FactcheckError may be
raised. Prints the count, the failures and the time; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import corpus  # noqa: E402

from factcheck.errors import FactcheckError  # noqa: E402
from factcheck.invisible import hidden_class, in_emoji  # noqa: E402

REPORT_FORMATS = ("text", "json", "github", "sarif", "markdown")
CLAIM_FORMATS = ("text", "json", "jsonl")
TIMEOUT_S = 1  # one input taking longer than this is a failure (runaway regex, quadratic)

# Raw characters no output may contain (newline and, in the text formats, tab aside): C0,
# C1, line/paragraph separators, the Braille blank and every format or default-ignorable
# character (Unicode's Cf and Default_Ignorable_Code_Point), but a joiner inside an emoji.
_RAW_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u2800{hidden_class()}]")
_GITHUB_PROP = r"(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*"
_GITHUB_LINE = re.compile(rf"::(?:error|warning|notice)(?: {_GITHUB_PROP}(?:,{_GITHUB_PROP})*)?::"
                          r"[^\r\n]*")

# --- input grammar -------------------------------------------------------------------------

UNITS = ("km", "kilometres", "miles", "tonnes", "kg", "litres", "hectares", "%", "per cent",
         "metres", "mph", "km/h", "°C", "MW", "barrels", "square metres", "acres", "years")
HEDGES_EN = ("about", "around", "more than", "over", "under", "at least", "at most",
             "nearly", "almost", "some", "up to", "fewer than", "roughly", "an estimated",
             "approximately", "as many as", "no fewer than", "just over", "just under")
FR = (
    "Quelque {n} personnes ont été interpellées lundi à {p}, selon le parquet.",
    "Environ {n} gendarmes ont été mobilisés pour l'opération, a précisé {name}.",
    "Le préjudice est estimé à {n} millions d'euros, soit {k} % de plus qu'en 2023.",
    "Sept personnes ont été placées en détention provisoire le 5 février 2024.",
    "Un homme de {k} ans a été mis en examen ; {n} armes ont été saisies.",
    "Plus de {n} habitants ont été évacués pendant {k} heures.",
)
NOISE_CHARS = (
    "\x1b[31m", "\x1b]52;c;aGVsbG8=\x07", "\x1b]8;;https://evil.example/\x1b\\", "\x1b[2J",
    "\x9b", "\x85", "\x90", "\x00", "\x07", "\x08", "\r", "\r\n", "\x0b", "\x0c", "\u202e",
    "\u202d", "\u2066", "\u2069", "\u200b", "\u200f", "\ufeff", "\u2028", "\u2029",
    "[bold]", "[link=https://evil.example]x[/link]", "\n::error::x", "%0A::warning::y",
    '"', "\\", "</script>", "'", "`", "{", "}", "&amp;", "\ud800", "\udfff", "€", "£", "¥",
    "½", "¾", "²", "٣", "१२", "๕", "十二", "𝟘𝟙", "\U0001f600", "\u0301", "ﬁ", "İ", "ß",
    "\t", "  ", "\u00a0", "\u202f", "\u2009", "—", "–", "-", "−", "…", "«", "»", "“", "”",
    ".", ",", ";", ":", "(", ")", "%", "$", "#", "*", "_", "\\n",
    # invisible and format characters, look-alike letters of another script
    "\u00ad", "\u200c", "\u200d", "\u2060", "\u034f", "\u180e", "\u180b", "\u3164", "\u2800",
    "\ufe0f", "\U000e0041", "\u0600", "\u2062", "\U0001d173", "о", "а", "е", "Ο", "-year-", "-day-", "-ans-",
)


def _digits(rng: random.Random) -> str:
    # Long runs are rare, so that a long fuzz run stays within its time budget.
    n = rng.choice((309, 400, 1000)) if rng.random() < 0.01 else rng.choice(
        (1, 2, 3, 4, 5, 6, 8, 12, 20, 40, 80))
    s = "".join(rng.choice("0123456789") for _ in range(n))
    r = rng.random()
    if r < 0.2:
        s = ",".join(s[i:i + 3] for i in range(0, len(s), 3))
    elif r < 0.3:
        s = s[: len(s) // 2] + "." + s[len(s) // 2:]
    elif r < 0.35:
        s = s + "e" + str(rng.randint(0, 400))
    return s


def _long_token(rng: random.Random) -> str:
    n = rng.choice((200, 1000)) if rng.random() < 0.05 else rng.choice((20, 50, 100))
    alphabet = rng.choice(("a", "ab-", "0123456789", "x\u0301", "é", "-", ".", "1,", "€1"))
    return "".join(rng.choice(alphabet) for _ in range(n))


def _grammar_sentence(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        return corpus._sentence(rng, 0)
    if r < 0.55:
        return rng.choice(FR).format(
            n=corpus._num(rng), k=rng.randint(1, 99), p=rng.choice(corpus.PLACES),
            name=corpus._person(rng))
    if r < 0.75:
        subj, pred = rng.choice(corpus.EVENTS)
        return (f"{rng.choice(HEDGES_EN).capitalize()} {_digits(rng)} "
                f"{rng.choice(UNITS + (subj,))} {pred} {corpus._date(rng)}.")
    if r < 0.85:
        lo = rng.randint(0, 10**rng.randint(1, 12))
        return (f"Between {lo:,} and {rng.randint(0, 10**rng.randint(1, 12)):,} "
                f"{rng.choice(UNITS)} of {rng.choice(corpus.EVENTS)[0]}, "
                f"{corpus._person(rng)} said on {rng.randint(0, 40)} "
                f"{rng.choice(corpus.MONTHS)} {rng.randint(0, 99999)}.")
    if r < 0.92:
        return (f"A {rng.randint(0, 300)}-year-old, {rng.choice(corpus.NUMBER_WORDS)} "
                f"{rng.choice(corpus.EVENTS)[0]} and {rng.choice(('one', 'a', 'two', 'zero'))}"
                f"-{rng.choice(corpus.DURATION_UNITS)} wait: {rng.randint(-50, 150)}%.")
    words = [rng.choice(("the", "of", "and", "million", "billion", "dozen", "hundred",
                         "thousand", "half", "third", "per", "cent", "year-old", "aged",
                         "Mr", "Dr", "said", "some", "nearly", "Monday", "€", "$"))
             for _ in range(rng.randint(1, 30))]
    return " ".join(words).capitalize() + rng.choice((".", "", "!", "?", ":"))


def _noise(rng: random.Random, text: str) -> str:
    """Insert noise at random places: control and format characters, markup, long tokens,
    random code points (any plane, surrogates included), digit runs."""
    pieces = list(text)
    for _ in range(rng.choice((0, 0, 1, 2, 4, 10))):
        r = rng.random()
        if r < 0.55:
            ins = rng.choice(NOISE_CHARS)
        elif r < 0.8:
            ins = chr(rng.choice((rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF),
                                  rng.randint(0x3000, 0x10FFFF))))
        elif r < 0.97:
            ins = _digits(rng)
        else:
            ins = _long_token(rng)
        pieces.insert(rng.randint(0, len(pieces)), ins)
    return "".join(pieces)


def make_input(seed: int, i: int) -> tuple[str, str, list[str]]:
    """(lang, draft text, source texts) for input ``i``."""
    rng = random.Random(seed * 1_000_003 + i)
    lang = "fr" if rng.random() < 0.15 else "en"
    sentences = [_grammar_sentence(rng) for _ in range(rng.randint(1, 4))]
    sep = rng.choice((" ", "\n", "\n\n", "\r\n", "\r", " \n\n", "\t"))
    text = _noise(rng, sep.join(sentences))
    if rng.random() < 0.02:
        text = rng.choice(("", " ", "\n", ".", "1", "\x00", "-", "\ufeff"))
    r = rng.random()
    if r < 0.1:  # a slice of a real text of tests/data, cut anywhere, noised
        real = rng.choice(_real_texts())
        a = rng.randint(0, max(0, len(real) - 50))
        text = _noise(rng, real[a : a + rng.randint(1, 1500)])
        lang = "fr" if sum(real.count(w) for w in (" le ", " la ", " les ")) > 5 else "en"
    elif r < 0.3:  # cut off anywhere, as a truncated page is ("A 6-year-")
        text = text[: rng.randint(0, len(text))]
    sources = [_mutate(rng, text) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.2:
        sources = [src[: rng.randint(0, len(src))] for src in sources]
    return lang, text, sources


_REAL: list[str] = []


def _real_texts() -> list[str]:
    """The drafts and sources of tests/data (read once per process, in a fixed order)."""
    if not _REAL:
        data = Path(__file__).resolve().parents[1] / "tests" / "data"
        _REAL.extend(p.read_text("utf-8", errors="replace") for p in sorted(data.rglob("*"))
                     if p.suffix in (".txt", ".md") and p.is_file())
    return _REAL


def _mutate(rng: random.Random, text: str) -> str:
    """A source retelling the draft: figures changed, sentences dropped or added, noise."""
    def figure(m: re.Match[str]) -> str:
        r = rng.random()
        if r < 0.5:
            return m.group()
        if r < 0.8:
            return str(max(0, int(m.group()[:15] or 0) + rng.randint(-20, 20)))
        return rng.choice(("about ", "more than ", "nearly ", "")) + m.group()

    out = re.sub(r"\d{1,15}", figure, text)
    parts = re.split(r"(?<=[.!?])\s+", out)
    rng.shuffle(parts)
    parts = [p for p in parts if rng.random() < 0.8] + [
        _grammar_sentence(rng) for _ in range(rng.randint(0, 2))]
    return _noise(rng, " ".join(parts)) if rng.random() < 0.3 else " ".join(parts)


# --- checks ----------------------------------------------------------------------------------


class Failure(Exception):
    pass


def _check_claims(text: str, claims: list, where: str) -> None:  # type: ignore[type-arg]
    n = len(text)
    for c in claims:
        s, e = c.span.start, c.span.end
        if not (0 <= s <= e <= n):
            raise Failure(f"{where}: claim {c.id} span [{s}, {e}) outside the text ({n})")
        if text[s:e] != c.text:
            raise Failure(f"{where}: claim {c.id} text {c.text!r} != text[{s}:{e}] "
                          f"{text[s:e]!r}")
        ss, se = c.sentence.start, c.sentence.end
        if not (0 <= ss <= s and e <= se <= n):
            raise Failure(f"{where}: claim {c.id} [{s}, {e}) not inside its sentence "
                          f"[{ss}, {se})")


def _check_report(report, docs: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _check_claims(report.draft.text, [c.claim for c in report.claims], "check draft")
    for checked in report.claims:
        for f in checked.findings:
            if f.span is None:
                continue
            src = docs.get(f.source)
            if src is None:
                raise Failure(f"finding for unknown source {f.source!r}")
            s, e = f.span.start, f.span.end
            if not (0 <= s <= e <= len(src)):
                raise Failure(f"finding {checked.claim.id}/{f.source}: span [{s}, {e}) "
                              f"outside the text ({len(src)})")
            if f.text is not None and src[s:e] != f.text:
                raise Failure(f"finding {checked.claim.id}/{f.source}: text {f.text!r} != "
                              f"source[{s}:{e}] {src[s:e]!r}")


def _check_output(fmt: str, out: str) -> None:
    if not isinstance(out, str):
        raise Failure(f"{fmt}: render returned {type(out).__name__}")
    for bad in _RAW_UNSAFE.finditer(out):
        if fmt in ("text", "markdown", "claims-text") and bad.group() == "\t":
            continue
        if in_emoji(out, bad.start()):
            continue
        raise Failure(f"{fmt}: raw {bad.group()!r} in the output")
    if fmt in ("json", "sarif", "claims-json"):
        json.loads(out)
    elif fmt == "claims-jsonl":
        for line in out.splitlines():
            json.loads(line)
    elif fmt == "github":
        if "\r" in out:
            raise Failure("github: a carriage return in the output")
        for line in out.splitlines():
            if not _GITHUB_LINE.fullmatch(line):
                raise Failure(f"github: not one of our commands: {line[:120]!r}")


def run_one(seed: int, i: int, render_every: int) -> None:
    from factcheck.extract import extract_claims
    from factcheck.models import Document
    from factcheck.pipeline import check
    from factcheck.report import render
    from factcheck.report.claims import render_claims

    lang, text, sources = make_input(seed, i)
    try:
        draft = Document(id="draft", text=text, lang=lang, origin="fuzz/draft.txt")
        claims = extract_claims(draft)
        _check_claims(text, claims, "extract")
        docs = [Document(id=f"src{k + 1}", text=s, lang=lang, origin=f"fuzz/src{k + 1}.txt")
                for k, s in enumerate(sources)]
        report = check(draft, docs)
        _check_report(report, {"draft": text, **{d.id: d.text for d in docs}})
        if i % render_every == 0:
            for fmt in REPORT_FORMATS:
                _check_output(fmt, render(report, fmt))
                _check_output(fmt, render(report, fmt, show_decided=True))
            for fmt in CLAIM_FORMATS:
                _check_output(f"claims-{fmt}", render_claims(draft, claims, fmt))
    except FactcheckError:
        pass


# --- driver ----------------------------------------------------------------------------------


@dataclass
class Result:
    done: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)
    slowest: tuple[float, int] = (0.0, -1)


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"one input took more than {TIMEOUT_S} s")


def run_range(args: tuple[int, int, int, int]) -> Result:
    seed, start, stop, render_every = args
    signal.signal(signal.SIGALRM, _alarm)
    _warm_up()
    res = Result()
    for i in range(start, stop):
        if (i - start) % 50 == 49:
            # as a one-shot CLI run does: what was memoised about earlier inputs is dropped,
            # and collected here, outside any input's time limit (a full collection of
            # caches grown over hundreds of inputs once took over a second inside one)
            _clear_caches()
        t0 = time.perf_counter()
        signal.alarm(TIMEOUT_S)
        try:
            run_one(seed, i, render_every)
        except Exception as exc:
            tb = traceback.format_exc(limit=-4)
            res.failures.append((i, f"{type(exc).__name__}: {exc}"[:500] + "\n" + tb))
        finally:
            signal.alarm(0)
        dt = time.perf_counter() - t0
        if dt > res.slowest[0]:
            res.slowest = (dt, i)
        res.done += 1
    return res


def _clear_caches() -> None:
    import gc

    from factcheck.pipeline import clear_caches

    clear_caches()
    gc.collect()


def _warm_up() -> None:
    """Load the modules, lexicons and texts once, outside any input's time limit."""
    from factcheck.models import Document
    from factcheck.pipeline import check
    from factcheck.report import render

    _real_texts()
    for lang, text in (("en", "Police arrested 14 people on Monday, Jean Dupont said."),
                       ("fr", "La police a interpellé 14 personnes lundi, selon Jean Dupont.")):
        report = check(Document(id="draft", text=text, lang=lang), [Document(id="s", text=text, lang=lang)])
        for fmt in REPORT_FORMATS:
            render(report, fmt)


def _chunks(n: int, first: int, size: int) -> Iterator[tuple[int, int]]:
    for a in range(first, first + n, size):
        yield a, min(a + size, first + n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=100_000, help="number of inputs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (same results)")
    ap.add_argument("--render-every", type=int, default=10, metavar="K",
                    help="render every format for every K-th input (default 10)")
    ap.add_argument("--only", type=int, metavar="I", help="run input I alone and show it")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    if args.only is not None:
        lang, text, sources = make_input(args.seed, args.only)
        print(f"lang={lang}\ndraft={text!r}\nsources={sources!r}"[:5000])
        res = run_range((args.seed, args.only, args.only + 1, 1))
    else:
        chunks = [(args.seed, a, b, args.render_every) for a, b in _chunks(args.n, 0, 500)]
        res = Result()
        if args.jobs > 1:
            with multiprocessing.Pool(args.jobs) as pool:
                parts = pool.imap(run_range, chunks)
                res = _merge(parts, started, args.n)
        else:
            res = _merge(map(run_range, chunks), started, args.n)
    elapsed = time.perf_counter() - started
    by_kind: dict[str, list[int]] = {}
    first: dict[str, str] = {}
    for i, msg in res.failures:
        kind = _kind(msg)
        by_kind.setdefault(kind, []).append(i)
        first.setdefault(kind, msg)
    for kind, inputs in sorted(by_kind.items(), key=lambda kv: -len(kv[1]))[:30]:
        i = inputs[0]
        print(f"--- {len(inputs)} x {kind}\n    inputs {', '.join(map(str, inputs[:12]))}"
              f"{' ...' if len(inputs) > 12 else ''}; replay the first: "
              f"python scripts/fuzz.py --seed {args.seed} --only {i}")
        print("    " + first[kind].rstrip().replace("\n", "\n    "))
    print(f"fuzz: {res.done:,} inputs, {len(res.failures)} failure(s) "
          f"({len(by_kind)} kind(s)), {elapsed:.0f} s; slowest input {res.slowest[1]} "
          f"({res.slowest[0]:.2f} s); seed {args.seed}")
    return 1 if res.failures else 0


def _kind(msg: str) -> str:
    """A failure's first line without its numbers, to group alike failures."""
    return re.sub(r"\d+", "N", msg.splitlines()[0])[:140]


def _merge(parts: Iterator[Result], started: float, n: int) -> Result:
    res = Result()
    for part in parts:
        res.done += part.done
        res.failures += part.failures
        res.slowest = max(res.slowest, part.slowest)
        if res.done % 10_000 < 500:
            print(f"[fuzz] {res.done:,}/{n:,} inputs, {len(res.failures)} failure(s), "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return res


if __name__ == "__main__":
    raise SystemExit(main())
