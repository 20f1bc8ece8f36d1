"""SQLModel tables. Import from here; the submodules are split by feature."""

from sqlmodel import SQLModel

from .accounts import ROLES, ApiToken, PasswordLink, User
from .articles import Article, Outlet
from .audit import AuditEvent
from .base import UTCDateTime, utcnow
from .claims import CLAIM_KINDS, CLAIM_STATUSES, CLAIMANT_KINDS, Claim, Claimant, ClaimantAlias, Quantity
from .factchecks import FactCheck, is_search_object
from .links import LINK_RELATIONS, LINK_STATES, NUMERIC_VERDICTS, ClaimLink
from .matching import MatchArticle, MatchClaim, MatchKey, MatchPosting, MatchStat
from .monitoring import (
    ALERT_KINDS,
    ALERT_STATES,
    JOB_STATES,
    SOURCE_KINDS,
    ArticleChange,
    ClaimAlert,
    FeedEntry,
    FeedSource,
    Job,
)
from .notifications import NOTIFICATION_KINDS, Notification, NotificationMute
from .review import STANCES, VERDICT_STATES, ClaimSource, Source, Verdict
from .security import LoginAttempt, WebSession
from .settings import InstanceSetting
from .webhooks import DELIVERY_STATES, WEBHOOK_EVENTS, WebhookAttempt, WebhookDelivery, WebhookSubscription

metadata = SQLModel.metadata

__all__ = [
    "ROLES",
    "CLAIM_KINDS",
    "CLAIM_STATUSES",
    "CLAIMANT_KINDS",
    "LINK_RELATIONS",
    "LINK_STATES",
    "NOTIFICATION_KINDS",
    "NUMERIC_VERDICTS",
    "STANCES",
    "VERDICT_STATES",
    "ApiToken",
    "Article",
    "AuditEvent",
    "Claim",
    "Claimant",
    "ClaimantAlias",
    "ClaimLink",
    "ClaimSource",
    "FactCheck",
    "InstanceSetting",
    "PasswordLink",
    "LoginAttempt",
    "MatchArticle",
    "MatchClaim",
    "MatchKey",
    "MatchPosting",
    "MatchStat",
    "Notification",
    "NotificationMute",
    "Outlet",
    "Quantity",
    "Source",
    "User",
    "Verdict",
    "WebSession",
    "UTCDateTime",
    "is_search_object",
    "metadata",
    "utcnow",
    "ALERT_KINDS",
    "ALERT_STATES",
    "JOB_STATES",
    "SOURCE_KINDS",
    "ArticleChange",
    "ClaimAlert",
    "FeedEntry",
    "FeedSource",
    "Job",
    "DELIVERY_STATES",
    "WEBHOOK_EVENTS",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
