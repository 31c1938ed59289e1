"""What a figure counts (its subject) and what happened to it (its actions).

A figure without an action word of its own borrows the previous figure's only when it has no
predicate of its own; a number glued to letters ("3D", "4x4") modifies the head noun."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims
from factcheck.extract.lexicon import concepts, english, stem_actions, stem_matches
from factcheck.models import Document

CASES = {
    # a rate's own noun says what it measures: no protest in a vote's turnout, no sale in a cost
    "en-turnout-is-no-protest": ("Turnout reached 61% in the second round.", "en", "61%", ("turnout",)),
    "en-participation-is-turnout": (
        "Participation stood at 61 percent in the first round.", "en", "61 percent", ("turnout",),
    ),
    # time given to do something: a deadline, in any of its forms
    "en-months-to-comply": ("The council has been given nine months to comply.", "en", "nine months", ("allowed",)),
    "en-months-to-quoted": ('The firm has eight weeks to "halt" the project.', "en", "eight weeks", ("allowed",)),
    "en-grace-period": ("It was granted a three-month grace period.", "en", "three-month", ("allowed",)),
    "fr-mois-pour": ("La mairie dispose de neuf mois pour se conformer.", "fr", "neuf mois", ("allowed",)),
    "fr-delai-de": ("Un délai de quatre mois lui est accordé.", "fr", "quatre mois", ("allowed",)),
    "es-meses-para": ("La empresa tiene seis meses para cumplir.", "es", "seis meses", ("allowed",)),
    "en-range-to-is-no-deadline": ("He faces two to 12 years in prison.", "en", "two to 12 years", ("sentenced",)),
    "en-to-a-year-is-no-deadline": ("Repairs took from three months to a year.", "en", "three months to a year", ()),
    # an election's two counts of voters: who could vote, who did
    "en-eligible-voters": (
        "Some 6.1 million eligible voters may take part.", "en", "Some 6.1 million eligible voters", ("registered",),
    ),
    "fr-inscrits": (
        "Environ 5 millions d'électeurs étaient appelés aux urnes.", "fr", "Environ 5 millions d'électeurs",
        ("registered",),
    ),
    "en-cast-a-ballot": ("About 3.2 million voters cast a ballot.", "en", "About 3.2 million voters", ("voted",)),
    # an irregular past right after the figure is its verb, not its noun
    "en-figure-cast-a-ballot": ("Of the 900 members, 812 cast a ballot.", "en", "812", ("voted",)),
    "fr-ayant-vote": ("Parmi les 1 041 membres ayant voté, une majorité a approuvé l'accord.", "fr", "1 041 membres",
                      ("voted",)),
    # one catches a disease, one signs a contract
    "en-contracted-the-disease": ("Some 40 people contracted the disease at the spa.", "en", "Some 40 people",
                                  ("sickened",)),
    "en-contract-is-no-illness": ("The 800 workers rejected the contract.", "en", "800 workers", ("leased",)),
    "fr-participation-no-protest": ("La participation a atteint 61 % au second tour.", "fr", "61 %", ("turnout",)),
    "en-cost-is-spent": ("Repairs are expected to cost £4.2m, the council said.", "en", "£4.2m", ("spent",)),
    "en-costs-are-spent": ("The new bridge will cost $85 million.", "en", "$85 million", ("spent",)),
    "fr-cout-is-spent": ("Les travaux devraient coûter 3 millions d'euros.", "fr", "3 millions d'euros", ("spent",)),
    # a hyphenated modifier after a glued figure ("3D-printed") comes before what is counted
    "en-3d-printed-counts-weapons": (
        "Officers seized nine complete 3D-printed guns.", "en", "nine complete 3D-printed guns", ("seized",),
    ),
    # elliptical: "and 30 others [were arrested] in Lyon"
    "en-ellipsis-borrows": (
        "Police arrested 12 people on Monday, and 30 others in Lyon.", "en", "30 others", ("arrested",),
    ),
    "fr-ellipsis-borrows": ("Quinze personnes ont été tuées et 54 autres à Lyon.", "fr", "54 autres", ("killed",)),
    "en-further-borrows": ("Police arrested 12 people on Monday, and a further 30 in Lyon.", "en", "30", ("arrested",)),
    # a verb of its own before the figure, even one the lexicon does not name, borrows nothing
    "en-own-verb-before": (
        "The group sold 400 vans last year and plans to hire 250 engineers.", "en", "250 engineers", (),
    ),
    # a predicate of its own, even one the lexicon does not name, borrows nothing
    "en-own-predicate": ("Fifteen people were killed and 54 others were allowed to leave.", "en", "54 others", ()),
    "fr-own-predicate": (
        "Quinze personnes ont été tuées et 54 autres ont été autorisées à partir.", "fr", "54 autres", (),
    ),
    # an action said only of people is not said of a known thing's figure
    "en-rate-cut-lays-off-nobody": (
        "The bank cut its key interest rate by 50 basis points.", "en", "50 basis points", (),
    ),
    "en-jobs-cut-laid-off": ("The firm will cut 300 jobs.", "en", "300 jobs", ("laid_off",)),
    # ... and so does a perfect, future or modal auxiliary before a verb the lexicon does not name
    "en-own-perfect": ("Police arrested 12 men on Monday, and 40 others have gone into hiding.", "en", "40 others", ()),
    "en-own-pluperfect": (
        "Ships were diverted to other ports, and more than 30,000 containers had piled up.", "en",
        "more than 30,000 containers", (),
    ),
    "en-own-future": (
        "The firm cut 300 jobs, and 1,200 workers will move to the new plant.", "en", "1,200 workers", (),
    ),
    "fr-own-pluperfect": ("La police a arrêté 12 hommes, et 40 autres avaient pris la fuite.", "fr", "40 autres", ()),
    "fr-own-future": (
        "Le groupe a supprimé 300 postes, et 1 200 salariés vont rejoindre la nouvelle usine.", "fr",
        "1 200 salariés", (),
    ),
    "es-own-pluperfect": ("La policía detuvo a 12 hombres, y 40 personas habían huido.", "es", "40 personas", ()),
    # people are arrested, things are seized
    "en-things-seized": ("Almost 90 rifles have been taken into custody.", "en", "Almost 90 rifles", ("seized",)),
    # an action noun right before "of" says what happened to the figure after it
    "en-action-noun-of": ("Police ordered the evacuation of 120 residents.", "en", "120 residents", ("evacuated",)),
    "fr-action-noun-de": ("On a ordonné l'évacuation de 120 habitants.", "fr", "120 habitants", ("evacuated",)),
    "en-forced-from-homes": ("Some 3,200 residents were forced from their homes.", "en", "Some 3,200 residents",
                             ("evacuated",)),
    # "found that" reports a finding: nothing was found and seized
    "en-found-that": ("The court found that the firm cheated around 400 people.", "en", "around 400 people",
                      ("embezzled",)),
    "en-found-that-alone": ("The court found that around 400 people were affected.", "en", "around 400 people",
                            ("affected", "reported")),
    # a hedge is no action: "close to" is not "closed"
    "en-hedge-not-action": ("Police arrested close to 40 people.", "en", "close to 40 people", ("arrested",)),
    "en-close-is-closed": ("The firm will close two factories.", "en", "two factories", ("closed",)),
    "en-people-arrested": (
        "Almost 90 suspects have been taken into custody.", "en", "Almost 90 suspects", ("arrested",),
    ),
    # two nouns joined by "and" are one subject: the participle after them is their action
    "fr-nouns-joined": (
        "Le préfet a fait état de 12 interpellations et de 31 pompiers et policiers blessés.",
        "fr", "31 pompiers et policiers blessés", ("injured",),
    ),
    "en-nouns-joined": (
        "The ministry counted 12 arrests and 31 firefighters and police officers injured.",
        "en", "31 firefighters and police officers injured", ("injured",),
    ),
    # a sentence and its prison term; "two of them suspended" is no closure
    "en-sentenced": (
        "The former mayor was sentenced to three years in prison, one of them suspended.",
        "en", "three years", ("sentenced",),
    ),
    "en-prison-term": ("He was handed a three-year prison term on Friday.", "en", "three-year", ("sentenced",)),
    "fr-condamne": ("L'ancien maire a été condamné à trois ans de prison.", "fr", "trois ans", ("sentenced",)),
    "fr-fermeture-no-sentence": (
        "Deux usines feront l'objet d'une fermeture définitive en mars.", "fr", "Deux usines", ("closed",),
    ),
    # money: "a fine of" names the money, it is no whole the figure is a part of
    "en-fine-of": ("He must also pay a fine of €120,000.", "en", "€120,000", ("fined",)),
    "en-embezzled": ("He diverted €2.3m of public money.", "en", "€2.3m", ("embezzled",)),
    # "found$" in the lexicon: "found" and "founds", not "founder"
    # a rate after "of" / "de": what the rate is of, not a whole it is part of
    "fr-hausse-de": (
        "Le groupe a dégagé un bénéfice de 640 millions d'euros, en hausse de 14 %.",
        "fr", "14 %", ("earned",),
    ),
    "en-founder-not-found": (
        "The founder of the firm bought 12 trucks.", "en", "12 trucks", (),
    ),
    # a relative pronoun opens the figure's own clause: an action before it is another noun's
    "en-joined-an-operation-that": (
        "Customs agents joined a sweep that targeted 80 farms and depots.", "en", "80 farms", (),
    ),
    "en-attended-a-meeting-which": (
        "Ministers attended a summit which approved 14 projects.", "en", "14 projects", (),
    ),
    "en-raided-a-port-where": (
        "Police raided a port where 40 containers were found.", "en", "40 containers", ("seized",),
    ),
    "fr-rejoint-une-operation-qui": (
        "Les gendarmes ont rejoint une opération qui visait 80 domiciles.", "fr", "80 domiciles", (),
    ),
    "en-who-arrested-keeps": ("Officers who arrested 12 people were praised.", "en", "12 people", ("arrested",)),
    # a comma closes the pronoun's clause: the figure is the main clause's again
    "en-which-closed-by-comma": (
        "The toll, which rose on Friday, has risen to nine people killed.", "en", "nine people", ("killed",),
    ),
    # intensive care says how badly: the severity of a hospital count
    "en-intensive-care": (
        "Nineteen patients remain in hospital, eight of them in intensive care.", "en", "eight",
        ("hospitalized", "serious"),
    ),
    "fr-soins-intensifs": (
        "Dix-neuf patients sont hospitalisés, dont six aux soins intensifs.", "fr", "six", ("serious",),
    ),
    "fr-prises-en-charge": (
        "Quinze personnes ont été tuées et 54 autres ont été prises en charge par les secours.",
        "fr", "54 autres", ("hospitalized",),
    ),
    # a capitalised word inside a sentence is a name's: the Popular Rally rallies no one
    "en-party-name-no-action": (
        "In the vote the Popular Rally came first, with 41% of the ballots.", "en", "41%", (),
    ),
    "en-action-opening-sentence": (
        "Protesters marched through the city, some 3,000 in all.", "en", "some 3,000", ("protested",),
    ),
    # the verb after a second noun or an aside of nouns is the figure's too
    "en-two-nouns-then-verb": (
        "About 1,800 residents and campers have been evacuated.", "en", "About 1,800 residents", ("evacuated",),
    ),
    "fr-apposition-then-verb": (
        "Quelque 1 800 personnes, habitants et campeurs, ont été évacuées.", "fr", "Quelque 1 800 personnes",
        ("evacuated",),
    ),
    "fr-aside-with-its-own-verb": (
        "Quelque 1 800 personnes, évacuées lundi, ont été relogées.", "fr", "Quelque 1 800 personnes", (),
    ),
    # who a vehicle carried
    "en-carrying": ("A coach carrying 52 people left the road.", "en", "52 people", ("aboard",)),
    "fr-a-bord": ("Le car transportait 48 passagers.", "fr", "48 passagers", ("aboard",)),
    # left without power: an outage, no job cut
    "en-cut-off": ("About 38,000 homes were still cut off on Tuesday.", "en", "About 38,000 homes", ("outage",)),
    "fr-prives-d-electricite": (
        "Quelque 42 000 foyers restaient privés d'électricité mardi.", "fr", "Quelque 42 000 foyers", ("outage",),
    ),
}


@pytest.mark.parametrize(("text", "lang", "figure", "actions"), CASES.values(), ids=CASES.keys())
def test_actions_of_a_figure(text: str, lang: str, figure: str, actions: tuple[str, ...]) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    assert claims[figure].actions == actions


SUBJECTS = {
    "glued-3d": ("Police seized seven complete 3D weapons.", "en", "weapon"),
    "glued-4x4": ("Two 4x4 vehicles were stolen overnight.", "en", "vehicle"),
    "glued-fr-3d": ("Les enquêteurs ont saisi sept armes 3D.", "fr", "weapon"),
    # a preposition ends the noun phrase: the head is "trawlers", not "off"
    "preposition-ends-phrase": ("Coastguards escorted 14 trawlers off the coast.", "en", "w:trawler"),
    # an irregular past form ends it too: the head is "witnesses", not "evidence"
    "irregular-verb-ends-phrase": ("During the trial, 40 witnesses gave evidence.", "en", "w:witness"),
    # a figure after "to" or "at" numbers the noun before it
    "noun-brought-to": ("The Greens more than doubled their seats to 31.", "en", "seat"),
    "noun-put-at": ("Police put detentions at 24 by the evening.", "en", "arrest"),
    "number-of-put-at": ("The union put the number of strikers in the city at 90,000.", "en", "w:striker"),
    "fr-noun-porte-a": ("Les Verts ont porté leurs sièges à 31.", "fr", "seat"),
    # who watched: a measure noun the lexicon knows names its concept, not a bare word
    "crowd-of-is-spectators": ("The hosts won before a crowd of 48,200 on Sunday.", "en", "spectator"),
    "fans-are-spectators": ("Nearly 12,000 fans travelled to the final.", "en", "spectator"),
    "fr-spectateurs": ("Quelque 9 000 spectateurs ont assisté à la finale.", "fr", "spectator"),
    "fr-foule-de": ("Les joueurs ont gagné devant une foule de 5 000.", "fr", "spectator"),
}


# what a figure of any kind is of, by the claim's text
SUBJECTS_OF = {
    # a share told as "one N in M" counts the noun between its figures
    "fr-one-in-noun-between": ("À Nice, un vol sur trois devra être annulé.", "fr", "un vol sur trois", "flight"),
    "en-one-in-noun-between": ("One flight in three was cancelled.", "en", "One flight in three", "flight"),
    # "late" / "early" before a noun describe it
    "en-earlier-before-noun": ("The three earlier victims were all women.", "en", "three earlier victims", "person"),
    # a dimension word after a length's unit, or before its "de", says which size it gives
    "en-metres-long": ("The slide was 300 metres long.", "en", "300 metres", "length"),
    "en-metres-deep": ("The crevasse is about 40 metres deep.", "en", "about 40 metres", "depth"),
    "fr-longue-de": ("La coulée, longue de 400 mètres, a tout emporté.", "fr", "400 mètres", "length"),
    "fr-large-d-environ": ("Elle était large d'environ 80 mètres.", "fr", "environ 80 mètres", "width"),
    # a bare part after "dont" / "including" is of the group its sentence has just counted
    "fr-dont-group-noun": ("Dix-neuf patients sont hospitalisés, dont six en réanimation.", "fr", "six", "w:patient"),
    "en-including-group-noun": (
        "Nineteen patients remain in hospital, including three in intensive care.", "en", "three", "w:patient",
    ),
    # a noun of what happened, then "de" / "of": the noun after it is what is counted
    "fr-suppressions-de-postes": (
        "Le groupe a annoncé 1 400 suppressions de postes.", "fr", "1 400 suppressions de postes", "employee",
    ),
    "fr-suppressions-d-emplois": (
        "Le plan prévoit 640 suppressions d'emplois.", "fr", "640 suppressions d'emplois", "employee",
    ),
    # a quantity with no noun after it measures the noun before its "of" / "de"
    "quantity-radius-of": ("Most cases lived within a radius of 3 km.", "en", "3 km", "w:radius"),
    "fr-quantity-engin-de": ("L'engin de 2,1 tonnes a allumé son moteur.", "fr", "2,1 tonnes", "w:engin"),
    # a past form is no noun: "fired" is not "fire"
    "quantity-fired-is-no-fire": ("The 2.1-tonne craft fired its engine.", "en", "2.1-tonne", "w:craft"),
    # a listed company's shares: the measure before a percentage
    "share-price-shares-in": ("Shares in the group ended the day down 9.8%.", "en", "9.8%", "share_price"),
    "share-price-stock": ("The stock fell 4% in early trading.", "en", "4%", "share_price"),
    # a French verb after a figure is no noun ("six recommandent"): the part takes its fronted group
    "fr-plural-verb-fronted-group": (
        "Sur les 14 analystes qui suivent le titre, six recommandent de vendre.", "fr", "six", "analyst",
    ),
    "en-brokers-are-analysts": ("Seven of the 14 brokers covering the stock say sell.", "en", "14 brokers", "analyst"),
    "fr-share-price-action": ("L'action a chuté de 11,4 % à la Bourse.", "fr", "11,4 %", "share_price"),
    "fr-share-price-titre": ("Le titre a perdu 4 % en début de séance.", "fr", "4 %", "share_price"),
    "es-share-price-acciones": ("Las acciones cayeron un 6 % en la bolsa.", "es", "6 %", "share_price"),
    # what a club pays for a player
    "transfer-fee-before": ("The transfer fee was put at €45 million.", "en", "€45 million", "transfer_fee"),
    "fr-transfert-de": (
        "Le club a conclu un transfert de 30 millions d'euros.", "fr", "30 millions d'euros", "transfer_fee",
    ),
    # a currency's value is a measure, named before the rate or by the subject of its verb
    "currency-lost-its-value": (
        "The cedi lost 25% of its value against the euro.", "en", "25%", "currency",
    ),
    "currency-let-plunge": (
        "The bank cut its rates and let the kwacha slide by about 15 percent.", "en", "about 15 percent",
        "currency",
    ),
    "fr-la-livre": ("Le rand a perdu 12 % face au dollar.", "fr", "12 %", "currency"),
    # a word of rise or fall after a rate says how it moved, not what it is of
    "lower-is-no-subject": ("The decision sent the rupee as much as 9% lower.", "en", "as much as 9%", "currency"),
    # a rate's adjective says what it measures: "30% effective"
    "efficacy-adjective": ("The new shot is roughly 55% effective.", "en", "roughly 55%", "efficacy"),
    "fr-efficace": ("Le traitement est efficace à 70 %.", "fr", "70 %", "efficacy"),
    # a rate with no noun of its own takes the subject of the rate before it in its sentence
    "rate-borrows-the-rate-before": (
        "Its efficacy is below 90 per cent, but even at 70 per cent it helps.", "en", "70 per cent", "efficacy",
    ),
    # a figure joined by a hyphen counts the word it is joined to, not the noun after it
    "compound-four-candidate": ("He won a four-candidate race.", "en", "four-candidate", "candidate"),
    "compound-three-judge": ("A three-judge panel ruled on Friday.", "en", "three-judge", "w:judge"),
    "compound-storey": ("A 19-storey tower burned.", "en", "19-storey", "floor"),
    "fr-pretendants": ("Cinq prétendants étaient en lice.", "fr", "Cinq prétendants", "candidate"),
    "es-candidatos": ("Cinco candidatos se presentaron.", "es", "Cinco candidatos", "candidate"),
}
NOT_COUNTED = {
    # ... unless it says how: "a 9,000-strong workforce", "a two-time champion"
    "strong": ("The carmaker cut 12% of its 4,000-strong workforce.", "en", "4,000-strong", "w:strong"),
    "time": ("The two-time champion lost on Sunday.", "en", "two-time", "w:time"),
}
NO_SUBJECT = {
    # a weekday or a month after the figure says when, not what it is of
    "fr-weekday-after-percent": ("Le groupe a annoncé une hausse de 34 % lundi.", "fr", "34 %"),
    "en-weekday-after-percent": ("Turnover rose 12% Monday.", "en", "12%"),
    "en-month-after-count": ("The firm will cut 300 jobs in 2026 and 40 March.", "en", "300 jobs"),
    # "late" / "early" before a time word say when too
    "en-late-on-weekday": ("The bank cut its rate to 7% late on Tuesday.", "en", "7%"),
    "en-early-last-month": ("Exports rose 4% early last month.", "en", "4%"),
}
NO_CURRENCY = {
    "won-is-a-verb": ("The party won 40% of the vote.", "en", "40%"),
}
NO_SHARE_PRICE = {
    "share-of-the-vote": ("The party won a 31% share of the vote.", "en", "31%"),
    "fr-au-cours-de": ("Au cours de l'année, le chômage a baissé de 2 %.", "fr", "2 %"),
}


@pytest.mark.parametrize(("text", "lang", "figure", "concept"), SUBJECTS_OF.values(), ids=SUBJECTS_OF.keys())
def test_what_a_figure_is_of(text: str, lang: str, figure: str, concept: str) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    assert concept in claims[figure].concepts, claims[figure].concepts


@pytest.mark.parametrize(("text", "lang", "figure", "concept"), NOT_COUNTED.values(), ids=NOT_COUNTED.keys())
def test_a_hyphen_word_that_says_how(text: str, lang: str, figure: str, concept: str) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    got = [c for t, c in claims.items() if t.startswith(figure)]
    assert not got or concept not in got[0].concepts


@pytest.mark.parametrize(("text", "lang", "figure"), NO_SUBJECT.values(), ids=NO_SUBJECT.keys())
def test_no_date_word_is_a_subject(text: str, lang: str, figure: str) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    assert not any(
        x.startswith("w:") and x[2:] in ("lundi", "monday", "march", "late", "early") for x in claims[figure].concepts
    )


@pytest.mark.parametrize(("text", "lang", "figure"), NO_CURRENCY.values(), ids=NO_CURRENCY.keys())
def test_no_currency(text: str, lang: str, figure: str) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    assert "currency" not in claims[figure].concepts


@pytest.mark.parametrize(("text", "lang", "figure"), NO_SHARE_PRICE.values(), ids=NO_SHARE_PRICE.keys())
def test_no_share_price(text: str, lang: str, figure: str) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    assert "share_price" not in claims[figure].concepts


@pytest.mark.parametrize(("text", "lang", "concept"), SUBJECTS.values(), ids=SUBJECTS.keys())
def test_subject_of_a_figure(text: str, lang: str, concept: str) -> None:
    counts = [c for c in extract_claims(Document(id="draft", text=text, lang=lang)) if c.kind == "count"]
    assert len(counts) == 1 and concept in counts[0].concepts


PARTS = {
    # a part with a verb and an action of its own is the whole count of what happened to it
    "fr-dont-own-verb": (
        "Vingt manifestants ont été interpellés mardi, dont huit ont été inculpés.", "fr", "huit", False,
    ),
    "en-including-own-verb": (
        "Twelve protesters were detained, including five who were later charged.", "en", "five", False,
    ),
    # a part qualified without a verb, or doing what the group did, stays a part
    "fr-dont-no-verb": ("Trente personnes ont été blessées, dont sept grièvement.", "fr", "sept", True),
    "en-of-them": ("Twenty officers were injured, four of them seriously.", "en", "four", True),
}


@pytest.mark.parametrize(("text", "lang", "figure", "part"), PARTS.values(), ids=PARTS.keys())
def test_part_of_a_group(text: str, lang: str, figure: str, part: bool) -> None:
    claims = {c.text.split()[0]: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    assert claims[figure].part is part


EARLIER = {
    "en-earlier-toll": ("An earlier toll had put the number of dead at nine.", "en", "nine", True),
    "en-up-from": ("The death toll rose to 17, up from 11 on Monday.", "en", "11", True),
    "en-current": ("The death toll rose to 17, up from 11 on Monday.", "en", "17", False),
    "fr-bilan-precedent": ("Un bilan précédent faisait état de neuf morts.", "fr", "neuf", True),
    "fr-current": ("Le bilan s'est alourdi à 17 morts mardi soir.", "fr", "17", False),
    "en-earlier-tallies": (
        "Officials now count 31 arrests, after earlier tallies had given 28.", "en", "28", True,
    ),
    "en-tallies-current": ("Officials now count 31 arrests, after earlier tallies had given 28.", "en", "31", False),
    "en-down-from": ("The number of missing fell to four, down from seven.", "en", "seven", True),
    "fr-bilans-precedents": ("Les bilans précédents faisaient état de 12 blessés.", "fr", "12", True),
}


@pytest.mark.parametrize(("text", "lang", "figure", "earlier"), EARLIER.values(), ids=EARLIER.keys())
def test_a_figure_given_as_an_earlier_report(text: str, lang: str, figure: str, earlier: bool) -> None:
    claims = {c.text.split()[0]: c for c in extract_claims(Document(id="s", text=text, lang=lang), weak=True)}
    assert claims[figure].earlier is earlier


def test_counts_joined_by_and_share_their_verb() -> None:
    text = "The flood swept through a campsite in which six children and three adults drowned."
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text))}
    assert claims["six children"].actions == claims["three adults"].actions == ("killed",)


def test_an_hour_of_the_day_is_no_duration() -> None:
    text = "Vers 9 heures du matin, le feu a pris. Les secours ont travaillé 9 heures."
    claims = extract_claims(Document(id="s", text=text, lang="fr"), weak=True)
    durations = [c.text for c in claims if c.kind == "duration"]
    assert durations == ["9 heures"] and claims[[c.kind for c in claims].index("duration")].span.start > 30


def test_a_byline_does_not_reach_into_the_next_line() -> None:
    text = "Published 5 February 2024\n\nThe river burst its banks on Monday."
    claims = extract_claims(Document(id="s", text=text))
    assert [c.text for c in claims if c.kind == "date"] == ["Monday"]


def test_a_loose_action_is_not_shown_as_what_happened() -> None:
    text = "The inquiry lasted three weeks and heard 42 witnesses."
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text))}
    assert claims["42 witnesses"].predicate is None


@pytest.mark.parametrize(
    ("text", "lang", "figure"),
    [
        ("Some 12,000 people marched in Nantes, 30,000 according to the unions.", "en", "30,000"),
        ("Selon la préfecture, 12 000 personnes ont défilé à Nantes, 30 000 selon les syndicats.", "fr", "30 000"),
    ],
    ids=["en", "fr"],
)
def test_a_figure_counted_again_by_someone_else_counts_the_same_thing(text: str, lang: str, figure: str) -> None:
    claims = {c.text: c for c in extract_claims(Document(id="draft", text=text, lang=lang))}
    again = claims[figure]
    assert again.concepts == ("person",) and again.actions == ("protested",) and not again.weak


def test_the_figure_put_at_a_number_is_a_placeholder_not_what_is_counted() -> None:
    text = "The unions put the figure at 3.5 million, the interior ministry at 1.08 million."
    claims = extract_claims(Document(id="draft", text=text), weak=True)
    assert all("w:figure" not in c.concepts for c in claims)


def test_the_second_age_of_a_pair_is_an_age_and_a_count_after_it_is_not() -> None:
    pair = extract_claims(Document(id="s", text="The two boys, aged 13 and 14, were unhurt."))
    assert [(c.kind, c.value) for c in pair if c.kind == "age"] == [("age", 13), ("age", 14)]
    others = extract_claims(Document(id="s", text="A man aged 34 and 12 others were arrested."))
    assert [(c.kind, c.value) for c in others] == [("age", 34), ("count", 12)]


def test_a_loose_action_does_not_hide_the_action_before_it() -> None:
    text = "The inquiry into the collapse lasted two years."
    claim = extract_claims(Document(id="s", text=text))[0]
    assert claim.actions == ("investigated", "lasted")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_stem_index_finds_what_a_scan_of_every_stem_finds(lang: str) -> None:
    """Action stems are looked up by their first letters: for each stem's word, inflections
    and near misses, the lookup gives the same ids, in the same order, as trying every stem."""
    table = concepts(lang)
    words: set[str] = set()
    for stem, _ in table.action_stems:
        base = stem.rstrip("$")
        words |= {base, base + "s", base + "ed", base + "ing", base + "x", base[:-1], base[:3], base[:2]}
    for word in sorted(words):
        scan = tuple(cid for stem, cid in table.action_stems if stem_matches(word, stem))
        assert stem_actions(lang, word) == scan, word


RATES = {
    "money-a-day": ("Losses are estimated at €3 million a day.", "en", ["money"]),
    "count-noun-a-day": ("The 4,000 containers a day it handles are stuck.", "en", ["count"]),
    "people-a-day": ("Some 200 people a day crossed the border.", "en", ["count"]),
    "money-then-duration": ("The firm lost €3m a day during a month of strikes.", "en", ["money", "duration"]),
    # not a rate: a comma parts the figure from the article
    "after-comma": ("Six people died, a day after the storm.", "en", ["count", "duration"]),
    "jailed-for-a-year": ("He was jailed for a year.", "en", ["duration"]),
}


@pytest.mark.parametrize("key", list(RATES))
def test_a_time_unit_right_after_a_figure_is_a_rate_not_a_duration(key: str) -> None:
    text, lang, kinds = RATES[key]
    claims = extract_claims(Document(id="d", text=text, lang=lang))
    assert [c.kind for c in claims] == kinds, [(c.kind, c.text) for c in claims]


HEADS = {
    # an English plural the lexicon does not know is the head: the next word is a verb
    "en-plural-then-verb": ("Around 5,000 dockers work in French ports.", "en", "dockers"),
    "en-plural-then-adjective": ("The port has about 21,000 containers stuck on the quays.", "en", "containers"),
    "en-singular-modifier": ("Some 30 container ships are waiting.", "en", "ships"),
    # a French noun is the head; the words after it are adjectives or verbs
    "fr-noun-then-verb": ("Une trentaine de navires patientent au large.", "fr", "navires"),
    "fr-noun-then-adverb": ("Près de 12 000 conteneurs attendent toujours.", "fr", "conteneurs"),
    "fr-adjective-before": ("Trois grands navires sont à quai.", "fr", "navires"),
}


@pytest.mark.parametrize("key", list(HEADS))
def test_the_head_of_an_unknown_noun_phrase(key: str) -> None:
    text, lang, head = HEADS[key]
    (claim,) = extract_claims(Document(id="d", text=text, lang=lang))
    assert claim.subject == head


def test_an_unknown_french_noun_counts_what_its_english_gloss_counts() -> None:
    (fr,) = extract_claims(Document(id="fr", text="Une trentaine de navires patientent au large.", lang="fr"))
    (en,) = extract_claims(Document(id="en", text="Some 30 ships are waiting offshore.", lang="en"))
    assert fr.concepts == en.concepts == ("w:ship",)


@pytest.mark.parametrize(
    ("word", "gloss"),
    [("navires", "ship"), ("evacuees", "evacuated"), ("habitants", "resident"), ("toujours", "toujour")],
)
def test_french_words_are_glossed_into_english(word: str, gloss: str) -> None:
    assert english("fr", word) == gloss
    assert english("en", "ships") == "ship"  # an English word is its singular


PAST = {
    # (text, lang, figure, told of an earlier event)
    "en-last-years": ("Last year's strike lasted five days and ended with a 3 percent rise.", "en", "3 percent", True),
    "en-flood-of-year": ("The river passed the 3.9 metres of the flood of 2008.", "en", "3.9 metres", True),
    "en-in-year-at-end": ("It rose 4.5 metres, above the 3.9 metres reached during the last flood, in 2008.", "en",
                          "3.9 metres", True),
    "en-in-year-at-end-main": ("It rose 4.5 metres, above the 3.9 metres reached during the last flood, in 2008.", "en",
                               "4.5 metres", False),
    "en-since-when-and": ("The worst flood since 2008, when two people died and the river rose 3.9 metres.", "en",
                          "3.9 metres", True),
    "en-that-event": ("\"Nothing like it since 2003,\" he said. That flood killed 14 people.", "en", "14 people", True),
    "en-end-of-year": ("It will close two of its nine factories by the end of 2025.", "en", "nine factories",
                       False),
    "en-compared-with-previous-year": ("Bookings rose 27% on the previous year.", "en", "27%", False),
    "en-compared-than-last-year": ("Sales were 12% higher than last year.", "en", "12%", False),
    "en-last-year-still-past": ("Last year the firm lost 14 contracts.", "en", "14 contracts", True),
    "en-past-fortnight-runs-to-now": ("Nurses gave 3,400 doses in the past fortnight.", "en", "3,400 doses", False),
    "en-past-hours-opening": ("In the past 24 hours, 12 people were arrested.", "en", "12 people", False),
    "en-past-few-days": ("Thirty homes were flooded in the past few days.", "en", "Thirty homes", False),
    "en-in-the-past-still-past": ("In the past, 40 people died on this road.", "en", "40 people", True),
    "fr-par-rapport-a": ("Les ventes progressent de 27 % par rapport à l'an dernier.", "fr", "27 %", False),
    "en-quarter-of-year": ("At the end of the third quarter of 2023, it had 9,400 employees.", "en", "9,400 employees",
                           False),
    "en-full-date": ("On 17 June 2024, 10 people were killed.", "en", "10 people", False),
    "fr-crue-de": ("La crue de 2003 avait fait 14 morts et quelque 120 millions d'euros de dégâts.", "fr",
                   "quelque 120 millions d'euros", True),
    "fr-en-year-lead": ("En 2003, elle avait atteint 5,10 mètres.", "fr", "5,10 mètres", True),
    "fr-an-dernier": ("Les crues de l'an dernier ont coûté 1,2 milliard d'euros.", "fr", "1,2 milliard d'euros", True),
    "fr-depuis": ("La directrice, en poste depuis 2019, évoque des pertes de 3 millions d'euros.", "fr",
                  "3 millions d'euros", False),
    # a cue after "since" dates where a count starts, up to now
    "en-since-month-last-year": ("The region has recorded 41 deaths since March last year.", "en", "41 deaths", False),
    "en-since-last-year": ("Prices have risen 8% since last year.", "en", "8%", False),
    "fr-depuis-l-an-dernier": ("La région a recensé 41 morts depuis mars de l'an dernier.", "fr", "41 morts", False),
    # a cue in an aside between commas tells of the subject, not of the figure outside it
    "en-aside-who-last-year": ("The champion, who lost in the first round last year, collects €1.2m.", "en",
                               "€1.2m", False),
    "fr-aside-participle-an-dernier": ("Le champion, éliminé au premier tour l'an dernier, empoche 1 million d'euros.",
                                       "fr", "1 million d'euros", False),
    "en-aside-after-figure": ("Some 300 homes were flooded, the mayor, elected last year, said.", "en",
                              "Some 300 homes", False),
    # ... unless a relative clause after it tells of its noun
    "fr-aside-then-relative": (
        "Il atteint 612 millions, contre celui de 2025, qui atteignait 590 millions d'euros.", "fr",
        "590 millions d'euros", True,
    ),
    "en-aside-holds-the-figure": ("The dam, which failed in 2003, last year held 12 million cubic metres.", "en",
                                  "12 million cubic metres", True),
}


@pytest.mark.parametrize("key", list(PAST))
def test_a_figure_told_of_an_earlier_event(key: str) -> None:
    text, lang, figure, past = PAST[key]
    (claim,) = [c for c in extract_claims(Document(id="d", text=text, lang=lang)) if c.text == figure]
    assert claim.past is past
