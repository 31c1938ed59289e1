"""Frozen data models crossing module boundaries.

Spans are ``[start, end)`` code-point offsets into the document text as decoded.

The models are plain Python classes (:class:`Frozen`), not pydantic models: importing
pydantic and building its schemas took most of a one-shot ``check``'s start-up, and nothing
on the hot path of a check needs them (our own code builds these objects from values it
typed). A model built by keyword (``Document(id=..., text=...)``: the Python API, a file
read) is still checked field by field against its annotations, as pydantic's lax mode
does: the type of each field (an ``int`` where a ``float`` is declared becomes a float, a
list where a tuple is declared a tuple), the allowed values of a ``Literal``, no missing
and no unknown field; a bad one raises :class:`ModelError` (a ``ValueError``). The
pydantic-style methods in use (``model_copy``, ``model_dump``, ``model_dump_json``,
``model_construct``, ``model_validate``, ``model_fields``) keep their meaning, as do
equality and hashing (a frozen pydantic model's hash: that of its field values). pydantic
stays at the boundaries where its messages are the interface: ``decisions.json``
(:mod:`factcheck.decisions`).
"""

from __future__ import annotations

import json
import operator
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar, dataclass_transform

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


class ModelError(ValueError):
    """A model built with a missing, unknown or ill-typed field."""


class FrozenError(AttributeError):
    """An attempt to change a field of a frozen model."""


_REQUIRED: Any = object()


class FieldInfo:
    """A model field: its default, or the factory of its default."""

    __slots__ = ("annotation", "default", "default_factory", "module", "name")

    def __init__(self, default: Any = _REQUIRED, *, default_factory: Callable[[], Any] | None = None) -> None:
        self.name = ""
        self.annotation: Any = None
        self.module = ""  # of the class that declares it: the names its annotation reads
        self.default = None if default is _REQUIRED and default_factory is not None else default
        self.default_factory = default_factory

    def is_required(self) -> bool:
        return self.default is _REQUIRED and self.default_factory is None

    def __repr__(self) -> str:
        return f"FieldInfo({self.name!r})"


def Field(default: Any = _REQUIRED, *, default_factory: Callable[[], Any] | None = None) -> Any:  # noqa: N802
    """A field's default (``default_factory``: a fresh one for each instance), as pydantic's ``Field``."""
    return FieldInfo(default, default_factory=default_factory)


