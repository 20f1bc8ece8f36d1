import pytest

from claimtrack.extraction.sentences import paragraph_spans, split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. Army said 1.5 million people left. Gen. Mark Milley agreed.",
            ["The U.S. Army said 1.5 million people left.", "Gen. Mark Milley agreed."],
        ),
        (
            "He arrived at 10 a.m. on Friday. Then he left.",
            ["He arrived at 10 a.m. on Friday.", "Then he left."],
        ),
        (
            "Mr. Smith met Dr. Jones on Jan. 3 in St. Louis. They talked.",
            ["Mr. Smith met Dr. Jones on Jan. 3 in St. Louis.", "They talked."],
        ),
        (
            "John F. Kennedy was president. He was shot in 1963.",
            ["John F. Kennedy was president.", "He was shot in 1963."],
        ),
        ("Ranked No. 1 in the U.K. last year.", ["Ranked No. 1 in the U.K. last year."]),
        ("He lives in the U.S. and works in Canada.", ["He lives in the U.S. and works in Canada."]),
        ("It moved to the U.S. The move was quick.", ["It moved to the U.S.", "The move was quick."]),
        ("No. Nobody has decided.", ["No.", "Nobody has decided."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
    ],
)
def test_abbreviations_initials_and_decimals(text, expected):
    assert sents(text) == expected


def test_quotation_with_several_sentences_stays_whole():
    text = 'She said: "We will leave. We have no choice." Then she left.'
    assert sents(text) == ['She said: "We will leave. We have no choice."', "Then she left."]


def test_curly_quotation_followed_by_attribution():
    text = "“We are leaving. It is over,” he said. Others disagreed."
    assert sents(text) == ["“We are leaving. It is over,” he said.", "Others disagreed."]


def test_question_inside_quote_with_lowercase_attribution():
    text = '"Why now?" she asked. Nobody answered.'
    assert sents(text) == ['"Why now?" she asked.', "Nobody answered."]


def test_parenthetical_is_not_split():
    text = "The plan (which costs $2.5 billion. It is huge.) was approved. Critics objected."
    assert sents(text) == [
        "The plan (which costs $2.5 billion. It is huge.) was approved.",
        "Critics objected.",
    ]


def test_em_dash_does_not_split():
    text = "The presence of troops — a fact of life since 2003 — is debated. It continues."
    assert sents(text)[0] == "The presence of troops — a fact of life since 2003 — is debated."


def test_unbalanced_quote_does_not_swallow_paragraph():
    text = 'He said "we go. Then we stop. Finally we rest.'
    assert len(sents(text)) == 3


def test_lines_are_hard_boundaries_and_offsets_are_exact():
    text = "First line without stop\n\nSecond one. Third one."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First line without stop", "Second one.", "Third one."]
    assert paragraph_spans(text) == [(0, 23), (25, 47)]


def test_offsets_with_leading_whitespace():
    text = "   Alpha beta.   Gamma delta.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Alpha beta.", "Gamma delta."]


def test_uncased_scripts_and_cjk():
    assert sents("Это тест. Второе предложение.") == ["Это тест.", "Второе предложение."]
    assert sents("第一句。第二句。") == ["第一句。", "第二句。"]


def test_long_run_without_punctuation_is_cut():
    text = "word " * 2000
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= 1200 for s, e in spans)
