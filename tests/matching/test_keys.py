import pytest

from claimtrack.matching.keys import (
    BLOCKING_LIMIT,
    QUERY_LIMIT,
    blocking_keys,
    query_keys,
    speaker_key,
)
from tests.matching.builders import claim, qty

MORE_TROOPS = claim(
    "The U.S. announced it was sending 3,000 more troops to the Middle East.",
    qty("3,000 more", 3000, change="increase"),
    speaker="United States",
)
MORE_WORKERS = claim(
    "The carmaker announced it will hire 3,000 more workers at its Ohio plant.",
    qty("3,000 more", 3000, change="increase", unit="worker"),
)
NBC_6000 = claim(
    "The removal of the 6,000 or so American troops in Iraq would impact Operation Inherent Resolve.",
    qty("6,000 or so", 6000),
)
SOME_5200 = claim("Some 5,200 American troops are based in Iraq.", qty("some 5,200", 5200))
MILLEY = claim("Gen. Mark Milley denied the United States was leaving Iraq.", speaker="Gen. Mark Milley")


def test_key_kinds_of_a_counted_claim():
    keys = blocking_keys(MORE_TROOPS)
    assert {
        "n:3000:troop",
        "u:troop:middle_east",
        "e:united_states",
        "e:middle_east",
        "s:united_states",
        "t:send",
    } <= keys


def test_number_keys_carry_the_unit_group():
    assert "n:3000:troop" in blocking_keys(MORE_TROOPS)
    assert "n:3000:worker" in blocking_keys(MORE_WORKERS)
    assert not [k for k in blocking_keys(MORE_TROOPS) & query_keys(MORE_WORKERS) if k.startswith(("n:", "u:"))]


def test_counts_of_one_set_share_a_key_whatever_the_numbers():
    assert "u:troop:iraq" in blocking_keys(NBC_6000) & query_keys(SOME_5200)


def test_speaker_and_name_keys():
    keys = blocking_keys(MILLEY)
    assert {"s:mark_milley", "e:milley", "e:iraq", "e:united_states", "t:withdraw"} <= keys


def test_unit_groups_and_stop_words_are_not_term_keys():
    keys = blocking_keys(SOME_5200)
    assert "t:troop" not in keys
    assert not {"t:the", "t:are", "t:some"} & keys


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Gen. Mark Milley", "mark_milley"),
        ("Mark Milley", "mark_milley"),
        ("mark  milley", "mark_milley"),
        ("Adel Abdul-Mahdi", "adel_abdul_mahdi"),
        ("President", "president"),
        (None, None),
        ("", None),
        ("...", None),
    ],
)
def test_speaker_key(name, key):
    assert speaker_key(name) == key


def test_key_count_is_bounded():
    many = claim(
        "In Iraq, Syria, Kuwait, Jordan and Lebanon the Pentagon said 1,000 troops, 2,000 "
        "workers, 3,000 people, 4,000 volunteers, 5,000 refugees and 6,000 drones moved "
        "while Esper, Milley, Pompeo, Trump, Soleimani and Abdul-Mahdi argued about "
        "withdrawal, deployment, sanctions, airstrikes, militias, embassies and elections.",
        qty("1,000", 1000),
        qty("2,000", 2000, unit="worker"),
        qty("3,000", 3000, unit="person"),
        qty("4,000", 4000, unit="volunteer"),
        qty("5,000", 5000, unit="refugee"),
        qty("6,000", 6000, unit="drone"),
        speaker="Pentagon",
    )
    assert len(blocking_keys(many)) <= BLOCKING_LIMIT
    assert len(blocking_keys(many)) == BLOCKING_LIMIT  # the budget is used, not exceeded
    assert len(query_keys(many)) <= QUERY_LIMIT + BLOCKING_LIMIT


def test_query_keys_extend_blocking_keys():
    for rec in (MORE_TROOPS, MORE_WORKERS, NBC_6000, SOME_5200, MILLEY):
        assert blocking_keys(rec) <= query_keys(rec)


def test_keys_are_deterministic():
    assert blocking_keys(NBC_6000) == blocking_keys(NBC_6000)


def test_document_frequencies_drop_common_keys_but_keep_the_rarest():
    keys = blocking_keys(MORE_TROOPS)
    df = {k: 900 for k in keys}
    df["t:send"] = 2
    kept = blocking_keys(MORE_TROOPS, df, total=1000, max_df_ratio=0.05, min_keys=1)
    assert kept == {"t:send"}
    unseen = blocking_keys(MORE_TROOPS, {}, total=1000)
    assert unseen == keys  # keys nobody holds yet are rare by definition


def test_claim_without_content_still_gets_keys_or_none_without_error():
    assert blocking_keys(claim("")) == set()
    assert blocking_keys(claim("it was so.")) == set()


def test_candidate_keys_cover_every_key_either_side_may_choose():
    from claimtrack.matching.keys import candidate_keys

    for rec in (MORE_TROOPS, MORE_WORKERS, NBC_6000, SOME_5200, MILLEY):
        every = candidate_keys(rec)
        df = {key: i for i, key in enumerate(sorted(every))}
        for choose in (blocking_keys, query_keys):
            assert choose(rec) <= every
            assert choose(rec, df, 40, max_df_ratio=0.1) <= every


def test_near_duplicate_keys_meet_reworded_copies_and_stay_apart_otherwise():
    from claimtrack.matching.keys import MINHASH_BANDS, minhash_keys

    original = claim("Critics of Sunber Motors said the wildfire response had been badly planned.")
    copy = claim("Critics of Sunber Motors said the wildfire response was badly planned.")
    other = claim("Residents of Migar said they had heard little about the troop deployment.")
    bands = {k for k in blocking_keys(original) if k.startswith("m:")}
    assert len(bands) == MINHASH_BANDS
    assert bands & blocking_keys(copy)
    assert not bands & blocking_keys(other)
    assert minhash_keys(["too", "few"]) == []
    # The same terms give the same keys in any order and in any process.
    assert minhash_keys(["b", "a", "c"]) == minhash_keys(["c", "b", "a"])
    assert minhash_keys(["a", "b", "c"])[0] == "m:0:6fff1a3245d0"
