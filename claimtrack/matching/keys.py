"""Blocking keys: short strings that let the store fetch candidate claims by index.

Each stored claim gets a bounded set of keys (:func:`blocking_keys`, at most 24); a
lookup computes :func:`query_keys` for the incoming claim and fetches every stored claim
sharing at least one key (``WHERE key IN (...)``). Only candidates are fetched; the
scorer decides. Key kinds, in the order they claim the budget:

``n:<number>:<unit group>``   a counted quantity, e.g. ``n:3000:troop``. The unit group
                              keeps "3,000 troops" away from "3,000 workers".
``u:<unit group>:<entity>``   what is counted where/by whom, e.g. ``u:troop:iraq``; the
                              key that brings "some 5,200 troops in Iraq" to "6,000 or
                              so troops in Iraq", i.e. numeric conflicts, whatever the
                              numbers. Entities come from the quantity's own clause
                              ("in Iraq", "American troops"), else from the claim,
                              else from the article's story context ("in the
                              country").
``s:<speaker>``               the canonical claimant, e.g. ``s:mark_milley``.
``e:<entity>``                curated entities and capitalised names: ``e:iraq``.
``t:<term>``                  content terms after stop-word removal, entity and unit
                              folding and stemming: ``t:withdraw``, ``t:carmaker``.
                              Unit groups ("troop") are too generic to be term keys.
``m:<band>:<hash>``           near-duplicate keys: MinHash bands of all content terms
                              (:func:`minhash_keys`). A copy reworded in common words
                              shares no rare word with the original, but a band.

Rarity: a pure function cannot know how common a key is, so without statistics term
keys prefer longer words (a fair proxy for rarity). The store may pass ``df`` (stored
claims per key) and ``total`` (stored claims); keys held by more than ``max_df_ratio``
of all claims are then dropped, and each kind prefers its rarest keys. The rarest
``min_keys`` keys always stay, so no claim becomes unreachable.

The query side uses the same kinds with a larger budget: the stored side's budget
bounds the size of the index table, the query side only lengthens one IN list.
:func:`candidate_keys` lists every key either side may choose, so a store can read
all the frequencies it needs in one query.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from claimtrack.matching import vocabulary as vocab
from claimtrack.matching.model import ClaimRecord
from claimtrack.matching.normalise import (
    ENTITY_IDS,
    UNIT_GROUP_IDS,
    Memo,
    content_term_set,
    content_terms,
    entities,
    stem,
    unit_group,
)
from claimtrack.matching.number_forms import canonical_number
from claimtrack.matching.quantity_context import quantity_context

MINHASH_BANDS = 6
MINHASH_ROWS = 2
MINHASH_MIN_TERMS = 3  # fewer content terms make near-duplicate keys meaningless
BLOCKING_BUDGET = {"n": 4, "u": 4, "s": 1, "e": 6, "t": 12, "m": MINHASH_BANDS}
BLOCKING_LIMIT = 24 + MINHASH_BANDS
QUERY_BUDGET = {"n": 8, "u": 8, "s": 1, "e": 12, "t": 32, "m": MINHASH_BANDS}
QUERY_LIMIT = 60 + MINHASH_BANDS
MIN_TERM_LENGTH = 4
_KINDS = ("n", "u", "s", "e", "t", "m")

# MinHash: fixed hash functions h(x) = (a·x + b) mod p, the same in every process.
_MERSENNE = (1 << 61) - 1
_rng = random.Random(20200110)  # noqa: S311  # nosec B311 - hashing coefficients, not security
_COEFFICIENTS = tuple(
    (_rng.randrange(1, _MERSENNE), _rng.randrange(0, _MERSENNE)) for _ in range(MINHASH_BANDS * MINHASH_ROWS)
)

MAX_KEY_LENGTH = 200  # match_keys.key
_NON_KEY_CHARS_RE = re.compile(r"[^a-z0-9]+")
_SPEAKER_TITLES = vocab.TITLE_ABBREVIATIONS | {"general", "president"}


@lru_cache(maxsize=4096)
def speaker_key(speaker: str | None) -> str | None:
    """ "Gen. Mark Milley" → "mark_milley": lowercase, honorifics dropped."""
    if not speaker:
        return None
    words = [w for w in _NON_KEY_CHARS_RE.split(speaker.lower()) if w]
    while len(words) > 1 and words[0] in _SPEAKER_TITLES:
        words.pop(0)
    return "_".join(words) or None


@lru_cache(maxsize=1 << 16)
def _term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big")


def minhash_keys(terms: Iterable[str]) -> list[str]:
    """Near-duplicate keys of a set of content terms: ``MINHASH_BANDS`` bands of
    ``MINHASH_ROWS`` MinHash values each. Two claims whose term sets overlap with
    Jaccard similarity J share a band with probability 1 − (1 − J²)⁶: 0.98 at J = 0.7,
    0.06 at J = 0.1. They find a reworded copy whose words are all common ones, which
    rare-word keys miss."""
    hashed = [_term_hash(t) for t in set(terms)]
    if len(hashed) < MINHASH_MIN_TERMS:
        return []
    mins = [min((a * h + b) % _MERSENNE for h in hashed) for a, b in _COEFFICIENTS]
    keys = []
    for band in range(MINHASH_BANDS):
        rows = mins[band * MINHASH_ROWS : (band + 1) * MINHASH_ROWS]
        digest = hashlib.blake2b(repr(rows).encode("ascii"), digest_size=6).hexdigest()
        keys.append(f"m:{band}:{digest}")
    return keys


# A claim's key groups are asked for several times per import (frequencies, blocking,
# query); the bulk import computes them in its worker processes and primes this memo.
_GROUPS = Memo(1 << 14)


def _candidates(rec: ClaimRecord, *, query: bool) -> dict[str, list[str]]:
    """All keys of a claim grouped by kind, each group in preference order."""
    groups = _GROUPS.get((rec, query))
    if groups is None:
        groups = _with_speaker(_speakerless(rec, query=query), rec.speaker)
        _GROUPS.put((rec, query), groups)
    return groups


def speakerless_groups(rec: ClaimRecord) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The key groups (blocking, query) of a claim except its speaker's: what can be
    computed before the speaker is resolved to a stored claimant."""
    return _speakerless(rec, query=False), _speakerless(rec, query=True)


