"""The decisions ledger: keys, file format, refusal to overwrite what it cannot read, and
durability under concurrent writers, crashes and a full disk (real processes, real files)."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from factcheck.decisions import (
    STATUSES,
    Decision,
    Ledger,
    apply_decisions,
    claim_keys,
    current_user,
    decision_key,
    new_decision,
    report_keys,
)
from factcheck.errors import LedgerError
from factcheck.models import CheckedClaim, Claim, Document, Finding, Report, SourceInfo, Span


def claim(
    value: object = 14, *, start: int = 10, kind: str = "count", subject: str | None = "people",
    concepts: tuple[str, ...] = ("people",), actions: tuple[str, ...] = ("arrested",),
    cid: str = "c1", text: str | None = None,
) -> Claim:
    text = text or f"{value} {subject}"
    return Claim(
        id=cid, doc_id="draft", kind=kind, span=Span(start=start, end=start + len(text)),  # type: ignore[arg-type]
        text=text, value=value, subject=subject, concepts=concepts, actions=actions,  # type: ignore[arg-type]
        sentence=Span(start=0, end=start + 40), context=f"Police said {text} were arrested.",
    )


def decision(
    key: str, status: str = "confirmed", note: str = "", source: str = "wire-en"
) -> Decision:
    return Decision(key=key, source=source, status=status, note=note, who="Ana",
                    when="2024-02-06T09:00:00Z", claim_text="14 people", value="14")


# --- keys ---------------------------------------------------------------------------------------


def test_key_is_16_hex_and_depends_on_the_source() -> None:
    k = decision_key(claim(), "wire-en")
    assert len(k) == 16 and int(k, 16) >= 0
    assert decision_key(claim(), "radio-en") != k


def test_key_survives_an_unrelated_edit_of_the_draft() -> None:
    before = claim(start=10, cid="c3")
    # a paragraph added above: offsets, claim id and sentence all move; the text reads the same
    after = claim(start=412, cid="c9").model_copy(update={"context": "Fourteen were held."})
    assert decision_key(before, "wire-en") == decision_key(after, "wire-en")
    # 14 and 14.0 are the same value
    assert decision_key(claim(14.0, text="14 people"), "wire-en") == decision_key(before, "wire-en")
    # what the lexicons make of the claim does not matter while its words stay the same:
    # subject, concepts and actions (a word added to a lexicon changes them)
    key = decision_key(before, "wire-en")
    assert decision_key(claim(subject="PEOPLE", text="14 people"), "wire-en") == key
    assert decision_key(claim(subject="people in all", text="14 people"), "wire-en") == key
    assert decision_key(claim(concepts=("suspect",)), "wire-en") == key
    assert decision_key(claim(concepts=()), "wire-en") == key
    assert decision_key(claim(actions=("remanded", "arrested")), "wire-en") == key
    assert decision_key(claim(subject=None, text="14 people"), "wire-en") == key
    # the claim's words count folded: case, accents and line breaks aside
    bare = claim(text="14 Gendarmes mobilisés")
    assert decision_key(bare, "x") == decision_key(claim(text="14 gendarmes\n MOBILISES"), "x")
    assert decision_key(bare, "x") != decision_key(claim(text="14 soldiers"), "x")


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(claim(15), id="value"),
        pytest.param(claim([14, 15]), id="value-becomes-range"),
        pytest.param(claim(subject="gendarmes", concepts=("police",)), id="subject"),
        pytest.param(claim(text="14 suspects"), id="text"),
        pytest.param(claim(text="some 14 people"), id="hedge-in-text"),
        pytest.param(claim(kind="age"), id="kind"),
    ],
)
def test_key_lapses_when_the_claim_changes(changed: Claim) -> None:
    assert decision_key(changed, "wire-en") != decision_key(claim(), "wire-en")


def test_equal_claims_are_told_apart_in_draft_order() -> None:
    first = claim(start=5, cid="a")
    second = claim(start=90, cid="b")
    other = claim(300, start=50, cid="c", subject="gendarmes", concepts=("police",))
    keys = claim_keys([second, other, first], "wire-en")  # order given does not matter
    assert keys["a"] == decision_key(first, "wire-en")  # the first keeps the plain key
    assert keys["b"] != keys["a"]
    assert len(set(keys.values())) == 3
    # the second one keeps its key when an unrelated claim is added before both
    extra = claim(8, start=1, cid="z", subject="printers", concepts=("printer",), actions=())
    assert claim_keys([first, second, other, extra], "wire-en")["b"] == keys["b"]


# --- decisions ----------------------------------------------------------------------------------


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValidationError):
        decision("k", status="maybe")
    with pytest.raises(ValueError, match="unknown status"):
        new_decision(claim(), "wire-en", "k", "later")


def test_new_decision_fills_who_when_and_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_USER", "Desk editor")
    assert current_user() == "Desk editor"
    d = new_decision(claim(1500.0), "wire-en", "k1", "source-wrong", "wire corrected later")
    assert (d.who, d.value, d.status) == ("Desk editor", "1500", "source-wrong")
    assert d.source == "wire-en"
    assert d.when.endswith("+00:00") and d.when[:4].isdigit()


def test_current_user_falls_back_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_USER", raising=False)
    assert current_user().strip()


# --- the file -----------------------------------------------------------------------------------


def test_missing_file_is_an_empty_ledger(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "decisions.json")
    assert ledger.all() == [] and ledger.persistent
    assert not (tmp_path / "decisions.json").exists()


def test_round_trip_and_file_format(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    ledger = Ledger.open(path)
    ledger.record(decision("bbbb", note="checked with the prosecutor's office — «ok»"))
    ledger.record(decision("aaaa", status="ignored"))
    ledger.record(decision("bbbb", status="draft-fixed"))  # replaces
    ledger.record(decision("cccc"))
    ledger.remove("cccc")
    ledger.remove("nothing-here")

    again = Ledger.open(path)
    assert again.all() == ledger.all()
    assert [d.key for d in again.all()] == ["aaaa", "bbbb"]
    assert again.get("bbbb") == decision("bbbb", status="draft-fixed")
    assert again.get("cccc") is None

    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("}\n") and raw.startswith('{\n  "version": 2,')
    data = json.loads(raw)
    assert set(data) == {"version", "decisions"}  # no "legacy" list when nothing is old
    assert data["version"] == 2 and [d["key"] for d in data["decisions"]] == ["aaaa", "bbbb"]
    assert set(data["decisions"][0]) == set(Decision.model_fields)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decisions.json"]  # no lock, no temp


def test_memory_ledger_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    ledger = Ledger.memory()
    ledger.record(decision("k"))
    assert not ledger.persistent and ledger.path is None
    assert ledger.get("k") == decision("k") and len(ledger) == 1
    ledger.remove("k")
    assert ledger.all() == [] and list(tmp_path.iterdir()) == []


GOOD = json.dumps({"version": 1, "decisions": [decision("aaaa").model_dump()]}, indent=2) + "\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"{not json", "invalid JSON", id="corrupt"),
        pytest.param(GOOD[: len(GOOD) // 2].encode(), "invalid JSON", id="truncated"),
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\xff\xfe\x00garbage", "UTF-8", id="binary"),
        pytest.param(b'{"version": 3, "decisions": []}', "newer", id="future-version"),
        pytest.param(b'{"version": 1, "decisions": [], "legacy": []}', "unknown key",
                     id="legacy-in-v1"),
        pytest.param(b'{"version": 2, "decisions": [], "legacy": {}}', "must be a list",
                     id="legacy-dict"),
        pytest.param(b'{"version": 2, "decisions": [], "legacy": [{"key": "k"}]}',
                     "legacy decision 1", id="legacy-entry"),
        pytest.param(b'{"version": "1", "decisions": []}', "version", id="version-string"),
        pytest.param(b'{"decisions": []}', "version", id="no-version"),
        pytest.param(b"[]", "JSON object", id="list"),
        pytest.param(b'{"version": 1, "decisions": {}}', "must be a list", id="decisions-dict"),
        pytest.param(b'{"version": 1, "decisions": [], "x": 1}', "unknown key", id="extra-key"),
        pytest.param(b'{"version": 1, "decisions": [{"key": "k"}]}', "decision 1", id="entry"),
        pytest.param(
            GOOD.replace('"confirmed"', '"perhaps"').encode(), "unknown status", id="status"
        ),
        pytest.param(
            json.dumps({"version": 1, "decisions": [decision("k").model_dump()] * 2}).encode(),
            "duplicate key", id="duplicate",
        ),
        pytest.param(
            b'<<<<<<< HEAD\n{"version": 1, "decisions": []}\n=======\n{}\n>>>>>>> other\n',
            "merge conflict", id="merge-conflict",
        ),
    ],
)
def test_unreadable_file_is_refused_and_never_overwritten(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "decisions.json"
    path.write_bytes(content)
    with pytest.raises(LedgerError, match=message) as err:
        Ledger.open(path)
    assert "decisions.json" in str(err.value)
    assert path.read_bytes() == content


def test_a_file_spoiled_after_opening_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    ledger = Ledger.open(path)
    ledger.record(decision("aaaa"))
    path.write_bytes(b'{"version": 3, "decisions": []}')  # a newer factcheck wrote it meanwhile
    with pytest.raises(LedgerError, match="version 3"):
        ledger.record(decision("bbbb"))
    with pytest.raises(LedgerError):
        ledger.remove("aaaa")
    assert path.read_bytes() == b'{"version": 3, "decisions": []}'


def test_record_merges_what_other_writers_stored(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    mine, theirs = Ledger.open(path), Ledger.open(path)
    mine.record(decision("aaaa"))
    theirs.record(decision("bbbb"))  # theirs never saw aaaa
    mine.record(decision("cccc"))
    assert [d.key for d in Ledger.open(path).all()] == ["aaaa", "bbbb", "cccc"]
    assert [d.key for d in mine.all()] == ["aaaa", "bbbb", "cccc"]
    theirs.reload()
    assert len(theirs) == 3


# --- processes ----------------------------------------------------------------------------------


def _record_many(path: str, prefix: str, n: int) -> None:
    ledger = Ledger.open(Path(path))
    for i in range(n):
        ledger.record(decision(f"{prefix}-{i:03d}", note=f"writer {prefix}"))


def test_a_reader_meets_a_writer_replacing_the_file(tmp_path: Path) -> None:
    """Opening the ledger while another process renames its new file over it reads one whole
    version (the old or the new), never an error."""
    path = tmp_path / "decisions.json"
    Ledger.open(path).record(decision("seed"))
    ctx = multiprocessing.get_context("spawn")
    writer = ctx.Process(target=_record_many, args=(str(path), "w", 150))
    writer.start()
    while writer.is_alive():
        got = Ledger.open(path)  # raised "changed while being opened" before
        assert "seed" in [d.key for d in got.all()]
    writer.join(120)
    assert writer.exitcode == 0
    assert len(Ledger.open(path)) == 151


def test_two_processes_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_record_many, args=(str(path), p, 50)) for p in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    keys = [d.key for d in Ledger.open(path).all()]
    assert len(keys) == 100 and len(set(keys)) == 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decisions.json"]


def _child(code: str, path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with ``ledger`` open on ``path``."""
    prelude = textwrap.dedent(f"""
        import errno, os, sys
        from pathlib import Path
        from factcheck.decisions import Decision, Ledger
        from factcheck.errors import LedgerError
        ledger = Ledger.open(Path({str(path)!r}))
        new = Decision(key="zzzz", source="wire-en", status="ignored", who="Bo",
                       when="2024-02-07T10:00:00Z", claim_text="six", value="6")
    """)
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=60, check=False)


