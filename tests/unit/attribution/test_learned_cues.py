"""The cue lexicon learned from PolNeAR train, and the rules that read content for those cues.

Sentence -> expected (speaker, mention, cue, content) for object, preposition and clause content;
relative-clause speakers; conjoined cues; trimmed appendages; and sentences that must yield nothing.
"""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions
from onrecord.attribution.cues import CANDIDATE_RE, CUE_LEMMAS, LEARNED, LEARNED_FORMS, lemma_of

# (text, speaker name, mention, cue, content)
CASES: list[tuple[str, str, str, str, str]] = [
    (
        "Senator Ada Fischer endorsed the new budget plan.",
        "Ada Fischer",
        "Senator Ada Fischer",
        "endorsed",
        "the new budget plan",
    ),
    (
        "Ada Fischer mocked the proposal as a gimmick.",
        "Ada Fischer",
        "Ada Fischer",
        "mocked",
        "the proposal as a gimmick",
    ),
    (
        "Ada Fischer criticized the mayor for cutting the library budget.",
        "Ada Fischer",
        "Ada Fischer",
        "criticized",
        "the mayor for cutting the library budget",
    ),
    (
        "Ada Fischer denounced the ruling as an attack on the press.",
        "Ada Fischer",
        "Ada Fischer",
        "denounced",
        "the ruling as an attack on the press",
    ),
    (
        "Tom Rivers applauded the decision of the court.",
        "Tom Rivers",
        "Tom Rivers",
        "applauded",
        "the decision of the court",
    ),
    (
        "Ada Fischer was referring to the mayor's budget.",
        "Ada Fischer",
        "Ada Fischer",
        "referring",
        "the mayor's budget",
    ),
    (
        "Ada Fischer talked about her plans for the harbour.",
        "Ada Fischer",
        "Ada Fischer",
        "talked",
        "her plans for the harbour",
    ),
    (
        "Polls showed that Ada Fischer was leading by ten points.",
        "Polls",
        "Polls",
        "showed",
        "Ada Fischer was leading by ten points",
    ),
    (
        # a relative pronoun is the local mention; it resolves to its antecedent
        "The plan was backed by Ada Fischer, who said the city could afford it.",
        "Ada Fischer",
        "who",
        "said",
        "the city could afford it",
    ),
    (
        # a non-restrictive relative clause after the statement is not part of it
        "Ada Fischer said the deal was signed by Tom Rivers, who runs the port.",
        "Ada Fischer",
        "Ada Fischer",
        "said",
        "the deal was signed by Tom Rivers",
    ),
    (
        # a capitalised preposition at the start of a sentence is not part of a name
        "With Ada Fischer in the chair, the council met on Monday.\nFischer said the vote would be delayed.",
        "Ada Fischer",
        "Fischer",
        "said",
        "the vote would be delayed",
    ),
    (
        "Ada Fischer spoke first.\nFischer also called for a recount of the ballots.",
        "Ada Fischer",
        "Fischer",
        "called",
        "a recount of the ballots",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "mention", "cue", "content"), CASES)
def test_learned_cue_content(text: str, speaker: str, mention: str, cue: str, content: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == speaker
    assert a.speaker_mention is not None and a.speaker_mention.text == mention
    assert a.cue is not None and a.cue.text == cue
    assert a.content.text == content
    for span in (a.content, a.cue, a.speaker_mention):
        assert text[span.start : span.end] == span.text


def test_conjoined_cue_is_a_statement_of_its_own_with_the_same_speaker() -> None:
    text = "Ada Fischer said the council could vote next week, but ruled out a tax increase."
    found = extract_attributions(text)
    assert [(a.cue.text if a.cue else None, a.content.text) for a in found] == [
        ("said", "the council could vote next week"),
        ("ruled out", "a tax increase"),
    ]
    assert {a.speaker.name for a in found if a.speaker} == {"Ada Fischer"}


@pytest.mark.parametrize(
    "text",
    [
        "The trains were running according to schedule.",
        "The vote went ahead according to the timetable.",
        "The committee offered free coffee to visitors.",
        "The company sought new investors last year.",
        "Ada Fischer found her keys under the sofa.",
        "Ada Fischer seemed tired after the long flight.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert extract_attributions(text) == []


def test_learned_lexicon_loads_with_lemmas_and_feeds_the_prefilter() -> None:
    assert len(LEARNED_FORMS) > 100
    assert {"endorse", "mock", "denounced"} & LEARNED
    assert LEARNED <= CUE_LEMMAS
    assert lemma_of("endorsed") == "endorse" and lemma_of("Mocking") is not None
    assert CANDIDATE_RE.search("The union endorses her.") is not None
    # forms dropped for low precision on train are not cues
    assert lemma_of("offered") is None and lemma_of("sought") is None
