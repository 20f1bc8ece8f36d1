import pytest

from claimtrack.extraction import ExtractionError, clean_body, parse_text_article


def test_headline_dek_byline_body_and_tail_junk():
    raw = (
        "Headline about troops\n\n"
        "A dek that summarises the story in one sentence.\n\n"
        "By Jane Roe and John Doe\n\n"
        "First paragraph of the body says 3,000 troops moved.\n\n"
        "Second paragraph adds more detail about the move.\n\n"
        "Jane Roe is a Washington-based correspondent for the Example News.\n\n"
        "No comments\n\n"
        "Share this story\n\n"
        "Poster Speaks/box\n"
    )
    p = parse_text_article(raw)
    assert p.title == "Headline about troops"
    assert p.dek == "A dek that summarises the story in one sentence."
    assert p.byline == "Jane Roe and John Doe"
    assert p.body == (
        "A dek that summarises the story in one sentence.\n\n"
        "First paragraph of the body says 3,000 troops moved.\n\n"
        "Second paragraph adds more detail about the move."
    )
    assert p.junk == [
        "Jane Roe is a Washington-based correspondent for the Example News.",
        "No comments",
        "Share this story",
        "Poster Speaks/box",
    ]


@pytest.mark.parametrize(
    "first, dateline, published",
    [
        ("BAGHDAD — Iraq asked the U.S. to plan a withdrawal.", "BAGHDAD", None),
        ("WASHINGTON (Reuters) - The Pentagon said it was staying.", "WASHINGTON (Reuters)", None),
        ("LONDON, Jan. 10 (AP) — Britain said it would help.", "LONDON, Jan. 10 (AP)", "Jan. 10"),
        ("KABUL, Afghanistan (AP) — Officials met.", "KABUL, Afghanistan (AP)", None),
        ("BEIRUT, Jan. 10, 2020 (Reuters) - Talks began.", "BEIRUT, Jan. 10, 2020 (Reuters)", "2020-01-10"),
        (
            "GREENVALE, Ohio, Jan. 9, 2020 /CorpWire/ — The firm grew.",
            "GREENVALE, Ohio, Jan. 9, 2020 /CorpWire/",
            "2020-01-09",
        ),
        ("The U.S. — a superpower — said little.", None, None),
    ],
)
def test_datelines(first, dateline, published):
    p = parse_text_article(f"Headline\n\nBy Sam Writer\n\n{first}\n\nMore text follows here.")
    assert p.dateline == dateline
    assert p.published == published
    # The dateline stays in the stored body.
    assert p.body.startswith(first)


def test_header_date_line_gives_published_and_is_removed():
    p = parse_text_article("Headline\n\nBy Sam Writer\n\nJan. 10, 2020, 4:35 PM GMT\n\nBody text is here.")
    assert p.published == "2020-01-10"
    assert "2020" not in p.body
    assert p.junk == ["Jan. 10, 2020, 4:35 PM GMT"]


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter",
        "Related coverage",
        "Advertisement",
        "Reporting by Ahmed Rasheed; Editing by Mark Heinrich",
        "Copyright 2020 The Associated Press. All rights reserved.",
        "© Meridian Wire 2020. All rights reserved.",
        "Photo: Getty Images",
        "Media contact: Jane Doe, 555-0142",
        "Read more: Iran fires missiles at bases",
    ],
)
def test_junk_lines_anywhere_are_removed(line):
    p = parse_text_article(f"Headline\n\nFirst paragraph is news.\n\n{line}\n\nLast paragraph is news too.")
    assert line in p.junk
    assert line not in p.body


def test_sentences_that_resemble_junk_stay():
    body_lines = [
        "More than 200 people died in the attack.",
        "Share prices fell 5 percent on Monday.",
        "By the end of the week, troops had left.",
    ]
    p = parse_text_article("Headline\n\n" + "\n\n".join(body_lines))
    assert p.body == "\n\n".join(body_lines)
    assert p.byline is None


def test_press_release_layout():
    raw = (
        "FOR IMMEDIATE RELEASE\n\nAcme to add 300 jobs\n\n"
        "The expansion brings a new line to the plant\n\n"
        "SPRINGFIELD, Ohio, Jan. 9, 2020 /CorpWire/ — Acme announced today it will hire 300 workers.\n\n"
        "Hiring begins in March.\n\n"
        "About Acme\n\nAcme makes anvils and employs about 2,000 people.\n\n"
        "Media contact:\nJane Doe\npress@acme.example\n\n###\n"
    )
    p = parse_text_article(raw)
    assert p.title == "Acme to add 300 jobs"
    assert p.dek == "The expansion brings a new line to the plant"
    assert p.dateline == "SPRINGFIELD, Ohio, Jan. 9, 2020 /CorpWire/"
    assert "Acme makes anvils" not in p.body
    assert "FOR IMMEDIATE RELEASE" in p.junk and "###" in p.junk


def test_photo_credit_and_caption_and_link_list():
    raw = (
        "Headline\n\nBy Helen Marsh\n\nThe city sent 3,000 volunteers.\n\n"
        "Photo: Gazette/J. Okoro\nVolunteers practise at the wharf on Thursday.\n\n"
        "The festival drew 240,000 visitors.\n\n"
        "Related coverage\nFerry operator adds late sailings for festival week\n\nAdvertisement\n"
    )
    p = parse_text_article(raw)
    assert "Volunteers practise at the wharf on Thursday." in p.junk
    assert "Ferry operator adds late sailings for festival week" in p.junk
    assert p.body == "The city sent 3,000 volunteers.\n\nThe festival drew 240,000 visitors."


def test_hard_wrapped_paragraph_is_joined():
    raw = (
        "Headline\n\n"
        "The ministry said on Friday that it had sent more than 300 troops to\n"
        "the border region after clashes that killed at least 12 people and\n"
        "wounded dozens more.\n"
    )
    p = parse_text_article(raw)
    assert "\n" not in p.body
    assert p.body.endswith("wounded dozens more.")


def test_clean_body_strips_byline_junk_and_repeated_title():
    p = clean_body(
        "Iraq asks U.S. to leave",
        "Iraq asks U.S. to leave\nBy Marta Quinlan\n\nIraq asked the U.S. to go.\n\n"
        "Read more: Iran fires missiles\n\nCopyright 2020 The Courier. All rights reserved.",
    )
    assert p.title == "Iraq asks U.S. to leave"
    assert p.byline == "Marta Quinlan"
    assert p.body == "Iraq asked the U.S. to go."
    assert "Read more: Iran fires missiles" in p.junk


def test_empty_and_whitespace_inputs():
    for raw in ("", "   \n\n\t  "):
        p = parse_text_article(raw)
        assert (p.title, p.body, p.byline) == ("", "", None)
    assert clean_body(None, "").body == ""


def test_binary_input_raises_extraction_error():
    with pytest.raises(ExtractionError, match="binary"):
        parse_text_article("\x00\x01\x02\x03" * 100)
    with pytest.raises(ExtractionError):
        clean_body("t", "\x00" * 1000)


def test_stray_control_characters_are_removed():
    p = parse_text_article("Headline\n\nTroops\x00 moved on\x07 Friday.")
    assert "\x00" not in p.body and "\x07" not in p.body
    assert p.body.startswith("Troops")
