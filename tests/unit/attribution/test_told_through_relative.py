"""``X told Y who ... that S``: the parse hangs the "that" clause on the relative clause of the
one told; X told it, and the relative clause says nothing of it. text -> expected (speaker
mention, kind) of the attribution with the cue and the content; and relative clauses that do
report what follows them."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import found_with

TOLD: list[tuple[str, str, str, str]] = [
    (
        "Union leader Keith Gambrell told a few thousand teachers who covered the lawn that the "
        "state should spend its reserves on pay.",
        "told",
        "the state should spend its reserves on pay",
        "Union leader Keith Gambrell",
    ),
    (
        "The governor warned farmers who lost their crops that the aid would come late.",
        "warned",
        "the aid would come late",
        "The governor",
    ),
]

NOT_TOLD: list[tuple[str, str, str, str]] = [
    # the one told reports it himself
    (
        "She told the man who said that the bridge was safe to leave.",
        "said",
        "the bridge was safe to leave",
        "who",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "mention"), TOLD)
def test_the_teller_speaks_the_clause(text: str, cue: str, content: str, mention: str) -> None:
    assert found_with(text, cue, content) == [(mention, "indirect")]


@pytest.mark.parametrize(("text", "cue", "content", "mention"), NOT_TOLD)
def test_a_relative_clause_of_speech_keeps_its_clause(
    text: str, cue: str, content: str, mention: str
) -> None:
    assert found_with(text, cue, content) == [(mention, "indirect")]


def test_an_aside_about_the_one_told_is_not_told() -> None:
    text = "She had to tell Bharara, who would recognize at once that he was not going to succeed Holder."
    assert found_with(text, "tell", "he was not going to succeed Holder") == []
