"""What set of things a quantity counts, read from the words around it.

Two quantities with the same unit can still count different sets: "2,500 troops could
remain" is a plan, "6,000 troops in Iraq" a present count; "3,000 more troops" is an
increment, "6,000 troops" a total; "900 troops in Syria" is not "5,200 troops in Iraq".
:func:`quantity_context` extracts the features that tell such sets apart:

* ``change``: the extractor's change marker, else "more"/"additional"/"extra" after the
  number ("3,000 more", not "more than 3,000") or "another"/"an additional" before it;
  "fewer" marks a decrease.
* ``mode``: "prospective" when a modal or plan word governs the number ("could remain",
  "would leave", "plans to keep", "if"), "past" for "down from", "at its peak", "ago",
  otherwise "actual". A modal after the counted noun only counts when the number is
  not inside a prepositional phrase: in "the removal of the 6,000 troops would impact"
  the "would" belongs to "removal", not to the troops.
* ``owners``: entities between the number and the counted noun ("American troops").
* ``places``: entities after a locative preposition ("in Iraq", "to the Middle East").
* ``years``: other four-digit years in the clause ("in 2011").

The analysis is confined to the clause holding the quantity (split at punctuation and
at conjunctions such as "but", "while", "and"). A relative clause stays in: "160,000
who were there at the height" describes the counted set.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimtrack.matching.model import QuantityRecord
from claimtrack.matching.normalise import Memo, tagged_tokens, unit_group
from claimtrack.matching.number_forms import canonical_number

_CLAUSE_BOUNDARY_RE = re.compile(
    r"[,;:()\[\]—–\"“”]|\s-\s|\b(?:but|while|whereas|although|though|and|because|after"
    r"|before|since|when)\b",
    re.IGNORECASE,
)

_MODAL_WORDS = frozenset(
    """
