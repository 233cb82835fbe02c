"""Nominal cues, relative-clause cues, paraphrases that run into a quotation, and the clause-first
rule's need for a comma: sentence -> expected (speaker, mention, cue, content, kind)."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions

# (text, speaker name, mention, cue, content, kind)
CASES: list[tuple[str, str, str, str, str, str]] = [
    (
        "Ada Fischer's statement that the bridge would reopen in May surprised the council.",
        "Ada Fischer",
        "Ada Fischer's",
        "statement",
        "the bridge would reopen in May",
        "indirect",
    ),
    (
        "Ada Fischer spoke on Monday.\nHis claim that the vote was rigged was rejected by the court.",
        "Ada Fischer",
        "His",
        "claim",
        "the vote was rigged",
        "indirect",
    ),
    (
        "It was a proposal the union has dismissed as a stunt aimed at the press.",
        "union",
        "the union",
        "dismissed",
        "a stunt aimed at the press",
        "indirect",
    ),
    (
        # the relative pronoun is no content, and the content never holds its own cue
        'The list includes a group of states that Ada Fischer described as the "war party".',
        "Ada Fischer",
        "Ada Fischer",
        "described",
        'the "war party"',
        "mixed",
    ),
    (
        "It was a merger which the regulator described as harmful to consumers.",
        "regulator",
        "the regulator",
        "described",
        "harmful to consumers",
        "indirect",
    ),
    (
        # one paraphrase that runs on into a quotation, closed by a second cue: one attribution
        'Ada Fischer emphasized that the two votes are "entirely separate matters. '
        'But neither can wait much longer," she added.',
        "Ada Fischer",
        "Ada Fischer",
        "emphasized",
        'the two votes are "entirely separate matters. But neither can wait much longer',
        "mixed",
    ),
    (
        # a parenthetical cue: the sentence around it is the content (one span, cue inside)
        "Most of the closures, Tom Rivers said, have hit the smaller courses.",
        "Tom Rivers",
        "Tom Rivers",
        "said",
        "Most of the closures, Tom Rivers said, have hit the smaller courses",
        "indirect",
    ),
    (
        "As Tom Rivers said, the two parties have become less ideological.",
        "Tom Rivers",
        "Tom Rivers",
        "said",
        "the two parties have become less ideological",
        "indirect",
    ),
    (
        # a clause the parser reads as the object of "said"; the occasion after it is cut off
        "Tom Rivers also said the city's shift in housing policy aligns with Brussels's plans, "
        "in an interview aired on Monday.",
        "Tom Rivers",
        "Tom Rivers",
        "said",
        "the city's shift in housing policy aligns with Brussels's plans",
        "indirect",
    ),
    (
        "Tom Rivers said the strike would end soon, in an interview with a local radio station.",
        "Tom Rivers",
        "Tom Rivers",
        "said",
        "the strike would end soon",
        "indirect",
    ),
    (
        # the clause after the cue is its content, not the clause before the semicolon
        "Tom Rivers waved at the crowd at the finish line; he says he fears returning home and is seeking asylum.",
        "Tom Rivers",
        "he",
        "says",
        "he fears returning home and is seeking asylum",
        "indirect",
    ),
    (
        'Tom Rivers told "Morning Edition" that the strike would end soon.',
        "Tom Rivers",
        "Tom Rivers",
        "told",
        "the strike would end soon",
        "indirect",
    ),
    (
        "Prices at the pump have started to fall, Tom Rivers told the local radio station.",
        "Tom Rivers",
        "Tom Rivers",
        "told",
        "Prices at the pump have started to fall",
        "indirect",
    ),
    (
        # "call" with a quoted label: the parser reads the label as the object, or leaves no object
        "Ada Fischer called the council members \u201cthugs\u201d without proof.",
        "Ada Fischer",
        "Ada Fischer",
        "called",
        "the council members \u201cthugs\u201d",
        "mixed",
    ),
    (
        "Ada Fischer called both the mayor and the treasurer \u201ccareless\u201d on Monday.",
        "Ada Fischer",
        "Ada Fischer",
        "called",
        "both the mayor and the treasurer \u201ccareless\u201d",
        "mixed",
    ),
    (
        # a participle after the comma follows on from the clause; it does not report it
        "Tom Rivers replied on the radio, calling the ruling \u201cpathetic\u201d and \u201cdangerous.\u201d",
        "Tom Rivers",
        "Tom Rivers",
        "calling",
        "the ruling \u201cpathetic\u201d and \u201cdangerous.\u201d",
        "mixed",
    ),
    # a participle the parser hangs on the medium ("on Twitter") reports for the verb's subject
    (
        "Last week Ada Fischer posted on Twitter accusing the council of hiding the costs.",
        "Ada Fischer",
        "Ada Fischer",
        "accusing",
        "the council of hiding the costs",
        "indirect",
    ),
    # a short gerund is what was denied
    (
        "Tom Rivers has twice denied doing anything wrong.",
        "Tom Rivers",
        "Tom Rivers",
        "denied",
        "doing anything wrong",
        "indirect",
    ),
    # "if" and "whether" stay: without them a condition or a question reads as a claim
    (
        "Ada Fischer said if the talks fail, the strike will go on.",
        "Ada Fischer",
        "Ada Fischer",
        "said",
        "if the talks fail, the strike will go on",
        "indirect",
    ),
    # the question of "asked X if ...", which the parser reads as an adverbial clause
    (
        "Then Ada Fischer asked the students if they were always so serious.",
        "Ada Fischer",
        "Ada Fischer",
        "asked",
        "if they were always so serious",
        "indirect",
    ),
    # "according to" at the end sources every conjunct before it, not only the last
    (
        "The mill closed in May, and the bakery laid off 20 workers, according to Ada Fischer.",
        "Ada Fischer",
        "Ada Fischer",
        "according to",
        "The mill closed in May, and the bakery laid off 20 workers",
        "indirect",
    ),
    # the parser makes a quoted subject the cue's object: the clause keeps its subject, and the
    # quotation opening the content keeps its mark
    (
        "Tom Rivers testified \u201chundreds\u201d of letters in fact had never been opened.",
        "Tom Rivers",
        "Tom Rivers",
        "testified",
        "\u201chundreds\u201d of letters in fact had never been opened",
        "mixed",
    ),
    (
        "Tom Rivers said \u201cdozens\u201d of homes were flooded overnight.",
        "Tom Rivers",
        "Tom Rivers",
        "said",
        "\u201cdozens\u201d of homes were flooded overnight",
        "mixed",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "mention", "cue", "content", "kind"), CASES)
def test_form(text: str, speaker: str, mention: str, cue: str, content: str, kind: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == speaker
    assert a.speaker_mention is not None and a.speaker_mention.text == mention
    assert a.cue is not None and a.cue.text == cue
    assert a.content.text == content
    assert a.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        # a noun of saying with no possessor names no one
        "The claim that the vote was rigged was rejected by the court.",
        # "that" opening a relative clause is not a complement
        "The statement that she issued on Monday was brief.",
        # "continues to push" is an action, not a clause-first report of what precedes it
        "The two unions have sent delegates to the talks, as the ministry continues to push for a deal.",
        # a short object of "said" is not a misread clause
        "Tom Rivers said a prayer for the victims.",
        # how a source asked to be quoted is not what they said
        "The official asked not to be identified.",
        "The aide spoke on condition of anonymity to discuss the plan.",
        # a participle describing a person in a place is no report of the main verb's subject
        "Tom Rivers waved at a man in the crowd shouting at the band.",
        # "call" with a plain object is a telephone call
        "Tom Rivers called the council office on Monday.",
        # a relative pronoun alone is no content: "which" is not what the ministry denied
        "The paper printed the reports, which the ministry denied.",
        # a short title-case quotation is a title, not something said
        'Tom Rivers wrote "Going Home Again" in 1999.',
    ],
)
def test_not_attributions(text: str) -> None:
    assert extract_attributions(text) == []


def test_when_asked_the_one_asked_is_not_the_asker() -> None:
    found = extract_attributions("When asked how she would vote, Ada Fischer said she had not decided.")
    assert [(a.cue.text if a.cue else None, a.content.text) for a in found] == [
        ("said", "she had not decided")
    ]


def test_a_clause_hung_on_the_occasion_is_the_report() -> None:
    (a,) = extract_attributions("The ministry said in a statement that the talks would resume in May.")
    assert a.cue is not None and a.cue.text == "said"
    assert a.content.text == "the talks would resume in May"
    assert extract_attributions("He made a statement that nobody understood.") == []


@pytest.mark.parametrize(
    "text",
    [
        '"The budget is a fraud," Ada Vos said Sunday on KLTV\'s "Meet the Voters." "Nobody believes it."',
        'Ada Vos said so on Sunday on "Face the Nation."',
    ],
)
def test_a_show_named_after_the_cue_is_no_statement(text: str) -> None:
    # the full stop inside the marks does not make the programme's name a quoted sentence
    assert not any(
        "Voters" in a.content.text or "Nation" in a.content.text for a in extract_attributions(text)
    )


def test_a_short_sentence_in_capitals_is_still_quoted_speech() -> None:
    (a,) = extract_attributions('The mayor said, "We Will Win."')
    assert a.content.text == "We Will Win." and a.kind == "direct"
