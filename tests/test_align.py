"""Each alignment signal, through check() on small texts written for the purpose."""

from __future__ import annotations

import pytest

from factcheck.evidence import Evidence
from factcheck.models import CheckedClaim, Claim, Document, Finding, Report
from factcheck.pipeline import check


def run(draft: str, *sources: tuple[str, str]) -> Report:
    docs = [Document(id=f"s{k}", text=t, lang=lang) for k, (t, lang) in enumerate(sources)]
    return check(Document(id="draft", text=draft), docs)


def claim(report: Report, text: str) -> CheckedClaim:
    for c in report.claims:
        if c.claim.text.startswith(text):
            return c
    raise AssertionError(f"no claim {text!r} in {[c.claim.text for c in report.claims]}")


def finding(c: CheckedClaim, source: str = "s0") -> Finding | None:
    found = [f for f in c.findings if f.source == source]
    return found[0] if found else None


def test_synonyms_of_what_is_counted_align() -> None:
    r = run(
        "Some 300 police officers took part in the raids.", ("Three hundred gendarmes took part in the raids.", "en")
    )
    f = finding(claim(r, "Some 300"))
    assert f is not None and f.verdict == "agrees" and f.text == "Three hundred gendarmes"


def test_what_happened_must_match_not_the_value() -> None:
    r = run(
        "Of the suspects, six people have been remanded in custody.",
        ("Six other people were detained. One was remanded in custody.", "en"),
    )
    f = finding(claim(r, "six people"))
    assert f is not None and f.verdict == "conflicts" and f.value == 1


def test_different_things_counted_do_not_align() -> None:
    r = run("Police seized 24 weapons.", ("Police arrested 30 people.", "en"))
    assert finding(claim(r, "24 weapons")) is None


def test_concepts_cross_languages() -> None:
    r = run(
        "Police arrested 14 people and seized eight 3D printers.",
        ("Les gendarmes ont interpellé quatorze personnes et saisi huit imprimantes 3D.", "fr"),
    )
    assert finding(claim(r, "14 people")).verdict == "agrees"  # type: ignore[union-attr]
    assert finding(claim(r, "eight 3D printers")).text.startswith("huit imprimantes")  # type: ignore[union-attr]


def test_a_place_the_source_never_names_keeps_a_subset_apart() -> None:
    r = run(
        "At least 49 people fell ill. In Colorado, 27 cases have been reported.",
        ("At least 49 people fell ill, health officials said.", "en"),
    )
    assert finding(claim(r, "27 cases")) is None
    assert finding(claim(r, "At least 49")).verdict == "agrees"  # type: ignore[union-attr]


def test_a_figure_repeated_by_the_source_is_one_fact() -> None:
    r = run(
        "Police arrested 746 suspects. The Met arrested 132 suspects.",
        ("Police arrested 746 suspects. In all, 746 suspects were arrested.", "en"),
    )
    assert finding(claim(r, "746")).verdict == "agrees"  # type: ignore[union-attr]
    assert finding(claim(r, "132")) is None


def test_an_article_only_supports_a_one() -> None:
    r = run("One child was hospitalized.", ("A child was hospitalized with kidney failure.", "en"))
    assert finding(claim(r, "One child")).verdict == "agrees"  # type: ignore[union-attr]
    r = run("Two children were hospitalized.", ("A child was hospitalized with kidney failure.", "en"))
    assert finding(claim(r, "Two children")) is None


def test_people_align_by_surname_and_role() -> None:
    r = run(
        "Marseille prosecutor Nicolas Bessone spoke on Monday.",
        ("The Marseille prosecutor, Eric Bessonne, spoke on Monday.", "en"),
    )
    f = finding(claim(r, "Nicolas Bessone"))
    assert f is not None and f.verdict == "conflicts" and f.value == "Eric Bessonne"


@pytest.mark.parametrize(
    ("draft_name", "source_name"),
    [
        pytest.param("Mikkel Østergaard", "Mikkel Ostergaard", id="o-stroke"),
        pytest.param("Agnieszka Łukasiewicz", "Agnieszka Lukasiewicz", id="l-stroke"),
        pytest.param("Goran Đurić", "Goran Duric", id="d-stroke"),
        pytest.param("Ingrid Sæther", "Ingrid Saether", id="ae-ligature"),
        pytest.param("Jürgen Weißmann", "Jurgen Weissmann", id="sharp-s"),
        pytest.param("Guðrún Þórsdóttir", "Gudrun Thorsdottir", id="eth-thorn"),
    ],
)
def test_a_letter_with_no_accent_to_strip_is_the_same_name_in_ascii(draft_name: str, source_name: str) -> None:
    r = run(f"The winner, {draft_name}, spoke on Monday.", (f"The winner, {source_name}, spoke on Monday.", "en"))
    f = finding(claim(r, draft_name))
    assert f is not None and f.verdict == "agrees", f


