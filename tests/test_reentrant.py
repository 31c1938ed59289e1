"""check() is re-entrant: what it memoises about the texts it reads lives in the registry of
its run (:mod:`factcheck.runcache`), so checks in two threads at once, or a check started
inside another, give the reports each gives alone and see nothing of each other's memos."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from factcheck import align, runcache, signals
from factcheck.lang import detect_lang
from factcheck.models import Document, Report
from factcheck.pipeline import check, clear_caches
from factcheck.report.json import render as render_json

DATA = Path(__file__).parent / "data"
STORIES = ("stories/coach-crash", "stories/warehouse-fire", "stories_hard/port-strike")
ROUNDS = 6  # checks per thread

Story = tuple[Document, list[Document]]


def _load(name: str) -> Story:
    folder = DATA / name
    text = (folder / "draft.md").read_text("utf-8")
    draft = Document(id="draft", text=text, lang=detect_lang(text))
    sources = []
    for p in sorted((folder / "sources").glob("*.txt")):
        t = p.read_text("utf-8")
        sources.append(Document(id=p.stem, text=t, lang=detect_lang(t)))
    return draft, sources


def _check(story: Story) -> Report:
    return check(story[0], story[1], cache=None)


def _texts(story: Story) -> str:
    return "\n".join([story[0].text, *(d.text for d in story[1])])


def _sentences_read(memos: runcache.Memos) -> set[str]:
    """The sentences whose features ``memos`` holds."""
    return {key[0] for key in memos.table(signals._FEATURES)}


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    return [_load(name) for name in STORIES]


@pytest.fixture(scope="module")
def alone(stories: list[Story]) -> list[str]:
    """Each story's JSON report, checked on its own from cold."""
    out = []
    for story in stories:
        clear_caches()
        out.append(render_json(_check(story)))
    return out


