"""Article pages and feeds written for these tests, served by the loopback farm."""

from __future__ import annotations

import json

STORIES = {
    "ferry": (
        "Ferry fares rise again on the island route",
        [
            "Harbour council leader Mara Ellison said on Monday that ferry fares had risen by 18 percent since March.",
            "The operator disputed the figure and said the average ticket cost 4 pounds more than last year.",
            "Commuters told the council that crossings were cancelled on 12 days in October.",
        ],
    ),
    "schools": (
        "County plans three new primary schools",
        [
            "Education officer Tomas Brandt said the county would open three primary schools by 2029.",
            "He said the building programme would cost 45 million pounds over five years.",
            "Parents at the meeting said classes already held more than 32 pupils.",
        ],
    ),
    "clinic": (
        "Night clinic waiting times fall",
        [
            "Health board chair Ines Moreau said waiting times at the night clinic fell by 20 percent this year.",
            "She said the clinic now sees 140 patients a week, up from 95 a year ago.",
            "Staff said two more nurses had joined the team in the summer.",
        ],
    ),
}


def article_html(
    slug: str,
    *,
    canonical: str | None = None,
    extra: str = "",
    outlet: str | None = "Coast Courier",
    date: str | None = "2026-11-30",
) -> str:
    title, paragraphs = STORIES[slug]
    meta = []
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    if outlet:
        meta.append(f'<meta property="og:site_name" content="{outlet}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + (f"<p>{extra}</p>" if extra else "")
    return (
        f"<!doctype html><html><head><title>{title}</title>{''.join(meta)}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def rss(items: list[tuple[str, str]], title: str = "Coast Courier news") -> str:
    """RSS 2.0 with (link, pubDate-or-empty) items."""
    parts = "".join(
        f"<item><title>Story {i}</title><link>{link}</link>"
        + (f"<pubDate>{date}</pubDate>" if date else "")
        + "</item>"
        for i, (link, date) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{parts}</channel></rss>'


def atom(links: list[str], title: str = "Valley Post") -> str:
    entries = "".join(
        f'<entry><title>Entry {i}</title><id>urn:test:{i}</id><link href="{link}"/>'
        f"<updated>2026-11-30T08:0{i % 10}:00Z</updated></entry>"
        for i, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test:feed</id><updated>2026-11-30T08:00:00Z</updated>{entries}</feed>"
    )


def json_feed(links: list[str], title: str = "Harbour Daily") -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "items": [
                {"id": str(i), "url": link, "title": f"Item {i}", "date_published": "2026-11-29T10:00:00Z"}
                for i, link in enumerate(links)
            ],
        }
    )


def news_sitemap(links: list[str], outlet: str = "Ridge Gazette") -> str:
    urls = "".join(
        f"<url><loc>{link}</loc><news:news><news:publication><news:name>{outlet}</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>2026-11-28</news:publication_date><news:title>Piece {i}</news:title>"
        f"</news:news></url>"
        for i, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    )


def sitemap_index(children: list[str]) -> str:
    parts = "".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children)
    return (
        f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{parts}</sitemapindex>'
    )