def test_people_with_other_names_do_not_align() -> None:
    r = run("Colonel Hervé Pétry spoke.", ("Mayor Anne Dupont spoke.", "en"))
    assert finding(claim(r, "Hervé Pétry")) is None


def test_dates_align_on_the_weekday() -> None:
    r = run(
        "The prosecutor announced the arrests on Monday.",
        ("Le procureur a annoncé les interpellations ce lundi.", "fr"),
    )
    assert finding(claim(r, "Monday")).verdict == "agrees"  # type: ignore[union-attr]


def test_the_draft_against_itself() -> None:
    r = run(
        "Police arrested 14 people in the raids on Tuesday.\n\nLater, officials confirmed that "
        "police arrested 15 people in the raids on Tuesday.",
    )
    f = finding(claim(r, "14 people"), "draft")
    assert f is not None and f.verdict == "conflicts" and f.value == 15


def test_a_draft_that_repeats_itself_still_meets_its_contradiction() -> None:
    first = "Police arrested 14 people in the raids on Tuesday."
    later = "Officials confirmed that police arrested 15 people in the raids on Tuesday."
    text = "\n\n".join([first] * 3 + [later] + [first] * 2)
    r = check(Document(id="draft", text=text), [])
    fourteens = [c for c in r.claims if c.claim.text == "14 people"]
    assert len(fourteens) == 5
    # the three sayings before the 15 meet it; the two after it have no later contradiction
    found = [next((f for f in c.findings if f.source == "draft"), None) for c in fourteens]
    assert [f is not None and f.value == 15 for f in found] == [True, True, True, False, False]


def test_one_source_figure_serves_one_fact() -> None:
    r = run(
        "Police arrested 14 people. Police arrested 20 people in Lyon.",
        ("Police arrested 14 people.", "en"),
    )
    assert finding(claim(r, "14 people")).verdict == "agrees"  # type: ignore[union-attr]
    assert finding(claim(r, "20 people")) is None


def test_a_part_with_a_verb_of_its_own_counts_what_happened_to_it() -> None:
    r = run(
        "Eight people were charged on Wednesday.",
        ("Vingt personnes ont été interpellées mardi, dont huit ont été inculpées.", "fr"),
        ("Twelve people were detained, including five who were later charged.", "en"),
    )
    c = claim(r, "Eight people")
    fr, en = finding(c, "s0"), finding(c, "s1")
    assert fr is not None and fr.verdict == "agrees" and fr.text == "huit"
    assert en is not None and en.verdict in ("conflicts", "unclear") and en.value == 5


def test_a_place_next_to_an_age_does_not_keep_it_apart() -> None:
    r = run(
        "Police said the convoy was led by a 58-year-old man from Grenoble who had fled abroad.",
        ("Le chef du convoi, un homme de 58 ans, a quitté le pays.", "fr"),
    )
    f = finding(claim(r, "58-year-old"))
    assert f is not None and f.verdict == "agrees" and f.text == "58 ans"


def test_a_source_current_figure_is_preferred_to_its_earlier_one() -> None:
    r = run(
        "At least nine people were killed in the collision.",
        ("Le bilan s'est alourdi à 17 morts. Un bilan précédent faisait état de neuf morts.", "fr"),
        ("Nine people were killed, officials said.", "en"),  # no later figure: it still agrees
    )
    c = claim(r, "At least nine")
    fr, en = finding(c, "s0"), finding(c, "s1")
    assert fr is not None and fr.verdict == "conflicts" and fr.value == 17
    assert en is not None and en.verdict == "agrees"
    only_earlier = run("Nine people were killed.", ("An earlier toll said nine people had died.", "en"))
    f = finding(claim(only_earlier, "Nine people"))
    assert f is not None and f.verdict == "agrees" and "earlier report" in f.why


def test_a_date_goes_with_the_event_next_to_it() -> None:
    r = run(
        "Nine people died when the ferry sank off the island on Saturday evening, the coastguard said.",
        ("The death toll from the sinking rose to nine on Sunday, up from six, the coastguard said.\n\n"
         "The ferry overturned on Saturday evening a few miles from the island.", "en"),
    )
    f = finding(claim(r, "Saturday"))
    assert f is not None and f.verdict == "agrees" and (f.text or "").startswith("Saturday")


