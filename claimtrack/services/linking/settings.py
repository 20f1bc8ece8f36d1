"""Thresholds of the claim matcher, read from the application configuration.

Keys (all optional; defaults in ``DEFAULTS``, documented in README):

``MATCH_MIN_SCORE``       weakest score stored as a suggested link (0..1)
``MATCH_SAME_THRESHOLD``  score from which a pair with similar text is the "same" claim
``MATCH_MIN_WORDS``       texts with fewer words are never linked
``MATCH_MAX_DF_RATIO``    a key held by more than this share of claims is too common to
                          index (the floor ``MIN_DF_CEILING`` keeps small corpora whole)
``MATCH_SUGGESTIONS``     links suggested per new claim, best first
``MATCH_CANDIDATES``      candidates fetched from the index and scored per lookup

Services take settings explicitly where a caller has them; otherwise ``current()``
finds the configuration of the running application without importing the web layer.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ...errors import ValidationError
from ...matching import MatchConfig

DEFAULTS: dict[str, Any] = {
    "MATCH_MIN_SCORE": 0.36,
    "MATCH_SAME_THRESHOLD": 0.45,
    "MATCH_MIN_WORDS": 5,
    "MATCH_MAX_DF_RATIO": 0.05,
    "MATCH_SUGGESTIONS": 10,
    "MATCH_CANDIDATES": 150,
}
ENV_PREFIX = "CLAIMTRACK_"

ConfigSource = Callable[[], Mapping[str, Any] | None]
_sources: list[ConfigSource] = []


@dataclass(frozen=True, slots=True)
class MatchSettings:
    min_score: float = DEFAULTS["MATCH_MIN_SCORE"]
    same_threshold: float = DEFAULTS["MATCH_SAME_THRESHOLD"]
    min_words: int = DEFAULTS["MATCH_MIN_WORDS"]
    max_df_ratio: float = DEFAULTS["MATCH_MAX_DF_RATIO"]
    suggestions: int = DEFAULTS["MATCH_SUGGESTIONS"]
    candidates: int = DEFAULTS["MATCH_CANDIDATES"]

    @property
    def scoring(self) -> MatchConfig:
        """The scorer's configuration with these thresholds."""
        return MatchConfig(min_score=self.min_score, same_threshold=self.same_threshold, min_words=self.min_words)

    def with_min_score(self, min_score: float) -> "MatchSettings":
        return replace(self, min_score=_fraction("min score", min_score))


def from_config(config: Mapping[str, Any]) -> MatchSettings:
    """Settings from a configuration mapping; missing keys take their defaults.
    Raises ValidationError naming the first bad value."""

    def get(key: str) -> Any:
        value = config.get(key)
        return DEFAULTS[key] if value is None else value

    return MatchSettings(
        min_score=_fraction("MATCH_MIN_SCORE", get("MATCH_MIN_SCORE")),
        same_threshold=_fraction("MATCH_SAME_THRESHOLD", get("MATCH_SAME_THRESHOLD")),
        min_words=_count("MATCH_MIN_WORDS", get("MATCH_MIN_WORDS")),
        max_df_ratio=_fraction("MATCH_MAX_DF_RATIO", get("MATCH_MAX_DF_RATIO"), zero=False),
        suggestions=_count("MATCH_SUGGESTIONS", get("MATCH_SUGGESTIONS")),
        candidates=_count("MATCH_CANDIDATES", get("MATCH_CANDIDATES")),
    )


def add_config_source(source: ConfigSource) -> None:
    """Let a front end (the CLI) say where its configuration is; sources are asked in
    the order added, and the first that answers wins."""
    if source not in _sources:
        _sources.append(source)


def current() -> MatchSettings:
    """Settings of the running application: the Flask app handling the request, else a
    registered source, else the defaults overlaid with ``CLAIMTRACK_MATCH_*`` variables."""
    for source in (_flask_config, *_sources):
        config = source()
        if config is not None:
            return from_config(config)
    return from_config(_environment())


def _flask_config() -> Mapping[str, Any] | None:
    # Inside a request the app's configuration rules. Flask is only consulted when the
    # web layer has loaded it: services never import it themselves.
    flask = sys.modules.get("flask")
    if flask is not None and flask.has_app_context():
        return flask.current_app.config
    return None


def _environment() -> dict[str, Any]:
    found = {}
    for key in DEFAULTS:
        raw = os.environ.get(ENV_PREFIX + key)
        if raw is None:
            continue
        try:
            found[key] = json.loads(raw)
        except ValueError:
            found[key] = raw
    return found


def _fraction(name: str, value: Any, *, zero: bool = True) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if isinstance(value, bool) or not (0.0 <= number <= 1.0) or (not zero and number == 0.0):
        span = "from 0 to 1" if zero else "above 0 and at most 1"
        raise ValidationError(f"{name} must be a number {span} (got {value!r})")
    return number


def _count(name: str, value: Any) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, str))
        or not str(value).strip().isdigit()
        or int(value) < 1
    ):
        raise ValidationError(f"{name} must be a whole number of at least 1 (got {value!r})")
    return int(value)
