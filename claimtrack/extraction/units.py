"""Units of measure and currencies: symbols, abbreviations glued to a figure, and kinds.

A figure's unit is either written as a symbol or abbreviation ("12TB", "1.8°C",
"120 km/h", "Rs 42,900") or is the counted noun after it ("1,200 electric buses");
this module holds the first kind and the grouping of unit lemmas into kinds of
quantity (money, measure), which tells the matcher what sort of number it holds.
"""

from __future__ import annotations

import re

# Currency written before the figure: symbol or code -> lemma. Codes need a space or
# nothing between them and the figure ("Rs 42,900", "USD500").
CURRENCY_SYMBOLS = {
    "$": "dollar",
    "us$": "dollar",
    "a$": "dollar",
    "au$": "dollar",
    "c$": "dollar",
    "ca$": "dollar",
    "nz$": "dollar",
    "hk$": "dollar",
    "s$": "dollar",
    "j$": "dollar",
    "ec$": "dollar",
    "tt$": "dollar",
    "bds$": "dollar",
    "r$": "real",
    "£": "pound",
    "€": "euro",
    "¥": "yen",
    "₹": "rupee",
    "₦": "naira",
    "₱": "peso",
    "rs": "rupee",
    "rs.": "rupee",
    "inr": "rupee",
    "usd": "dollar",
    "eur": "euro",
    "gbp": "pound",
    "cad": "dollar",
    "aud": "dollar",
    "jpy": "yen",
    "cny": "yuan",
    "rmb": "yuan",
}
CURRENCY_RE = (
    r"(?P<cur>(?:US|AU|CA|NZ|HK|EC|TT|Bds|A|C|S|J|R)\$|(?:US|AU|CA|NZ|HK)\s\$|\$|£|€|¥|₹|₦|₱|"
    r"(?:Rs\.?|INR|USD|EUR|GBP|CAD|AUD|JPY|CNY|RMB)\s?(?=[0-9]))"
)

# Abbreviations that follow a figure, glued or after one space -> unit lemma.
# Case matters: "Gb" is gigabits, "GB" gigabytes, "mb" and "m" are ambiguous and
# only read glued to the figure.
GLUED_UNITS = {
    "TB": "terabyte",
    "GB": "gigabyte",
    "MB": "megabyte",
    "KB": "kilobyte",
    "kB": "kilobyte",
    "Tb": "terabit",
    "Gb": "gigabit",
    "Mb": "megabit",
    "Gbps": "gigabit per second",
    "Mbps": "megabit per second",
    "GHz": "gigahertz",
    "MHz": "megahertz",
    "Hz": "hertz",
    "GW": "gigawatt",
    "MW": "megawatt",
    "kW": "kilowatt",
    "GWh": "gigawatt-hour",
    "MWh": "megawatt-hour",
    "kWh": "kilowatt-hour",
    "TWh": "terawatt-hour",
    "km/h": "kilometre per hour",
    "kph": "kilometre per hour",
    "mph": "mile per hour",
    "km": "kilometre",
    "cm": "centimetre",
    "mm": "millimetre",
    "kg": "kilogram",
    "mg": "milligram",
    "ml": "millilitre",
    "mL": "millilitre",
    "lbs": "pound",
    "lb": "pound",
    "ft": "foot",
    "sq ft": "square foot",
    "sq km": "square kilometre",
    "°C": "celsius",
    "°F": "fahrenheit",
    "ºC": "celsius",
    "ºF": "fahrenheit",
    "°": "degree",
    "m": "metre",
    "in": "inch",
    "mi": "mile",
}
# Read only when glued to the figure ("6in", "100m"): with a space they are words.
GLUED_ONLY = frozenset({"m", "in", "mi", "ft", "lb", "°"})
_GLUED_ALT = "|".join(sorted((re.escape(k) for k in GLUED_UNITS), key=len, reverse=True))
GLUED_RE = re.compile(r"(?P<sp>\s?)(?P<u>" + _GLUED_ALT + r")(?![A-Za-z0-9])")
# "a 4.7 in (diagonal) display": "in" after a space is inches when no word follows it.
SPACED_INCH_RE = re.compile(r"\sin(?=\s?[(\[,;/])")

# Unit words after a figure, normalised ("metres" -> "metre", "degrees Celsius").
UNIT_WORDS = {
    "meter": "metre",
    "meters": "metre",
    "metre": "metre",
    "metres": "metre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "kilometre": "kilometre",
    "kilometres": "kilometre",
    "kms": "kilometre",
    "centimetres": "centimetre",
    "centimeters": "centimetre",
    "millimetres": "millimetre",
    "millimeters": "millimetre",
    "litres": "litre",
    "liters": "litre",
    "litre": "litre",
    "liter": "litre",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
}

MONEY = frozenset(
    "dollar pound euro yen rupee peso yuan real naira rand franc krona shekel won ringgit "
    "baht dirham riyal lira ruble rouble dinar cedi shilling".split()
)
MEASURES = frozenset(
    """metre kilometre centimetre millimetre mile foot inch yard acre hectare kilogram gram
    milligram ton tonne litre millilitre gallon barrel celsius fahrenheit degree
    terabyte gigabyte megabyte kilobyte byte terabit gigabit megabit bit hertz gigahertz
    megahertz watt kilowatt megawatt gigawatt kilowatt-hour megawatt-hour gigawatt-hour
    terawatt-hour calorie second minute hour day week month year decade century ounce pint quart
    teaspoon tablespoon""".split()
)


def unit_kind(unit: str | None) -> str:
    """The kind of a plain quantity from its unit: percent, money, measure or count."""
    if unit in ("percent", "percentage point"):
        return "percent"
    if unit in MONEY:
        return "money"
    if unit is not None and (unit in MEASURES or " per " in unit or unit.startswith("square ")):
        return "measure"
    return "count"
