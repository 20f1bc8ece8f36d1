from claimtrack.extraction import extract_claims


def attributions(text: str) -> list[tuple]:
    return [(c.speaker, c.speaker_title, c.speaker_kind, c.cue, c.kind) for c in extract_claims(text)]


def test_pronoun_resolves_to_last_named_speaker():
    text = "Defense Secretary Mark Esper said the base was safe. He added that 500 troops were there."
    assert attributions(text) == [
        ("Mark Esper", "Defense Secretary", "person", "said", "paraphrase"),
        ("Mark Esper", "Defense Secretary", "person", "added", "paraphrase"),
    ]


def test_pronoun_in_interposed_aside():
    text = (
        "Prime Minister Adel Abdul-Mahdi said in a statement that he had called Mike Pompeo. "
        'This was, he said, because "Iraq is keen to keep the best relations with its neighbors."'
    )
    claims = extract_claims(text)
    assert [c.speaker for c in claims] == ["Adel Abdul-Mahdi", "Adel Abdul-Mahdi"]
    assert claims[1].kind == "quote"
    assert claims[1].quote == "Iraq is keen to keep the best relations with its neighbors."


def test_title_reference_resolves_to_named_person():
    text = (
        "Prime Minister Adel Abdul-Mahdi said the talks had failed.\n\n"
        "Secretary of State Mike Pompeo called him on Thursday.\n\n"
        "The prime minister also said the troops had moved without authorization."
    )
    claims = extract_claims(text)
    assert claims[-1].speaker == "Adel Abdul-Mahdi"
    assert claims[-1].speaker_title == "Prime Minister"


def test_surname_resolves_to_full_name_and_appositive_title():
    text = (
        "The chairman of the joint chiefs of staff, Gen. Mark Milley, has also denied the "
        'United States was leaving, describing the memo as "a mistake" and an unsigned draft. '
        "Milley said the letter was a draft."
    )
    claims = extract_claims(text)
    assert claims[0].speaker == "Mark Milley"
    assert claims[0].speaker_title == "chairman of the joint chiefs of staff"
    assert claims[0].cue == "denied"
    assert claims[0].kind == "quote"
    assert claims[1].speaker == "Mark Milley"


def test_honorific_title_kept_apart():
    claims = extract_claims("Gen. Mark Milley called it a mistake, a draft that was never signed.")
    assert (claims[0].speaker, claims[0].speaker_title) == ("Mark Milley", "Gen.")


def test_inverted_attribution_after_quote():
    claims = extract_claims('"We are not leaving Iraq," said Gen. Mark Milley, chairman of the Joint Chiefs.')
    c = claims[0]
    assert (c.speaker, c.speaker_title, c.kind) == ("Mark Milley", "chairman of the Joint Chiefs", "quote")
    assert c.quote == "We are not leaving Iraq,"


def test_multi_sentence_quote_gets_one_speaker():
    text = 'Sen. Jane Roe told reporters the bill would pass. "It has the votes. We counted them," she said.'
    claims = extract_claims(text)
    assert len(claims) == 2
    assert claims[1].speaker == "Jane Roe"
    assert claims[1].kind == "quote"


def test_quote_only_sentence_inherits_previous_speaker():
    text = (
        "“Last year we asked too few people to do too much,” Mayor Ines Kowalczyk said. "
        "“This year nobody should wait an hour for a ferry.”"
    )
    claims = extract_claims(text)
    assert [c.speaker for c in claims] == ["Ines Kowalczyk", "Ines Kowalczyk"]
    assert [c.kind for c in claims] == ["quote", "quote"]


