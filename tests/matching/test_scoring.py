import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from claimtrack.matching.scoring import (
    MatchConfig,
    fuzzy_similarity,
    rank,
    score_pair,
    term_overlap,
)
from tests.matching.builders import CARMAKER, FESTIVAL, IRAQ_NBC, IRAQ_WIRE, claim, qty

CFG = MatchConfig()

TROOPS_SENT = claim(
    "The U.S. announced it was sending 3,000 more troops to the Middle East.",
    qty("3,000 more", 3000, change="increase"),
    context=IRAQ_NBC,
)
WORKERS_HIRED = claim(
    "The carmaker announced it will hire 3,000 more workers at its Ohio plant.",
    qty("3,000 more", 3000, change="increase", unit="worker"),
    context=CARMAKER,
)
VOLUNTEERS_SENT = claim(
    "Port Alder announced it was sending 3,000 more volunteers to the festival.",
    qty("3,000 more", 3000, change="increase", unit="volunteer"),
    context=FESTIVAL,
)
TROOPS_ADDED = claim(
    "The Pentagon is deploying about 3,000 additional troops to the Middle East, officials said.",
    qty("about 3,000 additional", 3000, change="increase"),
    context=IRAQ_WIRE,
)
MILLEY_DENIED = claim(
    "Gen. Mark Milley denied the United States was leaving Iraq.", speaker="Mark Milley", context=IRAQ_NBC
)
MILLEY_SAID = claim("Milley said the U.S. was not pulling out of Iraq.", speaker="Mark Milley", context=IRAQ_WIRE)
NBC_6000 = claim(
    "The removal of the 6,000 or so American troops in Iraq would impact "
    "Operation Inherent Resolve, the coalition fighting Islamic State.",
    qty("6,000 or so", 6000),
    context=IRAQ_NBC,
)
WIRE_5200 = claim(
    "Some 5,200 American troops are based in Iraq, where they train Iraqi forces fighting Islamic State.",
    qty("some 5,200", 5200),
    context=IRAQ_WIRE,
)
WIRE_6000 = claim(
    "Roughly 6,000 American troops are in Iraq, training forces that fight Islamic State.",
    qty("Roughly 6,000", 6000),
    context=IRAQ_WIRE,
)
WIRE_PLAN = claim(
    "Officials said about 2,500 American troops could remain in Iraq under one plan.",
    qty("about 2,500", 2500),
    context=IRAQ_WIRE,
)
WIRE_VOTE = claim(
    "The Iraqi parliament voted on Sunday to expel foreign troops after the U.S. killing of Soleimani.",
    context=IRAQ_WIRE,
)
NBC_VOTE = claim(
    "Five days earlier the Iraqi Parliament voted to end the American military "
    "presence after the U.S. killing of Iran's Gen. Qassem Soleimani.",
    context=IRAQ_NBC,
)

ALL = [
    TROOPS_SENT,
    WORKERS_HIRED,
    VOLUNTEERS_SENT,
    TROOPS_ADDED,
    MILLEY_DENIED,
    MILLEY_SAID,
    NBC_6000,
    WIRE_5200,
    WIRE_6000,
    WIRE_PLAN,
    WIRE_VOTE,
    NBC_VOTE,
]


# --- the look-alike trap --------------------------------------------------------------


@pytest.mark.parametrize("lookalike", [WORKERS_HIRED, VOLUNTEERS_SENT])
def test_lookalike_from_unrelated_story_is_not_linked(lookalike):
    assert score_pair(TROOPS_SENT, lookalike) is None
    raw = score_pair(TROOPS_SENT, lookalike, MatchConfig(min_score=0.0))
    assert raw.score < CFG.min_score / 2
    assert any(r.startswith("different stories") for r in raw.reasons)


def test_lookalike_without_story_context_is_still_not_linked():
    a = dataclasses.replace(TROOPS_SENT, context=frozenset())
    b = dataclasses.replace(WORKERS_HIRED, context=frozenset())
    assert score_pair(a, b) is None
    raw = score_pair(a, b, MatchConfig(min_score=0.0))
    assert "same number, different things: 3,000 troop vs worker" in raw.reasons


