"""Numeric verdicts of cross-outlet links on real coverage (PolNeAR: the 2016 US
election from seven outlets), beside the earlier rule in the same run.

Claims are extracted from every article, linked with the scorer (candidates from the
blocking keys, as the index chooses them), and each link's figures are compared twice:
by ``numeric.compare`` (same measure, corresponding figures) and by the earlier rule
kept below as ``naive_compare`` (the closest pair among figures of one unit that share
change marker, mode, owner, place and year). Printed: how many links each rule flags
"conflict", "consistent", "different" or leaves without a verdict.

With ``--labels FILE`` (kept outside the repository: it is judgement about the
benchmark's text) the shares that matter are printed too. Each line of the file is
``a_file<TAB>a_start<TAB>b_file<TAB>b_start<TAB>label`` with ``label`` one of
``consistent``, ``conflict`` (the two figures are the same measure) or ``different``.

The data is evaluation-only and read from ../shared/benchmarks/polnear; nothing of it
is copied into the project. Absent data: the benchmark says so and exits 0.

    python benchmarks/bench_numeric_pairs.py --articles 300
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "polnear"
sys.path.insert(0, str(REPO))

from claimtrack.extraction import extract_claims  # noqa: E402
from claimtrack.matching import ClaimRecord, QuantityRecord, blocking_keys, candidate_keys, rank  # noqa: E402
from claimtrack.matching.model import NumericVerdict  # noqa: E402
from claimtrack.matching.normalise import story_terms, unit_group  # noqa: E402
from claimtrack.matching.numeric import TIME_UNITS, _gap, _places_meet, interval  # noqa: E402
from claimtrack.matching.quantity_context import quantity_context  # noqa: E402

# --- the earlier rule (the baseline) -----------------------------------------------------


def naive_same_set(a: ClaimRecord, qa: QuantityRecord, b: ClaimRecord, qb: QuantityRecord) -> bool:
    unit = unit_group(qa.unit)
    if unit is None or unit != unit_group(qb.unit) or unit in TIME_UNITS:
        return False
    ca, cb = quantity_context(a.text, qa), quantity_context(b.text, qb)
    if ca.change != cb.change or (ca.change is None and ca.mode != cb.mode):
        return False
    if ca.owners and cb.owners and ca.owners.isdisjoint(cb.owners):
        return False
    if ca.years and cb.years and ca.years.isdisjoint(cb.years):
        return False
    return not ca.places or not cb.places or _places_meet(ca.places, cb.places)


def naive_compare(a: ClaimRecord, b: ClaimRecord) -> NumericVerdict | None:
    """The closest pair of all that count the same set; disjoint intervals conflict."""
    best = None
    for qa in a.quantities:
        for qb in b.quantities:
            if not naive_same_set(a, qa, b, qb):
                continue
            ia, ib = interval(qa), interval(qb)
            gap = _gap(ia, ib)
            rank_ = (gap, abs(qa.value - qb.value))
            if best is None or rank_ < best[0]:
                best = (
                    rank_,
                    NumericVerdict("consistent" if gap == 0 else "conflict", qa, qb, unit_group(qa.unit) or "", ia, ib),
                )
    return best[1] if best else None


# --- corpus ------------------------------------------------------------------------------


def load(data: Path, limit: int | None) -> list[tuple[str, ClaimRecord, list[int]]]:
    meta = {}
    with (data / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    paths = sorted(p for split in ("train", "dev") for p in (data / split / "text").glob("*.txt") if p.stem in meta)[
        :limit
    ]
    out, claim_id = [], 0
    for article_id, path in enumerate(paths, 1):
        m, body = meta[path.stem], path.read_text(encoding="utf-8")
        published = datetime.fromisoformat(m["publication_date"]) if m["publication_date"] else None
        context = story_terms(m["title"], body)
        try:
            extracted = extract_claims(body)
        except (KeyError, ValueError) as exc:  # an extractor failure is reported, not fatal
            print(f"  extraction failed on {path.stem}: {exc!r}", file=sys.stderr)
            continue
        for c in extracted:
            claim_id += 1
            qs = tuple(
                QuantityRecord(
                    q.text,
                    q.value,
                    q.low,
                    q.high,
                    q.approx,
                    q.change,
                    q.unit,
                    q.kind,
                    q.role,
                    q.of,
                    q.per,
                    q.from_value,
                    q.versus,
                )
                for q in c.quantities
            )
            rec = ClaimRecord(claim_id, article_id, c.text, c.speaker, qs, published, context)
            out.append((f"{path.stem}\t{c.start}", rec, [m["publisher"]]))
    return out


def links(claims: list[tuple[str, ClaimRecord, list[str]]], candidates: int = 100):
    """(a, b, match) for the best suggestions of every claim with figures, across outlets."""
    records = [rec for _, rec, _ in claims]
    outlet = {rec.claim_id: o[0] for _, rec, o in claims}
    df = Counter(k for rec in records for k in candidate_keys(rec))
    postings = defaultdict(list)
    for rec in records:
        for key in sorted(blocking_keys(rec, df, len(records))):
            postings[key].append(rec)
    found = {}
    for rec in records:
        if not rec.quantities:
            continue
        shared = Counter()
        keys = sorted(candidate_keys(rec))  # a fixed order: ties among candidates break the same way each run
        for key in keys:
            if df[key] <= 200:
                for other in postings.get(key, ()):
                    if other.article_id != rec.article_id and outlet[other.claim_id] != outlet[rec.claim_id]:
                        shared[other.claim_id] += 1
        by_id = {r.claim_id: r for key in keys for r in postings.get(key, ())}
        pool = [by_id[i] for i, _ in shared.most_common(candidates)]
        for other, match in rank(rec, pool, limit=5):
            pair = tuple(sorted((rec.claim_id, other.claim_id)))
            if other.quantities and pair not in found:
                found[pair] = (rec, other, match)
    return list(found.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles")
    parser.add_argument("--labels", type=Path, default=None, help="judgements (see the docstring)")
    parser.add_argument("--show", action="store_true", help="print every link, for reading it")
    args = parser.parse_args()
    if not (args.data / "metadata.tsv").exists():
        print(f"PolNeAR not found at {args.data}: skipping (it is read from ../shared/benchmarks).")
        return 0
    t0 = time.perf_counter()
    claims = load(args.data, args.articles)
    where = {rec.claim_id: key for key, rec, _ in claims}
    found = links(claims)
    took = time.perf_counter() - t0
    if args.show:
        for a, b, m in found:
            old_v = naive_compare(a, b)
            print(f"{where[a.claim_id]}\t{where[b.claim_id]}\tnew={m.numeric}\told={old_v and old_v.verdict}")
            print(f"   A: {a.text[:220]}\n   B: {b.text[:220]}\n   {m.reasons[0]}")
    new = Counter(m.numeric or "none" for _, _, m in found)
    old = Counter((v.verdict if (v := naive_compare(a, b)) else "none") for a, b, _ in found)
    total = len(found) or 1
    print(f"{len(claims)} claims, {len(found)} cross-outlet links with figures on both sides ({took:.0f} s)")
    print(f"{'verdict':<12}{'earlier rule':>14}{'same measure':>14}")
    for verdict in ("conflict", "consistent", "different", "none"):
        print(f"{verdict:<12}{old[verdict] / total:>14.2f}{new[verdict] / total:>14.2f}")
    if args.labels:
        judged = {}
        with args.labels.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 5:
                    judged[frozenset({f"{parts[0]}\t{parts[1]}", f"{parts[2]}\t{parts[3]}"})] = parts[4]
        rows = []
        for a, b, match in found:
            label = judged.get(frozenset({where[a.claim_id], where[b.claim_id]}))
            if label:
                rows.append((label, match.numeric or "none", (v.verdict if (v := naive_compare(a, b)) else "none")))
        same = [r for r in rows if r[0] in ("consistent", "conflict")]
        diff = [r for r in rows if r[0] == "different"]
        for name, col in (("earlier rule", 2), ("same measure", 1)):
            right = sum(1 for r in same if r[col] == r[0])
            flagged = sum(1 for r in diff if r[col] == "conflict")
            print(
                f"{name}: same-measure pairs right {right}/{len(same)}, "
                f"different-measure pairs flagged conflict {flagged}/{len(diff)}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