def test_organisations_groups_and_documents():
    text = (
        "The U.S. announced it was sending 3,000 more troops to the Middle East.\n\n"
        "However, Pentagon chiefs have been quick to stress that there were no plans to leave.\n\n"
        "A leaked letter from the commanding general of U.S. troops told the ministry it would move.\n\n"
        "Politicians in the region and terrorism experts have warned that the move could help ISIS.\n\n"
        "The economy grew 3 percent last year, according to the central bank."
    )
    got = [(c.speaker, c.speaker_kind, c.cue) for c in extract_claims(text)]
    assert got == [
        ("United States", "organization", "announced"),
        ("Pentagon chiefs", "group", "stress"),
        ("leaked letter", "document", "told"),
        ("Politicians in the region and terrorism experts", "group", "warned"),
        ("central bank", "organization", "according to"),
    ]


def test_us_as_plain_subject_is_not_a_speaker():
    claims = extract_claims("The U.S. killed 40 militants in the strike on Friday.")
    assert claims[0].speaker is None
    assert claims[0].kind == "reported"


def test_possessive_office_and_the_statement():
    text = (
        "Iraq’s caretaker prime minister, Adel Abdul Mahdi, has asked Washington to send delegates, "
        "his office said on Friday.\n\n"
        "Abdul Mahdi asked that delegates be sent to Iraq, the statement said.\n\n"
        "He also said U.S. forces had entered Iraq without permission."
    )
    claims = extract_claims(text)
    assert claims[0].speaker == "Adel Abdul Mahdi's office"
    assert claims[0].speaker_kind == "organization"
    # "the statement" stays a document, named for who issued it, never merged with them.
    assert (claims[1].speaker, claims[1].speaker_kind) == ("Adel Abdul Mahdi's office statement", "document")
    assert (claims[2].speaker, claims[2].speaker_title) == ("Adel Abdul Mahdi", "caretaker prime minister")


def test_passive_cue_is_not_attribution():
    claims = extract_claims("It was announced that 500 jobs would go by March.")
    assert claims[0].speaker is None


def test_questions_are_not_claims():
    assert extract_claims("Is the United States pulling out of Iraq?") == []
    assert extract_claims('"Is the letter real?" a reporter asked the general.') == []


def test_transcript_labels():
    text = (
        "The following is a transcript of remarks by Defense Secretary Mark Esper and Gen. Mark Milley.\n\n"
        "REPORTER: Is the United States pulling out of Iraq? Tell us.\n\n"
        "ESPER: Nobody has made any decision to pull out of Iraq, full stop.\n\n"
        "REPORTER: How many American troops are in Iraq tonight?\n\n"
        "GEN. MILLEY: A little over 5,000 in Iraq right now.\n\n"
        "It moves up and down with rotations, but that's about right."
    )
    claims = extract_claims(text)
    by_text = {c.text: c for c in claims}
    esper = by_text["Nobody has made any decision to pull out of Iraq, full stop."]
    assert (esper.speaker, esper.kind) == ("Mark Esper", "quote")
    milley = by_text["A little over 5,000 in Iraq right now."]
    assert milley.speaker == "Mark Milley"
    assert milley.quantities[0].unit == "troop"  # the noun of the question
    assert by_text["It moves up and down with rotations, but that's about right."].speaker == "Mark Milley"
    assert not any(c.text.startswith(("REPORTER", "Tell us")) for c in claims)


def test_clause_before_a_tail_cue_is_not_the_speaker():
    claims = extract_claims(
        "The storm dumped nearly 8 inches of rain on parts of the city, the National Weather Service said."
    )
    assert (claims[0].speaker, claims[0].speaker_kind) == ("National Weather Service", "organization")


def test_according_to_any_source_and_sentence_initial_plurals():
    claims = extract_claims(
        "According to a parliamentary mandate, up to 700 soldiers can be deployed.\n\n"
        "Critics say the decision could weaken the fight against Islamic State.\n\n"
        "The family said the soldier had died in the blast on Monday."
    )
    assert [(c.speaker, c.speaker_kind) for c in claims] == [
        ("parliamentary mandate", "document"),
        ("Critics", "group"),
        ("family", "group"),
    ]
