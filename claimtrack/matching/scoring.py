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

from rapidfuzz import fuzz

from claimtrack.matching.model import ClaimRecord, Match, NumericVerdict
from claimtrack.matching.normalise import (
    content_sequence,
    content_term_set,
    entity_display,
    normalised_text,
    stem,
)
from claimtrack.matching.numeric import (
    compare,
    format_value,
    same_number_other_unit,
    shared_unit,
)
from claimtrack.matching.prepared import Prepared, PreparedClaim, days_apart


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
    return _overlap(terms_a, terms_b, terms_a & story_common, terms_b & story_common, story_common, story_weight)


def _overlap(
    terms_a: frozenset[str],
    terms_b: frozenset[str],
    story_a: frozenset[str],
    story_b: frozenset[str],
    story_common: frozenset[str],
    story_weight: float,
) -> float:
    """:func:`term_overlap` of two term sets, given the terms of each that both stories
    are about (``story_a``, ``story_b``)."""
    if not terms_a or not terms_b:
        return 0.0
    both = terms_a & terms_b
    if not story_common:
        return 2 * len(both) / (len(terms_a) + len(terms_b))
    # Each set weighs len − common + story_weight·common (written out: called per pair).
    c_both, c_a, c_b = len(both & story_common), len(story_a), len(story_b)
    return (
        2
        * (len(both) - c_both + story_weight * c_both)
        / ((len(terms_a) - c_a + story_weight * c_a) + (len(terms_b) - c_b + story_weight * c_b))
    )


def text_similarity(
    a: str, b: str, story_common: frozenset[str] = frozenset(), cfg: MatchConfig = DEFAULT_CONFIG
) -> float:
    """0..1: the term overlap, blended with ``fuzzy_share`` of the rapidfuzz score."""
    overlap = term_overlap(a, b, story_common, cfg.story_term_weight)
    return _blend(fuzzy_similarity(a, b, cfg.text_cutoff), overlap, cfg)


def _blend(fuzzy: float, overlap: float, cfg: MatchConfig) -> float:
    return min(1.0, (cfg.fuzzy_share * fuzzy + (1 - cfg.fuzzy_share) * overlap) / cfg.text_full)


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


# Claims scored lately: a scan scores one query against many claims, and each claim
# against many queries.
_PREPARED = Prepared()


@dataclass(slots=True)
class _Evidence:
    """What a pair's cheap measures settle: the gates, the fixed evidence and the term
    overlap, with the best score the costly measures could still give."""

    factor: float  # story gate times time factor
    story: float
    common: int  # shared story terms
    story_common: frozenset[str]
    other_story: bool
    contexts_known: bool
    days: float | None
    same_speaker: float
    shared: frozenset[str]  # shared entities
    entity_credit: float
    overlap: float
    fixed: float  # the entity, speaker and story evidence
    numeric_room: float  # the most numeric evidence could add: none without a unit in common
    bound: float  # the score with perfect fuzzy similarity and full numeric credit where possible


def score_pair(
    a: ClaimRecord,
    b: ClaimRecord,
    cfg: MatchConfig = DEFAULT_CONFIG,
    *,
    floor: float | None = None,
    exhaustive: bool = False,
) -> Match | None:
    """Score two claims; None when they are not worth linking (or cannot be linked:
    the same claim, the same article, or a text under ``cfg.min_words`` words).
    ``floor`` lets a ranking skip pairs that cannot beat the ones it already holds:
    a pair scoring below it (or below ``cfg.min_score``) gives None, and most such
    pairs are recognised before the costly text measures run. ``exhaustive`` runs every
    measure before deciding (no early outs): the reference the bounds are tested against."""
    # Scores are rounded to 4 places: keep pairs that could round up to a tie.
    floor = cfg.min_score if floor is None else max(floor - 1e-4, cfg.min_score)
    pa, pb = _PREPARED.get(a), _PREPARED.get(b)
    evidence = _cheap(pa, pb, cfg, -1.0 if exhaustive else floor)
    if evidence is None or (not exhaustive and evidence.bound < floor):
        return None
    return _costly(pa, pb, evidence, cfg, floor, exhaustive=exhaustive)


