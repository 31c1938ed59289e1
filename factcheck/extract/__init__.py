"""Claims out of a document: figures (counts, ages, money, percentages, quantities,
durations), dates and named people, each with its exact span.

One entry point: :func:`extract_claims`, in :mod:`.claims` with the steps that build claims.
That module, and the rules it imports, load when a name of it is first asked for here: what
alignment reads of this package (lexicons, tokens, subjects, given names) loads without them,
and a check whose claims are all in the claim cache never loads the rules.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__all__ = ["extract_claims"]

if TYPE_CHECKING:
    from .claims import extract_claims

_HERE = os.path.dirname(__file__)


def __getattr__(name: str) -> Any:
    """A name of :mod:`.claims` (``extract_claims``...), imported when first asked for. A
    submodule's name is not looked up there: ``from factcheck.extract import store`` asks for
    ``store`` here before it imports the submodule, and must not load the rules for it."""
    if name.startswith("__") or os.path.exists(os.path.join(_HERE, name + ".py")):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import claims

    try:
        got = getattr(claims, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = got  # asked for again: found here, with no call
    return got
