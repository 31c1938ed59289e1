#!/usr/bin/env python3
"""Count the natural-language words left as string literals in factcheck's .py files
(issue 19, item 2: a language's words belong in ``factcheck/lexicon/<code>/`` and its hooks
module ``factcheck/langs/<code>.py``, not in the code that reads them).

    python scripts/count_word_literals.py            # count per file and the total
    python scripts/count_word_literals.py --list     # and every literal found, with its line

How a string constant is judged (every .py file of factcheck/ but factcheck/langs/*.py):

- left out: docstrings, the parts of f-strings, and the constants that are keys: a subscript
  (``words["months"]``), the argument of ``.get``, ``getattr``, ``hasattr``, the arguments
  of the lexicon helpers (``word_set("en", "one", "before")`` names a list, it is no word)
  and the value of a ``mode=`` keyword (a setting: ``mode="before"``);
- folded (:func:`factcheck.text.fold`), split on spaces: every part must be a word of letters,
  apostrophes and hyphens, and every part must be a word of the lexicon data (any key or
  string of ``factcheck/lexicon/**/*.toml``, any line of its ``*.txt``, folded) or one of the
  function words of English, French and Spanish listed below;
- left out as our own identifiers: a string that is a Python identifier and is one of the
  vocabularies the package declares: the values of its ``Literal`` types (claim kinds,
  verdicts, hedges, ...) and the fields of its classes (``Amount.lo``); the codes that the
  tables of words.toml give their phrases ("the end of" = "end", "summer" = "summer"); the
  unit codes and the words of the dimensions of units.toml; the short list IDENTIFIER_WORDS
  below (vocabularies that nothing declares: token kinds, decision statuses, file modes, ...).
  A string that is not a function word is also a name when it is one of the names the
  package gives (functions, classes, arguments, attributes, keyword arguments, the keys of
  dict displays whose values are not all strings, the group names of regular expressions)
  or a key of the lexicon data that holds a table or a list of strings (concept ids, rule
  ids, list names such as ``before``); a function word ("of", "between") is a word there;
- left out as messages: the constants of a ``raise``, of an ``except`` block, of a call of an
  exception or a warning, of a function whose docstring says it returns words "for a
  message", and the explanation beside a verdict (``return "agrees", "same figure"``);
- left out as pieces of words: an ending of four letters at most that ``endswith``,
  ``startswith``, ``removesuffix`` or ``removeprefix`` tests, or that ``+`` glues to a slice
  of a word (``w[:-3] + "al"``);
- left out: a single character (a key binding, a type variable, a letter), and a string with
  a space at an end (a piece of a string that code builds: ``"per " + unit``);
- not read at all: the interface (factcheck/tui/, factcheck/report/, factcheck/cli.py and
  readable.py, which writes a date in words for the reader), whose labels and messages are
  English for the user, not words of a text being read.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "factcheck"
HOOKS = PACKAGE / "langs"
LEXICON = PACKAGE / "lexicon"

sys.path.insert(0, str(ROOT))
from factcheck.text import fold  # noqa: E402

# the function words of English, French and Spanish (articles, pronouns, prepositions,
# conjunctions, auxiliaries): words whichever list of the lexicon holds them or not
_FUNCTION_WORDS = """
    a an the this that these those it its he she they we you i me him her them us my his their our
    of in on at to for from by with without into onto over under about between among after before
    and or but nor not no yes if than then so as up down out off per via
    is are was were be been being has have had do does did will would can could shall should may might must
    le la les l' un une des du de d' au aux ce cet cette ces il elle ils elles on nous vous je
    son sa ses leur leurs mon ma mes qui que qu' quoi dont ou et mais ni ne pas plus moins
    dans sur sous avec sans pour par entre vers chez avant apres depuis pendant contre
    est sont etait ete etre a ont avait
    el los las lo del al unos unas su sus y o pero con sin por para sobre entre hasta desde
    es son fue ser estar esta este estos estas ese esa eso
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

# the lexicon helpers whose string arguments name a list or a file (keys, not words)
KEY_CALLS = frozenset(
    {
        "word_set",
        "data_words",
        "data_phrases",
        "data_pattern",
        "phrase_list",
        "phrase_starts",
        "phrase_map",
        "shared_words",
        "_load",
        "_figure_words",
        "_figure_phrases",
        "_people",
        "_numbers",
        "_endings",
        "_words",
        "_stem_endings",
        "get",
        "getattr",
        "hasattr",
        "setdefault",
        "pop",
    }
)

_WORD = re.compile(r"[a-z]+(?:['\-][a-z]*)*|[a-z]*'")


