"""The claim status workflow: unreviewed → in review → awaiting approval → published,
with "dismissed" and "merged" (joined into another claim) beside it.

Only some moves are made by hand (start a review, send a claim back to the queue,
dismiss it, restore it); the others happen as side effects of verdict actions
(submitting, returning, approving). `move` is the single gate every status change passes.
"""

from __future__ import annotations

from ...errors import IllegalTransition
from ...models import Claim

STATUS_LABELS = {
    "unreviewed": "Unreviewed",
    "in_review": "In review",
    "awaiting_approval": "Awaiting approval",
    "published": "Published",
    "dismissed": "Dismissed",
    "merged": "Merged",
}

# The usual reasons a claim is not worth checking, offered besides free text.
DISMISS_PRESETS = ("Opinion, not a factual claim", "Not checkable", "Duplicate of another claim", "Out of scope")

TRANSITIONS: dict[str, frozenset[str]] = {
    "unreviewed": frozenset({"in_review", "dismissed", "merged"}),
    "in_review": frozenset({"unreviewed", "awaiting_approval", "dismissed", "merged"}),
    "awaiting_approval": frozenset({"in_review", "published"}),
    "published": frozenset(),
    "dismissed": frozenset({"unreviewed"}),
    # Its text, quantities and sources now live in the claim it was merged into.
    "merged": frozenset(),
}

# Out of the work: no verdict, no sources, not searched or suggested as related.
CLOSED = frozenset({"dismissed", "merged"})

# Moves a person makes directly with the status control; the rest go through verdicts
# (submit, return, approve) or through `claims.dismiss`, which needs a reason.
MANUAL = frozenset({("unreviewed", "in_review"), ("in_review", "unreviewed"), ("dismissed", "unreviewed")})

# Claims whose text, span and speaker may still change.
EDITABLE = frozenset({"unreviewed", "in_review"})

_HINTS = {
    "awaiting_approval": "Submit its verdict for approval instead.",
    "published": "An editor publishes a claim by approving its verdict.",
}


def label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def check_move(current: str, target: str) -> None:
    if target not in STATUS_LABELS:
        raise IllegalTransition(f"Unknown status {target!r}.")
    if target == current:
        raise IllegalTransition(f"The claim is already {label(current).lower()}.")
    if target in TRANSITIONS.get(current, frozenset()):
        return
    hint = ""
    if current == "published":
        hint = " A published claim stays published; an editor can issue a correction."
    elif current == "merged":
        hint = " A merged claim stays merged; work on the claim it was merged into."
    elif current == "awaiting_approval" and target in ("dismissed", "unreviewed"):
        hint = " An editor must return its verdict first."
    elif target in _HINTS:
        hint = " " + _HINTS[target]
    raise IllegalTransition(f"A claim cannot go from {label(current).lower()} to {label(target).lower()}.{hint}")


def check_manual(current: str, target: str) -> None:
    """A move made with the status control (not through a verdict action)."""
    check_move(current, target)
    if target == "dismissed":
        raise IllegalTransition("Dismissing a claim needs a reason: use Dismiss.")
    if target == "merged":
        raise IllegalTransition("Merge claims with Merge, from the claim that takes the other in.")
    if (current, target) not in MANUAL:
        raise IllegalTransition(
            f"A claim cannot be moved by hand from {label(current).lower()} to {label(target).lower()}. "
            + _HINTS.get(target, "")
        )


def move(claim: Claim, target: str) -> tuple[str, str]:
    """Check and apply a status change; returns (before, after) for the audit record."""
    before = claim.status
    check_move(before, target)
    claim.status = target
    return before, target


def check_editable(claim: Claim, what: str = "edited") -> None:
    if claim.status in EDITABLE:
        return
    if claim.status == "published":
        reason = "it is published; an editor can issue a correction instead"
    elif claim.status == "awaiting_approval":
        reason = "its verdict is awaiting approval; an editor must return it first"
    elif claim.status == "merged":
        reason = f"it was merged into claim #{claim.merged_into_id}; work on that claim instead"
    else:
        reason = "it is dismissed; restore it first"
    raise IllegalTransition(f"This claim cannot be {what}: {reason}.")
