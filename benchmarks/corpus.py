"""Deterministic generator of English news-like text for the benchmarks and the fuzzer.

Everything here is a pure function of its ``seed``: the same call gives the same text on
every machine and Python version (only :class:`random.Random` with an explicit seed is used,
whose sequence CPython keeps stable).

- :func:`news_text` -- article-like paragraphs (counts, hedges, money, percentages, dates,
  durations, ages, named people with roles, quotes, plenty of plain words) up to a size.
- :func:`story` -- a draft of about N words and M source reports (300-500 words each) that
  retell a subset of the draft's facts, mostly with the same figures, sometimes hedged,
  rounded, spelt out or different, in other words and order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST = (
    "Nicolas", "Marie", "James", "Sarah", "Ahmed", "Elena", "Tomasz", "Grace", "Kenji",
    "Amara", "Lucas", "Ingrid", "Pedro", "Hannah", "Omar", "Claire", "Viktor", "Priya",
    "Daniel", "Fatima", "Marco", "Helen", "Samuel", "Yara",
)
LAST = (
    "Bessone", "Whitfield", "Okafor", "Lindqvist", "Moreau", "Kowalski", "Tanaka", "Haddad",
    "Delgado", "Fischer", "Brennan", "Osei", "Novak", "Castellano", "Reyes", "Albrecht",
    "Mbeki", "Sørensen", "Duval", "Petrović", "Nakamura", "Ferreira", "Gallagher", "Iqbal",
)
ROLES = (
    "prosecutor", "police chief", "mayor", "fire chief", "spokesperson for the ministry",
    "health minister", "regional governor", "head of the rescue service", "union leader",
    "hospital director", "coast guard commander", "interior minister",
)
TITLED_ROLES = ("Prosecutor", "Mayor", "Colonel", "Inspector", "Governor", "Minister", "Dr")
PLACES = (
    "Marseille", "Lyon", "Rotterdam", "Bristol", "Porto", "Gdansk", "Valencia", "Antwerp",
    "Naples", "Leeds", "Hamburg", "Bilbao", "Toulouse", "Cork", "Malmö", "Genoa",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
# (subject, predicate): what is counted and what happened to it.
EVENTS = (
    ("people", "were arrested"), ("suspects", "were detained"), ("residents", "were evacuated"),
    ("people", "were killed"), ("people", "were injured"), ("firefighters", "were deployed"),
    ("police officers", "were mobilised"), ("homes", "were destroyed"),
    ("vehicles", "were seized"), ("migrants", "were rescued"), ("workers", "were laid off"),
    ("children", "were treated in hospital"), ("flights", "were cancelled"),
    ("schools", "were closed"), ("weapons", "were seized"), ("passengers", "were stranded"),
)
HEDGES = (
    "", "", "", "about ", "around ", "more than ", "at least ", "nearly ", "some ",
    "fewer than ", "almost ", "up to ", "roughly ",
)
CURRENCIES = (("$", ""), ("€", ""), ("£", ""), ("", " euros"), ("", " dollars"))
SCALES = ("", "", " million", " billion", " thousand")
NUMBER_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "a hundred", "two hundred",
    "three hundred", "a dozen", "two dozen", "hundreds of", "dozens of",
)
DURATION_UNITS = ("hours", "days", "weeks", "months", "years", "minutes")
FILLER = (
    "The authorities have not said what prompted the decision, and several questions remain "
    "open.",
    "Local residents described a tense atmosphere in the neighbourhood throughout the week.",
    "Officials declined to comment further while the investigation is still under way.",
    "The case has drawn attention well beyond the region, with opposition politicians "
    "calling for an independent inquiry.",
    "Witnesses said the situation changed quickly once the first reports reached the town.",
    "According to people familiar with the matter, talks are expected to continue next "
    "month.",
    "The company said in a statement that it was cooperating fully with investigators.",
    "Critics argue that the measures come too late and do too little for those affected.",
    "Traffic was diverted around the area for most of the afternoon, causing long delays.",
    "A spokesperson for the regional council said the response had been coordinated with "
    "national agencies.",
    "Shops along the main street reopened in the evening, although some remained shuttered.",
    "Analysts said the figures should be treated with caution until an official count is "
    "published.",
    "The weather had been unusually dry for the season, which experts say made things worse.",
    "Families gathered outside the town hall, waiting for news of their relatives.",
    "It was not immediately clear how long the restrictions would stay in place.",
    "Neighbouring countries offered assistance, and several teams arrived overnight.",
    "Reporters on the scene saw emergency vehicles queuing at the entrance to the site.",
    "The union said its members would meet again to decide on further action.",
    "Historians note that the town has faced similar crises before, most recently decades "
    "ago.",
    "Campaigners welcomed the announcement but said they would keep up the pressure.",
)
FILLER_SHARE = 0.5
SAID = ("said", "told reporters", "said in a statement", "told a press conference", "added")


def _num(rng: random.Random, lo: int = 2, hi: int = 5000) -> int:
    """A figure with a news-like distribution: many small ones, some round big ones."""
    r = rng.random()
    if r < 0.5:
        return rng.randint(lo, min(hi, 60))
    if r < 0.8:
        return rng.randint(lo, hi)
    return rng.choice((100, 150, 200, 250, 300, 400, 500, 1000, 1200, 1500, 2000, 5000))


def _fmt_int(n: int, rng: random.Random) -> str:
    if n >= 1000 and rng.random() < 0.8:
        return f"{n:,}"
    return str(n)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return f"on {rng.choice(WEEKDAYS)}"
    if r < 0.65:
        return f"on {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2025)}"
    if r < 0.85:
        return f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}"
    return f"in {rng.choice(MONTHS)}"


def _money(rng: random.Random) -> str:
    sym, word = rng.choice(CURRENCIES)
    scale = rng.choice(SCALES)
    amount = f"{rng.randint(1, 99)}.{rng.randint(1, 9)}" if scale else _fmt_int(
        rng.randint(10, 90000), rng)
    return f"{sym}{amount}{scale}{word}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _sentence(rng: random.Random, filler_share: float = FILLER_SHARE) -> str:
    """One news sentence. With the default ``filler_share`` about 43% carry checkable figures
    or names and the rest are plain words, which puts the claim density near the demo
    story's (one claim per 80-100 bytes); ``filler_share=0`` gives mostly figures."""
    if filler_share and rng.random() < filler_share:
        return rng.choice(FILLER)
    r = rng.randrange(14)
    subj, pred = rng.choice(EVENTS)
    place = rng.choice(PLACES)
    if r == 0:
        return _cap(f"{rng.choice(HEDGES)}{_fmt_int(_num(rng), rng)} {subj} {pred} in {place} "
                    f"{_date(rng)}, {rng.choice(ROLES[:4])}s {rng.choice(SAID)}.")
    if r == 1:
        return (f"{rng.choice(TITLED_ROLES)} {_person(rng)} {rng.choice(SAID)} that "
                f"{rng.choice(HEDGES)}{_num(rng)} {subj} {pred}.")
    if r == 2:
        return (f"The {rng.choice(ROLES)}, {_person(rng)}, said the repairs would cost "
                f"{rng.choice(HEDGES)}{_money(rng)}.")
    if r == 3:
        return (f"Unemployment in {place} rose to {rng.randint(2, 30)}.{rng.randint(0, 9)}% "
                f"{_date(rng)}, up from {rng.randint(2, 30)} percent a year earlier.")
    if r == 4:
        return (f"A {rng.randint(16, 90)}-year-old man and a woman aged {rng.randint(16, 90)} "
                f"were among those {pred.split(' ', 1)[1]}.")
    if r == 5:
        return (f"{rng.choice(NUMBER_WORDS).capitalize()} {subj} {pred} after the storm hit "
                f"the coast {_date(rng)}.")
    if r == 6:
        return (f"Rescue teams worked for {rng.choice(HEDGES)}{rng.randint(2, 72)} "
                f"{rng.choice(DURATION_UNITS)} to reach the site, the {rng.choice(ROLES)} "
                f"{rng.choice(SAID)}.")
    if r == 7:
        lo = rng.randint(2, 50)
        return (f"Between {lo} and {lo + rng.randint(1, 40)} {subj} {pred}, according to "
                f"{_person(rng)}, the {rng.choice(ROLES)}.")
    if r == 8:
        return (f'"We counted {_num(rng)} {subj} by midnight," {_person(rng)} '
                f"{rng.choice(SAID)}.")
    if r == 9:
        return (f"The fund raised {_money(rng)} in {rng.randint(2, 20)} days, "
                f"{rng.randint(5, 95)}% of it from small donors.")
    if r == 10:
        return (f"The {rng.randint(3, 400)}-kilometre pipeline carries {_num(rng)} tonnes "
                f"a day and employs {_fmt_int(_num(rng, 20, 20000), rng)} workers.")
    if r == 11:
        return (f"Inflation reached {rng.randint(1, 12)}.{rng.randint(0, 9)} per cent in "
                f"{rng.choice(MONTHS)} {rng.randint(2015, 2025)}.")
    return rng.choice(FILLER)


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def news_text(size: int, seed: int = 1) -> str:
    """About ``size`` bytes (UTF-8) of article-like paragraphs, separated by blank lines."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.08:
            p = f"# {rng.choice(PLACES)}: {rng.choice(EVENTS)[0]} {rng.choice(EVENTS)[1]}"
        else:
            p = _paragraph(rng)
        parts.append(p)
        total += len(p.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def articles(size: int, seed: int = 1, article_bytes: int = 5000) -> list[str]:
    """``news_text(size)`` cut into articles of about ``article_bytes`` at paragraph ends."""
    out: list[str] = []
    cur: list[str] = []
    n = 0
    for para in news_text(size, seed).split("\n\n"):
        cur.append(para)
        n += len(para) + 2
        if n >= article_bytes:
            out.append("\n\n".join(cur).rstrip() + "\n")
            cur, n = [], 0
    if cur:
        out.append("\n\n".join(cur).rstrip() + "\n")
    return out


# --- a story: a draft and its sources ------------------------------------------------------


@dataclass
class Fact:
    """One checkable fact of the event, told in a sentence with ``{v}`` for the figure."""

    kind: str
    value: int
    templates: tuple[str, ...]
    extra: dict[str, str] = field(default_factory=dict)


def _facts(rng: random.Random, n: int) -> list[Fact]:
    facts: list[Fact] = []
    used: set[tuple[str, str]] = set()
    while len(facts) < n:
        subj, pred = rng.choice(EVENTS)
        if (subj, pred) in used and len(used) < len(EVENTS):
            continue
        used.add((subj, pred))
        place = rng.choice(PLACES)
        facts.append(Fact("count", _num(rng, 3, 3000), (
            f"{{h}}{{v}} {subj} {pred} in {place}, officials said.",
            f"Officials said {{h}}{{v}} {subj} {pred}.",
            f"In {place}, {{h}}{{v}} {subj} {pred} according to the authorities.",
        )))
        if len(facts) < n and rng.random() < 0.3:
            role, name = rng.choice(ROLES), _person(rng)
            facts.append(Fact("person", 0, (
                f"{name}, the {role}, said the operation was a success.",
                f"The {role}, {name}, described the operation as a success.",
            ), {"name": name, "role": role}))
        if len(facts) < n and rng.random() < 0.2:
            what = rng.choice(("damage", "rebuilding", "compensation", "clean-up", "fine"))
            facts.append(Fact("money", rng.randint(2, 90), (
                f"The {what} was estimated at {{h}}${{v}} million.",
                f"Insurers put the {what} bill at {{h}}{{v}} million dollars.",
            )))
        if len(facts) < n and rng.random() < 0.15:
            facts.append(Fact("age", rng.randint(18, 80), (
                "The suspect, a {v}-year-old man, was arrested at his home.",
                "Police arrested a man aged {v} at his home.",
            )))
    return facts


def _misspell(name: str, rng: random.Random) -> str:
    first, last = name.split(" ", 1)
    i = rng.randrange(1, len(last))
    return f"{first} {last[:i]}{last[i] * 2}{last[i + 1:]}"


def _tell(fact: Fact, rng: random.Random, *, variant: bool) -> str:
    """The fact as a sentence; in a source (``variant``) the figure may be hedged, rounded,
    spelt differently or simply different, and the wording changes."""
    template = rng.choice(fact.templates[1:] or fact.templates) if variant else fact.templates[0]
    if fact.kind == "person":
        name = fact.extra["name"]
        if variant and rng.random() < 0.1:
            name = _misspell(name, rng)
        return template.replace(fact.extra["name"], name)
    v, hedge = fact.value, ""
    if variant:
        r = rng.random()
        if r < 0.15:
            v = max(1, v + rng.choice((-1, 1)) * rng.randint(1, max(1, v // 4)))
        elif r < 0.3:
            hedge = rng.choice(("about ", "more than ", "nearly ", "some ", "at least "))
            if v > 20:
                v = round(v, -1)
    shown = _fmt_int(v, rng) if fact.kind != "age" else str(v)
    return _cap(template.replace("{h}", hedge).replace("{v}", shown))


def _pad(sentences: list[str], words: int, rng: random.Random) -> str:
    """Sentences, plus filler until about ``words`` words, in paragraphs of 2-4 sentences."""
    out = list(sentences)
    count = sum(len(s.split()) for s in out)
    while count < words:
        s = rng.choice(FILLER) if rng.random() < 0.7 else _sentence(rng)
        out.insert(rng.randrange(len(out) + 1), s)
        count += len(s.split())
    paras: list[str] = []
    i = 0
    while i < len(out):
        k = rng.randint(2, 4)
        paras.append(" ".join(out[i:i + k]))
        i += k
    return "\n\n".join(paras) + "\n"


def story(
    n_sources: int, seed: int = 7, draft_words: int = 1000, n_facts: int = 40
) -> tuple[str, list[str]]:
    """A draft of about ``draft_words`` words and ``n_sources`` reports of the same event.

    Each source (300-500 words) tells 40-70% of the draft's facts in other words and order;
    most figures are the same, some hedged or rounded, some different, some names misspelt.
    """
    rng = random.Random(seed)
    facts = _facts(rng, n_facts)
    title = f"# {rng.choice(PLACES)}: {rng.choice(EVENTS)[0]} {rng.choice(EVENTS)[1]}\n\n"
    draft = title + _pad([_tell(f, rng, variant=False) for f in facts], draft_words, rng)
    sources: list[str] = []
    for k in range(n_sources):
        srng = random.Random(seed * 100_003 + k)
        chosen = [f for f in facts if srng.random() < srng.uniform(0.4, 0.7)]
        srng.shuffle(chosen)
        target = srng.randint(300, 500)
        told: list[str] = []
        count = 0
        for f in chosen:
            s = _tell(f, srng, variant=True)
            if count + len(s.split()) > target * 0.8:
                break
            told.append(s)
            count += len(s.split())
        sources.append(_pad(told, target, srng))
    return draft, sources


# --- a data-heavy story: many distinct figures -----------------------------------------------

DEPARTMENTS = (
    "health", "education", "transport", "housing", "police", "culture", "sport", "water",
    "roads", "parks", "libraries", "social care", "fire service", "waste", "energy", "ports",
)
PARTIES = ("Greens", "Liberals", "Social Democrats", "Conservatives", "Independents", "Left Alliance")
_WARD_HEADS = ("Ash", "Bel", "Cor", "Dun", "El", "Fen", "Gar", "Hol", "Ing", "Kel", "Lan", "Mor",
               "Nor", "Oak", "Pen", "Rad", "Sal", "Tor", "Ux", "Wes")
_WARD_MIDS = ("", "er", "en", "by", "ing")
_WARD_TAILS = ("ford", "ton", "wick", "ley", "bury", "field", "mouth", "ham", "stead", "worth")
WARDS = tuple(h + m + t for m in _WARD_MIDS for h in _WARD_HEADS for t in _WARD_TAILS)  # 1,000 names


def figures(n: int, seed: int = 11) -> tuple[str, str]:
    """A draft and one source that each give ``n`` distinct figures, as a budget or election
    results story does: vote counts, turnouts and budget lines of numbered wards and
    departments, every value different. The source gives the same facts in another order and
    other words; one in ten of its figures differs, one in ten is hedged."""
    if n > len(WARDS):
        raise ValueError(f"at most {len(WARDS)} figures")
    rng = random.Random(seed)
    counts = rng.sample(range(1_000, 1_000 + 40 * n), n)
    facts: list[tuple[str, str]] = []  # (draft sentence, source sentence)
    for i in range(n):
        ward = WARDS[i % len(WARDS)]
        r = i % 3
        v = counts[i]
        w = v + rng.randint(1, 50) if rng.random() < 0.1 else v
        hedge = "about " if rng.random() < 0.1 else ""
        if r == 0:
            party = rng.choice(PARTIES)
            facts.append((f"In {ward}, the {party} won {v:,} votes.",
                          f"The {party} took {hedge}{w:,} votes in {ward}."))
        elif r == 1:
            dept = rng.choice(DEPARTMENTS)
            m = f"{v / 100:.1f}"
            mw = f"{w / 100:.1f}"
            facts.append((f"The {dept} budget of {ward} was set at €{m} million.",
                          f"Councillors gave the {dept} department of {ward} {hedge}€{mw} million."))
        else:
            subj, pred = rng.choice(EVENTS)
            facts.append((f"In {ward}, {v:,} {subj} {pred}.",
                          f"Officials in {ward} said {hedge}{w:,} {subj} {pred}."))
    draft = [d for d, _ in facts]
    source = [s for _, s in facts]
    rng.shuffle(source)

    def paras(sents: list[str]) -> str:
        return "\n\n".join(" ".join(sents[i:i + 4]) for i in range(0, len(sents), 4)) + "\n"

    return "# Results, ward by ward\n\n" + paras(draft), paras(source)


if __name__ == "__main__":  # a look at what it makes
    d, srcs = story(2)
    print(d)
    print("-" * 60)
    print(srcs[0])
    print("-" * 60)
    print(news_text(1500))
