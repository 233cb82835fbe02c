from __future__ import annotations

import pytest

from onrecord.clean.inline import hover_cards


@pytest.mark.parametrize(
    ("text", "cards"),
    [
        # the card: the name again, the headlines, up to MORE
        (
            "kill Rep. Jane RowanJane RowanSenate passes bill | Rowan says no MORE (D-Ore.) in a call",
            ["Jane RowanSenate passes bill | Rowan says no MORE"],
        ),
        # hyphenated and three-word names, two cards in one paragraph
        (
            "Rep. Ana Ruiz-OrtegaAna Ruiz-OrtegaHeadline one MORE (D-N.Y.) and Sen. John Q. "
            "AdamsJohn Q. AdamsHeadline two | Three MORE (R-Ohio) said so.",
            ["Ana Ruiz-OrtegaHeadline one MORE", "John Q. AdamsHeadline two | Three MORE"],
        ),
    ],
)
def test_cards_found(text: str, cards: list[str]) -> None:
    assert [text[a:b] for a, b in hover_cards(text, 0, len(text))] == cards


@pytest.mark.parametrize(
    "text",
    [
        # a doubled name with no MORE after it is no card
        "The band Duran Duran played on Tuesday, and Jane RowanJane Rowan was printed twice.",
        # MORE in capitals without a doubled name
        "She said she wanted MORE time, and Jane Rowan agreed.",
        # a name that repeats with a space between is prose
        "Jane Rowan, Jane Rowan said, is a name you remember. MORE to come.",
        # the doubling must start a word: "OmarIlhan" inside "SOmarIlhan" is not a name twice
        "xJane RowanJane Rowan text MORE",
        "",
    ],
)
def test_no_card(text: str) -> None:
    assert hover_cards(text, 0, len(text)) == []


def test_card_too_far_from_its_more_is_ignored() -> None:
    text = "Jane RowanJane Rowan" + " word" * 400 + " MORE"
    assert hover_cards(text, 0, len(text)) == []


def test_search_stays_inside_the_range() -> None:
    text = "Jane RowanJane Rowan headline MORE"
    assert hover_cards(text, 5, len(text)) == []
