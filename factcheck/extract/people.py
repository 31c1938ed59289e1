"""Named people with their roles: "Marseille prosecutor Nicolas Bessone",
"Hervé Pétry, head of the national cyber unit", "le colonel Hervé Pétry"."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from itertools import chain
from typing import Any, NamedTuple

from . import store
from .lexicon import Lexicon, _load, _phrases, by_first, data_pattern, data_words, same_places, shared_langs, word_set
from .tokens import Token, glued, match_at, match_before

RoleIndex = dict[str, tuple[tuple[tuple[str, ...], str], ...]]
_APOSTROPHES = frozenset({"'", "’"})


@cache  # asked for its lists tens of thousands of times a text: one call, not two
def _people(key: str) -> frozenset[str]:
    """A word list of the [people] table of names.toml (words around a name, every language)."""
    return data_words("names", "people", key)


class PersonMention(NamedTuple):
    start: int
    end: int
    name: str
    role: str | None
    role_ids: tuple[str, ...]
    role_start: int | None = None
    role_end: int | None = None


@cache
def _given() -> frozenset[str]:
    """Given names of real breadth: the generated ``given_names.txt`` (names-dataset, see
    scripts/build_given_names.py) and the hand list of ``names.toml``."""
    return frozenset(_given_sorted())


@cache
def _given_sorted() -> list[str]:
    """:func:`_given` in order, kept in the lexicon cache as one text: a run that reads its
    claims from the claim cache only asks :func:`is_given` of a few words, and loading and
    splitting that text costs a fraction of reading the file and building the set."""
    return store.remember("given_names", _read_given, decode=_a_text).split("\n")


def _read_given() -> str:
    from importlib import resources

    text = resources.files("factcheck").joinpath("lexicon", "given_names.txt").read_text(encoding="utf-8")
    body = text[text.index("\n") + 1 :] if text.startswith("#") else text
    return "\n".join(sorted(set(chain(body.split(), _load("names.toml")["given"]))))


def _a_text(v: Any) -> str:
    if type(v) is not str:
        raise TypeError("not a text")
    return v


def is_given(word: str) -> bool:
    """Whether the folded ``word`` is a given name of :func:`_given` (without building its set)."""
    names = _given_sorted()
    k = bisect_left(names, word)
    return k < len(names) and names[k] == word


class Kin(NamedTuple):
    """What frames a lone name as a person in ``lang``: possessives, the nouns of kinship and
    other ties (token tuples by their last token, each group in the list's order), and the
    marks that make a name a possessive ("Silva's")."""

    possessives: frozenset[str]
    nouns: dict[str, tuple[tuple[str, ...], ...]]
    genitive: tuple[tuple[str, ...], ...]


@cache
def _kin(lang: str) -> Kin:
    from ..text import fold

    data = _load(lang, "roles.toml").get("kin", {})
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _phrases(data.get("words", [])):
        by_last.setdefault(phrase[-1], []).append(phrase)
    return Kin(
        frozenset(fold(w) for w in data.get("possessives", ())),
        {k: tuple(v) for k, v in by_last.items()},
        _phrases(data.get("genitive", [])),
    )


def _possessive_at(toks: list[Token], before: int, kin: Kin) -> bool:
    """toks[before] ends a possessive: "his", "sa", or a capitalised name with a genitive mark
    ("Silva's")."""
    if before < 0:
        return False
    if toks[before].norm in kin.possessives:
        return True
    for mark in kin.genitive:
        m = match_before(toks, before + 1, mark)
        if m and before - m >= 0 and toks[before + 1 - m - 1].text[:1].isupper():
            return True
    return False


def _kin_frame(toks: list[Token], i: int, kin: Kin) -> bool:
    """toks[i] follows a kinship noun ("his brother Tomas", "his wife, Kamal", "sa fille Léa",
    "Silva's teammate Malcom"), after a possessive or as the next item of a list that began
    with one ("; son Ajay")."""
    k = i - 1 if i > 0 and toks[i - 1].norm == "," else i
    if _kin_at(toks, k, kin):
        return True
    # "his fellow Brazilian Malcolm", "son compatriote brésilien Malcom": where from, then the name
    return k >= 2 and toks[k - 1].is_word and _demonym(toks[k - 1].norm) and _kin_at(toks, k - 1, kin)


def _kin_at(toks: list[Token], k: int, kin: Kin) -> bool:
    """A kinship noun, after a possessive or in a list begun with one, ends before toks[k]."""
    if k == 0:
        return False
    for phrase in kin.nouns.get(toks[k - 1].norm, ()):  # only a phrase ending with the word before can end there
        m = match_before(toks, k, phrase)
        if not m:
            continue
        before = k - m - 1
        if _possessive_at(toks, before, kin):
            return True
        if before >= 0 and toks[before].norm in _people("kin_list"):
            return any(t.norm in kin.possessives for t in toks[max(0, before - 12) : before])
    return False


@cache
def _named_after(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words before and after a name that make it the name of a place, a thing or an award."""
    data = _load(lang, "roles.toml").get("named_after", {})
    return frozenset(data.get("before", ())), frozenset(data.get("after", ()))


@cache
def _lists(lang: str) -> tuple[frozenset[str], frozenset[str], RoleIndex]:
    return store.remember(f"people:{lang}", lambda: _read_lists(lang), decode=_three)


def _three(v: Any) -> tuple[frozenset[str], frozenset[str], RoleIndex]:
    if type(v) is not tuple or len(v) != 3:
        raise TypeError("not the three lists")
    return v


@cache
def _not_names(lang: str) -> frozenset[str]:
    """The words of the language and of the languages that share theirs (:func:`shared_langs`)
    that are no name ("New York" in a French text)."""
    out = _lists(lang)[1]
    for other in shared_langs():
        out |= _lists(other)[1]
    return out


def _read_lists(lang: str) -> tuple[frozenset[str], frozenset[str], RoleIndex]:
    data = _load(lang, "roles.toml")
    titles = frozenset(data["titles"]["words"])
    not_names = frozenset(data["not_names"]["words"])
    roles: dict[tuple[str, ...], str] = {}
    for cid, items in data["roles"].items():
        roles.update((p, cid) for p in _phrases(items))
    return titles, not_names, by_first(roles)


def find_people(text: str, toks: list[Token], lex: Lexicon, sent_starts: set[int]) -> list[PersonMention]:
    titles, _, roles = _lists(lex.lang)
    not_names = _not_names(lex.lang)
    given = _given()
    kin = _kin(lex.lang)
    thing_before, thing_after = _named_after(lex.lang)
    caps = bool(lex.words.get("capitals_mark_names", True))  # a language hook: capitals alone mark a name
    demonym_nouns = bool(lex.words.get("capital_demonym_is_person", False))
    out: list[PersonMention] = []
    n = len(toks)
    after = 0  # a run of capitalised words, once read, is skipped
    title_lines: dict[int, bool] = {}
    for i in [k for k, t in enumerate(toks) if t.text[:1].isupper() and (t.kind == "word" or _cap_elision(toks, k))]:
        if i < after:
            continue
        j = after = _cap_run(toks, i, text)
        run = [k for k in range(i, j) if toks[k].is_word]
        listed = _results_entry(toks, i, j, given)
        if listed is not None:
            out.append(listed[0])  # "2. Kipruto, Benson (KEN) 2:04:02" is Benson Kipruto
            after = listed[1]
            continue
        if _in_title_case_line(text, toks[i].start, title_lines):
            continue
        if i > 0 and toks[i - 1].norm in thing_before:
            # "la rue Victor Hugo", "la coalition Taxawu Senegaal": a thing named after someone;
            # "le parti Renaissance de Gabriel Attal": the names after its particle are a person's
            after = next((k + 1 for k in range(i + 1, j) if toks[k].text.islower()), j)
            continue
        if toks[i].norm in thing_before or toks[run[-1]].norm in thing_after or (j < n and toks[j].norm in thing_after):
            continue  # "Charles de Gaulle airport", "Storm Ciaran", "the Maria Lopez Coalition"
        lone_ok = len(run) == 1 and toks[i].norm not in not_names and (caps or toks[i].norm in given)
        if lone_ok and (_kin_frame(toks, i, kin) or (is_given(toks[i].norm) and _age_aside(toks, i + 1, lex))):
            t = toks[i]  # "his brother Tomas", "sa fille Léa", "Julien, 34 ans, attendait"
            out.append(PersonMention(t.start, t.end, t.text, role=None, role_ids=()))
            continue
        # drop leading titles and role words: "Interior Minister Gerald Darmanin", and an
        # acronym before a given name ("l'entrepreneur en BTP Thierry Vasseur")
        lead = 0
        while (
            lead < len(run) - 2
            and toks[run[lead]].kind == "word"
            and (
                toks[run[lead]].norm in titles
                or toks[run[lead]].norm in not_names
                or (_acronym(toks[run[lead]]) and is_given(toks[run[lead + 1]].norm))
            )
        ):
            lead += 1
        if (
            len(run) - lead >= 2
            and toks[run[lead]].kind == "word"
            and (
                toks[run[lead]].norm in titles
                or toks[run[lead]].norm in not_names
                or _role_word(toks[run[lead]], roles)
            )
            and toks[run[lead]].norm not in given
        ):
            lead += 1
        name_toks = run[lead:]
        if len(name_toks) == 2 and _demonym(toks[name_toks[0]].norm) and _kin_frame(toks, name_toks[1], kin):
            t = toks[name_toks[1]]  # "his fellow Brazilian Malcolm": the name after where he is from
            out.append(PersonMention(t.start, t.end, t.text, role=None, role_ids=()))
            continue
        # "le procureur de Marseille Nicolas Bessone": start at the given name, when a role's
        # place ("procureur de Marseille") or a long run says the words before it are no name;
        # "Diomayé Bassirou Fayé" keeps a given name the data does not know
        # a role's place comes first even when it is also a given name ("maire de Thiès Idrissa Seck")
        place_first = (
            name_toks[0] >= 2
            and toks[name_toks[0] - 1].norm in _people("place_of")
            and bool(_role_before(toks, name_toks[0] - 1, roles, titles, max(0, name_toks[0] - 6)))
        )
        demonym_first = _demonym(toks[name_toks[0]].norm)
        # "le Serbe Nikola Jovanovic"
        articled = name_toks[0] >= 1 and toks[name_toks[0] - 1].norm in _people("articles")
        cut = place_first or len(name_toks) >= 4 or demonym_first or articled
        for q in range(1, len(name_toks) - 1) if cut else ():
            if toks[name_toks[q]].norm in given and (place_first or toks[name_toks[0]].norm not in given):
                name_toks = name_toks[q:]
                break
        # "l'Éthiopien Getachew Alemu": where nationality adjectives are lower case, a capitalised
        # one after an article is a person, and the names after it are theirs, known or not
        demonym_person = (
            demonym_nouns and articled and len(name_toks) >= 3 and name_toks[0] == run[lead] and demonym_first
        )
        if demonym_person:
            name_toks = name_toks[1:]
        if _byline_name(toks, text, name_toks[0]):
            continue
        if len(name_toks) >= 2 and len(name_toks) <= 4:
            first = toks[name_toks[0]]
            last = toks[name_toks[-1]]
            bad = [  # a word that names no one, unless a hyphen joins it to a surname ("Lefèvre-Saint-Ange")
                k
                for k in name_toks
                if toks[k].norm in not_names
                and toks[k].norm not in given
                and not toks[k].text.islower()
                and not (k > name_toks[0] and toks[k - 1].norm == "-" and glued(toks[k - 1], toks[k]))
                # a particle inside the name, capitalised or not: "Mathis Le Goff", "Anne De Vries"
                and not (name_toks[0] < k < name_toks[-1] and toks[k].norm in _people("particles"))
            ]
            role_before = _role_before(toks, name_toks[0], roles, titles, _sentence_floor(toks, name_toks[0], text))
            if (
                bad == [name_toks[-1]]
                and len(name_toks) == 2
                and first.norm in given
                and role_before
                and role_before[1] >= toks[name_toks[0] - 1].end
            ):
                # "Prosecutor Daniel Young", "coach Maria Bridge": a role right before a known
                # given name, and a surname that is also a word ("the Albert Bridge" has no role)
                bad = []
            role_after = _role_after(toks, name_toks[-1] + 1, roles)
            reporting = name_toks[-1] + 1 < n and toks[name_toks[-1] + 1].norm in _people("reporting")
            known = first.norm in given
            # where every noun is capitalised (``caps`` false), only a known given name starts a name
            cued = caps and bool(role_before or role_after or reporting or demonym_person)
            of = name_toks[0] - 1  # "mayor of Lavergne-sur-Cèze", "le maire de Saint-Herblain": the role's place
            if cued and not known and of > 0 and toks[of].norm in _people("place_of") and role_before:
                # the role right before "of" (or ending with it) governs the place
                cued = role_before[1] not in (toks[of - 1].end, toks[of].end)
            if not bad and (known or cued) and not last.norm.isupper():
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
        elif (
            caps
            and len(name_toks) == 1
            and _lone_name_ok(toks[name_toks[0]], not_names)
            # "le procureur de Marseille"
            and not (name_toks[0] > 0 and toks[name_toks[0] - 1].norm in _people("place_of"))
        ):
            # "President Macron", "le procureur Dupont", "striker Neymar": one name right
            # after a title or a role is that person, named by the surname (or the name) alone
            t = toks[name_toks[0]]
            role = _role_before(toks, name_toks[0], roles, titles, _sentence_floor(toks, name_toks[0], text))
            # an honorific, or a role written as a role: lower case ("striker Neymar", "le
            # président Macron") or opening the sentence ("President Macron said"); a
            # capitalised word inside a sentence is a name's ("Shares of General Motors")
            before = toks[run[lead - 1]] if lead > 0 else None
            titled = before is not None and (
                before.norm in _people("honorifics")
                or (_role_word(before, roles) and (before.start in sent_starts or before.text.islower()))
            )
            p = name_toks[0] - 1
            near = (  # the role right before the name, written in lower case
                role is not None and p >= 0 and toks[p].text.islower() and _role_word(toks[p], roles)
            )
            if titled or near:
                out.append(
                    PersonMention(
                        t.start, t.end, t.text,
                        role=text[role[0] : role[1]] if role else toks[run[lead - 1]].text,
                        role_ids=role[2] if role else (),
                        role_start=role[0] if role else None,
                        role_end=role[1] if role else None,
                    )
                )
    return out + (_listed_with(text, out, not_names | titles) if caps else [])


def _age_aside(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """An age set off after a name: ", 34," or ", 34 ans," ("Julien, 34 ans, attendait
    depuis deux heures"): a given name so followed is a person, named by the given name alone."""
    if j + 2 >= len(toks) or toks[j].norm != "," or toks[j + 1].kind != "num" or not toks[j + 1].text.isdigit():
        return False
    if not 1 <= int(toks[j + 1].text) <= 110:
        return False
    k = j + 2
    if k < len(toks) and toks[k].norm in word_set(lex.lang, "age_units"):
        k += 1  # "34 ans", "34 years"
    return k < len(toks) and toks[k].norm in (",", ")")


def _acronym(t: Token) -> bool:
    """An acronym: two or more capitals and nothing else ("BTP", "FAR", "NHS")."""
    return len(t.text) >= 2 and t.text.isalpha() and t.text.isupper()


def role_at(toks: list[Token], k: int, lang: str) -> tuple[int, str | None]:
    """The role a phrase of roles.toml names from toks[k] ("winger", "head coach",
    "ailier"): (tokens it takes, its id), or (0, None)."""
    for p, cid in _lists(lang)[2].get(toks[k].norm, ()):
        n = match_at(toks, k, p)
        if n:
            return n, cid
    return 0, None


def _role_word(t: Token, roles: RoleIndex) -> bool:
    """A role of one word ("Prosecutor", "Striker" opening a sentence)."""
    return any(len(p) == 1 for p, _ in roles.get(t.norm, ()))


@cache
def _countries() -> frozenset[str]:
    """The world's countries and territories, English and French, folded (lexicon/countries.txt)."""
    from importlib import resources

    raw = resources.files("factcheck").joinpath("lexicon/countries.txt").read_text(encoding="utf-8")
    return frozenset(line for line in raw.splitlines() if line and not line.startswith("#"))


def _lone_name_ok(t: Token, not_names: frozenset[str]) -> bool:
    """A word that can stand alone for a person after a title or a role: capitalised, not
    all capitals (an acronym), no word the lexicon knows as no name, no demonym."""
    return (
        t.kind == "word"
        and t.text[:1].isupper()
        and not t.text.isupper()
        and len(t.text) > 2
        and t.norm not in not_names
        and not _demonym(t.norm)
        and t.norm not in _countries()  # "the youngest president Senegal has had"
    )


@cache
def _listed() -> re.Pattern[str]:
    """A name after a comma or "and" of a list (names.toml [people] list_and), as the list goes
    on or ends: "Manchester City treble-winner" is no item."""
    alts = data_pattern("names", "people", "list_and")
    ends = "|".join(rf"\b{w}\b" for w in alts.split("|"))
    return re.compile(
        rf"(?:,\s*|\s+(?:{alts})\s+|,\s*(?:{alts})\s+)([A-Z][\w'’-]+(?: (?:[A-Z][\w'’-]+)){{1,2}})"
        rf"(?=\s*(?:,|;|\.|\)|{ends}|$))"
    )


@cache
def _listed_last() -> re.Pattern[str]:
    """The last name of a list: "..., Firmino and Fabinho."."""
    alts = data_pattern("names", "people", "list_and")
    return re.compile(rf",?\s+(?:{alts})\s+([A-Z][\w'’-]+)(?=\s*(?:\.|;|\)|$))")


_LISTED_BEFORE = re.compile(r"(?:,\s*|\b[a-zé]+\s+)([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}),\s*$")


def _listed_with(text: str, found: list[PersonMention], bad: frozenset[str]) -> list[PersonMention]:
    """Names in a list with a person the rules found: "Ruben Neves, Kalidou Koulibaly and
    Sergej Milinkovic-Savic" names three people once one of them is known. Two or three
    capitalised words, none a word the lexicon knows as no name, next to a found name."""
    from ..text import fold

    taken = {(p.start, p.end) for p in found}
    spans = sorted(taken)
    out: list[PersonMention] = []
    queue = list(found)
    given = _given()
    while queue:
        p = queue.pop()
        last = _listed_last().match(text, p.end)
        if last is not None and not (
            fold(last.group(1)) in given and _in_list(text, p.start)  # one name alone ends a list of names
        ):
            last = None
        for m in (_listed().match(text, p.end), _LISTED_BEFORE.search(text, max(0, p.start - 60), p.start), last):
            if m is None:
                continue
            start, end = m.span(1)
            words = text[start:end].split()
            if any(fold(w) in bad or fold(w) in same_places() for w in words) or fold(text[start:end]) in _countries():
                continue
            if "\n" in text[min(start, p.end) : max(end, p.start)]:
                continue
            if any(a < end and start < b for a, b in spans):
                continue
            spans.append((start, end))
            q = PersonMention(start, end, text[start:end], role=None, role_ids=())
            out.append(q)
            queue.append(q)
    return out


def _in_list(text: str, at: int) -> bool:
    """The name at ``text[at]`` is an item after a comma of a list: "..., Roberto Firmino"."""
    return text[max(0, at - 2) : at] == ", "


def _byline_name(toks: list[Token], text: str, k: int) -> bool:
    """ "By Hannah Crowe" / "Par Jeanne Martin" at the start of a line is a byline."""
    if k == 0 or toks[k - 1].norm not in _people("byline"):
        return False
    line_start = text.rfind("\n", 0, toks[k - 1].start) + 1
    return not text[line_start : toks[k - 1].start].strip()


def is_demonym(word: str) -> bool:
    """:func:`_demonym`, for the readers of a figure's subject."""
    return _demonym(word)


@lru_cache(maxsize=16384)  # asked of most capitalised words, again and again: the same answer
def _demonym(word: str) -> bool:
    """A word that says where someone is from ("Ethiopian", "Kényan", "French"): a word of
    places.toml, or a word with a demonym's ending in either language (roles.toml)."""
    from ..text import fold

    w = fold(word)
    return w in same_places() or w.endswith(_demonym_endings())


@cache
def _demonym_endings() -> tuple[str, ...]:
    return tuple(sorted({str(e) for lg in shared_langs() for e in _load(lg, "roles.toml").get("demonym_endings", [])}))




def _cap_run(toks: list[Token], i: int, text: str | None = None) -> int:
    """The end of the run of capitalised words from ``toks[i]``; with ``text``, a run stops
    at a line break ("... wins in Chicago" over "Kelvin Otieno won")."""
    j = i
    n = len(toks)
    while j < n:
        t = toks[j]
        if j > i and text is not None and "\n" in text[toks[j - 1].end : t.start]:
            break
        if _cap_elision(toks, j):
            j += 1  # "D'Souza", "N'Dri"
            continue
        if t.is_cap:
            j += 1
            # "Yaxley-Lennon", "Jean-Pierre", "Min-jun"; "O'Donnell", "N'Golo"
            while (
                j + 1 < n
                and (toks[j].norm == "-" or (toks[j].norm in _APOSTROPHES and len(toks[j - 1].text) == 1))
                and glued(toks[j - 1], toks[j])
                and glued(toks[j], toks[j + 1])
                and toks[j + 1].is_word
                and (toks[j + 1].is_cap or toks[j].norm == "-")
            ) or _apostrophe_letter(toks, j):
                j += 2
            # an initial: "Scott W. Sieben"
            if (
                len(t.text) == 1
                and j > i + 0
                and j + 1 < n
                and toks[j].norm == "."
                and glued(t, toks[j])
                and toks[j + 1].is_cap
                and j - 1 > i
            ):
                j += 1
            continue
        k = j
        while k < n and toks[k].norm in _people("particles") and toks[k].text.islower() and k - j < 3:
            k += 1  # "Isabel de la Vega", "Jan van der Berg"
        if k > j and j > i and k < n and toks[k].is_cap:
            j = k
            continue
        break
    return j


def _results_entry(
    toks: list[Token], i: int, j: int, given: frozenset[str]
) -> tuple[PersonMention, int] | None:
    """A results table's "Surname, Given (NAT)": a capitalised run, a comma, a run that starts
    with a given name, then a country code in brackets. The name is read given name first;
    with it comes the index of the token after the name."""
    n = len(toks)
    if j + 1 >= n or toks[j].norm != "," or not toks[j + 1].is_cap or toks[j + 1].norm not in given:
        return None
    k = _cap_run(toks, j + 1)
    if not (k + 2 < n and toks[k].norm == "(" and toks[k + 2].norm == ")"):
        return None
    code = toks[k + 1].text
    if not (code.isalpha() and code.isupper() and 2 <= len(code) <= 3):
        return None
    surname = " ".join(t.text for t in toks[i:j] if t.is_word)
    first = " ".join(t.text for t in toks[j + 1 : k] if t.is_word)
    return PersonMention(toks[i].start, toks[k - 1].end, f"{first} {surname}", role=None, role_ids=()), k


def _apostrophe_letter(toks: list[Token], k: int) -> bool:
    """toks[k] is an apostrophe inside a word, part of a letter of names.toml [people]
    apostrophe_letters: "Lozac'h" (the word goes on after it)."""
    if not (0 < k < len(toks) - 1 and toks[k].norm in _APOSTROPHES and toks[k + 1].is_word):
        return False
    if not (glued(toks[k - 1], toks[k]) and glued(toks[k], toks[k + 1]) and toks[k - 1].is_word):
        return False
    return any(
        toks[k - 1].norm.endswith(a) and toks[k + 1].norm.startswith(b)
        for a, _, b in (x.partition("'") for x in _people("apostrophe_letters"))
    )


def _cap_elision(toks: list[Token], k: int) -> bool:
    """A capital letter glued by an apostrophe to a capitalised word: "D'Souza", "N'Golo"."""
    t = toks[k]
    return (
        t.kind == "elide"
        and len(t.text) == 2
        and t.text[:1].isupper()
        and k + 1 < len(toks)
        and glued(t, toks[k + 1])
        and toks[k + 1].is_cap
    )


def _in_title_case_line(text: str, at: int, seen: dict[int, bool]) -> bool:
    """Whether ``at`` sits on a line written in Title Case (a headline): four words or more,
    nearly every word of three letters or more capitalised, and no full stop at its end."""
    start = text.rfind("\n", 0, at) + 1
    if start not in seen:
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)].strip()
        if line.endswith((".", "?", "!")):
            seen[start] = False  # most lines: a paragraph's sentences, its words not counted
        else:
            long_words = [w for w in line.split() if len(w) >= 3 and w[:1].isalpha()]
            caps = sum(1 for w in long_words if w[:1].isupper())
            seen[start] = len(long_words) >= 4 and caps >= len(long_words) - 1
    return seen[start]


