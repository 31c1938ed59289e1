"""The language registry: a language is a folder ``factcheck/lexicon/<code>/`` (its word lists:
words.toml, numbers.toml, roles.toml, hedges.toml) and one small hooks module
``factcheck/langs/<code>.py`` (what about the language is code, not a word list). Adding a
language is adding those two; nothing else names a language."""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType

from ..errors import UnknownLanguage

FILES = ("words.toml", "numbers.toml", "roles.toml", "hedges.toml")
DEFAULT = "en"  # the language of a text too short to tell, and of a claim built by hand
_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def codes() -> tuple[str, ...]:
    """The registered languages, sorted: the folders of lexicon/ that hold every file of FILES
    and have a hooks module."""
    root = _PACKAGE / "lexicon"  # the package's folders (importlib.resources costs a start-up)
    here = _PACKAGE / "langs"
    found = [
        d.name
        for d in root.iterdir()
        if d.is_dir()
        and all(d.joinpath(f).is_file() for f in FILES)
        and here.joinpath(f"{d.name}.py").is_file()
    ]
    return tuple(sorted(found))


def known(code: str) -> bool:
    return code in codes()


def check(code: str, what: str = "lang") -> str:
    """``code`` when it is a registered language, else :class:`UnknownLanguage` (exit 2)."""
    if code not in codes():
        raise UnknownLanguage(f"{what} {code!r}: unknown language (known: {', '.join(codes())})")
    return code


@cache
def shared_langs() -> tuple[str, ...]:
    """The languages whose SHARED hook is true: their words that are no name (roles.toml
    not_names, demonym endings) and the words their capitals start without naming anyone count
    in a text of any language ("New York" in a French text)."""
    return tuple(code for code in codes() if hooks(code).SHARED)


@cache
def shared_words(name: str, code: str) -> frozenset[str]:
    """The words of the hook ``name`` of ``code`` and of the shared languages: a rule that
    reads them reads them in a text of any of those languages ("une", "one")."""
    out = set(getattr(hooks(code), name))
    for other in shared_langs():
        out |= set(getattr(hooks(other), name))
    return frozenset(out)


@cache
def hooks(code: str) -> ModuleType:
    """The hooks module of a registered language."""
    return import_module(f"{__name__}.{check(code)}")
