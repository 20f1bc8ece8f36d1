import pytest

from claimtrack.matching.normalise import (
    content_terms,
    entities,
    normalised_text,
    parse_number,
    stem,
    story_terms,
    tokens,
    unit_group,
)
from claimtrack.matching.number_forms import canonical_number
from tests.matching.builders import CARMAKER, FESTIVAL, IRAQ_NBC, IRAQ_WIRE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,000", 3000),
        ("3000", 3000),
        ("three thousand", 3000),
        ("3k", 3000),
        ("3K", 3000),
        ("1.5 million", 1_500_000),
        ("1.5m", 1_500_000),
        ("2bn", 2e9),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("a dozen", 12),
        ("a million", 1_000_000),
        ("5,200", 5200),
        ("0.5", 0.5),
        ("six thousand", 6000),
    ],
)
def test_numbers_in_any_form_parse_to_one_value(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["3,000 troops", "3000 troops", "three thousand troops", "3k troops", "3 thousand troops"]
)
def test_numbers_become_one_canonical_digit_token(text):
    assert tokens(text) == ["3000", "troop"]


def test_canonical_number_drops_noise():
    assert canonical_number(3000.0) == "3000"
    assert canonical_number(2.5) == "2.5"
    assert canonical_number(float("nan")) == "nan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$3 million", ["dollar", "3000000"]),
        ("3 million dollars", ["3000000", "dollar"]),
        ("5%", ["5", "percent"]),
        ("5 per cent", ["5", "percent"]),
        ("5 percent", ["5", "percent"]),
        ("a 3km walk", ["a", "3", "km", "walk"]),
    ],
)
def test_money_and_percentages(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "troops",
        "soldiers",
        "service members",
        "servicemen",
        "forces",
        "paratroopers",
        "Marines",
        "military personnel",
        "reservists",
    ],
)
def test_military_nouns_fold_into_troop(phrase):
    assert tokens(f"3,000 {phrase}") == ["3000", "troop"]


@pytest.mark.parametrize(
    ("phrase", "group"),
    [
        ("workers", "worker"),
        ("employees", "worker"),
        ("staff", "worker"),
        ("jobs", "worker"),
        ("people", "person"),
        ("protesters", "person"),
        ("demonstrators", "person"),
        ("volunteers", "volunteer"),
    ],
)
def test_other_unit_groups(phrase, group):
    assert tokens(f"200 {phrase}")[-1] == group


@pytest.mark.parametrize(
    ("lemma", "group"),
    [
        ("troop", "troop"),
        ("service member", "troop"),
        ("soldier", "troop"),
        ("paratrooper", "troop"),
        ("employee", "worker"),
        ("worker", "worker"),
        ("person", "person"),
        ("percent", "percent"),
        ("dollar", "dollar"),
        ("widget", "widget"),
        ("widgets", "widget"),
        (None, None),
        ("", None),
    ],
)
def test_unit_group_of_extractor_lemmas(lemma, group):
    assert unit_group(lemma) == group


@pytest.mark.parametrize(
    "text",
    [
        "U.S. troops",
        "US troops",
        "United States troops",
        "America's troops",
        "American troops",
        "Washington's troops",
        "troops of the United States of America",
    ],
)
def test_united_states_aliases(text):
    assert "united_states" in entities(text)
    assert "united_states" in tokens(text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("the Iraqi parliament", "iraq"),
        ("in Iraq", "iraq"),
        ("the U.K. said", "united_kingdom"),
        ("Britain said", "united_kingdom"),
        ("British troops", "united_kingdom"),
        ("the Pentagon said", "pentagon"),
        ("the Defense Department said", "pentagon"),
        ("the DoD said", "pentagon"),
        ("ISIS fighters", "islamic_state"),
        ("the Islamic State group", "islamic_state"),
        ("to the Middle East", "middle_east"),
    ],
)
def test_entity_aliases(text, entity):
    assert entity in entities(text)


def test_lowercase_us_is_a_pronoun_not_the_country():
    assert "united_states" not in tokens("they told us to leave")


def test_longest_alias_wins():
    assert "washington_post" in tokens("the Washington Post reported")
    assert "united_states" not in tokens("the Washington Post reported")
    # "joint chiefs of staff" is an office, not a count of staff.
    assert tokens("chairman of the joint chiefs of staff") == ["chairman", "of", "the", "joint_chiefs"]


def test_content_terms_drop_stop_words_and_reporting_verbs():
    assert content_terms("The U.S. said it was sending troops") == {"united_states", "send", "troop"}


def test_paraphrased_event_words_meet():
    leaving = content_terms("Milley denied the United States was leaving Iraq")
    pulling = content_terms("Milley said the U.S. was not pulling out of Iraq")
    assert {"withdraw", "not", "united_states", "iraq", "milley"} <= leaving & pulling


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("plans", "planned"),
        ("bases", "based"),
        ("moving", "move"),
        ("killed", "kill"),
        ("casualties", "casualty"),
        ("announced", "announce"),
    ],
)
def test_stemmer_meets_inflections(a, b):
    assert stem(a) == stem(b)


def test_normalised_text_is_space_joined_content_terms():
    assert normalised_text("Some 5,200 American troops are based in Iraq") == ("5200 united_states troop bas iraq")


def test_names_are_found_inside_and_at_start_of_sentences():
    found = entities("Gen. Mark Milley denied it. Milley said Friday that Esper agreed.")
    assert "milley" in found and "esper" in found
    assert "mark" not in found  # a run of names yields the surname
    assert "friday" not in found
    assert "gen" not in found


def test_title_case_headline_does_not_make_every_word_a_name():
    assert entities("Iraq Asks United States To Make Plans To Withdraw Forces") == {"iraq", "united_states"}


def test_story_terms_capture_the_subject():
    assert len(IRAQ_NBC) <= 25
    assert {"iraq", "united_states", "troop", "withdraw", "soleimani"} <= IRAQ_NBC
    assert not any(term[0].isdigit() for term in IRAQ_NBC)


def test_story_terms_of_one_story_overlap_and_of_different_stories_do_not():
    assert len(IRAQ_NBC & IRAQ_WIRE) >= 8
    assert len(IRAQ_NBC & CARMAKER) < 3
    assert len(IRAQ_NBC & FESTIVAL) < 3


def test_story_terms_respect_limit():
    assert len(story_terms("Iraq troops", "Iraq troops " * 5 + "words " * 50, limit=3)) <= 3
    assert story_terms("", "") == frozenset()


def test_empty_and_odd_text():
    assert tokens("") == []
    assert content_terms("!!! ... ---") == set()
    assert parse_number("no number here") is None
    assert parse_number("3 and 4") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("delegation", "delegates"),
        ("operations", "operating"),
        ("delegations", "delegated"),
    ],
)
def test_stemmer_meets_nouns_in_ation(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("word", ["nation", "station", "ration"])
def test_short_words_in_ation_are_kept(word):
    assert stem(word) == word


def test_rather_than_and_instead_of_negate():
    assert "not" in content_terms("a delegation would discuss the partnership rather than a withdrawal")
    assert "not" in content_terms("they talked about the partnership instead of leaving")