def _setting(a: PreparedClaim, b: PreparedClaim, cfg: MatchConfig) -> tuple:
    """What the two articles settle for every pair of their claims: (shared story terms,
    how many, other story, contexts known, story credit, days apart, gate × time factor)."""
    ca, cb = a.record.context, b.record.context
    story_common = ca & cb
    gate, common, other_story = 1.0, len(story_common), False
    contexts_known = bool(ca and cb)
    if contexts_known:
        story = min(1.0, common / cfg.full_story_terms)
        if common < cfg.min_story_terms:
            gate, other_story = cfg.other_story_factor, True
    else:
        story = cfg.unknown_story
    days = days_apart(a, b)
    return story_common, common, other_story, contexts_known, story, days, gate * _time_factor(days, cfg)


def _cheap(
    a: PreparedClaim, b: PreparedClaim, cfg: MatchConfig, floor: float, setting: tuple | None = None
) -> _Evidence | None:
    """The pair's cheap evidence; None when it cannot be linked or cannot reach ``floor``
    whatever the costly measures say. ``setting``: :func:`_setting` of the pair, if known."""
    ra, rb = a.record, b.record
    if ra.claim_id == rb.claim_id or ra.article_id == rb.article_id:
        return None
    if a.words < cfg.min_words or b.words < cfg.min_words:
        return None
    # The cheap parts first: story gate, time and speaker bound the score, and most
    # candidates of a ranking already fail on them.
    story_common, common, other_story, contexts_known, story, days, factor = setting or _setting(a, b, cfg)
    same_speaker = 1.0 if a.speaker and a.speaker == b.speaker else 0.0
    # Figures are compared only within one unit group: without one in common the pair
    # earns no numeric credit (a look-alike only costs).
    numeric = cfg.w_numeric if not a.units.isdisjoint(b.units) else 0.0
    shared = a.entities & b.entities
    best_case = (
        cfg.w_text + cfg.w_entities * bool(shared) + numeric + cfg.w_speaker * same_speaker + cfg.w_story * story
    )
    if min(1.0, best_case) * factor + 1e-9 < floor:
        return None

    if shared:
        # An entity that is the subject of both stories ("Iraq" in Iraq coverage) says
        # less about two claims than one that is not.
        weight = sum(cfg.story_entity_weight if stem(e) in story_common else 1.0 for e in shared)
        entity_credit = min(1.0, weight / 2)
    else:
        entity_credit = 0.0
    fixed = cfg.w_entities * entity_credit + cfg.w_speaker * same_speaker + cfg.w_story * story
    # A claim's terms that both stories are about: those of its own story in the other's.
    overlap = _overlap(
        a.terms, b.terms, a.story_terms & rb.context, b.story_terms & ra.context, story_common, cfg.story_term_weight
    )
    # Comparing the numbers costs more than the rest together: a pair that cannot reach
    # the floor even with full numeric credit and a perfect fuzzy score stops here.
    bound = min(1.0, max(0.0, cfg.w_text * _blend(1.0, overlap, cfg) + fixed + numeric)) * factor + 1e-9
    return _Evidence(
        factor,
        story,
        common,
        story_common,
        other_story,
        contexts_known,
        days,
        same_speaker,
        shared,
        entity_credit,
        overlap,
        fixed,
        numeric,
        bound,
    )


