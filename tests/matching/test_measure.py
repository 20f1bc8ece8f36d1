"""Deciding that two figures measure the same thing (``matching.measure`` and
``numeric.compare``), one rule at a time, on sentences we wrote."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from claimtrack.matching import score_pair
from claimtrack.matching.measure import read_measure
from claimtrack.matching.numeric import compare
from tests.matching.builders import claim, qty


def pct(text: str, value: float, **kw) -> object:
    return qty(text, value, unit="percent", **kw)


def usd(text: str, value: float) -> object:
    return qty(text, value, unit="dollar")


def found(a, b):
    result = compare(a, b)
    return (result.verdict, result.note) if result else None


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        (
            claim("Whitfield leads with 48 percent in the Tribune poll of likely voters.", pct("48 percent", 48)),
            claim("Whitfield has 44 percent in a Harbor Research survey of likely voters.", pct("44 percent", 44)),
            "different polls",
        ),
        (
            claim("Her lead slipped 2 points after the second debate.", qty("2 points", 2, unit="point")),
            claim("She is six points ahead after the second debate.", qty("six points", 6, unit="point")),
            "a change vs a lead",
        ),
        (
            claim("The campaign raised $9 million last month from small donors.", usd("$9 million", 9e6)),
            claim("The campaign has raised $14 million so far from small donors.", usd("$14 million", 14e6)),
            "a level vs a running total",
        ),
        (
            claim("Donors gave $12 million to the campaign itself, filings show.", usd("$12 million", 12e6)),
            claim(
                "Donors gave $15.3 million in all to the campaign and its allies, filings show.",
                usd("$15.3 million", 15.3e6),
            ),
            "a level vs a running total",
        ),
        (
            claim("The jobless rate was 6.1 percent in March, the labour office said.", pct("6.1 percent", 6.1)),
            claim("The jobless rate was 5.4 percent in 2019, the labour office said.", pct("5.4 percent", 5.4)),
            "March vs 2019",
        ),
        (
            claim("Turnout in Harbor County reached 58 percent in the primary.", pct("58 percent", 58)),
            claim("Turnout in Westmark reached 49 percent in the primary.", pct("49 percent", 49)),
            "in Harbor County vs in Westmark",
        ),
        (
            claim("Some 64 percent of voters back the ferry plan, the survey found.", pct("64 percent", 64)),
            claim(
                "Some 30 percent of the company's staff back the ferry plan, the survey found.", pct("30 percent", 30)
            ),
            "of voter vs of company",
        ),
        (
            claim("The app signed up 12,000 riders in the last month.", qty("12,000 riders", 12000, unit="rider")),
            claim("The app has signed up 40,000 riders since launch.", qty("40,000 riders", 40000, unit="rider")),
            "a level vs a running total",
        ),
    ],
)
def test_different_measures_are_never_a_conflict(a, b, why):
    verdict, note = found(a, b)
    assert verdict == "different" and why in note.split("; ")
    assert found(b, a)[0] == "different"


def test_a_month_counts_from_the_article_date():
    friday = datetime(2024, 3, 8)
    a = dataclasses.replace(
        claim("Sales reached $4 million last month, the firm said.", usd("$4 million", 4e6)), published=friday
    )
    april = dataclasses.replace(
        claim("Sales reached $5 million this month, the firm said.", usd("$5 million", 5e6)),
        published=datetime(2024, 4, 2),
    )
    march = dataclasses.replace(
        claim("Sales reached $5 million this month, the firm said.", usd("$5 million", 5e6)),
        published=datetime(2024, 3, 20),
    )
    assert read_measure(a.text, a.quantities[0], published=friday).times == frozenset({"month:february"})
    assert found(a, april) == ("different", "February vs April")
    assert found(a, march) == ("different", "February vs March")
    same_month = dataclasses.replace(
        claim("Sales reached $5 million in February, the firm said.", usd("$5 million", 5e6)), published=friday
    )
    assert found(a, same_month) == ("conflict", "")


def test_a_conflict_needs_the_same_poll_named_on_both_sides():
    named = claim("Whitfield has 48 percent in the Tribune poll.", pct("48 percent", 48))
    unnamed = claim("Whitfield has 52 percent in the latest poll.", pct("52 percent", 52))
    same = claim("The Tribune poll puts Whitfield at 52 percent.", pct("52 percent", 52))
    assert found(named, unnamed) == ("different", "not shown to be the same poll")
    assert found(named, same) == ("conflict", "")


def test_corresponding_figures_are_compared():
    a = claim(
        "In the Tribune poll, Whitfield has 48 percent and Reyes 41 percent.",
        pct("48 percent", 48),
        pct("41 percent", 41),
    )
    b = claim(
        "The Tribune poll put Whitfield at 52 percent against 41 percent for Reyes.",
        pct("52 percent", 52),
        pct("41 percent", 41),
    )
    result = compare(a, b)
    assert result.verdict == "conflict" and (result.a.value, result.b.value) == (48, 52)


def test_figures_far_apart_are_not_a_conflict():
    a = claim("The campaign raised $9 million from donors.", usd("$9 million", 9e6))
    b = claim("The campaign raised $140 million from donors.", usd("$140 million", 140e6))
    assert found(a, b) == ("different", "figures of a different order")


def test_near_identical_sentences_with_the_same_unitless_figures_are_consistent():
    a = claim(
        "The city council voted 7-2 on Tuesday to approve the ferry contract.",
        qty("7", 7, unit=None),
        qty("2", 2, unit=None),
    )
    b = claim(
        "The city council voted 7-2 on Tuesday to approve the ferry contract, officials said.",
        qty("7", 7, unit=None),
        qty("2", 2, unit=None),
    )
    assert found(a, b) == ("consistent", "")


def test_the_numeric_verdict_never_changes_the_relation():
    base = claim(
        "The harbour board said the ferry contract is worth $48 million over ten years.",
        usd("$48 million", 48e6),
        article=1,
    )
    agree = claim(
        "The ferry contract is worth $48 million over ten years, the harbour board said.",
        usd("$48 million", 48e6),
        article=2,
    )
    disagree = dataclasses.replace(
        agree,
        claim_id=agree.claim_id + 10_000,
        article_id=3,
        text=agree.text.replace("$48", "$36"),
        quantities=(usd("$36 million", 36e6),),
    )
    ma, md = score_pair(base, agree), score_pair(base, disagree)
    assert (ma.numeric, md.numeric) == ("consistent", "conflict")
    assert ma.relation == md.relation == "same"
    assert "(compared dollars" in md.reasons[0]


# --- rules read on cross-outlet coverage -------------------------------------------------

APRIL = datetime(2026, 4, 20)
MAY = datetime(2026, 5, 28)


def test_counts_told_weeks_apart_with_no_common_date_never_conflict():
    a = claim(
        "With 96 delegates at stake, the senator is sure of at least 50.",
        qty("96 delegates", 96, unit="delegate"),
        published=APRIL,
    )
    b = claim(
        "In the primary race, the senator won roughly 30 more delegates, out of 180 at stake.",
        qty("180", 180, unit="delegate"),
        published=MAY,
    )
    result = compare(a, b)
    assert result.verdict == "different" and "days apart" in result.note


def test_a_month_named_on_both_sides_keeps_the_conflict_across_weeks():
    a = claim(
        "Her campaign says it raised more than $31 million in February for the race.",
        usd("more than $31 million", 31e6),
        published=datetime(2026, 3, 20),
    )
    b = claim(
        "On Sunday her campaign said it had raised $25 million in February alone for the race.",
        usd("$25 million", 25e6),
        published=datetime(2026, 3, 1),
    )
    assert compare(a, b).verdict == "conflict"


def test_one_shared_word_does_not_make_two_rates_one_measure():
    a = claim("He would tax partnership income at a low 12 percent rate.", pct("12 percent", 12))
    b = claim("For school leavers between 17 and 20, the jobless rate is 29 percent.", pct("29 percent", 29))
    assert compare(a, b).verdict != "conflict"


def test_counts_of_states_with_different_outcomes_are_not_a_conflict():
    a = claim(
        "More people voted for the mayor than for the governor in two states on Tuesday.",
        qty("two states", 2, unit="state"),
    )
    b = claim(
        "The governor is claiming momentum after three early states wins on Tuesday.",
        qty("three early states", 3, unit="state"),
    )
    assert compare(a, b).verdict != "conflict"


def test_equal_shares_of_different_things_are_not_consistent():
    a = claim("The former governor sits at just 12% in the new poll.", pct("12%", 12))
    b = claim("The mayor said burglaries have gone down 12 percent since spring.", pct("12 percent", 12))
    assert compare(a, b).verdict != "consistent"


def test_one_as_everyday_wording_is_not_agreement():
    a = claim("At one point, a voter asked the senator for a photo.", qty("one point", 1, unit="point"))
    b = claim("The ad, he said at one point, was unfair.", qty("one point", 1, unit="point"))
    assert compare(a, b) is None or compare(a, b).verdict != "consistent"


def test_an_open_bound_far_above_a_figure_says_nothing_about_it():
    a = claim("Households earning less than $200,000 would get a credit.", usd("less than $200,000", 2e5))
    b = claim("The weekly benefit would be $200.", usd("$200", 200))
    a = dataclasses.replace(a, quantities=(dataclasses.replace(a.quantities[0], low=0.0, approx=True),))
    assert compare(a, b).verdict != "consistent"


def test_equal_distinctive_thresholds_agree_with_or_without_a_modal():
    a = claim(
        "It takes 1,991 delegates to win the party's nomination.",
        qty("1,991 delegates", 1991, unit="delegate"),
        published=APRIL,
    )
    b = claim(
        "Either candidate would need 1,991 delegates to secure the nomination.",
        qty("1,991 delegates", 1991, unit="delegate"),
        published=MAY,
    )
    assert compare(a, b).verdict == "consistent"


def test_the_equal_figure_is_the_counterpart():
    a = claim(
        "The senator needs 54 delegates to reach the 1,991 needed to win.",
        qty("54 delegates", 54, unit="delegate"),
        qty("1,991", 1991, unit="delegate"),
    )
    b = claim(
        "Either candidate would need 1,991 delegates to secure the nomination.",
        qty("1,991 delegates", 1991, unit="delegate"),
    )
    result = compare(a, b)
    assert result.verdict == "consistent" and result.a.value == 1991


def test_durations_agree_in_the_same_words_and_never_conflict():
    a = claim(
        "She may not have paid federal income taxes for nearly two decades.",
        qty("nearly two decades", 2, unit="decade", approx=True, low=1.8),
    )
    b = claim(
        "Loopholes let her avoid paying federal income taxes for nearly two decades, he said.",
        qty("nearly two decades", 2, unit="decade", approx=True, low=1.8),
    )
    c = claim(
        "Officials said she had not filed federal returns for over a decade.",
        qty("over a decade", 1, unit="decade", approx=True, high=1.5),
    )
    assert compare(a, b).verdict == "consistent"
    assert compare(a, c) is None or compare(a, c).verdict != "conflict"


def test_a_loss_of_and_lost_are_the_same_measure():
    a = claim("Filings show the firm lost $412 million in 1997.", usd("$412 million", 412e6))
    b = claim("The paper wrote that the firm had claimed a loss of $412 million in 1997.", usd("$412 million", 412e6))
    assert compare(a, b).verdict == "consistent"


def test_a_kind_of_race_is_not_a_count_that_agrees():
    a = claim("It signals a protracted, three-way fight for the nomination.", qty("three-way", 3, unit="way"))
    b = claim("The governors are in a three-way race for second.", qty("three-way", 3, unit="way"))
    assert compare(a, b) is None or compare(a, b).verdict != "consistent"


def test_a_poll_named_after_released_by_or_conducted_by_is_one_poll():
    a = claim(
        "The poll, released on Tuesday night by the Harbor Policy Institute, showed Whitfield ahead, "
        "52 percent to 40 percent.",
        pct("52 percent", 52),
        pct("40 percent", 40),
    )
    b = claim(
        "The survey, conducted by the Harbor Policy Institute, finds Whitfield with 52 percent to "
        "40 percent among likely voters.",
        pct("52 percent", 52),
        pct("40 percent", 40),
    )
    assert read_measure(a.text, a.quantities[0], alone=False, clause_alone=False).pollsters >= {"harbor"}
    assert compare(a, b).verdict == "consistent"


def test_one_share_agreeing_beside_one_that_does_not_is_another_poll():
    a = claim(
        "Among members alone, Whitfield leads Reyes 51 percent to 43 percent.",
        pct("51 percent", 51),
        pct("43 percent", 43),
    )
    b = claim(
        "Whitfield is underwater at 43 percent favourable and 55 percent unfavourable.",
        pct("43 percent", 43),
        pct("55 percent", 55),
    )
    assert compare(a, b).verdict == "different"


def test_the_window_of_a_winning_streak_is_not_a_conflict():
    a = claim(
        "The senator has won eight of the past nine contests, aides said.", qty("nine contests", 9, unit="contest")
    )
    b = claim(
        "With the win, the senator has won six of the past seven contests, aides said.",
        qty("seven contests", 7, unit="contest"),
    )
    assert compare(a, b).verdict != "conflict"


def test_years_ago_name_a_time_and_are_not_compared():
    a = claim("Her age draws less comment than it did eight years ago, she said.", qty("eight years", 8, unit="year"))
    b = claim("Eight years ago, she said, the race was over by March.", qty("Eight years", 8, unit="year"))
    assert compare(a, b) is None


def test_thats_down_is_a_change():
    m = read_measure("But that's down 13 points from her first-quarter average.", qty("13 points", 13, unit="point"))
    assert m.aspect == "change"


def test_a_total_of_is_a_plain_count_not_a_running_total():
    m = read_measure("The office withheld a total of seven email chains.", qty("seven email chains", 7, unit="chain"))
    assert m.aspect == "level"


def test_an_opening_phrase_dates_the_only_figure():
    m = read_measure("In the 2012 election, the governor won only 27 percent of that vote.", pct("27 percent", 27))
    assert "year:2012" in m.times
    n = read_measure("There are 5,000 troops in the region, where forces returned in 2014.", qty("5,000 troops", 5000))
    assert "year:2014" not in n.times


def test_vague_magnitudes_agree_only_in_corresponding_words():
    a = claim(
        "The bill expanded health insurance for millions of Americans.",
        qty("millions of Americans", 2e6, unit="american", approx=True, high=9999999),
    )
    b = claim(
        "On a purely political level, it means the senator speaks for millions of Americans.",
        qty("millions of Americans", 2e6, unit="american", approx=True, high=9999999),
    )
    assert compare(a, b).verdict != "consistent"


def test_a_possessive_or_a_cut_word_does_not_make_another_subject():
    a = read_measure(
        "Those voters make up more than half the electorate in North Dakota's primary.", pct("more than half", 50)
    )
    assert "dakota" in a.subjects | {w for p in a.places for w in p.split()} and "dak" not in a.subjects
    assert not any(s.endswith(("'s", "’s")) for s in a.subjects)


def test_a_shared_weekday_is_a_time_not_a_corresponding_word():
    a = claim(
        "It is a win for the senator, who was swept by the governor in five states last Tuesday.",
        qty("five states", 5, unit="state"),
    )
    b = claim(
        "More people voted for the mayor than for the governor in two states Tuesday night.",
        qty("two states", 2, unit="state"),
    )
    assert compare(a, b).verdict != "conflict"
