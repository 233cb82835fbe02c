"""Verbs that report a quotation only with their particle ('"...," Vos went on'; 'Kowal shot
back: "..."'): the quotation is the subject's, not a continuation of whoever spoke before; and
the same verbs without their particle report nothing. text -> expected (speaker mention, cue)
of the quotation that starts with CONTENT."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions

# someone else speaks first: a quotation standing alone would otherwise continue them
FIRST = '"The budget is balanced for the first time in a decade," said Carl Robbins.\n\n'
CONTENT = "Nobody in this town believes that"
QUOTE = f"{CONTENT} for a minute"

CASES: list[tuple[str, str, str]] = [
    (FIRST + f'"{QUOTE}," Mayor Ada Vos went on, smiling at the crowd.', "Mayor Ada Vos", "went on"),
    (FIRST + f'"{QUOTE}," Ines Duarte chimed in.', "Ines Duarte", "chimed in"),
    (FIRST + f'"{QUOTE}," the mayor shot back.', "the mayor", "shot back"),
    (FIRST + f'"{QUOTE}," her husband cut in.', "her husband", "cut in"),
]

NOT_CUES: list[str] = [
    # the verb with another particle or none reports nothing: the quotation continues Robbins
    FIRST + f'The council went home early. "{QUOTE}."',
    FIRST + f'The crowd went on cheering for an hour. "{QUOTE}."',
]


def _quoted(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (a.speaker_mention.text if a.speaker_mention else None, a.cue.text if a.cue else None)
        for a in extract_attributions(text)
        if a.content.text.startswith(CONTENT)
    ]


@pytest.mark.parametrize(("text", "mention", "cue"), CASES)
def test_a_phrasal_verb_of_speech_reports_the_quotation(text: str, mention: str, cue: str) -> None:
    assert _quoted(text) == [(mention, cue)]


@pytest.mark.parametrize("text", NOT_CUES)
def test_the_verb_without_its_particle_reports_nothing(text: str) -> None:
    assert _quoted(text) == [("Carl Robbins", None)]
