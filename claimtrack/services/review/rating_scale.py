"""The rating scale an admin edits in the browser: labels, their order, numeric values and
ClaimReview alternateName.

The scale is stored whole as one instance setting. A label's key never changes once made
(verdicts store it), so renaming a label is safe; removing one that a verdict uses is
refused, naming the label and how many verdicts carry it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...errors import ValidationError
from ...models import Verdict
from ...ratings import RatingScale, RatingScaleError, load_scale, parse_scale, scale_from
from ..accounts.actors import Actor
from ..accounts.roles import require
from ..publishing import settings as instance_settings

SETTING = "rating_scale"
MAX_LABEL = 64
MAX_LABELS = 30


@dataclass(slots=True)
class LabelInput:
    key: str
    label: str
    value: str
    alternate_name: str
    position: int
    remove: bool = False


def stored_scale(data: Mapping[str, Any]) -> RatingScale:
    return parse_scale(dict(data), "stored rating scale")


def current(session: Session, config: Mapping[str, Any]) -> RatingScale:
    return scale_from(instance_settings.effective(session, config))


def file_pinned(config: Mapping[str, Any]) -> str | None:
    """The scale file set by the operator, which wins over the stored scale."""
    return config.get("RATING_SCALE_PATH") or None


def usage(session: Session) -> dict[str, int]:
    """Verdict rows per rating key (every state: history rows show their label too)."""
    return dict(session.execute(sa.select(Verdict.rating, sa.func.count()).group_by(Verdict.rating)).all())


def _key_for(label: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:40] or "label"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def save(session: Session, actor: Actor, config: Mapping[str, Any], rows: Sequence[LabelInput]) -> RatingScale:
    require(actor, "admin", "change the rating scale")
    pinned = file_pinned(config)
    if pinned:
        raise ValidationError(
            f"The rating scale comes from the file {pinned} (CLAIMTRACK_RATING_SCALE_PATH), "
            "which wins over the scale edited here: change that file, or unset the setting."
        )
    old = current(session, config)
    in_use = usage(session)
    errors: dict[str, str] = {}
    kept = [r for r in rows if not r.remove and (r.key or r.label.strip())]
    for r in rows:
        if r.remove and r.key and in_use.get(r.key):
            label = old.get(r.key).label if old.get(r.key) else r.key
            errors[f"remove_{r.key}"] = (
                f"“{label}” is the rating of {in_use[r.key]} verdict"
                f"{'s' if in_use[r.key] != 1 else ''}; it cannot be removed (rename it instead)."
            )
    known = {lab.key for lab in old.labels}
    for r in rows:
        if r.key and r.key not in known:
            errors[f"label_{r.key}"] = "unknown label; reload the page"
    if len(kept) > MAX_LABELS:
        errors["labels"] = f"at most {MAX_LABELS} labels"
    labels: list[dict[str, Any]] = []
    taken = set(known)
    for r in sorted(kept, key=lambda r: r.position):
        field = r.key or "new"
        label = r.label.strip()
        if not label:
            errors[f"label_{field}"] = "a label needs a name"
            continue
        if len(label) > MAX_LABEL or len(r.alternate_name.strip()) > MAX_LABEL:
            errors[f"label_{field}"] = f"at most {MAX_LABEL} characters"
            continue
        value: float | None = None
        if r.value.strip():
            try:
                value = float(r.value)
            except ValueError:
                errors[f"value_{field}"] = "a number, or empty"
                continue
            if not old.worst <= value <= old.best:
                errors[f"value_{field}"] = f"between {old.worst:g} and {old.best:g}"
                continue
        key = r.key or _key_for(label, taken)
        taken.add(key)
        labels.append({"key": key, "label": label, "value": value, "alternate_name": r.alternate_name.strip() or label})
    names = [lab["label"].lower() for lab in labels]
    if len(set(names)) != len(names):
        errors["labels"] = "two labels have the same name"
    if not labels and not errors:
        errors["labels"] = "the scale needs at least one label"
    if errors:
        raise ValidationError("The rating scale was not changed: " + " ".join(errors.values()), fields=errors)
    data = {"name": old.name, "worst": old.worst, "best": old.best, "labels": labels}
    try:
        scale = stored_scale(data)
    except RatingScaleError as exc:
        raise ValidationError(f"The rating scale was not changed: {exc}") from None
    instance_settings.put(session, actor, SETTING, scale.to_dict(), action="settings.rating_scale")
    return scale


def default_scale() -> RatingScale:
    return load_scale(None)
