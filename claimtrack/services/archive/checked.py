""" "Has this been checked?": stored claims and archived fact-checks like a pasted text,
kept only when they are close enough, each with its verdict, its status and reasons in
plain words.

The ranking's own score is relative to the best candidate (the top hit always scores
high, even when it shares one word with the text), so closeness is judged absolutely:
most of the pasted text's terms must be in the hit and the wording must be alike.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlmodel import Session, select

from ...archive_search.query import words
from ...archive_search.rescore import score
from ...errors import ValidationError
from ...matching.normalise import content_term_set, entities, entity_display
from ...models import Claim
from .factchecks import MAX_MATCH_TEXT, candidates
from .fulltext import Hit

# A hit must hold at least this share of the pasted text's terms ...
MIN_TERMS_SHARED = 0.5
# ... and read alike (rapidfuzz token_set_ratio over the claim or the headline).
MIN_WORDING = 0.6


@dataclass(slots=True)
class CheckedHit:
    kind: str  # "factcheck" | "claim"
    id: int
    text: str
    url: str | None
    rating: str | None  # a published verdict or the archive's rating; never a draft
    status: str | None  # a tracked claim's review status
    publisher: str | None
    closeness: float
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def checked_before(session: Session, text: str, limit: int = 10) -> list[CheckedHit]:
    """Close enough hits for ``text``, best first; [] means "nothing close enough".
    Raises ValidationError for empty or over-long text (as match_text does)."""
    if not text or not text.strip():
        raise ValidationError("Paste the claim to look for.", fields={"text": "required"})
    if len(text) > MAX_MATCH_TEXT:
        raise ValidationError(
            f"The text is too long to match (at most {MAX_MATCH_TEXT:,} characters): paste the claim itself.",
            fields={"text": f"at most {MAX_MATCH_TEXT:,} characters"},
        )
    query, cands = candidates(session, text)
    asked = content_term_set(query.text)
    kept = []
    for c in score(cands):
        hit: Hit = c.key
        shared = asked & content_term_set(f"{hit.text} {hit.title}")
        share = len(shared) / len(asked) if asked else 0.0
        wording = max(c.feature("token_set"), c.feature("title"))
        if share < MIN_TERMS_SHARED or wording < MIN_WORDING:
            continue
        kept.append((c, hit, shared, share, wording))
        if len(kept) == limit:
            break
    statuses = _statuses(session, [hit.id for _c, hit, *_ in kept if hit.kind == "claim"])
    return [
        CheckedHit(
            hit.kind,
            hit.id,
            hit.text,
            hit.url,
            hit.rating,
            statuses.get(hit.id) if hit.kind == "claim" else None,
            hit.publisher,
            round(min(share, wording), 4),
            _reasons(query.text, hit, shared, share, wording),
        )
        for _c, hit, shared, share, wording in kept
    ]


def _statuses(session: Session, claim_ids: list[int]) -> dict[int, str]:
    if not claim_ids:
        return {}
    return dict(session.exec(select(Claim.id, Claim.status).where(Claim.id.in_(claim_ids))).all())


def _reasons(asked_text: str, hit: Hit, shared: frozenset[str], share: float, wording: float) -> list[str]:
    """Why it was kept, in words a reader uses: the hit's own words, not search stems."""
    out = []
    names = entities(asked_text) & entities(f"{hit.text} {hit.title}")
    if names:
        out.append(
            "names the same "
            + ("thing" if len(names) == 1 else "things")
            + ": "
            + ", ".join(entity_display(e) for e in sorted(names)[:4])
        )
    same = _surface_words(f"{hit.text} {hit.title}", shared - names)
    if same:
        out.append("uses the same words: " + ", ".join(same[:8]))
    out.append(f"{share:.0%} of your words appear in it")
    out.append(f"wording {wording:.0%} alike")
    return out


def _surface_words(text: str, terms: frozenset[str]) -> list[str]:
    """The words of ``text`` (as written, first seen first) whose normalised term is one
    of ``terms``: "bridges" rather than the stem "bridg"."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word not in seen and content_term_set(word) & terms:
            seen[word] = None
    return list(seen)
