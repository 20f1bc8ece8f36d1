"""Publisher settings, the rating scale and the fact-check archive from the browser."""

from __future__ import annotations

import html
import io
import json

from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import AuditEvent, FactCheck
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.publishing import publish as publishing
from claimtrack.services.review import sources, verdicts

from ..helpers import login
from .conftest import HX

UNPINNED = {"PUBLIC_BASE_URL": None, "PUBLISHER_NAME": None, "PUBLISHER_URL": None}
SOURCE = sources.SourceInput(url="https://stats.example.org/troops", title="Troop numbers")


def _admin(app):
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    return client


def _actions(engine, action: str) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all())


def _published(engine, claim_id: int, users: dict, rating: str = "false") -> None:
    reviewer = Actor(users["reviewer"], "reviewer", "reviewer")
    editor = Actor(users["editor"], "editor", "editor")
    config = {"PUBLIC_BASE_URL": "https://factcheck.example.org"}
    with session_scope(engine) as s:
        sources.add_source(s, reviewer, claim_id, SOURCE)
        data = verdicts.VerdictInput(rating, "Not what the records say.", "")
        row = verdicts.submit(s, reviewer, claim_id, data, verdict_id=None, version=None, config=config)
        publishing.publish(s, editor, claim_id, verdict_id=row.id, version=row.version, config=config)


# ---- publisher settings ------------------------------------------------------------