could would might may will shall should going plan plans planned planning intend intends
intended expect expects expected propose proposes proposed proposal option options
consider considers considering want wants seek seeks aim aims hope hopes if unless
potential potentially possible possibly prepared ready
""".split()
)
_PAST_WORDS = frozenset("peak height ago once previously formerly former earlier".split())
_DETERMINERS = frozenset("the a an its their his her our those these this that".split())
_PREPOSITIONS = frozenset("of in into to at from on for with by among about".split())
_LOCATIVE = frozenset("in into inside to at across throughout within from".split())
_INCREASE_AFTER = frozenset({"more", "additional", "extra", "fresh"})
_INCREASE_BEFORE = frozenset({"another", "additional", "extra", "further"})
_DECREASE_AFTER = frozenset({"fewer", "less"})
_SKIP_IN_NOUN_PHRASE = frozenset({"or", "so", "some", "about", "around", "roughly"})


@dataclass(slots=True, frozen=True)
class QuantityContext:
    """The features that tell counted sets apart (see the module docstring)."""

    unit: str | None
    change: str | None
    mode: str  # "actual" | "prospective" | "past"
    owners: frozenset[str]
    places: frozenset[str]
    years: frozenset[str]


def _locate(text: str, q: QuantityRecord) -> tuple[int, int]:
    """Span of the quantity in the claim text, or (-1, -1)."""
    low = text.lower()
    needles = [q.text.lower()] if q.text.strip() else []
    if math.isfinite(q.value) and q.value == int(q.value) and abs(q.value) < 1e15:
        needles += [f"{int(q.value):,}", str(int(q.value))]
    for needle in needles:
        at = low.find(needle)
        if at >= 0:
            return at, at + len(needle)
    return -1, -1


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    clause_start, clause_end = 0, len(text)
    for m in _CLAUSE_BOUNDARY_RE.finditer(text):
        if m.end() <= start:
            clause_start = m.end()
        elif m.start() >= end:
            clause_end = m.start()
            break
    return clause_start, clause_end


locate = _locate
clause_span = _clause


def _years(toks: list[tuple[str, str]]) -> set[str]:
    return {t for t, kind in toks if kind == "num" and t.isdigit() and 1900 <= int(t) <= 2100}


_CONTEXTS = Memo()


def quantity_context(text: str, q: QuantityRecord) -> QuantityContext:
    """Read the set a quantity counts from its claim text (memoised per claim)."""
    found = _CONTEXTS.get((text, q))
    if found is None:
        found = _read_context(text, q)
        _CONTEXTS.put((text, q), found)
    return found


def clear_contexts() -> None:
    """Forget every memoised context."""
    _CONTEXTS.clear()


def encode_context(ctx: QuantityContext) -> list:
    """A JSON-ready form of a context (see ``features``)."""
    return [ctx.unit, ctx.change, ctx.mode, sorted(ctx.owners), sorted(ctx.places), sorted(ctx.years)]


def decode_context(encoded: list) -> QuantityContext:
    """A context written by :func:`encode_context`; ValueError or TypeError if malformed."""
    unit, change, mode, owners, places, years = encoded
    return QuantityContext(unit, change, mode, frozenset(owners), frozenset(places), frozenset(years))


def has_context(text: str, q: QuantityRecord) -> bool:
    """Whether the context of a quantity is in memory already."""
    return (text, q) in _CONTEXTS


def prime_context(text: str, q: QuantityRecord, ctx: QuantityContext) -> None:
    """Remember the context of a quantity, so its clause is not read again."""
    _CONTEXTS.put((text, q), ctx)


def _read_context(text: str, q: QuantityRecord) -> QuantityContext:
    unit = unit_group(q.unit)
    start, end = _locate(text, q)
    if start < 0:
        return QuantityContext(unit, q.change, "actual", frozenset(), frozenset(), frozenset())
    clause_start, clause_end = _clause(text, start, end)
    pre = list(tagged_tokens(text[clause_start:start]))
    region = list(tagged_tokens(text[start:clause_end]))

    # Skip the quantity's own number (the first number in its region).
    first_num = next((i for i, (_, kind) in enumerate(region) if kind == "num"), None)
    after = region[first_num + 1 :] if first_num is not None else region
    after_words = [t for t, _ in after]
    pre_words = [t for t, _ in pre]
    years = _years(pre) | _years(after)
    years.discard(canonical_number(q.value))

    change = q.change or _detect_change(pre_words, after_words)

    pre_content = [(w, kind) for w, kind in pre if w not in _DETERMINERS]
    last_words = [w for w, _ in pre_content[-2:]]
    inside_phrase = bool(last_words) and last_words[-1] in _PREPOSITIONS
    # "plans to keep 2,500": an infinitive governs the number.
    infinitive = len(last_words) == 2 and last_words[0] == "to" and pre_content[-1][1] in ("word", "concept")
    mode = "actual"
    if (
        any(w in _MODAL_WORDS or w.endswith("'ll") for w in pre_words[-5:])
        or infinitive
        or (not inside_phrase and any(w in _MODAL_WORDS for w in after_words[:8]))
    ):
        mode = "prospective"
    elif (
        last_words[-1:] == ["from"]
        or any(w in _PAST_WORDS for w in pre_words[-4:])
        or any(w in _PAST_WORDS for w in after_words[:8])
    ):
        mode = "past"

    owners, places = set(), set()
    in_noun_phrase = True
    for i, (tok, kind) in enumerate(after[:10]):
        is_entity = kind in ("entity", "name")
        if in_noun_phrase:
            if is_entity:
                owners.add(tok)
            elif (
                kind == "unit"
                or tok in _PREPOSITIONS
                or (
                    kind == "word"
                    and tok not in _SKIP_IN_NOUN_PHRASE
                    and tok not in _INCREASE_AFTER
                    and tok not in _DECREASE_AFTER
                )
            ):
                in_noun_phrase = False
        if is_entity and _after_locative([t for t, _ in after[:i]]):
            places.add(tok)
            owners.discard(tok)
    return QuantityContext(unit, change, mode, frozenset(owners), frozenset(places), frozenset(years))


def _after_locative(before: list[str]) -> bool:
    """True when the words before a token end in a locative preposition (+ determiners)."""
    for word in reversed(before):
        if word in _DETERMINERS:
            continue
        return word in _LOCATIVE
    return False


def _detect_change(pre_words: list[str], after_words: list[str]) -> str | None:
    for i, word in enumerate(after_words[:3]):
        follows_than = i + 1 < len(after_words) and after_words[i + 1] == "than"
        if word in _INCREASE_AFTER and not follows_than:
            return "increase"
        if word in _DECREASE_AFTER and not follows_than:
            return "decrease"
    if any(w in _INCREASE_BEFORE for w in pre_words[-2:]):
        return "increase"
    return None
