"""Thin command line: parse, call the library, render, map errors to exit codes.

Heavy modules (pydantic models, rapidfuzz, Textual, trafilatura) are imported inside the
commands that need them, so `factcheck --version` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._version import __version__
from .errors import REPORT_HINT, FactcheckError, InternalError, UsageError, unexpected

if TYPE_CHECKING:
    from pathlib import Path

    from .report import Checked

FORMATS = ("text", "json", "github", "sarif", "markdown", "rdjson")
EXTRACT_FORMATS = ("text", "json", "jsonl")
FAIL_ON = ("conflicts", "unclear", "never")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="factcheck",
        description="Cross-check the figures and names of a news draft against other reports.",
    )
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    e = sub.add_parser("extract", help="list the checkable claims of a text")
    e.add_argument("file", help="a .txt/.md/.html file, or - for standard input")
    e.add_argument("--format", choices=EXTRACT_FORMATS, default="text")
    e.add_argument("--lang", help="language: a folder of factcheck/lexicon/ (default: detected)")
    e.add_argument("--explain", action="store_true",
                   help="say for each claim the rule that read it (a \"rule\" field in json and jsonl)")

    c = sub.add_parser(
        "check",
        help="cross-check drafts (or story folders) against sources",
        description="Cross-check one or more drafts or story folders; one exit code for the run. "
        "Settings come from .factcheck.toml or [tool.factcheck] in pyproject.toml, overridden by "
        "the options given here.",
    )
    _target_args(c, many=True)
    c.add_argument(
        "--format",
        action="append",
        metavar="FMT[:FILE]",
        help=f"report format ({', '.join(FORMATS)}; default text), written to FILE when given; "
        "repeatable, one format at most on standard output",
    )
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE, not standard output")
    c.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help="exit 1 when undecided findings at or above this level remain (default: conflicts)",
    )
    c.add_argument("--show-decided", action="store_true", default=None,
                   help="also list decided findings, with each decision's status, note, who and when")
    c.add_argument("--skip-kind", action="append", metavar="KIND",
                   help="ignore the findings of claims of this kind (counted, not shown; repeatable)")
    c.add_argument("--stories-from-files", action="store_true",
                   help="the arguments are changed files (as pre-commit passes them): check each "
                   "story they belong to")
    c.add_argument("--config", metavar="FILE", help="read this configuration file, not the one found")
    c.add_argument("--no-config", action="store_true", help="read no configuration file")

    r = sub.add_parser("review", help="open the review TUI")
    _target_args(r, many=False)

    i = sub.add_parser(
        "init",
        help="create a story folder in claims/",
        description="Create a story folder: story.toml, the snapshot of every source (URLs are "
        "fetched now unless --no-fetch), then print the command to check it.",
    )
    i.add_argument("story", help="folder to create, e.g. claims/my-story")
    i.add_argument("--draft", required=True, help="path of the draft")
    i.add_argument("--source", action=_SourceAction, dest="sources", default=[], metavar="URL_OR_PATH",
                   help="a report of the same event (repeatable)")
    i.add_argument("--id", action=_IdAction, dest="sources", metavar="ID",
                   help="the id of the --source just before it (default: made from its name)")
    i.add_argument("--title", help="story title (default: the folder name)")
    i.add_argument("--copy", action="store_true",
                   help="copy the draft into the story folder (for a draft outside the repository)")
    i.add_argument("--no-fetch", action="store_true", help="do not fetch URL sources now (`factcheck fetch` later)")

    f = sub.add_parser("fetch", help="refresh the source snapshots of a story")
    f.add_argument("story")
    return p


class _SourceAction(argparse.Action):
    """``--source X``: a new [spec, id] pair, its id set by an ``--id`` after it."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        pairs = list(getattr(namespace, self.dest, None) or [])
        pairs.append([str(values), None])
        setattr(namespace, self.dest, pairs)


