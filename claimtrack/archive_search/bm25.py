"""Plain in-memory BM25 (Robertson, k1/b form). The benchmark's baseline, and a
reference for what the database's full-text ranking should roughly reproduce."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from .query import words


class BM25Index:
    def __init__(
        self,
        docs: Iterable[tuple[object, str]],
        *,
        k1: float = 1.2,
        b: float = 0.75,
        analyse: Callable[[str], Sequence[str]] = words,
    ) -> None:
        self.k1, self.b, self.analyse = k1, b, analyse
        self.keys: list[object] = []
        self.lengths: list[int] = []
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for key, text in docs:
            terms = Counter(analyse(text))
            doc = len(self.keys)
            self.keys.append(key)
            self.lengths.append(sum(terms.values()))
            for term, tf in terms.items():
                self.postings.setdefault(term, []).append((doc, tf))
        n = max(len(self.keys), 1)
        self.avg_length = sum(self.lengths) / n
        # The "+1" form keeps idf positive for terms in more than half the documents.
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def search(self, text: str, limit: int = 10) -> list[tuple[object, float]]:
        scores: dict[int, float] = {}
        k1, b, avg = self.k1, self.b, self.avg_length or 1.0
        for term in set(self.analyse(text)):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for doc, tf in self.postings[term]:
                norm = k1 * (1 - b + b * self.lengths[doc] / avg)
                scores[doc] = scores.get(doc, 0.0) + idf * tf * (k1 + 1) / (tf + norm)
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(self.keys[doc], score) for doc, score in best]
