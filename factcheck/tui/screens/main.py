"""The review screen: header, draft, claims list, evidence pane, status bar, footer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, Protocol

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input

from ...errors import LedgerError
from ..excerpt import document_url
from ..labels import STATUS_LABELS, shorten
from ..messages import ClaimChosen, EvidenceEntered
from ..palette import Palette
from ..review import Review
from ..widgets.claims_list import ClaimsList
from ..widgets.draft_view import DraftView
from ..widgets.evidence_pane import EvidencePane
from ..widgets.header import ReviewHeader
from ..widgets.status_bar import StatusBar


class _Launcher(Protocol):
    """What this screen needs of its app (the review app), named here so that the screen
    does not import the app that imports it."""

    def launch_url(self, url: str) -> bool: ...


STATUS_VERBS = {"confirmed": "confirmed", "draft-fixed": "draft needs fix",
                "source-wrong": "source wrong", "ignored": "ignored"}


class MainScreen(Screen[None]):
    BINDINGS = [
        Binding("j", "move(1)", "Next", show=False),
        Binding("k", "move(-1)", "Prev", show=False),
        Binding("n", "discrepancy(1)", "Next"),
        Binding("N", "discrepancy(-1)", "Prev issue", show=False),
        Binding("enter", "focus_evidence", "Evidence", show=False),
        Binding("escape", "back", "Back", show=False),
        Binding("c", "decide('confirmed')", "Confirm"),
        Binding("f", "decide('draft-fixed')", "Fix"),
        Binding("s", "decide('source-wrong')", "Src wrong"),
        Binding("i", "decide('ignored')", "Ignore"),
        Binding("e", "note", "Note", show=False),
        Binding("u", "undo", "Undo"),
        Binding("r", "redo", "Redo", show=False),
        Binding("C", "decide_source('confirmed')", "Confirm all of source", show=False),
        Binding("F", "decide_source('draft-fixed')", "Fix all of source", show=False),
        Binding("S", "decide_source('source-wrong')", "Source wrong, all", show=False),
        Binding("I", "decide_source('ignored')", "Ignore all of source", show=False),
        Binding("o", "open_source", "Open", show=False),
        Binding("t", "sheet", "Sheet"),
        Binding("slash", "filter", "Filter", key_display="/", show=False),
        Binding("d", "toggle_draft", "Draft", show=False),
    ]

    def __init__(self, review: Review, *, title: str, where: str) -> None:
        super().__init__(id="main")
        self.review = review
        self.story_title = title
        self.where = where
        self.selected: int | None = None
        self.query_text = ""
        self.message = ""
        self._pal: Palette | None = None

    @property
    def rapp(self) -> _Launcher:
        return self.app  # type: ignore[return-value]

    @property
    def pal(self) -> Palette:
        if self._pal is None:
            self._pal = Palette.from_app(self.app)
        return self._pal

    # -- composition -----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        with Horizontal(id="body"):
            yield DraftView(id="draft")
            with Vertical(id="side"):
                yield Input(placeholder="filter: words, kind, state (conflict, unclear…)",
                            id="filter", compact=True)
                yield ClaimsList(id="claims")
                yield EvidencePane(id="evidence")
        yield StatusBar(id="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(DraftView).border_title = "Draft"
        self.query_one(ClaimsList).border_title = "Claims"
        self.query_one(ReviewHeader).set_title(self.story_title)
        review = self.review
        spans = [(c.span.start, c.span.end, i) for i, c in enumerate(review.claims)]
        self.query_one(DraftView).set_document(review.report.draft.text, spans)
        first = review.next_discrepancy(None, 1, list(review))
        self.selected = first if first is not None else (0 if review.claims else None)
        self.refresh_all()
        self.query_one(ClaimsList).focus()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        self._pal = None
        self.refresh_all()

    # -- refresh ---------------------------------------------------------------------
    def refresh_all(self) -> None:
        rows = self.review.filtered(self.query_text)
        self.query_one(ClaimsList).fill(self.review, rows, self.pal, self.selected)
        self._refresh_views()

    def refresh_claim(self, index: int) -> None:
        self.query_one(ClaimsList).update_claim(self.review, index, self.pal)
        self._refresh_views()

    def _refresh_views(self) -> None:
        review, pal = self.review, self.pal
        self.query_one(ReviewHeader).set_counts(review, pal)
        draft = self.query_one(DraftView)
        draft.set_states(review.states(), pal)
        draft.select(self.selected)
        self._show_evidence()
        self._show_status()

    def _show_evidence(self, source: str | None = None) -> None:
        pane = self.query_one(EvidencePane)
        if source is None and self.selected is not None and not self.evidence_focused:
            target = self.review.target(self.selected, None)
            source = target.source if target is not None else None
        pane.show(self.review, self.selected, self.pal, source=source)
        pane.border_title = "Evidence" if self.selected is None else (
            f"Evidence · {len(self.review.report.sources)} sources"
            + (" · by report date" if self.review.by_date(self.selected) else ""))

    def _show_status(self) -> None:
        self.query_one(StatusBar).show(
            self.review, self.pal, where=self.where, message=self.message,
            shown=len(self.query_one(ClaimsList).shown),
        )

    @property
    def evidence_focused(self) -> bool:
        return self.query_one(EvidencePane).sources.has_focus

    # -- selection -------------------------------------------------------------------
    def select(self, index: int | None, *, source: str | None = None) -> None:
        if index is None:
            return
        changed = index != self.selected
        self.selected = index
        self.query_one(ClaimsList).select(index)
        if changed or source is not None:
            self.query_one(DraftView).select(index)
            self._show_evidence(source)

    @on(ClaimChosen)
    def _claim_chosen(self, event: ClaimChosen) -> None:
        event.stop()
        if event.index != self.selected:
            self.select(event.index)

    @on(EvidenceEntered)
    def _evidence_entered(self, event: EvidenceEntered) -> None:
        event.stop()
        self.action_focus_evidence()

    def action_move(self, step: int) -> None:
        rows = self.query_one(ClaimsList).shown
        if not rows:
            return
        if self.selected in rows:
            pos = max(0, min(len(rows) - 1, rows.index(self.selected) + step))
        else:
            pos = 0 if step > 0 else len(rows) - 1
        self.select(rows[pos])

    def action_discrepancy(self, step: int) -> None:
        rows = self.query_one(ClaimsList).shown
        nxt = self.review.next_discrepancy(self.selected, step, rows)
        if nxt is None:
            self.notify("No undecided conflict or unclear claim left.", markup=False)
            return
        self.select(nxt)

    def action_focus_evidence(self) -> None:
        if self.selected is not None:
            self.query_one(EvidencePane).sources.focus()

    def action_back(self) -> None:
        flt = self.query_one("#filter", Input)
        if flt.has_focus:
            self._close_filter(clear=True)
        elif not self.query_one(ClaimsList).has_focus:
            self.query_one(ClaimsList).focus()

    def action_toggle_draft(self) -> None:
        self.toggle_class("-alt-draft")
        draft = self.query_one(DraftView)
        if self.selected is not None:
            self.call_after_refresh(draft.scroll_to_claim, self.selected)

    # -- decisions -------------------------------------------------------------------
    def _target_source(self) -> str | None:
        """The source a decision applies to (None: nothing to decide)."""
        if self.selected is None:
            return None
        chosen = self.query_one(EvidencePane).selected_source if self.evidence_focused else None
        finding = self.review.target(self.selected, chosen)
        if finding is None:
            if chosen is not None:
                info = self.review.infos.get(chosen)
                why = "it could not be read" if info and info.error else "it has no finding"
                self.notify(f"Nothing to decide for {shorten(chosen, 30)}: {why}.",
                            severity="warning", markup=False)
            else:
                self.notify("No undecided conflict or unclear finding on this claim: "
                            "press enter and pick a source.", severity="warning",
                            markup=False)
            return None
        return finding.source

    def action_decide(self, status: str) -> None:
        source = self._target_source()
        if source is None or self.selected is None:
            return
        index = self.selected
        claim = self.review.claims[index]
        self._record(lambda: self.review.decide(index, source, status))
        self.message = (f"{STATUS_VERBS.get(status, status)}: {shorten(source, 20)} on "
                        f"“{shorten(claim.text, 30)}”")
        self.refresh_claim(index)

    def action_decide_source(self, status: str) -> None:
        """The same decision for every undecided discrepancy of the selected source."""
        source = self._target_source()
        if source is None:
            return
        changes = self._record(lambda: self.review.decide_source(source, status))
        n = len(changes) if changes is not None else 0
        self.message = f"{STATUS_VERBS.get(status, status)}: {n} finding(s) of {shorten(source, 20)}"
        self.refresh_all()

    def _record(self, do: Callable[[], Any]) -> Any:
        try:
            return do()
        except LedgerError as exc:
            self.notify(f"Could not save the decision (kept in memory for this session): "
                        f"{shorten(str(exc), 200)}", severity="error", markup=False,
                        timeout=8)
            return None

    def action_note(self) -> None:
        if self.selected is None:
            return
        index = self.selected
        review = self.review
        if self.evidence_focused:
            source = self.query_one(EvidencePane).selected_source
        else:
            decided = [f.source for f in review.findings[index]
                       if review.decision(index, f.source) is not None]
            source = decided[0] if decided else None
        decision = review.decision(index, source) if source is not None else None
        if source is None or decision is None:
            self.notify("Decide first (c, f, s or i), then add a note.",
                        severity="warning", markup=False)
            return
        from .note import NoteScreen

        label = (f"Note on {shorten(source, 24)} for “{shorten(review.claims[index].text, 40)}” "
                 f"({STATUS_LABELS.get(decision.status, decision.status)})")

        def done(note: str | None) -> None:
            if note is None or source is None:
                return
            self._record(lambda: review.set_note(index, source, note))
            self.message = f"note saved on {shorten(source, 20)}"
            self.refresh_claim(index)

        self.app.push_screen(NoteScreen(label, decision.note), done)

    def action_redo(self) -> None:
        self._step("redo")

    def action_undo(self) -> None:
        self._step("undo")

    def _step(self, way: Literal["undo", "redo"]) -> None:
        """Undo or redo the last change of a decision or note, and say what it was."""
        try:
            change = self.review.undo() if way == "undo" else self.review.redo()
        except LedgerError as exc:
            self.notify(f"Could not save the {way} (kept in memory): {shorten(str(exc), 200)}",
                        severity="error", markup=False)
            self.refresh_all()
            return
        if change is None:
            self.notify(f"Nothing to {way}.", markup=False)
            return
        shown = change.before if way == "undo" else change.after
        what = shown.status if shown is not None else "decision"
        done = "undone" if way == "undo" else "redone"
        self.message = f"{done}: {STATUS_VERBS.get(what, what)}"
        self.selected = change.claim
        self.query_one(ClaimsList).select(change.claim)
        self.refresh_all()

    # -- other actions ---------------------------------------------------------------
    def action_open_source(self) -> None:
        source = self.query_one(EvidencePane).selected_source
        if source is None:
            self.notify("No source selected.", markup=False)
            return
        doc = self.review.document(source)
        info = self.review.infos.get(source)
        url = document_url(doc) if doc is not None else None
        if url is None and info is not None and info.origin.startswith(("http://", "https://")):
            url = info.origin
        if url is None:
            where = doc.origin if doc is not None and doc.origin else source
            self.notify(f"{shorten(source, 30)} has no URL ({shorten(where, 60)}).",
                        markup=False)
            return
        self._open(url)
        self.message = f"opening {shorten(url, 60)}"
        self._show_status()

    @work(thread=True, exit_on_error=False, group="open")
    def _open(self, url: str) -> None:
        ok = self.rapp.launch_url(url)
        if not ok:
            self.app.call_from_thread(
                self.notify, f"Could not open {shorten(url, 60)}", severity="error",
                markup=False,
            )

    def action_sheet(self) -> None:
        from .sheet import SheetScreen

        def done(result: tuple[int, str | None] | None) -> None:
            if result is None:
                return
            index, source = result
            self.select(index, source=source)
            if source is not None:
                self.query_one(EvidencePane).highlight(source)
                self.action_focus_evidence()

        self.app.push_screen(SheetScreen(self.review, self.pal, self.selected), done)

    def action_filter(self, query: str | None = None) -> None:
        flt = self.query_one("#filter", Input)
        flt.add_class("-visible")
        if query is not None:
            flt.value = query
            self.query_text = query
            self.refresh_all()
            self._close_filter(clear=False)
            return
        flt.focus()

    def export_sheet(self) -> str | None:
        """Write the event sheet (Markdown, with the decisions taken so far) beside the
        decisions file, or in the current folder; returns its path."""
        from pathlib import Path

        from ...decisions import apply_decisions
        from ...report import render

        folder = Path(self.where).parent if self.where else Path.cwd()
        path = folder / "sheet.md"
        report = apply_decisions(self.review.report, self.review.ledger)
        try:
            path.write_text(render(report, "markdown"), encoding="utf-8")
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error",
                        markup=False)
            return None
        self.message = f"sheet exported to {path}"
        self._show_status()
        return str(path)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value.strip()
        self.refresh_all()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_filter(clear=False)

    def _close_filter(self, *, clear: bool) -> None:
        flt = self.query_one("#filter", Input)
        if clear:
            flt.value = ""
            self.query_text = ""
            self.refresh_all()
        if not flt.value:
            flt.remove_class("-visible")
        self.query_one(ClaimsList).focus()
