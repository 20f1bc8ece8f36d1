"""Public fact-check pages: no login, what readers see, meta tags, safe JSON-LD."""

import json
import re

from .conftest import INJECTION, assert_valid_claimreview
from .test_export import expected_a1

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_fact_check_page_shows_everything_a_reader_needs(newsroom, client):
    a1 = newsroom.ids["a1"]
    response = client.get(f"/fact-checks/{a1}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for text in (
        "Unemployment fell to 4 percent last year.",
        "<strong>Jane Mayor</strong>, Mayor",
        '<a href="https://a.example/budget" rel="nofollow noopener">Budget row deepens</a>',
        "Daily A",
        "5 Jan 2026",
        "Mostly false",
        "The official rate was 4.6 percent.",
        'Published <time datetime="2026-01-06T12:00:00+00:00">6 Jan 2026</time>',
        'corrected <time datetime="2026-01-08T12:00:00+00:00">8 Jan 2026</time>',
        "We misread the revised table.",
        "Previous verdict: False (published 6 Jan 2026).",
        '<a href="https://stats.example/report" rel="nofollow noopener">Official statistics</a>, Stats Office',
        "The rate was 5 percent.",
        "contradicts the claim",
    ):
        assert text in html, text
    # The rationale is plain text: paragraphs at blank lines, markup escaped.
    assert "<p>The office revised its table.</p>" in html
    assert "<p>&lt;b&gt;Not bold&lt;/b&gt; text.</p>" in html and "<b>Not bold</b>" not in html


def test_meta_tags(newsroom, client):
    a1 = newsroom.ids["a1"]
    html = client.get(f"/fact-checks/{a1}").get_data(as_text=True)
    url = f"https://factcheck.example.org/fact-checks/{a1}"
    for tag in (
        f'<link rel="canonical" href="{url}">',
        f'<meta property="og:url" content="{url}">',
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Fact check: Unemployment fell to 4 percent last year.">',
        '<meta property="og:description" content="Mostly false: The official rate was 4.6 percent.">',
        '<meta property="og:site_name" content="Example Fact Check">',
        '<meta name="twitter:card" content="summary">',
        '<meta name="twitter:title" content="Fact check: Unemployment fell to 4 percent last year.">',
    ):
        assert tag in html, tag


def test_embedded_json_ld_is_the_export(newsroom, client):
    html = client.get(f"/fact-checks/{newsroom.ids['a1']}").get_data(as_text=True)
    (block,) = LD.findall(html)
    doc = json.loads(block)
    assert doc == expected_a1(newsroom.ids)
    assert_valid_claimreview(doc)


def test_script_in_claim_text_cannot_break_out(newsroom, client):
    html = client.get(f"/fact-checks/{newsroom.ids['a4']}").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert html.count("<script") == 1 and html.count("</script>") == 1
    (block,) = LD.findall(html)
    assert "</" not in block
    assert json.loads(block)["claimReviewed"] == INJECTION
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_index_lists_published_and_filters(newsroom, client):
    ids = newsroom.ids

    def listed(query: str = "") -> list[int]:
        response = client.get("/fact-checks" + query)
        assert response.status_code == 200
        return [int(i) for i in re.findall(r'href="/fact-checks/(\d+)"', response.get_data(as_text=True))]

    # Newest verdict first: A4 (11 Feb), A2 (10 Feb), A1 (corrected 8 Jan).
    assert listed() == [ids["a4"], ids["a2"], ids["a1"]]
    html = client.get("/fact-checks").get_data(as_text=True)
    assert "3 fact-checks" in html
    jane = re.search(r'<option value="(\d+)" >Jane Mayor</option>', html).group(1)
    assert listed(f"?claimant={jane}") == [ids["a4"], ids["a1"]]
    assert listed("?verdict=true") == [ids["a2"]]
    assert listed(f"?verdict=false&claimant={jane}") == []
    assert listed("?claimant=abc&page=0") == [ids["a4"], ids["a2"], ids["a1"]]
    bad = client.get("/fact-checks?verdict=pants-on-fire")
    assert bad.status_code == 422 and "Unknown verdict" in bad.get_data(as_text=True)


def test_index_fragment_for_htmx(newsroom, client):
    response = client.get("/fact-checks?verdict=true", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"]
    assert html.lstrip().startswith('<section id="fact-check-results"') and "<html" not in html


def test_unpublished_and_missing_pages_are_404(newsroom, client):
    for key in ("a3", "a5", "a6", "b1"):
        assert client.get(f"/fact-checks/{newsroom.ids[key]}").status_code == 404
    assert client.get("/fact-checks/424242").status_code == 404


def test_public_pages_load_no_script(newsroom, client):
    html = client.get(f"/fact-checks/{newsroom.ids['a2']}").get_data(as_text=True)
    assert "<script src" not in html
    assert not re.search(r"<[^>]+\son[a-z]+=", html)
    assert "publishing.css" in html