def _with_one_decision(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "decisions.json"
    Ledger.open(path).record(decision("aaaa"))
    return path, path.read_bytes()


def test_a_writer_killed_before_the_rename_leaves_the_old_file(tmp_path: Path) -> None:
    path, before = _with_one_decision(tmp_path)
    # fault injection in the child only: it dies between writing the temp file and renaming
    done = _child("""
        os.replace = lambda *a, **k: os._exit(1)
        ledger.record(new)
    """, path)
    assert done.returncode == 1, done.stderr
    assert path.read_bytes() == before
    assert [d.key for d in Ledger.open(path).all()] == ["aaaa"]
    # the next writer clears what the dead one left behind
    Ledger.open(path).record(decision("bbbb"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decisions.json"]
    assert [d.key for d in Ledger.open(path).all()] == ["aaaa", "bbbb"]


def test_a_full_disk_is_a_ledger_error_and_the_old_file_stays(tmp_path: Path) -> None:
    path, before = _with_one_decision(tmp_path)
    done = _child("""
        real_write = os.write
        def full(fd, data):
            if fd > 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)
        os.write = full
        try:
            ledger.record(new)
        except LedgerError as exc:
            print(exc)
            sys.exit(3)
    """, path)
    assert done.returncode == 3, done.stderr
    assert "No space left on device" in done.stdout and "decisions.json" in done.stdout
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decisions.json"]


# --- applying decisions -------------------------------------------------------------------


def _report() -> Report:
    draft_text = "Police arrested 14 people. Some 300 gendarmes took part."
    c1 = claim(14, start=16, cid="c1")
    c2 = claim(300, start=32, cid="c2", subject="gendarmes", concepts=("police",), actions=())
    return Report(
        draft=Document(id="draft", text=draft_text),
        sources=(SourceInfo(id="wire-en", origin="w"), SourceInfo(id="radio-en", origin="r")),
        claims=(
            CheckedClaim(claim=c1, findings=(
                Finding(source="wire-en", verdict="conflicts", value=13),
                Finding(source="radio-en", verdict="agrees", value=14),
            )),
            CheckedClaim(claim=c2, findings=(
                Finding(source="wire-en", verdict="unclear", value=30),
                Finding(source="radio-en", verdict="conflicts", value=200),
            )),
        ),
    )


def test_apply_decisions_marks_findings_and_counts_hidden() -> None:
    report = _report()
    keys = report_keys(report)
    assert len(set(keys.values())) == 4
    ledger = Ledger.memory()
    ledger.record(decision(keys[("c1", "wire-en")], status="source-wrong"))
    ledger.record(decision(keys[("c1", "radio-en")], status="confirmed"))
    ledger.record(decision(keys[("c2", "wire-en")], status="ignored"))
    ledger.record(decision("0123456789abcdef"))  # a lapsed decision matches nothing

    out = apply_decisions(report, ledger)
    decided = [[f.decision for f in c.findings] for c in out.claims]
    assert decided == [["source-wrong", "confirmed"], ["ignored", None]]
    assert out.hidden == 2  # conflicts + unclear decided; the agreeing one does not count
    assert report.count("conflicts", undecided=True) == 2
    assert out.count("conflicts", undecided=True) == 1
    assert report.hidden == 0 and report.claims[0].findings[0].decision is None  # unchanged


def test_every_status_can_be_stored(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "decisions.json")
    for s in STATUSES:
        ledger.record(decision(f"k-{s}", status=s))
    assert {d.status for d in Ledger.open(tmp_path / "decisions.json").all()} == set(STATUSES)
