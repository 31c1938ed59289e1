"""GitHub Actions workflow commands."""

from __future__ import annotations

import pytest
from report_fixtures import HOSTILE, assert_golden, basic_report, hostile_report

from factcheck.report import render
from factcheck.report.github import command, escape_data, escape_property


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command line the way the runner does: the first ``::`` after the
    command ends the properties; properties are ``,``-separated ``key=value``."""
    assert line.startswith("::"), line
    head, sep, msg = line[2:].partition("::")
    assert sep, line
    name, _, props = head.partition(" ")
    fields = dict(p.split("=", 1) for p in props.split(",")) if props else {}
    return name, fields, msg


def unescape(s: str) -> str:
    return (s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


@pytest.mark.parametrize(
    ("raw", "want"),
    [("100%", "100%25"), ("a\rb", "a%0Db"), ("a\nb", "a%0Ab"), ("a:b,c", "a:b,c"),
     ("%0A", "%250A"), ("::error::x", "::error::x")],
    ids=["percent", "cr", "lf", "colon-comma-kept", "escaped-looking", "double-colon"],
)
def test_escape_data(raw: str, want: str) -> None:
    assert escape_data(raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [("100%", "100%25"), ("a\rb", "a%0Db"), ("a\nb", "a%0Ab"), ("a:b", "a%3Ab"),
     ("a,b", "a%2Cb"), ("x::y", "x%3A%3Ay")],
    ids=["percent", "cr", "lf", "colon", "comma", "double-colon"],
)
def test_escape_property(raw: str, want: str) -> None:
    assert escape_property(raw) == want


def test_command_round_trip() -> None:
    line = command("error", "50% a\nb", file="a,b:c.md", line=3, title="t%")
    assert line == "::error file=a%2Cb%3Ac.md,line=3,title=t%25::50%25 a%0Ab"
    name, props, msg = parse(line)
    assert (name, {k: unescape(v) for k, v in props.items()}, unescape(msg)) == (
        "error", {"file": "a,b:c.md", "line": "3", "title": "t%"}, "50% a\nb")


def test_golden() -> None:
    assert_golden("basic.github", render(basic_report(), "github"))


@pytest.mark.parametrize(
    ("index", "name", "props"),
    [
        (0, "error", {"file": "draft.md", "line": "3", "col": "19", "endLine": "3",
                      "endColumn": "43", "title": "factcheck: conflict with radio-en"}),
        (2, "warning", {"file": "draft.md", "line": "4", "col": "1", "endLine": "4",
                        "endColumn": "41", "title": "factcheck: unclear match in radio-en"}),
        (3, "error", {"file": "draft.md", "line": "4", "col": "1", "endLine": "4",
                      "endColumn": "41", "title": "factcheck: the draft contradicts itself"}),
        (5, "error", {"title": "factcheck: source gone"}),
        (6, "notice", {"title": "factcheck"}),
    ],
    ids=["conflict", "unclear-warning", "self", "source-error", "summary"],
)
def test_commands(index: int, name: str, props: dict[str, str]) -> None:
    got_name, got_props, _ = parse(render(basic_report(), "github").splitlines()[index])
    assert (got_name, {k: unescape(v) for k, v in got_props.items()}) == (name, props)


def test_decided_is_notice_when_shown() -> None:
    out = render(basic_report(), "github", show_decided=True).splitlines()
    decided = [parse(line) for line in out if "decided: accepted" in line]
    assert [(n, p["line"]) for n, p, _ in decided] == [("notice", "5")]


@pytest.mark.parametrize("show_decided", [False, True], ids=["default", "show-decided"])
def test_injection_cannot_start_a_command(show_decided: bool) -> None:
    out = render(hostile_report(), "github", show_decided=show_decided)
    assert "\r" not in out
    for line in out.splitlines():
        name, props, msg = parse(line)
        assert name in {"error", "warning", "notice"}
        assert set(props) <= {"file", "line", "col", "endLine", "endColumn", "title"}
        assert "\n" not in unescape(msg) and "\r" not in unescape(msg)
    assert not any(line.startswith(("::error::pwned", "::add-mask::")) for line in out.split("\n"))
    assert "::error::pwned" in out  # still visible, as text inside a message
    assert HOSTILE not in out
