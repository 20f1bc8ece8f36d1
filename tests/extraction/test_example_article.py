"""The canonical example article: what a reviewer should find laid out."""

from pathlib import Path

import pytest

from claimtrack.extraction import extract_text
from claimtrack.extraction.claimants import same_claimant

ARTICLE = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt"


@pytest.fixture(scope="module")
def ex():
    return extract_text(ARTICLE.read_text(encoding="utf-8"))


def quantity(ex, text):
    for c in ex.claims:
        for q in c.quantities:
            if q.text == text:
                return q
    raise AssertionError(f"no quantity {text!r}")


def test_structure(ex):
    assert ex.title == "Troops Withdrawal: Iraq asks United States to make plans to withdraw forces"
    assert ex.byline == "Patrick Smith"
    assert ex.dek.startswith("Prime Minister Adel Abdul-Mahdi said the U.S. had been moving troops")
    assert ex.dateline is None


def test_spans_are_verbatim(ex):
    for c in ex.claims:
        assert ex.body[c.start : c.end] == c.text
        assert c.text == c.text.strip()
        for q in c.quantities:
            assert c.start <= q.start < q.end <= c.end
            assert ex.body[q.start : q.end] == q.text


def test_quantities(ex):
    q = quantity(ex, "3,000 more troops")
    assert (q.value, q.approx, q.change, q.unit, q.low, q.high) == (3000, False, "increase", "troop", 3000, 3000)
    q = quantity(ex, "6,000 or so American troops")
    assert (q.value, q.approx, q.unit) == (6000, True, "troop")
    q = quantity(ex, "thousands of people")
    assert (q.value, q.low, q.high, q.approx, q.unit) == (2000, 2000, 9999, True, "person")
    assert not any(q.value == 2003 for c in ex.claims for q in c.quantities)


def test_abdul_mahdi_speaks_at_least_four_times(ex):
    his = [c for c in ex.claims if c.speaker and same_claimant(c.speaker, "Adel Abdul-Mahdi")]
    assert len(his) >= 4
    assert {c.speaker_title for c in his} == {"Prime Minister"}
    texts = " ".join(c.text for c in his)
    assert "he said" in texts
    assert "The prime minister also said" in texts


def test_other_speakers(ex):
    speakers = {(c.speaker, c.speaker_kind) for c in ex.claims}
    assert ("United States", "organization") in speakers
    assert ("leaked letter", "document") in speakers
    assert ("Pentagon chiefs", "group") in speakers
    assert ("Mark Milley", "person") in speakers
    assert ("Politicians in the region and terrorism experts", "group") in speakers
    milley = next(c for c in ex.claims if c.speaker == "Mark Milley")
    assert milley.speaker_title == "chairman of the joint chiefs of staff"


def test_repeated_statement_points_at_first(ex):
    first = next(
        i for i, c in enumerate(ex.claims) if c.text.startswith("Prime Minister Adel Abdul-Mahdi said the U.S.")
    )
    later = next(c for c in ex.claims if c.text.startswith("The prime minister also said"))
    assert later.repeat_of == first
    assert ex.claims[first].repeat_of is None


def test_junk_never_becomes_a_claim(ex):
    joined = "\n".join(c.text for c in ex.claims)
    for junk in ("By Patrick Smith", "is a London-based editor", "No comments", "Poster Speaks"):
        assert junk not in joined
        assert junk not in ex.body
    assert not any(c.text == "NBC" or c.text.endswith("NBC") for c in ex.claims)
    assert set(ex.junk) >= {"No comments", "Poster Speaks", "Poster Speaks/box"}


def test_kinds_and_checkworthiness(ex):
    def claim(prefix):
        return next(c for c in ex.claims if c.text.startswith(prefix))

    assert claim("Iraq has asked the United States").kind == "reported"
    assert claim("This was, he said").kind == "quote"
    assert claim("The U.S. announced").kind == "paraphrase"
    assert all(0.0 <= c.checkworthiness <= 1.0 for c in ex.claims)
    # A numeric, attributed event outranks hedged background.
    assert claim("The U.S. announced").checkworthiness > claim("The presence of U.S. troops").checkworthiness


def test_to_dict_shape(ex):
    d = ex.to_dict()
    assert {"title", "byline", "dateline", "published", "body", "claims"} <= set(d)
    c = d["claims"][0]
    assert {
        "text",
        "start",
        "end",
        "speaker",
        "speaker_title",
        "cue",
        "kind",
        "repeat_of",
        "checkworthiness",
        "quantities",
    } <= set(c)
    q = next(q for c in d["claims"] for q in c["quantities"])
    assert {"text", "value", "low", "high", "approx", "change", "unit"} <= set(q)
    assert isinstance(q["value"], float)
