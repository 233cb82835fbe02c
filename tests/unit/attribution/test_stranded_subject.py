"""A finite cue the parser left with no subject after a long opening phrase: the name right before
it is its subject. sentence -> expected (mention, cue, content); and sentences that must yield
nothing."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_with

from onrecord.attribution import extract_attributions

CASES: list[tuple[str, str, str, str]] = [
    # the parser hangs the name on "towns" (an apposition) and leaves "said" without a subject
    (
        "On Monday at the annual meeting of the river towns Mayor Ines Duarte (Riverside) said the "
        "old bridge would close in May.",
        "Mayor Ines Duarte",
        "said",
        "the old bridge would close in May",
    ),
    # an opening phrase, then the name with an appositive: the parser hangs the name on the
    # opening phrase (as a conjunct of "Kent", "Utah") and the cue after the appositive's comma
    # has no subject
    (
        "Alarmed by the floods in Kent, Senator Ines Duarte, the committee chair, said that she met "
        "the mayor on Monday.",
        "Senator Ines Duarte",
        "said",
        "she met the mayor on Monday",
    ),
    (
        "Alarmed by the fires in Utah, Governor Tom Hale, the state's chief executive, said that help "
        "was coming.",
        "Governor Tom Hale",
        "said",
        "help was coming",
    ),
    # the parser hangs the whole apposition on "Courier"; the comma after the name closes it
    (
        "In a statement to the Courier, her senior policy adviser, Tom Berger, said the old bridge would "
        "close in May.",
        "Tom Berger",
        "said",
        "the old bridge would close in May",
    ),
    # the name is hung on the date as an apposition, and its own apposition ends in a prepositional
    # phrase ("in Lisbon") and with the comma the parser hangs on the name
    (
        "But in a conference call with reporters on Dec. 2, Col. Ines Duarte, a military spokeswoman "
        "in Lisbon, said the old bridge would close in May.",
        "Col. Ines Duarte",
        "said",
        "the old bridge would close in May",
    ),
    # the parser reads the participle describing the subject as the subject's verb and hangs it on
    # the cue, which is left with no subject
    (
        "Large majorities of the fishermen in six towns going to the meeting on Tuesday said they "
        "support the ban.",
        "Large majorities of the fishermen in six towns",
        "said",
        "they support the ban",
    ),
    # a finite cue conjoined to a passive verb shares its subject
    (
        "By the end of the day, Mayor Tom Rivers was forced into a rare retreat and said that his "
        "words had been misread.",
        "Mayor Tom Rivers",
        "said",
        "his words had been misread",
    ),
]


# the parser hangs the name on the verb as a compound, as if it were part of a noun
COMPOUND: list[tuple[str, str, str]] = [
    (
        'When someone in the audience shouted, "Berger," Duarte joked, again using a thick accent, '
        '"Come on up and join us!"',
        "joked",
        "Duarte",
    ),
]


@pytest.mark.parametrize(("text", "cue", "mention"), COMPOUND)
def test_a_name_hung_on_the_verb_is_its_subject(text: str, cue: str, mention: str) -> None:
    found = [
        a.speaker_mention.text if a.speaker_mention else None
        for a in extract_attributions(text)
        if a.cue is not None and a.cue.text == cue
    ]
    assert found == [mention]


@pytest.mark.parametrize(("text", "mention", "cue", "content"), CASES)
def test_the_name_before_a_subjectless_cue_speaks(text: str, mention: str, cue: str, content: str) -> None:
    assert mentions_with(text, cue, content) == [mention]


@pytest.mark.parametrize(
    "text",
    [
        # a participle is no finite cue: nobody speaks here
        "The new rules, said to be strict, will take effect in May.",
        "Announced in March, the new rules will take effect in May.",
        # conjoined to a passive verb, but passive itself: the plan is said to cost, it says nothing
        "The new ferry was approved on Monday and said to cost $5 million.",
    ],
)
def test_no_finite_cue_no_speaker(text: str) -> None:
    assert extract_attributions(text) == []


GOVERNED: list[tuple[str, str, str, str]] = [
    # a cue conjoined to a gerund under "was back to": the subject of "was" speaks
    (
        "The mayor was back to boasting about the budget and vowing to win a third term.",
        "The mayor",
        "vowing",
        "to win a third term",
    ),
    (
        "The governor was back to talking about jobs and promising to cut taxes.",
        "The governor",
        "promising",
        "to cut taxes",
    ),
    (
        "After weeks of silence, the minister was back to touting the plan and insisting that it would work.",
        "the minister",
        "insisting",
        "it would work",
    ),
    # an infinitive under an adjective or a verb with no object of its own: the subject above
    (
        "Older voters were slightly more likely to say they preferred Ortiz.",
        "Older voters",
        "say",
        "they preferred Ortiz",
    ),
    (
        "The senator was quick to point out that the bill had failed twice.",
        "The senator",
        "point out",
        "the bill had failed twice",
    ),
    # a gerund after a preposition, under a verb with no object of its own
    (
        "The mayor broke with her habit of not criticizing the council.",
        "The mayor",
        "criticizing",
        "the council",
    ),
    (
        "In responding on Friday, the campaign took the unusual step of criticizing the intelligence agencies.",
        "the campaign",
        "criticizing",
        "the intelligence agencies",
    ),
]


@pytest.mark.parametrize(("text", "mention", "cue", "content"), GOVERNED)
def test_a_subjectless_conjoined_cue_shares_the_subject_above(
    text: str, mention: str, cue: str, content: str
) -> None:
    assert mentions_with(text, cue, content) == [mention]


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # the parser conjoins "vowing" to the reported clause: its subject is reported, not speaking
        (
            "Ada Vos emailed supporters saying the fight goes on and vowing to compete in the final "
            "primary next week.",
            "the fight",
        ),
        # the one asked is not the asker
        (
            "Vos told the radio station in an interview aired on Monday when asked how trade would fare.",
            "Vos",
        ),
    ],
)
def test_no_subject_from_inside_a_reported_clause_or_for_the_one_asked(text: str, not_speaker: str) -> None:
    mentions = [a.speaker_mention.text for a in extract_attributions(text) if a.speaker_mention is not None]
    assert not_speaker not in mentions
