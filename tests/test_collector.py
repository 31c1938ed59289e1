"""check() pauses the cyclic garbage collector while it runs (factcheck.pipeline) and leaves
it as it found it: running after a check, nested checks or checks in threads at once, and
still paused after a check when the caller had paused it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from factcheck import pipeline
from factcheck.models import Document, Report
from factcheck.pipeline import check

DRAFT = Document(id="draft", text="Police arrested 12 people in Lyon on Sunday, the prefect said.")
SOURCE = Document(id="src1", text="Twelve people were arrested in Lyon on Sunday, according to the prefect.")


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_a_check_leaves_the_collector_running(collector: None) -> None:
    gc.enable()
    check(DRAFT, [SOURCE], cache=None)
    assert gc.isenabled()


def test_a_check_leaves_a_paused_collector_paused(collector: None) -> None:
    gc.disable()
    check(DRAFT, [SOURCE], cache=None)
    assert not gc.isenabled()


def test_the_collector_is_paused_during_a_check_and_after_a_nested_one(
    collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.enable()
    during: list[bool] = []
    real = pipeline._check

    def spying(*args: Any, **kwargs: Any) -> Report:
        during.append(gc.isenabled())
        if len(during) == 1:
            check(DRAFT, [SOURCE], cache=None)  # a check inside the check
            during.append(gc.isenabled())  # after the inner one ended
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_check", spying)
    check(DRAFT, [SOURCE], cache=None)
    assert during == [False, False, False]  # the outer check, the inner one, after the inner one
    assert gc.isenabled()


def test_checks_in_threads_leave_the_collector_running(collector: None) -> None:
    gc.enable()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(3):
                check(DRAFT, [SOURCE], cache=None)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert gc.isenabled()
