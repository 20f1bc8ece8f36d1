"""Attribution patterns of real reporting, on sentences written for these tests."""

from claimtrack.extraction import extract_claims
from claimtrack.extraction.attribution import WORK


def first(text: str):
    c = extract_claims(text)[0]
    return c.speaker, c.speaker_kind, c.cue


def test_speaker_after_quote_with_description():
    assert first('"We are out of room," said Maria Ortiz, a senior fellow at a think tank.')[:2] == (
        "Maria Ortiz",
        "person",
    )


def test_role_noun_before_name():
    c = extract_claims("Rider advocate Tom Lindqvist said fares have doubled since 2019.")[0]
    assert (c.speaker, c.speaker_title, c.cue) == ("Tom Lindqvist", "Rider advocate", "said")


def test_non_speech_predicate():
    assert first("Governor Ellen Marsh slammed the proposal on Monday, calling it reckless.") == (
        "Ellen Marsh",
        "person",
        "slammed",
    )


def test_present_tense_short_surname():
    assert first('"We will not raise fares this year," says Wu.') == ("Wu", "person", "says")


def test_quote_running_into_next_paragraph():
    text = '"We have no money left," said Ines Varga. "The pantry will close in May.\n\n"Nobody has called us back."'
    assert [c.speaker for c in extract_claims(text)] == ["Ines Varga"] * 3


def test_pronoun_skips_person_of_other_gender():
    text = (
        "Rider advocate Tom Lindqvist said fares have doubled.\n\nMayor Ann Cole opened the meeting.\n\n"
        '"Taxpayers deserve to know why," he said.'
    )
    assert extract_claims(text)[-1].speaker == "Tom Lindqvist"


def test_colon_attribution():
    assert first('Harlan Pierce, Daily Ledger: "The vote was rigged from the start."')[::2] == ("Harlan Pierce", ":")


def test_cue_inside_sentence():
    assert first("The plan, the researchers note, will cost more than the council expects.") == (
        "researchers",
        "group",
        "note",
    )


def test_two_attributions_in_one_sentence():
    claims = extract_claims("Tran said the work starts in March, while Patel said it would slip to June.")
    assert [c.speaker for c in claims] == ["Tran", "Patel"]


def test_description_is_a_group_not_a_person():
    assert first("A campaign spokesman said the senator would not attend the forum.")[:2] == (
        "campaign spokesman",
        "group",
    )


def test_document_source():
    assert first("The shipping volume fell by a third last year, according to the affidavit.")[:2] == (
        "affidavit",
        "document",
    )


def test_outlet_statement_has_no_speaker():
    assert first("The storm dumped eight inches of rain on the valley overnight.")[0] is None


def test_pathological_cue_text_examines_linear_work():
    counts = []
    for n in (100_000, 200_000):
        WORK.reset()
        extract_claims("said " * (n // 5))
        counts.append(WORK.cues)
    # Bounded cues per sentence: twice the text, about twice the work, and few per character.
    assert counts[1] <= 2.2 * counts[0]
    assert counts[1] <= 200_000 / 50
