import pytest

from claimtrack.extraction.claimants import best_claimant_match, name_key, same_claimant


@pytest.mark.parametrize(
    "name, key",
    [
        ("Gen. Mark Milley", "mark milley"),
        ("Prime Minister Adel Abdul-Mahdi", "adel abdul mahdi"),
        ("Mr. Smith", "smith"),
        ("Secretary of State Mike Pompeo", "mike pompeo"),
        ("U.S.", "united states"),
        ("the Pentagon", "pentagon"),
        ("José Álvarez", "jose alvarez"),
        ("Adel Abdul-Mahdi's office", "adel abdul mahdi office"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    "a, b",
    [
        ("Abdul Mahdi", "Adel Abdul-Mahdi"),
        ("Gen. Mark Milley", "Mark Milley"),
        ("Milley", "Gen. Mark Milley"),
        ("Mark A. Milley", "Mark Milley"),
        ("J. Smith", "John Smith"),
        ("Mike Pompeo", "Michael Pompeo"),
        ("Qassem Soleimani", "Qasem Soleimani"),
        ("Adil Abdul Mahdi", "Adel Abdul-Mahdi"),
        ("U.S.", "United States"),
        ("Abdul-Mahdi", "AbdulMahdi"),
    ],
)
def test_same_claimant_merges(a, b):
    assert same_claimant(a, b)
    assert same_claimant(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Mark Milley", "Mark Esper"),
        ("Mike Pompeo", "Mike Pence"),
        ("John Smith", "Jane Smith"),
        ("Pentagon", "Pentagon chiefs"),
        ("Mark Milley", ""),
        ("Donald Trump", "Donald Tusk"),
    ],
)
def test_different_people_do_not_merge(a, b):
    assert not same_claimant(a, b)


def test_best_claimant_match():
    people = [(1, ["Mark Milley", "Gen. Mark Milley"]), (2, ["Mark Esper"]), (3, ["John Smith"])]
    assert best_claimant_match("Milley", people) == 1
    assert best_claimant_match("Gen. Mark Milley", people) == 1
    assert best_claimant_match("Esper", people) == 2
    assert best_claimant_match("Mike Pence", people) is None
    assert best_claimant_match("", people) is None


def test_best_claimant_match_prefers_exact_and_refuses_ambiguity():
    smiths = [(1, ["John Smith"]), (2, ["Jane Smith"])]
    assert best_claimant_match("Smith", smiths) is None
    assert best_claimant_match("Jane Smith", smiths) == 2
    aliased = [(7, ["Adel Abdul-Mahdi", "Abdul Mahdi"]), (8, ["Mike Pompeo"])]
    assert best_claimant_match("Abdul-Mahdi", aliased) == 7
