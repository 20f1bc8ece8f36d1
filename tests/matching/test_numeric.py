import pytest

from claimtrack.matching.numeric import (
    compare,
    format_value,
    interval,
    same_counted_thing,
    same_number_other_unit,
)
from claimtrack.matching.quantity_context import quantity_context
from tests.matching.builders import claim, qty

NBC_6000 = claim(
    "The removal of the 6,000 or so American troops in Iraq would impact Operation Inherent Resolve.",
    qty("6,000 or so", 6000),
)
ROUGHLY_6000 = claim(
    "There are roughly 6,000 service members in Iraq today.", qty("roughly 6,000", 6000, unit="service member")
)
SOME_5200 = claim("Some 5,200 American troops are based in Iraq.", qty("some 5,200", 5200))
ROUGHLY_5000 = claim("There are roughly 5,000 U.S. troops in Iraq.", qty("roughly 5,000", 5000))
MORE_3000 = claim(
    "The U.S. announced it was sending 3,000 more troops to the Middle East.",
    qty("3,000 more", 3000, change="increase"),
)
ADDITIONAL_3000 = claim(
    "The Army ordered about 3,000 additional soldiers to the Middle East.",
    qty("about 3,000 additional", 3000, change="increase", unit="soldier"),
)
COULD_REMAIN = claim(
    "Officials said about 2,500 troops could remain in the country under one plan.", qty("about 2,500", 2500)
)


def verdict(a, b):
    found = compare(a, b)
    return found.verdict if found else None


# --- intervals and the tolerance table ---------------------------------------------


def test_exact_quantity_is_a_point():
    assert interval(qty("3,000", 3000, approx=False)) == (3000, 3000)


def test_bounds_from_the_extractor_are_used_as_given():
    assert interval(qty("nearly 6,000", 6000, low=5400, high=6000)) == (5400, 6000)
    assert interval(qty("odd", 10, approx=True, low=12, high=8)) == (8, 12)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("about 3,000", 3000, (2850, 3150)),
        ("roughly 5,000", 5000, (4750, 5250)),
        ("some 5,200", 5200, (4940, 5460)),
        ("6,000 or so", 6000, (5700, 6300)),
        ("around 100", 100, (95, 105)),
        ("nearly 6,000", 6000, (5400, 6000)),
        ("almost 100", 100, (90, 100)),
        ("a little over 5,000", 5000, (5000, 5500)),
        ("just under 100", 100, (90, 100)),
        ("more than 160,000", 160000, (160000, 240000)),
        ("over 100", 100, (100, 150)),
        ("at least 16", 16, (16, 32)),
        ("up to 3,000", 3000, (0, 3000)),
        ("as many as 3,000", 3000, (0, 3000)),
        ("fewer than 50", 50, (0, 50)),
        ("thousands of", 2000, (2000, 9999)),
        ("tens of thousands of", 20000, (20000, 99999)),
        ("hundreds of", 200, (200, 999)),
        ("an estimated 40", 40, (38, 42)),
    ],
)
def test_tolerance_table_for_hedges_without_bounds(text, value, expected):
    low, high = interval(qty(text, value, approx=True))
    assert low == pytest.approx(expected[0])
    assert high == pytest.approx(expected[1])


# --- the required verdicts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (NBC_6000, ROUGHLY_6000, "consistent"),
        (ADDITIONAL_3000, MORE_3000, "consistent"),
        (ROUGHLY_5000, SOME_5200, "consistent"),
        (NBC_6000, SOME_5200, "conflict"),
        (NBC_6000, ROUGHLY_5000, "conflict"),
    ],
)
def test_required_verdicts(a, b, expected):
    assert verdict(a, b) == expected
    assert verdict(b, a) == expected


def test_verdict_names_the_compared_pair():
    found = compare(NBC_6000, SOME_5200)
    assert (found.a.text, found.b.text, found.unit) == ("6,000 or so", "some 5,200", "troop")
    assert found.a_interval == pytest.approx((5700, 6300))
    assert found.b_interval == pytest.approx((4940, 5460))


def test_little_over_5000_conflicts_with_6000_or_so_and_fits_roughly_5000():
    milley = claim("MILLEY: A little over 5,000 in Iraq right now.", qty("A little over 5,000", 5000))
    assert verdict(milley, NBC_6000) == "conflict"
    assert verdict(milley, ROUGHLY_5000) == "consistent"


