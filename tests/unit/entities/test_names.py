"""Name parts and the similarity tests behind merges: invented names, generic rules."""

from __future__ import annotations

import pytest

from onrecord.entities.names import (
    PersonName,
    parse_person,
    part_match,
    persons_compatible,
    strip_titles,
    translit_key,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zhuravsky", "Zhuravskyy"),  # romanised endings fold to one key
        ("Zhuravsky", "Zhuravskiy"),
        ("Sergei", "Sergey"),
        ("Yuri", "Yury"),
        ("Kuznetsow", "Kuznetsov"),  # w/v romanisation
        ("Aleksandr", "Alexander"),  # ks/x and a dropped vowel
        ("Svetlana", "Svetalna"),  # swapped letters
        ("Vasilenko", "Vasilenkko"),  # doubled letter
        ("Müller", "Muller"),  # accents
        ("Hrytsenko", "Hrytsenko"),
    ],
)
def test_parts_that_are_one_name(a: str, b: str) -> None:
    assert part_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Daniel", "Daniela"),  # a different ending is another (often gendered) name
        ("Ivanov", "Ivanova"),
        ("Michael", "Michelle"),
        ("Jon", "John"),  # short: one letter is another name, not a typo
        ("Bush", "Busch"),
        ("Dan", "Don"),
        ("Kyle", "Kurt"),
        ("Marta", "Marco"),
        ("Kovalenko", "Hovalenko"),  # a different first letter is another name
    ],
)
def test_parts_that_are_different_names(a: str, b: str) -> None:
    assert not part_match(a, b)


def test_skeleton_matches_place_spellings_only_when_asked() -> None:
    assert part_match("Lviv", "Lvov", skeleton=True)
    assert not part_match("Lviv", "Lvov")
    assert not part_match("Dan", "Don", skeleton=True)  # too short even for places


def test_translit_key_folds_variants() -> None:
    assert translit_key("Zhuravskyy") == translit_key("Zhuravskiy") == "zhuravski"
    assert translit_key("al-Rashid") == translit_key("Rashid")


@pytest.mark.parametrize(
    ("raw", "name", "role"),
    [
        ("President Carla Mendes", "Carla Mendes", "President"),
        ("Mr. Okafor", "Okafor", None),  # a courtesy is not a role
        ("Secretary of State Lena Holt", "Lena Holt", "Secretary of State"),
        ("Former Prime Minister Ivo Kranjc", "Ivo Kranjc", "Former Prime Minister"),
        ("First Lady", "First Lady", None),  # nothing but a title: it is the name
        ("Prince", "Prince", None),
        ("the Harbour Board", "Harbour Board", None),
    ],
)
def test_strip_titles(raw: str, name: str, role: str | None) -> None:
    type_ = "organization" if "Board" in raw else "person"
    assert strip_titles(raw, type_) == (name, role)


def test_titles_stay_in_organisation_names() -> None:
    assert strip_titles("General Motors", "organization") == ("General Motors", None)


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("Carla Mendes", PersonName("Carla", (), "Mendes", None)),
        ("Okafor", PersonName(None, (), "Okafor", None)),
        ("Ines van der Berg", PersonName("Ines", (), "Berg", None)),
        ("van der Berg", PersonName(None, (), "Berg", None)),
        ("Peter J. Holm Jr.", PersonName("Peter", ("J.",), "Holm", "jr")),
    ],
)
def test_parse_person(raw: str, parsed: PersonName) -> None:
    assert parse_person(raw) == parsed


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Peter J. Holm", "Peter Holm", True),  # a missing middle name is no conflict
        ("P. Holm", "Peter Holm", True),  # an initial agrees with its name
        ("Peter A. Holm", "Peter B. Holm", False),
        ("Peter Holm", "Peter Holm Jr.", False),
        ("Holm", "Peter Holm", True),
        ("Holmm", "Peter Holm", True),  # doubled letters fold, so this is not fuzziness
        ("Holme", "Peter Holm", False),  # a bare surname gets no spelling slack
        ("Petra Holm", "Peter Holm", False),
    ],
)
def test_persons_compatible(a: str, b: str, same: bool) -> None:
    assert persons_compatible(parse_person(a), parse_person(b)) is same
