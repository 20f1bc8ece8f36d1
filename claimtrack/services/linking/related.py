"""Related claims across coverage: suggesting links, reading them, deciding on them.

Suggestions are computed when claims enter the index (on import, for the new claims
only) and stored as ``ClaimLink`` rows in state ``suggested``, lower claim id first.
Reviewers confirm or dismiss them; a dismissed pair is never suggested again, and a
confirmed one is never overwritten by a later suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...matching import Match, compare, score_pair
from ...models import Article, Claim, Claimant, ClaimLink, MatchClaim, Outlet, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..notifications import coverage
from . import furniture
from . import index as match_index
from . import settings as settings_module
from .settings import MatchSettings

DECISIONS = ("confirmed", "dismissed")
MAX_REPEAT_CHAIN = 5
SHOWN_STATES = ("suggested", "confirmed")
_Survivor = aliased(Claimant)  # the claimant a merged claimant now lives on as
_LINK_FIELDS = ("state", "decided_by_id", "decided_at")


@dataclass(slots=True)
class RelatedClaim:
    """A claim from other coverage related to the claim being viewed."""

    link_id: int | None  # None: found by a fresh search, not stored as a link
    claim: Claim
    article: Article
    outlet_name: str | None
    speaker: str | None
    score: float
    relation: str  # same | related
    numeric: str | None  # consistent | conflict | None
    state: str  # suggested | confirmed | dismissed
    reasons: list[str]


@dataclass(slots=True)
class ClaimEnd:
    claim_id: int
    article_id: int
    text: str
    speaker: str | None

    def to_dict(self) -> dict:
        return {"claim_id": self.claim_id, "article_id": self.article_id, "text": self.text, "speaker": self.speaker}


@dataclass(slots=True)
class LinkView:
    """A stored link with both of its claims."""

    link_id: int
    a: ClaimEnd
    b: ClaimEnd
    score: float
    relation: str
    numeric: str | None
    state: str
    reasons: list[str]

    def to_dict(self) -> dict:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "score": self.score,
            "relation": self.relation,
            "numeric": self.numeric,
            "state": self.state,
            "reasons": list(self.reasons),
        }


# --- suggesting ---------------------------------------------------------------------------


def index_article(
    session: Session,
    article: Article,
    claim_ids: Iterable[int],
    settings: MatchSettings | None = None,
    *,
    fresh: bool = False,
) -> list[tuple[int, int]]:
    """Add a newly stored article's claims to the index and suggest links for them
    (the import path calls this in its own transaction). ``fresh``: the claims were
    inserted in this transaction, so no link of theirs can exist yet."""
    settings = settings or settings_module.current()
    session.flush()
    match_index.lock(session)
    match_index.store_article_context(session, article)
    linkable = match_index.index_claims(session, claim_ids, settings)
    return _suggest(session, linkable, settings, fresh=fresh)


def suggest_for_article(
    session: Session, article_id: int, settings: MatchSettings | None = None
) -> list[tuple[int, int]]:
    """Re-index one article's claims and refresh their suggestions."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article #{article_id}.")
    ids = session.exec(select(Claim.id).where(Claim.article_id == article_id)).all()
    return index_article(session, article, ids, settings)


def refresh_claims(
    session: Session, claim_ids: Iterable[int], settings: MatchSettings | None = None
) -> list[tuple[int, int]]:
    """Re-index claims after they were edited or created by hand, and refresh their
    suggestions (decided links stay as they are)."""
    settings = settings or settings_module.current()
    ids = sorted(set(claim_ids))
    session.flush()
    match_index.lock(session)
    article_ids = set(session.exec(select(Claim.article_id).where(Claim.id.in_(ids))).all())
    for article_id in sorted(article_ids):
        match_index.store_article_context(session, session.get(Article, article_id))
    suggested = _suggest(session, match_index.index_claims(session, ids, settings), settings)
    # A claim merged into another is matched as that one: its suggestions go (the
    # links a reviewer decided stay).
    merged = session.exec(select(Claim.id).where(Claim.id.in_(ids), Claim.status == "merged")).all()
    furniture.forget_suggestions(session, merged)
    _rescore_other_suggestions(session, ids, set(suggested), settings)
    return suggested


