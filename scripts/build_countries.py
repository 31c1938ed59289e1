"""Build factcheck/lexicon/countries.txt: the names of the world's countries and territories,
in English and French, folded, one per line.

The names come from the Unicode CLDR through Babel (BSD licence; CLDR data under the Unicode
licence), which is a build-time tool here, not a dependency: run it again to refresh the list.

    python scripts/build_countries.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factcheck.text import fold  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "factcheck" / "lexicon" / "countries.txt"


def main() -> None:
    names: set[str] = set()
    for lang in ("en", "fr"):
        for code, name in Locale(lang).territories.items():
            if code.isalpha() and len(code) == 2 and code not in ("EU", "EZ", "UN", "ZZ", "QO"):
                names.add(fold(name))
    head = "# Countries and territories, English and French, folded (scripts/build_countries.py; CLDR via Babel)\n"
    OUT.write_text(head + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
