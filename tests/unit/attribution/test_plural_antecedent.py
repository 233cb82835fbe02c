""" "They" as the subject of a clause within a clause whose subject is a plural noun phrase before it
stands for that phrase ("Liberals got mad because they ..."), not for the last group that spoke.
sentence -> expected (cue, speaker mention, speaker name)."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions

# each text first lets another group speak, the one a "they" would otherwise go to
OTHERS = "Voters in Ohio said the plan was fair.\n\n"

CASES: list[tuple[str, str, str, str]] = [
    (
        OTHERS + "Local farmers are furious about what they call a broken promise.",
        "call",
        "they",
        "Local farmers",
    ),
    (
        OTHERS + "Her Republican rivals have pressed for an inquiry into what they say was a cover-up.",
        "say",
        "they",
        "Republican rivals",
    ),
    (OTHERS + "Many spoke about how much they hoped the mill would reopen.", "hoped", "they", "Many"),
    # the clause above has a singular subject: "they" is left to the article's groups
    (
        OTHERS + "The mayor met farmers after they warned that the mill would close.",
        "warned",
        "they",
        "Voters in Ohio",
    ),
]


@pytest.mark.parametrize(("text", "cue", "mention", "name"), CASES)
def test_they_stands_for_the_plural_subject_above_it(text: str, cue: str, mention: str, name: str) -> None:
    found = [
        (a.speaker_mention.text if a.speaker_mention else None, a.speaker.name if a.speaker else None)
        for a in extract_attributions(text)
        if a.cue is not None and a.cue.text == cue
    ]
    assert found == [(mention, name)]
