"""Amounts shown to people: scale words, never scientific notation."""

import pytest

from claimtrack.amounts import describe_amount, plain_number, plural
from claimtrack.extraction.quantities import find_quantities


def shown(text: str) -> str:
    (q,) = find_quantities(text)
    return describe_amount(q.value, q.low, q.high, q.unit)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The city spent about $50 million on it.", "47.5–52.5 million dollars"),
        ("The ministry bought 1,200 electric buses.", "1,200 buses"),
        ("Turnout reached 61 per cent in the north.", "61 percent"),
        ("Tens of billions of euros left the country.", "20–100 billion euros"),
        ("The car went 30 mph past the school.", "30 miles per hour"),
        ("Summers are 1.8°C warmer.", "1.8 °C"),
        ("Some 3 people were hurt.", "2.85–3.15 people"),
        ("A budget of $2.5 trillion was passed.", "2.5 trillion dollars"),
        ("The line cost 1.5 million euros.", "1.5 million euros"),
    ],
)
def test_read_then_shown(sentence, expected):
    assert shown(sentence) == expected


@pytest.mark.parametrize(
    "x, expected",
    [
        (4.75e7, "47,500,000"),
        (1e-7, "0.0000001"),
        (-1234.5, "-1,234.5"),
        (0.0, "0"),
        (1e21, "1,000,000,000,000,000,000,000"),
        (2.0 / 3.0, "0.666667"),
    ],
)
def test_plain_number_has_no_exponent(x, expected):
    assert plain_number(x) == expected


def test_single_units_and_plurals():
    assert describe_amount(1, 1, 1, "year") == "1 year"
    assert describe_amount(2, 2, 2, "city") == "2 cities"
    assert describe_amount(3, 3, 3, None) == "3"
    assert describe_amount(3e6, 3e6, 3e6, None) == "3 million"
    assert plural("service member") == "service members"
    assert plural("times") == "times"
