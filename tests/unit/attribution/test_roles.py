"""Roles keep the role and drop the sentence's words caught with it."""

from __future__ import annotations

import pytest

from onrecord.attribution.roles import clean_role


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        # a role before a name starts after a clause break
        ("Lucie counties and former President", "former President"),
        ("disclosure that Clinton lawyer", "Clinton lawyer"),
        ("Monday that fellow candidate", "fellow candidate"),
        # ... but "and" also joins a role's modifiers, and one role may be two
        ("Popular Christian and corporate speaker", "Popular Christian and corporate speaker"),
        ("economist and tax expert", "economist and tax expert"),
        # a role beside a name ends where a relative clause starts
        ("mother of Sean Smith, who died in the attack", "mother of Sean Smith"),
        ("spokesman for the union, which represents 300,000 workers", "spokesman for the union"),
        # a title of address after an office is not part of it; a title of two words is one
        ("panel Chairman Rep.", "panel Chairman"),
        ("presidential candidate Sen.", "presidential candidate"),
        ("Lt. Gov.", "Lt. Gov."),
        ("Army Lt. Gen.", "Army Lt. Gen."),
        ("spokesman for Sen.", "spokesman for Sen."),
        # roles that need no role word of the lexicon
        ("historian", "historian"),
        (
            "member of the Machinists union in Washington State",
            "member of the Machinists union in Washington State",
        ),
        ("Secretary of State", "Secretary of State"),
        ("Dr.", "Dr."),
        ("New York Times\u00a0columnist", "New York Times columnist"),
    ],
)
def test_the_role_is_kept(raw: str, role: str) -> None:
    assert clean_role(raw) == role


@pytest.mark.parametrize(
    "raw",
    [
        # a qualifier whose noun is not there
        "former",
        "Former",
        "State",
        "tweets shaming former",
        "Islamic State",
        # words that stand before a name without describing anyone
        "Everything",
        "Both",
        "One",
        "",
    ],
)
def test_no_role_is_left(raw: str) -> None:
    assert clean_role(raw) is None
