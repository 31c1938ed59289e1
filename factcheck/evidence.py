"""What links a draft claim to a source claim, as a typed record.

Scoring (:mod:`factcheck.scoring`) and alignment (:mod:`factcheck.align`) fill an
:class:`Evidence` with what they found: the same subject, the same action, similar words
around the two figures, a name nearby, the only such figure in both texts, another person,
an earlier event... Verdict rules read its fields, never its wording. A finding's ``why``
is :func:`render` of it, through phrase templates that are data (``lexicon/reasons.toml``):
a reader can reword every explanation without moving a verdict.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

Entities = Literal["same", "different", "missing"]
NameMatch = Literal[
    "same_surname", "surnames_alike", "surname_initial", "first_name_and_role", "role_and_names_alike", "named_again"
]


class Evidence(NamedTuple):
    """Everything that argued for or against two claims stating one fact, by name.

    Numeric claims fill the first group of fields, names the ``name`` fields and dates
    ``date_context``; ``comparison`` is what comparing the two values concluded."""

    subjects: tuple[str, ...] = ()  # concepts both claims count ("suspects", "people")
    actions: tuple[str, ...] = ()  # what happened to both ("remanded")
    context: float | None = None  # how alike the words around the two are, when it tells
    earlier: bool = False  # the source gives its figure as an earlier, superseded report
    past: Literal["draft", "source"] | None = None  # which side tells of an earlier event
    given_by: tuple[str, str] | None = None  # who gives each figure ("police", "organisers")
    entities: Entities | None = None  # the names next to the two figures
    lone: bool = False  # the only figure of that subject and kind in both texts
    absent_name: bool = False  # the draft names a place next to its figure the source never names
    other_person: str | None = None  # the source says its figure of another person
    held_by: str | None = None  # both say their figure of this person ("Dia with 2.8%", "Dia, avec 3,13 %")
    sentence: bool = False  # another figure of the draft's sentence meets one of the source's
    name: NameMatch | None = None  # how two names were found to be one person
    name_ratio: float = 0.0  # the surnames' likeness, for "surnames_alike"
    roles: tuple[str, ...] = ()  # roles both people have
    date_context: float | None = None  # how alike the sentences of two dates are
    also_said: str | None = None  # the source's vaguer saying of the same fact ("dozens injured")
    report_gap: int | None = None  # days from the draft's report to the source's, for a figure that changes
    slip: bool = False  # the same digits with two neighbours swapped ("98,450" / "89,450")
    lede: bool = False  # both texts' first date of the event
    comparison: str = ""  # what comparing the two values said ("incompatible figures")

    def compared(self, reason: str) -> Evidence:
        # ``comparison`` is the last field: this is ``_replace(comparison=reason)``, a quarter
        # of its cost (a verdict is given to every pair kept)
        return tuple.__new__(Evidence, (*self[:-1], reason))


NO_EVIDENCE = Evidence()

Templates = dict[str, str]


@lru_cache(maxsize=1)
def default_templates() -> Templates:
    """The phrase of each piece of evidence, from ``lexicon/reasons.toml``."""
    raw = (Path(__file__).resolve().parent / "lexicon" / "reasons.toml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in tomllib.loads(raw).items()}


def render(ev: Evidence, templates: Templates | None = None, *, numeric: bool = True) -> str:
    """The explanation of a finding: its evidence in a fixed order, then the comparison.

    ``numeric``: the claims are figures (a numeric claim with nothing to say reads "weak
    match"); names and dates say only what matched them."""
    t = templates if templates is not None else default_templates()
    parts: list[str] = []
    if ev.name is not None:
        said = t[ev.name].format(ratio=ev.name_ratio)
        if ev.roles:
            said += t["roles"].format(roles=", ".join(ev.roles))
        parts.append(said)
    elif ev.date_context is not None:
        parts.append(t["dates_alike"].format(similarity=ev.date_context))
        if ev.lede:
            parts.append(t["lede"])
    elif numeric:
        if ev.subjects:
            # an age's subjects say whose it is: a kind of person, or a role ("role:player")
            parts.append(t["same_subject"].format(subjects=", ".join(x.removeprefix("role:") for x in ev.subjects)))
        if ev.actions:
            parts.append(t["same_action"].format(actions=", ".join(ev.actions)))
        if ev.context is not None:
            parts.append(t["similar_context"].format(similarity=ev.context))
        if ev.earlier:
            parts.append(t["earlier_report"])
        if ev.past is not None:
            parts.append(t["past_event_" + ev.past])
        if ev.given_by is not None:
            here, there = ev.given_by
            said = t["both_given_by"] if here == there else t["given_by"]
            parts.append(said.format(by=here, here=here, there=there))
        if ev.entities == "same":
            parts.append(t["same_names"])
        elif ev.entities == "different":
            parts.append(t["different_names"])
        if not parts:
            parts.append(t["weak_match"])
    if ev.lone:
        parts.append(t["lone"])
    if ev.absent_name:
        parts.append(t["absent_name"])
    if ev.other_person is not None:
        parts.append(t["other_person"].format(person=ev.other_person))
    if ev.held_by is not None:
        parts.append(t["held_by"].format(person=ev.held_by))
    if ev.sentence:
        parts.append(t["sentence"])
    if ev.slip:
        parts.append(t["slip"])
    if ev.also_said:
        parts.append(t["also_said"].format(text=ev.also_said))
    if ev.report_gap:
        days = abs(ev.report_gap)
        said = t["report_later" if ev.report_gap > 0 else "report_earlier"]
        parts.append(said.format(days=days, unit=t["day"] if days == 1 else t["days"]))
    if ev.comparison:
        parts.append(ev.comparison)
    return "; ".join(parts)
