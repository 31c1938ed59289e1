"""Named people with their roles: "Marseille prosecutor Nicolas Bessone",
"Hervé Pétry, head of the national cyber unit", "le colonel Hervé Pétry"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .lexicon import Lexicon, _load, _phrases, by_first
from .tokens import Token, glued, match_at, match_before

RoleIndex = dict[str, tuple[tuple[tuple[str, ...], str], ...]]
_PARTICLES = frozenset({"de", "du", "van", "von", "da", "di", "del", "della", "le", "la", "al", "el", "bin", "ben"})
_REPORTING = frozenset(
    {
        "said",
        "says",
        "told",
        "added",
        "explained",
        "announced",
        "stated",
        "warned",
        "wrote",
        "declared",
        "confirmed",
        "noted",
        "insisted",
        "a",
        "affirme",
        "explique",
        "declare",
        "indique",
        "precise",
        "annonce",
        "souligne",
        "assure",
        "estime",
    }
)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    role: str | None
    role_ids: tuple[str, ...]
    role_start: int | None = None
    role_end: int | None = None


@cache
def _given() -> frozenset[str]:
    return frozenset(_load("names.toml")["given"])


@cache
def _lists(lang: str) -> tuple[frozenset[str], frozenset[str], RoleIndex]:
    data = _load(lang, "roles.toml")
    titles = frozenset(data["titles"]["words"])
    not_names = frozenset(data["not_names"]["words"])
    roles: dict[tuple[str, ...], str] = {}
    for cid, items in data["roles"].items():
        roles.update((p, cid) for p in _phrases(items))
    return titles, not_names, by_first(roles)


def find_people(text: str, toks: list[Token], lex: Lexicon, sent_starts: set[int]) -> list[PersonMention]:
    titles, not_names, roles = _lists(lex.lang)
    not_names = not_names | _lists("fr" if lex.lang == "en" else "en")[1]  # "New York" in a French text
    given = _given()
    out: list[PersonMention] = []
    n = len(toks)
    after = 0  # a run of capitalised words, once read, is skipped
    for i in [k for k, t in enumerate(toks) if t.kind == "word" and t.text[:1].isupper()]:  # Token.is_cap
        if i < after:
            continue
        j = after = _cap_run(toks, i)
        run = list(range(i, j))
        # drop leading titles and role words: "Interior Minister Gerald Darmanin"
        lead = 0
        while lead < len(run) - 2 and (toks[run[lead]].norm in titles or toks[run[lead]].norm in not_names):
            lead += 1
        if (
            len(run) - lead >= 2
            and (toks[run[lead]].norm in titles or toks[run[lead]].norm in not_names)
            and toks[run[lead]].norm not in given
        ):
            lead += 1
        name_toks = run[lead:]
        # "le procureur de Marseille Nicolas Bessone": start at the given name
        for q in range(1, len(name_toks) - 1):
            if toks[name_toks[q]].norm in given and toks[name_toks[0]].norm not in given:
                name_toks = name_toks[q:]
                break
        if _byline_name(toks, text, name_toks[0]):
            continue
        if len(name_toks) >= 2 and len(name_toks) <= 4:
            first = toks[name_toks[0]]
            last = toks[name_toks[-1]]
            bad = [k for k in name_toks if toks[k].norm in not_names and toks[k].norm not in given]
            role_before = _role_before(toks, name_toks[0], roles, titles, _sentence_floor(toks, name_toks[0], text))
            role_after = _role_after(toks, name_toks[-1] + 1, roles)
            reporting = name_toks[-1] + 1 < n and toks[name_toks[-1] + 1].norm in _REPORTING
            known = first.norm in given
            if not bad and (known or role_before or role_after or reporting) and not last.norm.isupper():
                role = role_before or role_after
                out.append(
                    PersonMention(
                        first.start,
                        last.end,
                        text[first.start : last.end],
                        role=text[role[0] : role[1]] if role else None,
                        role_ids=role[2] if role else (),
                        role_start=role[0] if role else None,
                        role_end=role[1] if role else None,
                    )
                )
    return out


def _byline_name(toks: list[Token], text: str, k: int) -> bool:
    """ "By Hannah Crowe" / "Par Jeanne Martin" at the start of a line is a byline."""
    if k == 0 or toks[k - 1].norm not in ("by", "par"):
        return False
    line_start = text.rfind("\n", 0, toks[k - 1].start) + 1
    return not text[line_start : toks[k - 1].start].strip()


def _cap_run(toks: list[Token], i: int) -> int:
    j = i
    n = len(toks)
    while j < n:
        t = toks[j]
        if t.is_cap:
            j += 1
            # "Yaxley-Lennon", "Jean-Pierre"
            while (
                j + 1 < n
                and toks[j].norm == "-"
                and glued(toks[j - 1], toks[j])
                and glued(toks[j], toks[j + 1])
                and toks[j + 1].is_cap
            ):
                j += 2
            continue
        if t.norm in _PARTICLES and j > i and j + 1 < n and toks[j + 1].is_cap and t.text.islower():
            j += 1
            continue
        break
    return j


def _sentence_floor(toks: list[Token], i: int, text: str) -> int:
    """Index of the first token of the sentence (or line) that holds toks[i]."""
    k = i
    while k > 0:
        prev = toks[k - 1]
        if prev.norm in (".", "!", "?", ";") or "\n" in text[prev.end : toks[k].start]:
            break
        k -= 1
    return k


def _role_before(
    toks: list[Token], i: int, roles: RoleIndex, titles: frozenset[str], floor: int = 0
) -> tuple[int, int, tuple[str, ...]] | None:
    # "Marseille's public prosecutor Nicolas Bessone", "le procureur de Marseille, Nicolas Bessone"
    k = i
    if k > 0 and toks[k - 1].norm == ",":
        k -= 1
    for back in range(k, max(floor - 1, k - 12), -1):
        for phrase, cid in roles.get(toks[back].norm, ()):
            m = match_at(toks, back, phrase)
            if m and back + m <= k and _no_break(toks, back, k):
                start = back
                # extend left over a possessive or adjective: "Marseille's public"
                while (
                    start > floor
                    and start > back - 4
                    and (toks[start - 1].is_word or toks[start - 1].norm == "'")
                    and toks[start - 1].norm not in ("the", "le", "la", "and", "et", "by", "with", "said")
                ):
                    start -= 1
                    if toks[start].norm in ("s",) and start > 0 and toks[start - 1].norm in ("'", "’"):
                        start -= 1
                if start < back and not (toks[start].is_cap or toks[start].norm in ("public", "senior", "chief")):
                    start = back
                return toks[start].start, toks[k - 1].end, _ids(cid)
    if i > 0 and toks[i - 1].norm in titles:
        return toks[i - 1].start, toks[i - 1].end, ()
    return None


def _role_after(toks: list[Token], j: int, roles: RoleIndex) -> tuple[int, int, tuple[str, ...]] | None:
    # "Daniel Nigro, the city's fire commissioner", "Nicolas Bessone, procureur de la République"
    if j >= len(toks) or toks[j].norm not in (",", "("):
        return None
    end = j + 1
    while end < len(toks) and toks[end].norm not in (",", ".", ";", ")", ":") and end - j < 14:
        end += 1
    found: list[str] = []
    for k in range(j + 1, end):
        for phrase, cid in roles.get(toks[k].norm, ()):
            if match_at(toks, k, phrase):
                found.append(cid)
                break
        if found:
            break
    if not found:
        return None
    return toks[j + 1].start, toks[end - 1].end, _ids(found[0])


def _no_break(toks: list[Token], a: int, b: int) -> bool:
    return not any(t.norm in (".", ";", ":", "!", "?") for t in toks[a:b])


def _ids(cid: str) -> tuple[str, ...]:
    out = [cid]
    if cid.endswith("_minister"):
        out.append("minister")
    return tuple(out)


def surname_key(name: str) -> str:
    from ..text import fold

    parts = fold(name).split()
    return parts[-1] if parts else ""


__all__ = ["PersonMention", "find_people", "surname_key", "match_before"]
