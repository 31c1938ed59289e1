"""Thin command line: parse, call the library, render, map errors to exit codes.

Heavy modules (pydantic models, rapidfuzz, Textual, trafilatura) are imported inside the
commands that need them, so `factcheck --version` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .errors import FactcheckError

FORMATS = ("text", "json", "github", "sarif", "markdown")
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
    e.add_argument("--lang", choices=("en", "fr"), help="language (default: detected)")

    c = sub.add_parser("check", help="cross-check a draft (or a story folder) against sources")
    _target_args(c)
    c.add_argument("--format", choices=FORMATS, default="text")
    c.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="conflicts",
        help="exit 1 when undecided findings at or above this level remain (default: conflicts)",
    )
    c.add_argument("--show-decided", action="store_true", help="also list decided findings")

    r = sub.add_parser("review", help="open the review TUI")
    _target_args(r)

    i = sub.add_parser("init", help="create a story folder in claims/")
    i.add_argument("story", help="folder to create, e.g. claims/my-story")
    i.add_argument("--draft", required=True, help="path of the draft")
    i.add_argument("--source", action="append", default=[], metavar="URL_OR_PATH")
    i.add_argument("--title", help="story title (default: the folder name)")

    f = sub.add_parser("fetch", help="refresh the source snapshots of a story")
    f.add_argument("story")
    return p


def _target_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", help="the draft file, or a story folder (claims/<story>)")
    p.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="PATH_OR_URL",
        help="another report of the same event (repeatable)",
    )
    p.add_argument("--lang", choices=("en", "fr"), help="language of the draft (default: detected)")
    p.add_argument(
        "--source-lang", choices=("en", "fr"), help="language of every source (default: per source, detected)"
    )
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
        help="a source that cannot be read does not make the exit code 2",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return _COMMANDS[args.command](args)
    except FactcheckError as exc:
        print(f"factcheck: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _one_line(s: str) -> str:
    from .report.safe import inert

    return inert(" ".join(s.split()))


def _extract(args: argparse.Namespace) -> int:
    from .extract import extract_claims
    from .report.claims import render_claims
    from .sources import read_input

    doc = read_input(args.file, lang=args.lang)
    claims = extract_claims(doc)
    _write(render_claims(doc, claims, args.format))
    return 0


def _check(args: argparse.Namespace) -> int:
    from .report import render
    from .run import exit_code, run_check

    report = run_check(
        args.target,
        args.source,
        lang=args.lang,
        source_lang=args.source_lang,
        refresh=args.refresh,
        progress=sys.stderr.isatty(),
        date=args.date,
        source_dates=args.source_date,
    )
    _write(render(report, args.format, show_decided=args.show_decided))
    for s in report.sources:
        if s.error:
            _source_error(s.id, s.origin, s.error)
    return exit_code(report, fail_on=args.fail_on, allow_missing_sources=args.allow_missing_sources)


def _review(args: argparse.Namespace) -> int:
    from .run import parse_dates
    from .tui.app import create_app

    parse_dates(args.date, args.source_date)  # a bad date is an error before the screen opens
    app = create_app(args.target, args.source, lang=args.lang, source_lang=args.source_lang, refresh=args.refresh)
    app.run()
    return 0


def _init(args: argparse.Namespace) -> int:
    from .story import init_story

    story = init_story(args.story, draft=args.draft, sources=args.source, title=args.title)
    print(f"created {story.root} with {len(story.sources)} source(s)")
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