def test_percentages():
    a = claim("Unemployment fell to 3.5% in December.", qty("3.5%", 3.5, unit="percent"))
    b = claim("Unemployment fell to about 3.6 percent in December.", qty("about 3.6 percent", 3.6, unit="percent"))
    c = claim("Unemployment fell to 4.1 per cent in December.", qty("4.1 per cent", 4.1, unit="percent"))
    assert verdict(a, b) == "consistent"
    assert verdict(a, c) == "conflict"


def test_money():
    a = claim("The expansion will cost $850 million.", qty("$850 million", 850e6, unit="dollar"))
    b = claim("The expansion will cost nearly $900 million.", qty("nearly $900 million", 900e6, unit="dollar"))
    c = claim("The expansion will cost $1.2 billion.", qty("$1.2 billion", 1.2e9, unit="dollar"))
    assert verdict(a, b) == "consistent"
    assert verdict(a, c) == "conflict"


# --- what counts as the same set -----------------------------------------------------


def test_plan_is_not_compared_with_a_present_count():
    assert verdict(NBC_6000, COULD_REMAIN) == "different"
    found = compare(COULD_REMAIN, SOME_5200)
    assert found.verdict == "different"
    assert found.note == "a plan or possibility vs a present count"


@pytest.mark.parametrize(
    "text",
    [
        "Some 2,500 troops would stay in Iraq.",
        "The Pentagon plans to keep 2,500 troops in Iraq.",
        "Washington would leave 2,500 troops in Iraq.",
        "If talks fail, 2,500 troops will stay in Iraq.",
    ],
)
def test_prospective_counts(text):
    rec = claim(text, qty("2,500", 2500))
    assert quantity_context(rec.text, rec.quantities[0]).mode == "prospective"
    assert verdict(rec, SOME_5200) == "different"


def test_two_plans_are_compared():
    other_plan = claim("Under the plan 2,500 troops could stay in the country.", qty("2,500", 2500, approx=False))
    assert verdict(COULD_REMAIN, other_plan) == "consistent"


def test_modal_of_an_outer_phrase_does_not_make_the_count_prospective():
    context = quantity_context(NBC_6000.text, NBC_6000.quantities[0])
    assert context.mode == "actual"


def test_past_peak_is_a_different_set():
    peak = claim(
        "A fraction of the more than 160,000 who were there at the height of the 2007 surge.",
        qty("more than 160,000", 160000),
    )
    assert quantity_context(peak.text, peak.quantities[0]).mode == "past"
    assert verdict(peak, NBC_6000) == "different"


def test_increment_is_never_compared_with_a_total():
    total = claim("There are 3,000 troops in the Middle East.", qty("3,000", 3000))
    found = compare(MORE_3000, total)
    assert (found.verdict, found.note) == ("different", "increase vs a total")


def test_increment_is_read_from_the_text_when_the_extractor_gave_none():
    unmarked = claim("The U.S. is sending 3,000 more troops to the Middle East.", qty("3,000", 3000, approx=False))
    assert quantity_context(unmarked.text, unmarked.quantities[0]).change == "increase"
    assert verdict(unmarked, MORE_3000) == "consistent"
    hedge = claim("More than 3,000 troops are in the region.", qty("More than 3,000", 3000))
    assert quantity_context(hedge.text, hedge.quantities[0]).change is None


def test_increase_and_decrease_are_not_compared():
    cut = claim("The Army will cut 3,000 troops from the Middle East.", qty("3,000", 3000, change="decrease"))
    assert verdict(cut, MORE_3000) == "different"


def test_different_places_are_different_sets():
    syria = claim("There are some 900 American troops in Syria.", qty("some 900", 900))
    found = compare(syria, SOME_5200)
    assert (found.verdict, found.note) == ("different", "in Syria vs in Iraq")


def test_place_inside_a_named_region_still_meets_it():
    kuwait = claim(
        "The additional 3,000 paratroopers are flowing into Kuwait this week.",
        qty("additional 3,000", 3000, change="increase", unit="paratrooper"),
    )
    assert verdict(kuwait, MORE_3000) == "consistent"


def test_different_owners_are_different_sets():
    iraqi = claim("Some 5,200 Iraqi troops are based in Baghdad.", qty("some 5,200", 5200))
    assert verdict(iraqi, SOME_5200) == "different"


def test_different_years_are_different_sets():
    a = claim("In 2011 there were 5,000 troops in Iraq.", qty("5,000", 5000))
    b = claim("In 2019 there were 5,200 troops in Iraq.", qty("5,200", 5200))
    found = compare(a, b)
    assert found.verdict == "different" and "2011" in found.note and "2019" in found.note


