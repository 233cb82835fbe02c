"""A paragraph ending in a verb of saying and a colon ("Hewitt writes:") introduces the next
paragraph when no quotation mark opens it (a quotation is left to the quotation rules): text ->
expected (mention, cue, content); and texts that must yield nothing."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_with

from onrecord.attribution import extract_attributions

CASES: list[tuple[str, str, str, str]] = [
    (
        "The harbour board met on Monday.\n\nIn a post on its website, the board wrote:\n\n"
        "The ferry will stop running in May because the pier is unsafe.\n",
        "the board",
        "wrote",
        "The ferry will stop running in May because the pier is unsafe.",
    ),
    (
        "The council voted on Monday.\n\nAda Fischer writes:\n\n"
        "The vote was rushed and the harbour will pay for it.\n",
        "Ada Fischer",
        "writes",
        "The vote was rushed and the harbour will pay for it.",
    ),
]


@pytest.mark.parametrize(("text", "mention", "cue", "content"), CASES)
def test_the_next_paragraph_is_what_was_said(text: str, mention: str, cue: str, content: str) -> None:
    assert mentions_with(text, cue, content) == [mention]


@pytest.mark.parametrize(
    "text",
    [
        # no verb of saying heads the line: a list or a summary follows, not someone's words
        "The harbour reopened on Monday.\n\nHere is what we know:\n\nThe ferry will run twice a day.\n",
        "The harbour reopened on Monday.\n\nThe new timetable:\n\nThe ferry will run twice a day.\n",
    ],
)
def test_no_introduced_statement(text: str) -> None:
    assert extract_attributions(text) == []
