"""Which speaker a sentence gives and what kind it is, on sentences written for these
tests: described people and documents, asides between subject and cue, organisations
that read like surnames, and page fragments that are nobody."""

import pytest

from claimtrack.extraction import extract_claims


def first(text: str):
    c = extract_claims(text)[0]
    return c.speaker, c.speaker_kind, c.cue


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("The 57-year-old chemist says she does not take such comparisons lightly.", "57-year-old chemist", "group"),
        ('"Why not try it?" the 43-year-old asked in the video.', "43-year-old", "group"),
        ("The real estate mogul listed the hotel in his disclosure as a liability.", "real estate mogul", "group"),
        ("The documentarian lays out what he sees as the causes of the decline.", "documentarian", "group"),
        ("Both candidates said it was no big deal that the debate ran late.", "candidates", "group"),
        ("So even economists who favor the plan agree that the change will be slow.", "economists", "group"),
        ("Perhaps younger voters prefer the senator's promise of change to caution.", "younger voters", "group"),
        ("Her campaign volunteers here said they have knocked on doors since May.", "campaign volunteers", "group"),
        ("Adults said they were worried about the cost of the new school rules.", "Adults", "group"),
        ("The suit claims that the mayor damaged the contractor's reputation.", "suit", "document"),
        (
            "A new Labor Department rule will require employers to pay more overtime.",
            "new Labor Department rule",
            "document",
        ),
    ],
)
def test_described_speakers_and_documents(text, speaker, kind):
    assert first(text)[:2] == (speaker, kind)


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ("Kasich (who has 25 delegates so far) said the race was far from over.", "Kasich", None),
        ("Walker now says the plan was a mistake from the start.", "Walker", None),
        ("Kaine, with obvious delight, chided his rival for missing the vote.", "Kaine", None),
        (
            "Rashad Lee, Color of Change's executive director, said the group would keep pressing.",
            "Rashad Lee",
            "Color of Change's executive director",
        ),
        (
            "Marta Lindqvist, Ortiz's field director, said the campaign takes nothing for granted.",
            "Marta Lindqvist",
            "Ortiz's field director",
        ),
        ("Tom Riley, for example, said the visit would draw big crowds.", "Tom Riley", None),
        ("The Veterans League has twice complained to officials about the logo.", "Veterans League", None),
        ("de Blasio said the city would hire more teachers next year.", "de Blasio", None),
    ],
)
def test_subject_through_asides_and_adverbs(text, speaker, title):
    c = extract_claims(text)[0]
    assert (c.speaker, c.speaker_title) == (speaker, title)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Amazon said the new warehouse would open in the spring with 500 jobs.", "Amazon"),
        ("Meta said the outage was caused by a faulty configuration change.", "Meta"),
        ("The Des Moines Register reported that the candidate had skipped three forums.", "Des Moines Register"),
        ("An anti-tax super PAC is releasing an ad that accuses the governor of lying.", "anti-tax super PAC"),
    ],
)
def test_organisations_that_read_like_names(text, speaker):
    assert first(text)[:2] == (speaker, "organization")


@pytest.mark.parametrize(
    "text",
    [
        "Published said the bridge would close for repairs over the winter.",
        "MSM MIA said the story had been ignored for a week by everyone.",
    ],
)
def test_fragments_are_nobody(text):
    assert first(text)[0] is None


def test_short_names_ending_in_ed_stay_people():
    assert first("Ahmed said the clinic would reopen in March after repairs.")[:2] == ("Ahmed", "person")


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ("Clinton, during a town hall meeting in Dayton, Ohio, said she would protect pensions.", "Clinton", None),
        ("Cory Ames, 22, of Flint, Mich., said he had not given up hope.", "Cory Ames", None),
        ("The court in its ruling said the law was unconstitutional.", "court", None),
        ("Chef Jamie Rowe said the rules would hurt small restaurants.", "Jamie Rowe", "Chef"),
        (
            "Chefs Jamie Rowe and Nina Lawes said the rules would hurt small places.",
            "Jamie Rowe and Nina Lawes",
            "Chefs",
        ),
        ("Last month, the Daily Ledger, a local paper, revealed that the plant was fined.", "Daily Ledger", None),
        (
            "Hank Moss, the Iowa Republican who chairs the panel, said the hearing would go ahead.",
            "Hank Moss",
            "Iowa Republican who chairs the panel",
        ),
    ],
)
def test_trimming_places_labels_and_time_openers(text, speaker, title):
    c = extract_claims(text)[0]
    assert (c.speaker, c.speaker_title) == (speaker, title)


def test_participle_opening_is_not_a_name():
    c = extract_claims("Speaking to reporters on Monday, Hill described the plan as a start but said more was needed.")[
        0
    ]
    assert c.speaker == "Hill"


