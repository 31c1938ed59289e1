"""Mutation fuzz of the project's real texts through ``factcheck check``.

    python scripts/mutate_fuzz.py 20000 --seed 1 --jobs 2
    python scripts/mutate_fuzz.py --seed 1 --only 1234 --keep /tmp/case   # replay one input

The texts are the drafts and sources of every story folder in ``claims/`` and ``tests/data``.
Input ``i`` is a pure function of ``(seed, i)``: a story, its draft and one or two of its
sources, each put through one to six random mutations -- bytes cut (the file cut off at any
byte, a UTF-8 sequence included, or a run of bytes taken out), characters inserted from every
Unicode general category (format characters, surrogates, unassigned, private use...), runs
of digits, huge numbers, a token repeated hundreds of times, two words swapped, spaces
deleted, brackets nested deep. The mutated files are written to a temporary folder and
``factcheck check DRAFT --source SRC ... --format FMT`` runs in-process (``main()`` of the
command line, as the ``factcheck`` program calls it); every tenth input also runs
``factcheck extract`` on the draft.

A crash is an exit code other than 0, 1 or 2, an exception escaping ``main()``,
``Traceback`` on standard error, or an ``unexpected error (...)`` there (a bug that the
command line, or the per-source handling, turned into one line); an input that takes more
than ``--timeout`` seconds of CPU (default 20; CPU, so that a loaded machine is no runaway)
is stopped and counted as a crash too. Prints the count, the crashes grouped by kind (the
exception and the line of factcheck it came from; each also on stderr as it is found), and
the slowest input; exits 1 on any crash.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing
import os
import random
import re
import signal
import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
STORY_ROOTS = ("claims", "tests/data")
FORMATS = ("json", "json", "text", "github", "sarif", "markdown", "rdjson")
MAX_TEXT = 400_000  # characters: a mutation that would grow a text past this is skipped


# --- the real texts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    name: str
    draft: tuple[str, bytes]  # (file suffix, bytes)
    sources: tuple[tuple[str, bytes], ...]


_STORIES: list[Story] = []


def stories() -> list[Story]:
    """Every story folder's draft and sources (read once per process, in a fixed order)."""
    if not _STORIES:
        for top in STORY_ROOTS:
            for toml in sorted((ROOT / top).rglob("story.toml")):
                folder = toml.parent
                drafts = sorted(p for p in folder.glob("draft.*") if p.is_file())
                srcs = sorted(p for p in (folder / "sources").glob("*")
                              if p.suffix in (".txt", ".md", ".html") and p.is_file())
                if drafts and srcs:
                    _STORIES.append(Story(
                        name=str(folder.relative_to(ROOT)),
                        draft=(drafts[0].suffix, drafts[0].read_bytes()),
                        sources=tuple((p.suffix, p.read_bytes()) for p in srcs),
                    ))
    return _STORIES


# --- mutations ---------------------------------------------------------------------------------

_BY_CATEGORY: dict[str, list[int]] = {}


def _categories() -> dict[str, list[int]]:
    """Code points by Unicode general category (every category, Cs and Cn included); the
    large ones sampled so the table stays small."""
    if not _BY_CATEGORY:
        every: dict[str, list[int]] = {}
        for cp in range(0x110000):
            every.setdefault(unicodedata.category(chr(cp)), []).append(cp)
        for cat, cps in sorted(every.items()):
            _BY_CATEGORY[cat] = cps if len(cps) <= 4096 else cps[:: len(cps) // 4096 + 1]
    return _BY_CATEGORY


_WORD = re.compile(r"\S+")
_HUGE = (
    "9" * 400, "1" + "0" * 5000, "10^308", "1e999", "1.5e+400", "999999999999999999999 million",
    "€1" + "0" * 60 + "bn", "$" + "9," * 200 + "999", "1 000 000 000 000 000 000 000 000",
    "99999999999999999999%", "0." + "0" * 300 + "1", "-" + "9" * 40, "½" * 30,
    "one hundred thousand million billion trillion", "mille milliards de milliards",
    "4" * 31 + " ans", "a " + "9" * 20 + "-year-old", "18446744073709551616 people",
)
_TOKENS = ("6-year-", "about", "(", "-", "million", "%", "1", "Dupont", "said", "€", "à", "of the",
           "between 3 and", "some 300", "«", "N°", "—", "1,", "3-", "per cent", "dead", "ans",
           "Jean", "le", "ten", "Mr", "aged", "\u00ad", "\u200b", "..", "and", ",", "x")
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("“", "”"), ("\"", "\""), ("<", ">"),
             ("<!--", "-->"), ("**", "**"), ("(", ""), ("", ")"), ("[", ")"))


