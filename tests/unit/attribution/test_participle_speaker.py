"""An active participle that the parser hangs on a name speaks for the name: 'Ada Vos, calling the
plan a "reckless gamble," left the hall'. A participle on a common noun does not get a speaker
this way (a sign, a memo or a poll "saying" something is no person). sentence -> (mention,
content)."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_with

from onrecord.attribution import extract_attributions


@pytest.mark.parametrize(
    ("text", "mention", "content"),
    [
        (
            "Ada Vos, calling the plan a \u201creckless gamble,\u201d left the hall.",
            "Ada Vos",
            "the plan a \u201creckless gamble,\u201d",
        ),
    ],
)
def test_a_participle_on_a_name_speaks_for_it(text: str, mention: str, content: str) -> None:
    assert mentions_with(text, "calling", content) == [mention]


def test_the_man_calling_the_shots_says_nothing() -> None:
    assert extract_attributions("The man calling the shots is Piet Maas.") == []
