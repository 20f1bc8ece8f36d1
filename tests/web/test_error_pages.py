"""403 and 404 pages: in the product's words and layout, saying where to go next."""

from __future__ import annotations


def test_404_for_a_signed_in_user(as_role):
    response = as_role("reviewer").get("/no/such/page")
    body = response.get_data(as_text=True)
    assert response.status_code == 404
    assert '<h1 id="error-heading">Page not found</h1>' in body
    assert "The link may be mistyped" in body and 'href="/">The review queue</a>' in body
    assert 'aria-label="Main"' in body  # the app's own layout, with its navigation


def test_404_for_a_missing_claim_names_it(as_role):
    body = as_role("viewer").get("/claims/999999").get_data(as_text=True)
    assert "Page not found" in body and "999999" in body


def test_404_for_a_reader_points_to_the_fact_checks(as_role):
    response = as_role(None).get("/fact-checks/424242")
    body = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "There is no published fact-check #424242." in body
    assert 'href="/fact-checks">Published fact-checks</a>' in body and 'aria-label="Main"' not in body


def test_403_says_what_role_is_missing_and_who_can_help(as_role):
    response = as_role("viewer").get("/articles/import")
    body = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "Not open to your role" in body and "ask an admin" in body
    assert "Your account settings</a> show your role (viewer)" in body


def test_403_for_htmx_goes_to_the_notice_area(as_role, troops):
    # An htmx request gets the message in the page's notice area, not a page in a panel.
    response = as_role("viewer").post(
        f"/claims/{troops}/verdict", data={"rating": "false"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 403 and response.headers["HX-Retarget"] == "#notices"
