"""Highlighting what a related claim says differently: words, not punctuation."""

from claimtrack.web.textdiff import word_diff


def _marked(base: str, other: str) -> list[str]:
    return [text.strip() for text, changed in word_diff(base, other) if changed]


def test_punctuation_and_case_alone_are_not_highlighted():
    base = "The mayor said “the ferry will run on Sunday,” adding it was safe."
    other = 'the Mayor said "The ferry will run on Sunday" adding it was safe'
    assert _marked(base, other) == []


def test_changed_words_still_are():
    assert _marked("About 6,000 troops are in Iraq.", "About 5,200 troops are in Iraq!") == ["5,200"]
    assert _marked("Taxes rose 5%.", "Taxes rose 7%.") == ["7%."]
