"""No natural-language word is left as a string literal in a .py file of the package outside
the hooks modules (issue 19, item 2): a language's words are data of lexicon/<code>/ or of the
shared lists (figures.toml, names.toml, places.toml, concepts.toml). The rule that tells a word
from one of our own names is scripts/count_word_literals.py's; there is no exemptions list."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _counter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("count_word_literals", ROOT / "scripts" / "count_word_literals.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("count_word_literals", module)
    spec.loader.exec_module(module)
    return module


COUNTER = _counter()


@pytest.fixture(scope="module")
def vocab() -> object:
    return COUNTER.Vocab(COUNTER.all_python_files())


def literals(tmp_path: Path, vocab: object, source: str) -> list[str]:
    path = tmp_path / "sample.py"
    path.write_text(source, encoding="utf-8")
    return [s for _, s in COUNTER.word_literals(path, vocab)]


def test_no_word_literal_outside_the_hooks_modules() -> None:
    found = COUNTER.count()
    listing = "\n".join(f"{name}:{line}: {s!r}" for name, items in sorted(found.items()) for line, s in items)
    assert not found, "words of a language belong in factcheck/lexicon/ or factcheck/langs/:\n" + listing


def test_the_hooks_modules_and_the_interface_are_not_read() -> None:
    files = {str(p.relative_to(ROOT)) for p in COUNTER.python_files()}
    assert "factcheck/langs/en.py" not in files and "factcheck/langs/__init__.py" in files
    assert "factcheck/extract/people.py" in files
    assert not any(f.startswith(("factcheck/tui/", "factcheck/report/")) for f in files)


def test_words_are_found(tmp_path: Path, vocab: object) -> None:
    source = (
        "def f(t):\n"
        '    return t in ("of", "de", "d\'") or t == "between" or t in {"mr", "mme"} or t == "up to"\n'
    )
    assert sorted(literals(tmp_path, vocab, source)) == sorted(["of", "de", "d'", "between", "mr", "mme", "up to"])


def test_what_is_no_word_is_left_out(tmp_path: Path, vocab: object) -> None:
    source = '''"""A docstring of words: of the people."""
import re

from factcheck.extract.lexicon import word_set


def f(t, lang, unit, w, c, d):
    """Of the mayor."""
    if t in word_set(lang, "before"):  # a list's name
        raise ValueError("the mayor of the city")  # a message
    if d["months"] or d.get("people"):  # keys
        return f"the {t} of"  # an f-string
    if c.kind == "date" and c.hedge == "about":  # a claim kind, a hedge
        return "agrees", "same figure"  # the explanation beside a verdict
    if w.endswith(("us", "is")):  # endings
        return w[:-3] + "al"
    pattern = re.compile(r"(?P<said>said)")
    return "per " + unit, "e", "'", pattern  # a piece of a built string, a letter, no letter
'''
    assert literals(tmp_path, vocab, source) == []


def test_a_table_of_words_is_words_and_a_record_is_names(tmp_path: Path, vocab: object) -> None:
    source = 'UNITS = {"jours": "day", "semaines": "week"}\n\ndef f(x):\n    return {"published": x, "site": x}\n'
    assert sorted(literals(tmp_path, vocab, source)) == ["jours", "semaines"]
