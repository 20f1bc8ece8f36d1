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


def test_surname_joins_a_full_name_only_when_one_person_has_it():
    donald = (1, ["Donald Trump", "Trump"])
    ivanka = (2, ["Ivanka Trump"])
    assert best_claimant_match("Mr. Trump", [donald]) == 1
    assert best_claimant_match("Trump", [donald, ivanka]) is None
    assert best_claimant_match("Trump", [donald, ivanka, (3, ["Trump"])]) == 3
    assert best_claimant_match("Ivanka Trump", [donald]) is None
    assert best_claimant_match("Eric Trump", [donald, ivanka]) is None
    assert best_claimant_match("Donald Trump Jr.", [donald]) is None
    assert best_claimant_match("Donald J. Trump", [donald, ivanka]) == 1
    # A full name never takes over a record known only by the surname.
    assert best_claimant_match("Donald Trump", [(3, ["Trump"])]) is None


def test_organisation_spelling_variants():
    from claimtrack.extraction.claimants import same_organisation

    assert same_organisation("Adel Abdul Mahdi's office", "Adil Abdul Mahdi's office")
    assert not same_organisation("Adel Abdul Mahdi's office", "Adel Abdul Mahdi's party")
    assert not same_organisation("Austrian embassy", "Australian embassy")


@pytest.mark.parametrize(
    "name, kind",
    [
        ("a campaign spokesman", "group"),
        ("officials", "group"),
        ("sources familiar with the talks", "group"),
        ("the leaked letter", "document"),
        ("the affidavit", "document"),
        ("city data", "document"),
        ("the Justice Department", "organization"),
        ("Dana Webb", "person"),
        ("Des Moines Register", "organization"),
        ("The Harbor Tribune", "organization"),
        ("Amazon", "organization"),
        ("Meta Platforms", "organization"),
        ("Opposition MPs", "group"),
        ("Jamie Oliver", "person"),
    ],
)
def test_infer_kind(name, kind):
    from claimtrack.extraction.claimants import infer_kind

    assert infer_kind(name) == kind
