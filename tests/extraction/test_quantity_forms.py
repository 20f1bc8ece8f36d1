"""The forms of quantities met in real coverage, each in a sentence of our own."""

import pytest

from claimtrack.extraction.quantities import find_quantities


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


def read(q):
    return (q.value, round(q.low, 4), round(q.high, 4), q.unit)


@pytest.mark.parametrize(
    "text, value, unit, span",
    [
        ("The province approved a 2.4-billion-rupee dam on the river.", 2.4e9, "rupee", "2.4-billion-rupee"),
        ("The airline won a US$95-million contract last spring.", 95e6, "dollar", "US$95-million"),
        ("Council set aside $40-million for the bridge.", 40e6, "dollar", "$40-million"),
        ("Crews are paving a 300-metre runway near the coast.", 300, "metre", "300-metre"),
        ("The ministry bought 1,200 electric buses for the capital.", 1200, "bus", "1,200 electric buses"),
        ("Each drive holds 12TB of footage.", 12, "terabyte", "12TB"),
        ("The link peaks at 2.5Gb on a good day.", 2.5, "gigabit", "2.5Gb"),
        ("The old card stored only 64MB of data.", 64, "megabyte", "64MB"),
        ("Average summers are now 1.8°C warmer than a century ago.", 1.8, "celsius", "1.8°C"),
        ("Trains will run at 160 km/h on the new line.", 160, "kilometre per hour", "160 km/h"),
        ("The limit on the bridge is 30 mph after dark.", 30, "mile per hour", "30 mph"),
        ("Turnout reached 61 per cent in the north.", 61, "percent", "61 per cent"),
        ("She spent two and a half years on the case.", 2.5, "year", "two and a half years"),
        ("The club signed a dozen players in the summer.", 12, "player", "a dozen players"),
        ("The tower will cost 1.5 million euros.", 1.5e6, "euro", "1.5 million euros"),
        ("The price list shows Rs 42,900 for the base model.", 42900, "rupee", "Rs 42,900"),
        ("The screen measures 6in across.", 6, "inch", "6in"),
        ("It fell to minus four degrees Celsius overnight.", -4, "celsius", "minus four degrees Celsius"),
        ("The bridge spans a two-point-five kilometre gorge.", 2.5, "kilometre", "two-point-five kilometre"),
    ],
)
def test_units_scales_and_head_nouns(text, value, unit, span):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.text == span
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text, value, span",
    [
        ("A 16-year-old driver was not hurt.", 16, "16-year-old"),
        ("Police said the 41-year-old had left the house.", 41, "41-year-old"),
        ("She was elected at age 23 in her home town.", 23, "23"),
        ("A six-year-old boy found the wallet.", 6, "six-year-old"),
    ],
)
def test_ages_are_years_marked_as_ages(text, value, span):
    q = one(text)
    assert (q.value, q.unit, q.kind, q.text) == (value, "year", "age", span)


@pytest.mark.parametrize(
    "text, value, low, high",
    [
        ("Two-thirds of members backed the merger.", 66.6667, 63.3333, 70.0),
        ("A third of the budget goes on salaries.", 33.3333, 31.6667, 35.0),
        ("More than a third of the homes flooded.", 33.3333, 33.3333, 50.0),
        ("Nearly half of the staff work remotely.", 50, 45, 50),
        ("It sold for less than half the asking price.", 50, 0, 50),
        ("Three-quarters of the seats were empty.", 75, 71.25, 78.75),
    ],
)
def test_fractions_are_shares_in_percent(text, value, low, high):
    q = one(text)
    assert q.unit == "percent" and q.kind == "percent"
    assert (q.value, q.low, q.high) == pytest.approx((value, low, high), abs=1e-3)
    assert q.approx is True


def test_fraction_records_what_it_is_of():
    assert one("Two-thirds of members backed the merger.").of == "members"
    assert one("About 64 percent of voters surveyed backed the plan.").of == "voters surveyed"
    assert one("Some 40% of the company's staff work nights.").of == "company's staff"