_FLOOR_REACH = 32  # tokens: _role_before looks at most 16 back, a floor further off changes nothing


def _sentence_floor(toks: list[Token], i: int, text: str) -> int:
    """Index of the first token of the sentence (or line) that holds toks[i], looked for at
    most _FLOOR_REACH tokens back: a text that never ends a sentence (a long run of names) is
    not scanned back to its start for every name."""
    k = i
    stop = max(0, i - _FLOOR_REACH)
    while k > stop:
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
            if m and back + m <= k and _no_break(toks, back, k) and not _named_between(toks, back + m, k):
                back, cid = _longest_role(toks, back, k, roles, floor, cid)  # "directeur général", not "général"
                start = back
                # extend left over a possessive or adjective: "Marseille's public"
                while (
                    start > floor
                    and start > back - 4
                    and (toks[start - 1].is_word or toks[start - 1].norm == "'")
                    and toks[start - 1].norm not in _people("role_left_stop")
                ):
                    start -= 1
                    if toks[start].norm in ("s",) and start > 0 and toks[start - 1].norm in ("'", "’"):
                        start -= 1
                if start < back and not (toks[start].is_cap or toks[start].norm in _people("role_left_lower")):
                    start = back
                return toks[start].start, toks[k - 1].end, _ids(cid)
    if i > 0 and toks[i - 1].norm in titles:
        return toks[i - 1].start, toks[i - 1].end, ()
    return None


