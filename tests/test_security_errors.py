"""An unexpected exception (a bug) while reading or checking one document is that
document's error: the other sources are checked, the run exits 2, never a traceback.

The documents that fail here are real inputs the pipeline cannot handle (a text that is
bytes, built without validation as a careless API caller could), not mocks of our code.
"""

from __future__ import annotations

import pytest

from factcheck.errors import InternalError
from factcheck.models import Document, SourceInfo
from factcheck.run import exit_code, guarded_check


def _broken(doc_id: str, origin: str) -> Document:
    return Document.model_construct(
        id=doc_id, text=b"Police arrested 14 people.", lang="en", origin=origin, title=None, meta={}, date=None
    )


DRAFT = Document(id="draft", text="Police arrested 14 people in Lyon on Monday.", origin="draft.md")
GOOD = Document(id="wire", text="Police arrested 15 people in Lyon on Monday.", origin="wire.txt")


def _infos(docs: list[Document]) -> list[SourceInfo]:
    return [SourceInfo(id=d.id, origin=d.origin) for d in docs]


def test_a_source_that_raises_is_its_own_error_and_the_others_are_checked() -> None:
    docs = [GOOD, _broken("bad", "bad.txt"), Document(id="daily", text="Police arrested 14 people.")]
    report = guarded_check(DRAFT, docs, infos=_infos(docs))
    errors = {s.id: s.error for s in report.sources}
    assert errors["wire"] is None and errors["daily"] is None
    assert errors["bad"] is not None
    assert errors["bad"].startswith("unexpected error (TypeError: ")
    assert "please report it" in errors["bad"]
    assert report.count("conflicts") == 1  # the wire's 15 is still found
    assert set(report.documents) == {"wire", "daily"}
    assert exit_code(report) == 2  # a source could not be read, never 1
    assert exit_code(report, allow_missing_sources=True) == 1


def test_the_draft_that_raises_is_an_internal_error_exit_2() -> None:
    with pytest.raises(InternalError) as info:
        guarded_check(_broken("draft", "draft.md"), [GOOD], infos=_infos([GOOD]))
    assert info.value.exit_code == 2
    assert str(info.value).startswith("draft.md: unexpected error (TypeError: ")
    assert "while checking the draft" in str(info.value) and "please report it" in str(info.value)


def test_normal_check_is_unchanged() -> None:
    from factcheck.pipeline import check

    plain = check(DRAFT, [GOOD], infos=_infos([GOOD]))
    guarded = guarded_check(DRAFT, [GOOD], infos=_infos([GOOD]))
    assert guarded.model_dump() == plain.model_dump()