def test_unrelated_story_gate_pushes_a_similar_sentence_down():
    same_story = score_pair(TROOPS_SENT, TROOPS_ADDED)
    other_story = score_pair(
        TROOPS_SENT, dataclasses.replace(TROOPS_ADDED, context=CARMAKER), MatchConfig(min_score=0.0)
    )
    assert other_story.score <= same_story.score * CFG.other_story_factor + 1e-9


# --- same and related -------------------------------------------------------------------


def test_paraphrase_from_the_same_story_is_same():
    match = score_pair(MILLEY_DENIED, MILLEY_SAID)
    assert match.relation == "same"
    assert match.score >= CFG.same_threshold
    assert "same speaker: Mark Milley" in match.reasons
    assert "shared entities: Iraq, Milley, United States" in match.reasons
    assert any(r.startswith("same story (") for r in match.reasons)


def test_paraphrase_without_speakers_or_context_is_still_same():
    a = dataclasses.replace(MILLEY_DENIED, speaker=None, context=frozenset())
    b = dataclasses.replace(MILLEY_SAID, speaker=None, context=frozenset())
    assert score_pair(a, b).relation == "same"


def test_same_increment_from_two_outlets_is_same_and_consistent():
    match = score_pair(TROOPS_SENT, TROOPS_ADDED)
    assert (match.relation, match.numeric) == ("same", "consistent")
    assert "same number and unit: 3,000 troop (compared change in troops, in Middle East)" in match.reasons


def test_conflicting_counts_of_the_same_set_are_linked_as_a_conflict():
    match = score_pair(NBC_6000, WIRE_5200)
    assert match.numeric == "conflict"
    assert match.relation == "same"  # the same assertion, with different numbers
    assert "numbers conflict: 6,000 or so vs some 5,200 (compared troops, United States, in Iraq)" in match.reasons
    assert match.numbers.a.text == "6,000 or so"


def test_agreeing_counts_are_consistent():
    match = score_pair(NBC_6000, WIRE_6000)
    assert match.numeric == "consistent"
    assert "same number and unit: 6,000 troop (compared troops, United States, in Iraq)" in match.reasons


def test_plan_and_present_count_are_related_and_different_measures():
    match = score_pair(NBC_6000, WIRE_PLAN)
    assert match is not None
    assert (match.relation, match.numeric) == ("related", "different")
    assert match.reasons[0].startswith("different measures, not compared: ")
    assert match.reasons[0].endswith("(a present count vs a plan or possibility)")


def test_same_event_told_differently_is_linked():
    match = score_pair(NBC_VOTE, WIRE_VOTE)
    assert match is not None and match.numeric is None


def test_denial_and_assertion_are_related_not_same():
    asked = claim(
        "Iraq has asked the United States to begin planning the withdrawal of its troops from Iraq.", context=IRAQ_NBC
    )
    denied = claim("The Pentagon said it has no plans to withdraw American troops from Iraq.", context=IRAQ_WIRE)
    match = score_pair(asked, denied)
    assert match is not None and match.relation == "related"


# --- what is never linked -----------------------------------------------------------------


def test_short_texts_are_not_linked():
    short = claim("Milley denied it.", speaker="Mark Milley", context=IRAQ_WIRE)
    assert score_pair(MILLEY_DENIED, short) is None
    assert score_pair(short, MILLEY_DENIED) is None


def test_never_matches_itself_or_its_own_article():
    assert score_pair(MILLEY_DENIED, MILLEY_DENIED) is None
    sibling = dataclasses.replace(MILLEY_SAID, article_id=MILLEY_DENIED.article_id)
    assert score_pair(MILLEY_DENIED, sibling) is None
    same_id = dataclasses.replace(MILLEY_SAID, claim_id=MILLEY_DENIED.claim_id)
    assert score_pair(MILLEY_DENIED, same_id) is None


def test_min_score_is_respected():
    assert score_pair(MILLEY_DENIED, MILLEY_SAID, MatchConfig(min_score=0.99)) is None


# --- symmetry, time, bounds -----------------------------------------------------------------


@pytest.mark.parametrize("i", range(len(ALL)))
def test_scores_are_symmetric(i):
    for other in ALL:
        ab = score_pair(ALL[i], other, MatchConfig(min_score=0.0))
        ba = score_pair(other, ALL[i], MatchConfig(min_score=0.0))
        assert (ab is None) == (ba is None)
        if ab is not None:
            assert ab.score == pytest.approx(ba.score)
            assert (ab.relation, ab.numeric) == (ba.relation, ba.numeric)


