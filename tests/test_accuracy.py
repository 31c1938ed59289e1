"""Accuracy of ``check()`` on hand-labelled stories (``tests/data/stories/*/labels.json``).

Each labelled story is a folder with ``draft.md``, ``sources/<id>.txt`` and ``labels.json``::

    {"claims": [{"id", "kind", "anchor", ["occurrence"], "value", ["unit"],
                 "sources": {"<id>": {"verdict": "agrees|conflicts|absent", "quote": "..."}}}]}

``anchor`` is a substring of the draft (the ``occurrence``-th one, 1-based, when it is not
unique); ``quote`` a substring of the source. A tool claim matches a label when its span
overlaps the anchor (a claim of the label's kind is preferred for the verdict).

Figures, micro-averaged over all stories and (claim, source) pairs:

* conflict precision / recall / F1: a pair is a predicted conflict when a matching claim has a
  ``conflicts`` finding from that source; conflicts on claims that match no label are false
  positives; findings of the draft against itself are left out;
* agreement recall: labelled agreements the tool also calls agreements;
* extraction recall: labels matched by at least one claim.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from factcheck.lang import detect_lang
from factcheck.models import CheckedClaim, Document, Report, Span
from factcheck.pipeline import check

VERDICTS = ("agrees", "conflicts", "absent")
KINDS = ("count", "age", "money", "percent", "quantity", "duration", "date", "person")


@dataclass(frozen=True)
class Tier:
    """A folder of labelled stories and the floors its figures must stay above: a little
    under what the tool achieves now. Raise them as accuracy improves."""

    name: str
    root: Path
    precision: float
    recall: float
    f1: float
    agreement: float
    extraction: float
    max_words: int  # the longest draft the folder holds
    min_sources: int = 3
    french_source: bool = True  # a story of the folder has a French source


DATA = Path(__file__).parent / "data"
TIERS = (
    # the stories the rules were first written against.
    # Measured: conflicts P=1.00 R=0.97 F1=0.99, agreement R=0.97, extraction R=1.00 (seven stories).
    Tier("stories", DATA / "stories", 0.95, 0.95, 0.97, 0.95, 1.0, 260),
    # longer stories written later, blind to the rules, each by a colleague who had not read
    # the code (three of them were measured before any rule was changed for them): harder,
    # and closer to what unseen reports do to the tool.
    # Measured: conflicts P=0.84 R=0.70 F1=0.76, agreement R=0.88, extraction R=0.98 (eight
    # stories; quake and carmaker-results scored F1 0.70, agreement 0.82 when they came, blind).
    Tier("stories_hard", DATA / "stories_hard", 0.80, 0.66, 0.73, 0.85, 0.96, 420),
    # a language added as a folder (issue 19, item 2): a Spanish draft and two Spanish sources,
    # written by the author of the Spanish lexicon (not blind).
    # Measured: conflicts P=1.00 R=1.00 F1=1.00, agreement R=0.85, extraction R=1.00 (one story).
    Tier("stories_es", DATA / "stories_es", 0.95, 0.95, 0.95, 0.80, 1.0, 260, min_sources=2, french_source=False),
)
STORIES = TIERS[0].root


@dataclass(frozen=True)
class Story:
    name: str
    draft: Document
    sources: tuple[Document, ...]
    labels: tuple[dict[str, Any], ...]


def story_dirs(root: Path = STORIES) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "labels.json").is_file())


def _all_stories() -> list[object]:
    return [pytest.param(d, t, id=f"{t.name}/{d.name}") for t in TIERS for d in story_dirs(t.root)]


def load_story(folder: Path) -> Story:
    text = (folder / "draft.md").read_text("utf-8")
    draft = Document(id="draft", text=text, lang=detect_lang(text), origin=str(folder / "draft.md"))
    sources = []
    for p in sorted((folder / "sources").glob("*.txt")):
        t = p.read_text("utf-8")
        sources.append(Document(id=p.stem, text=t, lang=detect_lang(t), origin=str(p)))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))["claims"]
    return Story(folder.name, draft, tuple(sources), tuple(labels))


def anchor_span(text: str, label: dict[str, Any]) -> Span:
    anchor = label["anchor"]
    nth = label.get("occurrence", 1)
    pos = -1
    for _ in range(nth):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            raise ValueError(f"anchor {anchor!r} (occurrence {nth}) not in the draft")
    return Span(start=pos, end=pos + len(anchor))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree_hit: int = 0
    agree_total: int = 0
    found: int = 0
    labels: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("tp", "fp", "fn", "agree_hit", "agree_total", "found", "labels"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def agreement_recall(self) -> float:
        return self.agree_hit / self.agree_total if self.agree_total else 1.0

    @property
    def extraction_recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:<20} conflicts P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})  agreement R={self.agreement_recall:.2f} "
            f"({self.agree_hit}/{self.agree_total})  extraction R={self.extraction_recall:.2f} "
            f"({self.found}/{self.labels})"
        )


def predicted(claims: list[CheckedClaim], source: str) -> str:
    verdicts = {f.verdict for cc in claims for f in cc.findings if f.source == source}
    for v in ("conflicts", "agrees", "unclear"):
        if v in verdicts:
            return v
    return "absent"


def score_story(story: Story, report: Report) -> Tally:
    t = Tally()
    source_ids = {d.id for d in story.sources}
    used: set[str] = set()
    for label in story.labels:
        span = anchor_span(story.draft.text, label)
        over = [cc for cc in report.claims if cc.claim.span.overlaps(span)]
        same = [cc for cc in over if cc.claim.kind == label["kind"]] or over
        used |= {cc.claim.id for cc in same}
        t.labels += 1
        if over:
            t.found += 1
        else:
            t.misses.append(f"{story.name}/{label['id']}: not extracted")
        for sid, gold in label["sources"].items():
            got = predicted(same, sid)
            want = gold["verdict"]
            if want == "conflicts":
                if got == "conflicts":
                    t.tp += 1
                else:
                    t.fn += 1
            elif got == "conflicts":
                t.fp += 1
            if want == "agrees":
                t.agree_total += 1
                t.agree_hit += got == "agrees"
            if got != want and over:
                t.misses.append(f"{story.name}/{label['id']} vs {sid}: want {want}, got {got}")
    for cc in report.claims:
        if cc.claim.id in used:
            continue
        for f in cc.findings:
            if f.verdict == "conflicts" and f.source in source_ids:
                t.fp += 1
                t.misses.append(f"{story.name}: unlabelled {cc.claim.kind} {cc.claim.text!r} conflicts with {f.source}")
    return t


# ---- the labels themselves ------------------------------------------------------------------


@pytest.mark.parametrize(("folder", "tier"), _all_stories())
def test_labels_are_well_formed(folder: Path, tier: Tier) -> None:
    story = load_story(folder)
    words = len(story.draft.text.split())
    assert 120 <= words <= tier.max_words, f"draft has {words} words"
    assert tier.min_sources <= len(story.sources) <= 4
    assert not tier.french_source or any(d.lang == "fr" for d in story.sources), "at least one French source"
    texts = {d.id: d.text for d in story.sources}
    ids = [lab["id"] for lab in story.labels]
    assert len(ids) == len(set(ids))
    for lab in story.labels:
        assert lab["kind"] in KINDS, lab["id"]
        anchor = lab["anchor"]
        n = story.draft.text.count(anchor)
        assert n >= 1, f"{lab['id']}: anchor {anchor!r} not in the draft"
        assert n == 1 or "occurrence" in lab, f"{lab['id']}: anchor {anchor!r} is not unique"
        anchor_span(story.draft.text, lab)
        assert set(lab["sources"]) == set(texts), f"{lab['id']}: every source gets a verdict"
        for sid, gold in lab["sources"].items():
            assert gold["verdict"] in VERDICTS, (lab["id"], sid)
            if gold["verdict"] != "absent":
                assert gold.get("quote"), (lab["id"], sid)
                assert gold["quote"] in texts[sid], f"{lab['id']}: quote {gold['quote']!r} not in {sid}"


# ---- accuracy -------------------------------------------------------------------------------


@pytest.mark.parametrize("tier", TIERS, ids=lambda t: t.name)
def test_accuracy_floors(tier: Tier, capsys: pytest.CaptureFixture[str]) -> None:
    total = Tally()
    lines = []
    for folder in story_dirs(tier.root):
        story = load_story(folder)
        report = check(story.draft, list(story.sources))
        t = score_story(story, report)
        lines.append(t.line(story.name))
        total.add(t)
    lines.append(total.line("ALL"))
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    why = "\n".join([lines[-1], "misses:", *("  " + m for m in total.misses)])
    assert total.labels > 0
    assert total.precision >= tier.precision, why
    assert total.recall >= tier.recall, why
    assert total.f1 >= tier.f1, why
    assert total.agreement_recall >= tier.agreement, why
    assert total.extraction_recall >= tier.extraction, why
