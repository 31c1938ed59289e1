"""Hostile text in drafts, sources and file names, through the CLI, for every output format.

Nothing a draft, a source or a file name says may reach a terminal or a CI log as a control:
no raw ESC, C0/C1 control or bidi character in any output; JSON and SARIF parse and keep
the text exactly; GitHub output has no line that starts a workflow command other than ours.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck.cli import main

HOSTILE = [
    "\x1b[31mRED\x1b[0m",
    "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07",  # OSC 52: write the clipboard
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[2J\x1b[H",  # clear screen
    "\x9b31m\x9d0;title\x9c",  # 8-bit CSI / OSC / ST
    "\x07\x08\x0b\x0c\x7f\x85",
    "\u202eevil\u202c \u2066iso\u2069 \u200f",  # bidi override, isolate, RLM
    "[bold]bold[/bold] [link=https://evil.example]link[/link] [/]",
    "\n::error::injected\n::add-mask::x\n",
    "%0A::warning::encoded%0D%0A::set-output name=x::y",
    '"quote" \\backslash </script><!-- ]]> \u2028line\u2029para',
]
PAYLOAD = " ".join(HOSTILE)

DRAFT = (
    f"Police arrested 14 people {PAYLOAD} in Lyon on Monday, prosecutor Jean "
    f"Dupont said.\r\n\r\nSome 300 gendarmes{HOSTILE[0]} were mobilised.\n::error::draft line\n"
    f"The damage was put at €1,500 {HOSTILE[6]}.\n"
)
SOURCE = (
    f"{HOSTILE[8]}Police arrested 17 people {PAYLOAD} in Lyon on Monday. About 300 "
    f"gendarmes were mobilised{HOSTILE[1]}. Prosecutor Jean Dupond spoke.\n"
)

# Raw characters no output may contain (newline aside; tab only in text layouts).
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]"
)
PROP = r"(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*"
OUR_COMMAND = re.compile(rf"::(?:error|warning|notice)(?: {PROP}(?:,{PROP})*)?::[^\r\n]*")
FORMATS = ["text", "json", "github", "sarif", "markdown"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(out: str, fmt: str) -> None:
    bad = UNSAFE.search(out)
    assert bad is None, f"{fmt}: raw {bad.group()!r} at {bad.start()}: {out[bad.start() - 40:bad.start() + 40]!r}"  # noqa: E501
    if fmt in ("json", "sarif"):
        assert "\t" not in out
    if fmt == "github":
        for line in out.splitlines():
            assert OUR_COMMAND.fullmatch(line), f"not our command: {line[:200]!r}"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8", newline="")
    (tmp_path / "wire.txt").write_text(SOURCE, encoding="utf-8", newline="")
    # A file name that is itself hostile (any byte but / and NUL is allowed on POSIX).
    (tmp_path / "\x1b[31mred\u202e::error::x.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_every_format(capsys: pytest.CaptureFixture[str], files: Path, fmt: str) -> None:
    code, out, err = run(capsys, "check", "draft.md", "--source", "wire.txt", "--source",
                         "\x1b[31mred\u202e::error::x.txt", "--format", fmt, "--show-decided")
    assert code == 1, err
    assert out.strip()
    assert_inert(out, fmt)
    assert_inert(err, "stderr")
    if fmt == "json":
        data = json.loads(out)
        for c in data["claims"]:
            start, end = c["span"]
            assert DRAFT[start:end] == c["text"]  # exact text survives the escaping
        assert any(f["verdict"] == "conflicts" for c in data["claims"] for f in c["findings"])
    if fmt == "sarif":
        data = json.loads(out)
        assert data["version"] == "2.1.0"
        assert data["runs"][0]["results"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_source_errors(capsys: pytest.CaptureFixture[str], files: Path,
                               fmt: str) -> None:
    """A source that fails, with a hostile name: its error reaches stdout and stderr inert."""
    name = "\x1b]52;c;eA==\x07gone\u202e\n::error::y.txt"
    code, out, err = run(capsys, "check", "draft.md", "--source", name, "--source", "wire.txt",
                         "--format", fmt)
    assert code == 2
    assert_inert(out, fmt)
    assert_inert(err, "stderr")
    assert len(err.splitlines()) == 1
    if fmt in ("json", "sarif"):
        json.loads(out)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_extract_every_format(capsys: pytest.CaptureFixture[str], files: Path, fmt: str) -> None:
    code, out, err = run(capsys, "extract", "draft.md", "--format", fmt)
    assert code == 0, err
    assert_inert(out, fmt)
    if fmt == "json":
        claims = json.loads(out)["claims"]
        assert any(c["value"] == 14 for c in claims)
    elif fmt == "jsonl":
        assert [json.loads(line) for line in out.splitlines()]


def test_hostile_draft_file_name(capsys: pytest.CaptureFixture[str], files: Path) -> None:
    hostile = files / "\x1b[2J\u202edraft\n::error::z.md"
    hostile.write_text(DRAFT, encoding="utf-8")
    for fmt in ("text", "github", "markdown"):
        code, out, err = run(capsys, "check", hostile.name, "--source", "wire.txt",
                             "--format", fmt)
        assert code == 1, err
        assert_inert(out, fmt)
    code, _, err = run(capsys, "check", hostile.name + "-missing", "--source", "wire.txt")
    assert code == 2
    assert_inert(err, "stderr")
    assert len(err.splitlines()) == 1
