"""Scoring the extractor against the hand-made gold annotations in fixtures/gold.

Usable from tests, benchmarks and the command line:
    .venv/bin/python tests/extraction/goldeval.py
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claimtrack.extraction import (  # noqa: E402
    ArticleParts,
    Extraction,
    clean_body,
    extract_parts,
    parse_text_article,
)
from claimtrack.extraction.claimants import same_claimant  # noqa: E402

FIXTURES = REPO / "fixtures"
# Formats the extractor reads itself; HTML goes through the importer first.
SUPPORTED = (".txt", ".json", ".jsonl")


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class ArticleScore:
    name: str
    required: int = 0
    required_found: int = 0
    optional: int = 0
    optional_found: int = 0
    speaker_checked: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0
    quantities: int = 0
    quantities_ok: int = 0
    repeats: int = 0
    repeats_ok: int = 0
    junk_fp: int = 0
    extra: int = 0
    claims: int = 0
    structure: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)


@dataclass
class Totals:
    articles: list[ArticleScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(a, attr) for a in self.articles)

    @property
    def recall(self) -> float:
        return self._sum("required_found") / max(1, self._sum("required"))

    @property
    def speaker_accuracy(self) -> float:
        return self._sum("speaker_ok") / max(1, self._sum("speaker_checked"))

    @property
    def kind_accuracy(self) -> float:
        return self._sum("kind_ok") / max(1, self._sum("speaker_checked"))

    @property
    def quantity_accuracy(self) -> float:
        return self._sum("quantities_ok") / max(1, self._sum("quantities"))

    @property
    def repeat_accuracy(self) -> float:
        return self._sum("repeats_ok") / max(1, self._sum("repeats"))

    @property
    def junk_fp(self) -> int:
        return self._sum("junk_fp")

    @property
    def extra(self) -> int:
        return self._sum("extra")

    @property
    def claims(self) -> int:
        return self._sum("claims")

    @property
    def structure_accuracy(self) -> float:
        checks = [ok for a in self.articles for ok in a.structure.values()]
        return sum(checks) / max(1, len(checks))

    def report(self) -> str:
        lines = [
            f"{'article':38} {'recall':>8} {'speaker':>8} {'qty':>7} {'junkFP':>6} {'extra':>5}",
        ]
        for a in self.articles:
            lines.append(
                f"{a.name:38} {a.required_found:>3}/{a.required:<4} {a.speaker_ok:>3}/{a.speaker_checked:<4}"
                f" {a.quantities_ok:>2}/{a.quantities:<4} {a.junk_fp:>6} {a.extra:>5}"
            )
        lines.append(
            f"recall {self.recall:.3f}  speaker accuracy {self.speaker_accuracy:.3f}  "
            f"kind accuracy {self.kind_accuracy:.3f}  quantity accuracy {self.quantity_accuracy:.3f}  "
            f"repeat accuracy {self.repeat_accuracy:.3f}  structure {self.structure_accuracy:.3f}  "
            f"junk FPs {self.junk_fp}  extra claims {self.extra}/{self.claims}"
        )
        return "\n".join(lines)


def gold_files(fixtures: Path = FIXTURES) -> list[Path]:
    out = []
    for path in sorted((fixtures / "gold").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "article" in data and "claims" in data:
            out.append(path)
    return out


def load_parts(gold: dict, fixtures: Path = FIXTURES) -> tuple[ArticleParts | None, str | None]:
    """The article the gold file describes, split into parts; (None, reason) if unsupported."""
    path = fixtures / "articles" / gold["article"]
    if path.suffix not in SUPPORTED:
        return None, f"{path.suffix} is read by the importer"
    if not path.exists():
        return None, "article file missing"
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".txt":
        return parse_text_article(raw), None
    if path.suffix == ".jsonl":
        line_no = gold.get("line") or 1
        record = json.loads(raw.splitlines()[line_no - 1])
    else:
        record = json.loads(raw)
    parts = clean_body(record.get("title"), record.get("body") or "")
    if parts.byline is None and record.get("byline"):
        parts.byline = record["byline"]
    return parts, None


def score_article(name: str, gold: dict, ex: Extraction) -> ArticleScore:
    score = ArticleScore(name=name, claims=len(ex.claims))
    texts = [norm(c.text) for c in ex.claims]
    used = [False] * len(ex.claims)

    def find(anchor: str) -> int | None:
        a = norm(anchor)
        return next((i for i, t in enumerate(texts) if a in t), None)

    for field_name in ("title", "byline", "dateline"):
        if field_name in gold:
            score.structure[field_name] = (getattr(ex, field_name) or None) == (gold[field_name] or None)
    for g in gold["claims"]:
        idx = find(g["anchor"])
        optional = bool(g.get("optional"))
        if optional:
            score.optional += 1
        else:
            score.required += 1
        if idx is None:
            if not optional:
                score.misses.append(("missed", g["anchor"]))
            continue
        used[idx] = True
        if optional:
            score.optional_found += 1
        else:
            score.required_found += 1
        claim = ex.claims[idx]
        score.speaker_checked += 1
        wanted = [g.get("speaker")] + list(g.get("speaker_alt") or [])
        if g.get("speaker") is None:
            ok = claim.speaker is None
        else:
            ok = claim.speaker is not None and any(w and same_claimant(claim.speaker, w) for w in wanted)
        score.speaker_ok += ok
        if not ok:
            score.misses.append(("speaker", g["anchor"], g.get("speaker"), claim.speaker))
        score.kind_ok += claim.kind == g.get("kind")
        for gq in g.get("quantities") or []:
            score.quantities += 1
            if any(_same_quantity(q, gq) for q in claim.quantities):
                score.quantities_ok += 1
            else:
                got = [(q.text, q.value, q.unit, q.approx, q.change) for q in claim.quantities]
                score.misses.append(("quantity", gq.get("text"), got))
        if g.get("repeat_of_anchor"):
            score.repeats += 1
            first = find(g["repeat_of_anchor"])
            score.repeats_ok += first is not None and claim.repeat_of == first
    for line in gold.get("junk") or []:
        j = norm(line)
        score.junk_fp += sum(1 for t in texts if j and j in t)
    score.extra = used.count(False)
    return score


def _same_quantity(q, gq: dict) -> bool:
    value = float(gq["value"])
    return (
        abs(q.value - value) <= 1e-6 * max(1.0, abs(value))
        and q.unit == gq.get("unit")
        and q.approx == bool(gq.get("approx"))
        and q.change == gq.get("change")
    )


def evaluate(fixtures: Path = FIXTURES) -> Totals:
    articles = []
    for path in gold_files(fixtures):
        gold = json.loads(path.read_text(encoding="utf-8"))
        parts, _reason = load_parts(gold, fixtures)
        if parts is None:
            continue
        articles.append(score_article(path.stem, gold, extract_parts(parts)))
    return Totals(articles)


if __name__ == "__main__":
    totals = evaluate()
    print(totals.report())
    if "-v" in sys.argv:
        for a in totals.articles:
            for miss in a.misses:
                print(a.name, *miss, sep=" | ")
            for k, ok in a.structure.items():
                if not ok:
                    print(a.name, "structure", k)
