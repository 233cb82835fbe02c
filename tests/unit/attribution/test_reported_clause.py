"""A quoted fragment inside a reported clause: the clause is what was said, the quotation a part
of it (a mixed quote), also where the parser does not hang the clause on the cue; a quotation
introduced as the statement itself stays a direct quote. sentence -> (mention, cue, content, kind)."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import found_with

from onrecord.attribution import extract_attributions

# (text, mention, cue, content, kind)
CASES: list[tuple[str, str, str, str, str]] = [
    # the parser hangs the "that" clause on "time": the quotation is a fragment of the clause
    (
        "The ministry less than a week ago said for the first time that \u201chighly classified\u201d "
        "files had passed through the mayor\u2019s private account.",
        "The ministry",
        "said",
        "\u201chighly classified\u201d files had passed through the mayor\u2019s private account",
        "mixed",
    ),
    # the object of a cue with no content rule of its own
    (
        'In her speech, Mayor Ines Duarte emphasized the need for a "lasting commitment" to the river towns.',
        "Mayor Ines Duarte",
        "emphasized",
        'the need for a "lasting commitment" to the river towns',
        "mixed",
    ),
    # the clause ends at a comma and a conjunction: what follows is another statement
    (
        "Councillor Piet Maas warned against the \u201cwild hopes\u201d of a quick repair, but had a "
        "gentler word for the engineers.",
        "Councillor Piet Maas",
        "warned",
        "against the \u201cwild hopes\u201d of a quick repair",
        "mixed",
    ),
    # a single quoted word in a clause plainly reported ("that" opens it) is part of the clause
    (
        "The ministry less than a week ago said for the first time that \u201cclassified\u201d files "
        "had passed through the mayor\u2019s private account.",
        "The ministry",
        "said",
        "\u201cclassified\u201d files had passed through the mayor\u2019s private account",
        "mixed",
    ),
    # a quotation introduced as the statement stays the statement
    (
        "Piet Maas told reporters on Monday, with a smile: \u201cWe will open the bridge in May.\u201d",
        "Piet Maas",
        "told",
        "We will open the bridge in May.",
        "direct",
    ),
    (
        'Mayor Ines Duarte said: "The bridge opens in May." The engineers agreed.',
        "Mayor Ines Duarte",
        "said",
        "The bridge opens in May.",
        "direct",
    ),
]


@pytest.mark.parametrize(("text", "mention", "cue", "content", "kind"), CASES)
def test_a_quoted_fragment_of_a_reported_clause(
    text: str, mention: str, cue: str, content: str, kind: str
) -> None:
    assert found_with(text, cue, content) == [(mention, kind)]


def test_quotations_after_another_quotation_keep_to_themselves() -> None:
    """The cue before several quotations does not make one clause of them all: each stays what
    it was (the slogans of a chant, the words on a sign)."""
    text = (
        "The councillors chanted \u201cOpen the bridge,\u201d and \u201cFund the repairs,\u201d as "
        "hundreds lined the streets with signs such as \u201cMore Money for Bridges.\u201d"
    )
    contents = {a.content.text for a in extract_attributions(text)}
    assert "More Money for Bridges." in contents
    assert not any(c.startswith(("Fund", "\u201cFund")) and "Bridges" in c for c in contents)


@pytest.mark.parametrize(
    "text",
    [
        # a scare quote with no cue stays out, with or without a clause around it
        'The old bridge, "the grey lady" to locals, will close for repairs in May.',
        'The town spent the winter building a "temporary" crossing over the river.',
        # a title after a cue, with no "that" before it, is a name, not a clause
        'The mayor spoke on "Meet the Press" on Sunday.',
        'Aldo Ferri wrote "Going Home Again" in the winter of 1999.',
    ],
)
def test_no_cue_no_clause(text: str) -> None:
    assert [a for a in extract_attributions(text) if a.kind == "mixed"] == []
