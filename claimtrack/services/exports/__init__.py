"""Streaming exports of the desk's data: claims, verdicts, links and published
fact-checks, in CSV, JSON Lines, ClaimReview JSON-LD, the Fact Check Tools payload and
a schema.org DataFeed, with the review queue's filters and no row cap."""
