"""The package's shape: the version in a module of its own, and no import cycles between the
layers that had them (every import counted: at the top, inside functions, for type checking)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import factcheck
from factcheck import _version

PACKAGE = Path(factcheck.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The factcheck modules (or packages) ``path`` imports, wherever the import stands."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m == "factcheck" or m.startswith("factcheck.")}


def test_the_version_has_a_module_of_its_own() -> None:
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text("utf-8"))
    assert _version.__version__ == pyproject["project"]["version"] == factcheck.__version__
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "extract":
            continue  # extraction keeps its own build key (extract/store.py)
        text = path.read_text("utf-8")
        assert "import __version__" not in text or "_version import __version__" in text, path


def test_no_import_cycle_between_models_and_text_nor_app_and_main_screen() -> None:
    def imports(module: str) -> set[str]:
        rel = Path(*module.split(".")[1:])
        path = PACKAGE / rel.with_suffix(".py")
        return imports_of(path if path.is_file() else PACKAGE / rel / "__init__.py")

    for low, high in (("factcheck.models", "factcheck.text"),
                      ("factcheck.tui.screens.main", "factcheck.tui.app")):
        assert low in imports(high)  # the one direction that stays
        assert high not in imports(low), f"{low} imports {high}"
