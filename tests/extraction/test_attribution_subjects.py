"""Subjects real reporting gives its cues, on sentences written for these tests:
documents described by who made them or when, lists, pairs, relative clauses,
title-case headlines, subordinate clauses with a "that" complement."""

import pytest

from claimtrack.extraction import extract_claims


def first(text: str):
    c = extract_claims(text)[0]
    return c.speaker, c.speaker_kind, c.cue


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A poll conducted by the college last week showed that most residents back the plan.", "poll"),
        ("The March survey found the mayor leading her rival by six points.", "the March survey"),
        ("A March 3 email shows the manager knew about the leak in the basement.", "a March 3 email"),
        (
            "A new batch of city emails released this week showed the deal was struck early.",
            "new batch of city emails",
        ),
        ("Polls continue to show that voters favor the levy by a wide margin.", "Polls"),
    ],
)
def test_document_with_its_maker_or_date(text, speaker):
    assert first(text)[:2] == (speaker, "document")


def test_described_person_at_a_named_body():
    assert first("A senior fellow at the Hoover Institution said the numbers were wrong.")[:2] == (
        "senior fellow at the Hoover Institution",
        "group",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Friends, lobbyists and former foes say that the deal is fair to both towns.",
            "Friends, lobbyists and former foes",
        ),
        ("Ortiz, Kim and Reyes said the plan was dead before the vote.", "Ortiz, Kim and Reyes"),
        ("In Millbrook, Ortiz and Kim said the plan was dead before the vote.", "Ortiz and Kim"),
    ],
)
def test_a_list_is_one_subject(text, speaker):
    assert first(text)[0] == speaker


def test_two_named_people_with_a_modal():
    assert first("Ortiz and Kim may blame the weather for the delays on the bridge.")[:2] == ("Ortiz and Kim", "group")


def test_plural_subject_with_a_relative_clause():
    assert first("Residents who have spoken with the mayor say the plan is popular.")[:2] == ("Residents", "group")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Mayor Lena Ortiz Says Budget Gap Is Worse Than Reported.", "Lena Ortiz", "says"),
        ("Budget Gap Is Worse Than Reported, Lena Ortiz Says.", "Lena Ortiz", "Says"),
        ("Harbor Board Warns Owners Of Higher Mooring Fees.", "Harbor Board", "warns"),
    ],
)
def test_title_case_headline(text, speaker, cue):
    sp, _kind, got = first(text)
    assert (sp, got.lower()) == (speaker, cue.lower())


@pytest.mark.parametrize(
    "text",
    [
        "Council Approves Budget For The Coming Year After Long Debate.",
        "A poll of 900 residents was released on Monday by the college.",
        "The storm closed roads across the county on Monday night.",
    ],
)
def test_the_outlet_speaking_stays_without_a_speaker(text):
    assert first(text)[0] is None


def test_subordinate_clause_with_that_complement():
    assert first("When Ortiz pointed out that the fund was empty, the room went quiet.")[::2] == (
        "Ortiz",
        "pointed out",
    )


def test_final_sourcing_covers_a_coordinated_clause():
    text = "Local officials were closing roads and urging people to stay home, WXYZ reported."
    assert first(text)[::2] == ("WXYZ", "reported")


def test_adjective_before_a_cue_word_is_not_a_subject():
    assert first("Mr. Regalado, a former broadcast journalist, intends to sit out the race.")[0] != "former"