def test_counts_joined_by_and_add_up_to_a_total() -> None:
    r = run(
        "The flood killed nine people at the campsite.",
        ("The flood swept through a campsite in which six children and three adults drowned.", "en"),
    )
    f = finding(claim(r, "nine people"))
    assert f is not None and f.verdict == "agrees" and f.text == "six children and three adults"


def test_counts_joined_by_and_add_up_only_when_the_same_thing_happened() -> None:
    r = run(
        "The storm left 42 people dead or injured.",
        ("The storm left 12 people dead and 30 injured.", "en"),
    )
    f = finding(claim(r, "42 people"))
    assert f is None or f.verdict != "agrees"


def test_a_source_precise_figure_wins_over_its_vague_headline() -> None:
    r = run(
        "A bus left the road on Friday near Tulle, leaving two dead and about 20 injured.",
        (
            "Bus crash near Tulle: two dead, dozens injured\n\n"
            "A coach carrying pensioners left the road on Friday. Mr Lafon, the prefect, said 37 "
            "people were injured, four of them seriously.",
            "en",
        ),
    )
    f = finding(claim(r, "about 20 injured"))
    assert f is not None and f.verdict == "conflicts" and f.value == 37
    assert 'the source also says "dozens injured"' in f.why  # both sayings shown


def test_a_name_that_only_says_who_spoke_does_not_set_a_figure_apart() -> None:
    r = run(
        "Floods in the Var killed 11 people, the prefecture said.",
        (
            "The floods killed 13 people, Commander Kowalczyk added on Monday. The Var was the worst "
            "hit of the southern departments after days of rain.",
            "en",
        ),
    )
    f = finding(claim(r, "11 people"))
    assert f is not None and f.verdict == "conflicts" and "different place or name" not in f.why


def test_a_named_part_is_no_count_of_the_whole() -> None:
    r = run(
        "Eleven people died in the blaze, four of them children.",
        ("The fire killed 11 people. A similar fire last year killed 30 people, six of them firefighters.", "en"),
    )
    f = finding(claim(r, "four of them"))
    assert f is None or f.verdict != "conflicts"


def test_a_fact_the_draft_tells_twice_in_other_words_meets_the_same_source_figure() -> None:
    r = run(
        "A tram left the rails in Grenoble, leaving about 30 injured. Later the mayor said 25 to 30 "
        "people were injured in the derailment.",
        ("The derailment in Grenoble injured 54 people, the mayor said.", "en"),
    )
    for text in ("about 30", "25 to 30"):
        f = finding(claim(r, text))
        assert f is not None and f.verdict == "conflicts" and f.value == 54, text


def test_a_name_in_a_clause_of_its_own_does_not_scope_the_figure() -> None:
    r = run(
        "The bus was carrying 52 passengers when it overturned near Lac Vert.",
        ("About 40 passengers were on the bus, the operator said.", "en"),
    )
    f = finding(claim(r, "52 passengers"))
    assert f is not None and f.verdict == "conflicts"


def test_durations_meet_across_languages_by_what_lasted() -> None:
    r = run(
        "The bridge will stay closed for three weeks. The search lasted 11 hours.",
        ("Le pont restera fermé pendant quatre semaines. Les recherches ont duré 11 heures.", "fr"),
    )
    closed, search = finding(claim(r, "three weeks")), finding(claim(r, "11 hours"))
    assert closed is not None and closed.verdict == "conflicts" and closed.text == "quatre semaines"
    assert search is not None and search.verdict == "agrees"


def test_another_day_in_a_like_sentence_is_no_flag() -> None:
    # a forecast of one day and the landfall of another: a weak match is not reported
    r = run(
        "The storm hit the coast on Saturday, forecasters said.",
        ("Forecasters said the storm would reach the coast by Friday.", "en"),
    )
    f = finding(claim(r, "Saturday"))
    assert f is None or f.verdict != "unclear"


def test_weak_evidence_does_not_flag_figures_orders_of_magnitude_apart() -> None:
    from factcheck.align import UNCLEAR_AT, _judge
    from factcheck.extract import extract_claims

    def first(text: str) -> Claim:
        return extract_claims(Document(id="x", text=text))[0]

    draft = first("One million people protested across the country.")
    weak = UNCLEAR_AT + 0.03  # some evidence, short of a conflict's bar
    far = first("Around a hundred masked youths protested near the station.")
    near = first("Some 600,000 people protested, the unions said.")
    assert _judge(draft, far, weak, Evidence(actions=("protested",))) is None
    got = _judge(draft, near, weak, Evidence(actions=("protested",)))
    assert got is not None and got.verdict == "unclear"


