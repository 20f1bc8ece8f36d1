"""Cut an article body into paragraphs of plain and highlighted runs.

The template escapes every run, so article text is never trusted as markup.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence


@dataclass(slots=True)
class Run:
    text: str
    claim: Any = None


def paragraphs(body: str, claims: Sequence[Any]) -> list[list[Run]]:
    """Runs per paragraph; claims are objects with start_offset/end_offset.

    Overlapping claims (a split, a user-drawn span) keep the earlier-starting one
    highlighted; the other is still listed beside the text.
    """
    spans = sorted((c for c in claims if 0 <= c.start_offset < c.end_offset <= len(body)),
                   key=lambda c: (c.start_offset, -c.end_offset))
    runs: list[Run] = []
    pos = 0
    for claim in spans:
        if claim.start_offset < pos:
            continue
        if claim.start_offset > pos:
            runs.append(Run(body[pos:claim.start_offset]))
        runs.append(Run(body[claim.start_offset:claim.end_offset], claim))
        pos = claim.end_offset
    if pos < len(body):
        runs.append(Run(body[pos:]))
    return _split_paragraphs(runs)


def _split_paragraphs(runs: list[Run]) -> list[list[Run]]:
    result: list[list[Run]] = [[]]
    for run in runs:
        if run.claim is not None:
            result[-1].append(run)
            continue
        pieces = run.text.split("\n\n")
        for i, piece in enumerate(pieces):
            if i:
                result.append([])
            if piece:
                result[-1].append(Run(piece))
    return [p for p in result if any(r.text.strip() for r in p)]