def _at(rng: random.Random, text: str) -> int:
    return rng.randint(0, len(text))


def insert_chars(rng: random.Random, text: str) -> str:
    cats = _categories()
    names = sorted(cats)
    k = rng.choice((1, 1, 2, 3, 8, 40))
    pos = _at(rng, text)
    chars = "".join(chr(rng.choice(cats[rng.choice(names)])) for _ in range(k))
    if rng.random() < 0.3:  # format characters (soft hyphen, joiners, bidi...) on their own
        chars = "".join(chr(rng.choice(cats["Cf"])) for _ in range(k))
    return text[:pos] + chars + text[pos:]


def digit_run(rng: random.Random, text: str) -> str:
    n = rng.choice((3, 7, 16, 31, 80, 400, 3000))
    digits = "".join(rng.choice("0123456789") for _ in range(n))
    sep = rng.choice(("", "", ",", ".", " ", "\u202f", "'"))
    if sep:
        digits = sep.join(digits[i:i + 3] for i in range(0, len(digits), 3))
    pos = _at(rng, text)
    return text[:pos] + rng.choice(("", " ", "€", "$")) + digits + rng.choice(("", " ", " %", " people")) + text[pos:]


def huge_number(rng: random.Random, text: str) -> str:
    words = list(_WORD.finditer(text))
    new = rng.choice(_HUGE)
    digits = [m for m in words if any(c.isdigit() for c in m.group())]
    if digits and rng.random() < 0.6:  # in place of a figure of the text
        m = rng.choice(digits)
        return text[:m.start()] + new + text[m.end():]
    pos = _at(rng, text)
    return text[:pos] + " " + new + " " + text[pos:]


def repeat_token(rng: random.Random, text: str) -> str:
    words = _WORD.findall(text)
    token = rng.choice(words) if words and rng.random() < 0.6 else rng.choice(_TOKENS)
    n = rng.choice((2, 5, 30, 200, 1000))
    joiner = rng.choice((" ", "", "-", ", ", "\n"))
    pos = _at(rng, text)
    return text[:pos] + joiner.join([token] * n) + text[pos:]


def swap_words(rng: random.Random, text: str) -> str:
    words = list(_WORD.finditer(text))
    if len(words) < 2:
        return text
    for _ in range(rng.choice((1, 1, 3, 20))):
        a, b = sorted(rng.sample(range(len(words)), 2))
        if rng.random() < 0.7 and a + 1 < len(words):  # neighbours, most of the time
            b = a + 1
        wa, wb = words[a], words[b]
        text = text[:wa.start()] + wb.group() + text[wa.end():wb.start()] + wa.group() + text[wb.end():]
        words = list(_WORD.finditer(text))
    return text


def delete_spaces(rng: random.Random, text: str) -> str:
    if not text:
        return text
    a = _at(rng, text)
    b = min(len(text), a + rng.choice((20, 100, 1000, len(text))))
    return text[:a] + re.sub(r"[ \t\u00a0]+", "", text[a:b]) + text[b:]


def nested_brackets(rng: random.Random, text: str) -> str:
    left, right = rng.choice(_BRACKETS)
    depth = rng.choice((1, 3, 20, 200, 2000))
    words = list(_WORD.finditer(text))
    if words and rng.random() < 0.7:  # round a word of the text
        m = rng.choice(words)
        return text[:m.start()] + left * depth + m.group() + right * depth + text[m.end():]
    pos = _at(rng, text)
    return text[:pos] + left * depth + rng.choice(("", "14", "x")) + right * depth + text[pos:]


TEXT_MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    insert_chars, insert_chars, digit_run, huge_number, repeat_token, swap_words,
    delete_spaces, nested_brackets,
)


def cut_bytes(rng: random.Random, data: bytes) -> bytes:
    """The file cut off at any byte (inside a UTF-8 sequence too), or a run of bytes taken out."""
    if not data:
        return data
    a = rng.randint(0, len(data))
    if rng.random() < 0.5:
        return data[:a]
    return data[:a] + data[a + rng.choice((1, 2, 3, 50, 1000)):]


