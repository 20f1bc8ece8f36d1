"""Small builders for matching tests: claims, quantities and story contexts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from claimtrack.matching.model import ClaimRecord, QuantityRecord
from claimtrack.matching.normalise import story_terms

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "fixtures" / "articles" / "iraq-withdrawal-nbc.txt"
PUBLISHED = datetime(2020, 1, 10)
HEDGES = (
    "about",
    "roughly",
    "some",
    "around",
    "or so",
    "nearly",
    "almost",
    "more than",
    "at least",
    "up to",
    "as many as",
    "a little",
    "thousands",
    "approximately",
)


def qty(
    text: str,
    value: float,
    *,
    approx: bool | None = None,
    change: str | None = None,
    unit: str | None = "troop",
    low: float | None = None,
    high: float | None = None,
) -> QuantityRecord:
    """A quantity as the extractor would deliver it; bounds default to the value and
    ``approx`` to whether the text carries a hedge word."""
    hedged = approx if approx is not None else any(h in text.lower() for h in HEDGES)
    return QuantityRecord(
        text,
        float(value),
        float(value if low is None else low),
        float(value if high is None else high),
        hedged,
        change,
        unit,
    )


_next_id = iter(range(1, 1_000_000))


def claim(
    text: str,
    *quantities: QuantityRecord,
    article: int | None = None,
    speaker: str | None = None,
    context: frozenset[str] = frozenset(),
    published: datetime | None = PUBLISHED,
    claim_id: int | None = None,
) -> ClaimRecord:
    """A claim in its own article unless ``article`` is given."""
    cid = claim_id if claim_id is not None else next(_next_id)
    return ClaimRecord(
        cid, article if article is not None else cid, text, speaker, tuple(quantities), published, context
    )


def _split_article(raw: str) -> tuple[str, str]:
    title, _, body = raw.partition("\n")
    return title, body


IRAQ_NBC = story_terms(*_split_article(EXAMPLE.read_text(encoding="utf-8")))

IRAQ_WIRE = story_terms(
    "Iraq's prime minister asks Pompeo to send team to plan U.S. troop withdrawal",
    """BAGHDAD - Iraq's caretaker prime minister, Adel Abdul-Mahdi, asked Secretary of State
Mike Pompeo on Thursday to send a delegation to prepare a mechanism for withdrawing U.S.
troops from Iraq, his office said. The Iraqi parliament voted on Sunday to expel foreign
troops after the U.S. killing of Iranian general Qassem Soleimani in Baghdad.
Some 5,200 American troops are based in Iraq, where they train Iraqi forces fighting
Islamic State. The Pentagon has said it has no plans to pull out of Iraq. Gen. Mark
Milley, chairman of the Joint Chiefs of Staff, said a letter about repositioning troops
was an unsigned draft. Milley said the U.S. was not pulling out of Iraq.""",
)

CARMAKER = story_terms(
    "Norland Motors to hire 3,000 workers at Ohio assembly plant",
    """The carmaker announced it will hire 3,000 more workers at its Ohio plant to build
electric pickup trucks. Production of the electric trucks will start next year at the
assembly plant, the carmaker said. The new workers will join the 6,000 or so employees
already at the Ohio plant. Norland Motors said the plant expansion would cost
$850 million and make the plant the largest electric truck factory in Ohio.""",
)

FESTIVAL = story_terms(
    "Port Alder festival doubles its volunteer crew",
    """The city of Port Alder announced it was sending 3,000 more volunteers to staff the
harbour festival, doubling the city's volunteer contingent to 6,000 or so. The mayor
said the festival volunteers would staff ferry landings and first-aid tents. Festival
organisers said volunteers must be at least 16 years old.""",
)
