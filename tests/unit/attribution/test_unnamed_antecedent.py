""" "He" or "she" as the subject of a clause within a clause whose subject is an unnamed person
("A New York man pleaded guilty to charges he threatened ...") stands for that person, not for the
last person the article named. sentence -> expected (speaker mention, speaker name)."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions

# each text first names a person of each gender, the ones a pronoun would otherwise go to
OTHERS = "Ana Vela, the chairwoman, and Ben Orr, the chairman, spoke on Friday.\n\n"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (OTHERS + "A local man was arrested after he said the vote was rigged.", "local man"),
        (OTHERS + "The woman was furious when she said the count was wrong.", "woman"),
        (OTHERS + "The student complained after she claimed the count was wrong.", "student"),
    ],
)
def test_the_pronoun_is_the_unnamed_person(text: str, name: str) -> None:
    a = extract_attributions(text)[-1]
    assert a.speaker is not None and a.speaker.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the pronoun does not agree with the noun: the person named before
        (OTHERS + "The woman was angry that he said the vote was rigged.", "Ben Orr"),
        # the subject above is no person
        (OTHERS + "The ruling came after she said the count was wrong.", "Ana Vela"),
    ],
)
def test_other_subjects_leave_the_pronoun_to_the_people_named(text: str, name: str) -> None:
    a = extract_attributions(text)[-1]
    assert a.speaker is not None and a.speaker.name == name