def _costly(
    a: PreparedClaim, b: PreparedClaim, e: _Evidence, cfg: MatchConfig, floor: float, *, exhaustive: bool = False
) -> Match | None:
    """The fuzzy text measure and the numbers, then the Match (None below ``floor``)."""
    ra, rb = a.record, b.record
    text = _blend(_fuzzy(a.text, b.text, cfg.text_cutoff), e.overlap, cfg)
    # Comparing the numbers costs several times the rapidfuzz calls: most candidates
    # fail with full numeric credit already.
    if not exhaustive and min(1.0, max(0.0, cfg.w_text * text + e.fixed + e.numeric_room)) * e.factor + 1e-9 < floor:
        return None
    verdict = compare(ra, rb)
    numeric, lookalike, trap, unit = 0.0, 0.0, None, None
    if verdict is not None:
        numeric = cfg.different_set_credit if verdict.verdict == "different" else 1.0
    elif trap := same_number_other_unit(ra, rb):
        lookalike = 1.0
    elif unit := shared_unit(ra, rb):
        numeric = cfg.different_set_credit

    rest = (
        cfg.w_entities * e.entity_credit
        + cfg.w_speaker * e.same_speaker
        + cfg.w_numeric * numeric
        + cfg.w_story * e.story
        - cfg.lookalike_penalty * lookalike
    )
    score = min(1.0, max(0.0, cfg.w_text * text + rest)) * e.factor
    if score < floor:
        return None

    # Two claims that count the same set assert the same fact, agreeing or not.
    # A denial and an assertion of the same words are related, not the same claim.
    same = not opposite_polarity(ra.text, rb.text) and (
        (score >= cfg.same_threshold and text >= cfg.same_min_text)
        or (verdict is not None and verdict.established and score >= cfg.same_count_threshold)
    )
    reasons = _reasons(
        ra, verdict, trap, unit, e.same_speaker, text, e.shared, e.other_story, e.common, e.contexts_known, e.days
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
    query: ClaimRecord,
    candidates: Iterable[ClaimRecord],
    cfg: MatchConfig = DEFAULT_CONFIG,
    limit: int = 10,
    *,
    prepared: Prepared | None = None,
) -> list[tuple[ClaimRecord, Match]]:
    """The ``limit`` best-scoring candidates, best first (ties by claim id).

    The cheap evidence of every candidate comes first; the costly measures then run in
    order of the best score each candidate could still reach, and stop at the first that
    cannot beat the weakest of the ``limit`` held. The best ``limit`` by (score, claim
    id) do not depend on the order the candidates are scored in, so this is exactly the
    ranking of :func:`score_pair` over every candidate. ``prepared``: a cache of prepared
    claims shared by several rankings over the same records."""
    if limit < 1:
        return []
    prepared = prepared or Prepared()
    q = prepared.get(query)
    staged = []
    settings: dict[tuple, tuple] = {}  # by the candidate's article: its context and date
    for c in candidates:
        p = prepared.get(c)
        where = (c.context, p.moment)
        if (setting := settings.get(where)) is None:
            setting = settings[where] = _setting(q, p, cfg)
        evidence = _cheap(q, p, cfg, cfg.min_score, setting)
        if evidence is not None and evidence.bound >= cfg.min_score:
            staged.append((evidence.bound, p, evidence))
    staged.sort(key=_by_bound, reverse=True)
    best: list[tuple[float, int, ClaimRecord, Match]] = []  # min-heap on (score, -claim id)
    floor = cfg.min_score
    for bound, p, evidence in staged:
        if bound < floor:
            break  # nor can any after it
        m = _costly(q, p, evidence, cfg, floor)
        if m is None:
            continue
        c = p.record
        item = (m.score, -c.claim_id, c, m)
        if len(best) < limit:
            heapq.heappush(best, item)
        elif item[:2] > best[0][:2]:
            heapq.heapreplace(best, item)
        # Once ``limit`` are held, a candidate must beat the weakest to matter (scores
        # are rounded to 4 places: keep pairs that could round up to a tie).
        if len(best) >= limit:
            floor = max(best[0][0] - 1e-4, cfg.min_score)
    return [(c, m) for _, _, c, m in sorted(best, key=lambda x: (-x[0], -x[1]))]


def _by_bound(staged: tuple) -> float:
    return staged[0]
