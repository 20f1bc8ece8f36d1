"""Page furniture: a sentence one outlet prints word for word in several articles is
never linked, decided from that outlet's stored articles and explained to reviewers."""

from __future__ import annotations

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.matching import furniture as pure
from claimtrack.models import Claim, ClaimLink, MatchClaim, User
from claimtrack.services.accounts import tokens
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.linking import related

from ...helpers import import_text, login, make_user
from ...test_import import run_cli

NOTE = "The Harbour Gazette receives funding from the Coastal Trust, which has no say over what our reporters cover."
STORIES = [
    (
        "Ferry fares rise",
        "The harbour board said ferry fares would rise by 40 cents in April, "
        "the first increase since the new terminal opened.",
    ),
    (
        "Dredging delayed",
        "Dredging of the northern channel will start in June rather than March, "
        "the port engineer told councillors on Tuesday.",
    ),
    (
        "Lighthouse reopens",
        "The restored lighthouse on Gull Point reopened to visitors on Saturday "
        "after a two-year repair costing about 1.2 million dollars.",
    ),
]


def _story(i: int, note: str = NOTE) -> str:
    title, body = STORIES[i]
    return f"{title}\n\n{body}\n\n{note}"


def _note_claims(session, fragment: str = "receives funding from the Coastal Trust") -> list[int]:
    return sorted(session.exec(select(Claim.id).where(Claim.text.contains(fragment))).all())


def _links_of(session, ids: list[int]) -> list[ClaimLink]:
    return [link for link in session.exec(select(ClaimLink)).all() if link.claim_a_id in ids or link.claim_b_id in ids]


def test_text_key_is_equal_for_verbatim_copies_only():
    assert pure.text_key(NOTE) == pure.text_key("  " + NOTE.upper().replace(" ", "  ") + " ")
    assert pure.text_key("He said “yes” — twice.") == pure.text_key('He said "yes" - twice')
    assert pure.text_key(NOTE) != pure.text_key(NOTE.replace("Coastal", "Northern"))
    assert not pure.is_furniture(2) and pure.is_furniture(3)


def test_the_third_copy_makes_the_sentence_furniture_and_removes_its_suggestions(engine):
    for i in range(2):
        import_text(engine, _story(i), where=f"gazette-{i}.txt", outlet="Harbour Gazette")
    with session_scope(engine) as s:
        two = _note_claims(s)
        assert len(two) == 2
        # Two copies are not yet a habit: they may be linked like any claim.
        assert related.furniture_note(s, two[0]) is None
    import_text(engine, _story(2), where="gazette-2.txt", outlet="Harbour Gazette")
    with session_scope(engine) as s:
        three = _note_claims(s)
        assert len(three) == 3
        assert _links_of(s, three) == []
        entries = [s.get(MatchClaim, i) for i in three]
        assert all(e is not None and not e.linkable and e.key_ids == [] for e in entries)
        note = related.furniture_note(s, three[0])
        assert note == (
            "page furniture: the same sentence appears word for word in 3 articles of "
            "Harbour Gazette, so it is not linked"
        )
        assert related.related_for_claim(s, three[0]) == []
        assert related.related_for_claim(s, three[0], min_score=0.0) == []
        # The stories themselves are claims as before.
        ferry = s.exec(select(Claim).where(Claim.text.contains("ferry fares"))).one()
        assert s.get(MatchClaim, ferry.id).linkable and related.furniture_note(s, ferry.id) is None


def test_a_fourth_copy_is_furniture_at_once_and_never_linked(engine):
    for i in range(3):
        import_text(engine, _story(i), where=f"gazette-{i}.txt", outlet="Harbour Gazette")
    import_text(
        engine,
        "Tide tables\n\nThe tide tables for the summer were printed on Friday.\n\n" + NOTE,
        where="gazette-3.txt",
        outlet="Harbour Gazette",
    )
    with session_scope(engine) as s:
        four = _note_claims(s)
        assert len(four) == 4 and _links_of(s, four) == []
        assert "4 articles of Harbour Gazette" in related.furniture_note(s, four[-1])


def test_copies_in_different_outlets_are_not_furniture(engine):
    for i, outlet in enumerate(("Harbour Gazette", "Coast Courier", "Bay Herald")):
        import_text(engine, _story(i), where=f"story-{i}.txt", outlet=outlet)
    with session_scope(engine) as s:
        copies = _note_claims(s)
        assert len(copies) == 3
        assert all(related.furniture_note(s, i) is None for i in copies)
        assert all(s.get(MatchClaim, i).linkable for i in copies)


def test_the_panel_the_api_and_the_cli_explain_it(engine, app, cli_env, capsys):
    for i in range(3):
        import_text(engine, _story(i), where=f"gazette-{i}.txt", outlet="Harbour Gazette")
    with session_scope(engine) as s:
        claim_id = _note_claims(s)[0]
    make_user(engine, "viewer", "viewer")
    client = app.test_client()
    assert login(client, "viewer").status_code == 302
    body = client.get(f"/claims/{claim_id}/related", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Not linked: page furniture: the same sentence appears word for word in 3 articles" in body
    assert "No related claims found" not in body
    with session_scope(engine) as s:
        _, token = tokens.create_token(s, Actor.system("test"), s.exec(select(User)).one(), name="t")
    listing = client.get(f"/api/v1/claims/{claim_id}/related", headers={"Authorization": f"Bearer {token}"})
    assert listing.status_code == 200
    assert listing.get_json()["furniture"].startswith("page furniture: the same sentence")
    assert listing.get_json()["items"] == []
    code, out, err = run_cli(["related", str(claim_id)], capsys)
    assert code == 0, err
    assert f"Claim #{claim_id} is not linked: page furniture" in out