def lexicon_words(root: Path = LEXICON) -> frozenset[str]:
    """Every word of the lexicon data, folded: the keys and strings of the TOML files (split
    into words) and the words of the .txt files."""
    out: set[str] = set()
    for path in sorted(root.rglob("*.toml")):
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            out.update(_WORD.findall(fold(text)))
    for path in sorted(root.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.lstrip().startswith("#"):
                out.update(_WORD.findall(fold(line)))
    return frozenset(out)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def lexicon_keys(root: Path = LEXICON) -> frozenset[str]:
    """The keys of the lexicon data that hold a table or a list of strings (list names, concept
    and rule ids, hedge kinds): names of ours, not words. A
    key that holds a figure or a list with figures is a word given its value ("dozens" =
    [12, 99], "seconds" = ["second", 1.16e-05]): not a name."""
    out: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, dict) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    out.add(str(key))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(root.rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        walk(data)
    return frozenset(out)


def lexicon_codes(root: Path = LEXICON) -> frozenset[str]:
    """The codes the lexicon data declares: those that the tables of words.toml give their
    phrases ("the end of" = "end", "summer" = "summer"), the unit codes and the words of the
    dimensions of units.toml."""
    out: set[str] = set()
    for path in sorted(root.rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if path.name == "words.toml":
            tables = [t for t in data.values() if isinstance(t, dict)]
            out.update(v for table in tables for v in table.values() if isinstance(v, str))
        if path.name == "units.toml":
            out.update(_unit_codes(data))
    return frozenset(out)


def _unit_codes(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("code", "unit", "codes", "units") and isinstance(value, str):
                yield value
            if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str):
                yield value[0]  # seconds = ["second", 1.16e-05]: the unit's code
            if key == "dimensions" and isinstance(value, dict):  # degC = "temperature (celsius)"
                yield from (w for v in value.values() for w in re.findall(r"\w+", str(v)))
            yield from _unit_codes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _unit_codes(value)


# the interface: its labels, messages and output formats speak English to the user; they are
# no word of a text being read (the languages of texts are what lexicon/<code>/ is for)
INTERFACE = ("tui", "report", "cli.py", "readable.py")

# identifier vocabularies that no model or lexicon key declares: token kinds (extract/tokens.py),
# action ids set by code rather than read from concepts.toml, the statuses of a decision
# (decisions.STATUSES), the parts of a date (Claim.when keys), setting values (--fail-on never),
# file modes, parts of URLs, HTTP methods, Unicode categories, a program's name
IDENTIFIER_WORDS = frozenset(
    {"elide", "stated", "confirmed", "season", "never", "rb", "site", "ws", "HEAD", "Sk", "So", "git"}
)
_GROUP = re.compile(r"\(\?P<(\w+)>")


def python_files(package: Path = PACKAGE) -> list[Path]:
    """The .py files of the package that read texts: neither hooks modules nor the interface."""
    return sorted(
        p
        for p in package.rglob("*.py")
        if (p.parent != HOOKS or p.name == "__init__.py") and p.relative_to(package).parts[0] not in INTERFACE
    )


def all_python_files(package: Path = PACKAGE) -> list[Path]:
    return sorted(package.rglob("*.py"))


def identifiers(files: list[Path]) -> frozenset[str]:
    """The names the package gives: functions, classes, arguments, attributes, ..."""
    out: set[str] = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                out.add(node.name)
            elif isinstance(node, ast.arg):
                out.add(node.arg)
            elif isinstance(node, ast.Attribute):
                out.add(node.attr)
            elif isinstance(node, ast.keyword) and node.arg:
                out.add(node.arg)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                out.add(node.target.id)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.update(_GROUP.findall(node.value))  # the group names of regular expressions
            elif isinstance(node, ast.Dict) and not all(_is_str(v) for v in node.values):
                # the keys of a record: {"published": doc.meta.get("published"), ...}; a table of
                # strings ({"jours": "day"}) is a table of words, its keys are no names
                out.update(k.value for k in node.keys if _is_str(k))
    return frozenset(out)


def literal_values(files: list[Path]) -> frozenset[str]:
    """The values of the package's Literal types (claim kinds, verdicts, hedges, ...) and the
    fields of its classes."""
    out: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Subscript) and _is_literal(node.value):
                out.update(c.value for c in ast.walk(node.slice) if isinstance(c, ast.Constant) and _is_str(c))
            elif isinstance(node, ast.ClassDef):  # the fields of a model: Amount.lo, Claim.when
                out.update(
                    a.target.id for a in node.body if isinstance(a, ast.AnnAssign) and isinstance(a.target, ast.Name)
                )
    return frozenset(out)


def _is_str(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_literal(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "Literal") or (
        isinstance(node, ast.Attribute) and node.attr == "Literal"
    )


class Vocab:
    def __init__(self, files: list[Path]) -> None:
        self.words = lexicon_words() | FUNCTION_WORDS
        # the vocabularies the package declares (Literal values, a claim's codes, units)
        self.declared = literal_values(files) | lexicon_codes() | IDENTIFIER_WORDS
        self.names = identifiers(files) | lexicon_keys() | self.declared

    def is_word_literal(self, s: str) -> bool:
        if len(s.strip()) < 2:
            return False  # a single character: a key binding, a type variable, a letter
        if s != s.strip():
            return False  # a piece of a string built by code: "per " + unit, rel.startswith("day ")
        if s.isidentifier() and s in (self.declared if fold(s) in FUNCTION_WORDS else self.names):
            return False  # a function word ("of", "between") is a name only where one is declared
        parts = fold(s).split()
        if not parts:
            return False
        return all(_WORD.fullmatch(p) and p in self.words for p in parts)


def _skipped(tree: ast.AST) -> set[int]:
    """ids of the constants that are docstrings, f-string parts, keys or messages."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
            if isinstance(node, ast.FunctionDef) and _for_a_message(node):
                out.update(id(v) for v in ast.walk(node) if isinstance(v, ast.Constant))  # a message
        elif isinstance(node, ast.JoinedStr):
            out.update(id(v) for v in ast.walk(node))
        elif isinstance(node, ast.Subscript):
            out.update(id(v) for v in ast.walk(node.slice) if isinstance(v, ast.Constant))
        elif isinstance(node, ast.Call) and _call_name(node.func) in AFFIX_CALLS:
            out.update(id(v) for a in node.args for v in ast.walk(a) if _affix(v))  # w.endswith(("us", "is"))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Subscript):
            out.update(id(v) for v in [node.right] if _affix(v))  # w[:-3] + "al"
        elif isinstance(node, ast.Call) and _call_name(node.func) in KEY_CALLS:
            out.update(id(a) for a in node.args if isinstance(a, ast.Constant))
        if isinstance(node, ast.keyword) and node.arg == "mode":
            out.add(id(node.value))  # a setting: open(p, mode="rb"), @field_validator(mode="before")
        elif isinstance(node, ast.Raise | ast.ExceptHandler) or (isinstance(node, ast.Call) and _is_error(node.func)):
            out.update(id(v) for v in ast.walk(node) if isinstance(v, ast.Constant))  # a message
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2 and _is_verdict(node.elts[0]):
            out.update(id(v) for v in ast.walk(node.elts[1]) if isinstance(v, ast.Constant))  # its explanation
    return out


AFFIX_CALLS = frozenset({"endswith", "startswith", "removesuffix", "removeprefix"})


def _affix(node: ast.AST) -> bool:
    """A piece of a word: a constant of four letters at most (an ending such as "aux")."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) <= 4


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


VERDICTS = frozenset({"agrees", "conflicts", "absent", "unclear"})  # factcheck.models.Verdict


def _is_verdict(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in VERDICTS


def _for_a_message(node: ast.FunctionDef) -> bool:
    """A function whose docstring says that what it returns is "for a message"."""
    doc = ast.get_docstring(node) or ""
    return "for a message" in " ".join(doc.split())


def _is_error(func: ast.expr) -> bool:
    name = _call_name(func)
    return name.endswith(("Error", "Exception", "Warning")) or name in ("warn", "warning", "Corrupt", "Stale")


def word_literals(path: Path, vocab: Vocab) -> list[tuple[int, str]]:
    """The word literals of one file: (line, string)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _skipped(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        is_str = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_str and id(node) not in skip and vocab.is_word_literal(node.value):
            found.append((node.lineno, node.value))
    return sorted(found)


def count(package: Path = PACKAGE) -> dict[str, list[tuple[int, str]]]:
    """Word literals per file (relative path), for every file that holds some."""
    files = python_files(package)
    vocab = Vocab(all_python_files(package))
    out: dict[str, list[tuple[int, str]]] = {}
    for path in files:
        found = word_literals(path, vocab)
        if found:
            out[str(path.relative_to(ROOT))] = found
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="print every literal found")
    args = ap.parse_args(argv)
    found = count()
    total = 0
    for name, items in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        total += len(items)
        print(f"{len(items):5d}  {name}")
        if args.list:
            for line, s in items:
                print(f"         {line:5d}  {s!r}")
    print(f"{total:5d}  total")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
