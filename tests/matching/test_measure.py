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


@pytest.mark.parametrize(("a", "b", "why"), [
    (claim("Whitfield leads with 48 percent in the Tribune poll of likely voters.", pct("48 percent", 48)),
     claim("Whitfield has 44 percent in a Harbor Research survey of likely voters.", pct("44 percent", 44)),
     "different polls"),
    (claim("Her lead slipped 2 points after the second debate.", qty("2 points", 2, unit="point")),
     claim("She is six points ahead after the second debate.", qty("six points", 6, unit="point")),
     "a change vs a lead"),
    (claim("The campaign raised $9 million last month from small donors.", usd("$9 million", 9e6)),
     claim("The campaign has raised $14 million so far from small donors.", usd("$14 million", 14e6)),
     "a level vs a running total"),
    (claim("Donors gave $12 million to the campaign itself, filings show.", usd("$12 million", 12e6)),
     claim("Donors gave $15.3 million in all to the campaign and its allies, filings show.",
           usd("$15.3 million", 15.3e6)),
     "a level vs a running total"),
    (claim("The jobless rate was 6.1 percent in March, the labour office said.", pct("6.1 percent", 6.1)),
     claim("The jobless rate was 5.4 percent in 2019, the labour office said.", pct("5.4 percent", 5.4)),
     "March vs 2019"),
    (claim("Turnout in Harbor County reached 58 percent in the primary.", pct("58 percent", 58)),
     claim("Turnout in Westmark reached 49 percent in the primary.", pct("49 percent", 49)),
     "in Harbor County vs in Westmark"),
    (claim("Some 64 percent of voters back the ferry plan, the survey found.",
           pct("64 percent", 64)),
     claim("Some 30 percent of the company's staff back the ferry plan, the survey found.",
           pct("30 percent", 30)),
     "of voter vs of company"),
    (claim("The app signed up 12,000 riders in the last month.", qty("12,000 riders", 12000, unit="rider")),
     claim("The app has signed up 40,000 riders since launch.", qty("40,000 riders", 40000, unit="rider")),
     "a level vs a running total"),
])
def test_different_measures_are_never_a_conflict(a, b, why):
    verdict, note = found(a, b)
    assert verdict == "different" and why in note.split("; ")
    assert found(b, a)[0] == "different"


def test_a_month_counts_from_the_article_date():
    friday = datetime(2024, 3, 8)
    a = dataclasses.replace(claim("Sales reached $4 million last month, the firm said.", usd("$4 million", 4e6)),
                            published=friday)
    april = dataclasses.replace(claim("Sales reached $5 million this month, the firm said.",
                                      usd("$5 million", 5e6)), published=datetime(2024, 4, 2))
    march = dataclasses.replace(claim("Sales reached $5 million this month, the firm said.",
                                      usd("$5 million", 5e6)), published=datetime(2024, 3, 20))
    assert read_measure(a.text, a.quantities[0], published=friday).times == frozenset({"month:february"})
    assert found(a, april) == ("different", "February vs April")
    assert found(a, march) == ("different", "February vs March")
    same_month = dataclasses.replace(claim("Sales reached $5 million in February, the firm said.",
                                           usd("$5 million", 5e6)), published=friday)
    assert found(a, same_month) == ("conflict", "")


def test_a_conflict_needs_the_same_poll_named_on_both_sides():
    named = claim("Whitfield has 48 percent in the Tribune poll.", pct("48 percent", 48))
    unnamed = claim("Whitfield has 52 percent in the latest poll.", pct("52 percent", 52))
    same = claim("The Tribune poll puts Whitfield at 52 percent.", pct("52 percent", 52))
    assert found(named, unnamed) == ("different", "not shown to be the same poll")
    assert found(named, same) == ("conflict", "")


def test_corresponding_figures_are_compared():
    a = claim("In the Tribune poll, Whitfield has 48 percent and Reyes 41 percent.",
              pct("48 percent", 48), pct("41 percent", 41))
    b = claim("The Tribune poll put Whitfield at 52 percent against 41 percent for Reyes.",
              pct("52 percent", 52), pct("41 percent", 41))
    result = compare(a, b)
    assert result.verdict == "conflict" and (result.a.value, result.b.value) == (48, 52)


def test_figures_far_apart_are_not_a_conflict():
    a = claim("The campaign raised $9 million from donors.", usd("$9 million", 9e6))
    b = claim("The campaign raised $140 million from donors.", usd("$140 million", 140e6))
    assert found(a, b) == ("different", "figures of a different order")


def test_near_identical_sentences_with_the_same_unitless_figures_are_consistent():
    a = claim("The city council voted 7-2 on Tuesday to approve the ferry contract.",
              qty("7", 7, unit=None), qty("2", 2, unit=None))
    b = claim("The city council voted 7-2 on Tuesday to approve the ferry contract, officials said.",
              qty("7", 7, unit=None), qty("2", 2, unit=None))
    assert found(a, b) == ("consistent", "")


def test_the_numeric_verdict_never_changes_the_relation():
    base = claim("The harbour board said the ferry contract is worth $48 million over ten years.",
                 usd("$48 million", 48e6), article=1)
    agree = claim("The ferry contract is worth $48 million over ten years, the harbour board said.",
                  usd("$48 million", 48e6), article=2)
    disagree = dataclasses.replace(agree, claim_id=agree.claim_id + 10_000, article_id=3,
                                   text=agree.text.replace("$48", "$36"),
                                   quantities=(usd("$36 million", 36e6),))
    ma, md = score_pair(base, agree), score_pair(base, disagree)
    assert (ma.numeric, md.numeric) == ("consistent", "conflict")
    assert ma.relation == md.relation == "same"
    assert "(compared dollars" in md.reasons[0]
