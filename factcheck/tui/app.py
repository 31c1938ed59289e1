"""The review app and its factories.

``create_app(target, sources, ...)`` is what ``factcheck review`` calls; it reads and
checks in a worker thread (``run_check``), then shows the review. ``create_app_from_report``
builds the same app around a Report already in hand (tests, other tools).
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ..errors import FactcheckError
from ..models import Report
from .safe import clean_line

if TYPE_CHECKING:
    from ..decisions import Ledger


@dataclass(frozen=True)
class Loaded:
    """What a loader returns: the checked report and where decisions go."""

    report: Report
    ledger: Ledger
    where: str = ""  # the ledger's path as shown to the user ("" for a memory ledger)


Loader = Callable[[], Loaded]


class ReviewApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck review"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(
        self,
        loader: Loader,
        *,
        label: str = "",
        who: str | None = None,
        clock: Callable[[], str] | None = None,
        opener: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__()
        self.loader = loader
        self.label = label
        self.who = who
        self.clock = clock
        self.opener = opener
        self.loaded = False  # True once the review screen is up (or an error is shown)
        self.load_error: str | None = None
        self.story_folder: Path | None = None  # where screenshots go (beside decisions.json)

    def on_mount(self) -> None:
        from .screens.loading import LoadingScreen

        self.push_screen(LoadingScreen(self.label or "the draft"))
        self._load()

    @work(thread=True, exit_on_error=False, group="load")
    def _load(self) -> None:
        try:
            loaded = self.loader()
            if self.who is None:  # may run `git config`: not on the UI thread
                from ..decisions import current_user

                self.who = current_user()
        except FactcheckError as exc:
            self.call_from_thread(self._on_load_failed, str(exc))
        except Exception as exc:  # show it, not a traceback
            message = f"unexpected error ({type(exc).__name__}): {exc}"
            self.call_from_thread(self._on_load_failed, message)
        else:
            self.call_from_thread(self._on_loaded, loaded)

    def _on_load_failed(self, message: str) -> None:
        from .screens.error import ErrorScreen

        self.load_error = message
        self.switch_screen(ErrorScreen(message))
        self.loaded = True

    def _on_loaded(self, loaded: Loaded) -> None:
        from .review import Review
        from .screens.main import MainScreen

        if loaded.where:
            self.story_folder = Path(loaded.where).parent
        kwargs = {"clock": self.clock} if self.clock is not None else {}
        review = Review(loaded.report, loaded.ledger, who=self.who, **kwargs)
        report = loaded.report
        title = report.title or report.draft.title or Path(report.draft.origin).name or "draft"
        self.sub_title = clean_line(title)
        self.switch_screen(MainScreen(review, title=title, where=loaded.where))
        for info in report.sources:
            if info.error:
                self.notify(f"{clean_line(info.id)}: {clean_line(info.error)}",
                            title="Source not loaded", severity="error", markup=False,
                            timeout=10)
        self.loaded = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help":  # the key reference is about the review screens
            from .screens.main import MainScreen
            from .screens.sheet import SheetScreen

            return isinstance(self.screen, MainScreen | SheetScreen)
        return True

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Save an SVG screenshot in the story folder (else the current folder) and say where."""
        folder = Path(path) if path else (self.story_folder or Path.cwd())
        try:
            saved = self.save_screenshot(filename, str(folder), time_format)
        except OSError as exc:
            self.notify(f"Could not save the screenshot: {exc.strerror or exc}",
                        severity="error", markup=False)
            return None
        self.notify(f"Screenshot saved to {clean_line(saved)}", title="Screenshot", markup=False)
        return saved

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette (ctrl+p): the review's own commands first, then Textual's."""
        from .screens.main import MainScreen

        if isinstance(screen, MainScreen):
            yield SystemCommand("Next conflict", "Go to the next undecided conflict or unclear claim (n)",
                                lambda: screen.action_discrepancy(1))
            yield SystemCommand("Previous conflict", "Go to the previous undecided conflict or unclear claim (N)",
                                lambda: screen.action_discrepancy(-1))
            for word, what in (("conflict", "with an undecided conflict"),
                               ("unclear", "with an undecided unclear match"),
                               ("decided", "whose discrepancies are all decided"),
                               ("agrees", "that sources agree with"),
                               ("no-source", "that no source states")):
                yield SystemCommand(f"Filter by verdict: {word}", f"Show only the claims {what}",
                                    partial(screen.action_filter, word))
            yield SystemCommand("Clear the filter", "Show every claim", partial(screen.action_filter, ""))
            yield SystemCommand("Export the event sheet", "Write sheet.md (Markdown, with the decisions) "
                                "to the story folder", screen.export_sheet)
            yield SystemCommand("Event sheet", "Every fact by every source (t)", screen.action_sheet)
            yield SystemCommand("Undo", "Undo the last decision or note (u)", screen.action_undo)
            yield SystemCommand("Redo", "Redo what was undone (r)", screen.action_redo)
        yield from super().get_system_commands(screen)

    def launch_url(self, url: str) -> bool:
        """Open ``url`` in a browser (called from a worker thread)."""
        opener = self.opener or webbrowser.open
        try:
            return bool(opener(url))
        except Exception:
            return False


def create_app(
    target: str,
    sources: Sequence[str] = (),
    *,
    lang: str | None = None,
    source_lang: str | None = None,
    refresh: bool = False,
    loader: Loader | None = None,
    date: str | None = None,
    source_dates: Sequence[str] = (),
) -> ReviewApp:
    """The app ``factcheck review TARGET --source ...`` runs: TARGET is a story folder or
    a draft file; reading, fetching and checking happen off the UI thread. ``date`` and
    ``source_dates`` (``PATH=YYYY-MM-DD``) are ``--date`` and ``--source-date``, as for
    ``check``."""

    def load() -> Loaded:
        from ..decisions import Ledger
        from ..run import run_check
        from ..story import display_path, is_story_dir, load_story

        report = run_check(target, list(sources), lang=lang, source_lang=source_lang,
                           refresh=refresh, date=date, source_dates=list(source_dates))
        if is_story_dir(Path(target)):
            story = load_story(target)
            path = Path(story.decisions_path)
            return Loaded(report, Ledger.open(path), display_path(path))
        return Loaded(report, Ledger.memory())

    return ReviewApp(loader or load, label=Path(target).name or target)


def create_app_from_report(
    report: Report,
    *,
    ledger: Ledger | None = None,
    where: str = "",
    who: str | None = None,
    clock: Callable[[], str] | None = None,
    opener: Callable[[str], bool] | None = None,
) -> ReviewApp:
    """The same app around a Report already checked (default: a memory ledger)."""

    def load() -> Loaded:
        if ledger is None:
            from ..decisions import Ledger

            return Loaded(report, Ledger.memory(), where)
        return Loaded(report, ledger, where)

    return ReviewApp(load, label=report.title or report.draft.id, who=who, clock=clock,
                     opener=opener)

