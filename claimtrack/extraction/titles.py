"""Titles, roles and organisation words: separating "Prime Minister" from "Adel Abdul-Mahdi"."""

from __future__ import annotations

# Abbreviated or spelled-out honorifics that precede a personal name.
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady rev gen lt col maj capt sgt adm sen rep
    gov pres hon sheikh sheik ayatollah imam rabbi brig cmdr cpl pvt amb gens messrs
    pastor father sister brother mullah""".split()
)
# Role nouns and the words that build titles ("Secretary of State", "Defense Secretary").
ROLE_WORDS = frozenset(
    """president vice prime minister secretary general lieutenant colonel major captain
    sergeant admiral commander chief chairman chairwoman chair director spokesman
    spokeswoman spokesperson ambassador senator representative congressman
    congresswoman governor mayor king queen prince princess emperor pope cardinal bishop
    archbishop chancellor premier deputy acting former foreign defense defence interior
    state attorney leader speaker envoy official head executive ceo cfo coo founder
    cofounder co-founder professor doctor judge justice sheriff commissioner
    superintendent inspector officer aide adviser advisor counsel treasurer economist
    analyst councillor councilman councilwoman lawmaker legislator supreme majority
    minority secretary-general undersecretary under-secretary ministers mp mep
    spokesmen correspondent editor reporter anchor host coach manager president-elect
    sen. rep. gov. gen. lt. col. maj. capt. sgt. adm. dr. mr. mrs. ms. prof. rev.
    brig. cmdr. amb. crown grand high lady first assistant associate special senior
    junior top national security homeland health finance treasury trade energy
    education transportation labor agriculture commerce veterans housing justice
    intelligence army navy naval air force marine marines corps joint chiefs staff
    of the for and u.s. us american""".split()
)
# Head nouns that make a phrase an organisation rather than a person.
ORG_WORDS = frozenset(
    """ministry department pentagon agency council office commission committee company
    inc corp corporation ltd llc plc university institute bank court parliament
    congress senate government administration army navy police party organization
    organisation association union federation foundation center centre bureau service
    coalition alliance group network board authority authorities command forces embassy
    consulate cabinet kremlin nato un nations house hospital school college campaign
    fund team club league network times post journal news press agency reuters
    tribunal assembly legislature regime military motors airlines airways holdings
    industries technologies systems pharmaceuticals partners capital media bank inc.
    corp. co. ltd. group ministry department office international society trust caucus
    initiative project academy church watch institution laboratory firm studios newspaper
    magazine broadcaster outlet tabloid register tribune herald gazette chronicle inquirer
    sentinel bulletin telegraph ledger pac faction""".split()
)
# Bodies usually named by one word that reads like a surname: big platforms and firms.
KNOWN_BODIES = frozenset(
    """amazon meta google alphabet apple microsoft facebook instagram twitter tiktok youtube
    netflix tesla openai nvidia uber airbnb spotify reddit wikipedia linkedin samsung
    toyota walmart boeing pfizer moderna exxon chevron disney intel ibm oracle""".split()
)
# Canonical names for countries and bodies usually written in short form.
ALIASES = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "america": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "uae": "united arab emirates",
    "ussr": "soviet union",
    "prc": "china",
}
# Display forms for the same short names, used when a country is a speaker.
DISPLAY_ALIASES = {
    "u.s.": "United States",
    "us": "United States",
    "u.s.a.": "United States",
    "usa": "United States",
    "america": "United States",
    "united states": "United States",
    "washington": "United States",
    "u.k.": "United Kingdom",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "u.n.": "United Nations",
    "un": "United Nations",
    "e.u.": "European Union",
    "eu": "European Union",
}


def norm_token(tok: str) -> str:
    return tok.strip(",;:()\"'“”‘’").lower()


def is_role_token(tok: str) -> bool:
    low = norm_token(tok)
    return low in ROLE_WORDS or low.rstrip(".") in HONORIFICS


# Words that may sit inside a title but never end one ("Secretary of State").
CONNECTORS = frozenset("of the for and u.s. us american".split())


def split_title(phrase: str) -> tuple[str | None, str]:
    """("Prime Minister Adel Abdul-Mahdi") -> ("Prime Minister", "Adel Abdul-Mahdi").

    The title is everything up to the last role word when what follows looks like a
    personal name: capitalised words that are neither roles nor organisation words.
    """
    tokens = phrase.split()
    last = -1
    for i, tok in enumerate(tokens):
        if is_role_token(tok) and tok[:1].isalpha() and norm_token(tok) not in CONNECTORS:
            last = i
    if last < 0:
        return None, phrase
    tail = tokens[last + 1 :]
    if not tail or len(tail) > 5:
        return None, phrase
    for tok in tail:
        low = norm_token(tok)
        if not tok[:1].isupper() or low in ROLE_WORDS or low in ORG_WORDS:
            return None, phrase
    title = " ".join(tokens[: last + 1]).strip(" ,")
    return (title or None), " ".join(tail)
