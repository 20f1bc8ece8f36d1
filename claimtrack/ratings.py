"""The configurable rating scale (labels, numeric values, ClaimReview names)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .resources import fixtures_dir


class RatingScaleError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class RatingLabel:
    key: str
    label: str
    value: float | None
    alternate_name: str


@dataclass(frozen=True, slots=True)
class RatingScale:
    name: str
    worst: float
    best: float
    labels: tuple[RatingLabel, ...]

    def get(self, key: str) -> RatingLabel | None:
        return next((label for label in self.labels if label.key == key), None)

    def keys(self) -> list[str]:
        return [label.key for label in self.labels]

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "worst": self.worst,
            "best": self.best,
            "labels": [
                {"key": lab.key, "label": lab.label, "value": lab.value, "alternate_name": lab.alternate_name}
                for lab in self.labels
            ],
        }


def default_scale_path() -> Path:
    return fixtures_dir() / "rating_scale.toml"


@lru_cache(maxsize=8)
def load_scale(path: str | None = None) -> RatingScale:
    file = Path(path) if path else default_scale_path()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RatingScaleError(f"{file}: cannot read rating scale ({exc})") from None
    return parse_scale(data, str(file))


def scale_from(config) -> RatingScale:
    """The scale in use: the one stored in the instance settings (placed in the
    configuration as `RATING_SCALE`), else the file at RATING_SCALE_PATH or the default."""
    scale = config.get("RATING_SCALE")
    return scale if isinstance(scale, RatingScale) else load_scale(config.get("RATING_SCALE_PATH"))


def parse_scale(data: dict, where: str = "rating scale") -> RatingScale:
    try:
        worst, best = float(data["worst"]), float(data["best"])
        raw_labels = data["labels"]
    except (KeyError, TypeError, ValueError) as exc:
        raise RatingScaleError(f"{where}: needs numeric 'worst', 'best' and a 'labels' list ({exc})") from None
    if worst >= best:
        raise RatingScaleError(f"{where}: 'worst' must be below 'best'")
    labels, seen = [], set()
    for i, raw in enumerate(raw_labels, start=1):
        if not isinstance(raw, dict) or not raw.get("key") or not raw.get("label"):
            raise RatingScaleError(f"{where}: label {i} needs 'key' and 'label'")
        key = str(raw["key"])
        if key in seen:
            raise RatingScaleError(f"{where}: label key {key!r} appears twice")
        seen.add(key)
        value = raw.get("value")
        if value is not None:
            value = float(value)
            if not worst <= value <= best:
                raise RatingScaleError(f"{where}: label {key!r} value {value} is outside {worst}..{best}")
        labels.append(
            RatingLabel(
                key=key,
                label=str(raw["label"]),
                value=value,
                alternate_name=str(raw.get("alternate_name") or raw["label"]),
            )
        )
    if not labels:
        raise RatingScaleError(f"{where}: the scale has no labels")
    return RatingScale(name=str(data.get("name", "")), worst=worst, best=best, labels=tuple(labels))
