"""What a published item says ("released a video that accuses ...") is said by the one who put it
out: the speaker mention of the relative clause is the publisher, not "that". sentence -> expected
(cue, speaker mention); and relative clauses that keep their own mention."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_of_cue

CASES: list[tuple[str, str, str]] = [
    (
        "Senator Alma Reyes has released a video that accuses the governor of lying.",
        "accuses",
        "Senator Alma Reyes",
    ),
    (
        "The Daily Courier ran a piece that noted the mayor's plan would cost millions.",
        "noted",
        "The Daily Courier",
    ),
    # one of two objects of the verb of publishing
    (
        "A farm lobby launched a documentary and an ad campaign that attacked the new tariff.",
        "attacked",
        "A farm lobby",
    ),
    # the verb of publishing takes its subject from the verb it hangs from
    (
        "The mayor refused to back down, releasing a statement that accused the council of delays.",
        "accused",
        "The mayor",
    ),
    # a person released is no published item: "who" stays the mention
    ("The army released a prisoner who said the camp was overcrowded.", "said", "who"),
]


@pytest.mark.parametrize(("text", "cue", "mention"), CASES)
def test_a_published_item_speaks_for_its_publisher(text: str, cue: str, mention: str) -> None:
    assert mentions_of_cue(text, cue) == [mention]