def test_time_distance_lowers_the_score_but_never_below_the_floor():
    later = dataclasses.replace(MILLEY_SAID, published=MILLEY_DENIED.published + timedelta(weeks=8))
    much_later = dataclasses.replace(MILLEY_SAID, published=MILLEY_DENIED.published + timedelta(days=3650))
    near = score_pair(MILLEY_DENIED, MILLEY_SAID).score
    far = score_pair(MILLEY_DENIED, later).score
    farthest = score_pair(MILLEY_DENIED, much_later, MatchConfig(min_score=0.0)).score
    assert far < near
    assert farthest >= near * CFG.min_time_factor - 1e-9
    assert "published 8 weeks apart" in score_pair(MILLEY_DENIED, later).reasons


def test_naive_and_aware_dates_can_be_compared():
    aware = dataclasses.replace(MILLEY_SAID, published=datetime(2020, 1, 10, 12, tzinfo=UTC))
    assert score_pair(MILLEY_DENIED, aware) is not None


def test_unknown_dates_do_not_decay():
    undated = dataclasses.replace(MILLEY_SAID, published=None)
    assert score_pair(MILLEY_DENIED, undated).score == score_pair(MILLEY_DENIED, MILLEY_SAID).score


def test_text_measures_are_bounded():
    for a in ALL:
        for b in ALL:
            assert 0.0 <= fuzzy_similarity(a.text, b.text) <= 1.0
            assert 0.0 <= term_overlap(a.text, b.text, a.context & b.context) <= 1.0


# --- ranking ------------------------------------------------------------------------------------


def test_rank_orders_best_first_and_applies_limit():
    ranked = rank(NBC_6000, ALL)
    scores = [m.score for _, m in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(c.claim_id != NBC_6000.claim_id for c, _ in ranked)
    assert WORKERS_HIRED not in [c for c, _ in ranked]
    assert {WIRE_5200, WIRE_6000} <= {c for c, _ in ranked}
    assert len(rank(NBC_6000, ALL, limit=1)) == 1
    assert rank(NBC_6000, []) == []


def test_rank_breaks_ties_by_claim_id():
    twin_a = dataclasses.replace(WIRE_5200, claim_id=900, article_id=900)
    twin_b = dataclasses.replace(WIRE_5200, claim_id=901, article_id=901)
    ranked = rank(NBC_6000, [twin_b, twin_a])
    assert [c.claim_id for c, _ in ranked] == [900, 901]


# --- polarity, pruning ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "opposite"),
    [
        (
            "The Pentagon has no plans to withdraw troops from Iraq.",
            "Iraq asked the Pentagon to plan to withdraw troops.",
            True,
        ),
        # The denial covers what the other claim does not say: no contradiction.
        (
            "Milley denied the United States was leaving, calling the memo a mistake and an unsigned draft.",
            "Milley said the letter was an unsigned draft sent by mistake.",
            False,
        ),
        (
            "Milley said the U.S. was not pulling out of Iraq.",
            "Milley denied the United States was leaving Iraq.",
            False,
        ),
        (
            "A delegation would discuss the partnership rather than a troop withdrawal.",
            "Any team would talk about the partnership, not about leaving.",
            False,
        ),
    ],
)
def test_opposite_polarity_needs_the_denial_to_cover_the_assertion(a, b, opposite):
    from claimtrack.matching.scoring import opposite_polarity

    assert opposite_polarity(a, b) is opposite
    assert opposite_polarity(b, a) is opposite


@pytest.mark.parametrize("limit", [1, 3, 20])
def test_rank_equals_scoring_every_candidate(limit):
    for query in ALL:
        brute = sorted(
            ((c, m) for c in ALL if (m := score_pair(query, c)) is not None),
            key=lambda cm: (-cm[1].score, cm[0].claim_id),
        )[:limit]
        assert rank(query, ALL, limit=limit) == brute


def test_a_floor_only_drops_pairs_that_cannot_reach_it():
    match = score_pair(NBC_6000, WIRE_5200)
    assert score_pair(NBC_6000, WIRE_5200, floor=match.score - 0.01) == match
    assert score_pair(NBC_6000, WIRE_5200, floor=match.score) == match  # a tie is kept
    assert score_pair(NBC_6000, WIRE_5200, floor=0.99) is None
