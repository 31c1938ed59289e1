"""The extraction rules, by id: every claim carries the id of the rule that read it
(``Claim.rule``), and ``factcheck extract --explain`` prints it.

An id is ``<kind>.<rule>``. The figures' rules are the recognisers of
:data:`factcheck.extract.numeric.RECOGNISERS` (tried in their declared order) and the steps
of :func:`factcheck.extract.extract_claims` that build claims from other claims; dates and
people are read by :mod:`~factcheck.extract.dates` and :mod:`~factcheck.extract.people`.
``tests/data/rule_examples.tsv`` holds at least one example sentence for each rule.
"""

from __future__ import annotations

RULES: dict[str, str] = {
    # percent
    "percent.point-fraction": "a fraction of a point: 'a quarter point', 'un quart de point'",
    "percent.basis-points": "hundredths of a point: '25 basis points', '25 points de base' (0.25)",
    "percent.one-in": "a share told as a ratio: 'one in five adults', 'un Français sur cinq'",
    "percent.sign": "a figure with a percent sign: '14%', '14 %'",
    "percent.words": "a figure with percent words: '14 per cent', 'quatorze pour cent'",
    "percent.fraction": "a fraction of a whole: 'two-thirds of', 'fell by a quarter'",
    # money
    "money.currency-before": "a currency before the figure: '$5m', '-€15', 'Rs. 500'",
    "money.currency-after": "a currency after the figure: '5 millions d'euros', '20 dollars'",
    "money.subunit": "hundredths of a currency: '340p', '45 cents a share', '20 centimes'",
    "money.rate": "an exchange rate: '50 pounds to the dollar', '50 livres pour un dollar'",
    "money.rate-then": "the rate before it at another time: '50 pounds for $1, compared with about 31 pounds before'",
    # age
    "age.decade-of-life": "a decade of life: 'a man in his 40s', 'in their twenties'",
    "age.decade-noun": "a person named by a decade of life: 'an octogenarian', 'une septuagénaire'",
    "age.n-year-old": "a compound age: 'a 26-year-old'",
    "age.years-old": "an age in years old: '26 years old'",
    "age.age-of": "'the age of': 'from the age of 58'",
    "age.aged": "a word of age before the figure: 'aged 26', 'âgé 26 ans'",
    "age.aged-de": "a word of age and 'de' before the figure: 'âgé de 26 ans'",
    "age.noun-de-n-ans": "a person 'de N ans': 'un homme de 26 ans'",
    "age.a-n-ans": "'avoir N ans': 'il a 26 ans'",
    "age.entre-n-ans": "a range of ages: 'entre 18 et 30 ans'",
    "age.name-comma-n-ans": "an age in years between commas after a name: 'Lucas Morel, 19 ans,'",
    "age.d-annees": "an approximate age: 'une femme d'une quarantaine d'années'",
    "age.name-comma-n": (
        "a bare age between commas or brackets after a name or a demonym: 'John Smith, 26, was', 'The Belgian, 24,'"
    ),
    "age.at-opening": "an age that opens its sentence: 'À 24 ans, le coureur', 'At 24, she'",
    "age.second-of-pair": "the second age of a pair: 'aged 15 and 16'",
    # duration
    "duration.unit-after": "a time unit after the figure, glued or not: 'three days', '48hrs', 'deux heures et demie'",
    "duration.article": "one unit by its article: 'a year', 'un an', 'a year-long'",
    "duration.match-minute": "the minute of a match by its ordinal: 'in the 12th minute', 'à la 38e'",
    "duration.clock": "a race time: '2:04:02', '2 h 00 min 35 s'",
    "duration.joined": "two units joined in one duration: 'two hours and 35 minutes'",
    "duration.range": "a range across two units: 'six months to a year'",
    "duration.part-of-term": "a part of a term just given: 'four years in prison, three of them suspended'",
    # quantity
    "quantity.unit-after": "a unit of measure after the figure, glued or not: '3 tonnes', '120 km/h', '9mm', '42°C'",
    "quantity.metres-centimetres": "a height in metres and centimetres: '1m80'",
    "quantity.unit-before": "a unit before the figure: 'a magnitude 6.8 earthquake'",
    # count
    "count.changed-from": "where a change starts, with the next figure's noun: 'climbing from seven to nine seats'",
    "count.noun": "a figure and the noun it counts: '12 people were arrested'",
    "count.predicate": "a figure with no noun and a verb: '12 were arrested'",
    "count.partitive": "a part of a group: 'four of them', 'dont huit'",
    "count.of-them": "a part of the group its sentence has just counted: '42 women were tried, 39 of them convicted'",
    "count.body-size": "the size of a body, a compound before its name: 'the 577-seat National Assembly'",
    "count.streak": "an ordinal that gives a run's length: 'their fifth straight win', 'ce quatrième succès de rang'",
    "count.labelled": "a bare figure after the label of a fact box's line: 'Starters: 168'",
    "count.partitive-fronted": "a part of a group its sentence opens on: 'Of the 40 passengers, 12 were hurt'",
    "count.group": "named people and others: 'Marc Dubois and 24 other suspects' (25)",
    "count.whole-of": "the whole of a part: '75 deputies out of 577'",
    "count.kin-of": "a parent's children: 'a mother-of-three', 'a father of three'",
    "count.measure-noun": "what a figure measures: 'a licensed limit of 180'",
    "count.apposed": "a bare figure set beside the noun it counts: 'the most cases, 26, and'",
    "count.compound": "a figure joined by a hyphen to what it counts: 'a four-candidate race', 'a 19-storey tower'",
    "count.brought-to": "a noun brought to a figure: 'raised its seats to 48'",
    "count.elided": "a figure that leaves out the noun of the count before it: 'ahead of Sandoz with 18,907'",
    "count.again": "the same thing counted again by someone else: '300,000 according to the organisers'",
    "count.bare": "a figure with no noun and no verb (weak): 'the union spoke of 3.5 million'",
    "count.article": "one by its article (weak): 'a child was hospitalized'",
    "count.coordinated-total": "the total of two counts joined by 'and' (weak): 'six children and three adults'",
    # date
    "date.calendar": "a calendar date or time: '12 March 2024', 'on Sunday'",
    "date.relative": "a date relative to the report's: 'last year', 'two days ago'",
    # person
    "person.name": "a person's name",
    "person.with-role": "a person's name with a role: 'Prime Minister Jane Doe'",
}