def _longest_role(toks: list[Token], back: int, k: int, roles: RoleIndex, floor: int, cid: str) -> tuple[int, str]:
    """A role phrase that starts before toks[back], takes it in and ends before toks[k]
    ("directeur général" over "général", "chief executive" over "executive"): where it starts
    and its id; else ``back`` and ``cid``."""
    for b in range(back - 1, max(floor, back - 3) - 1, -1):
        for phrase, other in roles.get(toks[b].norm, ()):
            m = match_at(toks, b, phrase)
            if m and back < b + m <= k:
                return b, other
    return back, cid


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


def _named_between(toks: list[Token], a: int, b: int) -> bool:
    """Another name stands between a role and a name ("Striker Neymar joined Al-Hilal": the
    role is Neymar's); a place after "of"/"de" does not ("the mayor of Lyon, Grégory Doucet")."""
    return any(
        toks[k].is_cap and not (k > 0 and toks[k - 1].norm in _people("place_before"))
        and not (k > a and toks[k - 1].is_cap)  # the rest of a place's name: "of New York"
        for k in range(a, b)
    )


def _no_break(toks: list[Token], a: int, b: int) -> bool:
    return not any(t.norm in (".", ";", ":", "!", "?") for t in toks[a:b])


def _ids(cid: str) -> tuple[str, ...]:
    out = [cid]
    if cid.endswith("_minister"):
        out.append("minister")
    return tuple(out)


class KnownPeople:
    """The people a document has named so far, by surname and first given name.

    A later mention is the same person when it gives the surname alone ("Sall"), or the same
    first given name or its initial ("M. Sall"); another given name under the same surname
    ("Khalifa Sall", then "Macky Sall") is another person, a wife or a brother.
    """

    def __init__(self) -> None:
        self._given: dict[str, set[str]] = {}

    @staticmethod
    def _parts(name: str) -> tuple[str, str]:
        from ..text import fold

        parts = fold(name).replace(".", " ").split()
        if not parts:
            return "", ""
        return parts[-1], (parts[0] if len(parts) > 1 else "")

    def knows(self, name: str) -> bool:
        surname, given = self._parts(name)
        seen = self._given.get(surname)
        if seen is None:
            return False
        if not given or "" in seen:
            return True
        return any(g == given or (min(len(g), len(given)) == 1 and g[0] == given[0]) for g in seen)

    def add(self, name: str) -> None:
        surname, given = self._parts(name)
        self._given.setdefault(surname, set()).add(given)


__all__ = ["KnownPeople", "PersonMention", "find_people", "match_before"]
