"""Scoring stored claim links against the hand-written gold links of the fixtures.

Each gold endpoint names an article file (and line, for JSON Lines) and an anchor; it
maps to the stored claim whose span contains the anchor. The extractor sometimes keeps
two gold claims in one stored claim ("roughly 6,000 service members ..., a fraction of
the more than 160,000 ..."), so two gold pairs can land on one stored pair: a stored
pair is positive when any of its gold pairs is, and its relation and numeric verdict
count as right when they agree with any of them. A repeat within one article (a dek
restated in the body) is not linked itself; it counts through the claim it repeats.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from claimtrack.models import Article, Claim, ClaimLink

OFF_TOPIC = {("norland-motors-release.txt", None), ("festival-volunteers.txt", None), ("world-briefs.jsonl", 2)}


@dataclass
class GoldFigures:
    gold_pairs: int = 0  # distinct stored pairs the gold annotates
    positives: int = 0
    true_positives: int = 0
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    relation_right: int = 0
    numeric_right: int = 0
    wrong_relation: list[str] = field(default_factory=list)
    wrong_numeric: list[str] = field(default_factory=list)
    off_topic_links: int = 0
    unmapped: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_positives + len(self.false_positives)
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 1.0

    @property
    def relation_accuracy(self) -> float:
        return self.relation_right / self.true_positives if self.true_positives else 1.0

    @property
    def numeric_accuracy(self) -> float:
        return self.numeric_right / self.true_positives if self.true_positives else 1.0

    def report(self) -> str:
        lines = [
            f"gold pairs {self.gold_pairs} (positive {self.positives}); "
            f"precision {self.precision:.3f}, recall {self.recall:.3f} "
            f"({self.true_positives}/{self.positives}), relation accuracy "
            f"{self.relation_accuracy:.3f}, numeric accuracy {self.numeric_accuracy:.3f}, "
            f"off-topic links {self.off_topic_links}",
        ]
        for title, items in (
            ("false positives", self.false_positives),
            ("misses", self.misses),
            ("wrong relation", self.wrong_relation),
            ("wrong numeric verdict", self.wrong_numeric),
            ("unmapped anchors", self.unmapped),
        ):
            lines += [f"  {title}: {item}" for item in items]
        return "\n".join(lines)


def article_key(article: Article) -> tuple[str, int | None]:
    where = article.source_name or ""
    name, _, line = (
        where.rpartition(":") if where.endswith(tuple("0123456789")) and ".jsonl:" in where else (where, "", "")
    )
    return Path(name).name, int(line) if line else None


def evaluate(session: Session, gold_path: Path) -> GoldFigures:
    articles = {article_key(a): a for a in session.exec(select(Article)).all()}
    claims = session.exec(select(Claim)).all()
    by_article: dict[int, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    topic = {a.id: key in OFF_TOPIC for key, a in articles.items()}
    text = {c.id: c.text for c in claims}

    by_id = {c.id: c for c in claims}

    def stored_claim(end: dict) -> Claim | None:
        article = articles[(end["article"], end["line"])]
        at = article.body.find(end["anchor"])
        found = next(
            (
                c
                for c in by_article.get(article.id, ())
                if at >= 0 and c.start_offset <= at and at + len(end["anchor"]) <= c.end_offset
            ),
            None,
        )
        # A repeat (a dek restated in the body) is linked through the claim it repeats.
        while found is not None and found.repeat_of_id is not None:
            found = by_id[found.repeat_of_id]
        return found

    figures = GoldFigures()
    pairs: dict[tuple[int, int], list[dict]] = {}
    for gold in json.loads(gold_path.read_text(encoding="utf-8")):
        a, b = stored_claim(gold["a"]), stored_claim(gold["b"])
        if a is None or b is None:
            figures.unmapped.append(f"{gold['a']['anchor']!r} / {gold['b']['anchor']!r}")
            if gold["relation"] != "none":
                figures.positives += 1
            continue
        pairs.setdefault((min(a.id, b.id), max(a.id, b.id)), []).append(gold)

    links = {
        (link.claim_a_id, link.claim_b_id): link
        for link in session.exec(select(ClaimLink).where(ClaimLink.state.in_(("suggested", "confirmed")))).all()
    }
    article_of = {c.id: c.article_id for c in claims}
    figures.gold_pairs = len(pairs)
    for pair, golds in pairs.items():
        link = links.get(pair)
        label = f"{text[pair[0]][:70]!r} ~ {text[pair[1]][:70]!r}"
        positive = [g for g in golds if g["relation"] != "none"]
        if not positive:
            if link is not None:
                figures.false_positives.append(f"{label} (score {link.score})")
            continue
        figures.positives += 1
        if link is None:
            figures.misses.append(f"{positive[0]['relation']}/{positive[0]['numeric']}: {label}")
            continue
        figures.true_positives += 1
        if any(g["relation"] == link.relation for g in positive):
            figures.relation_right += 1
        else:
            figures.wrong_relation.append(f"gold {positive[0]['relation']}, got {link.relation}: {label}")
        if any(g["numeric"] == link.numeric for g in positive):
            figures.numeric_right += 1
        else:
            figures.wrong_numeric.append(f"gold {positive[0]['numeric']}, got {link.numeric}: {label}")
    for a, b in links:
        if topic[article_of[a]] != topic[article_of[b]]:
            figures.off_topic_links += 1
            figures.false_positives.append(f"off-topic: {text[a][:70]!r} ~ {text[b][:70]!r}")
    return figures