@pytest.fixture
def switching() -> Iterator[None]:
    """Threads switch far more often than by default, so that checks interleave finely."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _in_threads(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run ``jobs`` in one thread each, started together; their results, or the error raised."""
    start = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def one(k: int) -> None:
        start.wait()
        try:
            results[k] = jobs[k]()
        except BaseException as exc:  # noqa: BLE001  (handed back to the test)
            results[k] = exc

    threads = [threading.Thread(target=one, args=(k,)) for k in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return results


@pytest.mark.usefixtures("switching")
def test_two_threads_give_the_reports_of_sequential_runs(stories: list[Story], alone: list[str]) -> None:
    def rounds(which: int) -> tuple[list[str], runcache.Memos]:
        got = []
        for k in range(ROUNDS):
            if k % 3 == 0:
                clear_caches()  # this thread's memos only: the other thread's check goes on warm
            got.append(render_json(_check(stories[which])))
        return got, runcache.current()

    (first, memos_a), (second, memos_b) = _in_threads([lambda: rounds(0), lambda: rounds(1)])
    assert first == [alone[0]] * ROUNDS
    assert second == [alone[1]] * ROUNDS
    # each thread had a registry of its own, and holds nothing of the other's texts
    assert memos_a is not memos_b and runcache.current() not in (memos_a, memos_b)
    texts_a, texts_b = _texts(stories[0]), _texts(stories[1])
    read_a, read_b = _sentences_read(memos_a), _sentences_read(memos_b)
    assert read_a and read_b
    assert all(s in texts_a for s in read_a) and all(s in texts_b for s in read_b)


@pytest.mark.usefixtures("switching")
def test_threads_checking_the_same_stories_in_other_orders(stories: list[Story], alone: list[str]) -> None:
    orders = [[0, 1, 2, 0, 1, 2], [2, 1, 0, 2, 1, 0], [1, 1, 0, 0, 2, 2]]

    def rounds(order: list[int]) -> list[str]:
        return [render_json(_check(stories[k])) for k in order]

    got = _in_threads([partial(rounds, order) for order in orders])
    assert got == [[alone[k] for k in order] for order in orders]


def test_a_check_inside_a_check_sees_none_of_its_memos(
    stories: list[Story], alone: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check started while another runs (here from the outer one's alignment, as a callback
    would) runs in a fresh registry: it neither reads the outer check's memos nor leaves its
    own behind, and both give the reports they give alone."""
    outer_story, inner_story = stories[0], stories[1]
    seen: dict[str, Any] = {}
    real = align.align_document

    def aligning(*args: Any, **kwargs: Any) -> Any:
        memos = runcache.current()
        if "outer" not in seen:  # the outer check's first source
            seen["outer"] = memos
            seen["outer_before"] = _sentences_read(memos)
            seen["inner_report"] = render_json(_check(inner_story))
            assert runcache.current() is memos  # the outer run's registry is back
            seen["outer_after"] = _sentences_read(memos)
        elif memos is not seen["outer"]:
            seen.setdefault("inner", memos)
        return real(*args, **kwargs)

    monkeypatch.setattr(align, "align_document", aligning)
    clear_caches()
    outer = render_json(_check(outer_story))
    assert outer == alone[0]
    assert seen["inner_report"] == alone[1]
    inner = seen["inner"]
    assert inner is not seen["outer"]
    assert seen["outer_after"] == seen["outer_before"]  # the inner check left nothing in it
    texts_outer, texts_inner = _texts(outer_story), _texts(inner_story)
    assert all(s in texts_inner for s in _sentences_read(inner))  # it read nothing of the outer's
    assert all(s in texts_outer for s in _sentences_read(runcache.current()))
    assert runcache.current() is seen["outer"]  # a check called by a program: the thread's registry


calls: list[str] = []


@runcache.memo(8)
def _shout(text: str) -> str:
    calls.append(text)
    return text.upper()


def test_nested_runs_keep_their_memos_apart() -> None:
    calls.clear()
    with runcache.run(runcache.Memos()) as outer:
        _shout("a")
        with runcache.run() as inner:
            assert inner is not outer and runcache.current() is inner
            _shout("a")  # not the outer run's memo: worked out again
            _shout("b")
        assert runcache.current() is outer
        _shout("a")
        _shout("b")  # the inner run's memo is gone with it
    assert calls == ["a", "a", "b", "b"]
    assert len(inner.table(f"{__name__}._shout")) == 2


def test_a_full_memo_table_is_emptied_not_grown() -> None:
    with runcache.run(runcache.Memos()) as memos:
        for k in range(20):
            assert _shout(f"w{k}") == f"W{k}"
        assert 0 < len(memos.table(f"{__name__}._shout")) <= 8


def test_clear_caches_empties_the_registry(stories: list[Story]) -> None:
    _check(stories[0])
    memos = runcache.current()
    assert len(memos) > 0 and signals._FEATURES in memos.names()
    clear_caches()
    assert len(memos) == 0 and memos.names() == []
    assert runcache.current() is memos


def test_clear_caches_in_a_run_empties_that_run_only(stories: list[Story]) -> None:
    _check(stories[0])
    mine = runcache.current()
    held = len(mine)
    with runcache.run(runcache.Memos()) as nested:
        signals.vocabulary(stories[1][0].text)
        assert len(nested) == 1
        _check(stories[1])  # inside a run: a check in a fresh registry of its own
        assert len(nested) == 1
        clear_caches()
        assert len(nested) == 0
    assert len(mine) == held > 0


def test_other_threads_keep_their_memos_when_one_clears(stories: list[Story]) -> None:
    ready, cleared = threading.Event(), threading.Event()

    def other() -> int:
        _check(stories[2])
        ready.set()
        cleared.wait(timeout=60)
        return len(runcache.current())

    thread_result: list[int] = []
    t = threading.Thread(target=lambda: thread_result.append(other()))
    t.start()
    assert ready.wait(timeout=300)
    clear_caches()
    cleared.set()
    t.join(timeout=60)
    assert thread_result and thread_result[0] > 0
