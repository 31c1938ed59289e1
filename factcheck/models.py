"""Frozen data models crossing module boundaries.

Spans are ``[start, end)`` code-point offsets into the document text as decoded.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

ClaimKind = Literal[
    "count",
    "age",
    "money",
    "percent",
    "quantity",
    "duration",
    "date",
    "person",
    "place",
    "organization",
]
Verdict = Literal["agrees", "conflicts", "absent", "unclear"]
Hedge = Literal["about", "approx", "over", "under", "at_least", "at_most", "nearly", "vague", "exact"]
JsonValue = float | int | str | list[float] | list[int] | None


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


M = TypeVar("M", bound=Frozen)
_TEMPLATES: dict[type[Frozen], tuple[dict[str, Any], frozenset[str]]] = {}
_set_attr = object.__setattr__


def trusted(cls: type[M], fields: dict[str, Any]) -> M:
    """A ``cls`` built from ``fields`` that our own code already typed: no validation.

    What ``model_construct`` does for a model with no aliases, factories or private
    attributes, without its per-field work on every call (it showed in extraction profiles).
    Fields left out take their defaults; the instance equals a validated one."""
    known = _TEMPLATES.get(cls)
    if known is None:
        template: dict[str, Any] = {}  # every field, in declaration order
        for name, f in cls.model_fields.items():
            if f.default_factory is not None:
                raise TypeError(f"{cls.__name__}.{name} has a default factory: use model_construct")
            template[name] = None if f.is_required() else f.default
        required = frozenset(n for n, f in cls.model_fields.items() if f.is_required())
        known = _TEMPLATES[cls] = (template, required)
    template, required = known
    if not required <= fields.keys() <= template.keys():
        raise TypeError(f"{cls.__name__}: fields {sorted(fields)} do not fit {sorted(template)}")
    values = dict(template)
    values.update(fields)
    return _filled(cls, values, set(fields))


def _filled(cls: type[M], values: dict[str, Any], given: set[str]) -> M:
    """An instance of ``cls`` holding ``values``, as ``model_construct`` leaves it."""
    m = cls.__new__(cls)
    _set_attr(m, "__dict__", values)
    _set_attr(m, "__pydantic_fields_set__", given)
    _set_attr(m, "__pydantic_extra__", None)
    _set_attr(m, "__pydantic_private__", None)
    return m


class Span(Frozen):
    start: int
    end: int

    @classmethod
    def at(cls, start: int, end: int) -> Span:
        """A span from two offsets our own code computed: no validation (extraction makes
        one per claim and per sentence, and pydantic's checks showed in its profile)."""
        return _filled(cls, {"start": start, "end": end}, {"start", "end"})

    def as_list(self) -> list[int]:
        return [self.start, self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Document(Frozen):
    """A text to check: the draft or one source, decoded, with where it came from."""

    id: str
    text: str
    lang: str = "en"
    origin: str = ""  # path or URL as the user gave it
    title: str | None = None
    meta: dict[str, str] = Field(default_factory=dict)
    date: str | None = None  # the day it was published (YYYY-MM-DD): what "on Sunday" counts from


class Amount(Frozen):
    """A figure as stated: ``low``..``high`` (equal for one number) and its hedge.

    ``lo``/``hi`` are the bounds the hedge allows (None: unbounded), used by comparison.
    """

    low: float
    high: float
    hedge: Hedge = "exact"
    lo: float | None = None
    hi: float | None = None

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def json_value(self) -> float | int | list[float | int]:
        def n(x: float) -> float | int:
            return int(x) if float(x).is_integer() else x

        return [n(self.low), n(self.high)] if self.is_range else n(self.low)


class Claim(Frozen):
    id: str
    doc_id: str
    kind: ClaimKind
    span: Span
    text: str
    value: JsonValue  # number, [low, high], ISO date string, or a person's name
    amount: Amount | None = None
    unit: str | None = None
    hedge: Hedge | None = None
    subject: str | None = None  # what is counted, or who (as written)
    concepts: tuple[str, ...] = ()  # concept ids of the subject (people, police, weapon...)
    predicate: str | None = None  # what happened to it (as written)
    actions: tuple[str, ...] = ()  # concept ids of the predicate (arrested, killed...)
    role: str | None = None
    sentence: Span
    context: str = ""  # the sentence text, for alignment and display
    quoted: bool = False
    lang: str = "en"
    weak: bool = False  # "a child", "un wagon": a count of one only by its article
    part: bool = False  # "four of them", "dont neuf": a part of a group counted elsewhere
    earlier: bool = False  # "an earlier toll of eight": a figure the text gives as superseded
    past: bool = False  # "last year's strike lasted five days": a figure of another, earlier event
    when: dict[str, int | str] | None = None  # date parts: year, month, day, weekday, part, hour

    @property
    def display_value(self) -> str:
        if self.kind == "date":
            from .text import readable_date

            return readable_date(str(self.value))
        v = self.value
        if isinstance(v, list):
            return f"{_fmt(v[0])}-{_fmt(v[1])}"
        if isinstance(v, float | int):
            return _fmt(v)
        return str(v)


def _fmt(x: float | int) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int) and abs(x) >= 10000 else str(x)


class Finding(Frozen):
    """What one source says about one draft claim."""

    source: str
    verdict: Verdict
    score: float = 0.0
    why: str = ""
    span: Span | None = None
    text: str | None = None
    value: JsonValue = None
    source_claim: str | None = None
    decision: str | None = None  # status of an editorial decision applied to it


class CheckedClaim(Frozen):
    claim: Claim
    findings: tuple[Finding, ...] = ()


class SourceInfo(Frozen):
    id: str
    origin: str
    lang: str = "en"
    title: str | None = None
    error: str | None = None  # set when the source could not be read or fetched


class Report(Frozen):
    draft: Document
    sources: tuple[SourceInfo, ...]
    documents: dict[str, Document] = Field(default_factory=dict)  # source id -> text
    claims: tuple[CheckedClaim, ...]
    title: str | None = None
    hidden: int = 0  # findings hidden by editorial decisions

    def count(self, verdict: Verdict, *, undecided: bool = False) -> int:
        return sum(
            1 for c in self.claims for f in c.findings if f.verdict == verdict and not (undecided and f.decision)
        )