def _rescore_other_suggestions(
    session: Session, claim_ids: list[int], kept: set[tuple[int, int]], settings: MatchSettings
) -> None:
    """Suggestions of the refreshed claims that the new search did not return (another
    claim's search found them) are scored again: kept if they still pass, else removed."""
    stale = [
        link
        for link in session.exec(
            select(ClaimLink).where(
                ClaimLink.state == "suggested",
                sa.or_(ClaimLink.claim_a_id.in_(claim_ids), ClaimLink.claim_b_id.in_(claim_ids)),
            )
        ).all()
        if (link.claim_a_id, link.claim_b_id) not in kept
    ]
    if not stale:
        return
    records = match_index.load_records(session, {i for link in stale for i in (link.claim_a_id, link.claim_b_id)})
    for link in stale:
        a, b = records.get(link.claim_a_id), records.get(link.claim_b_id)
        match = score_pair(a, b, settings.scoring) if a and b else None
        if match is None:
            session.delete(link)
            continue
        link.score, link.relation, link.numeric = match.score, match.relation, match.numeric
        link.reasons = list(match.reasons)
        session.add(link)
    session.flush()


def reindex(session: Session, settings: MatchSettings | None = None, *, batch: int = 500) -> int:
    """Index claims that are missing from the index or were edited since (claims stored
    before the index existed, or changed by hand), one batch; returns how many. Call
    again until it returns 0."""
    ids = match_index.stale_claim_ids(session, batch)
    if ids:
        refresh_claims(session, ids, settings)
    return len(ids)


def reindex_all(
    session: Session, settings: MatchSettings | None = None, *, after: int = 0, batch: int = 500
) -> list[int]:
    """Index the next batch of claims (ids above ``after``) afresh and re-score their
    suggestions, whether or not they changed: after the matching rules changed, this
    brings every stored suggestion up to them (decided links stay as they are).
    Returns the claim ids done; call again from the last one until it returns []."""
    ids = list(session.exec(select(Claim.id).where(Claim.id > after).order_by(Claim.id).limit(batch)).all())
    if ids:
        refresh_claims(session, ids, settings)
    return ids


def _suggest(
    session: Session, claim_ids: list[int], settings: MatchSettings, *, fresh: bool = False
) -> list[tuple[int, int]]:
    """Score the claims against the index and store the best pairs as suggestions;
    returns the pairs (lower claim id first) now suggested."""
    records = match_index.load_records(session, claim_ids)
    found: dict[tuple[int, int], Match] = {}
    related = match_index.find_related_many(session, records.values(), settings, limit=settings.suggestions)
    for claim_id, matches in related.items():
        for other, match in matches:
            pair = (min(claim_id, other.claim_id), max(claim_id, other.claim_id))
            if pair not in found or match.score > found[pair].score:
                found[pair] = match
    # Every pair holds one of the claims being indexed; claims just inserted have no
    # links, so reading them (rows that grow with the old claims' links) is skipped.
    existing = {} if fresh else _links_between(session, found)
    new_rows, now = [], utcnow()
    for pair, match in sorted(found.items()):
        link = existing.get(pair)
        if link is None:
            new_rows.append(
                {
                    "claim_a_id": pair[0],
                    "claim_b_id": pair[1],
                    "score": match.score,
                    "relation": match.relation,
                    "numeric": match.numeric,
                    "reasons": list(match.reasons),
                    "state": "suggested",
                    "created_at": now,
                }
            )
        elif link.state == "suggested":
            link.score, link.relation, link.numeric = match.score, match.relation, match.numeric
            link.reasons = list(match.reasons)
            session.add(link)
        # else a reviewer decided: dismissed stays gone, confirmed stays as confirmed
    if new_rows:
        # One statement for all new suggestions: an import suggests hundreds at a time.
        session.execute(sa.insert(ClaimLink.__table__), new_rows)
        coverage.notify_new_links(session, new_rows)
    session.flush()
    return [pair for pair in sorted(found) if pair not in existing or existing[pair].state == "suggested"]


def _links_between(session: Session, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], ClaimLink]:
    pairs = set(pairs)
    firsts = sorted({a for a, _ in pairs})
    found = {}
    for start in range(0, len(firsts), 500):
        chunk = firsts[start : start + 500]
        for link in session.exec(select(ClaimLink).where(ClaimLink.claim_a_id.in_(chunk))).all():
            if (link.claim_a_id, link.claim_b_id) in pairs:
                found[(link.claim_a_id, link.claim_b_id)] = link
    return found


# --- reading ------------------------------------------------------------------------------


def _shown_as(session: Session, claim_id: int) -> set[int]:
    """The claim and the originals it repeats: the claims whose links its panel shows."""
    ids = {claim_id}
    claim = session.get(Claim, claim_id)
    for _ in range(MAX_REPEAT_CHAIN):
        if claim is None or claim.repeat_of_id is None:
            break
        ids.add(claim.repeat_of_id)
        claim = session.get(Claim, claim.repeat_of_id)
    return ids


