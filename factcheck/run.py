"""Glue used by the CLI and the TUI: turn a target (draft file or story folder) and
source specs into a checked, decision-aware Report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .errors import REPORT_HINT, FactcheckError, InternalError, UsageError, unexpected
from .models import Document, Report, SourceInfo


def run_check(
    target: str,
    sources: Sequence[str] = (),
    *,
    lang: str | None = None,
    source_lang: str | None = None,
    refresh: bool = False,
    progress: bool = False,
    date: str | None = None,
    source_dates: Sequence[str] = (),
) -> Report:
    from .sources import load_sources
    from .story import is_story_dir

    draft_date, by_spec = parse_dates(date, source_dates)
    unknown = [spec for spec in by_spec if spec not in sources]
    if unknown and not is_story_dir(Path(target)):
        raise UsageError(f"--source-date {unknown[0]}=...: no --source {unknown[0]} was given")
    if is_story_dir(Path(target)):
        from .decisions import Ledger, apply_decisions
        from .story import load_story, story_documents

        story = load_story(target)
        draft, docs, infos = story_documents(story, refresh=refresh, progress=progress, extra_sources=sources)
        if draft_date:
            draft = draft.model_copy(update={"date": draft_date})
        docs = _dated(docs, infos, by_spec)
        ledger = Ledger.open(story.decisions_path)  # a bad ledger fails before the check writes its claim cache
        report = guarded_check(draft, docs, infos=infos, title=story.title)
        return apply_decisions(report, ledger)
    draft = read_draft(target, lang=lang)
    if draft_date:
        draft = draft.model_copy(update={"date": draft_date})
    loaded = load_sources(list(sources), lang=source_lang, progress=progress)
    docs = _dated([d for _, d in loaded if d is not None], [i for i, _ in loaded], by_spec)
    return guarded_check(draft, docs, infos=[i for i, _ in loaded])


def read_draft(path: str, *, lang: str | None = None, top: Path | None = None) -> Document:
    """The draft file, read (inside the repository ``top`` when given, as a story's draft
    is): an unexpected exception is an :class:`InternalError` (exit 2)."""
    from .sources import read_input

    try:
        return read_input(path, lang=lang, doc_id="draft", top=top)
    except FactcheckError:
        raise
    except Exception as exc:  # a bug: one line, exit 2, never a traceback
        raise InternalError(f"{unexpected(exc)} while reading the draft; {REPORT_HINT}", path=path) from exc


def guarded_check(
    draft: Document, docs: Sequence[Document], *, infos: Sequence[SourceInfo], title: str | None = None
) -> Report:
    """``pipeline.check``, with an unexpected exception (a bug) confined to the document that
    raises it: a source becomes that source's error (named, with the exception type; the run
    exits 2 as for a source that could not be read) and the others are checked; the draft
    raises :class:`InternalError`. The common case costs nothing: the documents are tried one
    by one only after the whole check has failed."""
    from .pipeline import check

    try:
        return check(draft, docs, infos=infos, title=title)
    except Exception:  # find the document it comes from, below
        pass
    where = draft.origin or draft.id
    try:
        check(draft, [])  # the draft alone: its claims and the check against itself
    except Exception as exc:
        raise InternalError(f"{unexpected(exc)} while checking the draft; {REPORT_HINT}", path=where) from exc
    failed: dict[str, str] = {}
    for doc in docs:
        try:
            check(draft, [doc])
        except Exception as exc:
            failed[doc.id] = f"{unexpected(exc)} while checking this source; {REPORT_HINT}"
    kept = [d for d in docs if d.id not in failed]
    marked = [i.model_copy(update={"error": failed[i.id]}) if i.id in failed else i for i in infos]
    try:
        return check(draft, kept, infos=marked, title=title)
    except Exception as exc:  # only the sources together fail: no one document to blame
        raise InternalError(f"{unexpected(exc)} while checking the sources; {REPORT_HINT}", path=where) from exc


def parse_dates(date: str | None, source_dates: Sequence[str]) -> tuple[str | None, dict[str, str]]:
    """``--date`` and the ``--source-date PATH=DATE`` pairs, checked: a bad one is a usage error."""
    from .text import parse_day

    day = None
    if date is not None:
        day = parse_day(date)
        if day is None:
            raise UsageError(f"--date {date!r}: expected a day, YYYY-MM-DD")
    by_spec: dict[str, str] = {}
    for pair in source_dates:
        spec, sep, value = pair.rpartition("=")
        when = parse_day(value) if sep and spec else None
        if when is None:
            raise UsageError(f"--source-date {pair!r}: expected PATH=YYYY-MM-DD")
        by_spec[spec] = when
    return day, by_spec


def _dated(docs: list[Document], infos: Sequence[SourceInfo], by_spec: dict[str, str]) -> list[Document]:
    """Each document with the date given for it on the command line, matched by its spec."""
    if not by_spec:
        return docs
    when_by_id = {i.id: by_spec[i.origin] for i in infos if i.origin in by_spec}
    return [d.model_copy(update={"date": when_by_id[d.id]}) if d.id in when_by_id else d for d in docs]


def exit_code(report: Report, *, fail_on: str = "conflicts", allow_missing_sources: bool = False) -> int:
    if any(s.error for s in report.sources) and not allow_missing_sources:
        return 2
    if fail_on == "never":
        return 0
    levels = {"conflicts": ("conflicts",), "unclear": ("conflicts", "unclear")}[fail_on]
    for v in levels:
        if report.count(v, undecided=True):  # type: ignore[arg-type]
            return 1
    return 0
