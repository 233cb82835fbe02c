"""A quotation with no cue of its own that follows, in its paragraph, a sentence of the writer's
about someone is that someone's ("Bystrom agreed. '...'"), not a continuation of whoever spoke
before; and a label after a quotation ('Clinton: "..." Bush: "..."') names the next speaker.
text -> expected (speaker mention, speaker name) of the quotation that starts with CONTENT."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions

# someone else speaks first: a quotation standing alone would otherwise continue them
FIRST = '"The field is weak, and nobody can beat the frontrunner this year," said Carl Robbins.\n\n'
CONTENT = "Moderates are running out of time"
QUOTE = f'"{CONTENT} to find someone who can win the state."'

CASES: list[tuple[str, str, str]] = [
    (FIRST + f"Professor Dina Bystrom agreed. {QUOTE}", "Professor Dina Bystrom", "Dina Bystrom"),
    (FIRST + f"Senator Mia Kowal was blunt about it. {QUOTE}", "Senator Mia Kowal", "Mia Kowal"),
    (
        FIRST + f"Governor Ana Pell delivered a blunt message to the party: {QUOTE}",
        "Governor Ana Pell",
        "Ana Pell",
    ),
    # a colon introduces the quotation: the subject speaks whatever it is
    (
        FIRST + f"The union's statement ended with a warning: {QUOTE}",
        "The union's statement",
        "union statement",
    ),
    # the parse reads the verb after an aside as a participle of the name: the name still speaks
    (
        FIRST + f"Mia Kowal, the party's nominee for governor, tweeted in response: {QUOTE}",
        "Mia Kowal",
        "Mia Kowal",
    ),
    # a colon ending the paragraph before introduces a quotation that opens its own
    (
        FIRST + f"In response, Governor Ana Pell issued the following statement:\n\n{QUOTE}",
        "Governor Ana Pell",
        "Ana Pell",
    ),
    # labels one after another, the second after the first one's quotation
    (
        f'Pell: "We will not give up the fight for the valley." Kowal: {QUOTE}',
        "Kowal",
        "Kowal",
    ),
]

CONTINUED: list[str] = [
    # the sentence before is about something, not someone: the quotation continues Carl Robbins
    FIRST + f"The vote is on Tuesday. {QUOTE}",
    # the sentence before has no subject of its own
    FIRST + f"Consider the numbers. {QUOTE}",
    # a full stop ending the paragraph before introduces nothing
    FIRST + f"Governor Ana Pell arrived late.\n\n{QUOTE}",
]


def _quoted(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (a.speaker_mention.text if a.speaker_mention else None, a.speaker.name if a.speaker else None)
        for a in extract_attributions(text)
        if a.content.text.startswith(CONTENT)
    ]


@pytest.mark.parametrize(("text", "mention", "name"), CASES)
def test_the_subject_before_a_quotation_speaks_it(text: str, mention: str, name: str) -> None:
    assert _quoted(text) == [(mention, name)]


@pytest.mark.parametrize("text", CONTINUED)
def test_a_sentence_about_no_one_leaves_the_continuation(text: str) -> None:
    assert _quoted(text) == [("Carl Robbins", "Carl Robbins")]
