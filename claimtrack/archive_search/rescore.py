"""Re-scoring full-text candidates with string similarity and matching features.

The database returns a few dozen candidates ranked by BM25 (SQLite FTS5, or the same
formula on PostgreSQL). Each is then described by a handful of 0..1 features and scored
by a weighted sum. The weights were chosen by coordinate ascent over a grid, maximising
MAP@5 on the CheckThat! 2020 train split with SQLite (``benchmarks/tune_checkthat.py``);
dev and test were never used to choose them. On tweets held out of the tuning (2-fold
within train) they rank fact-checks about as well as BM25 alone: most of the quality
comes from retrieval. They matter more where BM25 scores are not comparable: stored
claims and fact-checks come from different indexes and are ranked together.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimtrack.matching.normalise import content_term_set, entities, entity_display

from .query import CleanQuery, words

FEATURES = (
    "retrieval",
    "claim_retrieval",
    "title_retrieval",
    "rank",
    "token_set",
    "partial",
    "title",
    "coverage",
    "entities",
    "author",
)


@dataclass(frozen=True, slots=True)
class RescoreConfig:
    retrieval: float = 1.0  # the candidate's full-text score, as a share of the best one
    claim_retrieval: float = 0.05  # the same over the claim text alone
    title_retrieval: float = 0.0  # the same over the headline alone
    rank: float = 0.0  # 1 / full-text rank
    token_set: float = 0.5  # rapidfuzz token_set_ratio, query vs claim text
    partial: float = 0.35  # rapidfuzz partial_ratio: the claim's wording inside the query
    title: float = 0.35  # token_set_ratio, query vs the fact-check's headline
    coverage: float = 0.2  # share of the claim's content terms found in the query
    entities: float = 0.0  # share of the claim's names and entities found in the query
    author: float = 0.05  # the quoted tweet's author is named in the claim

    def weights(self) -> tuple[float, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


DEFAULT_RESCORE = RescoreConfig()


@dataclass(slots=True)
class Candidate:
    key: object
    text: str
    title: str = ""
    retrieval: float = 0.0
    claim_retrieval: float = 0.0
    title_retrieval: float = 0.0
    features: tuple[float, ...] = ()
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def feature(self, name: str) -> float:
        return self.features[FEATURES.index(name)] if self.features else 0.0


def describe(query: CleanQuery, cands: list[Candidate]) -> None:
    """Fill each candidate's feature vector (same order as FEATURES)."""
    if not cands:
        return
    top = max(c.retrieval for c in cands) or 1.0
    top_claim = max(c.claim_retrieval for c in cands) or 1.0
    top_title = max(c.title_retrieval for c in cands) or 1.0
    order = {id(c): n for n, c in enumerate(sorted(cands, key=lambda c: -c.retrieval), 1)}
    q_proc = default_process(query.text)
    q_terms = content_term_set(query.text)
    q_ents = entities(query.text)
    author_words = _author_words(query.author)
    for c in cands:
        doc = f"{c.text} {c.title}".strip()
        c_proc = default_process(c.text)
        token_set = fuzz.token_set_ratio(q_proc, c_proc) / 100.0
        partial = fuzz.partial_ratio(c_proc, q_proc) / 100.0 if c_proc and q_proc else 0.0
        t_proc = default_process(c.title) if c.title else ""
        title = fuzz.token_set_ratio(q_proc, t_proc) / 100.0 if t_proc else 0.0
        terms = content_term_set(c.text)
        coverage = len(terms & q_terms) / len(terms) if terms else 0.0
        ents = entities(doc)
        shared_ents = ents & q_ents
        ent_share = len(shared_ents) / len(ents) if ents else 0.0
        named = 1.0 if author_words and author_words & set(words(doc)) else 0.0
        c.features = (
            c.retrieval / top,
            max(c.claim_retrieval, 0.0) / top_claim,
            max(c.title_retrieval, 0.0) / top_title,
            1.0 / order[id(c)],
            token_set,
            partial,
            title,
            coverage,
            ent_share,
            named,
        )
        c.reasons = _reasons(c, terms & q_terms, shared_ents)


def score(cands: list[Candidate], cfg: RescoreConfig = DEFAULT_RESCORE) -> list[Candidate]:
    """Weighted sum of the features; candidates best first (ties: retrieval order)."""
    w = cfg.weights()
    total = sum(w) or 1.0
    for c in cands:
        c.score = sum(a * b for a, b in zip(w, c.features, strict=True)) / total
    return sorted(cands, key=lambda c: -c.score)


def _author_words(author: str | None) -> set[str]:
    # The surname is what claims quote ("Trump tweeted…"); handles and emoji are noise.
    parts = [w for w in words(author or "") if w.isalpha() and len(w) > 2]
    return {parts[-1]} if parts else set()


def _reasons(c: Candidate, shared_terms: frozenset[str], shared_ents: frozenset[str]) -> list[str]:
    retrieval, _claim, _title, _rank, token_set, _partial, title, coverage, _ents, named = c.features
    out = [f"full-text rank {retrieval:.2f} of the best"]
    if shared_terms:
        out.append("shared terms: " + ", ".join(sorted(shared_terms)[:8]))
    if shared_ents:
        out.append("same names: " + ", ".join(entity_display(e) for e in sorted(shared_ents)[:5]))
    if token_set >= 0.6:
        out.append(f"similar wording {token_set:.0%}")
    if title >= 0.6:
        out.append(f"headline similar {title:.0%}")
    if coverage >= 0.5:
        out.append(f"{coverage:.0%} of the claim's terms present")
    if named:
        out.append("names the author of the quoted post")
    return out
