"""Curated word tables used by the normaliser.

Every table maps a lowercase surface form (words joined by single spaces, abbreviation
dots removed) to one canonical token. Extend a table by adding a line; nothing else in
the package needs to change. Canonical tokens of entities contain no spaces, so they
stay single tokens for rapidfuzz and for blocking keys.
"""

from __future__ import annotations

# Counted nouns → unit group. The extractor gives singular lemmas ("service member");
# plurals are listed because the same table normalises running text.
UNIT_GROUPS: dict[str, tuple[str, ...]] = {
    "troop": (
        "troop",
        "troops",
        "soldier",
        "soldiers",
        "service member",
        "service members",
        "servicemember",
        "servicemembers",
        "serviceman",
        "servicemen",
        "servicewoman",
        "servicewomen",
        "force",
        "forces",
        "paratrooper",
        "paratroopers",
        "marine",
        "marines",
        "sailor",
        "sailors",
        "airman",
        "airmen",
        "personnel",
        "military personnel",
        "boots on the ground",
        "reservist",
        "reservists",
    ),
    "worker": (
        "worker",
        "workers",
        "employee",
        "employees",
        "staff",
        "staffer",
        "staffers",
        "job",
        "jobs",
    ),
    "person": (
        "person",
        "persons",
        "people",
        "protester",
        "protesters",
        "protestor",
        "protestors",
        "demonstrator",
        "demonstrators",
        "civilian",
        "civilians",
        "resident",
        "residents",
        "individual",
        "individuals",
    ),
    "death": ("death", "deaths", "fatality", "fatalities", "dead"),
    "refugee": ("refugee", "refugees", "asylum seeker", "asylum seekers"),
    "percent": ("percent", "per cent", "pct", "%"),
    "percentage_point": ("percentage point", "percentage points"),
    "dollar": ("dollar", "dollars", "$", "usd"),
    "euro": ("euro", "euros", "€"),
    "pound": ("pound sterling", "£"),
    "vote": ("vote", "votes", "ballot", "ballots"),
    "drone": ("drone", "drones"),
    "volunteer": ("volunteer", "volunteers"),
}

# Units of time: "five days after the vote" and "seven days after the strike" measure
# from different events, so durations are never compared as counts.
TIME_UNITS: frozenset[str] = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)

# Named entities → canonical id. Nationality adjectives fold into the country because a
# claim about "American troops" and one about "U.S. troops" concern the same actor.
ENTITY_ALIASES: dict[str, tuple[str, ...]] = {
    "united_states": (
        "united states",
        "united states of america",
        "america",
        "american",
        "americans",
        "washington",
        "washington dc",
    ),
    "washington_post": ("washington post",),
    "washington_state": ("washington state",),
    "united_kingdom": ("united kingdom", "britain", "great britain", "british"),
    "iraq": ("iraq", "iraqi", "iraqis"),
    "iran": ("iran", "iranian", "iranians", "tehran"),
    "syria": ("syria", "syrian", "syrians", "damascus"),
    "afghanistan": ("afghanistan", "afghan", "afghans", "kabul"),
    "israel": ("israel", "israeli", "israelis"),
    "russia": ("russia", "russian", "russians", "moscow", "kremlin"),
    "china": ("china", "chinese", "beijing"),
    "ukraine": ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"),
    "france": ("france", "french"),
    "germany": ("germany", "german", "germans", "berlin"),
    "middle_east": ("middle east", "mideast"),
    "baghdad": ("baghdad",),
    "kuwait": ("kuwait", "kuwaiti", "kuwaitis"),
    "saudi_arabia": ("saudi arabia", "saudi", "saudis"),
    "jordan": ("jordan", "jordanian"),
    "lebanon": ("lebanon", "lebanese"),
    "qatar": ("qatar", "qatari"),
    "yemen": ("yemen", "yemeni"),
    "pentagon": (
        "pentagon",
        "defense department",
        "department of defense",
        "defence department",
        "department of defence",
    ),
    "state_department": ("state department", "department of state"),
    "white_house": ("white house",),
    "congress": ("congress", "congressional"),
    "joint_chiefs": ("joint chiefs of staff", "joint chiefs"),
    "nato": ("nato",),
    "united_nations": ("united nations",),
    "european_union": ("european union",),
    "islamic_state": (
        "islamic state",
        "islamic state group",
        "isis",
        "isil",
        "daesh",
    ),
}

# Places inside a larger region: "into Kuwait" and "to the Middle East" can describe
# the same deployment, "in Iraq" and "in Syria" cannot.
REGIONS: dict[str, tuple[str, ...]] = {
    "middle_east": (
        "iraq",
        "iran",
        "syria",
        "israel",
        "kuwait",
        "saudi_arabia",
        "jordan",
        "lebanon",
        "qatar",
        "yemen",
        "baghdad",
    ),
    "iraq": ("baghdad",),
}

