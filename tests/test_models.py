"""The plain models of factcheck.models: checked keyword construction, frozen, equal and
hashed by value, and the pydantic-style methods the code and the Python API use."""

from __future__ import annotations

import copy
import json
import pickle
import subprocess
import sys

import pytest

from factcheck.models import (
    Amount,
    CheckedClaim,
    Claim,
    Document,
    Finding,
    FrozenError,
    ModelError,
    Report,
    SourceInfo,
    Span,
    trusted,
)


def _claim(**kw: object) -> Claim:
    fields: dict[str, object] = {"id": "c1", "doc_id": "d", "kind": "count", "span": Span(start=0, end=2),
                                 "text": "14", "value": 14, "sentence": Span(start=0, end=10)}
    fields.update(kw)
    return Claim(**fields)  # type: ignore[arg-type]


def test_defaults_and_factories() -> None:
    a, b = Document(id="a", text="x"), Document(id="b", text="y")
    assert a.lang == "en" and a.origin == "" and a.title is None and a.meta == {}
    assert a.meta is not b.meta  # a fresh dict for each instance
    assert list(Document.model_fields) == ["id", "text", "lang", "origin", "title", "meta", "date"]
    assert Document.model_fields["id"].is_required() and not Document.model_fields["lang"].is_required()


def test_missing_unknown_and_ill_typed_fields_are_refused() -> None:
    with pytest.raises(ModelError, match="Document.text: field required"):
        Document(id="a")  # type: ignore[call-arg]
    with pytest.raises(ModelError, match="unknown field 'colour'"):
        Document(id="a", text="x", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ModelError, match="Document.text"):
        Document(id="a", text=b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="Document.meta"):
        Document(id="a", text="x", meta={"k": 1})  # type: ignore[dict-item]
    with pytest.raises(ModelError, match="Claim.kind"):
        _claim(kind="colour")
    with pytest.raises(ModelError, match="Finding.verdict"):
        Finding(source="s", verdict="maybe")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="Amount.low"):
        Amount(low="3", high=3.0)  # type: ignore[arg-type]
    assert issubclass(ModelError, ValueError)


def test_lax_conversions_as_pydantic() -> None:
    a = Amount(low=0, high=2)
    assert type(a.low) is float and type(a.high) is float and a == Amount(low=0.0, high=2.0)
    c = _claim(concepts=["people"], value=14)
    assert c.concepts == ("people",) and type(c.value) is int  # a union keeps the exact type
    assert type(_claim(value=1.5).value) is float and _claim(value=[1, 2]).value == [1, 2]
    assert Span(start=1, end=2) == Span.at(1, 2) == trusted(Span, {"start": 1, "end": 2})
    nested = CheckedClaim(claim=_claim().model_dump())  # type: ignore[arg-type]
    assert nested.claim == _claim()


def test_frozen_equal_and_hashed_by_value() -> None:
    s = Span(start=1, end=4)
    with pytest.raises(FrozenError):
        s.start = 2  # type: ignore[misc]
    assert s == Span(start=1, end=4) and s != Span(start=1, end=5) and s != (1, 4)
    assert hash(s) == hash((1, 4))  # a frozen pydantic model's hash: its field values'
    assert len({s, Span(start=1, end=4), Span(start=2, end=4)}) == 2
    with pytest.raises(TypeError):
        hash(Document(id="a", text="x"))  # a dict field: unhashable, as in pydantic


def test_copy_dump_construct_and_pickle() -> None:
    c = _claim(amount=Amount(low=14.0, high=14.0))
    moved = c.model_copy(update={"span": Span(start=3, end=5)})
    assert moved.span == Span(start=3, end=5) and c.span == Span(start=0, end=2) and moved.text == c.text
    dumped = c.model_dump()
    assert dumped["span"] == {"start": 0, "end": 2} and dumped["amount"]["hedge"] == "exact"
    assert dumped["concepts"] == () and list(dumped) == list(Claim.model_fields)
    assert json.loads(c.model_dump_json())["sentence"] == {"start": 0, "end": 10}
    assert Claim.model_validate(dumped) == c
    assert Document.model_construct(id="a", text="x").meta == {}
    assert pickle.loads(pickle.dumps(c)) == c and copy.deepcopy(c) == c and copy.copy(c) is c
    assert repr(Span(start=1, end=4)) == "Span(start=1, end=4)"


def test_report_of_models() -> None:
    f = Finding(source="s", verdict="agrees", span=Span(start=0, end=1))
    r = Report(draft=Document(id="draft", text="x"), sources=[SourceInfo(id="s", origin="s.txt")],  # type: ignore[arg-type]
               claims=(CheckedClaim(claim=_claim(), findings=(f,)),))
    assert type(r.sources) is tuple and r.count("agrees") == 1 and r.documents == {}


def test_importing_the_models_imports_no_pydantic() -> None:
    code = "import sys, factcheck.models, factcheck.pipeline; print('pydantic' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert proc.stdout.strip() == "False"
