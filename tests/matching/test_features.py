"""Stored features: a claim scored from its stored tokens and quantity contexts gets
exactly the score it gets from its text."""

from __future__ import annotations

import dataclasses
import json

import pytest

from claimtrack.matching.features import FEATURES_VERSION, clear_primed, export_features, import_features
from claimtrack.matching.measure import clear_measures
from claimtrack.matching.normalise import clear_caches, tagged_tokens
from claimtrack.matching.numeric import clear_memos
from claimtrack.matching.quantity_context import clear_contexts, quantity_context
from claimtrack.matching.scoring import MatchConfig, score_pair
from tests.matching.test_scoring import ALL

RAW = MatchConfig(min_score=0.0)
# Well-formed stored measures, so each broken case below is broken in one place only.
_MEASURES = json.loads(export_features(next(c for c in ALL if c.quantities)))[3] * 4


def _cold() -> None:
    clear_caches()
    clear_contexts()
    clear_measures()
    clear_memos()
    clear_primed()


def _scores() -> list:
    return [score_pair(a, b, RAW) for a in ALL for b in ALL]


def test_scores_from_stored_features_equal_scores_from_text():
    _cold()
    expected = _scores()
    stored = {c.claim_id: export_features(c) for c in ALL}
    tokens = {c.claim_id: tagged_tokens(c.text) for c in ALL}
    contexts = {c.claim_id: [quantity_context(c.text, q) for q in c.quantities] for c in ALL}
    _cold()
    assert all(import_features(c, stored[c.claim_id]) for c in ALL)
    assert {c.claim_id: tagged_tokens(c.text) for c in ALL} == tokens
    assert {c.claim_id: [quantity_context(c.text, q) for q in c.quantities] for c in ALL} == contexts
    assert _scores() == expected


def test_features_are_compact_json_with_a_version():
    claim = ALL[-1]
    version, encoded, contexts, measures = json.loads(export_features(claim))
    assert version == FEATURES_VERSION and len(contexts) == len(measures) == len(claim.quantities)
    assert " " not in "".join(encoded.split(" "))


@pytest.mark.parametrize(
    "make",
    [
        lambda n: None,
        lambda n: "",
        lambda n: "not json",
        lambda n: "[1, 2]",
        lambda n: json.dumps([FEATURES_VERSION + 1, "wtroops", [None] * n, [None] * n]),  # another version
        lambda n: json.dumps([FEATURES_VERSION - 1, "wtroops", [None] * n]),  # the version before measures
        lambda n: json.dumps([FEATURES_VERSION, "?bad", [None] * n, _MEASURES[:n]]),  # unknown token kind
        lambda n: json.dumps([FEATURES_VERSION, "wsome", [[1, 2]] * n, _MEASURES[:n]]),  # malformed contexts
        lambda n: json.dumps([FEATURES_VERSION, "wsome", [None] * n, [[True, True, ["percent"]]] * n]),  # short measure
    ],
)
def test_foreign_or_broken_features_are_ignored(make):
    claim = next(c for c in ALL if c.quantities)
    _cold()
    expected = score_pair(claim, ALL[0], RAW)
    _cold()
    assert import_features(claim, make(len(claim.quantities))) is False
    assert score_pair(claim, ALL[0], RAW) == expected


def test_features_of_other_quantities_are_ignored():
    claim = next(c for c in ALL if c.quantities)
    stored = export_features(claim)
    fewer = dataclasses.replace(claim, quantities=())
    assert import_features(fewer, stored) is False


def test_stored_features_carry_what_each_quantity_measures():
    from claimtrack.matching.measure import has_measure
    from claimtrack.matching.numeric import measure_flags

    claim = next(c for c in ALL if c.quantities)
    stored = export_features(claim)
    _cold()
    assert import_features(claim, stored)
    assert all(has_measure(claim.text, q, *measure_flags(claim, q), claim.published) for q in claim.quantities)
