"""Evidence excerpts: the sentence around a span, trimmed, and where it is."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..models import Document, Span
from ..text import LineIndex, sentences
from .safe import clean_line

MAX_EXCERPT = 260


@dataclass(frozen=True)
class Excerpt:
    """One line of evidence; ``hl_start``/``hl_end`` locate the span inside ``text``."""

    text: str
    hl_start: int
    hl_end: int


class DocIndex:
    """Sentences and line numbers of one document, computed once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._sentences: list[Span] | None = None
        self._starts: list[int] = []
        self._lines: LineIndex | None = None

    def sentence_around(self, span: Span) -> Span:
        if self._sentences is None:
            self._sentences = sentences(self.doc.text)
            self._starts = [s.start for s in self._sentences]
        sents = self._sentences
        if not sents:
            return span
        first = max(0, bisect_right(self._starts, span.start) - 1)
        last = max(first, bisect_right(self._starts, max(span.start, span.end - 1)) - 1)
        start = min(sents[first].start, span.start)
        end = max(sents[last].end, span.end)
        return Span(start=start, end=end)

    def line_of(self, offset: int) -> int:
        if self._lines is None:
            self._lines = LineIndex(self.doc.text)
        return self._lines.position(offset)[0]

    def excerpt(self, span: Span, limit: int = MAX_EXCERPT) -> Excerpt:
        return make_excerpt(self.doc.text, self.sentence_around(span), span, limit)

    def location(self, span: Span | None) -> str:
        url = document_url(self.doc)
        if url:
            return url
        where = self.doc.origin or self.doc.id
        return f"{where}:{self.line_of(span.start)}" if span is not None else where


def document_url(doc: Document) -> str | None:
    url = doc.meta.get("url") or ""
    if not url and doc.origin.startswith(("http://", "https://")):
        url = doc.origin
    return url or None


def make_excerpt(text: str, sentence: Span, span: Span, limit: int = MAX_EXCERPT) -> Excerpt:
    """The ``sentence`` of ``text`` with ``span`` in it, cut to about ``limit`` characters."""
    start, end = sentence.start, sentence.end
    s0 = max(start, min(span.start, end))
    s1 = max(s0, min(span.end, end))
    if end - start > limit:
        room = max(0, limit - (s1 - s0))
        start = max(start, s0 - room // 2)
        end = min(end, max(s1, start + limit))
        start = max(sentence.start, min(start, end - limit))
        start = _word_start(text, start, sentence.start, s0)
        end = _word_end(text, end, sentence.end, s1)
    body = clean_line(text[start:end])
    lead = "…" if start > sentence.start else ""
    tail = "…" if end < sentence.end else ""
    squeezed, mapping = _squeeze(body)
    hl0 = mapping[s0 - start] + len(lead)
    hl1 = mapping[s1 - start] + len(lead)
    return Excerpt(text=f"{lead}{squeezed}{tail}", hl_start=hl0, hl_end=hl1)


def _word_start(text: str, pos: int, floor: int, limit: int) -> int:
    if pos <= floor:
        return floor
    i = pos
    while i < limit and not text[i - 1].isspace():
        i += 1
    return i if i < limit else pos


def _word_end(text: str, pos: int, ceiling: int, limit: int) -> int:
    if pos >= ceiling:
        return ceiling
    i = pos
    while i > limit and not text[i].isspace():
        i -= 1
    return i if i > limit else pos


def _squeeze(s: str) -> tuple[str, list[int]]:
    """Collapse runs of spaces; return the new string and old-offset -> new-offset map."""
    out: list[str] = []
    mapping: list[int] = []
    prev_space = False
    for ch in s:
        mapping.append(len(out))
        space = ch == " "
        if space and prev_space:
            continue
        out.append(ch)
        prev_space = space
    mapping.append(len(out))
    return "".join(out), mapping