def related_for_claim(
    session: Session,
    claim_id: int,
    *,
    limit: int = 10,
    min_score: float | None = None,
    settings: MatchSettings | None = None,
) -> list[RelatedClaim]:
    """Claims from other coverage related to a claim, best first.

    Without ``min_score``: the stored suggested and confirmed links. With it: links
    scoring at least that much, plus a fresh search of the index at that threshold, so
    weaker candidates than the stored ones can be explored (those have no link id).
    Dismissed pairs never appear.
    """
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"There is no claim #{claim_id}.")
    if limit < 1:
        raise ValidationError("The limit must be at least 1.")
    # A repeat (a dek restated in the body) is not linked itself: show its original's links.
    for _ in range(MAX_REPEAT_CHAIN):
        if claim.repeat_of_id is None:
            break
        claim = session.get(Claim, claim.repeat_of_id)
    claim_id = claim.id
    links = session.exec(
        select(ClaimLink).where(sa.or_(ClaimLink.claim_a_id == claim_id, ClaimLink.claim_b_id == claim_id))
    ).all()
    found: dict[int, tuple[ClaimLink | None, float, str, str | None, list[str]]] = {}
    dismissed = set()
    for link in links:
        other = link.claim_b_id if link.claim_a_id == claim_id else link.claim_a_id
        if link.state not in SHOWN_STATES:
            dismissed.add(other)
        elif min_score is None or link.score >= min_score:
            found[other] = (link, link.score, link.relation, link.numeric, list(link.reasons))
    if min_score is not None and _linkable(session, claim_id):
        settings = (settings or settings_module.current()).with_min_score(min_score)
        record = match_index.load_records(session, [claim_id])[claim_id]
        for other, match in match_index.find_related(
            session, record, settings, limit=limit, exclude=dismissed | found.keys()
        ):
            found[other.claim_id] = (None, match.score, match.relation, match.numeric, list(match.reasons))
    best = sorted(found.items(), key=lambda item: (-item[1][1], item[0]))[:limit]
    context = _claim_context(session, [other for other, _ in best])
    results = []
    for other, (link, score, relation, numeric, reasons) in best:
        other_claim, article, outlet, speaker = context[other]
        results.append(
            RelatedClaim(
                link.id if link else None,
                other_claim,
                article,
                outlet,
                speaker,
                score,
                relation,
                numeric,
                link.state if link else "suggested",
                reasons,
            )
        )
    return results


def _linkable(session: Session, claim_id: int) -> bool:
    """False for a claim the index holds without postings (page furniture, a text too
    short to link): a fresh search must not link what the index never would."""
    entry = session.get(MatchClaim, claim_id)
    return entry is None or entry.linkable


def furniture_note(session: Session, claim_id: int) -> str | None:
    """Why the claim is never linked, when it is page furniture (see ``furniture``)."""
    return furniture.explain(session, claim_id)


def all_links(session: Session, states: Iterable[str] = SHOWN_STATES, batch: int = 1000) -> Iterator[LinkView]:
    """Every stored link in the given states, by link id, with both claims."""
    states = tuple(states)
    last = 0
    while True:
        links = session.exec(
            select(ClaimLink)
            .where(ClaimLink.state.in_(states), ClaimLink.id > last)
            .order_by(ClaimLink.id)
            .limit(batch)
        ).all()
        if not links:
            return
        ends = _claim_ends(session, {i for link in links for i in (link.claim_a_id, link.claim_b_id)})
        for link in links:
            yield LinkView(
                link.id,
                ends[link.claim_a_id],
                ends[link.claim_b_id],
                link.score,
                link.relation,
                link.numeric,
                link.state,
                list(link.reasons),
            )
        last = links[-1].id


def _claim_context(session: Session, claim_ids: list[int]) -> dict[int, tuple]:
    if not claim_ids:
        return {}
    rows = session.exec(
        select(Claim, Article, Outlet.name, sa.func.coalesce(_Survivor.name, Claimant.name))
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .outerjoin(_Survivor, _Survivor.id == Claimant.merged_into_id)
        .where(Claim.id.in_(claim_ids))
    ).all()
    return {claim.id: (claim, article, outlet, speaker) for claim, article, outlet, speaker in rows}


def _claim_ends(session: Session, claim_ids: set[int]) -> dict[int, ClaimEnd]:
    rows = session.execute(
        sa.select(Claim.id, Claim.article_id, Claim.text, sa.func.coalesce(_Survivor.name, Claimant.name))
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .outerjoin(_Survivor, _Survivor.id == Claimant.merged_into_id)
        .where(Claim.id.in_(sorted(claim_ids)))
    ).all()
    return {r[0]: ClaimEnd(r[0], r[1], r[2], r[3]) for r in rows}