_set_attr = object.__setattr__
_new = object.__new__
Check = Callable[[Any], Any]


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field, FieldInfo))
class Frozen:
    """The base of the models: keyword construction with checked fields, frozen, compared
    and hashed by value (see the module's docstring)."""

    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    _checks: ClassVar[dict[str, Check] | None] = None
    _hash_key: ClassVar[Callable[[dict[str, Any]], Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "model_fields", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if name.startswith("_") or "ClassVar" in str(annotation):
                continue
            given = cls.__dict__.get(name, _REQUIRED)
            f = given if isinstance(given, FieldInfo) else FieldInfo(given)
            f.name, f.annotation, f.module = name, annotation, cls.__module__
            fields[name] = f
            if given is not _REQUIRED:
                delattr(cls, name)  # the value lives on the instance, as in pydantic
        cls.model_fields = fields
        cls._checks = None
        cls._hash_key = operator.itemgetter(*fields) if fields else (lambda _: 0)

    def __init__(self, **data: Any) -> None:
        cls = type(self)
        checks = cls._checks if cls._checks is not None else _compile(cls)
        values: dict[str, Any] = {}
        for name, f in cls.model_fields.items():
            if name in data:
                try:
                    values[name] = checks[name](data[name])
                except ModelError as exc:
                    raise ModelError(f"{cls.__name__}.{name}: {exc}") from None
            elif f.default_factory is not None:
                values[name] = f.default_factory()
            elif f.default is _REQUIRED:
                raise ModelError(f"{cls.__name__}.{name}: field required")
            else:
                values[name] = f.default
        if len(values) != len(cls.model_fields) or len(data) > len(values) or not data.keys() <= values.keys():
            extra = sorted(set(data) - set(cls.model_fields))
            raise ModelError(f"{cls.__name__}: unknown field {extra[0]!r}")
        _set_attr(self, "__dict__", values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(type(self)._hash_key(self.__dict__))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_filled, (type(self), dict(self.__dict__)))

    def __copy__(self: M) -> M:
        return self

    def __deepcopy__(self: M, memo: dict[int, Any]) -> M:
        import copy

        return _filled(type(self), copy.deepcopy(self.__dict__, memo))

    def model_copy(self: M, *, update: dict[str, Any] | None = None, deep: bool = False) -> M:
        """A copy with the fields of ``update`` replaced (not checked, as in pydantic)."""
        values = dict(self.__dict__)
        if deep:
            import copy

            values = copy.deepcopy(values)
        if update:
            values.update(update)
        return _filled(type(self), values)

    def model_dump(self) -> dict[str, Any]:
        """The fields as a dict, nested models as dicts (tuples and lists stay as they are)."""
        return {k: _dump(v) for k, v in self.__dict__.items()}

    def model_dump_json(self) -> str:
        return json.dumps(self.model_dump(), ensure_ascii=False, separators=(",", ":"), default=_json_default)

    @classmethod
    def model_construct(cls: type[M], **values: Any) -> M:
        """An instance of ``values`` with no check; fields left out take their defaults."""
        out: dict[str, Any] = {}
        for name, f in cls.model_fields.items():
            if name in values:
                out[name] = values[name]
            elif f.default_factory is not None:
                out[name] = f.default_factory()
            elif f.default is not _REQUIRED:
                out[name] = f.default
        return _filled(cls, out)

    @classmethod
    def model_validate(cls: type[M], obj: Any) -> M:
        if isinstance(obj, cls):
            return obj
        if not isinstance(obj, dict):
            raise ModelError(f"{cls.__name__}: expected a mapping, got {type(obj).__name__}")
        return cls(**obj)


M = TypeVar("M", bound=Frozen)
_TEMPLATES: dict[type[Frozen], tuple[dict[str, Any], frozenset[str]]] = {}


def trusted(cls: type[M], fields: dict[str, Any]) -> M:
    """A ``cls`` built from ``fields`` that our own code already typed: no check.

    Fields left out take their defaults; the instance equals a checked one."""
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
    return _filled(cls, values)


def _filled(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values`` (every field, in declaration order)."""
    m = _new(cls)
    _set_attr(m, "__dict__", values)
    return m


def _dump(v: Any) -> Any:
    if isinstance(v, Frozen):
        return v.model_dump()
    if type(v) is tuple:
        return tuple(_dump(x) for x in v)
    if type(v) is list:
        return [_dump(x) for x in v]
    if type(v) is dict:
        return {k: _dump(x) for k, x in v.items()}
    return v


def _json_default(v: Any) -> Any:
    if isinstance(v, tuple | set | frozenset):
        return list(v)
    return str(v)


# --- field checks, compiled from the annotations on a class's first keyword construction --


def _compile(cls: type[Frozen]) -> dict[str, Check]:
    checks = {name: _check_for(_evaluated(f)) for name, f in cls.model_fields.items()}
    cls._checks = checks
    return checks


def _evaluated(f: FieldInfo) -> Any:
    """A field's annotation as a type (a string one read in its module's names)."""
    if not isinstance(f.annotation, str):
        return f.annotation
    module = sys.modules[f.module]
    return eval(f.annotation, vars(module))  # noqa: S307 - our own classes' annotations


def _fail(v: Any, what: str) -> Any:
    raise ModelError(f"expected {what}, got {type(v).__name__} {str(v)[:60]!r}")


def _check_for(tp: Any) -> Check:
    strict, lax = _checkers(tp)

    def check(v: Any) -> Any:
        ok, got = strict(v)
        if ok:
            return got
        ok, got = lax(v)
        if ok:
            return got
        return _fail(v, _name(tp))

    return check


Try = Callable[[Any], tuple[bool, Any]]
_NO: tuple[bool, Any] = (False, None)


def _checkers(tp: Any) -> tuple[Try, Try]:
    """Two tries for a value of type ``tp``: as it is (the exact type), then converted (lax)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return (lambda v: (True, v)), (lambda v: _NO)
    if tp is type(None) or tp is None:
        return (lambda v: (v is None, v)), (lambda v: _NO)
    if origin is Literal:
        allowed = frozenset(args)
        return (lambda v: (v in allowed, v) if isinstance(v, str | int | bool) else _NO), (lambda v: _NO)
    if origin is typing.Union or origin is types.UnionType:
        return _union_checkers(args)
    if origin is tuple or origin is list or origin is dict:
        return _container_checkers(origin, args)
    return _plain_checkers(tp)


def _union_checkers(args: tuple[Any, ...]) -> tuple[Try, Try]:
    """:func:`_checkers` of a union of ``args``: the first member that takes the value."""
    tries = [_checkers(a) for a in args]

    def strict_union(v: Any) -> tuple[bool, Any]:
        for s, _ in tries:
            got = s(v)
            if got[0]:
                return got
        return _NO

    def lax_union(v: Any) -> tuple[bool, Any]:
        for _, lx in tries:
            got = lx(v)
            if got[0]:
                return got
        return _NO

    return strict_union, lax_union


def _container_checkers(origin: Any, args: tuple[Any, ...]) -> tuple[Try, Try]:
    """:func:`_checkers` of a ``tuple``, ``list`` or ``dict`` of ``args``."""
    if origin is tuple:
        item = _check_for(args[0]) if len(args) == 2 and args[1] is Ellipsis else None

        def as_tuple(v: Any) -> tuple[bool, Any]:
            if not isinstance(v, tuple | list):
                return _NO
            return True, tuple(item(x) for x in v) if item else tuple(v)

        return (lambda v: as_tuple(v) if type(v) is tuple else _NO), as_tuple
    if origin is list:
        each = _check_for(args[0]) if args else None

        def as_list(v: Any) -> tuple[bool, Any]:
            if not isinstance(v, list | tuple):
                return _NO
            return True, [each(x) for x in v] if each else list(v)

        def exact_list(v: Any) -> tuple[bool, Any]:
            if type(v) is not list:
                return _NO
            for x in v:
                try:
                    if each and each(x) is not x:
                        return _NO
                except ModelError:
                    return _NO
            return True, v

        return exact_list, as_list
    # a dict
    key, value = (_check_for(args[0]), _check_for(args[1])) if args else (None, None)

    def as_dict(v: Any) -> tuple[bool, Any]:
        if not isinstance(v, dict):
            return _NO
        if key is None or value is None:
            return True, dict(v)
        return True, {key(k): value(x) for k, x in v.items()}

    return as_dict, (lambda v: _NO)


def _plain_checkers(tp: Any) -> tuple[Try, Try]:
    """:func:`_checkers` of a type that is no union, literal or container."""
    if tp is float:
        return (lambda v: (type(v) is float, v)), (
            lambda v: (True, float(v)) if type(v) is int else _NO
        )
    if tp is int:
        return (lambda v: (type(v) is int, v)), (
            lambda v: (True, int(v)) if type(v) is float and v.is_integer() else _NO
        )
    if tp is bool or tp is str:
        exact = tp
        return (lambda v: (type(v) is exact, v)), (
            lambda v: (True, v) if isinstance(v, exact) and type(v) is not bool else _NO
        )
    if isinstance(tp, type) and issubclass(tp, Frozen):
        model = tp
        return (lambda v: (isinstance(v, model), v)), (
            lambda v: (True, model(**v)) if isinstance(v, dict) else _NO
        )
    if tp is Path:
        return (lambda v: (isinstance(v, Path), v)), (lambda v: (True, Path(v)) if isinstance(v, str) else _NO)
    if isinstance(tp, type):
        return (lambda v: (isinstance(v, tp), v)), (lambda v: _NO)
    raise TypeError(f"no check for the annotation {tp!r}")


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


class Span(Frozen):
    start: int
    end: int

    @classmethod
    def at(cls, start: int, end: int) -> Span:
        """A span from two offsets our own code computed: no validation (extraction makes
        one per claim and per sentence, and pydantic's checks showed in its profile)."""
        return _filled(cls, {"start": start, "end": end})

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
    rule: str | None = None  # the id of the extraction rule that read it (extract/rules.py); not in reports

    @property
    def display_value(self) -> str:
        if self.kind == "date":
            from .readable import readable_date

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
    unit: str | None = None  # the source's unit ("2h15" is in minutes where the draft says hours)
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
