"""Precomputed text features of a claim, as one storable string.

Scoring a claim the process has never seen costs most of its time in tokenising the
text and reading the context of its quantities. A store that keeps
:func:`export_features` next to each claim can hand the string back through
:func:`import_features` before scoring, and the scorer then reads those features
from memory instead. The string carries a format version; features of another
version, or of different quantities, are ignored (the scorer recomputes them), so a
change to the normaliser never yields wrong scores, only slower ones until re-indexed.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from claimtrack.matching.measure import Measure, prime_measure
from claimtrack.matching.model import ClaimRecord
from claimtrack.matching.normalise import Memo, decode_tokens, encode_tokens, prime_tokens
from claimtrack.matching.numeric import _measure, measure_flags
from claimtrack.matching.quantity_context import (
    decode_context,
    encode_context,
    prime_context,
    quantity_context,
)

# Bump whenever the normaliser, the quantity context reader or the measure reader
# changes their output.
FEATURES_VERSION = 2
# A measure is stored field by field; another set of fields reads as another version.
_PRIMED = Memo()  # (stored features, date) lately primed
_MEASURE_FIELDS = tuple((f.name, str(f.type).startswith("frozenset")) for f in dataclasses.fields(Measure))


def export_features(rec: ClaimRecord) -> str:
    """The claim's token stream, quantity contexts and what each quantity measures (as
    read with the article's date, ``rec.published``) as a compact JSON string."""
    contexts = [encode_context(quantity_context(rec.text, q)) for q in rec.quantities]
    measures = [[*measure_flags(rec, q), _encode_measure(_measure(rec, q))] for q in rec.quantities]
    return json.dumps(
        [FEATURES_VERSION, encode_tokens(rec.text), contexts, measures], separators=(",", ":"), ensure_ascii=False
    )


def clear_primed() -> None:
    _PRIMED.clear()


def _encode_measure(m: Measure) -> list:
    return [sorted(getattr(m, name)) if is_set else getattr(m, name) for name, is_set in _MEASURE_FIELDS]


def _decode_measure(values: list) -> Measure:
    if len(values) != len(_MEASURE_FIELDS):
        raise ValueError("measure of another shape")
    fields: dict[str, Any] = {
        name: frozenset(v) if is_set else v for (name, is_set), v in zip(_MEASURE_FIELDS, values, strict=True)
    }
    return Measure(**fields)


def import_features(rec: ClaimRecord, stored: str | None) -> bool:
    """Prime the scorer's memory with stored features of ``rec``; False (and nothing
    primed) when they are missing, malformed or of another version."""
    if not stored:
        return False
    try:
        version, encoded, contexts, measures = json.loads(stored)
        if version != FEATURES_VERSION or not len(contexts) == len(measures) == len(rec.quantities):
            return False
        # A claim seen lately (a story's claims are candidates of each other) is in
        # memory: decoding its features again would cost most of loading it. (Should
        # some of it have been evicted since, the scorer recomputes that part.)
        if (stored, rec.published) in _PRIMED:
            return True
        toks = decode_tokens(encoded)
        decoded = [decode_context(ctx) for ctx in contexts]
        read = [(bool(alone), bool(clause_alone), _decode_measure(m)) for alone, clause_alone, m in measures]
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return False
    # Everything decoded: only now is anything remembered.
    prime_tokens(rec.text, toks)
    for q, ctx, (alone, clause_alone, measure) in zip(rec.quantities, decoded, read, strict=True):
        prime_context(rec.text, q, ctx)
        prime_measure(rec.text, q, alone, clause_alone, rec.published, measure)
    _PRIMED.put((stored, rec.published), True)
    return True
