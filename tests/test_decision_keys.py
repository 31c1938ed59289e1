"""Decision keys follow what the editor saw, not what the lexicons make of it: a word added to
a lexicon keeps every decision of an unchanged draft, and a ledger written with the old keys
(on concept ids) still finds its claims, moving to the new form only when a decision is written.

The lexicon test runs the tool from a copy of the package whose data files gained words (no
code of ours replaced), in a fresh interpreter."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import factcheck
from factcheck.decisions import Decision, Ledger, apply_decisions, new_decision, report_keys
from factcheck.models import Claim, Report
from factcheck.run import run_check

DRAFT = (
    "Coastguards netted 14 trawlers off Brest on Monday, harbourmaster Jean Kerlo said.\n\n"
    "The fines came to 3,000 euros.\n"
)
SOURCE = (
    "Coastguards netted 15 trawlers off Brest on Monday, harbourmaster Jean Kerlot said.\n\n"
    "The fines came to 3,000 euros.\n"
)


def make_story(root: Path) -> Path:
    story = root / "claims" / "brest"
    (story / "sources").mkdir(parents=True)
    (root / ".git").mkdir()  # the repository the story's files must stay inside
    (story / "draft.md").write_text(DRAFT, "utf-8")
    (story / "sources" / "wire.txt").write_text(SOURCE, "utf-8")
    (story / "story.toml").write_text(
        'title = "Brest"\ndraft = "draft.md"\n\n[[sources]]\nid = "wire"\npath = "sources/wire.txt"\n'
        'lang = "en"\n',
        "utf-8",
    )
    return story


def status_for(verdict: str) -> str:
    return "source-wrong" if verdict == "conflicts" else "confirmed"


def decide_everything(story: Path, report: Report) -> dict[tuple[str, str], str]:
    ledger = Ledger.open(story / "decisions.json")
    keys = report_keys(report)
    statuses = {}
    for checked in report.claims:
        for f in checked.findings:
            key = keys[(checked.claim.id, f.source)]
            statuses[(checked.claim.text, f.source)] = status_for(f.verdict)
            ledger.record(new_decision(checked.claim, f.source, key, status_for(f.verdict),
                                       who="Ana", when="2024-02-06T09:00:00+00:00"))
    return statuses


def lexicon_with_new_words(root: Path) -> Path:
    """A copy of the package whose lexicons know 'trawler' (a vehicle), 'netted' (seized)
    and the role 'harbourmaster'."""
    package = root / "pkg" / "factcheck"
    shutil.copytree(Path(factcheck.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    concepts = package / "lexicon" / "concepts.toml"
    text = concepts.read_text("utf-8")
    for old, new in (('en = ["car", "vehicle",', 'en = ["trawler", "car", "vehicle",'),
                     ('en = ["seiz", ', 'en = ["nett", "seiz", ')):
        assert text.count(old) == 1, old  # the lexicon moved: update this test's edit
        text = text.replace(old, new)
    concepts.write_text(text, "utf-8")
    roles = package / "lexicon" / "en" / "roles.toml"
    text = roles.read_text("utf-8")
    assert text.count('mayor = ["mayor"]\n') == 1
    roles.write_text(text.replace('mayor = ["mayor"]\n',
                                  'mayor = ["mayor"]\nharbourmaster = ["harbourmaster"]\n'), "utf-8")
    return package.parent


def check_json(story: Path, *, pythonpath: Path | None, cwd: Path) -> tuple[int, dict[str, Any]]:
    env = {**os.environ, "FACTCHECK_NO_CACHE": "1"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run(
        [sys.executable, "-c", "import sys, factcheck; print(factcheck.__file__, file=sys.stderr)"
         "\nfrom factcheck.cli import main; sys.exit(main())",
         "check", str(story), "--format", "json", "--show-decided"],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=120, check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    used = Path(done.stderr.splitlines()[0])
    assert used.parent.parent == (pythonpath or Path(factcheck.__file__).parent.parent)
    return done.returncode, json.loads(done.stdout)


def by_text(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["text"]: c for c in report["claims"]}


def test_a_word_added_to_the_lexicons_keeps_every_decision(tmp_path: Path) -> None:
    story = make_story(tmp_path)
    report = run_check(str(story))
    assert any(f.verdict == "conflicts" for c in report.claims for f in c.findings)
    statuses = decide_everything(story, report)
    assert len(statuses) >= 4

    code, before = check_json(story, pythonpath=None, cwd=tmp_path)
    code_after, after = check_json(story, pythonpath=lexicon_with_new_words(tmp_path), cwd=tmp_path)

    # the words took effect: what the claims are about changed...
    old, new = by_text(before), by_text(after)
    assert old.keys() == new.keys()
    assert (old["14 trawlers"]["concepts"], new["14 trawlers"]["concepts"]) == (["w:trawler"], ["vehicle"])
    assert (old["14 trawlers"]["actions"], new["14 trawlers"]["actions"]) == ([], ["seized"])
    assert (old["Jean Kerlo"]["role"], new["Jean Kerlo"]["role"]) == (None, "harbourmaster")
    # ...and every decision still applies, as it did before the words were added
    for report_json in (before, after):
        decided = {(c["text"], f["source"]): f["decision"]
                   for c in report_json["claims"] for f in c["findings"]}
        assert decided == statuses
        assert report_json["summary"]["open"] == {"conflicts": 0, "unclear": 0}
    assert code == code_after == 0


# --- a ledger of version 1 ------------------------------------------------------------------------


def old_key(claim: Claim, source: str, occurrence: int = 0) -> str:
    """A key as version 1 wrote it: kind, value, concept ids (else the folded subject),
    actions, source and, past the first, the occurrence; sha256 of compact sorted JSON."""
    about: Any = sorted(set(claim.concepts)) if claim.concepts else (claim.subject or "").lower()
    value = claim.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    parts: list[Any] = [claim.kind, value, about, sorted(set(claim.actions)), source]
    if occurrence:
        parts.append(occurrence)
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def v1_entry(key: str, status: str, note: str, claim: Claim) -> dict[str, str]:
    return {"key": key, "source": "wire", "status": status, "note": note,
            "who": "Bo", "when": "2023-11-02T08:00:00+00:00",
            "claim_text": claim.text, "value": claim.display_value}


ORPHAN = {"key": "0123456789abcdef", "source": "wire", "status": "ignored",
          "note": "a claim since cut from the draft", "who": "Bo",
          "when": "2023-11-01T08:00:00+00:00", "claim_text": "12 boats", "value": "12"}


def test_a_version_1_ledger_finds_its_claims_and_migrates_when_written(tmp_path: Path) -> None:
    story = make_story(tmp_path)
    report = run_check(str(story))
    claims = {c.claim.text: c.claim for c in report.claims}
    count, person = claims["14 trawlers"], claims["Jean Kerlo"]
    path = story / "decisions.json"
    entries = [
        v1_entry(old_key(count, "wire"), "source-wrong", "the port authority says 14", count),
        v1_entry(old_key(person, "wire"), "draft-fixed", "spelt Kerlo on his card", person),
        ORPHAN,
    ]
    written = json.dumps({"version": 1, "decisions": entries}, ensure_ascii=False, indent=2) + "\n"
    path.write_text(written, "utf-8")

    # read: the old keys find their claims; nothing is written
    ledger = Ledger.open(path)
    assert len(ledger) == 3
    applied = apply_decisions(report, ledger)
    decided = {c.claim.text: [f.decision for f in c.findings] for c in applied.claims}
    assert decided["14 trawlers"] == ["source-wrong"] and decided["Jean Kerlo"] == ["draft-fixed"]
    assert decided["Monday"] == [None]
    _, out = check_json(story, pythonpath=None, cwd=tmp_path)
    assert {c["text"]: [f["decision"] for f in c["findings"]] for c in out["claims"]} == decided
    assert path.read_text("utf-8") == written

    # write: a new decision rewrites the file in the new form, losing no entry
    keys = report_keys(report)
    money = claims["3,000 euros"]
    ledger.record(new_decision(money, "wire", keys[(money.id, "wire")], "confirmed",
                               who="Ana", when="2024-02-06T09:00:00+00:00"))
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == 2
    assert data["legacy"] == [ORPHAN]  # no claim of this draft: kept as it was
    new_entries = {d["claim_text"]: d for d in data["decisions"]}
    assert new_entries.keys() == {"14 trawlers", "Jean Kerlo", "3,000 euros"}
    for entry in entries[:2]:
        moved = new_entries[entry["claim_text"]]
        claim = claims[entry["claim_text"]]
        assert moved == {**entry, "key": keys[(claim.id, "wire")]}  # note, who, when kept
    assert sorted(p.name for p in story.iterdir() if p.name != ".cache") == ["decisions.json", "draft.md", "sources",
                                                       "story.toml"]

    # read again, by a new process: the same decisions apply, the orphan stays
    again = Ledger.open(path)
    assert len(again) == 4 and again.all()[-1] == Decision.model_validate(ORPHAN)
    assert apply_decisions(report, again) == apply_decisions(report, ledger)
    _, out2 = check_json(story, pythonpath=None, cwd=tmp_path)
    assert {c["text"]: [f["decision"] for f in c["findings"]] for c in out2["claims"]} == {
        **decided, "3,000 euros": ["confirmed"]}
    assert out2["summary"]["open"] == out["summary"]["open"] == {"conflicts": 0, "unclear": 0}
    # removing a migrated decision removes it: the old entry does not come back
    again.remove(keys[(count.id, "wire")])
    left = json.loads(path.read_text("utf-8"))
    assert {d["claim_text"] for d in left["decisions"]} == {"Jean Kerlo", "3,000 euros"}
    assert left["legacy"] == [ORPHAN]
    assert apply_decisions(report, Ledger.open(path)).claims[0].findings[0].decision is None


def test_a_version_1_ledger_of_another_process_is_migrated_on_write(tmp_path: Path) -> None:
    """A writer that knows the aliases re-keys what another (older) writer left in version 1."""
    story = make_story(tmp_path)
    report = run_check(str(story))
    count = next(c.claim for c in report.claims if c.claim.text == "14 trawlers")
    path = story / "decisions.json"
    ledger = Ledger.open(path)
    ledger.adopt(report)  # nothing to adopt yet; nothing written
    assert not path.exists()
    ledger = Ledger.open(path)
    path.write_text(json.dumps({"version": 1, "decisions": [
        v1_entry(old_key(count, "wire"), "confirmed", "", count)]}), "utf-8")
    ledger.reload()
    ledger.adopt(report)
    key = report_keys(report)[(count.id, "wire")]
    assert ledger.get(key) is not None and ledger.get(key).status == "confirmed"  # type: ignore[union-attr]
    ledger.record(ledger.get(key).model_copy(update={"status": "ignored"}))  # type: ignore[union-attr]
    data = json.loads(path.read_text("utf-8"))
    assert data == {"version": 2, "decisions": [
        {**v1_entry(key, "ignored", "", count)}]}