def test_a_part_is_no_conflict_with_the_whole_it_is_taken_from() -> None:
    r = run(
        "Eight of the dead were found on the top floor of the building.",
        ("The fire in the building killed 19 people, officials said.", "en"),
    )
    f = finding(claim(r, "Eight of the dead"))
    assert f is None or f.verdict != "conflicts"


def test_a_part_named_by_a_trait_still_meets_the_same_subgroup() -> None:
    r = run(
        "The fire killed 17 people, eight of them children.",
        ("Seventeen people died in the fire. Nine children died, the fire service said.", "en"),
    )
    f = finding(claim(r, "eight of them"))
    assert f is not None and f.verdict == "conflicts" and f.value == 9


def test_sums_in_two_currencies_no_conversion_joins_need_strong_evidence() -> None:
    from factcheck.align import CONFLICT_AT, UNCLEAR_AT, _judge
    from factcheck.extract import extract_claims

    def first(text: str) -> Claim:
        return extract_claims(Document(id="x", text=text))[0]

    dollars = first("The group booked a $71 million profit.")
    euros = first("It had forecast a profit of 37 million euros.")
    assert _judge(dollars, euros, UNCLEAR_AT + 0.03, Evidence(actions=("earned",))) is None
    got = _judge(dollars, euros, CONFLICT_AT + 0.1, Evidence(actions=("earned",)))
    assert got is not None and got.verdict == "unclear"


def test_the_authorities_count_meets_the_authorities_count_not_the_organisers() -> None:
    draft = (
        "About 15,000 people marched in Lyon on Sunday, according to the prefecture, "
        "while the unions claimed 40,000."
    )
    r = run(draft, ("The unions said 45,000 people joined the Lyon march on Sunday; the prefecture put the "
                    "figure at 15,000.", "en"))
    prefecture, unions = finding(claim(r, "About 15,000")), finding(claim(r, "40,000"))
    assert prefecture is not None and prefecture.verdict == "agrees" and prefecture.value == 15000
    assert unions is not None and unions.verdict == "conflicts" and unions.value == 45000
    assert "organisers" in unions.why


def test_the_very_same_uncommon_rate_outweighs_a_shared_verb() -> None:
    draft = "The brewer made a net profit of €640 million, up 14% on a year earlier."
    source = (
        "Le brasseur a dégagé un bénéfice net de 640 millions d'euros, en hausse de 14 %. "
        "L'action a gagné 6,5 % mardi."
    )
    f = finding(claim(run(draft, (source, "fr")), "14%"))
    assert f is not None and f.verdict == "agrees" and f.text == "14 %"


def test_a_speaker_in_apposition_does_not_set_a_figure_apart() -> None:
    r = run(
        "The mayor, Odile Ferrand, said 35 people had been injured.",
        ("Forty-six people were hurt in the crash in Saint-Avold, the prefecture said.", "en"),
    )
    f = finding(claim(r, "35 people"))
    assert f is not None and f.verdict == "conflicts" and "different place or name" not in f.why


def test_a_french_report_is_read_next_to_an_english_draft_by_its_glossed_words() -> None:
    """With no subject either side names in the lexicon, the words around the figures,
    glossed into English, say the two measures are the same fact."""
    draft = Document(id="draft", text="The river rose 4.2 metres above its normal level on Tuesday.", lang="en")
    source = Document(id="fr", text="La rivière est montée à 4,20 mètres au-dessus de son niveau habituel.", lang="fr")
    (claim,) = [c for c in check(draft, [source]).claims if c.claim.kind == "quantity"]
    assert [(f.source, f.verdict) for f in claim.findings] == [("fr", "agrees")]


def test_a_figure_of_an_earlier_event_does_not_conflict_with_the_draft() -> None:
    draft = Document(id="draft", text="The dockers' strike has lasted 12 days, the union said.", lang="en")
    source = Document(
        id="radio",
        text="The dockers' strike goes on. Last year's strike lasted five days, the union said.",
        lang="en",
    )
    (claim,) = check(draft, [source]).claims
    assert [f.verdict for f in claim.findings if f.source == "radio"] in ([], ["absent"])


def test_the_only_figure_of_a_subject_in_both_texts_is_the_same_fact() -> None:
    """Containers are counted once in the draft and once in the French report: with little
    else in common, that alone makes the two figures one fact, here in conflict."""
    draft = Document(
        id="draft", text="The strike has left some 21,000 containers stranded. Police made nine arrests.", lang="en"
    )
    source = Document(
        id="fr", text="Près de 12 000 conteneurs attendent toujours. Neuf personnes ont été interpellées.", lang="fr"
    )
    (claim,) = [c for c in check(draft, [source]).claims if "containers" in c.claim.text]
    assert [(f.source, f.verdict) for f in claim.findings] == [("fr", "conflicts")]


