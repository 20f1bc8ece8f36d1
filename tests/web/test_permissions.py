"""What each role is shown. Who may call which route is checked on the server by the
table in tests/security/test_route_permissions.py; this checks the pages do not offer
controls a role cannot use."""


def test_viewers_see_no_editing_controls(as_role, troops, article):
    page = as_role("viewer").get(f"/claims/{troops}").get_data(as_text=True)
    panel = page.split(f'id="claim-{troops}"', 1)[1]
    assert "<form" not in panel and 'id="add-claim"' not in page
    editor_page = as_role("editor").get(f"/claims/{troops}").get_data(as_text=True)
    assert 'id="add-claim"' in editor_page and "Save draft" in editor_page
