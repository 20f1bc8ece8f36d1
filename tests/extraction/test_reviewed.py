"""The claim as reviewed: the assertion without who made it (sentences of our own)."""

import pytest

from claimtrack.extraction.reviewed import propose

CASES = [
    # (text, speaker, cue, quote, expected)
    (
        "Transportation director Maria Gomez said around 12,000 vehicles use the bridge daily.",
        "Maria Gomez",
        "said",
        None,
        "Around 12,000 vehicles use the bridge daily.",
    ),
    (
        "Prime Minister Adel Abdul-Mahdi said the U.S. had been moving troops.",
        "Adel Abdul Mahdi",
        "said",
        None,
        "The U.S. had been moving troops.",
    ),
    (
        "The harbour master told reporters that ferry fares doubled in a year.",
        "harbour master",
        "told reporters",
        None,
        "Ferry fares doubled in a year.",
    ),
    (
        "According to the port authority, 40 ships called in March.",
        "port authority",
        "according to",
        None,
        "40 ships called in March.",
    ),
    (
        "Freight volumes fell by a third, according to the port authority.",
        "port authority",
        "according to",
        None,
        "Freight volumes fell by a third.",
    ),
    ("The deficit rose to 3 percent, Smith said.", "Smith", "said", None, "The deficit rose to 3 percent."),
    (
        "Unemployment fell to 4 percent last year, said the minister.",
        "minister",
        "said",
        None,
        "Unemployment fell to 4 percent last year.",
    ),
    (
        "“The lighthouse has stood for 140 years,” the mayor said.",
        "mayor",
        "said",
        "The lighthouse has stood for 140 years,",
        "The lighthouse has stood for 140 years.",
    ),
    # Nothing to strip: a clause between speaker and cue, or no attribution at all.
    (
        "The mayor, who took office in 2019, said taxes fell.",
        "mayor",
        "said",
        None,
        "The mayor, who took office in 2019, said taxes fell.",
    ),
    ("Crime is down 20 percent", None, None, None, "Crime is down 20 percent."),
    # The cue is there but the speaker named is someone else: left alone.
    (
        "A council report said ferry use doubled.",
        "Maria Gomez",
        "said",
        None,
        "A council report said ferry use doubled.",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "quote", "expected"), CASES)
def test_propose(text, speaker, cue, quote, expected):
    assert propose(text, speaker=speaker, cue=cue, quote=quote) == expected


def test_empty():
    assert propose("  ") == ""
