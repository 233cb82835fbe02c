"""``according to X`` set off by a comma: a phrase that opens the sentence (also when the parser
makes it the root and hangs the clause on its noun), and a particular source named by a common
noun ("his physician", "one global index"). sentence -> expected (mention, content); and
sentences that must yield nothing."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_with

from onrecord.attribution import extract_attributions

CASES: list[tuple[str, str, str, str]] = [
    # the parser makes "According" the root and the clause's subject an apposition of the source
    (
        "According to the Harbor Gazette, 312 of the 540 registered members — a group made up of "
        "local fishermen — backed the proposal, with fewer than 40 still undecided.",
        "According to",
        "the Harbor Gazette",
        "312 of the 540 registered members — a group made up of local fishermen — backed the "
        "proposal, with fewer than 40 still undecided",
    ),
    # a common noun with a modifier, opening the sentence
    (
        "According to his longtime personal physician, the retired mayor had excellent results in "
        "his latest exam.",
        "According to",
        "his longtime personal physician",
        "the retired mayor had excellent results in his latest exam",
    ),
    (
        "According to state law, no one may hand out leaflets within 50 feet of a polling station.",
        "According to",
        "state law",
        "no one may hand out leaflets within 50 feet of a polling station",
    ),
    # the phrase hangs on the auxiliary: the clause is the verb's, not the auxiliary's
    (
        "According to recent polling, the mayor is once again comfortably leading the field.",
        "According to",
        "recent polling",
        "the mayor is once again comfortably leading the field",
    ),
    # at the end, after a comma
    (
        "The pilot had flown for the airline since 2004, according to his online profile.",
        "according to",
        "his online profile",
        "The pilot had flown for the airline since 2004",
    ),
    (
        "Lisbon was the busiest port of the region in 2015, according to one shipping index.",
        "according to",
        "one shipping index",
        "Lisbon was the busiest port of the region in 2015",
    ),
]


@pytest.mark.parametrize(("text", "cue", "mention", "content"), CASES)
def test_according_to(text: str, cue: str, mention: str, content: str) -> None:
    assert mentions_with(text, cue, content) == [mention]


@pytest.mark.parametrize(
    "text",
    [
        # no comma: a plan or a timetable followed, not a source
        "The vote went ahead according to the timetable.",
        "The trains were running according to schedule.",
        # a bare noun after a comma is still no particular source
        "The trains left on time, according to plan.",
    ],
)
def test_not_a_source(text: str) -> None:
    assert extract_attributions(text) == []


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        # the parse hangs the sentence after the comma on the name as an appositive: it is what
        # the source said, not who the source is
        (
            "According to conservative talk radio host Ada Vosberg, the move reeks of fear and desperation.",
            ("talk radio host", "conservative talk radio host"),
        ),
        # an appositive after a closing "according to" describes the source
        ("The plan works well, according to Ada Vosberg, a Republican pollster.", ("Republican pollster",)),
    ],
)
def test_what_follows_an_opening_according_to_is_no_role(sentence: str, roles: tuple[str, ...]) -> None:
    (a,) = extract_attributions(sentence)
    assert a.speaker is not None and a.speaker.name == "Ada Vosberg"
    assert a.speaker.roles == roles
