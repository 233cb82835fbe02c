"""A short quotation that labels what a verb of naming has just named is said by the verb's
subject ('called the plan "reckless"'): the named thing and the label together are the content,
a mixed quote. A one-word answer after a speech cue and its comma is a direct quote. A label
with no speaker, a name or a title in quotation marks, and a word after a verb that names
nothing stay what they are. sentence -> (mention, cue, content, kind)."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import found_with

from onrecord.attribution import extract_attributions

# (text, mention, cue, content, kind)
CASES: list[tuple[str, str, str, str, str]] = [
    (
        "After the vote the mayor called the plan \u201creckless\u201d in a radio interview.",
        "the mayor",
        "called",
        "the plan \u201creckless\u201d",
        "mixed",
    ),
    (
        'Ada Vos referred to the harbour master as a "bully" on Tuesday.',
        "Ada Vos",
        "referred",
        'the harbour master as a "bully"',
        "mixed",
    ),
    (
        'The union leader rejected the offer as "insulting" and walked out.',
        "The union leader",
        "rejected",
        'the offer as "insulting"',
        "mixed",
    ),
    # after a name and an aside the tagger reads "called" as a participle of the name
    (
        "Piet Maas, a retired pilot, called the new runway \u201cdangerous.\u201d",
        "Piet Maas",
        "called",
        "the new runway \u201cdangerous.\u201d",
        "mixed",
    ),
    # a longer label too, where no cue of the lexicon opens the quotation
    (
        "A neighbour referred to her as \u201cthe kindest person I have ever met\u201d in a post.",
        "A neighbour",
        "referred",
        "her as \u201cthe kindest person I have ever met\u201d",
        "mixed",
    ),
    (
        'The union called the offer a "$2 billion insult."',
        "The union",
        "called",
        'the offer a "$2 billion insult."',
        "mixed",
    ),
    # a one-word answer after the cue and its comma
    (
        'Asked whether the bridge would open in May, the engineer said, "Probably."',
        "the engineer",
        "said",
        "Probably.",
        "direct",
    ),
    (
        "Asked about the bridge, Ada Vos then quietly asked, \u201cWhich?\u201d",
        "Ada Vos",
        "asked",
        "Which?",
        "direct",
    ),
]

# quotations that are names, titles or scare quotes: no attribution holds them
NOTHING: list[tuple[str, str]] = [
    ('A website called "shame" went online on Monday.', "shame"),
    ("His so-called \u201creset\u201d with the council failed.", "reset"),
    ('She starred in a film called "Open Water" in 2003.', "Open Water"),
    ('The campaign launched a radio ad on Saturday titled, "Scam."', "Scam."),
    ('The plan, described as "bold" in the papers, failed.', "bold"),
    # a passive labels nothing of the subject's: the label alone follows the verb
    ('The mayor was called a "bully" by the council on Monday.', "bully"),
    ("Ada Vos, celebrating being dubbed the \u201cfrontrunner\u201d this week, smiled.", "frontrunner"),
]


@pytest.mark.parametrize(("text", "mention", "cue", "content", "kind"), CASES)
def test_a_label_or_a_short_answer_is_attributed(
    text: str, mention: str, cue: str, content: str, kind: str
) -> None:
    assert found_with(text, cue, content) == [(mention, kind)]


@pytest.mark.parametrize(("text", "quoted"), NOTHING)
def test_a_name_a_title_or_a_scare_quote_is_no_label(text: str, quoted: str) -> None:
    assert not [a for a in extract_attributions(text) if quoted in a.content.text]