def mutate(rng: random.Random, suffix: str, data: bytes) -> bytes:
    """One to six mutations of a file's bytes; the text mutations work on its UTF-8 text."""
    text = data.decode("utf-8", errors="surrogateescape")
    steps = rng.randint(1, 6)
    cuts = 0
    for _ in range(steps):
        if rng.random() < 0.2:
            cuts += 1
            continue
        grown = rng.choice(TEXT_MUTATIONS)(rng, text)
        if len(grown) <= MAX_TEXT:
            text = grown
    out = text.encode("utf-8", errors="surrogatepass")
    for _ in range(cuts):
        out = cut_bytes(rng, out)
    return out


@dataclass(frozen=True)
class Case:
    story: str
    files: tuple[tuple[str, bytes], ...]  # (name, bytes): the draft first
    fmt: str
    extract: bool


def make_case(seed: int, i: int) -> Case:
    rng = random.Random(seed * 1_000_003 + i)
    story = rng.choice(stories())
    picked = rng.sample(story.sources, k=min(len(story.sources), rng.choice((1, 1, 2))))
    files = [("draft" + story.draft[0], story.draft[1])]
    files += [(f"src{n}{suffix}", data) for n, (suffix, data) in enumerate(picked)]
    mutated = [rng.random() < 0.8 for _ in files]
    if not any(mutated):
        mutated[rng.randrange(len(files))] = True
    out = tuple((name, mutate(rng, name, data) if m else data) for (name, data), m in zip(files, mutated, strict=True))
    return Case(story=story.name, files=out, fmt=rng.choice(FORMATS), extract=i % 10 == 0)


# --- running -----------------------------------------------------------------------------------


class Crash(Exception):
    pass


def _cli(argv: list[str]) -> tuple[int, str]:
    """``factcheck ARGV`` in-process: its exit code and standard error. An exception that
    escapes ``main()`` (what would be a traceback) is a Crash."""
    from factcheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


def run_case(case: Case, folder: Path) -> list[int]:
    for name, data in case.files:
        (folder / name).write_bytes(data)
    draft, *srcs = (str(folder / name) for name, _ in case.files)
    runs = [["check", draft, *(x for s in srcs for x in ("--source", s)), "--format", case.fmt, "--no-config"]]
    if case.extract:
        runs.append(["extract", draft, "--format", "json"])
    codes = []
    for argv in runs:
        code, err = _cli(argv)
        codes.append(code)
        if code not in (0, 1, 2):
            raise Crash(f"{argv[0]}: exit code {code}; stderr: {err[-300:]!r}")
        if "Traceback" in err:
            raise Crash(f"{argv[0]}: a traceback on stderr: {err[-600:]!r}")
        if "unexpected error (" in err:  # a bug that the command turned into one line
            line = next(ln for ln in err.splitlines() if "unexpected error (" in ln)
            raise Crash(f"{argv[0]}: {line[line.index('unexpected error ('):][:300]}")
    return codes


@dataclass
class Result:
    done: int = 0
    crashes: list[tuple[int, str, str]] = field(default_factory=list)  # (input, kind, detail)
    slowest: tuple[float, int] = (0.0, -1)  # CPU seconds, input
    wall: float = 0.0  # the longest wall-clock time of one input
    codes: dict[int, int] = field(default_factory=dict)


