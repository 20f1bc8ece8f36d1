"""The daily digest: the day's new claims ranked by check-worthiness, overall and per
outlet, with claims that repeat or contradict a checked claim first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from ...errors import ValidationError
from ...models import Article, Claim, ClaimAlert, Outlet
from ..reports.csv_export import write_csv
from ..review.workflow import CLOSED

DEFAULT_TOP = 15
MAX_TOP = 200


@dataclass(slots=True)
class DigestItem:
    claim_id: int
    text: str
    checkworthiness: float
    article_id: int
    article_title: str
    outlet: str | None
    alert: str | None = None  # repeat or conflict
    checked_claim_id: int | None = None

    def to_dict(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "text": self.text,
            "checkworthiness": self.checkworthiness,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "outlet": self.outlet,
            "alert": self.alert,
            "checked_claim_id": self.checked_claim_id,
        }


@dataclass(slots=True)
class Digest:
    day: date
    top: int
    overall: list[DigestItem] = field(default_factory=list)
    outlets: dict[str, list[DigestItem]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "top": self.top,
            "overall": [i.to_dict() for i in self.overall],
            "outlets": [
                {"outlet": name, "claims": [i.to_dict() for i in items]} for name, items in self.outlets.items()
            ],
        }

    def to_csv(self) -> str:
        columns = [
            "list",
            "rank",
            "claim_id",
            "checkworthiness",
            "alert",
            "checked_claim_id",
            "outlet",
            "article_id",
            "article_title",
            "text",
        ]
        lists = [("overall", self.overall)] + [(f"outlet: {name}", items) for name, items in self.outlets.items()]
        return write_csv(
            columns,
            (
                [
                    name,
                    rank,
                    i.claim_id,
                    f"{i.checkworthiness:.4f}",
                    i.alert or "",
                    i.checked_claim_id or "",
                    i.outlet or "",
                    i.article_id,
                    i.article_title,
                    i.text,
                ]
                for name, items in lists
                for rank, i in enumerate(items, start=1)
            ),
        )


def parse_day(value: str | None, today: date | None = None) -> date:
    if not value:
        return today or datetime.now(UTC).date()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            f"{value[:40]!r} is not a date (YYYY-MM-DD).", fields={"day": "a date, YYYY-MM-DD"}
        ) from None


def parse_top(value: str | int | None) -> int:
    if value in (None, ""):
        return DEFAULT_TOP
    try:
        top = int(value)
    except (TypeError, ValueError):
        top = 0
    if not 1 <= top <= MAX_TOP:
        raise ValidationError(f"top must be a whole number from 1 to {MAX_TOP}.", fields={"top": f"1 to {MAX_TOP}"})
    return top


def daily_digest(session: Session, day: date, top: int = DEFAULT_TOP) -> Digest:
    start = datetime.combine(day, time(0), tzinfo=UTC)
    end = start + timedelta(days=1)
    base = (
        select(Claim, Article, Outlet.name)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .where(Claim.created_at >= start, Claim.created_at < end, Claim.status.not_in(CLOSED))
    )
    alerted = {}
    for alert in session.exec(
        select(ClaimAlert)
        .join(Claim, Claim.id == ClaimAlert.claim_id)
        .where(Claim.created_at >= start, Claim.created_at < end)
        .order_by(ClaimAlert.id)
    ):
        # A conflict outranks a repeat of the same claim: it is the one to look at.
        if alert.claim_id not in alerted or alert.kind == "conflict":
            alerted[alert.claim_id] = alert

    def item(claim: Claim, article: Article, outlet: str | None) -> DigestItem:
        alert = alerted.get(claim.id)
        return DigestItem(
            claim.id,
            claim.text,
            claim.checkworthiness,
            article.id,
            article.title,
            outlet,
            alert.kind if alert else None,
            alert.checked_claim_id if alert else None,
        )

    def ranked(query, alert_rows) -> list[DigestItem]:
        first = sorted((item(*row) for row in alert_rows), key=lambda i: (-i.checkworthiness, i.claim_id))[:top]
        seen = {i.claim_id for i in first}
        rest = session.exec(query.order_by(Claim.checkworthiness.desc(), Claim.id).limit(top + len(seen))).all()
        return (first + [item(*row) for row in rest if row[0].id not in seen])[:top]

    alert_rows = session.exec(base.where(Claim.id.in_(list(alerted)))).all() if alerted else []
    digest = Digest(day=day, top=top, overall=ranked(base, alert_rows))
    outlet_ids = session.exec(
        select(Article.outlet_id)
        .join(Claim, Claim.article_id == Article.id)
        .where(Claim.created_at >= start, Claim.created_at < end)
        .distinct()
    ).all()
    names = {o.id: o.name for o in session.exec(select(Outlet).where(Outlet.id.in_([i for i in outlet_ids if i])))}
    for outlet_id in sorted(outlet_ids, key=lambda i: (i is None, names.get(i, ""))):
        query = base.where(Article.outlet_id == outlet_id) if outlet_id else base.where(Article.outlet_id == None)  # noqa: E711
        mine = [row for row in alert_rows if row[1].outlet_id == outlet_id]
        digest.outlets[names.get(outlet_id, "(no outlet)")] = ranked(query, mine)
    return digest
