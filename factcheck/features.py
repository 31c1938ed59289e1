"""The features of a claim that alignment's signals read (:mod:`factcheck.signals` works them
out), and the run's table of them: what the claim cache keeps beside a document's claims and
tells the run again without loading the signals (and rapidfuzz, and the lexicons they read)."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from .models import Claim
from .runcache import table

STEM = 5  # letters of a word compared across languages


@dataclass(frozen=True, slots=True)
class Features:
    """What the signals need of one claim, computed once per claim context."""

    window: str  # the words either side of the figure, folded
    entities: frozenset[str]  # proper names within 60 characters
    own_entities: frozenset[str]  # the same, less those that only say who reported the figure
    sentence_entities: frozenset[str]
    words: frozenset[str]  # content words of the sentence (French ones glossed into English)
    stems: frozenset[str]  # their first letters: what an English and a French word share ("economy", "economie")
    concepts: frozenset[str]  # subject and action concepts of the sentence
    actions: frozenset[str]  # action concepts of the sentence
    source_of: str | None  # who gives the figure ("authorities", "organisers"), if a cue says


FeaturesKey = tuple[str, str, int, int]  # what a claim's features are read from: context, language, where, how long
FEATURES = "signals.features"  # the run's table of them, read or told (see :func:`known_features`)
FEATURES_CAP = 32768


def features_key(c: Claim) -> FeaturesKey:
    return c.context, c.lang, c.span.start - c.sentence.start, len(c.text)


def known_features(c: Claim) -> Features | None:
    """The claim's features when this run has read them (or been told them): what the claim
    cache keeps beside a document's claims, so that a re-run need not read them again."""
    got: Features | None = table(FEATURES).get(features_key(c))
    return got


def known_keys() -> Container[FeaturesKey]:
    """The keys whose features this run has read or been told (:func:`features_key`)."""
    return table(FEATURES).keys()


def tell_features(c: Claim, f: Features) -> None:
    """Features of ``c`` read by an earlier run of this build (the claim cache's)."""
    read: dict[FeaturesKey, Features] = table(FEATURES)
    if len(read) < FEATURES_CAP:
        read.setdefault(features_key(c), f)
