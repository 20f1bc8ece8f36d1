"""Choose the retrieval parameters on the CheckThat! 2020 train split (never dev or test).

    .venv/bin/python benchmarks/tune_checkthat.py [--db-url URL] [--data DIR]

1. Candidate retrieval: the headline's BM25F weight against the claim text's, compared
   by the MAP@5 of full-text ranking alone.
2. Re-scoring: coordinate ascent of the feature weights (claimtrack/archive_search/rescore.py)
   on MAP@5 over a fixed grid, from "full-text score only". A 2-fold split of train
   (fixed seed) tells whether the tuned weights beat full-text ranking on tweets they
   were not tuned on; keep them only if they do.

Prints the figures and the chosen values; copy those into TITLE_WEIGHT
(claimtrack/services/archive/fulltext.py) and DEFAULT_RESCORE. Then report dev once with
bench_checkthat.py.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_checkthat import DEFAULT_DATA, REPO, import_archive, load_split, metrics, rank_with

sys.path.insert(0, str(REPO))
from claimtrack import migrate
from claimtrack.archive_search.rescore import FEATURES, RescoreConfig
from claimtrack.db import make_engine, session_scope
from claimtrack.services.archive import factchecks as service

TITLE_WEIGHTS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
GRID = (0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
FULLTEXT_ONLY = RescoreConfig(**{f: (1.0 if f == "retrieval" else 0.0) for f in FEATURES})


def map5(cfg: RescoreConfig, described: dict[str, list], qrels: dict[str, set[str]]) -> float:
    return metrics(rank_with(cfg, described), {q: qrels[q] for q in described})["MAP@5"]


def ascend(described: dict[str, list], qrels: dict[str, set[str]], *, verbose: bool = False) -> RescoreConfig:
    best = FULLTEXT_ONLY
    best_map = map5(best, described, qrels)
    for rnd in range(4):
        improved = False
        for feature in FEATURES[1:]:
            for value in GRID:
                cfg = replace(best, **{feature: value})
                m = map5(cfg, described, qrels)
                if m > best_map + 1e-9:
                    best, best_map, improved = cfg, m, True
        if verbose:
            print(f"    round {rnd + 1}: MAP@5 {best_map:.4f}")
        if not improved:
            break
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db-url", help="an empty database to load the archive into (default: a fresh SQLite file)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    url = args.db_url or f"sqlite:///{tempfile.mkdtemp(prefix='ct-tune-')}/tune.db"
    migrate.upgrade(url)
    import_archive(url, args.data)
    engine = make_engine(url)
    tweets, qrels = load_split(args.data, "train")
    print(f"tuning on CheckThat! 2020 train: {len(tweets)} tweets, {engine.dialect.name}")

    print("  1. headline weight (full-text ranking alone):")
    with session_scope(engine) as session:
        scores = {}
        for weight in TITLE_WEIGHTS:
            described = {
                q: service.candidates(session, t, kinds=("factcheck",), title_weight=weight)[1]
                for q, t in tweets.items()
            }
            scores[weight] = map5(FULLTEXT_ONLY, described, qrels)
            print(f"    title weight {weight:<5} MAP@5 {scores[weight]:.4f}")
        title_weight = max(TITLE_WEIGHTS, key=lambda w: (scores[w], -abs(w - 1.0)))
        described = {
            q: service.candidates(session, t, kinds=("factcheck",), title_weight=title_weight)[1]
            for q, t in tweets.items()
        }

    print("  2. re-scoring weights (coordinate ascent):")
    ids = sorted(described)
    random.Random(2020).shuffle(ids)
    halves = (ids[: len(ids) // 2], ids[len(ids) // 2 :])
    held = []
    for fit, check in (halves, halves[::-1]):
        cfg = ascend({q: described[q] for q in fit}, qrels)
        part = {q: described[q] for q in check}
        held.append((map5(FULLTEXT_ONLY, part, qrels), map5(cfg, part, qrels)))
    plain = sum(h[0] for h in held) / 2
    tuned_cv = sum(h[1] for h in held) / 2
    print(f"    2-fold on train, held-out half: full-text only MAP@5 {plain:.4f}, re-scored {tuned_cv:.4f}")
    best = ascend(described, qrels, verbose=True)
    print(
        f"    all of train: full-text only {map5(FULLTEXT_ONLY, described, qrels):.4f}, "
        f"re-scored {map5(best, described, qrels):.4f}"
    )
    print(f"chosen: TITLE_WEIGHT = {title_weight}")
    print(f"        {best}")
    if tuned_cv <= plain:
        print(
            "        (re-scoring did not beat full-text ranking on held-out train tweets: "
            "its weights should stay small)"
        )


if __name__ == "__main__":
    main()
