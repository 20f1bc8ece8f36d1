"""The counted thing after a figure: the head noun past qualifiers ("1,200 electric buses"
-> "bus"), and the denominator of a rate ("per 100,000 residents")."""

from __future__ import annotations

import re

from .numbers import COMPOUND_UNITS, parse_digits, singular
from .units import MEASURES, UNIT_WORDS

WORD_RE = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
# Words that may stand between a number and its noun without being the noun.
UNIT_SKIP = frozenset(
    """more additional extra fewer less new other of the those these its their his her our
    your some more than about nearly around roughly or so additional total further
    active armed full-time part-time estimated reported registered confirmed""".split()
)
# Words that end the search for a noun: the number counts nothing named here.
UNIT_STOP = frozenset(
    """to in at on for from by with into onto over under after before since during and or
    but than as that which who whom whose was were is are be been being has have had
    will would could should may might can said says told this these them they it its
    he she we i you a an per each every times ago later earlier years' year's today tonight
    now yesterday tomorrow last next this apiece annually daily weekly monthly yearly
    alone upon just also still only even already never ever really again not now then soon
    once out here there elsewhere anywhere everywhere somewhere nowhere together apart away ahead
    if unless whether because although though while so yet nor
    took stood came went gave got ran saw grew sat kept began became brought bought sold paid
    met found sent struck did drew flew""".split()  # past tenses end the noun ("probe took")
)
# Nouns ending in -ed (other -ed words after a figure are participles: "performed").
_ED_NOUNS = frozenset("hundred bed beds shed seed seeds speed speeds need needs breed feed deed reed".split())
# Spaces, hyphens and opening quotes may stand between a figure and its noun ('two "choice targets"').
_BETWEEN_WORDS = frozenset(' \t-“"‘')
_CLOSING_QUOTES = frozenset("”\"’'")
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety""".split()
)
_UNIT_MAP = {"%": "percent", "percent": "percent", "cent": "percent"}
_MAX_UNIT_WINDOW = 4
_TEMPERATURE_RE = re.compile(r"\s+(?:Celsius|centigrade|C\b|Fahrenheit|F\b)", re.IGNORECASE)


def is_plural(word: str) -> bool:
    low = word.lower()
    return singular(low) != low or low in ("people", "personnel", "police")


def _participle(low: str) -> bool:
    return low.endswith("ed") and len(low) > 3 and low not in _ED_NOUNS


def find_unit(text: str, pos: int) -> tuple[str, int, str] | None:
    """The counted noun after a number: (lemma, end offset, surface word) or None.

    Skips qualifiers ("more", "American", "heavily", "trained") and takes the head of a
    short noun compound: the first plural word ("army reservists", "bases hosting"), or
    the last word of the run when none is plural ("firefighting aircraft").
    """
    i = pos
    n = len(text)
    run: list[re.Match] = []
    for _ in range(_MAX_UNIT_WINDOW + 1):
        while i < n and text[i] in _BETWEEN_WORDS:
            i += 1
        if text.startswith("%", i):
            return ("percent", i + 1, "%") if not run else _head(run, text)
        m = WORD_RE.match(text, i)
        if not m:
            break
        word = m.group(0).rstrip(".'’-")
        low = word.lower()
        if low in UNIT_STOP or low in _NUMBER_WORDS or low.endswith(("n't", "n’t")):
            break  # a number word starts a figure of its own ("four of the five participants")
        if run and (low in UNIT_SKIP or (low.endswith("ly") and len(low) > 4)):
            break  # "one possible interpretation of", "one drug routinely used": the run ended at the noun
        if (
            word[:1].isupper()
            and not run
            and is_plural(word)
            and low.endswith("s")
            and not low.endswith(("ss", "us"))
            and not _capital_follows(text, m.end())
        ):
            return singular(low), m.start() + len(word), word  # "11 Europeans", "3 Democrats"
        if word[:1].isupper() or (
            not run and (low in UNIT_SKIP or (low.endswith("ly") and len(low) > 4) or _participle(low))
        ):
            if run:
                break
            i = m.end()
            continue
        if _participle(low):
            break
        run.append(m)
        if is_plural(word) and low not in ("series", "species"):
            break
        if low.endswith("ing") and len(run) > 1 and not _plural_follows(text, m.start() + len(word)):
            run.pop()  # "bases hosting": a participle; "public housing tenants": a compound
            break
        i = m.start() + len(word)
        while text[i : i + 1] in _CLOSING_QUOTES and text[i + 1 : i + 2] == " ":
            i += 1  # 'six “supplier” companies': the quoted word qualifies the noun after it
        if text[i : i + 1] not in (" ", "-") or len(run) >= 3:
            break
    return _head(run, text) if run else None


def _plural_follows(text: str, pos: int) -> bool:
    m = WORD_RE.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    return (
        m is not None
        and m.group(0)[:1].islower()
        and m.group(0).lower() not in UNIT_STOP
        and is_plural(m.group(0).rstrip(".'’-"))
    )


def _capital_follows(text: str, pos: int) -> bool:
    m = WORD_RE.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    return m is not None and m.group(0)[:1].isupper()


def _head(run: list[re.Match], text: str) -> tuple[str, int, str] | None:
    last = run[-1]
    word = last.group(0).rstrip(".'’-")
    low = word.lower()
    if low.endswith("ing") and len(run) == 1 and low not in ("building", "sibling", "offering"):
        return None
    lemma = _UNIT_MAP.get(low) or UNIT_WORDS.get(low) or singular(low)
    end = last.start() + len(word)
    if lemma == "degree":
        t = _TEMPERATURE_RE.match(text, end)
        if t:
            scale = t.group(0).strip().lower()
            return ("celsius" if scale[0] == "c" else "fahrenheit"), t.end(), word
    first = run[0].group(0).rstrip(".'’-").lower()
    if len(run) >= 2 and (UNIT_WORDS.get(first) or first) in MEASURES:
        # "a two and a half year block", "a 300 metre runway": the measure, not the noun.
        return UNIT_WORDS.get(first) or first, run[0].start() + len(first), first
    if len(run) >= 2:
        prev = run[-2].group(0).rstrip(".'’-").lower()
        if (singular(prev), lemma) in COMPOUND_UNITS or (prev, lemma) in COMPOUND_UNITS:
            return f"{singular(prev)} {lemma}", end, word
    return lemma, end, word


_PER_RE = re.compile(
    r"\s+(?:per|for\s+every)\s+(?:every\s+)?(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?"
    r"(?:\s*(?P<scale>thousand|million))?\s*(?=[A-Za-z])",
    re.IGNORECASE,
)
_SCALE = {"thousand": 1e3, "million": 1e6}


def find_rate(text: str, pos: int) -> tuple[float, str, int] | None:
    """A rate's denominator after its unit: (amount, what, end) for "per 100,000 residents"."""
    m = _PER_RE.match(text, pos)
    if not m or text[m.end() : m.end() + 4].lower() == "cent":
        return None
    amount = parse_digits(m.group("n")) if m.group("n") else 1.0
    if m.group("scale"):
        amount *= _SCALE[m.group("scale").lower()]
    w = WORD_RE.match(text, m.end())
    if not w:
        return None
    words = [w]
    nxt = WORD_RE.match(text, w.end() + 1) if text[w.end() : w.end() + 1] == " " else None
    if nxt and nxt.group(0).lower() in ("surveyed", "polled", "people", "residents", "inhabitants"):
        words.append(nxt)
    what = " ".join(x.group(0).rstrip(".'’-").lower() for x in words)
    return amount, what, words[-1].start() + len(words[-1].group(0).rstrip(".'’-"))