def test_surname_ending_in_ing_still_speaks():
    c = extract_claims("Earlier that day, Schilling appeared on a radio show and defended his post.")[0]
    assert c.speaker == "Schilling"


def test_role_with_a_place_goes_to_the_person_from_there():
    claims = extract_claims(
        "Sen. Marco Diaz of Florida said the plan would fail. Sen. Paul Webb of Vermont disagreed with him. "
        "The Vermont senator said the bill would pass. The Florida senator told reporters he was not so sure."
    )
    assert [c.speaker for c in claims] == ["Marco Diaz", "Paul Webb", "Paul Webb", "Marco Diaz"]


def test_role_with_an_unknown_place_is_not_guessed():
    claims = extract_claims("Sen. Paul Webb spoke at the rally. The Texas senator said the bill would pass.")
    assert (claims[1].speaker, claims[1].speaker_kind) == ("Texas senator", "group")


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ('"It is wrong," explained the court in its ruling.', "court", "organization"),
        ("Opposition MPs said the deal was a betrayal of farmers.", "Opposition MPs", "group"),
        ("Others said the new timetable would work well enough for now.", "Others", "group"),
        (
            "The International Trade Secretary insists that the standards will be kept.",
            "International Trade Secretary",
            "group",
        ),
        ("The manifesto said the party would never lower food standards.", "manifesto", "document"),
    ],
)
def test_roles_plurals_and_documents_are_not_people(text, speaker, kind):
    assert first(text)[:2] == (speaker, kind)


def test_he_then_she_are_two_people():
    claims = extract_claims(
        "Sasha Lind, a researcher at the institute, said the costs were rising. Evan Park, the firm's chief "
        'executive, agreed. "We have to act," he adds. "Hopefully this will help," she says.'
    )
    assert [c.speaker for c in claims[2:]] == ["Evan Park", "Sasha Lind"]


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("Stephen King said the novel took him four years to finish.", "Stephen King", "person"),
        ("Mr. King said the show had never been edited by the network.", "Mr. King", "person"),
    ],
)
def test_surnames_that_are_roles_stay_people(text, speaker, kind):
    assert first(text)[:2] == (speaker, kind)


def test_many_of_whom_is_a_described_speaker():
    claims = extract_claims("The families of the victims, many of whom say the plan is unfair, met on Monday.")
    assert any(c.speaker == "many of whom" for c in claims)


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            "But the progressive groups that have endorsed him say the delegates should follow the voters.",
            "progressive groups",
            "group",
        ),
        (
            "Advocates within the medical community cite his voting record on the issue.",
            "Advocates within the medical community",
            "group",
        ),
        ("The law does currently require lenders to give applicants their credit scores.", "law", "document"),
    ],
)
def test_relative_clauses_and_prepositions_inside_the_subject(text, speaker, kind):
    assert first(text)[:2] == (speaker, kind)


def test_spokeswoman_for_someone_else_is_not_resolved_to_another_camp():
    claims = extract_claims(
        "Dana Ruiz, a spokeswoman for Mayor Hill, said the vote was fair. "
        "A spokeswoman for Governor Reyes says the count must be checked again."
    )
    assert (claims[1].speaker, claims[1].speaker_kind) == ("spokeswoman for Governor Reyes", "group")


def test_surname_after_a_pair_is_the_person_in_it():
    claims = extract_claims(
        "Lisa Tran and Raj Patel said the review would start in March. "
        "They added that the budget was tight. Patel said it could slip."
    )
    assert [c.speaker for c in claims] == ["Lisa Tran and Raj Patel", "Lisa Tran and Raj Patel", "Raj Patel"]


def test_he_said_after_narration_goes_to_the_person_narrated():
    claims = extract_claims(
        "Mayor Tom Hill said the plan was sound. The plan was drafted by Raj Patel, the council's "
        'finance chairman. "Taxpayers deserve to know why," he said.'
    )
    assert claims[2].speaker == "Raj Patel"


def test_he_said_after_an_attributed_mention_stays_with_the_speaker():
    claims = extract_claims(
        'Mayor Tom Hill said he had met Governor Ann Reyes on Monday. "It was productive," he said.'
    )
    assert claims[1].speaker == "Tom Hill"


@pytest.mark.parametrize(
    "text",
    [
        "As an ideology, technocracy holds that the problems are technical ones that require technical fixes.",
        "But come 2008 the actress decided to leave the company for good.",
        "Had Sanders won the state, the count would have tipped in his favour.",
    ],
)
def test_clauses_are_not_speakers(text):
    assert first(text)[0] is None


def test_a_year_qualifying_the_document_keeps_it():
    assert first("A 2014 study by Professor Dana Levin found 31 cases of fraud in ten years.")[:2] == (
        "2014 study by Professor Dana Levin",
        "document",
    )
