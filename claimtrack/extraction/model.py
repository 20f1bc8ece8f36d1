"""Result types of the extraction engine: plain dataclasses, no behaviour beyond export."""

from __future__ import annotations

from dataclasses import dataclass, field


class ExtractionError(ValueError):
    """Raised for input that cannot be processed at all (for example binary data)."""


@dataclass(slots=True)
class ExtractedQuantity:
    """A number in a claim, with the interval its hedge allows.

    ``start``/``end`` index the article body, like the claim's own span. The fields
    after ``unit`` say what sort of number it is, so that two quantities are compared
    only when they measure the same thing.
    """

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    approx: bool
    change: str | None  # "increase"/"decrease": the figure is an increment ("3,000 more")
    unit: str | None  # singular lemma of the counted noun ("troop", "percent", "dollar")
    # count | percent | money | measure | age | vote | score | rate | multiple
    kind: str = "count"
    # level: how many or how much; change: an increment (see ``change``) or a multiple
    # verb ("doubled"); start: the earlier level of a from-to pair
    role: str = "level"
    of: str | None = None  # what a percentage or rate is of ("voters surveyed", "residents")
    per: float | None = None  # a rate's denominator ("per 100,000 residents" -> 100000)
    from_value: float | None = None  # a from-to level's earlier value ("from 4.1 to 6.3" -> 4.1)
    versus: float | None = None  # the minority of a vote or score ("7-2" -> 2)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "approx": self.approx,
            "change": self.change,
            "unit": self.unit,
            "kind": self.kind,
            "role": self.role,
            "of": self.of,
            "per": self.per,
            "from_value": self.from_value,
            "versus": self.versus,
        }


@dataclass(slots=True)
class ExtractedClaim:
    """One checkable assertion; ``body[start:end] == text`` always holds."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_title: str | None = None
    speaker_kind: str | None = None  # person | organization | group | document | None
    cue: str | None = None
    kind: str = "reported"  # quote | paraphrase | reported
    quote: str | None = None
    repeat_of: int | None = None
    checkworthiness: float = 0.0
    quantities: list[ExtractedQuantity] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_title": self.speaker_title,
            "speaker_kind": self.speaker_kind,
            "cue": self.cue,
            "kind": self.kind,
            "quote": self.quote,
            "repeat_of": self.repeat_of,
            "checkworthiness": self.checkworthiness,
            "quantities": [q.to_dict() for q in self.quantities],
        }


@dataclass(slots=True)
class ArticleParts:
    """An article split into its parts; ``body`` is what claim offsets index."""

    title: str = ""
    dek: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None
    body: str = ""
    junk: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Extraction:
    """Article parts plus the claims found in its body."""

    title: str = ""
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None
    body: str = ""
    dek: str | None = None
    junk: list[str] = field(default_factory=list)
    claims: list[ExtractedClaim] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "byline": self.byline,
            "dateline": self.dateline,
            "published": self.published,
            "dek": self.dek,
            "body": self.body,
            "junk": list(self.junk),
            "claims": [c.to_dict() for c in self.claims],
        }
