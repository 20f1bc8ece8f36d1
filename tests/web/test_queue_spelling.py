"""The queue's search tolerates spelling in speakers' and outlets' names."""

from claimtrack.db import session_scope
from claimtrack.services.review import queue

from ..helpers import import_text
from .conftest import HX

STORY = """Harbour budget row deepens

By Staff Writer

Mayor Ines Gomez said the city spent 40 million dollars on ferry repairs in 2019.

Councillor Tom Reed said the ferry fleet carried 2.1 million passengers last year.
"""


def test_a_misspelled_speaker_or_outlet_still_finds_the_claims(as_role, engine):
    import_text(engine, STORY, outlet="Harbour Courier")
    client = as_role("reviewer")
    page = client.get("/", query_string={"q": "Gomes"}, headers=HX).get_data(as_text=True)
    assert "40 million dollars" in page and "2.1 million passengers" not in page
    outlet = client.get("/", query_string={"q": "Courrier"}, headers=HX).get_data(as_text=True)
    assert "40 million dollars" in outlet and "2.1 million passengers" in outlet
    # short or distant terms are not stretched: "Reed" does not find "Read", "Goat" finds nothing
    assert "40 million dollars" not in client.get("/", query_string={"q": "Goat"}, headers=HX).get_data(as_text=True)
    full = client.get("/", query_string={"q": "Gomes"}).get_data(as_text=True)
    assert "<html" in full and "40 million dollars" in full
    assert as_role("viewer").get("/", query_string={"q": "Gomes"}, headers=HX).status_code == 200


def test_the_service_reads_names_once_per_search(engine):
    import_text(engine, STORY, outlet="Harbour Courier")
    with session_scope(engine) as s:
        filters = queue.with_spelling(s, queue.QueueFilters(q="Gomes xyz"))
        assert set(filters.near) == {"gomes"}
        assert queue.ranked(s, queue.QueueFilters(q="Gomes")).total == 1
        assert queue.ranked(s, filters).total == 0  # every term must match somewhere
        assert queue.with_spelling(s, queue.QueueFilters()).near == {}
