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

import json

from claimtrack.matching.normalise import decode_tokens, encode_tokens, has_tokens, prime_tokens
from claimtrack.matching.quantity_context import (
    decode_context,
    encode_context,
    has_context,
    prime_context,
    quantity_context,
)
from claimtrack.matching.model import ClaimRecord

# Bump whenever the normaliser or the quantity context reader changes their output.
FEATURES_VERSION = 1


def export_features(rec: ClaimRecord) -> str:
    """The claim's token stream and quantity contexts as a compact JSON string."""
    contexts = [encode_context(quantity_context(rec.text, q)) for q in rec.quantities]
    return json.dumps([FEATURES_VERSION, encode_tokens(rec.text), contexts],
                      separators=(",", ":"), ensure_ascii=False)


def import_features(rec: ClaimRecord, stored: str | None) -> bool:
    """Prime the scorer's memory with stored features of ``rec``; False (and nothing
    primed) when they are missing, malformed or of another version."""
    if not stored:
        return False
    try:
        version, encoded, contexts = json.loads(stored)
        if version != FEATURES_VERSION or len(contexts) != len(rec.quantities):
            return False
        # A claim seen lately (a story's claims are candidates of each other) is in
        # memory: decoding its features again would cost most of loading it.
        if has_tokens(rec.text) and all(has_context(rec.text, q) for q in rec.quantities):
            return True
        toks = decode_tokens(encoded)
        decoded = [decode_context(ctx) for ctx in contexts]
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return False
    # Everything decoded: only now is anything remembered.
    prime_tokens(rec.text, toks)
    for q, ctx in zip(rec.quantities, decoded, strict=True):
        prime_context(rec.text, q, ctx)
    return True
