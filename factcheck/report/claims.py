"""Output of ``factcheck extract``: the claims of one document.

- ``text``: ``path:line:col kind value — about`` per claim (the dash is an em dash; parts
  that are missing are left out), made inert;
- ``json``: ``{"document": {path, lang}, "claims": [...]}`` with the claim objects of the
  check report (without findings);
- ``jsonl``: one claim object per line.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import UsageError
from ..models import Claim, Document
from ..text import LineIndex
from .common import claim_about, claim_value
from .objects import claim_object, document_object
from .positions import FileMap, file_map
from .safe import dumps, inert, one_line

FORMATS = ("text", "json", "jsonl")


def _text_line(path: str, index: LineIndex | FileMap, doc: Document, claim: Claim) -> str:
    line, col = index.position(min(max(claim.span.start, 0), len(doc.text)))
    head = f"{path}:{line}:{col} {claim.kind}"
    value = one_line(claim_value(claim), 200)
    if value:
        head += f" {value}"
    about = one_line(claim_about(claim), 200)
    return f"{head} — {about}" if about else head


def render_claims(doc: Document, claims: Sequence[Claim], fmt: str) -> str:
    """The claims of ``doc`` in format ``fmt`` (``text``, ``json`` or ``jsonl``)."""
    if fmt == "text":
        path = inert(doc.origin or doc.id)
        index: LineIndex | FileMap = file_map(doc) or LineIndex(doc.text)
        return "".join(_text_line(path, index, doc, c) + "\n" for c in claims)
    if fmt == "json":
        return dumps(
            {"document": document_object(doc), "claims": [claim_object(c) for c in claims]},
            indent=2,
        ) + "\n"
    if fmt == "jsonl":
        return "".join(dumps(claim_object(c), indent=None) + "\n" for c in claims)
    raise UsageError(f"unknown claims format {fmt!r} (choose from {', '.join(FORMATS)})")
