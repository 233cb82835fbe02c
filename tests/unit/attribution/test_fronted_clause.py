"""A clause that opens the sentence before a comma and the cue's subject is what the cue reports,
also where the parser leaves it a bare dependent of the cue. sentence -> (mention, content)."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_with

from onrecord.attribution import extract_attributions

CASES: list[tuple[str, str, str]] = [
    (
        'Those who do take on a heavy mortgage struggle, even with a "good" salary, he said.',
        "he",
        'Those who do take on a heavy mortgage struggle, even with a "good" salary',
    ),
    ("Those who take on debt struggle, he said.", "he", "Those who take on debt struggle"),
    ("The bridge will open in May, the mayor said.", "the mayor", "The bridge will open in May"),
]


@pytest.mark.parametrize(("text", "mention", "content"), CASES)
def test_a_fronted_clause_is_reported(text: str, mention: str, content: str) -> None:
    assert mentions_with(text, "said", content) == [mention]


@pytest.mark.parametrize(
    "text",
    [
        "When the storm came, the mayor said nothing.",
        "After the vote, the mayor left the hall.",
    ],
)
def test_an_opening_phrase_is_not_a_fronted_report(text: str) -> None:
    assert not [a for a in extract_attributions(text) if a.content.text.startswith(text.split(",")[0])]