def test_publisher_page_and_fragment(as_role):
    page = as_role("admin").get("/admin/publisher")
    assert page.status_code == 200 and "<html" in page.get_data(as_text=True)
    fragment = as_role("admin").get("/admin/publisher", headers=HX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="publisher"')
    # The test configuration sets the name and the base URL: they are shown as winning.
    assert "from <code>CLAIMTRACK_PUBLISHER_NAME</code>, which wins" in fragment
    assert as_role("editor").get("/admin/publisher").status_code == 403


def test_saved_settings_publish_and_the_environment_wins(app_config, engine, users, troops):
    app = create_app({**app_config, **UNPINNED, "PUBLISHER_NAME": "Pinned Desk"})
    admin = _admin(app)
    before = admin.get("/admin/publisher", headers=HX).get_data(as_text=True)
    assert "the address this server is reached at, now <code>http://localhost</code>" in before
    saved = admin.post(
        "/admin/publisher",
        data={
            "publisher_name": "Harbour Desk",
            "publisher_url": "https://harbour.example",
            "publisher_logo_url": "https://harbour.example/logo.png",
            "public_base_url": "https://checks.harbour.example/",
            "default_license": "https://creativecommons.org/licenses/by/4.0/",
        },
        headers=HX,
    )
    assert saved.status_code == 200 and "The publisher settings are saved." in saved.get_data(as_text=True)
    _published(engine, troops, users)
    doc = app.test_client().get(f"/claims/{troops}/claimreview.json").get_json()
    assert doc["url"] == f"https://checks.harbour.example/fact-checks/{troops}"
    # The name comes from the environment, which wins; the rest from the saved settings.
    assert doc["author"] == {
        "@type": "Organization",
        "name": "Pinned Desk",
        "url": "https://harbour.example",
        "logo": "https://harbour.example/logo.png",
    }
    assert doc["sdLicense"] == "https://creativecommons.org/licenses/by/4.0/"
    changed = {next(iter(e.after)) for e in _actions(engine, "settings.publisher")}
    assert changed == {"publisher_name", "publisher_url", "publisher_logo_url", "public_base_url", "default_license"}


def test_bad_addresses_are_refused_by_field(as_role):
    response = as_role("admin").post(
        "/admin/publisher",
        data={
            "publisher_name": "Desk",
            "publisher_url": "harbour.example",
            "public_base_url": "https://x.example/?a=1",
        },
        headers=HX,
    )
    assert response.status_code == 422
    body = html.unescape(response.get_data(as_text=True))
    assert "a full address starting with https:// or http://" in body and "an address without ? or # parts" in body
    assert 'value="harbour.example"' in body


# ---- rating scale ------------------------------------------------------------------


def _scale_form(page: str) -> dict[str, str]:
    """The rating form's fields as the page renders them (hidden keys and all)."""
    import re

    fields = dict(
        re.findall(r'name="((?:key|label|value|alternate_name|position)_\d+|count)"[^>]*?value="([^"]*)"', page)
    )
    return {k: html.unescape(v) for k, v in fields.items()}


def test_rating_scale_edit_rename_reorder_and_add(as_role, engine, users, troops):
    admin = as_role("admin")
    page = admin.get("/admin/ratings").get_data(as_text=True)
    form = _scale_form(page)
    index = next(k.split("_")[1] for k, v in form.items() if k.startswith("key_") and v == "false")
    form[f"label_{index}"] = "Wrong"
    form[f"alternate_name_{index}"] = "Incorrect"
    form[f"position_{index}"] = "0"
    new = str(int(form["count"]) - 1)
    form.update({f"label_{new}": "Needs context", f"value_{new}": "3", f"alternate_name_{new}": "Missing context"})
    saved = admin.post("/admin/ratings", data=form, headers=HX)
    assert saved.status_code == 200, saved.get_data(as_text=True)
    with session_scope(engine) as s:
        from claimtrack.services.review import rating_scale

        stored = rating_scale.current(s, {})
    assert stored.labels[0].key == "false" and stored.labels[0].label == "Wrong"
    assert stored.labels[0].alternate_name == "Incorrect"
    assert stored.get("needs-context").value == 3.0
    _published(engine, troops, users, rating="false")
    public = admin.get(f"/fact-checks/{troops}").get_data(as_text=True)
    assert ">Wrong</h2>" in public
    assert admin.get(f"/claims/{troops}/claimreview.json").get_json()["reviewRating"]["alternateName"] == "Incorrect"
    assert len(_actions(engine, "settings.rating_scale")) == 1


def test_a_label_in_use_cannot_disappear(as_role, engine, users, troops):
    _published(engine, troops, users, rating="false")
    admin = as_role("admin")
    form = _scale_form(admin.get("/admin/ratings").get_data(as_text=True))
    index = next(k.split("_")[1] for k, v in form.items() if k.startswith("key_") and v == "false")
    form[f"remove_{index}"] = "1"
    refused = admin.post("/admin/ratings", data=form, headers=HX)
    assert refused.status_code == 422
    body = html.unescape(refused.get_data(as_text=True))
    assert "is the rating of 1 verdict; it cannot be removed (rename it instead)." in body
    assert _actions(engine, "settings.rating_scale") == []
    unused = next(k.split("_")[1] for k, v in form.items() if k.startswith("key_") and v == "true")
    form.pop(f"remove_{index}")
    form[f"remove_{unused}"] = "1"
    assert admin.post("/admin/ratings", data=form).status_code == 303
    with session_scope(engine) as s:
        from claimtrack.services.review import rating_scale

        assert rating_scale.current(s, {}).get("true") is None


def test_a_scale_file_wins_and_the_page_says_so(app_config, users, tmp_path):
    from claimtrack.ratings import default_scale_path

    path = tmp_path / "scale.toml"
    path.write_text(default_scale_path().read_text(encoding="utf-8"), encoding="utf-8")
    admin = _admin(create_app({**app_config, "RATING_SCALE_PATH": str(path)}))
    page = admin.get("/admin/ratings").get_data(as_text=True)
    assert f"comes from the file <code>{path}</code>" in page
    refused = admin.post("/admin/ratings", data=_scale_form(page), headers=HX)
    assert refused.status_code == 422 and "which wins over the scale edited here" in refused.get_data(as_text=True)


# ---- archive -----------------------------------------------------------------------

CLAIMREVIEWS = [
    {
        "@type": "ClaimReview",
        "url": "https://checks.example/a",
        "claimReviewed": "The bridge carries 12,000 cars a day.",
        "author": {"@type": "Organization", "name": "Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": "True"},
    },
    {
        "@type": "ClaimReview",
        "url": "https://checks.example/b",
        "author": {"@type": "Organization", "name": "Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    },
]
TSV = (
    "vclaim_id\tvclaim\ttitle\n"
    "v1\tThe ferry runs every ten minutes in winter.\tFerry timetable checked\n"
    "v2\t\tNo claim here\n"
)


def _upload(client, name: str, data: bytes, **headers):
    return client.post(
        "/admin/archive",
        data={"file": (io.BytesIO(data), name), "publisher": "Harbour Desk"},
        content_type="multipart/form-data",
        headers=headers,
    )


def test_archive_page_counts_and_uploads(as_role, engine):
    admin = as_role("admin")
    page = admin.get("/admin/archive").get_data(as_text=True)
    assert "<strong>0</strong> published fact-checks loaded" in page
    response = _upload(admin, "checks.json", json.dumps(CLAIMREVIEWS).encode(), **HX)
    assert response.status_code == 201
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="archive"')
    assert "<strong>1</strong> loaded" in body and "<strong>1</strong> refused" in body
    assert "The bridge carries 12,000 cars a day." in body and "checks.json" in body
    assert "<strong>1</strong> published fact-check loaded" in body
    table = _upload(admin, "checkthat.tsv", TSV.encode())
    text = table.get_data(as_text=True)
    assert table.status_code == 201 and "<html" in text
    assert "checkthat.tsv:3" in text and "<strong>2</strong> published fact-checks loaded" in text
    again = _upload(admin, "checkthat.tsv", TSV.encode(), **HX).get_data(as_text=True)
    assert "<strong>0</strong> loaded, <strong>0</strong> updated, <strong>1</strong> unchanged" in again
    with session_scope(engine) as s:
        assert sorted(r.publisher for r in s.exec(select(FactCheck)).all()) == ["Checks", "Harbour Desk"]
    assert [e.after["source"] for e in _actions(engine, "factchecks.import")] == [
        "checks.json",
        "checkthat.tsv",
        "checkthat.tsv",
    ]


def test_archive_refusals(as_role):
    admin = as_role("admin")
    for name, data, message in [
        ("notes.docx", b"hello", "not a fact-check archive"),
        ("empty.json", b"  ", "empty.json is empty."),
        ("broken.json", b"{not json", "broken.json"),
    ]:
        response = _upload(admin, name, data, **HX)
        assert response.status_code == 422, name
        assert message in response.get_data(as_text=True), name
    nofile = admin.post("/admin/archive", data={"publisher": "x"}, headers=HX)
    assert nofile.status_code == 422 and "Choose a file to upload." in nofile.get_data(as_text=True)
