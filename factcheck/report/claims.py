"""Output of ``factcheck extract``: the claims of one document.

- ``text``: ``path:line:col kind value — about`` per claim (the dash is an em dash; parts
  that are missing are left out), made inert;
- ``json``: ``{"document": {path, lang}, "claims": [...]}`` with the claim objects of the
  check report (without findings);
- ``jsonl``: one claim object per line.

With ``explain``, each claim also says the id of the rule that read it
(:mod:`factcheck.extract.rules`): ``[rule]`` at the end of its text line, a ``"rule"`` field
in json and jsonl (the check report never has one).
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


def _text_line(path: str, index: LineIndex | FileMap, doc: Document, claim: Claim, explain: bool) -> str:
    line, col = index.position(min(max(claim.span.start, 0), len(doc.text)))
    head = f"{path}:{line}:{col} {claim.kind}"
    value = one_line(claim_value(claim), 200)
    if value:
        head += f" {value}"
    about = one_line(claim_about(claim), 200)
    out = f"{head} — {about}" if about else head
    return f"{out} [{_rule(claim)}]" if explain else out


def _rule(claim: Claim) -> str:
    return one_line(claim.rule or "unknown", 80)


def _object(claim: Claim, explain: bool) -> dict[str, object]:
    obj = claim_object(claim)
    if explain:
        obj["rule"] = claim.rule
    return obj


def render_claims(doc: Document, claims: Sequence[Claim], fmt: str, *, explain: bool = False) -> str:
    """The claims of ``doc`` in format ``fmt`` (``text``, ``json`` or ``jsonl``); with
    ``explain``, each with the id of the rule that read it."""
    if fmt == "text":
        path = inert(doc.origin or doc.id)
        index: LineIndex | FileMap = file_map(doc) or LineIndex(doc.text)
        return "".join(_text_line(path, index, doc, c, explain) + "\n" for c in claims)
    if fmt == "json":
        return dumps(
            {"document": document_object(doc), "claims": [_object(c, explain) for c in claims]},
            indent=2,
        ) + "\n"
    if fmt == "jsonl":
        return "".join(dumps(_object(c, explain), indent=None) + "\n" for c in claims)
    raise UsageError(f"unknown claims format {fmt!r} (choose from {', '.join(FORMATS)})")
