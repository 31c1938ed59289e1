"""Glue used by the CLI and the TUI: turn a target (draft file or story folder) and
source specs into a checked, decision-aware Report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .models import Report


def run_check(
    target: str,
    sources: Sequence[str] = (),
    *,
    lang: str | None = None,
    source_lang: str | None = None,
    refresh: bool = False,
    progress: bool = False,
) -> Report:
    from .pipeline import check
    from .sources import load_sources, read_input
    from .story import is_story_dir

    if is_story_dir(Path(target)):
        from .decisions import Ledger, apply_decisions
        from .story import load_story, story_documents

        story = load_story(target)
        draft, docs, infos = story_documents(story, refresh=refresh, progress=progress, extra_sources=sources)
        report = check(draft, docs, infos=infos, title=story.title)
        return apply_decisions(report, Ledger.open(story.decisions_path))
    draft = read_input(target, lang=lang, doc_id="draft")
    loaded = load_sources(list(sources), lang=source_lang, progress=progress)
    docs = [d for _, d in loaded if d is not None]
    return check(draft, docs, infos=[i for i, _ in loaded])


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
