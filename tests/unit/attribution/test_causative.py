"""A causative verb makes its object do what follows ("The defeat led the chairman to declare",
"leaving many residents to wonder"): the object speaks, not the subject, which is mostly an event.
sentence -> expected (cue, speaker mention); and an object that cannot speak."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_of_cue

CASES: list[tuple[str, str, str]] = [
    (
        "The decisive victory led the party chairman to declare him the presumptive nominee.",
        "declare",
        "the party chairman",
    ),
    (
        "The abrupt announcement led some members to speculate that the club had run out of money.",
        "speculate",
        "some members",
    ),
    (
        "The firm works closely with the border agency, leaving many residents to wonder whether the deal is legal.",
        "wonder",
        "many residents",
    ),
    (
        "The defeat will almost certainly force Senator Alma Reyes to acknowledge a hard reality.",
        "acknowledge",
        "Senator Alma Reyes",
    ),
    # through a verb conjoined to the infinitive
    ("That prompted Berger to make a joke about yoga and call the mayor very flexible.", "call", "Berger"),
    # a thing left in a state is no one who speaks
    (
        "The firm works with the agency, and you could leave it thinking that the deal is legal.",
        "thinking",
        "you",
    ),
]


@pytest.mark.parametrize(("text", "cue", "mention"), CASES)
def test_the_object_of_a_causative_speaks(text: str, cue: str, mention: str) -> None:
    assert mentions_of_cue(text, cue) == [mention]
