"""factcheck: cross-check the figures and names of a news draft against other reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

__all__ = ["__version__", "check", "extract_claims", "load_story"]

if TYPE_CHECKING:
    from .extract import extract_claims
    from .pipeline import check
    from .story import load_story


def __getattr__(name: str) -> Any:  # lazy: `factcheck --version` must import almost nothing
    if name == "check":
        from .pipeline import check

        return check
    if name == "extract_claims":
        from .extract import extract_claims

        return extract_claims
    if name == "load_story":
        from .story import load_story

        return load_story
    raise AttributeError(name)