def test_durations_are_never_compared():
    a = claim("Iraq acted five days after the vote.", qty("five days", 5, unit="day"))
    b = claim("Iraq acted seven days after the strike.", qty("seven days", 7, unit="day"))
    assert verdict(a, b) is None


def test_different_unit_groups_are_not_compared_but_flagged_as_lookalikes():
    workers = claim(
        "The carmaker will hire 3,000 more workers at its Ohio plant.",
        qty("3,000 more", 3000, change="increase", unit="worker"),
    )
    assert verdict(workers, MORE_3000) is None
    assert not same_counted_thing(workers, workers.quantities[0], MORE_3000, MORE_3000.quantities[0])
    assert same_number_other_unit(workers, MORE_3000) is not None


def test_missing_units_compare_only_nearly_the_same_words_and_never_conflict():
    a = claim("The figure was 3,000 last year.", qty("3,000", 3000, unit=None))
    other = claim("The figure was 3,000 last year.", qty("3,000", 3000, unit=None))
    assert verdict(a, other) == "consistent"
    bigger = claim("The figure was 4,000 last year.", qty("4,000", 4000, unit=None))
    assert verdict(a, bigger) is None
    elsewhere = claim("Tickets sold out within 3,000 seconds online.", qty("3,000", 3000, unit=None))
    assert verdict(a, elsewhere) is None


def test_closest_pair_is_chosen():
    both = claim(
        "Roughly 6,000 troops are in Iraq, and 900 are in Syria.",
        qty("Roughly 6,000", 6000),
        qty("900", 900, approx=False),
    )
    found = compare(both, NBC_6000)
    assert found.verdict == "consistent" and found.a.value == 6000


def test_quantity_text_missing_from_claim_is_tolerated():
    odd = claim("Numbers were given.", qty("some 5,200", 5200))
    assert verdict(odd, SOME_5200) == "consistent"


def test_non_finite_values_are_skipped():
    odd = claim("Some troops in Iraq.", qty("some", float("nan")), qty("x", float("inf")))
    assert compare(odd, SOME_5200) is None


@pytest.mark.parametrize(("value", "shown"), [(3000, "3,000"), (2.5, "2.5"), (5200.0, "5,200")])
def test_format_value(value, shown):
    assert format_value(value) == shown


def test_starting_point_of_a_change_is_a_past_count():
    text = "Troop numbers fell from 170,000 to 5,200 American troops in Iraq."
    fell = claim(text, qty("170,000", 170000, approx=False), qty("5,200", 5200, approx=False))
    modes = [quantity_context(text, q).mode for q in fell.quantities]
    assert modes == ["past", "actual"]
    assert compare(fell, SOME_5200).a.value == 5200


def test_infinitive_governs_the_number_but_a_place_does_not():
    sent = claim("The Army sent to Iraq 3,000 troops last year.", qty("3,000", 3000))
    assert quantity_context(sent.text, sent.quantities[0]).mode == "actual"


# --- the tolerance table is the authority for known hedges -------------------------------


def test_known_hedges_take_the_table_whatever_bounds_the_extractor_gave():
    # The extractor reads "a little over" as up to +50%; the table says +10%.
    assert interval(qty("A little over 5,000", 5000, low=5000, high=7500)) == pytest.approx((5000, 5500))
    assert interval(qty("about 3,000", 3000, low=2000, high=4000)) == pytest.approx((2850, 3150))


def test_ranges_and_unknown_hedges_keep_the_extractors_bounds():
    assert interval(qty("5,000 to 6,000", 5000, approx=True, low=5000, high=6000)) == (5000, 6000)
    assert interval(qty("3,000-odd", 3000, approx=True, low=3000, high=3500)) == (3000, 3500)


def test_a_little_over_5000_conflicts_with_6000_or_so():
    milley = claim("A little over 5,000 in Iraq right now.", qty("A little over 5,000", 5000, low=5000, high=7500))
    assert verdict(NBC_6000, milley) == "conflict"
    assert verdict(SOME_5200, milley) == "consistent"


def test_small_shared_numbers_are_not_lookalikes():
    countries = claim("Washington broke agreements between the two countries.", qty("two countries", 2, unit="country"))
    governments = claim(
        "Baghdad said it breached deals between the two governments.", qty("two governments", 2, unit="government")
    )
    assert same_number_other_unit(countries, governments) is None