class _Timeout(BaseException):  # not an Exception: main() must not turn it into a message
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _where(exc: BaseException) -> str:
    """The innermost line of factcheck an exception came from."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/factcheck/" in f.filename]
    if not (ours or frames):
        return "?"
    f = (ours or frames)[-1]
    return f"{Path(f.filename).name}:{f.lineno} {f.name}"


def run_range(args: tuple[int, int, int, float]) -> Result:
    seed, start, stop, timeout = args
    os.environ["FACTCHECK_NO_CACHE"] = "1"
    signal.signal(signal.SIGPROF, _alarm)
    res = Result()
    with tempfile.TemporaryDirectory(prefix="mutate-fuzz-") as tmp:
        folder = Path(tmp)
        _warm_up(folder)
        for i in range(start, stop):
            if (i - start) % 50 == 49:
                _clear_caches()  # as a one-shot command-line run starts cold
            case = make_case(seed, i)
            t0, c0 = time.perf_counter(), time.process_time()
            signal.setitimer(signal.ITIMER_PROF, timeout)  # CPU time: a loaded machine is no runaway
            try:
                for code in run_case(case, folder):
                    res.codes[code] = res.codes.get(code, 0) + 1
            except _Timeout:
                res.crashes.append((i, f"over {timeout:g} s of CPU", case.story))
            except Crash as exc:
                first = str(exc).splitlines()[0] if str(exc) else "crash"
                res.crashes.append((i, re.sub(r"\d+", "N", first)[:120], str(exc)[:800]))
            except Exception as exc:
                kind = f"{type(exc).__name__} at {_where(exc)}"
                res.crashes.append((i, kind, "".join(traceback.format_exception(exc, limit=-6))[-2000:]))
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            if res.crashes and res.crashes[-1][0] == i:  # at once, for a long run watched as it goes
                print(f"[mutate-fuzz] input {i}: {res.crashes[-1][1]}", file=sys.stderr, flush=True)
            cpu, wall = time.process_time() - c0, time.perf_counter() - t0
            if cpu > res.slowest[0]:
                res.slowest = (cpu, i)
            res.wall = max(res.wall, wall)
            res.done += 1
            for name, _ in case.files:
                (folder / name).unlink(missing_ok=True)
    return res


def _clear_caches() -> None:
    import gc

    from factcheck.pipeline import clear_caches

    clear_caches()
    gc.collect()


def _warm_up(folder: Path) -> None:
    """Import the modules and load the lexicons once, outside any input's time limit."""
    _categories()
    story = stories()[0]
    case = Case(story.name, (("draft" + story.draft[0], story.draft[1]),
                             ("src0" + story.sources[0][0], story.sources[0][1])), "json", True)
    run_case(case, folder)
    for name, _ in case.files:
        (folder / name).unlink(missing_ok=True)


def _chunks(n: int, first: int, size: int) -> Iterator[tuple[int, int]]:
    for a in range(first, first + n, size):
        yield a, min(a + size, first + n)


def _merge(parts: Iterator[Result], started: float, n: int) -> Result:
    res = Result()
    for part in parts:
        res.done += part.done
        res.crashes += part.crashes
        res.slowest = max(res.slowest, part.slowest)
        res.wall = max(res.wall, part.wall)
        for code, k in part.codes.items():
            res.codes[code] = res.codes.get(code, 0) + k
        if res.done % 2000 < 250:
            print(f"[mutate-fuzz] {res.done:,}/{n:,} inputs, {len(res.crashes)} crash(es), "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=20_000, help="number of inputs (default 20,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first", type=int, default=0, help="number of the first input (default 0)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (same results)")
    ap.add_argument("--timeout", type=float, default=20.0,
                    help="seconds of CPU one input may take (default 20)")
    ap.add_argument("--only", type=int, metavar="I", help="run input I alone")
    ap.add_argument("--keep", metavar="DIR", help="with --only: write the input's files to DIR")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    if args.only is not None:
        case = make_case(args.seed, args.only)
        print(f"input {args.only}: {case.story}, --format {case.fmt}, files "
              + ", ".join(f"{name} ({len(data):,} bytes)" for name, data in case.files))
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
            for name, data in case.files:
                (Path(args.keep) / name).write_bytes(data)
        res = run_range((args.seed, args.only, args.only + 1, args.timeout))
    else:
        chunks = [(args.seed, a, b, args.timeout) for a, b in _chunks(args.n, args.first, 250)]
        if args.jobs > 1:
            with multiprocessing.Pool(args.jobs) as pool:
                res = _merge(pool.imap(run_range, chunks), started, args.n)
        else:
            res = _merge(map(run_range, chunks), started, args.n)
    elapsed = time.perf_counter() - started
    by_kind: dict[str, list[int]] = {}
    detail: dict[str, str] = {}
    for i, kind, text in sorted(res.crashes):
        by_kind.setdefault(kind, []).append(i)
        detail.setdefault(kind, text)
    for kind, inputs in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        print(f"--- {len(inputs)} x {kind}\n    inputs {', '.join(map(str, inputs[:12]))}"
              f"{' ...' if len(inputs) > 12 else ''}; replay the first: "
              f"python scripts/mutate_fuzz.py --seed {args.seed} --only {inputs[0]}")
        print("    " + detail[kind].rstrip().replace("\n", "\n    "))
    print(f"mutate-fuzz: {res.done:,} inputs (first {args.first}), {len(res.crashes)} crash(es) "
          f"({len(by_kind)} kind(s)), {elapsed:.0f} s; slowest input {res.slowest[1]} "
          f"({res.slowest[0]:.2f} s of CPU; longest wall clock {res.wall:.2f} s); seed {args.seed}; exit codes "
          + ", ".join(f"{code}: {k:,}" for code, k in sorted(res.codes.items())))
    return 1 if res.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
