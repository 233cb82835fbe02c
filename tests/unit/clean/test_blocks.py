"""Tests of the sibling-structure rules: glued teasers and announced lists."""

from __future__ import annotations

from onrecord.clean import clean_text
from onrecord.clean.blocks import glued_teaser
from onrecord.clean.lines import make_line

from .test_text import PARA_A, PARA_B, PARA_C, check_invariants


def test_glued_teaser_line() -> None:
    assert glued_teaser(
        make_line(0, "Council Votes To Close Old Library BranchThe city council voted on it.", 0)
    )
    # Names with an inner capital are not a seam between headline and blurb.
    assert not glued_teaser(make_line(0, "Lakers Star LeBron James Scores Forty in a win at home.", 0))
    assert not glued_teaser(make_line(0, PARA_A, 0))


def test_glued_teasers_are_removed() -> None:
    teasers = (
        "Council Votes To Close Old Library BranchThe city council voted on a plan to close it.\n"
        "Storm Brings Floods To Coastal TownsResidents were told to leave their homes overnight.\n"
        "Local Team Wins Regional Cup FinalThe side scored twice in the last ten minutes of play.\n"
    )
    text = f"{teasers}\n{PARA_A}\n\n{PARA_B}\n\n{PARA_C}"
    result = clean_text(text)
    check_invariants(text, result)
    assert result.body == f"{PARA_A}\n\n{PARA_B}\n\n{PARA_C}"


def test_announced_list_is_kept() -> None:
    intro = "The plan includes the following changes:"
    items = (
        "* Two new night routes to the outer districts\n"
        "* Buses every ten minutes on the ring road at peak times\n"
        "* A single ticket valid on buses and trams for an hour\n"
    )
    text = f"{PARA_A}\n\n{PARA_B}\n\n{intro}\n\n{items}"
    result = clean_text(text)
    check_invariants(text, result)
    assert intro in result.body
    assert "* A single ticket valid on buses and trams for an hour" in result.body
