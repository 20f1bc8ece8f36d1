import pytest

from claimtrack.extraction.numbers import parse_number_words, singular
from claimtrack.extraction.quantities import HEDGES, find_quantities


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


def test_example_quantities():
    q = one("The U.S. announced it was sending 3,000 more troops to the Middle East.")
    assert (q.text, q.value, q.low, q.high, q.approx, q.change, q.unit) == (
        "3,000 more troops",
        3000,
        3000,
        3000,
        False,
        "increase",
        "troop",
    )
    q = one("The removal of the 6,000 or so American troops in Iraq would matter.")
    assert (q.text, q.value, q.approx, q.unit) == ("6,000 or so American troops", 6000, True, "troop")
    assert (q.low, q.high) == pytest.approx((5700, 6300))


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("about 1,000 people", 950, 1050),
        ("roughly 1,000 people", 950, 1050),
        ("some 1,000 people", 950, 1050),
        ("around 1,000 people", 950, 1050),
        ("approximately 1,000 people", 950, 1050),
        ("1,000 or so people", 950, 1050),
        ("nearly 1,000 people", 900, 1000),
        ("almost 1,000 people", 900, 1000),
        ("more than 1,000 people", 1000, 1500),
        ("at least 1,000 people", 1000, 2000),
        ("up to 1,000 people", 0, 1000),
        ("fewer than 1,000 people", 0, 1000),
        ("less than 1,000 people", 0, 1000),
        ("a little over 1,000 people", 1000, 1500),
    ],
)
def test_each_hedge_has_its_interval(text, low, high):
    q = one(text)
    assert q.value == 1000
    assert q.approx is True
    assert (q.low, q.high) == pytest.approx((low, high))
    assert q.unit == "person"
    assert q.text == text


def test_exact_number_has_a_point_interval():
    q = one("They hired 1,200 workers.")
    assert (q.value, q.low, q.high, q.approx) == (1200, 1200, 1200, False)


def test_symmetric_hedges_overlap_or_not_as_the_matcher_expects():
    a = one("6,000 or so troops")
    b = one("some 5,200 troops")
    c = one("roughly 5,000 troops")
    assert a.low > b.high  # conflict
    assert c.high >= b.low  # consistent
    assert set(HEDGES["about"]) == {0.95, 1.05}


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("five days after the vote", 5, "day"),
        ("three thousand marines", 3000, "marine"),
        ("a dozen soldiers", 12, "soldier"),
        ("twenty-five days", 25, "day"),
        ("half a million refugees", 500000, "refugee"),
        ("a five-day winter event", 5, "day"),
        ("a two-hour safety briefing", 2, "hour"),
        ("four firefighting aircraft", 4, "aircraft"),
        ("two Iraqi bases hosting U.S. forces", 2, "base"),
        ("as many as 3,000 army reservists", 3000, "reservist"),
        ("some 5,200 service members", 5200, "service member"),
        ("1.5 million people", 1_500_000, "person"),
    ],
)
def test_number_words_scales_and_units(text, value, unit):
    q = one(text)
    assert q.value == value
    assert q.unit == unit


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("$2 billion in aid", 2e9, "dollar"),
        ("£5m for repairs", 5e6, "pound"),
        ("€40 million", 4e7, "euro"),
        ("A$20 million to lease", 2e7, "dollar"),
        ("2 billion dollars", 2e9, "dollar"),
        ("3.5% of voters", 3.5, "percent"),
        ("12 percent of voters", 12, "percent"),
        ("12 per cent of voters", 12, "percent"),
    ],
)
def test_money_and_percentages(text, value, unit):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "since the 2003 U.S.-led invasion",
        "in 2019 the plan changed",
        "since 2014",
        "on Jan. 3 officials met",
        "on 3 January officials met",
        "at 10:30 a.m. the talks began",
        "at 3 p.m. the talks began",
        "Operation X-1 began",
        "COVID-19 spread",
        "the F-35 jet",
        "Article 5 of the treaty",
        "the 1st battalion",
        "in the 1990s",
        "the 2019-20 season",
        "one of the soldiers",
    ],
)
def test_years_dates_times_ordinals_and_names_are_not_quantities(text):
    assert find_quantities(text) == []


def test_vague_magnitudes():
    q = one("after thousands of people protested")
    assert (q.value, q.low, q.high, q.approx, q.unit) == (2000, 2000, 9999, True, "person")
    q = one("dozens of militants")
    assert (q.value, q.low, q.high, q.unit) == (24, 24, 99, "militant")
    q = one("hundreds of thousands of people")
    assert (q.low, q.high) == (200000, 999999)


def test_changes():
    assert one("another 3,000 paratroopers").change == "increase"
    assert one("another 3,000 paratroopers").text == "another 3,000 paratroopers"
    assert one("an additional 40 aircraft").change == "increase"
    assert one("about 3,000 additional soldiers").change == "increase"
    assert one("500 fewer troops").change == "decrease"
    assert one("the firm will cut 300 jobs").change == "decrease"
    assert one("more than 300 jobs").change is None


def test_ranges():
    q = one("between 5,000 and 6,000 troops")
    assert (q.low, q.high, q.value, q.unit) == (5000, 6000, 5500, "troop")
    q = one("2 to 3 million people")
    assert (q.low, q.high) == (2e6, 3e6)


def test_offsets_are_shifted_by_base():
    text = "They sent 3,000 more troops."
    q = find_quantities(text, base=100)[0]
    assert (q.start, q.end) == (110, 127)


def test_parse_number_words_and_singular():
    assert parse_number_words("one hundred and fifty") == 150
    assert parse_number_words("three thousand") == 3000
    assert parse_number_words("a dozen") == 12
    assert parse_number_words("banana") is None
    assert singular("troops") == "troop"
    assert singular("people") == "person"
    assert singular("casualties") == "casualty"
    assert singular("aircraft") == "aircraft"
    assert singular("bases") == "base"


def test_change_verb_before_by_and_ages_after_names():
    q = one("Germany will reduce its military presence in Iraq by about 2,000 troops.")
    assert (q.change, q.value, q.approx) == ("decrease", 2000, True)
    # an appositive age is an age, not a count of anything
    assert [(q.value, q.unit, q.kind) for q in find_quantities("said Tom Jones, 64, of Marietta")] == [
        (64, "year", "age")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ridership doubled after the fare cut.", 2),
        ("The board met twice and raised fees by a third.", None),
        ("Dozens of residents protested.", None),
        ("The repair took two and a half years.", 2.5),
    ],
)
def test_texts_without_digits_still_give_their_word_quantities(text, value):
    found = find_quantities(text)
    assert found, text
    if value is not None:
        assert found[0].value == value


def test_a_long_text_with_no_number_gives_none():
    assert find_quantities("said " * 5000) == []
