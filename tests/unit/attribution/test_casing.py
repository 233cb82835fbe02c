"""Title-case headlines are parsed in sentence case: the parse text keeps every offset, names the
article writes capitalised mid-sentence keep their capitals, and the headline's cue is found."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_with

from onrecord.attribution.casing import sentence_cased
from onrecord.attribution.segment import paragraphs


def _cased(text: str) -> str:
    return sentence_cased(text, list(paragraphs(text, [(0, len(text))])))


def test_a_title_case_line_is_lowered_except_names_the_article_capitalises() -> None:
    text = (
        "Vos Says Lindale Will Rebuild The Old Bridge\n\nThe mayor, Ada Vos, said Lindale would rebuild it."
    )
    cased = _cased(text)
    assert cased.splitlines()[0] == "Vos says Lindale will rebuild the old bridge"
    assert cased.splitlines()[2:] == text.splitlines()[2:]  # prose is left as it is
    assert len(cased) == len(text)


def test_a_name_after_an_abbreviated_title_keeps_its_capital() -> None:
    # "Sen. Ada Vos": the full stop of the title would also end a sentence, but the word after it
    # is a name ("ada Vos says" had made "ada" a role of Vos)
    text = "Lindale Will Rebuild The Old Bridge, Ada Vos Says\n\nSen. Ada Vos told reporters so on Monday."
    assert _cased(text).splitlines()[0] == "Lindale will rebuild the old bridge, Ada Vos says"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said on Monday that the town would rebuild the bridge.",  # prose
        "TOWN TO REBUILD BRIDGE\n\nThe mayor said so on Monday.",  # capitals only: no case to learn from
        "Lindale Bridge\n\nThe mayor said so.",  # too short to tell a headline from a name
        # a dateline and a sentence full of names: lower-case words no headline would leave so
        "LINDALE, Feb. 8 (UPI) \u2014 Count former Mayor Ada Vos among Tomas Berger's critics.",
    ],
)
def test_other_lines_are_left_alone(text: str) -> None:
    assert _cased(text) == text


def test_offsets_hold_where_lowering_would_change_a_length() -> None:
    text = "Ferries To \u0130zmir Will Run Again, Mayor Says\n\nThe mayor said the ferries would run."
    assert len("\u0130zmir".lower()) == len("\u0130zmir") + 1  # lowering it adds a character
    cased = _cased(text)
    assert len(cased) == len(text)
    assert cased.startswith("Ferries to \u0130zmir will run again")


HEADLINES: list[tuple[str, str, str, str]] = [
    (
        "Hale Denies Plan To Close Harbor\n\nGovernor Tom Hale denied on Sunday that the state planned "
        "to close the harbor.",
        "Hale",
        "Denies",
        "Plan To Close Harbor",
    ),
    (
        "Ortiz Finally Endorses Senator Ada Vos\n\nLena Ortiz endorsed Ada Vos on Friday at a rally in "
        "Lindale.",
        "Ortiz",
        "Endorses",
        "Senator Ada Vos",
    ),
    (
        "Weber Claims Vos Most Qualified Candidate Ever\n\nPaul Weber said on Wednesday that nobody was "
        "more qualified than Ada Vos.",
        "Weber",
        "Claims",
        "Vos Most Qualified Candidate Ever",
    ),
    (
        "Vos Says Rebels Hacked Council Servers, Calls Weber Remarks Troubling\n\nMayor Ada Vos said on "
        "Sunday that rebels had hacked the council's servers, and she criticized Paul Weber.",
        "Vos",
        "Says",
        "Rebels Hacked Council Servers",
    ),
]


@pytest.mark.parametrize(("text", "mention", "cue", "content"), HEADLINES)
def test_a_headline_in_title_case_is_reported_speech(text: str, mention: str, cue: str, content: str) -> None:
    assert mentions_with(text, cue, content) == [mention]