def prime_groups(rec: ClaimRecord, groups: tuple[dict[str, list[str]], dict[str, list[str]]]) -> None:
    """Remember ``speakerless_groups`` computed elsewhere for ``rec`` (whose speaker is
    now the canonical one), so its keys are never computed again in this process."""
    for query, found in zip((False, True), groups, strict=True):
        _GROUPS.put((rec, query), _with_speaker(found, rec.speaker))


def _with_speaker(groups: dict[str, list[str]], speaker: str | None) -> dict[str, list[str]]:
    key = speaker_key(speaker)
    keys = [f"s:{key}"] if key and len(key) + 2 <= MAX_KEY_LENGTH else []
    return {**groups, "s": keys}


def _speakerless(rec: ClaimRecord, *, query: bool) -> dict[str, list[str]]:
    claim_entities = entities(rec.text)
    curated = sorted(e for e in claim_entities if e in ENTITY_IDS)
    names = sorted(e for e in claim_entities if e not in ENTITY_IDS)
    story_entities = sorted(e for e in rec.context if e in ENTITY_IDS)
    numbers, counted = [], []
    for q in rec.quantities:
        if unit_group(q.unit) is None or not math.isfinite(q.value):
            continue
        ctx = quantity_context(rec.text, q)
        unit = (ctx.unit or "").replace(" ", "_")
        numbers.append(f"n:{canonical_number(q.value)}:{unit}")
        where = sorted(ctx.places | ctx.owners)
        if query or not where:
            where += [e for e in curated if e not in where][: 4 if query else 2]
        if query or not where:  # "in the country": the story says which
            where += [e for e in story_entities if e not in where][: 6 if query else 2]
        counted += [f"u:{unit}:{e}" for e in where]
    stemmed_entities = claim_entities | {stem(e) for e in names}
    terms = sorted(
        (
            t
            for t in content_terms(rec.text)
            if len(t) >= MIN_TERM_LENGTH
            and t.isalpha()
            and t not in stemmed_entities
            and t not in UNIT_GROUP_IDS
            and t not in vocab.GENERIC_NEWS_TERMS
            and t != "not"
        ),
        key=lambda t: (-len(t), t),
    )
    groups = {
        "n": list(dict.fromkeys(numbers)),
        "u": list(dict.fromkeys(counted)),
        "s": [],
        "e": [f"e:{e}" for e in curated + names],
        "t": [f"t:{t}" for t in terms],
        "m": minhash_keys(content_term_set(rec.text)),
    }
    # A key longer than the store's column (a 300-character speaker name) would be
    # refused by PostgreSQL; such a key is too specific to block on anyway.
    return {kind: [k for k in keys if len(k) <= MAX_KEY_LENGTH] for kind, keys in groups.items()}


def _select(
    groups: dict[str, list[str]],
    budget: Mapping[str, int],
    limit: int,
    df: Mapping[str, int] | None,
    total: int | None,
    max_df_ratio: float,
    min_keys: int,
) -> set[str]:
    if df is not None and total:
        ceiling = max(1.0, max_df_ratio * total)
        everything = [k for keys in groups.values() for k in keys]
        keep_anyway = set(sorted(everything, key=lambda k: df.get(k, 0))[:min_keys])
        groups = {
            kind: sorted((k for k in keys if df.get(k, 0) <= ceiling or k in keep_anyway), key=lambda k: df.get(k, 0))
            for kind, keys in groups.items()
        }
    chosen: list[str] = []
    for kind in _KINDS:
        room = min(budget[kind], limit - len(chosen))
        chosen += groups[kind][: max(0, room)]
    return set(chosen)


def candidate_keys(rec: ClaimRecord) -> set[str]:
    """Every key :func:`blocking_keys` or :func:`query_keys` may choose for the claim,
    whatever the frequencies: a store reads their frequencies in one query, then lets
    those functions choose."""
    return {key for query in (False, True) for group in _candidates(rec, query=query).values() for key in group}


def blocking_keys(
    rec: ClaimRecord,
    df: Mapping[str, int] | None = None,
    total: int | None = None,
    *,
    max_df_ratio: float = 0.05,
    min_keys: int = 3,
) -> set[str]:
    """Keys to store for a claim (at most ``BLOCKING_LIMIT``)."""
    return _select(_candidates(rec, query=False), BLOCKING_BUDGET, BLOCKING_LIMIT, df, total, max_df_ratio, min_keys)


def query_keys(
    rec: ClaimRecord,
    df: Mapping[str, int] | None = None,
    total: int | None = None,
    *,
    max_df_ratio: float = 0.05,
    min_keys: int = 3,
) -> set[str]:
    """Keys to look up for an incoming claim (at most ``QUERY_LIMIT`` plus its own
    blocking keys, which are included so a claim always finds stored claims with the
    same text)."""
    wide = _select(_candidates(rec, query=True), QUERY_BUDGET, QUERY_LIMIT, df, total, max_df_ratio, min_keys)
    return wide | blocking_keys(rec, df, total, max_df_ratio=max_df_ratio, min_keys=min_keys)
