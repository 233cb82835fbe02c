"""Stances reported with verbs outside the lexicon, PolNeAR's convention next to onrecord's, the
learned filter, and quotations that only a cue right after them (or a colon before them) makes
speech: sentence -> expected (cue, content)."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions
from onrecord.attribution.conventions import Convention
from onrecord.attribution.learned import model, probability


def _found(text: str, convention: Convention = "onrecord") -> list[tuple[str | None, str]]:
    return [
        (a.cue.text if a.cue else None, a.content.text)
        for a in extract_attributions(text, convention=convention)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a verb outside the lexicon with a bare object or prepositional phrase reports an act
        "Trump opposed the plan to raise taxes.",
        "Sanders voted for the bill.",
        "The senator supported the measure.",
    ],
)
def test_acts_with_a_bare_object_are_not_attributions(text: str) -> None:
    assert _found(text) == []
    assert _found(text, "polnear") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # no word of the cue lexicon, but a clause or quoted words: a reported stance or claim
        (
            "The new figures have shown that voters do not want another election.",
            "shown",
            "voters do not want another election",
        ),
        (
            "Trump mocked the senator as \u201cLittle Marco\u201d at a rally in Texas.",
            "mocked",
            "the senator as \u201cLittle Marco\u201d",
        ),
    ],
)
def test_stances_without_a_lexicon_cue_count_with_a_clause_or_a_quotation(
    text: str, cue: str, content: str
) -> None:
    assert _found(text) == [(cue, content)]
    assert _found(text, "polnear") == [(cue, content)]


@pytest.mark.parametrize(
    "text",
    [
        "He added salt to the soup and stirred it.",
        "Shares in the company rose 3 percent on Friday.",
        "She bought a new car and drove it to Ohio.",
        "The court's decree rules talks impossible until spring.",
        'The so-called "reform" passed on Monday with 40 votes.',
    ],
)
def test_actions_are_not_attributions(text: str) -> None:
    assert _found(text) == []
    assert _found(text, "polnear") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ('"Quiet," he demanded, as Bush went on talking.', "demanded", "Quiet"),
        ('"GROWING PARTY," he declared in a tweet.', "declared", "GROWING PARTY"),
        (
            'He asked about Perez.\n\n"Will he be the next attorney general?" a Democratic staffer wondered aloud.',
            "wondered",
            "Will he be the next attorney general?",
        ),
        (
            '"Go back to Univision," Trump barked and a guard escorted Ramos out.',
            "barked",
            "Go back to Univision",
        ),
        (
            "He told his audience, to rowdy applause:\n\n"
            '"There has never been a candidate more qualified than she is."',
            "told",
            "There has never been a candidate more qualified than she is.",
        ),
    ],
)
def test_quotations_made_speech_by_a_cue(text: str, cue: str, content: str) -> None:
    assert (cue, content) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        'His book "Going Viral," a bestseller, came out in May.',
        'The "reform," which passed on Monday, changes little.',
    ],
)
def test_short_quotations_without_a_cue_right_after_are_not_speech(text: str) -> None:
    assert all(content not in ("Going Viral", "reform") for _, content in _found(text))


def test_the_shipped_model_is_loaded_and_scores() -> None:
    m = model()
    assert 0 < m.threshold < 1 and 0 < m.threshold_wide < 1 and m.weights
    assert probability(("w=said", "lex=speech", "r=ccomp")) > probability(("w=bought", "lex=none", "r=dobj"))


@pytest.mark.parametrize(
    "text",
    [
        # a quotation closed by a period, then a new sentence: no reporting slot
        '"The plan is dead." The market fell on Monday.',
        # what follows the quotation is not a noun phrase and a verb
        '"We will see," and then nothing happened.',
    ],
)
def test_no_reporting_slot(text: str) -> None:
    assert all(cue not in ("fell", "happened") for cue, _ in _found(text))


def test_it_as_the_subject_of_a_cue_is_an_organization_speaking() -> None:
    found = extract_attributions("The ministry issued a statement. It said the talks would resume.")
    assert [(a.speaker_mention.text if a.speaker_mention else None, a.content.text) for a in found] == [
        ("It", "the talks would resume")
    ]


@pytest.mark.parametrize("text", ["It seems that the plan failed.", "It is said that he left."])
def test_impersonal_it_is_no_speaker(text: str) -> None:
    assert _found(text) == []