@pytest.mark.parametrize(
    "text, value, low, high, role, change",
    [
        ("The new chip is roughly twice as fast.", 2, 1.9, 2.1, "level", None),
        ("Rents have doubled since the stadium opened.", 2, 2, 2, "change", "increase"),
        ("Their sales nearly doubled last year.", 2, 1.8, 2, "change", "increase"),
        ("Ticket prices tripled over the decade.", 3, 3, 3, "change", "increase"),
        ("The new plant is three times larger than the old one.", 3, 3, 3, "level", None),
    ],
)
def test_multiples(text, value, low, high, role, change):
    q = one(text)
    assert (q.unit, q.kind, q.role, q.change) == ("times", "multiple", role, change)
    assert (q.value, q.low, q.high) == pytest.approx((value, low, high))


def test_from_to_is_two_values_and_a_change_not_a_range():
    qs = find_quantities("Unemployment rose from 4.1 per cent to 6.3 per cent in a year.")
    assert [(q.text, q.value, q.unit) for q in qs] == [
        ("4.1 per cent", 4.1, "percent"),
        ("6.3 per cent", 6.3, "percent"),
    ]
    start, level = qs
    assert (start.role, level.role, level.from_value) == ("start", "level", 4.1)
    assert (level.low, level.high) == (6.3, 6.3)
    qs = find_quantities("The fare went from $2 to $3.50 overnight.")
    assert [(q.value, q.role, q.from_value) for q in qs] == [(2, "start", None), (3.5, "level", 2)]


def test_a_true_range_stays_a_range():
    q = one("Repairs cost between 350 and 600 dollars a unit.")
    assert (q.value, q.low, q.high, q.unit, q.role) == (475, 350, 600, "dollar", "level")
    assert q.text == "between 350 and 600 dollars"
    q = one("Morning lows will be two to five degrees colder.")
    assert (q.low, q.high, q.unit) == (2, 5, "degree")


def test_rates():
    q = one("The county recorded 31.2 cases per 100,000 residents last week.")
    assert (q.value, q.unit, q.kind, q.per, q.of) == (31.2, "case", "rate", 100000, "residents")
    assert q.text == "31.2 cases per 100,000 residents"


@pytest.mark.parametrize(
    "text, value, versus, kind, span",
    [
        ("The justices voted 7-2 to hear the appeal.", 7, 2, "vote", "7-2"),
        ("Jurors returned a 10-2 verdict after two days.", 10, 2, "vote", "10-2 verdict"),
        ("The board passed the budget on a 5-4 vote.", 5, 4, "vote", "5-4 vote"),
        ("The visitors won 3-1 in the rain.", 3, 1, "score", "3-1"),
    ],
)
def test_votes_and_scores_are_one_quantity(text, value, versus, kind, span):
    qs = [q for q in find_quantities(text) if q.kind in ("vote", "score")]
    assert len(qs) == 1, find_quantities(text)
    q = qs[0]
    assert (q.value, q.versus, q.kind, q.text) == (value, versus, kind, span)


@pytest.mark.parametrize(
    "text",
    [
        "Call the desk on 555-123-4567 before noon.",
        "Call the desk on (212) 555-0188 before noon.",
        "The office at 221 Baker Street was closed.",
        "Many staff are on zero-hours contracts.",
        "The 2nd Circuit heard the case.",
        "Nobody expected it, but one just happened.",
        "She wanted a different one.",
        "It launched the iPhone 8 that autumn.",
        "The update ships with iOS 13 and a new camera app.",
        "Between 2012 and 2018 the firm moved twice.",
        "The festival runs June 13 to 17 in the park.",
        "It was a one-off payment.",
        "The trip was planned for days four and five.",
        "One drawback: the battery is small.",
        "The Four Seasons Hotel was sold.",
        "She bought a 3-D printer.",
        "The shop is open 24/7 now.",
    ],
)
def test_never_quantities(text):
    assert [q.text for q in find_quantities(text)] == []


def test_hedged_periods_and_more_than():
    q = one("The talks lasted over a year.")
    assert (q.value, q.low, q.high, q.unit) == (1, 1, 1.5, "year")
    q = one("More than 700 people signed the letter.")
    assert (q.value, q.low, q.high) == (700, 700, 1050)
    assert find_quantities("She waited a year.") == []


def test_a_hedged_share_stays_at_most_whole():
    q = one("More than 90 percent of the forest burned.")
    assert (q.low, q.high) == (90, 100)


