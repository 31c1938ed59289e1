"""The pydantic model that judges an entry of ``decisions.json`` (or a decision being made)
that is not plainly well formed: the file comes from people's hands, and pydantic's
messages name the field at fault. :class:`factcheck.decisions.Decision` hands it every
such entry, so that a check whose ledger is well formed imports no pydantic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, field_validator

from .decisions import STATUSES


class Decision(BaseModel):
    """One decision: what an editor concluded about a claim (``key``) against a source."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    source: str
    status: str
    note: str = ""
    who: str
    when: str  # ISO 8601, UTC
    claim_text: str
    value: str  # the claim's value as displayed, for humans reading the file

    @field_validator("status")
    @classmethod
    def _known_status(cls, v: str) -> str:
        if v not in STATUSES:
            raise ValueError(f"unknown status {v!r} (expected one of {', '.join(STATUSES)})")
        return v
