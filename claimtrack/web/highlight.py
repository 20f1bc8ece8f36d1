"""Cut an article body into paragraphs of plain and highlighted runs.

The template escapes every run, so article text is never trusted as markup. Each
paragraph knows the body offset of its first character, and its runs are contiguous in
the body, so the browser can turn a text selection back into exact body offsets.

Claims may overlap (a split, a span someone drew inside an extracted claim): each piece
of text belongs to the shortest claim that covers it, so every claim shows somewhere,
and a piece covered by more than one claim is marked as nested.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Run:
    text: str
    claim: Any = None
    start: int = 0
    first: bool = True
    depth: int = 0


class Paragraph(list):
    """The runs of one paragraph; `start` is the body offset of its first character."""

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start = start


def _rank(claim: Any) -> tuple[int, int, int]:
    return (claim.end_offset - claim.start_offset, claim.start_offset, claim.id or 0)


def paragraphs(body: str, claims: Sequence[Any]) -> list[Paragraph]:
    """Runs per paragraph; claims are objects with id, start_offset and end_offset."""
    spans = [c for c in claims if 0 <= c.start_offset < c.end_offset <= len(body)]
    cuts = sorted({0, len(body), *(c.start_offset for c in spans), *(c.end_offset for c in spans)})
    starting: dict[int, list[Any]] = {}
    for claim in spans:
        starting.setdefault(claim.start_offset, []).append(claim)
    active: list[Any] = []
    seen: set[int] = set()
    runs: list[Run] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [c for c in active if c.end_offset > a] + starting.get(a, [])
        owner = min(active, key=_rank) if active else None
        if runs and runs[-1].claim is owner and (owner is None or runs[-1].depth == len(active)):
            runs[-1].text += body[a:b]
            continue
        first = owner is not None and id(owner) not in seen
        if owner is not None:
            seen.add(id(owner))
        runs.append(Run(body[a:b], owner, a, first, len(active)))
    return _split_paragraphs(runs)


def _split_paragraphs(runs: list[Run]) -> list[Paragraph]:
    result: list[Paragraph] = [Paragraph(0)]
    for run in runs:
        if run.claim is not None:
            if not result[-1]:
                result[-1].start = run.start
            result[-1].append(run)
            continue
        offset = run.start
        for i, piece in enumerate(run.text.split("\n\n")):
            if i:
                result.append(Paragraph(offset))
            if piece:
                if not result[-1]:
                    result[-1].start = offset
                result[-1].append(Run(piece, None, offset))
            offset += len(piece) + 2
    return [p for p in result if any(r.text.strip() for r in p)]
