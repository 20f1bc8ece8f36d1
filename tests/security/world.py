"""A newsroom filled with hostile input through every way in: the import form (pasted
and uploaded), the API, the claim panel's forms, claimant merge and the fact-check
archive import. Used by the HTML scans and the browser test."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from sqlmodel import select

from claimtrack.cli import main as cli_main
from claimtrack.db import session_scope
from claimtrack.models import Claim, Claimant, User
from claimtrack.services.accounts import tokens
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.review import verdicts

from ..helpers import login, make_user
from . import xss_payloads as x

# The claim sentences the extractor finds; their texts and speakers are then replaced.
FILLER = (
    "The council met on Tuesday evening to debate the spending plan for the coming year, and members "
    "of the public filled the hall to hear the arguments on both sides of the question."
)
SENTENCES = (
    "The city hired 300 new teachers last year, the mayor said.",
    "Crime fell by 20 percent in 2025, the police chief said.",
    "The bridge cost 12 million dollars, the treasurer said.",
    "Rents rose 10 percent in the spring, the housing office said.",
)


def _body(extra: str) -> str:
    return "\n\n".join([*SENTENCES, f"Protesters carried signs that read {extra} outside the hall."])


@dataclass
class World:
    articles: dict[str, int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    claimants: list[int] = field(default_factory=list)
    published: list[int] = field(default_factory=list)
    token: str = ""
    rita: object = None  # logged-in test clients (reviewer, editor)
    eddie: object = None


def _claims_of(engine, article_id: int) -> list[int]:
    with session_scope(engine) as s:
        return list(s.exec(select(Claim.id).where(Claim.article_id == article_id).order_by(Claim.id)).all())


def _claim(engine, claim_id: int) -> Claim:
    with session_scope(engine) as s:
        claim = s.get(Claim, claim_id)
        s.expunge(claim)
        return claim


def _open_verdict(engine, claim_id: int, published: bool = False) -> tuple[int, int]:
    with session_scope(engine) as s:
        row = (verdicts.published_verdict if published else verdicts.open_verdict)(s, claim_id)
        return row.id, row.version


def _ok(response, what: str) -> None:
    assert response.status_code in (200, 201, 303), (what, response.status_code, response.get_data(as_text=True)[:2000])


def build(app, engine, tmp_path: Path) -> World:  # one scenario, step by step
    world = World()
    make_user(engine, "rita", "reviewer")
    make_user(engine, "eddie", "editor")
    with session_scope(engine) as s:
        user = s.exec(select(User).where(User.username == "rita")).one()
        world.token = tokens.create_token(s, Actor.system("test"), user, name="xss")[1]
    rita, eddie = app.test_client(), app.test_client()
    assert login(rita, "rita").status_code == 302 and login(eddie, "eddie").status_code == 302
    world.rita, world.eddie = rita, eddie

    # 1. The import form, pasted: every metadata field carries markup.
    r = rita.post(
        "/articles/import",
        data={
            "title": x.joined(1000),
            "body": _body(x.joined(3000)),
            "url": x.TRICKY_URL,
            "outlet": x.joined(200, (x.SCRIPT, x.IMG_ONERROR, x.HX_GET)),
            "byline": x.joined(500),
            "published": "2026-01-05",
        },
    )
    _ok(r, "import pasted")
    world.articles["pasted"] = int(r.headers["Location"].rsplit("/", 1)[1])

    # 2. The import form, uploaded as text and as HTML.
    text_file = x.joined(900) + "\n\n" + _body(x.SVG_ONLOAD + " " + x.SCRIPT_END).replace("teachers", "nurses")
    r = rita.post(
        "/articles/import",
        data={"file": (BytesIO(text_file.encode("utf-8")), "upload.txt"), "outlet": "Upload Daily"},
        content_type="multipart/form-data",
    )
    _ok(r, "import upload txt")
    world.articles["uploaded"] = int(r.headers["Location"].rsplit("/", 1)[1])
    page = (
        "<html><head><title>Council &lt;script&gt;window.__xss=20&lt;/script&gt; budget</title>"
        "<script>window.__xss=21</script><style>body{background:url(/xss-probe/css)}</style></head>"
        "<body><article><h1>Council &lt;script&gt;window.__xss=20&lt;/script&gt; budget</h1>"
        + "".join(
            f'<p>{s.replace("teachers", "firefighters")} <img src=x onerror="window.__xss=22">'
            f'<a href="javascript:window.__xss=23">link</a><span onclick="window.__xss=24">'
            f"words</span> {FILLER}</p>"
            for s in SENTENCES
        )
        + '<script>window.__xss=25</script><iframe src="/xss-probe/frame"></iframe></article></body></html>'
    )
    r = rita.post(
        "/articles/import",
        data={"file": (BytesIO(page.encode("utf-8")), "page.html")},
        content_type="multipart/form-data",
    )
    _ok(r, "import upload html")
    world.articles["html"] = int(r.headers["Location"].rsplit("/", 1)[1])

    # 3. The API.
    r = app.test_client().post(
        "/api/v1/articles",
        headers={"Authorization": f"Bearer {world.token}"},
        json={
            "title": x.joined(1000, tuple(reversed(x.PAYLOADS))),
            "body": _body(x.joined(2000)),
            "url": "https://api.example/story?x=<script>window.__xss=26</script>",
            "outlet": x.joined(200, (x.HX_ON, x.ATTR_BREAK_DOUBLE)),
            "byline": x.joined(500, x.PAYLOADS[3:]),
        },
    )
    _ok(r, "import api")
    world.articles["api"] = r.get_json()["id"]

    # 4. The claim panel's forms on the pasted article's claims.
    ids = _claims_of(engine, world.articles["pasted"])
    assert len(ids) >= 4, ids
    world.claims = {"text": ids[0], "returned": ids[1], "published": ids[2], "dismissed": ids[3]}
    for key, claim_id in world.claims.items():
        claim = _claim(engine, claim_id)
        r = rita.post(
            f"/claims/{claim_id}/text",
            data={
                "version": claim.version,
                "text": f"{SENTENCES[0][:20]} {x.joined(4000)} ({key})",
                "start": claim.start_offset,
                "end": claim.end_offset,
            },
        )
        _ok(r, "claim text")
    speakers = (
        x.joined(300, x.MARKUP[:6]),
        x.joined(300, x.MARKUP[6:12]),
        x.joined(300, x.MARKUP[12:]),
        x.joined(300, (x.HX_GET, *x.TEMPLATES)),
    )
    for claim_id, name in zip(world.claims.values(), speakers, strict=True):
        r = rita.post(
            f"/claims/{claim_id}/speaker",
            data={
                "version": _claim(engine, claim_id).version,
                "speaker": name,
                "speaker_title": x.joined(300, (x.ATTR_BREAK_SINGLE, x.TEXTAREA_END)),
            },
        )
        _ok(r, "speaker")
    for claim_id in (world.claims["returned"], world.claims["published"]):
        r = rita.post(
            f"/claims/{claim_id}/sources",
            data={
                "url": x.TRICKY_URL,
                "title": x.joined(1000),
                "publisher": x.joined(300, x.MARKUP[::-1]),
                "stance": "refutes",
                "excerpt": x.joined(5000),
            },
        )
        _ok(r, "source")
        r = rita.post(
            f"/claims/{claim_id}/verdict",
            data={
                "action": "submit",
                "rating": "false",
                "summary": x.joined(2000),
                "rationale": x.joined(50_000),
                "verdict_id": "",
                "verdict_version": "",
            },
        )
        _ok(r, "verdict")
    vid, version = _open_verdict(engine, world.claims["returned"])
    _ok(
        eddie.post(
            f"/claims/{world.claims['returned']}/verdict/return",
            data={"comment": x.joined(5000), "verdict_id": vid, "verdict_version": version},
        ),
        "return",
    )
    vid, version = _open_verdict(engine, world.claims["published"])
    _ok(
        eddie.post(
            f"/claims/{world.claims['published']}/verdict/approve", data={"verdict_id": vid, "verdict_version": version}
        ),
        "approve",
    )
    vid, version = _open_verdict(engine, world.claims["published"], published=True)
    _ok(
        eddie.post(
            f"/claims/{world.claims['published']}/verdict/correct",
            data={
                "rating": "mostly-false",
                "summary": x.joined(2000, x.PAYLOADS[::-1]),
                "rationale": x.joined(50_000),
                "note": x.joined(5000),
                "verdict_id": vid,
                "verdict_version": version,
            },
        ),
        "correct",
    )
    world.published.append(world.claims["published"])
    claim = _claim(engine, world.claims["dismissed"])
    _ok(rita.post(f"/claims/{claim.id}/dismiss", data={"version": claim.version, "reason": x.joined(1000)}), "dismiss")

    # 5. Two claimants with hostile names, merged by an editor.
    api_claims = _claims_of(engine, world.articles["api"])
    for claim_id, name in zip(
        api_claims[:2], (x.joined(300, (x.SCRIPT, x.HX_GET)), x.joined(300, (x.SVG_ONLOAD, x.HX_ON))), strict=True
    ):
        _ok(
            rita.post(
                f"/claims/{claim_id}/speaker", data={"version": _claim(engine, claim_id).version, "speaker": name}
            ),
            "speaker api",
        )
    with session_scope(engine) as s:
        keep, dup = (_claim(engine, c).claimant_id for c in api_claims[:2])
        assert s.get(Claimant, keep) and s.get(Claimant, dup)
    world.claimants = [keep, dup]
    r = eddie.post(f"/claimants/{keep}/merge", data={"duplicate": dup})
    _ok(r, "merge claimants")

    # 6. A fact-check archive with hostile text.
    archive = tmp_path / "hostile.json"
    docs = [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "https://factcheck.example.org/reviews/1",
            "claimReviewed": "The city hired 300 new teachers last year " + x.joined(1500),
            "reviewRating": {"@type": "Rating", "alternateName": x.joined(200, (x.SCRIPT, x.IMG_ONERROR))},
            "author": {"@type": "Organization", "name": x.joined(200, (x.HX_GET, x.SVG_ONLOAD))},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": x.joined(200, x.MARKUP[3:])}},
            "datePublished": "2026-01-01",
            "name": x.joined(500),
        },
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "javascript:window.__xss=30",
            "claimReviewed": "The city hired 300 new teachers last year, said the council.",
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
        },
    ]
    archive.write_text(json.dumps(docs), encoding="utf-8")
    try:  # the caller points the CLI at this database (the cli_env fixture)
        cli_main(["import-factchecks", str(archive)])
        code = 0
    except SystemExit as exc:
        code = exc.code
    assert code == 1, "the javascript: row should have been refused"
    return world