def test_about_fifty_million_dollars_is_five_percent_either_side():
    q = one("The deal is worth about $50 million.")
    assert (q.low, q.high, q.unit, q.kind) == (47.5e6, 52.5e6, "dollar", "money")


def test_kinds():
    assert one("They hired 1,200 workers.").kind == "count"
    assert one("Prices rose 3%.").kind == "percent"
    assert one("It cost £5m.").kind == "money"
    assert one("The runway is 300 metres long.").kind == "measure"
    assert one("They hired 300 more workers.").role == "change"


@pytest.mark.parametrize(
    "text",
    [
        "It reads as a verdict on the party, albeit one camouflaged behind a history of the town.",
        "At one point, a listener asked the mayor for a photo.",
        "The council spoke with one voice on the levy.",
        "At one time the mill employed the whole valley.",
    ],
)
def test_one_as_a_pronoun_or_idiom_is_not_a_count(text):
    assert find_quantities(text) == []


def test_one_before_a_participle_that_qualifies_a_noun_still_counts():
    q = one("One elected official backed by the party spoke.")
    assert (q.value, q.unit) == (1, "official")


@pytest.mark.parametrize(
    "text, value, low, high, unit",
    [
        (
            "Graduates owe nearly a quarter of a trillion dollars to private colleges.",
            2.5e11,
            2.25e11,
            2.5e11,
            "dollar",
        ),
        ("The fund is worth half a billion dollars.", 5e8, 5e8, 5e8, "dollar"),
        ("The club spent three-quarters of a million pounds on the roof.", 7.5e5, 7.5e5, 7.5e5, "pound"),
    ],
)
def test_a_fraction_of_a_scale_is_an_amount_not_a_share(text, value, low, high, unit):
    assert read(one(text)) == (value, low, high, unit)


def test_hyphenated_odds_are_shares():
    qs = find_quantities("Forecasters give a one-in-four to two-in-five chance of a flood.")
    assert [(q.text, round(q.value, 2), q.unit) for q in qs] == [
        ("one-in-four", 25.0, "percent"),
        ("two-in-five", 40.0, "percent"),
    ]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Police said Dana Whitcombe, 41, of Millbrook, was charged.", 41),
        ("The victims are: Rosa Delgado, 29, and a man whose name was withheld.", 29),
    ],
)
def test_an_age_after_a_full_name_is_an_age(text, value):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, "year", "age")


def test_an_opening_word_before_a_comma_is_not_a_name():
    assert [q.kind for q in find_quantities("However, 12, not 13, turned up.")] == ["count", "count"]


def test_range_from_to_is_a_range_not_a_change():
    q = one("Their tablets range from $249 to $1,180, depending on the seller.")
    assert (q.value, q.low, q.high, q.unit, q.role) == (714.5, 249, 1180, "dollar", "level")


def test_greater_than_and_a_spaced_currency_take_their_hedge():
    assert read(one("A warming greater than 2.5°C is now likely.")) == (2.5, 2.5, 3.75, "celsius")
    assert read(one("The island earned just over US $2.1 billion from tourism.")) == (2.1e9, 2.1e9, 3.15e9, "dollar")


@pytest.mark.parametrize(
    "text",
    [
        "The plan reaches net zero by 2050.",
        "Each nation must reach zero net emissions by 2045.",
    ],
)
def test_net_zero_is_a_target_name_not_a_count(text):
    assert find_quantities(text) == []


def test_one_of_two_is_not_a_count():
    assert [q.text for q in find_quantities("One costs $310 and the other costs $365.")] == ["$310", "$365"]


def test_an_age_after_a_single_name_inside_the_sentence():
    q = one("Her older brother Marcus, 24, set up the appeal.")
    assert (q.value, q.unit, q.kind) == (24, "year", "age")


def test_a_model_series_after_a_name_is_not_a_count():
    assert find_quantities("The GTX 4000 series cards sold out within minutes.") == []


@pytest.mark.parametrize(
    "text, unit",
    [
        ("One armed guard stood at the gate.", "guard"),
        ("Three survey ships took part in the search.", "ship"),
    ],
)
def test_a_past_tense_verb_ends_the_counted_noun(text, unit):
    assert one(text).unit == unit