@pytest.mark.parametrize(("french", "verdict"), [("55 hectares", "conflicts"), ("40 hectares", "agrees")])
def test_a_french_measure_of_the_same_thing_meets_the_english_one(french: str, verdict: str) -> None:
    draft = Document(id="draft", text="The fire destroyed 40 hectares of forest near the village, the mayor said.")
    text = f"Selon le maire, les flammes ont détruit {french} de forêt près du village."
    source = Document(id="fr", text=text, lang="fr")
    (claim,) = check(draft, [source]).claims
    assert [(f.source, f.verdict) for f in claim.findings] == [("fr", verdict)]


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # another defendant's fine: not the draft's figure
        ("Sandrine Mollet, his former sales director, was fined €50,000 on Tuesday.", None),
        # the same person, misspelt: still the same fact
        ("Thierry Valandre, who founded the firm, was fined €50,000 on Tuesday.", "conflicts"),
    ],
)
def test_a_figure_said_of_another_named_person_is_another_fact(source: str, verdict: str | None) -> None:
    draft = Document(id="draft", text="Thierry Vallandre, who founded the firm, was fined €300,000 on Tuesday.")
    report = check(draft, [Document(id="src", text=source)])
    (money,) = [c for c in report.claims if c.claim.kind == "money"]
    assert [f.verdict for f in money.findings if f.source == "src"] == ([verdict] if verdict else [])


def test_figures_of_two_sentences_that_meet_are_compared() -> None:
    """The ships link the two sentences; the length of the strike beside them, with little
    else to go on, is then worth a flag."""
    text = "A dockers' strike at the port has now lasted 12 days, leaving 33 ships waiting at anchor offshore."
    draft = Document(id="draft", text=text)
    source = Document(
        id="src",
        text="Dockers pressed ahead on Wednesday with a 10-day strike over pay, leaving 33 ships waiting offshore.",
    )
    (days,) = [c for c in check(draft, [source]).claims if c.claim.kind == "duration"]
    assert [(f.source, f.verdict) for f in days.findings] == [("src", "unclear")]


@pytest.mark.parametrize(
    ("draft", "source", "figure", "verdict"),
    [
        # a measure's bare word on one side only says little: the unit says what is measured
        (
            "The probe reached orbit on Monday, ending a long journey of some 380 million kilometres.",
            "The probe reached orbit on Monday after a journey of some 350 million km, the agency said.",
            "some 380 million kilometres", "conflicts",
        ),
        (
            "The survey will map an area of some 90,000 square kilometres over the next year.",
            "The survey will map a 90,000 sq km region over the next year, officials said.",
            "some 90,000 square kilometres", "agrees",
        ),
        (
            "Most of the patients lived within a 2-kilometre radius of the plant, the doctor said.",
            "Most of the patients lived within a radius of 3 km, the cantonal doctor said.",
            "2-kilometre", "conflicts",
        ),
    ],
    ids=["bare-word-one-side", "known-and-bare-nouns", "radius-of"],
)
def test_measures_meet_by_their_unit(draft: str, source: str, figure: str, verdict: str) -> None:
    f = finding(claim(run(draft, (source, "en")), figure))
    assert f is not None and f.verdict == verdict, f


@pytest.mark.parametrize(
    ("draft", "source", "lang", "figure", "verdict"),
    [
        # survivors are people rescued: the same count in other words
        (
            "By Tuesday evening the coastguard counted seven survivors on the lake shore.",
            "Nine people have been rescued so far, the coastguard said on Tuesday.", "en",
            "seven survivors", "conflicts",
        ),
        (
            "By Tuesday evening the coastguard counted seven survivors on the lake shore.",
            "Sept personnes ont été secourues mardi soir, selon les garde-côtes.", "fr",
            "seven survivors", "agrees",
        ),
    ],
    ids=["survivors-rescued", "fr-survivors-secourues"],
)
def test_survivors_are_the_rescued(draft: str, source: str, lang: str, figure: str, verdict: str) -> None:
    f = finding(claim(run(draft, (source, lang)), figure))
    assert f is not None and f.verdict == verdict, f


def test_a_name_before_the_relative_pronoun_is_the_main_clause_s() -> None:
    # "the Brannock unit" says who joined, not which farms were searched: a source that never
    # names it still meets the figure
    r = run(
        "The Brannock customs team joined a sweep that targeted 40 farms and depots.",
        ("Investigators raided 45 farms in three provinces at dawn.", "en"),
    )
    f = finding(claim(r, "40 farms"))
    assert f is not None and f.verdict == "conflicts", f