# --- lending a verdict --------------------------------------------------------------------

# The numeric verdicts a link may carry and still lend its claim's verdict: the figures
# agree, or there are none to compare.
LENDING_NUMERIC = (None, "consistent")
_NO_LENDING = {
    "conflict": "The numbers of the two claims conflict, so its verdict cannot be reused.",
    "different": "The two claims state figures of different measures, so its verdict cannot be reused.",
}


def why_not_lend(session: Session, link: ClaimLink) -> str | None:
    """Why a link cannot lend the verdict of one claim to the other, or None when it can:
    only a confirmed same-claim link whose numbers are consistent or absent. The numbers
    are compared again under the current rules too, so a link confirmed before them
    never carries a verdict across a conflict or a different measure."""
    if link.state != "confirmed" or link.relation != "same":
        return "Only a confirmed same-claim link can lend its verdict."
    if link.numeric not in LENDING_NUMERIC:
        return _NO_LENDING[link.numeric]
    records = match_index.load_records(session, [link.claim_a_id, link.claim_b_id])
    a, b = records.get(link.claim_a_id), records.get(link.claim_b_id)
    found = compare(a, b) if a and b else None
    if found is not None and found.verdict not in LENDING_NUMERIC:
        return _NO_LENDING[found.verdict]
    return None


def lends_verdict(session: Session, item: RelatedClaim) -> bool:
    """Whether a related claim's stored link may lend its verdict (see ``why_not_lend``)."""
    if item.link_id is None or item.state != "confirmed" or item.relation != "same":
        return False
    link = session.get(ClaimLink, item.link_id)
    return link is not None and why_not_lend(session, link) is None


# --- deciding -----------------------------------------------------------------------------


def decide_link(session: Session, actor: Actor, link_id: int, state: str, *, claim_id: int | None = None) -> ClaimLink:
    """Confirm or dismiss a link, audited. A dismissed pair is never suggested again.
    With `claim_id` (a route under a claim) the link must join that claim, or the claim
    it repeats, whose links it shows: a link of other claims is not found from here."""
    if state not in DECISIONS:
        raise ValidationError(
            f"A link can be confirmed or dismissed, not {state!r}.", fields={"state": "confirmed or dismissed"}
        )
    require(actor, "reviewer", "confirm or dismiss related claims")
    link = session.get(ClaimLink, link_id)
    if link is None or (claim_id is not None and not {link.claim_a_id, link.claim_b_id} & _shown_as(session, claim_id)):
        raise NotFound(f"There is no claim link #{link_id}" + (f" on claim #{claim_id}." if claim_id else "."))
    if link.state == state:
        return link
    before = audit.snapshot(link, _LINK_FIELDS)
    link.state, link.decided_by_id, link.decided_at = state, actor.user_id, utcnow()
    session.add(link)
    session.flush()
    audit.record(
        session,
        actor,
        f"claim_link.{'confirm' if state == 'confirmed' else 'dismiss'}",
        "claim_link",
        link.id,
        before=before,
        after={
            **audit.snapshot(link, _LINK_FIELDS),
            "claim_a_id": link.claim_a_id,
            "claim_b_id": link.claim_b_id,
            "relation": link.relation,
        },
    )
    return link


def undo_decision(session: Session, actor: Actor, link_id: int, *, claim_id: int | None = None) -> ClaimLink:
    """Put a confirmed or dismissed link back to a suggestion (the "Undo" after deciding),
    audited like the decision itself."""
    require(actor, "reviewer", "confirm or dismiss related claims")
    link = session.get(ClaimLink, link_id)
    if link is None or (claim_id is not None and not {link.claim_a_id, link.claim_b_id} & _shown_as(session, claim_id)):
        raise NotFound(f"There is no claim link #{link_id}" + (f" on claim #{claim_id}." if claim_id else "."))
    if link.state == "suggested":
        return link
    before = audit.snapshot(link, _LINK_FIELDS)
    link.state, link.decided_by_id, link.decided_at = "suggested", None, None
    session.add(link)
    session.flush()
    audit.record(
        session,
        actor,
        "claim_link.undo",
        "claim_link",
        link.id,
        before=before,
        after={**audit.snapshot(link, _LINK_FIELDS), "claim_a_id": link.claim_a_id, "claim_b_id": link.claim_b_id},
    )
    return link
