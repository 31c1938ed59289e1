#!/usr/bin/env python3
"""Hashes of the JSON reports of every case and story, to show that a change leaves reports
byte-identical.

    python scripts/report_digest.py -o after.json                 # this checkout
    python scripts/report_digest.py --code /tmp/old -o before.json  # another checkout's code, same data
    python scripts/report_digest.py --compare before.json after.json

Runs ``factcheck check ... --format json`` as a process on:

- every case of the shared eval (``--cases``, default ``../shared/eval/cases``), invoked as
  ``eval/score.py`` does: in the case folder, ``draft.md`` with each source of ``case.json`` in
  its order, ``--date`` and ``--source-date`` where the case knows them;
- every story of ``tests/data/stories*/``: a folder with a ``story.toml`` as a story folder,
  else its ``draft.md`` with ``sources/*.txt`` in name order;
- every story folder of ``claims/``.

The tool runs as ``python -P -m factcheck`` so that the current folder never shadows ``--code``.

A story folder is checked twice, with ``FACTCHECK_NO_CACHE=1`` (no claim cache) and then
with the cache, twice more (one run that fills it, one that reads it): all three reports
must be the same bytes. The story's ``.cache/`` is removed before and after. The data
always comes from this checkout; ``--code DIR`` only puts ``DIR`` first on ``PYTHONPATH``,
so two builds are compared on the same texts. The output maps each case to the sha256 of
its standard output and the exit code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "eval" / "cases"


def eval_runs(cases: Path) -> Iterator[tuple[str, Path, list[str]]]:
    for case_dir in sorted(p for p in cases.iterdir() if (p / "case.json").is_file()):
        case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
        order = list(case["sources"])
        argv = ["check", case["draft"]]
        for sid in order:
            argv += ["--source", case["sources"][sid]["path"]]
        if case.get("draft_date"):
            argv += ["--date", case["draft_date"]]
        for sid in order:
            if case["sources"][sid].get("date"):
                argv += ["--source-date", f'{case["sources"][sid]["path"]}={case["sources"][sid]["date"]}']
        yield f"eval/{case_dir.name}", case_dir, [*argv, "--format", "json"]


def story_runs() -> Iterator[tuple[str, Path, list[str]]]:
    folders = sorted(p for tier in sorted((ROOT / "tests" / "data").glob("stories*")) for p in tier.iterdir()
                     if p.is_dir())
    folders += sorted(p for p in (ROOT / "claims").iterdir() if p.is_dir())
    for folder in folders:
        name = str(folder.relative_to(ROOT))
        if (folder / "story.toml").is_file():
            yield f"story/{name}", ROOT, ["check", name, "--format", "json"]
        elif (folder / "draft.md").is_file():
            argv = ["check", "draft.md"]
            for src in sorted((folder / "sources").glob("*.txt")):
                argv += ["--source", f"sources/{src.name}"]
            yield f"files/{name}", folder, [*argv, "--format", "json"]


EMPTY = hashlib.sha256(b"").hexdigest()


def run(argv: list[str], cwd: Path, code: Path | None, *, cache: bool) -> tuple[str, int, str]:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code) + os.pathsep + env.get("PYTHONPATH", "")
    if cache:
        env.pop("FACTCHECK_NO_CACHE", None)
    else:
        env["FACTCHECK_NO_CACHE"] = "1"
    proc = subprocess.run([sys.executable, "-P", "-m", "factcheck", *argv], cwd=cwd, env=env, capture_output=True,
                          check=False)
    return hashlib.sha256(proc.stdout).hexdigest(), proc.returncode, proc.stderr.decode("utf-8", "replace")


def digest_one(name: str, cwd: Path, argv: list[str], code: Path | None) -> dict[str, object]:
    sha, rc, err = run(argv, cwd, code, cache=False)
    out: dict[str, object] = {"sha256": sha, "exit": rc}
    if rc not in (0, 1):
        out["stderr"] = err.strip().splitlines()[-1:] or [""]
    if name.startswith("story/"):
        folder = ROOT / argv[1] / ".cache"
        shutil.rmtree(folder, ignore_errors=True)  # a cache is derived: none before, none left after
        cached = [run(argv, cwd, code, cache=True) for _ in range(2)]
        shutil.rmtree(folder, ignore_errors=True)
        same = all(c[0] == sha and c[1] == rc for c in cached)
        out["cache_identical"] = same
        if not same:
            print(f"{name}: the report with the claim cache differs from the one without", file=sys.stderr)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--code", type=Path, help="a checkout whose factcheck package to run (default: this one)")
    ap.add_argument("--cases", type=Path, default=CASES, help="the shared eval cases")
    ap.add_argument("-o", "--output", type=Path, help="write the digests here (default: standard output)")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                    help="compare two digest files; exit 1 when any report differs")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    runs = [*(eval_runs(args.cases) if args.cases.is_dir() else ()), *story_runs()]
    code = args.code.resolve() if args.code else None
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda r: digest_one(r[0], r[1], r[2], code), runs))
    digests = {name: res for (name, _, _), res in zip(runs, results, strict=True)}
    text = json.dumps(digests, indent=1, sort_keys=True) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    bad = [n for n, r in digests.items() if r.get("cache_identical") is False or r["sha256"] == EMPTY]
    print(f"{len(digests)} reports digested; {len(bad)} empty or different with the cache"
          + (f": {', '.join(bad)}" if bad else ""), file=sys.stderr)
    return 1 if bad else 0


def compare(before: Path, after: Path) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    differ = [n for n in sorted(a.keys() | b.keys())
              if (a.get(n) or {}).get("sha256") != (b.get(n) or {}).get("sha256")
              or (a.get(n) or {}).get("exit") != (b.get(n) or {}).get("exit")]
    for n in differ:
        print(f"differs: {n}")
    print(f"{len(a.keys() & b.keys()) - len([n for n in differ if n in a and n in b])} of "
          f"{len(a.keys() | b.keys())} reports byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