# Aliases recognised only in capitals ("US" the country, never "us" the pronoun).
# Abbreviation dots are removed first, so "U.S." arrives here as "US".
CASED_ENTITY_ALIASES: dict[str, str] = {
    "US": "united_states",
    "USA": "united_states",
    "UK": "united_kingdom",
    "GB": "united_kingdom",
    "UN": "united_nations",
    "EU": "european_union",
    "DOD": "pentagon",
    "DoD": "pentagon",
    "NATO": "nato",
    "ISIS": "islamic_state",
    "ISIL": "islamic_state",
}

ENTITY_DISPLAY: dict[str, str] = {
    "united_states": "United States",
    "united_kingdom": "United Kingdom",
    "middle_east": "Middle East",
    "state_department": "State Department",
    "white_house": "White House",
    "joint_chiefs": "Joint Chiefs",
    "nato": "NATO",
    "united_nations": "United Nations",
    "european_union": "European Union",
    "islamic_state": "Islamic State",
    "washington_post": "Washington Post",
    "washington_state": "Washington State",
}

# Event words that reporters paraphrase freely; folding them lets "pulling out of Iraq"
# meet "leaving Iraq". Denials fold into "not" so that "denied X" meets "said not X".
CONCEPTS: dict[str, tuple[str, ...]] = {
    "withdraw": (
        "withdraw",
        "withdraws",
        "withdrawing",
        "withdrew",
        "withdrawn",
        "withdrawal",
        "leave",
        "leaves",
        "leaving",
        "pull out",
        "pulls out",
        "pulling out",
        "pulled out",
        "pullout",
        "exit",
        "exits",
        "exiting",
        "depart",
        "departure",
        "remove",
        "removing",
        "removal",
        "drawdown",
    ),
    "send": (
        "send",
        "sends",
        "sending",
        "sent",
        "deploy",
        "deploys",
        "deploying",
        "deployed",
        "deployment",
        "dispatch",
        "dispatched",
        "dispatching",
    ),
    "kill": (
        "kill",
        "kills",
        "killed",
        "killing",
        "assassinate",
        "assassinated",
        "assassination",
        "slain",
    ),
    "hire": ("hire", "hires", "hired", "hiring", "recruit", "recruits", "recruiting"),
    "not": (
        "not",
        "never",
        "no",
        "nobody",
        "nothing",
        "none",
        "deny",
        "denies",
        "denied",
        "denying",
        "rather than",
        "instead of",
    ),
}

# Words that never distinguish one claim from another: function words, reporting verbs
# and honorifics. Negation is deliberately absent (see CONCEPTS).
STOP_WORDS: frozenset[str] = frozenset(
    """
a about above after again against all almost also am among an and any are around as at
be been before being below between both but by can could did do does doing down during
each either few for from further had has have having he her here hers herself him himself
his how i if in into is it its itself just least less many may me might more most much
must my myself nor now of off on once only or other our ours ourselves out over own per
rather same several she should since so some such than that the their theirs them
themselves then there these they this those through thus to too under until up upon us
very was we were what when where whether which while who whom whose why will with within
without would yet you your yours yourself yourselves roughly approximately nearly
another additional extra fewer already still even ever lot lots via amid across
say says said saying tell tells told according added adding stated statement claim
claimed claims report reported reports reporting announce announces announced
announcing describe described describing
mr mrs ms dr gen sen rep lt col maj sgt adm capt gov pres prof st
""".split()
)

# Frequent in news text yet silent about the subject; kept out of story context.
GENERIC_NEWS_TERMS: frozenset[str] = frozenset(
    """
new news year week day month time today yesterday last first one two three also like
make made way part people thing monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
comment comments editor reporter correspondent digital share subscribe newsletter
advertisement copyright photo
""".split()
)

# Verbs after which a capitalised sentence opener is a name: "Milley said".
REPORTING_VERBS: frozenset[str] = frozenset(
    """
said says told tells added adds denied denies warned warns insisted insists argued
argues stressed noted wrote tweeted claimed claims announced announces asked asks
""".split()
)

# Capitalised words that are not names of anyone or anything in particular.
NOT_NAMES: frozenset[str] = frozenset(
    """
monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec secretary minister prime president chairman general commander
spokesman spokeswoman senator ambassador officials official gov
""".split()
)

TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "lt",
        "col",
        "maj",
        "sgt",
        "adm",
        "capt",
        "gov",
        "pres",
        "prof",
        "st",
    }
)
