"""Quantity forms that once broke the reader or read two ways, in sentences of our own."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.extraction import extract_claims
from claimtrack.extraction.numbers import singular, vague_magnitude
from claimtrack.extraction.quantities import find_quantities
from claimtrack.extraction.units import GLUED_UNITS


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("The fund lost hundreds of billions of dollars in a decade.", 2e11, 1e12 - 1, "dollar"),
        ("Tens of billions of euros were moved offshore.", 2e10, 1e11 - 1, "euro"),
        ("The program could cost trillions of dollars.", 2e12, 1e13 - 1, "dollar"),
        ("Hundreds of millions of people lack clean water.", 2e8, 1e9 - 1, "person"),
        ("Tens of thousands of fans filled the square.", 2e4, 1e5 - 1, "fan"),
    ],
)
def test_vague_plural_magnitudes(text, low, high, unit):
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.unit) == (low, high, unit)
    assert q.approx


def test_vague_magnitude_refuses_what_it_cannot_size():
    assert vague_magnitude("dozens of weeks") is None
    assert vague_magnitude("lots of thousands") is None
    assert vague_magnitude("tens of dozens") == (240.0, 240.0, 1199.0)


vague_words = st.lists(
    st.sampled_from(
        [
            "tens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "trillions",
            "dozens",
            "scores",
            "of",
            "upon",
            "more",
            "people",
            "dollars",
            " ",
            "and",
        ]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vague_words)
def test_any_chain_of_vague_plurals_never_raises(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.low <= q.value <= q.high
    extract_claims("Officials said " + text + " would arrive.")


@pytest.mark.parametrize(
    "text", ["The limit is 30 mph on the bridge.", "The limit is 30 miles per hour on the bridge."]
)
def test_speed_written_either_way_is_one_unit(text):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.kind, q.per) == (30.0, "mile per hour", "measure", None)


def test_mph_has_one_lemma_everywhere():
    assert singular("mph") == GLUED_UNITS["mph"] == "mile per hour"


@pytest.mark.parametrize(
    "text, expected",
    [
        # The head noun past a compound with an -ing word, and past opening quotes.
        ("Thousands of additional public housing tenants will vote in the spring.", [(2000.0, "tenant")]),
        ("The panel showed two “target words” on each card.", [(2.0, "word")]),
        ("Crews left 12 bases hosting drills.", [(12.0, "base")]),
        ("One more ranger died in the blaze.", [(1.0, "ranger")]),
        # A number word starts its own figure: two quantities, one counted thing.
        ("The model named three of the seven winners.", [(3.0, "winner"), (7.0, "winner")]),
        # Inches written apart from the figure when no word follows.
        ("The tablet has a 10.2 in (diagonal) screen.", [(10.2, "inch")]),
        ("He finished 4 in a row.", [(4.0, None)]),
    ],
)
def test_counted_thing(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The clinic opens between 10 and 6 p.m. on Saturdays.",
        "Staff work from 9 to 5pm most weeks.",
        "So one possible reading of the poll is that turnout fell.",
        "One key reason was the weather.",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_hedge_reaches_past_every():
    (q,) = find_quantities("Prices rose roughly every 2.5 months.")
    assert (q.text, q.value, round(q.low, 4), round(q.high, 4), q.unit) == (
        "roughly every 2.5 months",
        2.5,
        2.375,
        2.625,
        "month",
    )


@pytest.mark.parametrize(
    "text, value, role, change",
    [
        ("Within a decade the herd had grown tenfold.", 10.0, "change", "increase"),
        ("Clinics saw a fourfold rise in visits.", 4.0, "change", "increase"),
        ("Sales showed a 3-fold drop over the winter.", 3.0, "change", "decrease"),
        ("The new engine is fivefold more efficient.", 5.0, "level", None),
    ],
)
def test_fold_multiples(text, value, role, change):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.kind, q.role, q.change) == (value, "times", "multiple", role, change)


@pytest.mark.parametrize(
    "text, value, low, high",
    [
        ("Only one in five riders paid the full fare.", 20.0, 19.0, 21.0),
        ("About 3 in 10 tenants backed the plan.", 30.0, 28.5, 31.5),
        ("Nearly nine in ten nurses said so.", 90.0, 81.0, 90.0),
    ],
)
def test_ratios_are_shares(text, value, low, high):
    (q,) = find_quantities(text)
    assert (q.value, round(q.low, 4), round(q.high, 4), q.unit, q.kind) == (value, low, high, "percent", "percent")


def test_ratio_lookalikes_are_not_shares():
    assert [q.unit for q in find_quantities("Sales rose 3 in 2019.")] == [None]
    assert [(q.value, q.unit) for q in find_quantities("She ran 4 in 5 minutes.")] == [(4.0, None), (5.0, "minute")]


@pytest.mark.parametrize(
    "text, value",
    [("Cardholders earn 5X points on rides.", 5.0), ("The new chip is 10x faster.", 10.0)],
)
def test_glued_x_multipliers(text, value):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.kind) == (value, "times", "multiple")


def test_board_sizes_and_chemical_names_are_not_quantities():
    assert find_quantities("They used a 2x4 beam.") == []
    assert find_quantities("The cream holds 17-beta estradiol.") == []


def test_a_majority_counts_votes():
    (q,) = find_quantities("The bill passed by a majority of 58 in the upper house.")
    assert (q.value, q.unit, q.kind) == (58.0, "vote", "vote")


figure_pieces = st.lists(
    st.sampled_from(
        [
            "one",
            "in",
            "five",
            "3",
            "10",
            "2019",
            "x",
            "X",
            "5X",
            "fold",
            "-fold",
            "tenfold",
            "every",
            "roughly",
            "about",
            "between",
            "and",
            "p.m.",
            "12",
            "-",
            "beta",
            "17-beta",
            "majority of",
            "per",
            "100,000",
            "residents",
            "in (",
            "4.7",
            "“",
            "public",
            "housing",
            "tenants",
            "of the",
            "hundreds",
            "billions",
            "$",
            "%",
            "per cent",
            ",",
            ".",
            " ",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figure_pieces)
def test_any_mix_of_figure_words_reads_without_raising(text):
    for q in find_quantities(text, base=7):
        assert text[q.start - 7 : q.end - 7] == q.text
        assert q.low <= q.value <= q.high
        assert q.unit is None or q.unit.strip() == q.unit


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Jazz 2024 ensemble plays on Fridays.",
        "The bakery is at 310 W.",
        "Ring the helpline on 0800 55 66 or write to us.",
        "Dial 020 7946 0018 for the desk.",
        "Only ring 999 if someone is hurt.",
    ],
)
def test_names_streets_and_codes_are_not_quantities(text):
    assert find_quantities(text) == []


def test_adverbs_and_contractions_are_not_counted_things():
    assert [(q.value, q.unit) for q in find_quantities("You would pay that for three elsewhere.")] == [(3.0, None)]
    assert [(q.value, q.unit) for q in find_quantities("About 40 weren't counted.")] == [(40.0, None)]


def test_ounces_are_a_measure():
    (q,) = find_quantities("Each steak weighs eight ounces raw.")
    assert (q.value, q.unit, q.kind) == (8.0, "ounce", "measure")


def test_numbers_to_dial_are_not_counts_but_calls_to_people_are():
    assert find_quantities("Dial 911 now.") == []
    assert [(q.value, q.unit) for q in find_quantities("We call 40 people a day.")] == [(40.0, "person")]
    assert [(q.value, q.unit) for q in find_quantities("They called for 300 more troops.")] == [(300.0, "troop")]


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Rents could rise by as much as 30 percent.", 0.0, 30.0),
        ("Losses ran as high as $4 million.", 0.0, 4e6),
        ("“Roughly 60 percent of the pumps failed,” she said.", 57.0, 63.0),
    ],
)
def test_hedges_as_much_as_and_after_a_quote(text, low, high):
    (q,) = find_quantities(text)
    assert (round(q.low, 4), round(q.high, 4)) == (low, high)


def test_quoted_qualifier_and_out_of():
    qs = find_quantities("It hired five outside “advisory” firms.")
    assert [(q.value, q.unit) for q in qs] == [(5.0, "firm")]
    qs = find_quantities("In nine out of ten trials the drug worked.")
    assert [(q.value, q.unit) for q in qs] == [(9.0, "trial"), (10.0, "trial")]


def test_vague_plural_as_a_subject():
    qs = find_quantities("Hundreds fled the valley. Thousands were stranded.")
    assert [(q.value, q.low, q.high, q.unit) for q in qs] == [
        (200.0, 200.0, 999.0, None),
        (2000.0, 2000.0, 9999.0, None),
    ]


def test_plus_sign_before_a_name():
    assert find_quantities("The report by +44 Studio was shared.") == []