class _IdAction(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        pairs = list(getattr(namespace, self.dest, None) or [])
        if not pairs or pairs[-1][1] is not None:
            parser.error("--id names the --source just before it: give --source URL_OR_PATH --id ID")
        pairs[-1] = [pairs[-1][0], str(values)]
        setattr(namespace, self.dest, pairs)


def _target_args(p: argparse.ArgumentParser, *, many: bool) -> None:
    if many:
        p.add_argument("targets", nargs="+", metavar="TARGET",
                       help="draft files or story folders (claims/<story>, claims/* or claims)")
    else:
        p.add_argument("target", help="the draft file, or a story folder (claims/<story>)")
    p.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="PATH_OR_URL",
        help="another report of the same event (repeatable)",
    )
    p.add_argument("--lang", help="language of the draft: a folder of factcheck/lexicon/ (default: detected)")
    p.add_argument("--source-lang", help="language of every source (default: per source, detected)")
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the day the draft is published: what its 'on Sunday' or 'last year' count from",
    )
    p.add_argument(
        "--source-date",
        action="append",
        default=[],
        metavar="PATH=YYYY-MM-DD",
        help="the day a source given with --source was published (repeatable)",
    )
    p.add_argument("--refresh", action="store_true", help="story folders: fetch the sources again before checking")
    p.add_argument(
        "--allow-missing-sources",
        action="store_true",
        default=None,
        help="a source that cannot be read does not make the exit code 2",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        _check_langs(args)
        if args.command == "review":  # an interactive app: the collector runs as usual
            return _COMMANDS[args.command](args)
        from .collector import paused

        with paused():  # a one-shot command keeps what it builds to its end (factcheck.collector)
            return _COMMANDS[args.command](args)
    except FactcheckError as exc:
        print(f"factcheck: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug no command caught: one line and exit 2, never a traceback
        print(f"factcheck: error: {_one_line(f'{unexpected(exc)}; {REPORT_HINT}')}", file=sys.stderr)
        return 2


def _check_langs(args: argparse.Namespace) -> None:
    """An unknown ``--lang`` or ``--source-lang``: one line, exit 2 (the languages are the
    folders of factcheck/lexicon/, see :mod:`factcheck.langs`)."""
    from .langs import check

    for flag, code in (("--lang", getattr(args, "lang", None)), ("--source-lang", getattr(args, "source_lang", None))):
        if code is not None:
            check(code, flag)


def _one_line(s: str) -> str:
    from .report.safe import inert

    return inert(" ".join(s.split()))


def _extract(args: argparse.Namespace) -> int:
    from .extract import extract_claims
    from .report.claims import render_claims
    from .run import read_draft

    doc = read_draft(args.file, lang=args.lang)  # a bug while reading it: InternalError, exit 2
    try:
        claims = extract_claims(doc)
        out = render_claims(doc, claims, args.format, explain=args.explain)
    except Exception as exc:  # a bug: one line, exit 2, never a traceback
        raise InternalError(f"{unexpected(exc)} while reading the claims; {REPORT_HINT}",
                            path=doc.origin) from exc
    _write(out)
    return 0


def _check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .config import load_config
    from .report import render_many
    from .run import exit_code

    config = load_config(Path(args.config) if args.config else None, search=not args.no_config)
    outputs = _outputs(args.format or list(config.formats) or ["text"], args.output)
    fail_on = args.fail_on or config.fail_on or "conflicts"
    show_decided = bool(args.show_decided if args.show_decided is not None else config.show_decided)
    skip = frozenset(args.skip_kind) if args.skip_kind is not None else config.skip_kinds
    _check_kinds(skip)
    targets = _expand(args.targets, from_files=args.stories_from_files)
    checked: list[Checked] = []
    codes: list[int] = []
    for target in targets:
        try:
            one = _check_one(target, args, skip)
        except FactcheckError as exc:
            print(f"factcheck: error: {_one_line(str(exc))}", file=sys.stderr)
            codes.append(exc.exit_code)
            continue
        checked.append(one)
        report = one.report
        allowed = bool(args.allow_missing_sources or config.allow_missing) or all(
            s.id in config.allow_missing_ids for s in report.sources if s.error
        )
        codes.append(exit_code(report, fail_on=fail_on, allow_missing_sources=allowed))
    if checked:
        for fmt, path in outputs:
            out = render_many(checked, fmt, show_decided=show_decided)
            if path is None:
                _write(out)
            else:
                _write_file(path, out)
        for one in checked:
            for s in one.report.sources:
                if s.error:
                    _source_error(s.id, s.origin, s.error)
    return max(codes, default=0)


def _outputs(specs: list[str], output: str | None) -> list[tuple[str, str | None]]:
    """``FMT[:FILE]`` specs as (format, file or None for standard output / --output)."""
    out: list[tuple[str, str | None]] = []
    for spec in specs:
        fmt, sep, path = spec.partition(":")
        if fmt not in FORMATS:
            raise UsageError(f"--format {spec!r}: unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        if sep and not path:
            raise UsageError(f"--format {spec!r}: no file after the colon")
        out.append((fmt, path or output))
    to_stdout = [fmt for fmt, path in out if path is None]
    if len(to_stdout) > 1:
        raise UsageError(f"formats {', '.join(to_stdout)} would all go to standard output: "
                         "give all but one a file (--format FMT:FILE)")
    return out


def _check_kinds(kinds: frozenset[str]) -> None:
    from .config import KINDS

    wrong = sorted(k for k in kinds if k not in KINDS)
    if wrong:
        raise UsageError(f"--skip-kind {wrong[0]!r}: unknown kind (kinds: {', '.join(KINDS)})")


def _expand(targets: list[str], *, from_files: bool) -> list[str]:
    """Story folders and drafts to check: a folder of story folders (``claims``) stands for
    each of them; with ``from_files``, each path stands for the story that holds it."""
    from pathlib import Path

    from .story import is_story_dir

    out: list[str] = []
    if from_files:
        for t in targets:
            story = _story_of(Path(t))
            if story is not None and story not in out:
                out.append(story)
        return out
    for t in targets:
        p = Path(t)
        if p.is_dir() and not is_story_dir(p):
            inner = sorted(str(c) for c in p.iterdir() if c.is_dir() and is_story_dir(c))
            if inner:
                out.extend(x for x in inner if x not in out)
                continue
        if t not in out:
            out.append(t)
    return out


def _story_of(path: Path) -> str | None:
    """The story folder a changed file belongs to: the nearest folder above it with a
    story.toml, or a story whose draft it is (found under the current folder)."""
    import os
    from pathlib import Path

    from .story import STORY_FILE, is_story_dir

    here = path.absolute()
    for folder in (here if here.is_dir() else here.parent, *here.parents):
        if is_story_dir(folder):
            return os.path.relpath(folder)
        if folder == Path.cwd():
            break
    if not here.is_file():
        return None
    import tomllib

    from .files import load_toml, read_file

    top = Path.cwd()
    for toml in sorted(top.glob(f"**/{STORY_FILE}")):
        try:  # under the file policy and TOML limits; a story.toml that breaks them is no match
            raw = read_file(toml, top=top, error=UsageError)
            draft = load_toml(raw.decode("utf-8").removeprefix("\ufeff"), error=UsageError,
                              where=str(toml)).get("draft")
        except (FactcheckError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if isinstance(draft, str) and (toml.parent / draft).resolve() == here.resolve():
            return os.path.relpath(toml.parent)
    return None


def _check_one(target: str, args: argparse.Namespace, skip: frozenset[str]) -> Checked:
    from pathlib import Path

    from .report import Checked
    from .report.controls import apply_controls
    from .run import run_check
    from .story import is_story_dir

    report = run_check(
        target,
        args.source,
        lang=args.lang,
        source_lang=args.source_lang,
        refresh=args.refresh,
        progress=sys.stderr.isatty(),
        date=args.date,
        source_dates=args.source_date,
    )
    report = apply_controls(report, skip_kinds=skip)
    decisions: dict[tuple[str, str], object] = {}
    if is_story_dir(Path(target)):
        from .decisions import Ledger, report_keys
        from .story import load_story

        ledger = Ledger.open(load_story(target).decisions_path)
        ledger.adopt(report)  # decisions of an old file find their claims
        for (claim_id, source), key in report_keys(report).items():
            d = ledger.get(key)
            if d is not None:
                decisions[(claim_id, source)] = d
    return Checked(report, decisions)


def _write_file(path: str, out: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(out if out.endswith("\n") or not out else out + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write the report ({exc.strerror or exc})", path=path) from None


def _review(args: argparse.Namespace) -> int:
    from .run import parse_dates
    from .tui.app import create_app

    parse_dates(args.date, args.source_date)  # a bad date is an error before the screen opens
    app = create_app(args.target, args.source, lang=args.lang, source_lang=args.source_lang, refresh=args.refresh,
                     date=args.date, source_dates=args.source_date)
    app.run()
    return 0


def _init(args: argparse.Namespace) -> int:
    import shutil
    from pathlib import Path

    from .story import STORY_FILE, display_path, init_story

    specs = [spec for spec, _ in args.sources]
    ids = [sid for _, sid in args.sources]
    draft = args.draft
    copied: Path | None = None
    root = Path(args.story)
    made_root = not root.exists()
    if args.copy:
        if (root / STORY_FILE).exists():
            raise UsageError("a story already exists here; edit it or pick another folder",
                             path=display_path(root / STORY_FILE))
        source = Path(draft)
        if not source.is_file():
            raise UsageError("draft not found", path=draft)
        copied = root / ("draft" + (source.suffix or ".md"))
        if copied.exists() and copied.resolve() != source.resolve():
            raise UsageError("exists already: move it, or drop --copy", path=display_path(copied))
        root.mkdir(parents=True, exist_ok=True)
        if copied.resolve() != source.resolve():
            shutil.copyfile(source, copied)
        draft = str(copied)
    try:
        story = init_story(args.story, draft=draft, sources=specs, title=args.title, ids=ids)
    except FactcheckError:
        if copied is not None and copied.resolve() != Path(args.draft).resolve():
            copied.unlink(missing_ok=True)
            if made_root and root.is_dir() and not any(root.iterdir()):
                root.rmdir()
        raise
    where = display_path(story.root)
    print(f"created {where} with {len(story.sources)} source(s)"
          + (f"; the draft is copied to {display_path(copied)}" if copied is not None else ""))
    failed = 0
    urls = [spec for spec in story.sources if spec.url]
    if urls and not args.no_fetch:
        from .fetch import make_session
        from .story import snapshot_source

        with make_session() as session:
            for n, spec in enumerate(urls, 1):
                print(f"[{n}/{len(urls)}] fetching {spec.id} ({_one_line(spec.url or '')})", file=sys.stderr,
                      flush=True)
                info = snapshot_source(story, spec, session=session)
                if info.error:
                    failed += 1
                    _source_error(info.id, info.origin, info.error)
                else:
                    print(f"{spec.id}: fetched")
    if failed:
        print(f"{failed} source(s) not fetched: retry with `factcheck fetch {where}`", file=sys.stderr)
        return 2
    if urls and args.no_fetch:
        print(f"next: factcheck fetch {where}   (then: factcheck check {where})")
    else:
        print(f"next: factcheck check {where}   (or factcheck review {where} to decide)")
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from .story import fetch_story, load_story

    story = load_story(args.story)
    results = fetch_story(story, progress=sys.stderr.isatty())
    failed = False
    for r in results:
        if r.error:
            _source_error(r.id, r.origin, r.error)
            failed = True
        else:
            print(f"{r.id}: ok")
    return 2 if failed else 0


def _source_error(source_id: str, origin: str, error: str) -> None:
    """One line on stderr for a source that could not be read: its id, where it is, why."""
    where = f" ({origin})" if origin and origin != source_id else ""
    print(f"factcheck: source {_one_line(source_id + where)}: {_one_line(error)}", file=sys.stderr)


def _write(out: str) -> None:
    sys.stdout.write(out if out.endswith("\n") or not out else out + "\n")
    sys.stdout.flush()


_COMMANDS = {
    "extract": _extract,
    "check": _check,
    "review": _review,
    "init": _init,
    "fetch": _fetch,
}
