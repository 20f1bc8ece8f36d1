"""SQLModel tables. Import from here; the submodules are split by feature."""
from .accounts import ROLES, ApiToken, User
from .articles import Article, Outlet
from .audit import AuditEvent
from .base import UTCDateTime, utcnow
from .claims import CLAIM_KINDS, CLAIM_STATUSES, CLAIMANT_KINDS, Claim, Claimant, ClaimantAlias, Quantity
from .links import LINK_RELATIONS, LINK_STATES, NUMERIC_VERDICTS, ClaimLink
from .review import STANCES, VERDICT_STATES, ClaimSource, Source, Verdict
from sqlmodel import SQLModel

metadata = SQLModel.metadata

__all__ = [
    "ROLES", "CLAIM_KINDS", "CLAIM_STATUSES", "CLAIMANT_KINDS", "LINK_RELATIONS", "LINK_STATES",
    "NUMERIC_VERDICTS", "STANCES", "VERDICT_STATES",
    "ApiToken", "Article", "AuditEvent", "Claim", "Claimant", "ClaimantAlias", "ClaimLink",
    "ClaimSource", "Outlet", "Quantity", "Source", "User", "Verdict",
    "UTCDateTime", "metadata", "utcnow",
]
