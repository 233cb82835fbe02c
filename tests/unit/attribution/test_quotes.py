"""Quotation pairing on raw text."""

from __future__ import annotations

import pytest

from onrecord.attribution.quotes import find_quotes


def _inner(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, [(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “yes, today,” and left.", ["yes, today"]),
        ('He said "no" twice.', ["no"]),
        ("''It is over,'' she said.", ["It is over"]),
        ("The minister’s aide called it ‘a farce’ on Monday.", ["a farce"]),
        ("Farmers’ groups don’t agree.", []),
        # a no-break space before a straight mark opens a quotation like any space
        ('"It is over," he said.\xa0"We go home now."', ["It is over", "We go home now."]),
        # a closing mark typed for an opening one, glued to the word it opens
        ("\u201dFear. I am afraid.\u201d \u2015 Ana Ruiz", ["Fear. I am afraid."]),
        ("He left.\n\u201dWe stay,\u201d she said.", ["We stay"]),
        # a closing mark after a space but before a space opens nothing
        ("The word \u201d is a mark.", []),
        # a straight quotation inside a straight one: the inner marks open before a word and
        # close after one, so the outer quotation runs on to its own close
        (
            '"It is not about "equal justice" anymore. It is about power," she said.',
            ['It is not about "equal justice" anymore. It is about power'],
        ),
        # two quotations in a row are two, not one inside the other
        ('"We will win," he said. "They will lose."', ["We will win", "They will lose."]),
        ('He called it "a disaster" and "a joke" on Monday.', ["a disaster", "a joke"]),
        # an inner mark that does not close leaves the first close where it was
        ('"It is "over, he said.', ["It is"]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert _inner(text) == expected


def test_multi_paragraph_quote() -> None:
    text = "“First part.\n“Second part.”"
    paras = [(0, 12), (13, len(text))]
    (q,) = find_quotes(text, paras)
    assert text[q.start : q.end] == "First part.\n“Second part."


def test_a_straight_quotation_does_not_run_into_a_curly_one() -> None:
    # a blog quoting a passage of another article in straight marks: the curly quotation that
    # opens the next paragraph is one inside the passage, not the passage going on
    text = '"Melanie was angry. She was anxious.\n\u201cIt never crossed my mind,\u201d she said.'
    paras = [(0, 36), (37, len(text))]
    quotes = [(text[q.start : q.end], q.closed) for q in find_quotes(text, paras)]
    assert quotes[:2] == [("Melanie was angry. She was anxious.", False), ("It never crossed my mind", True)]
