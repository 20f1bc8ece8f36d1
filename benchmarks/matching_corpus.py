"""Synthetic news coverage for the matching benchmark.

Many stories, each covered by several outlets. A story has a place, an actor, speakers,
a counted thing (troops, workers, doses, homes ...) and a handful of facts; every
article retells some of its story's facts in its own words (synonyms, hedges, number
formats, word order, now and then a different number) and adds filler sentences. So
the corpus holds true paraphrases across articles, conflicting numbers, and look-alikes
that share numbers or verbs with other stories. Invented names and places give a
realistic spread of rare words. Everything is seeded and reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

SEED = 20200110
_SYLLABLES = (
    "ka ren dor mi lo vas tel bar in os ul ek zan por sim ta gre hol nik ast "
    "mar vel sun dra kel bo ri fen gar lin tam osk ber cal dun es hab jor"
).split()
_CURATED_PLACES = (
    "Iraq",
    "Syria",
    "Iran",
    "Afghanistan",
    "Ukraine",
    "Russia",
    "China",
    "France",
    "Germany",
    "Britain",
    "Kuwait",
    "Jordan",
    "Lebanon",
    "Qatar",
    "Yemen",
    "Israel",
)
_TITLES = ("Minister", "Gen.", "Governor", "Mayor", "Senator", "President", "spokeswoman", "Chief")
_OUTLETS = [
    f"{a} {b}"
    for a in ("Daily", "Evening", "Morning", "Northern", "Capital", "Harbor", "Valley")
    for b in ("Courier", "Ledger", "Post", "Wire", "Gazette", "Dispatch", "Herald")
]
_HEDGES = ("about ", "roughly ", "some ", "nearly ", "around ", "", "", "more than ")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Topic:
    name: str
    unit: str  # extractor lemma
    nouns: tuple[str, ...]  # surface synonyms (plural)
    verbs: tuple[tuple[str, str], ...]  # (base, -ing)
    stay: str  # "are stationed", "work"


TOPICS = (
    Topic(
        "troop deployment",
        "troop",
        ("troops", "soldiers", "service members", "forces"),
        (("send", "sending"), ("deploy", "deploying"), ("dispatch", "dispatching")),
        "are stationed",
    ),
    Topic(
        "factory expansion",
        "worker",
        ("workers", "employees", "staff"),
        (("hire", "hiring"), ("recruit", "recruiting"), ("add", "adding")),
        "work",
    ),
    Topic(
        "flood evacuation",
        "person",
        ("people", "residents", "civilians"),
        (("evacuate", "evacuating"), ("relocate", "relocating"), ("move", "moving")),
        "live",
    ),
    Topic(
        "refugee program",
        "refugee",
        ("refugees", "asylum seekers"),
        (("admit", "admitting"), ("resettle", "resettling"), ("take in", "taking in")),
        "are housed",
    ),
    Topic(
        "vaccination drive",
        "dose",
        ("doses", "vaccine doses", "shots"),
        (("deliver", "delivering"), ("ship", "shipping"), ("distribute", "distributing")),
        "are stored",
    ),
    Topic(
        "school building plan",
        "school",
        ("schools", "classrooms"),
        (("build", "building"), ("open", "opening"), ("construct", "constructing")),
        "operate",
    ),
    Topic(
        "housing plan",
        "home",
        ("homes", "houses", "apartments"),
        (("build", "building"), ("complete", "completing"), ("fund", "funding")),
        "stand",
    ),
    Topic(
        "drone purchase",
        "drone",
        ("drones", "unmanned aircraft"),
        (("buy", "buying"), ("order", "ordering"), ("acquire", "acquiring")),
        "are based",
    ),
    Topic(
        "volunteer effort",
        "volunteer",
        ("volunteers",),
        (("recruit", "recruiting"), ("send", "sending"), ("mobilise", "mobilising")),
        "serve",
    ),
    Topic(
        "wildfire response",
        "firefighter",
        ("firefighters", "fire crews"),
        (("send", "sending"), ("deploy", "deploying"), ("bring", "bringing")),
        "are working",
    ),
)


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


@dataclass
class Story:
    id: int
    topic: Topic
    place: str
    actor: str
    speakers: list[tuple[str, str]]  # (name, title)
    base: int
    increment: int
    plan: int
    money: int
    percent: int
    day: str
    date: datetime
    assembly: str
    partner: str


@dataclass
class SynthClaim:
    text: str
    speaker: str | None
    quantities: list[tuple]  # (text, value, low, high, approx, change, unit)


@dataclass
class SynthArticle:
    story: int
    outlet: str
    title: str
    published: datetime
    claims: list[SynthClaim] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(c.text for c in self.claims)


class Corpus:
    """Stories and a reproducible stream of articles about them."""

    def __init__(self, stories: int, seed: int = SEED) -> None:
        rng = random.Random(seed)
        firsts = [_word(rng, 2) for _ in range(400)]
        lasts = [_word(rng, rng.choice((2, 3))) for _ in range(6000)]
        places = [_word(rng, rng.choice((2, 3))) for _ in range(8000)] + list(_CURATED_PLACES) * 40
        orgs = [
            f"{_word(rng, 2)} {rng.choice(('Motors', 'Group', 'Agency', 'Council', 'Ministry', 'Bank'))}"
            for _ in range(3000)
        ] + ["the Pentagon", "the State Department", "the United Nations"] * 30
        start = datetime(2019, 1, 1, tzinfo=UTC)
        self.stories = []
        for i in range(stories):
            place = rng.choice(places)
            self.stories.append(
                Story(
                    i,
                    rng.choice(TOPICS),
                    place,
                    rng.choice(orgs),
                    [(f"{rng.choice(firsts)} {rng.choice(lasts)}", rng.choice(_TITLES)) for _ in range(3)],
                    rng.choice((120, 250, 400, 750, 900, 1200, 1500, 2500, 3000, 4500, 5200, 6000, 8000, 12000)),
                    rng.choice((50, 100, 200, 300, 500, 1000, 2000, 3000)),
                    rng.choice((100, 400, 700, 1500, 2500)),
                    rng.choice((5, 12, 20, 45, 80, 150, 300, 850)) * 1_000_000,
                    rng.randint(20, 80),
                    rng.choice(_DAYS),
                    start + timedelta(days=rng.randint(0, 900)),
                    rng.choice(("parliament", "city council", "assembly", "senate", "board")),
                    f"{rng.choice(firsts)} {rng.choice(lasts)}",
                )
            )

    def articles(
        self,
        count: int,
        seed: int = SEED + 1,
        claims_per_article: int = 20,
        per_story: int = 10,
        among: int | None = None,
    ):
        """``count`` articles. By default stories are covered one after another, each by
        ``per_story`` outlets (a prefix of the stream is a smaller, complete corpus);
        with ``among``, each article covers a random one of the first ``among`` stories."""
        rng = random.Random(seed)
        for i in range(count):
            if among:
                story = self.stories[rng.randrange(min(among, len(self.stories)))]
            else:
                story = self.stories[(i // per_story) % len(self.stories)]
            yield self.article(story, rng, claims_per_article)

    def article(self, story: Story, rng: random.Random, size: int) -> SynthArticle:
        topic = story.topic
        headline = rng.choice(
            (
                f"{story.place} faces questions over {topic.name}",
                f"{story.actor} and the {topic.name} in {story.place}",
                f"What the {topic.name} means for {story.place}",
            )
        )
        art = SynthArticle(story.id, rng.choice(_OUTLETS), headline, story.date + timedelta(hours=rng.randint(0, 96)))
        facts = [_count, _increment, _plan, _denial, _money, _vote, _meeting, _poll]
        rng.shuffle(facts)
        while len(art.claims) < size:
            make = facts[len(art.claims) % len(facts)] if rng.random() < 0.7 else _filler
            art.claims.append(make(story, rng))
        return art


def _speaker(story: Story, rng: random.Random) -> tuple[str, str]:
    name, title = rng.choice(story.speakers)
    shown = rng.choice((name, f"{title} {name}", name.split()[-1] if rng.random() < 0.3 else name))
    return name, shown


def _number(value: int, rng: random.Random) -> str:
    if rng.random() < 0.1 and value < 10000:
        return str(value)
    return f"{value:,}"


def _maybe_conflict(value: int, rng: random.Random) -> int:
    if rng.random() < 0.2:
        return max(10, int(round(value * rng.uniform(0.75, 1.25), -1)))
    return value


def _quantity(text: str, value: int, unit: str, change: str | None = None) -> tuple:
    approx = any(h.strip() and h.strip() in text.lower() for h in _HEDGES) or "or so" in text
    return (text, float(value), float(value), float(value), approx, change, unit)


def _count(s: Story, rng: random.Random) -> SynthClaim:
    value, noun = _maybe_conflict(s.base, rng), rng.choice(s.topic.nouns)
    hedge = rng.choice(_HEDGES)
    num = f"{hedge}{_number(value, rng)}" if rng.random() < 0.85 else f"{_number(value, rng)} or so"
    text = rng.choice(
        (
            f"{num.capitalize()} {noun} {s.topic.stay} in {s.place}, officials said.",
            f"There are {num} {noun} in {s.place} today, according to {s.actor}.",
            f"{s.place} now counts {num} {noun}, a figure {s.actor} confirmed.",
        )
    )
    return SynthClaim(text, None, [_quantity(num, value, s.topic.unit)])


def _increment(s: Story, rng: random.Random) -> SynthClaim:
    base, ing = rng.choice(s.topic.verbs)
    noun, value = rng.choice(s.topic.nouns), _maybe_conflict(s.increment, rng)
    name, shown = _speaker(s, rng)
    num = _number(value, rng)
    text, qty = rng.choice(
        (
            (f"{s.actor} is {ing} {num} more {noun} to {s.place}, {shown} said.", f"{num} more"),
            (
                f"{shown} said {s.actor} would {base} about {num} additional {noun} to {s.place}.",
                f"about {num} additional",
            ),
            (
                f"Another {num} {noun} will arrive in {s.place} this week as {s.actor} steps up the {s.topic.name}.",
                f"Another {num}",
            ),
        )
    )
    return SynthClaim(text, name, [_quantity(qty, value, s.topic.unit, "increase")])


def _plan(s: Story, rng: random.Random) -> SynthClaim:
    noun, value = rng.choice(s.topic.nouns), s.plan
    num = _number(value, rng)
    text, qty = rng.choice(
        (
            (f"About {num} {noun} could remain in {s.place} under one plan.", f"About {num}"),
            (f"Officials said {s.actor} may keep roughly {num} {noun} in {s.place}.", f"roughly {num}"),
        )
    )
    return SynthClaim(text, None, [_quantity(qty, value, s.topic.unit)])


def _denial(s: Story, rng: random.Random) -> SynthClaim:
    name, shown = _speaker(s, rng)
    text = rng.choice(
        (
            f"{shown} said {s.actor} had no plans to end the {s.topic.name} in {s.place}.",
            f"{shown} denied that {s.actor} was abandoning the {s.topic.name} in {s.place}.",
            f"There is no decision to stop the {s.topic.name}, {shown} told reporters in {s.place}.",
        )
    )
    return SynthClaim(text, name, [])


def _money(s: Story, rng: random.Random) -> SynthClaim:
    name, shown = _speaker(s, rng)
    millions = s.money // 1_000_000
    text = rng.choice(
        (
            f"The {s.topic.name} will cost ${millions} million over three years, {shown} said.",
            f"{shown} put the cost of the {s.topic.name} in {s.place} at about ${millions} million.",
        )
    )
    return SynthClaim(text, name, [_quantity(f"${millions} million", s.money, "dollar")])


def _vote(s: Story, rng: random.Random) -> SynthClaim:
    text = rng.choice(
        (
            f"The {s.place} {s.assembly} voted on {s.day} to review the {s.topic.name}.",
            f"Lawmakers on the {s.place} {s.assembly} passed a motion on {s.day} calling for a review "
            f"of the {s.topic.name}.",
            f"On {s.day} the {s.assembly} in {s.place} backed a review of the {s.topic.name}.",
        )
    )
    return SynthClaim(text, None, [])


def _meeting(s: Story, rng: random.Random) -> SynthClaim:
    name, shown = _speaker(s, rng)
    text = rng.choice(
        (
            f"{shown} met {s.partner} in {s.place} on {s.day} to discuss the {s.topic.name}.",
            f"{s.partner} and {shown} held talks on the {s.topic.name} in {s.place} on {s.day}.",
        )
    )
    return SynthClaim(text, name, [])


def _poll(s: Story, rng: random.Random) -> SynthClaim:
    value = _maybe_conflict(s.percent, rng)
    text = rng.choice(
        (
            f"A poll found {value} percent of residents in {s.place} support the {s.topic.name}.",
            f"Support for the {s.topic.name} stands at {value} percent in {s.place}, a survey showed.",
        )
    )
    return SynthClaim(text, None, [_quantity(f"{value} percent", value, "percent")])


def _filler(s: Story, rng: random.Random) -> SynthClaim:
    name, shown = _speaker(s, rng)
    text = rng.choice(
        (
            f"{shown} told reporters the situation in {s.place} remained difficult.",
            f"Critics of {s.actor} said the {s.topic.name} had been badly planned.",
            f"Residents of {s.place} said they had heard little about the {s.topic.name}.",
            f"{shown} said {s.actor} would publish more details next month.",
        )
    )
    return SynthClaim(text, name, [])
