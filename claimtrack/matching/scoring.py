"""Scoring of claim pairs: how strongly, and why, two claims from different articles
are the same claim or related ones.

The score blends weighted evidence, then applies two gates::

    evidence = w_text·text + w_entities·entities + w_speaker·speaker
             + w_numeric·numeric + w_story·story − lookalike_penalty·lookalike
    score    = clip(evidence, 0, 1) · story_gate · time_factor

* text: mostly the weighted Dice overlap of the two content-term sets (numbers,
  entities, units and paraphrased event words folded, see ``normalise``), blended with
  rapidfuzz ratios of the normalised texts, which catch order and near-identical words.
  Terms both articles are about count less, since every claim of the story has them.
  ``text_full`` of raw similarity already counts as identical.
* entities: shared curated entities and names, full credit from two; an entity both
  stories are about counts ``story_entity_weight``.
* speaker: the same canonical claimant.
* numeric: the claims hold quantities that count the same thing (``numeric.compare``),
  whether they agree or conflict: a conflict is a finding a reviewer wants to see.
  Counts of one unit that are different sets ("2,500 could remain" vs "5,200 are
  based") earn ``different_set_credit`` of it.
* story: overlap of the two articles' story terms; unknown context counts half.
* lookalike: an equal number counting different things ("3,000 more troops" vs
  "3,000 more workers") is the classic false friend, so it costs instead of helping.
* story gate: when both articles' contexts are known and share fewer than
  ``min_story_terms`` terms, the claims belong to different stories and the score is
  multiplied by ``other_story_factor``: a look-alike sentence from an unrelated story
  must not reach the panel.
* time factor: decays from 1 towards ``min_time_factor`` with a half-life of
  ``half_life_days``: a claim repeated months later is still worth showing.

Relation: "same" when neither claim denies what the other asserts (a denial is not the
same claim as the assertion it denies, see ``opposite_polarity``) and either the score
reaches ``same_threshold`` with text similarity of at least ``same_min_text``, or the
text establishes that both state the same measure (``NumericVerdict.established``) and
the score reaches ``same_count_threshold``: "some 5,200 troops in Iraq" and "6,000 or
so troops in Iraq" state the same fact. Whether the figures agree or conflict never
changes the relation: the verdict says how the numbers compare, not whether the claims
are the same. Everything else that passes ``min_score`` is "related".

Defaults were tuned on the fixture corpus (gold links in ``fixtures/gold``): no
off-topic pair comes near ``min_score`` (even without story context), while most gold
links pass it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from rapidfuzz import fuzz

from claimtrack.matching.keys import speaker_key
from claimtrack.matching.model import ClaimRecord, Match, NumericVerdict
from claimtrack.matching.normalise import (
    content_sequence,
    content_term_set,
    entities,
    entity_display,
    normalised_text,
    stem,
    word_count,
)
from claimtrack.matching.numeric import (
    compare,
    format_value,
    same_number_other_unit,
    shared_unit,
)


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """Every threshold and weight of the scorer. Weights of the positive evidence add
    up to 1, so the score reads as a share of the available evidence."""

    min_score: float = 0.36  # weaker pairs are not links at all
    same_threshold: float = 0.45  # from here on (with similar text) the claim is "same"
    same_min_text: float = 0.45  # text similarity a "same" pair needs on its own
    same_count_threshold: float = 0.36  # "same" for pairs counting the same set
    min_words: int = 5  # shorter texts carry too little to link
    text_cutoff: float = 35.0  # rapidfuzz score_cutoff: weaker text similarity is 0
    w_text: float = 0.56
    w_entities: float = 0.10
    w_speaker: float = 0.10
    w_numeric: float = 0.16
    w_story: float = 0.08
    lookalike_penalty: float = 0.25
    different_set_credit: float = 0.5  # share of w_numeric when both count one unit
    story_entity_weight: float = 0.5  # worth of a shared entity that both stories are about
    story_term_weight: float = 0.5  # worth of a shared term that both stories are about
    fuzzy_share: float = 0.3  # share of rapidfuzz in text similarity (rest: term overlap)
    text_full: float = 0.8  # raw text similarity that already counts as identical
    min_story_terms: int = 3  # fewer shared story terms: different stories
    full_story_terms: int = 8  # this many shared story terms earn full story credit
    other_story_factor: float = 0.5  # multiplier for claims from different stories
    unknown_story: float = 0.5  # story credit when either context is unknown
    half_life_days: float = 28.0
    min_time_factor: float = 0.6


DEFAULT_CONFIG = MatchConfig()


def fuzzy_similarity(a: str, b: str, cutoff: float = DEFAULT_CONFIG.text_cutoff) -> float:
    """0..1 blend of rapidfuzz token-set, token-sort and plain ratios on normalised text.

    Token-set forgives extra words (a short claim inside a long one); token-sort and
    the plain ratio temper it so a bare subset does not read as a perfect match, and
    catch near-identical words the stemmer leaves apart ("re-positioning").
    """
    return _fuzzy(normalised_text(a), normalised_text(b), cutoff)


def _fuzzy(a: str, b: str, cutoff: float) -> float:
    # Texts already normalised: the processor ran once per text, not once per call.
    token_set = fuzz.token_set_ratio(a, b, score_cutoff=cutoff)
    if not token_set:
        return 0.0
    token_sort = fuzz.token_sort_ratio(a, b)
    plain = fuzz.ratio(a, b)
    return (0.5 * token_set + 0.3 * token_sort + 0.2 * plain) / 100.0


def term_overlap(
    a: str, b: str, story_common: frozenset[str] = frozenset(), story_weight: float = DEFAULT_CONFIG.story_term_weight
) -> float:
    """Weighted Dice coefficient of the content-term sets; terms that both articles
    are about ("iraq", "troop" in Iraq coverage) weigh ``story_weight``."""
    terms_a, terms_b = content_term_set(a), content_term_set(b)
    if not terms_a or not terms_b:
        return 0.0

    def weight(terms: frozenset[str]) -> float:
        common = len(terms & story_common) if story_common else 0
        return len(terms) - common + story_weight * common

    return 2 * weight(terms_a & terms_b) / (weight(terms_a) + weight(terms_b))


def text_similarity(
    a: str, b: str, story_common: frozenset[str] = frozenset(), cfg: MatchConfig = DEFAULT_CONFIG
) -> float:
    """0..1: the term overlap, blended with ``fuzzy_share`` of the rapidfuzz score."""
    overlap = term_overlap(a, b, story_common, cfg.story_term_weight)
    return _blend(fuzzy_similarity(a, b, cfg.text_cutoff), overlap, cfg)


def _blend(fuzzy: float, overlap: float, cfg: MatchConfig) -> float:
    return min(1.0, (cfg.fuzzy_share * fuzzy + (1 - cfg.fuzzy_share) * overlap) / cfg.text_full)


def _days_apart(a: datetime | None, b: datetime | None) -> float | None:
    if a is None or b is None:
        return None
    # Naive and aware datetimes cannot be subtracted; compare both as UTC wall time.
    if (a.tzinfo is None) != (b.tzinfo is None):
        a = a.astimezone(UTC).replace(tzinfo=None) if a.tzinfo else a
        b = b.astimezone(UTC).replace(tzinfo=None) if b.tzinfo else b
    return abs((a - b).total_seconds()) / 86400.0


def _time_factor(days: float | None, cfg: MatchConfig) -> float:
    if days is None:
        return 1.0
    decay = 0.5 ** (days / cfg.half_life_days) if cfg.half_life_days > 0 else 1.0
    return cfg.min_time_factor + (1.0 - cfg.min_time_factor) * decay


NEGATION_SCOPE = 3  # content terms after a negation that it is taken to deny


def _denied_terms(text: str) -> frozenset[str]:
    """The few content terms that follow each negation: "no plans to withdraw troops"
    denies {plan, withdraw, troop}."""
    seq = content_sequence(text)
    return frozenset(
        t for i, term in enumerate(seq) if term == "not" for t in seq[i + 1 : i + 1 + NEGATION_SCOPE] if t != "not"
    )


def opposite_polarity(a: str, b: str) -> bool:
    """One claim denies what the other asserts: exactly one is negated and the negation
    covers terms the other claim states ("no plans to withdraw" vs "plans to withdraw").
    A denial of something the other claim does not mention ("denied the U.S. was
    leaving, calling the memo a mistake" vs "said the memo was a mistake") is no
    contradiction, so the two may still be the same claim."""
    neg_a, neg_b = "not" in content_term_set(a), "not" in content_term_set(b)
    if neg_a == neg_b:
        return False
    negated, other = (a, b) if neg_a else (b, a)
    denied = _denied_terms(negated)
    return len(denied & content_term_set(other)) >= 2


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def score_pair(
    a: ClaimRecord, b: ClaimRecord, cfg: MatchConfig = DEFAULT_CONFIG, *, floor: float | None = None
) -> Match | None:
    """Score two claims; None when they are not worth linking (or cannot be linked:
    the same claim, the same article, or a text under ``cfg.min_words`` words).
    ``floor`` lets a ranking skip pairs that cannot beat the ones it already holds:
    a pair scoring below it (or below ``cfg.min_score``) gives None, and most such
    pairs are recognised before the costly text measures run."""
    # Scores are rounded to 4 places: keep pairs that could round up to a tie.
    floor = cfg.min_score if floor is None else max(floor - 1e-4, cfg.min_score)
    if a.claim_id == b.claim_id or a.article_id == b.article_id:
        return None
    if word_count(a.text) < cfg.min_words or word_count(b.text) < cfg.min_words:
        return None

    # The cheap parts first: story gate, time and speaker bound the score, and most
    # candidates of a ranking already fail on them.
    story_common = a.context & b.context
    gate, common, other_story = 1.0, len(story_common), False
    if a.context and b.context:
        story = min(1.0, common / cfg.full_story_terms)
        if common < cfg.min_story_terms:
            gate, other_story = cfg.other_story_factor, True
    else:
        story = cfg.unknown_story
    days = _days_apart(a.published, b.published)
    factor = gate * _time_factor(days, cfg)
    key = speaker_key(a.speaker)
    same_speaker = 1.0 if key and key == speaker_key(b.speaker) else 0.0
    best_case = cfg.w_text + cfg.w_entities + cfg.w_numeric + cfg.w_speaker * same_speaker + cfg.w_story * story
    if min(1.0, best_case) * factor < floor:
        return None

    shared = entities(a.text) & entities(b.text)
    # An entity that is the subject of both stories ("Iraq" in Iraq coverage) says
    # less about two claims than one that is not.
    weight = sum(cfg.story_entity_weight if stem(e) in story_common else 1.0 for e in shared)
    entity_credit = min(1.0, weight / 2)
    fixed = cfg.w_entities * entity_credit + cfg.w_speaker * same_speaker + cfg.w_story * story
    overlap = term_overlap(a.text, b.text, story_common, cfg.story_term_weight)
    # Comparing the numbers costs more than the rest together: skip it when even full
    # numeric credit and a perfect fuzzy score cannot reach the floor.
    if min(1.0, max(0.0, cfg.w_text * _blend(1.0, overlap, cfg) + fixed + cfg.w_numeric)) * factor + 1e-9 < floor:
        return None

    verdict = compare(a, b)
    numeric, lookalike, trap, unit = 0.0, 0.0, None, None
    if verdict is not None:
        numeric = cfg.different_set_credit if verdict.verdict == "different" else 1.0
    elif trap := same_number_other_unit(a, b):
        lookalike = 1.0
    elif unit := shared_unit(a, b):
        numeric = cfg.different_set_credit

    rest = (
        cfg.w_entities * entity_credit
        + cfg.w_speaker * same_speaker
        + cfg.w_numeric * numeric
        + cfg.w_story * story
        - cfg.lookalike_penalty * lookalike
    )
    # Most candidates fail even with a perfect fuzzy score: skip the rapidfuzz calls.
    if min(1.0, max(0.0, cfg.w_text * _blend(1.0, overlap, cfg) + rest)) * factor < floor:
        return None
    text = _blend(_fuzzy(normalised_text(a.text), normalised_text(b.text), cfg.text_cutoff), overlap, cfg)
    score = min(1.0, max(0.0, cfg.w_text * text + rest)) * factor
    if score < floor:
        return None

    # Two claims that count the same set assert the same fact, agreeing or not.
    # A denial and an assertion of the same words are related, not the same claim.
    same = not opposite_polarity(a.text, b.text) and (
        (score >= cfg.same_threshold and text >= cfg.same_min_text)
        or (verdict is not None and verdict.established and score >= cfg.same_count_threshold)
    )
    reasons = _reasons(
        a, verdict, trap, unit, same_speaker, text, shared, other_story, common, bool(a.context and b.context), days
    )
    return Match(round(score, 4), "same" if same else "related", verdict.verdict if verdict else None, reasons, verdict)


def _reasons(
    a: ClaimRecord,
    verdict: NumericVerdict | None,
    trap,
    unit: str | None,
    same_speaker: float,
    text: float,
    shared: frozenset[str],
    other_story: bool,
    common: int,
    contexts_known: bool,
    days: float | None,
) -> tuple[str, ...]:
    """The evidence in words, strongest kinds first (only built for pairs that link)."""
    reasons: list[str] = []
    if verdict and verdict.verdict == "different":
        reasons.append(f"different measures, not compared: {verdict.a.text} vs {verdict.b.text} ({verdict.note})")
    elif verdict and verdict.verdict == "consistent" and verdict.same_value:
        reasons.append(
            f"same number and unit: {format_value(verdict.a.value)} {verdict.unit} (compared {verdict.measure})"
        )
    elif verdict:
        reasons.append(f"numbers {verdict.verdict}: {verdict.a.text} vs {verdict.b.text} (compared {verdict.measure})")
    elif trap:
        reasons.append(f"same number, different things: {format_value(trap[0].value)} {trap[0].unit} vs {trap[1].unit}")
    elif unit:
        reasons.append(f"both count {unit}, different sets")
    if same_speaker:
        reasons.append(f"same speaker: {a.speaker}")
    reasons.append(f"text similarity {round(text * 100)}")
    if shared:
        reasons.append(f"shared entities: {', '.join(sorted(entity_display(e) for e in shared))}")
    if contexts_known:
        kind = "different stories" if other_story else "same story"
        reasons.append(f"{kind} ({_plural(common, 'shared term')})")
    if days is not None and days >= 7:
        reasons.append(f"published {_plural(round(days / 7), 'week')} apart")
    return tuple(reasons)


def rank(
    query: ClaimRecord, candidates: Iterable[ClaimRecord], cfg: MatchConfig = DEFAULT_CONFIG, limit: int = 10
) -> list[tuple[ClaimRecord, Match]]:
    """The ``limit`` best-scoring candidates, best first (ties by claim id)."""
    if limit < 1:
        return []
    best: list[tuple[float, int, ClaimRecord, Match]] = []  # min-heap on (score, -claim id)
    for c in candidates:
        # Once ``limit`` are held, a candidate must beat the weakest to matter.
        floor = best[0][0] if len(best) >= limit else None
        m = score_pair(query, c, cfg, floor=floor)
        if m is None:
            continue
        item = (m.score, -c.claim_id, c, m)
        if len(best) < limit:
            heapq.heappush(best, item)
        elif item[:2] > best[0][:2]:
            heapq.heapreplace(best, item)
    return [(c, m) for _, _, c, m in sorted(best, key=lambda x: (-x[0], -x[1]))]
