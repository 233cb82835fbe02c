"""Quotations attributed by where they stand rather than by a lexicon cue, and scraped text that
glues marks to words: sentence -> expected (speaker name, mention, cue, content, kind)."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions

# (text, speaker name, mention, cue, content, kind)
CASES: list[tuple[str, str, str, str, str, str]] = [
    # an opening mark glued to the comma or colon before it
    (
        "Mayor Ines Duarte said,\u201cThe bridge opens in May. Nobody should doubt it.\u201d",
        "Ines Duarte",
        "Mayor Ines Duarte",
        "said",
        "The bridge opens in May. Nobody should doubt it.",
        "direct",
    ),
    (
        'Councillor Piet Maas told reporters:"We will not sign this budget."',
        "Piet Maas",
        "Councillor Piet Maas",
        "told",
        "We will not sign this budget.",
        "direct",
    ),
    # a nested quotation closes just before the outer one: the comma or question mark is inside
    (
        "\u201cHer first words were, \u2018What can we do to help?\u2019\u201d Aldo Ferri told the council.",
        "Aldo Ferri",
        "Aldo Ferri",
        "told",
        "Her first words were, \u2018What can we do to help?\u2019",
        "direct",
    ),
    # a cue participle after a comma reports the quotation for the subject of the clause before
    # it, though the parser takes the participle for the quotation's subject or for a noun
    (
        "Lena Ortiz shared the news on social media last week, writing "
        "\u201cFeels great to be back on the road with my band.\u201d",
        "Lena Ortiz",
        "Lena Ortiz",
        "writing",
        "Feels great to be back on the road with my band.",
        "direct",
    ),
    (
        "Lena Ortiz shared the news on Friday, writing: \u201cFeels great to be back on the road.\u201d",
        "Lena Ortiz",
        "Lena Ortiz",
        "writing",
        "Feels great to be back on the road.",
        "direct",
    ),
    # any verb right before the comma or colon that opens a quotation reports it
    (
        'On the new album, Lena Ortiz sings, "Nobody waits for the rain to stop."',
        "Lena Ortiz",
        "Lena Ortiz",
        "sings",
        "Nobody waits for the rain to stop.",
        "direct",
    ),
    (
        'The festival was a hit. As the Daily Ledger put it, "The town has never been so loud."',
        "Daily Ledger",
        "the Daily Ledger",
        "put",
        "The town has never been so loud.",
        "direct",
    ),
    # the present tense too
    (
        'The festival was a hit. As Ada Vos puts it, "The town has never been so loud."',
        "Ada Vos",
        "Ada Vos",
        "puts",
        "The town has never been so loud.",
        "direct",
    ),
    # the verb before its subject after an exclaiming quotation
    (
        '"What a night this has been!" beamed Marta Kowal as the results came in.',
        "Marta Kowal",
        "Marta Kowal",
        "beamed",
        "What a night this has been!",
        "direct",
    ),
    # a label after a dash inside a paragraph
    (
        "The survey has problems - Civic Panel Research: \u201cThe samples include more engaged "
        "people than the census says they should.\u201d",
        "Civic Panel Research",
        "Civic Panel Research",
        ":",
        "The samples include more engaged people than the census says they should.",
        "direct",
    ),
    # a label that opens a later paragraph, or ends the paragraph before the quotation
    (
        "The vote is on Friday.\nIrma Vos: \u201cWe will win this, and we will win it well.\u201d",
        "Irma Vos",
        "Irma Vos",
        ":",
        "We will win this, and we will win it well.",
        "direct",
    ),
    (
        "The show aired on Monday.\nStated Vos:\n\u201cThe stakes are so high that nobody can stay home.\u201d",
        "Vos",
        "Vos",
        "Stated",
        "The stakes are so high that nobody can stay home.",
        "direct",
    ),
    # an opening curly mark typed where the closing one belongs
    (
        "\u201cIf we lose the north, that could create real problems for us here,\u201c said Ada Fischer.",
        "Ada Fischer",
        "Ada Fischer",
        "said",
        "If we lose the north, that could create real problems for us here",
        "direct",
    ),
    # a quotation introduced by a colon and cued after it: the cue reports the quotation alone
    (
        "After the flood, Tom Rivers warned that the town had changed: \u201cThis is no longer "
        "our town,\u201d he said.",
        "Tom Rivers",
        "he",
        "said",
        "This is no longer our town",
        "direct",
    ),
    # what follows the closing comma of a quotation that opens the content is the writer's framing
    (
        "Tom Rivers had said, \u201cWe will see,\u201d when asked whether he would run again.",
        "Tom Rivers",
        "Tom Rivers",
        "said",
        "We will see",
        "direct",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "mention", "cue", "content", "kind"), CASES)
def test_quotation_slot(text: str, speaker: str, mention: str, cue: str, content: str, kind: str) -> None:
    found = [
        (a.speaker.name if a.speaker else None, a.speaker_mention.text if a.speaker_mention else None, a.kind)
        for a in extract_attributions(text)
        if a.cue is not None and a.cue.text == cue and a.content.text == content
    ]
    assert found == [(speaker, mention, kind)]


@pytest.mark.parametrize(
    "text",
    [
        # a quotation after a comma with no verb before it names no one
        'The river, "the old giant" to locals, flooded twice this year.',
        # "it is" before the colon is no speaker
        'The motto is simple: "Build it once and build it well."',
        # a mid-sentence word and a colon is not a label
        'Only one thing mattered to the voters of the town - money: "the price of bread."',
        # a participle of no speech verb after a comma is no cue
        'The fire spread over the hill, burning "everything in its path for miles."',
    ],
)
def test_no_speaker_no_attribution(text: str) -> None:
    assert extract_attributions(text) == []


@pytest.mark.parametrize(
    ("title", "speaker", "content"),
    [
        (
            "Ines Duarte: \u2018Of Course\u2019 the Bridge Will Open in May",
            "Ines Duarte",
            "\u2018Of Course\u2019 the Bridge Will Open in May",
        ),
        ("The bridge will not open in May: Ines Duarte", "Ines Duarte", "The bridge will not open in May"),
        # some sources end a title with a full stop
        ("Ines Duarte: The Bridge Will Not Open in May.", "Ines Duarte", "The Bridge Will Not Open in May"),
        # a wholly quoted title is also a "Name: quote" label: still one attribution, not two
        (
            "Ines Duarte: \u2018I\u2019m the Worst Thing That Ever Happened to the Council.\u2019",
            "Ines Duarte",
            "I\u2019m the Worst Thing That Ever Happened to the Council.",
        ),
    ],
)
def test_a_title_line_with_a_name_and_a_colon(title: str, speaker: str, content: str) -> None:
    (a,) = extract_attributions(f"{title}\n\nThe council met Ines Duarte on Monday.\n")
    assert a.speaker is not None and a.speaker.name == speaker
    assert a.content.text == content


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Update: The vote has been moved to next Friday", "An update was posted on Monday."),
        ("Watch: the full debate tonight", "Watch the council on Monday."),
        ("The Latest: Council votes to close the bridge.", "The Latest news came on Monday."),
        # a title-case label the article never names again is a section, not a speaker
        ("Bridges Over Water: The Council Votes to Close the Old Crossing.", "The council met on Monday."),
        # two sentences are a lead paragraph, not a title
        ("Ines Duarte: The bridge will close. The council will vote on Monday.", "Duarte met the council."),
    ],
)
def test_a_title_line_labelled_with_a_kind_of_story_names_no_one(title: str, body: str) -> None:
    assert extract_attributions(f"{title}\n\n{body}\n") == []


def test_a_first_name_that_is_also_a_cue_stays_a_name() -> None:
    text = "The rally ended late.\nHope Hicks: \u201cWe are very pleased with the turnout tonight.\u201d\n"
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Hope Hicks"
    assert a.speaker_mention is not None and a.speaker_mention.text == "Hope Hicks"


def test_a_title_in_the_speakers_description_is_not_what_they_said() -> None:
    text = 'Ada Fischer, the author of "Going Home," about her years abroad, said the book took a decade.'
    (a,) = extract_attributions(text)
    assert a.content.text == "the book took a decade"


_TRANSCRIPT = (
    "Mayor backs the plan\n\n"
    "Mayor Ines Duarte spoke to the host Piet Maas on Sunday.\n\n"
    "PIET MAAS: The council voted on Friday. Do you think the bridge will open in May?\n\n"
    "DUARTE: I think it will open in May. The money is there.\n\n"
    "MAAS: And the ferry?\n"
)


def test_each_turn_of_a_transcript_is_its_speakers_words() -> None:
    got = [(a.speaker.name if a.speaker else None, a.content.text) for a in extract_attributions(_TRANSCRIPT)]
    # "I think" and "do you think" within a turn are the turn itself, not reports of their own
    assert got == [
        ("Piet Maas", "The council voted on Friday. Do you think the bridge will open in May?"),
        ("Ines Duarte", "I think it will open in May. The money is there."),
        ("Piet Maas", "And the ferry?"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # labels in capitals that name no one, or one label only: no transcript
        "The council met.\n\nUPDATE: The vote was moved.\n\nEXCLUSIVE: The plan is out.\n\nNOTE: Maps below.\n",
        "Polls.\n\nPOLLWATCH: Duarte leads by six.\n\nPOLLWATCH: Maas gains in the north.\n\n"
        "POLLWATCH: Turnout is up.\n",
    ],
)
def test_labels_in_capitals_without_a_dialogue_are_no_transcript(text: str) -> None:
    assert extract_attributions(text) == []


@pytest.mark.parametrize(
    ("text", "mention", "cue"),
    [
        # "read" after a quotation reports it, whatever the tagger makes of it, before or after
        # its subject
        ('"Friends, let me be blunt. We can win this seat," the email read.', "email", "read"),
        ('"Vote for the levy!" read one of the signs.', "one of the signs", "read"),
        (
            '"The budget is a disgrace," read the statement from her office.',
            "the statement",
            "read",
        ),
        # a surname the tagger takes for an adverb or a verb is still the subject
        ('"Our plan is working," said Skelly, explaining the new figures.', "Skelly", "said"),
        # a quotation that ends in a full stop, reported by a cue that ends its sentence
        ('"I hope they find the missing files." Ada Vos said.', "Ada Vos", "said"),
    ],
)
def test_the_verb_and_subject_right_after_a_quotation_report_it(text: str, mention: str, cue: str) -> None:
    (a,) = extract_attributions(text)
    assert a.kind == "direct"
    assert a.speaker_mention is not None and a.speaker_mention.text == mention
    assert a.cue is not None and a.cue.text == cue


def test_a_noun_phrase_after_another_verb_is_its_object_not_the_quotations_speaker() -> None:
    text = "And Karl Berg, after a new video about the ''price of silence,'' revamped his plans for Monday."
    assert all(
        a.speaker_mention is None or a.speaker_mention.text != "his plans" for a in extract_attributions(text)
    )


def test_a_cue_with_a_statement_of_its_own_does_not_report_the_quotation_before_it() -> None:
    # the quotation ends in a full stop and the next sentence says something of its own
    found = extract_attributions('"We will win the county." Ada Vos said the polls were wrong.')
    assert [a.content.text for a in found] == ["the polls were wrong"]


@pytest.mark.parametrize(
    ("text", "mention", "cue"),
    [
        # a name, an appositive between commas, then the verb
        (
            '"Not us, but we cannot argue with it!" Berg, the head of Save the Pier, tweeted on Friday.',
            "Berg",
            "tweeted",
        ),
        ('"We will win," Ada Vos, the party chair, said on Friday.', "Ada Vos", "said"),
    ],
)
def test_a_speaker_with_an_appositive_after_the_quotation(text: str, mention: str, cue: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker_mention is not None and a.speaker_mention.text == mention
    assert a.cue is not None and a.cue.text == cue


def test_a_name_after_a_quotation_without_a_verb_after_its_appositive_does_not_report_it() -> None:
    found = extract_attributions('"We will win," Ada Vos, a teacher, and her husband left the hall.')
    assert all(a.speaker_mention is None or a.speaker_mention.text != "Ada Vos" for a in found)
