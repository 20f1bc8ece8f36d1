"""Quantity reading: accuracy of value, interval and counted unit, and throughput, with
quantulum3 on the same sentences in the same run as the reference.

    .venv/bin/python benchmarks/bench_quantities.py [--repeat 200] [--show-misses]
        [--expect NEWS_EXPECTATIONS.tsv]

With ``--expect`` the real pages of ../shared/benchmarks/news-pages are read as an import
reads them (HTML to text, claims extracted) and scored against expectations kept outside
the repository (they are judgements about the pages' text): one line per figure,
``page<TAB>context<TAB>span<TAB>value<TAB>low<TAB>high<TAB>unit``, where ``context`` is
a piece of the claim that holds the span, ``value`` is ``N`` for a span that is no
quantity and ``unit`` is ``-`` for none; lines starting with ``#`` are comments. Pages
split into "dev" and "train" by a hash of their file name.

The set is our own hand-written sentences for every form the reader handles
(benchmarks/quantity_set.py) plus the quantities of the gold fixtures
(fixtures/gold/*.json: value and unit; they state no interval). quantulum3 is a
benchmark-only dependency (`pip install -e '.[bench]'`); without it its column is
skipped with a message.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from quantity_set import SENTENCES  # noqa: E402

from claimtrack.extraction import extract_claims, extract_text  # noqa: E402
from claimtrack.extraction.quantities import find_quantities  # noqa: E402

_SENTENCE_END = (". ", ".\n", "? ", "! ", "\n")


@dataclass(slots=True)
class Case:
    sentence: str
    span: str
    value: float | None  # None: nothing here is a quantity
    low: float | None
    high: float | None  # low/high None with a value: no interval stated (fixtures)
    unit: str | None
    source: str


@dataclass(slots=True)
class Reading:
    start: int
    end: int
    value: float
    low: float
    high: float
    unit: str | None


def hand_written() -> list[Case]:
    return [Case(s, *q, source="hand-written") for s, qs in SENTENCES for q in qs]


# Our reader inside the whole article (a bare number borrows the unit of an earlier
# sentence there), keyed by sentence: filled by fixture_cases.
IN_ARTICLE: dict[str, list[Reading]] = {}


def _in_article(text: str, sentence: str) -> None:
    if sentence in IN_ARTICLE:
        return
    ex = extract_text(text)
    at = ex.body.find(sentence)
    found = [q for c in ex.claims for q in c.quantities] if at >= 0 else []
    IN_ARTICLE[sentence] = [
        Reading(q.start - at, q.end - at, q.value, q.low, q.high, q.unit)
        for q in found
        if at <= q.start and q.end <= at + len(sentence)
    ]


def fixture_cases() -> list[Case]:
    """Each gold quantity with the sentence of the article body that holds it."""
    cases = []
    for gold_file in sorted((REPO / "fixtures" / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "claims" not in gold or not gold.get("article"):
            continue
        path = REPO / "fixtures" / "articles" / gold["article"]
        if path.suffix != ".txt":
            continue  # html, json and jsonl articles need their readers; the .txt ones suffice
        text = path.read_text(encoding="utf-8")
        for claim in gold["claims"]:
            at = text.find(claim["anchor"])
            for q in claim.get("quantities", []):
                where = text.find(q["text"], max(at, 0))
                if at < 0 or where < 0:
                    continue
                start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
                ends = [e for e in (text.find(m, where + len(q["text"])) for m in _SENTENCE_END) if e >= 0]
                sentence = text[start : (min(ends) + 1) if ends else len(text)].strip()
                cases.append(Case(sentence, q["text"], float(q["value"]), None, None, q.get("unit"), source="fixtures"))
                _in_article(text, sentence)
    return cases


NEWS_PAGES = REPO.parent / "shared" / "benchmarks" / "news-pages" / "pages"


def news_split(page: str) -> str:
    # a stable split, not a security use
    return "dev" if int(hashlib.sha1(page.encode(), usedforsecurity=False).hexdigest(), 16) % 2 else "train"


def news_cases(expect: Path) -> tuple[dict[str, list[Case]], dict[str, list[Reading]]]:
    """Cases from the expectations file, by split, and our readings of each claim holding one."""
    from claimtrack.ingest.html import article_from_html

    claims: dict[str, list] = {}
    readings: dict[str, list[Reading]] = {}
    groups: dict[str, list[Case]] = {"dev": [], "train": []}
    for number, line in enumerate(expect.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 7:
            raise SystemExit(f"{expect}:{number}: expected 7 tab-separated fields, got {len(parts)}")
        page, context, span, value, low, high, unit = parts[:7]
        if page not in claims:
            html = (NEWS_PAGES / page).read_text(encoding="utf-8", errors="replace")
            claims[page] = extract_claims(article_from_html(html, page).body)
        claim = next((c for c in claims[page] if context in c.text), None)
        sentence = claim.text if claim is not None else context
        if claim is not None:
            readings[sentence] = [
                Reading(q.start - claim.start, q.end - claim.start, q.value, q.low, q.high, q.unit)
                for q in claim.quantities
            ]
        readings.setdefault(sentence, [])
        if sentence.find(span) < 0:
            sentence = context  # the claim was cut elsewhere: the span is read as missed
        if value == "N":
            case = Case(sentence, span, None, None, None, None, source=page)
        else:
            case = Case(
                sentence, span, float(value), float(low), float(high), None if unit == "-" else unit, source=page
            )
        groups[news_split(page)].append(case)
    return groups, readings


def ours(sentence: str) -> list[Reading]:
    return [Reading(q.start, q.end, q.value, q.low, q.high, q.unit) for q in find_quantities(sentence)]


_QUANTULUM_UNITS = {
    "percentage": "percent",
    "per cent": "percent",
    "percent": "percent",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "pound sterling": "pound",
    "united states dollar": "dollar",
    "dimensionless": None,
    "kilometre per hour": "kilometre per hour",
    "mile per hour": "mile per hour",
    "gigabit": "gigabit",
    "indian rupee": "rupee",
}


def quantulum_reader():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def read(sentence: str) -> list[Reading]:
        out = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(sentence)
        for q in found:
            name = q.unit.name.lower()
            unit = _QUANTULUM_UNITS.get(name, name)
            if q.unit.entity.name == "currency" and unit:
                unit = unit.split()[-1]
            spread = q.uncertainty or 0.0
            out.append(Reading(q.span[0], q.span[1], float(q.value), q.value - spread, q.value + spread, unit))
        return out

    return read


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def score(cases: list[Case], read) -> tuple[dict[str, tuple[int, int]], list]:
    """Right/total for value, interval, unit and all three, per case."""
    tally = {"value": [0, 0], "interval": [0, 0], "unit": [0, 0], "all": [0, 0]}
    misses = []
    cache: dict[str, list[Reading]] = {}
    for case in cases:
        found = cache.setdefault(case.sentence, read(case.sentence))
        at = case.sentence.find(case.span)
        end = at + len(case.span)
        over = [r for r in found if r.start < end and at < r.end]
        if case.value is None:
            ok = not over
            for key in tally:
                tally[key][0] += ok
                tally[key][1] += 1
            if not ok:
                misses.append((case, over))
            continue
        best = next((r for r in over if _close(r.value, case.value)), over[0] if over else None)
        value = best is not None and _close(best.value, case.value)
        unit = best is not None and best.unit == case.unit
        right = {"value": value, "unit": unit}
        if case.low is not None:
            right["interval"] = best is not None and _close(best.low, case.low) and _close(best.high, case.high)
        right["all"] = all(right.values())
        for key, ok in right.items():
            tally[key][0] += ok
            tally[key][1] += 1
        if not right["all"]:
            misses.append((case, over))
    return {k: (v[0], v[1]) for k, v in tally.items()}, misses


def throughput(sentences: list[str], read, repeat: int) -> tuple[float, float]:
    size = sum(len(s.encode("utf-8")) for s in sentences)
    start = time.perf_counter()
    for _ in range(repeat):
        for s in sentences:
            read(s)
    seconds = time.perf_counter() - start
    return len(sentences) * repeat / seconds, size * repeat / seconds / 1000


def _cell(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right / total:.3f} ({right}/{total})" if total else "n/a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=200, help="Passes over the set for the throughput of our reader.")
    ap.add_argument("--show-misses", action="store_true", help="List the cases our reader gets wrong.")
    ap.add_argument("--expect", type=Path, default=None, help="Expectations for the news pages (see the docstring).")
    args = ap.parse_args()
    groups = {"hand-written": hand_written(), "fixtures": fixture_cases()}
    groups["all"] = groups["hand-written"] + groups["fixtures"]
    readers = {"claimtrack": ours}
    reference = quantulum_reader()
    if reference is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): its column is skipped.\n")
    else:
        readers["quantulum3"] = reference
    print(
        f"cases: {len(groups['hand-written'])} hand-written, {len(groups['fixtures'])} from the fixtures "
        f"({sum(1 for c in groups['all'] if c.value is None)} spans that are not quantities)\n"
    )
    header = f"{'set':<13} {'reader':<11} {'value':>17} {'interval':>17} {'unit':>17} {'all three':>17}"
    print(header)
    print("-" * len(header))
    misses = []
    rows = [(group, name, read) for group in groups for name, read in readers.items()]
    rows.insert(
        rows.index(next(r for r in rows if r[0] == "fixtures")) + 1,
        ("fixtures", "claimtrack*", lambda sentence: IN_ARTICLE.get(sentence, [])),
    )
    for group, name, read in rows:
        tally, missed = score(groups[group], read)
        if name == "claimtrack" and group == "all":
            misses = missed
        print(
            f"{group:<13} {name:<11} {_cell(tally['value']):>17} {_cell(tally['interval']):>17} "
            f"{_cell(tally['unit']):>17} {_cell(tally['all']):>17}"
        )
    print(
        "claimtrack* reads each fixture sentence inside its article, where a bare number borrows the unit"
        " of an earlier sentence; the other rows read the sentence alone."
    )
    if args.expect:
        news(args.expect, args.show_misses)
    sentences = sorted({c.sentence for c in groups["all"]})
    print("\nthroughput on the same sentences")
    for name, read in readers.items():
        repeat = args.repeat if name == "claimtrack" else max(1, args.repeat // 100)
        per_s, kb_s = throughput(sentences, read, repeat)
        print(f"  {name:<11} {per_s:>10,.0f} sentences/s  {kb_s:>8,.0f} KB/s  ({repeat} passes)")
    if args.show_misses:
        print("\nour misses")
        for case, over in misses:
            got = [(case.sentence[r.start : r.end], r.value, r.low, r.high, r.unit) for r in over]
            print(f"  {case.span!r} expected {(case.value, case.low, case.high, case.unit)} got {got}")


def news(expect: Path, show: bool) -> None:
    if not NEWS_PAGES.is_dir():
        print(f"\nnews pages not found at {NEWS_PAGES}: skipped (they are read from ../shared/benchmarks).")
        return
    groups, readings = news_cases(expect)
    print("\nreal news pages, our own expectations (claims as an import extracts them)")
    for split in ("dev", "train"):
        cases = groups[split]
        figures = [c for c in cases if c.value is not None]
        tally, missed = score(figures, lambda sentence: readings.get(sentence, []))
        junk, wrong = score([c for c in cases if c.value is None], lambda sentence: readings.get(sentence, []))
        print(
            f"  {split:<6} {len(figures):>3} figures: value {_cell(tally['value'])}, interval {_cell(tally['interval'])}, "
            f"unit {_cell(tally['unit'])}, all three {_cell(tally['all'])}; "
            f"spans that are no quantity left alone {_cell(junk['all'])}"
        )
        for case, over in (missed + wrong) if show else ():
            got = [(case.sentence[r.start : r.end], r.value, r.low, r.high, r.unit) for r in over]
            print(f"    {case.source}: {case.span!r} expected {(case.value, case.low, case.high, case.unit)} got {got}")


if __name__ == "__main__":
    main()
