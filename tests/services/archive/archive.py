"""A small hand-written fact-check archive shared by the tests."""

from __future__ import annotations

# The CheckThat! layout: empty first header cell, tab-separated, some fields quoted.
CHECKTHAT_TSV = (
    "\tvclaim\ttitle\n"
    "0\tMore than 122 detainees released from Guantanamo Bay under President Obama went back to terrorism.\t"
    "Did 122 Prisoners Released from Guantanamo by Obama Return to the Battlefield?\n"
    "1\tA photograph shows a shark swimming on a flooded highway in Houston after Hurricane Harvey.\t"
    "Shark on a Houston Freeway\n"
    '2\t"A ""large-scale killing"" of white farmers is taking place in South Africa."\t'
    "Is a ‘Large-Scale Killing’ of White Farmers Underway in South Africa?\n"
    "3\tDrinking hot water with lemon every morning cures cancer.\tHot Lemon Water Cancer Cure\n"
    "4\tThe city of Paris banned all diesel cars from its streets starting this year.\t"
    "Did Paris Ban Diesel Cars?\n"
    "5\tNASA confirmed that the Earth will experience six days of total darkness in December.\t"
    "Six Days of Darkness\n"
)


def claimreview(n: int, claim: str, rating: str, url: str, **extra) -> dict:
    doc = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "datePublished": "2026-11-01",
        "author": {"@type": "Organization", "name": "Example Fact Check", "url": "https://factcheck.example.org"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": rating,
            "ratingValue": n % 5 + 1,
            "bestRating": 5,
            "worstRating": 1,
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Jane Speaker"},
            "datePublished": "2026-10-30",
        },
    }
    doc.update(extra)
    return doc
