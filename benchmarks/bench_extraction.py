"""Extraction throughput on a synthetic multi-megabyte corpus.

    .venv/bin/python benchmarks/bench_extraction.py [--mb 5] [--workers 1,2] [--profile]
        [--said-mb 1.9]

The corpus is built in memory from fixtures/articles/*.txt with a fixed seed:
paragraphs are shuffled between articles and names and numbers are varied. Prints
end-to-end throughput per core, sentence segmentation alone, peak memory, and the
scaling of a multiprocessing pool. Beside the normal text it times one pathological
body, "said said said ..." with no punctuation (every word a cue, every sentence cut at
the length limit), which must stay linear: under 2 s for 1.9 MB.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import pstats
import random
import re
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimtrack.extraction import extract_text, parse_text_article  # noqa: E402
from claimtrack.extraction.sentences import split_sentences  # noqa: E402

SEED = 20200110
FIRST = ["Adel", "Mark", "Mike", "Jane", "Ines", "Walt", "Renata", "Samir", "Lena", "Omar", "Ruth", "Tom"]
LAST = [
    "Abdul-Mahdi",
    "Milley",
    "Esper",
    "Pompeo",
    "Kowalczyk",
    "Pruitt",
    "Vos",
    "Haddad",
    "Okafor",
    "Castellanos",
    "Quinlan",
    "Roarke",
    "Morrison",
    "Seely",
]
_NAME_RE = re.compile(r"\b(" + "|".join(map(re.escape, LAST)) + r")\b")
_NUMBER_RE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,3}\b")

_CORPUS: list[str] = []


def build_corpus(megabytes: float, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    sources = sorted((REPO / "fixtures" / "articles").glob("*.txt"))
    articles = [p.read_text(encoding="utf-8") for p in sources]
    if not articles:
        raise SystemExit("no fixture articles found")
    paragraphs = [p for a in articles for p in a.split("\n\n")[3:] if len(p) > 60]
    corpus: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        base = rng.choice(articles)
        head = base.split("\n\n")[:3]
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 14)))
        text = "\n\n".join(head + body + ["No comments", "Share this story"])
        text = _NAME_RE.sub(lambda m: rng.choice(LAST), text)
        text = _NUMBER_RE.sub(lambda m: _vary_number(m.group(0), rng), text)
        text = text.replace("Mark ", rng.choice(FIRST) + " ", 1)
        corpus.append(text)
        size += len(text.encode("utf-8"))
    return corpus


def _vary_number(num: str, rng: random.Random) -> str:
    value = int(num.replace(",", ""))
    value = max(10, int(value * rng.uniform(0.5, 1.5)))
    return f"{value:,}" if "," in num else str(value)


def _extract_one(i: int) -> int:
    return len(extract_text(_CORPUS[i]).claims)


def _extract_range(bounds: tuple[int, int]) -> int:
    return sum(_extract_one(i) for i in range(*bounds))


def run_pool(workers: int, n: int) -> float:
    ctx = multiprocessing.get_context("fork")
    chunk = max(1, n // (workers * 16))
    ranges = [(i, min(n, i + chunk)) for i in range(0, n, chunk)]
    t0 = time.perf_counter()
    with ctx.Pool(workers) as pool:
        total = sum(pool.imap_unordered(_extract_range, ranges))
    elapsed = time.perf_counter() - t0
    assert total > 0
    return elapsed


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in megabytes (default 5)")
    ap.add_argument("--workers", default="1,2", help="pool sizes to compare, e.g. 1,2 (default)")
    ap.add_argument("--profile", action="store_true", help="print the top functions from cProfile")
    ap.add_argument(
        "--said-mb",
        type=float,
        default=1.9,
        help="size of the pathological 'said said ...' body in megabytes (0 to skip)",
    )
    args = ap.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",") if w.strip()]

    global _CORPUS
    t0 = time.perf_counter()
    _CORPUS = build_corpus(args.mb)
    nbytes = sum(len(a.encode("utf-8")) for a in _CORPUS)
    kb = nbytes / 1000
    print(f"corpus: {len(_CORPUS)} articles, {nbytes / 1e6:.2f} MB (built in {time.perf_counter() - t0:.1f}s)")

    bodies = [parse_text_article(a).body for a in _CORPUS]
    t0 = time.perf_counter()
    n_sent = sum(len(split_sentences(b)) for b in bodies)
    seg = time.perf_counter() - t0
    print(f"sentence segmentation alone: {seg:.2f}s  {kb / seg:,.0f} KB/s  ({n_sent} sentences)")

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    c0 = time.process_time()
    n_claims = sum(len(extract_text(a).claims) for a in _CORPUS)
    e2e = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"end to end, one process:     {e2e:.2f}s  {kb / e2e:,.0f} KB/s per core  "
        f"{len(_CORPUS) / e2e:,.0f} articles/s  ({n_claims} claims)"
    )
    # On a shared machine wall time counts other people's work; CPU time does not.
    print(f"end to end, CPU time:        {cpu:.2f}s  {kb / cpu:,.0f} KB/s per core (target >= 250)")
    print(f"segmentation share of end-to-end time: {100 * seg / e2e:.0f}%")
    if args.said_mb > 0:
        said = "Said\n\n" + "said " * int(args.said_mb * 1_000_000 / 5)
        t0 = time.perf_counter()
        c0 = time.process_time()
        n_said = len(extract_text(said).claims)
        wall, said_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"pathological 'said said ...' body, {len(said) / 1e6:.1f} MB: {wall:.2f}s wall, {said_cpu:.2f}s CPU "
            f"({len(said) / 1000 / said_cpu:,.0f} KB/s; normal text above {kb / cpu:,.0f} KB/s; target < 2 s)  "
            f"({n_said} claims)"
        )
    print(
        f"peak RSS: {rss_after / 1024:.0f} MB (grew {max(0, rss_after - rss_before) / 1024:.0f} MB during extraction)"
    )

    times = {}
    for w in workers:
        times[w] = run_pool(w, len(_CORPUS))
        print(f"pool of {w}: {times[w]:.2f}s  {kb / times[w]:,.0f} KB/s total")
    if 1 in times and len(times) > 1:
        for w, t in times.items():
            if w != 1:
                print(f"scaling 1 -> {w} workers: {times[1] / t:.2f}x (target >= 1.7x on 2 cores)")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for a in _CORPUS[: max(1, len(_CORPUS) // 5)]:
            extract_text(a)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(15)
        print(out.getvalue())


if __name__ == "__main__":
    main()
