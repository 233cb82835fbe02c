"""A quotation that ends its paragraph, signed by a dash and a name on the next line ("- Bernie
Sanders.", "-President Obama, tweeting after ...") or on its own line ('"..." ― Sonya Herridge',
the way vox pops credit each voice), is that person's. text -> expected (speaker
mention, speaker name) of the quotation; and lines opened by a dash that sign nothing."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions

# someone else speaks first: a quotation standing alone would otherwise continue them
OTHERS = "Voters in Ohio said the plan was fair.\n\n"
QUOTE = '"The recovery has left most workers behind, and wages have not moved in a decade."\n\n'

SIGNED: list[tuple[str, str, str]] = [
    (OTHERS + QUOTE + "- Senator Alma Reyes.", "Senator Alma Reyes", "Alma Reyes"),
    (
        OTHERS + QUOTE + "-President Tom Berger, tweeting after the vote.",
        "President Tom Berger",
        "Tom Berger",
    ),
    (OTHERS + QUOTE + "\u2014 Ines Duarte", "Ines Duarte", "Ines Duarte"),
    # on the quotation's own line, after a horizontal bar and a no-break space
    (OTHERS + QUOTE.rstrip() + " \u2015\xa0Ines Duarte\n", "Ines Duarte", "Ines Duarte"),
    (OTHERS + QUOTE.rstrip() + "\u2015 Carl B. Ruiz.\n", "Carl B. Ruiz", "Carl B. Ruiz"),
    # a description after a comma
    (OTHERS + QUOTE.rstrip() + " \u2014 Ines Duarte, 34, a nurse in Tampa\n", "Ines Duarte", "Ines Duarte"),
]

UNSIGNED: list[str] = [
    # a section heading between dashes is no signature
    OTHERS + QUOTE + "\u2013 An immigrant himself \u2013.",
    # a paragraph opened by a dash is no signature line
    OTHERS
    + QUOTE
    + "- Senator Alma Reyes, who has led the committee since 2019, spent the week touring the flooded "
    "towns of the valley and meeting the farmers who lost their harvest.",
]


def _quoted(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (a.speaker_mention.text if a.speaker_mention else None, a.speaker.name if a.speaker else None)
        for a in extract_attributions(text)
        if a.content.text.startswith("The recovery")
    ]


@pytest.mark.parametrize(("text", "mention", "name"), SIGNED)
def test_a_signed_quotation_is_the_signers(text: str, mention: str, name: str) -> None:
    assert _quoted(text) == [(mention, name)]


@pytest.mark.parametrize("text", UNSIGNED)
def test_a_line_opened_by_a_dash_signs_nothing_else(text: str) -> None:
    assert _quoted(text) == [("Voters in Ohio", "Voters in Ohio")]
