"""Matching thresholds are configuration: documented defaults, validation, and the
running application's values reach the import path."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack import create_app
from claimtrack.config import DEFAULTS as APP_DEFAULTS
from claimtrack.db import session_scope
from claimtrack.errors import ValidationError
from claimtrack.models import ClaimLink
from claimtrack.services.linking import settings as match_settings
from claimtrack.services.linking.settings import DEFAULTS, MatchSettings, from_config

from ...conftest import REPO
from .conftest import import_fixture


def test_defaults_agree_with_the_app_defaults_and_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for key, value in DEFAULTS.items():
        assert APP_DEFAULTS[key] == value
        assert f"| `CLAIMTRACK_{key}` | `{value}` |" in readme
    assert from_config({}) == MatchSettings()
    scoring = from_config({"MATCH_MIN_SCORE": 0.5, "MATCH_SAME_THRESHOLD": 0.7, "MATCH_MIN_WORDS": 8}).scoring
    assert (scoring.min_score, scoring.same_threshold, scoring.min_words) == (0.5, 0.7, 8)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("MATCH_MIN_SCORE", 1.5, "MATCH_MIN_SCORE must be a number from 0 to 1 (got 1.5)"),
        ("MATCH_SAME_THRESHOLD", "high", "MATCH_SAME_THRESHOLD must be a number from 0 to 1 (got 'high')"),
        ("MATCH_MAX_DF_RATIO", 0, "MATCH_MAX_DF_RATIO must be a number above 0 and at most 1 (got 0)"),
        ("MATCH_MIN_WORDS", 0, "MATCH_MIN_WORDS must be a whole number of at least 1 (got 0)"),
        ("MATCH_SUGGESTIONS", 2.5, "MATCH_SUGGESTIONS must be a whole number of at least 1 (got 2.5)"),
        ("MATCH_CANDIDATES", True, "MATCH_CANDIDATES must be a whole number of at least 1 (got True)"),
    ],
)
def test_bad_values_are_named(key, value, message):
    with pytest.raises(ValidationError) as err:
        from_config({key: value})
    assert err.value.message == message


def test_environment_is_read_outside_an_application(monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_MATCH_MIN_WORDS", "7")
    monkeypatch.setenv("CLAIMTRACK_MATCH_MIN_SCORE", "0.5")
    assert (match_settings.current().min_words, match_settings.current().min_score) == (7, 0.5)


def test_the_import_path_uses_the_running_apps_thresholds(app_config, engine):
    app = create_app({**app_config, "MATCH_MIN_SCORE": 0.99})
    with app.app_context():
        assert match_settings.current().min_score == 0.99
        import_fixture(engine, "iraq-withdrawal-nbc.txt")
        import_fixture(engine, "iraq-delegation-wire.txt")
    with session_scope(engine) as s:
        assert s.exec(select(ClaimLink)).all() == []
    import_fixture(engine, "iraq-withdrawal-courier.json")  # outside the app: defaults
    with session_scope(engine) as s:
        assert s.exec(select(ClaimLink)).all() != []
