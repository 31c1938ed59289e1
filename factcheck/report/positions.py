"""Where a document's text sits in the file the user wrote.

A Markdown or plain-text file is read as it is, so an offset into its text is an offset into
the file. An HTML file is reduced to its article's text (trafilatura): line 3 of that text
is not line 3 of the file, where a ``<style>`` block may sit. :func:`file_map` reads the file
again and aligns the extracted text with the file's visible characters, so a report can
name the line and column of the HTML source an editor opens.

The alignment is by words, in order: each word of the text is looked for in the file's
visible text (tags and comments removed, entities decoded) just after the previous one, or
anywhere further on with the next words around it when the extractor skipped a block. A
word it cannot place takes the position just after the last one placed.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path, PurePath

from ..decode import decode_bytes, looks_like_html
from ..models import Document
from ..text import LineIndex

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MAX_BYTES = 10_000_000
_WINDOW = 400  # visible characters searched for a word just after the previous one

# Skipped whole: comments, the head, scripts and styles; a tag is a space unless inline.
# (Compiled when a page is first mapped: a check of plain texts maps none.)
@cache
def _skip() -> re.Pattern[str]:
    return re.compile(
        r"<!--.*?(?:-->|\Z)|<(head|script|style|noscript|template|svg)\b.*?(?:</\1\s*>|\Z)"
        r"|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?/]?[A-Za-z][^>]*>?|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?",
        re.S | re.I,
    )
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
})
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
_WORDS = re.compile(r"\S+")


class FileMap:
    """Text offsets of a document mapped to offsets and positions in its file."""

    def __init__(self, raw: str, raw_of: list[int]) -> None:
        self.raw = raw
        self._raw_of = raw_of  # raw offset of each text character
        self._index = LineIndex(raw)

    def offset(self, text_offset: int, *, end: bool = False) -> int:
        """The file offset of a text offset; ``end``: an exclusive end (after its character)."""
        n = len(self._raw_of)
        if n == 0:
            return 0
        if end:
            if text_offset <= 0:
                return self._raw_of[0]
            return min(self._raw_of[min(text_offset, n) - 1] + 1, len(self.raw))
        return self._raw_of[min(max(text_offset, 0), n - 1)]

    def position(self, text_offset: int, *, end: bool = False) -> tuple[int, int]:
        return self._index.position(self.offset(text_offset, end=end))


def visible(raw: str) -> tuple[str, list[int]]:
    """The characters of an HTML page a reader sees, each with its offset in ``raw``."""
    import html  # here: a plain-text check never reads a page (a start-up's import)

    chars: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _skip().finditer(raw):
        run = raw[pos : m.start()]
        chars.append(run)
        where.extend(range(pos, m.start()))
        token = m.group()
        if token.startswith("&"):
            decoded = html.unescape(token)
            chars.append(decoded)
            where.extend([m.start()] * len(decoded))
        elif token.startswith("<"):
            name = _TAG_NAME.match(token)
            if not (name and name.group(1).lower() in _INLINE):
                chars.append(" ")
                where.append(m.start())
        pos = m.end()
    chars.append(raw[pos:])
    where.extend(range(pos, len(raw)))
    return "".join(chars), where


def align(text: str, raw: str) -> list[int]:
    """The offset in ``raw`` (an HTML page) of every character of ``text`` (its extract)."""
    seen, where = visible(raw)
    raw_of = [-1] * len(text)
    words = list(_WORDS.finditer(text))
    at = 0  # in ``seen``: just after the last word placed
    for k, w in enumerate(words):
        word = w.group()
        hit = seen.find(word, at, at + _WINDOW + len(word))
        if hit < 0:  # the extractor skipped a block, or changed the word: look further on
            ahead = [re.escape(x.group()) for x in words[k : k + 4]]
            m = re.compile(r"\s*".join(ahead)).search(seen, at) if len(ahead) > 1 else None
            hit = m.start() if m else seen.find(word, at) if len(ahead) == 1 else -1
        if hit < 0:
            continue
        for i in range(len(word)):
            raw_of[w.start() + i] = where[hit + i]
        at = hit + len(word)
    last = -1
    for i, r in enumerate(raw_of):  # a character not placed: just after the last one placed
        if r < 0:
            raw_of[i] = min(last + 1, len(raw) - 1) if last >= 0 else 0
        else:
            last = r
        last = raw_of[i]
    return raw_of


def file_map(doc: Document) -> FileMap | None:
    """How ``doc``'s text maps onto the HTML file it was read from; None when its offsets
    are already the file's (Markdown, plain text, snapshots), or the file is not there or
    no longer the one that was read."""
    origin = doc.origin
    if not origin or "://" in origin or origin.startswith("<"):
        return None
    path = Path(origin)
    try:
        if not path.is_file():
            return None
        if PurePath(origin).suffix.lower() not in HTML_SUFFIXES:
            with path.open("rb") as f:
                if not looks_like_html(f.read(2048).decode("latin-1")):
                    return None
        if path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    sha = doc.meta.get("sha256")
    if sha and hashlib.sha256(data).hexdigest() != sha:
        return None  # changed since it was read
    raw, _ = decode_bytes(data, html=True)
    if raw == doc.text or not doc.text:
        return None
    return FileMap(raw, align(doc.text, raw))
