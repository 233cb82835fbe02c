"""A cue with no subject of its own that hangs on "it was ..." speaks for the person subject
nearer to it, not for the "it" of the copula ("It was a hard week, as Vos repeated the charge,
saying ..."); with no such person the old reading stands. text -> expected speaker mention of
the attribution with the cue."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_of_cue

CASES: list[tuple[str, str, str]] = [
    (
        "It was a hard week for the council, as Mayor Ada Vos repeated the charge, saying the budget "
        "had been cut in secret.",
        "saying",
        "Mayor Ada Vos",
    ),
    (
        "It was at the hearing that Kowal delivered her attack on the plan in a long speech, pointing "
        "to a report that found the bridge unsafe.",
        "pointing",
        "Kowal",
    ),
    # no person nearer the cue: the subject stays what the parse gives
    ("It was a hard day for the company, saying it had lost money on every flight.", "saying", "It"),
]


@pytest.mark.parametrize(("text", "cue", "mention"), CASES)
def test_the_doer_nearer_the_cue_speaks(text: str, cue: str, mention: str) -> None:
    assert mentions_of_cue(text, cue) == [mention]
