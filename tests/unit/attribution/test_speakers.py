"""Speaker resolution within one article: surnames, pronouns, roles, appositives, via, addressee."""

from __future__ import annotations

import pytest

from onrecord.attribution import extract_attributions
from onrecord.attribution.speakers import is_dateline


def test_surname_and_pronoun_resolve_to_full_name_with_role() -> None:
    text = (
        "Harbour spokesman Piet Janssen said the port would reopen on Monday.\n\n"
        "Janssen said repairs had cost less than expected.\n\n"
        "He added that two cranes were still out of service."
    )
    found = extract_attributions(text)
    assert len(found) == 3
    for a in found:
        assert a.speaker is not None
        assert a.speaker.name == "Piet Janssen"
        assert a.speaker.type == "person"
        assert "Harbour spokesman" in a.speaker.roles
    assert found[2].speaker_mention is not None and found[2].speaker_mention.text == "He"
    assert found[2].confidence < found[0].confidence


def test_unresolved_pronoun_stays_unknown() -> None:
    (a,) = extract_attributions("She said the results would be published in June.")
    assert a.speaker is not None
    assert a.speaker.type == "unknown"
    assert a.speaker.name is None
    assert a.confidence < 0.5


def test_role_mention_resolves_to_person_introduced_with_it() -> None:
    text = (
        "Chilean President Marta Ruiz met the delegation on Friday.\n\n"
        "The Chilean president said the talks had been useful."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Marta Ruiz"


def test_appositive_gives_the_role() -> None:
    (a,) = extract_attributions("Hugo Brandt, a doctor, said the clinic was full.")
    assert a.speaker is not None and a.speaker.name == "Hugo Brandt"
    assert "doctor" in a.speaker.roles
    assert a.speaker_mention is not None and a.speaker_mention.text == "Hugo Brandt"


def test_quoted_as_saying_with_via() -> None:
    (a,) = extract_attributions("Reuters quoted Piet Janssen as saying that the port was closed.")
    assert a.speaker is not None and a.speaker.name == "Piet Janssen"
    assert a.via is not None and a.via.text == "Reuters"


def test_addressee() -> None:
    (a,) = extract_attributions("Piet Janssen told reporters that the port was closed.")
    assert a.addressee is not None and a.addressee.text == "reporters"


def test_participial_follow_on_inherits_the_speaker() -> None:
    found = extract_attributions(
        "Piet Janssen said the port was closed, adding that it would reopen within a week."
    )
    contents = {a.content.text: a for a in found}
    assert "it would reopen within a week" in contents
    spk = contents["it would reopen within a week"].speaker
    assert spk is not None and spk.name == "Piet Janssen"


def test_groups_and_organisations() -> None:
    found = extract_attributions(
        "City officials said the tunnel was safe. The ministry denied that any inspection had failed."
    )
    types = [a.speaker.type for a in found if a.speaker]
    assert types == ["group", "organization"]


def test_a_name_at_a_sentence_end_is_not_joined_to_the_next_sentence() -> None:
    text = (
        "The council has sided with Mr. Ortega. Mrs. Lindqvist has kept her distance. "
        "She said the plan would fail. Sen. Paul A. Reyes Jr. said it would pass."
    )
    said = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "said"]
    assert [a.speaker.name for a in said if a.speaker is not None] == ["Lindqvist", "Paul A. Reyes Jr."]


def test_an_abbreviated_title_is_the_role() -> None:
    text = (
        "Republican Gov. Marta Ruiz met the teachers on Friday.\n\n"
        "The governor said she was waiting for the pay commission."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Marta Ruiz"


def test_a_title_before_a_surname_alone_is_a_role_of_that_person() -> None:
    text = (
        "President Ruiz opened the new bridge on Friday.\n\n"
        "The president said the tolls would be lifted next year."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ruiz"


def test_a_document_speaks_for_its_author() -> None:
    text = (
        "The coast guard said in a statement that two fishermen had been rescued.\n\n"
        "The statement said the cause of the sinking was under investigation."
    )
    first, second = extract_attributions(text)
    assert first.content.text == "two fishermen had been rescued"
    assert first.speaker is not None and second.speaker is not None
    assert second.speaker.name == first.speaker.name


def test_a_document_someone_only_commented_on_is_not_theirs() -> None:
    text = (
        "Dmitry Peskov dismissed a report by Reuters on Monday.\n\n"
        "The report said that troops had moved to the border."
    )
    report = extract_attributions(text)[-1]
    assert report.speaker is not None and report.speaker.name != "Dmitry Peskov"


def test_a_dateline_is_not_a_speaker() -> None:
    text = "SIOUX FALLS, S.D. (AP) \u2014 People across the state are talking about it.\n"
    assert is_dateline(text, 0, len("SIOUX FALLS"))
    assert is_dateline("Indianapolis \u2013 Several thousand teachers", 0, len("Indianapolis"))
    assert not is_dateline("The union \u2014 and its lawyers \u2014 said no.", 4, 9)
    assert not is_dateline("Ada Fischer said \u2014 twice \u2014 that it was over.", 0, 11)


def test_a_hyphenated_name_is_one_name() -> None:
    (a,) = extract_attributions("\u201cThey are criminals,\u201d said police spokesman Cheuk Hau-yip.")
    assert a.speaker is not None and a.speaker.name == "Cheuk Hau-yip"
    (b,) = extract_attributions("Cheuk Hau-yip said the protesters were criminals.")
    assert b.speaker is not None and b.speaker.name == "Cheuk Hau-yip"
    assert b.speaker_mention is not None and b.speaker_mention.text == "Cheuk Hau-yip"


def test_a_subject_with_an_aside_between_dashes_is_no_dateline() -> None:
    assert not is_dateline("Ada Fischer \u2014 a teacher from Leeds \u2014 says she voted.", 0, 11)
    assert not is_dateline("Ada Fischer \u2014 Mr. Rivers's deputy \u2014 said no.", 0, 11)
    assert not is_dateline("Many speakers \u2014 including the mayor \u2014 said so.", 0, 13)


def test_she_is_not_the_last_speaker_when_he_is_known_to_be_a_man() -> None:
    text = (
        "Mr. Rivers said the bridge would reopen.\n\n"
        "Ms. Fischer arrived later.\n\n"
        "Rivers added that the tolls would stay.\n\n"
        "She said the council had not been told."
    )
    found = extract_attributions(text)
    last = found[-1]
    assert last.speaker_mention is not None and last.speaker_mention.text == "She"
    assert last.speaker is not None and last.speaker.name != "Rivers"


def test_a_surname_the_tagger_reads_as_a_plural_is_the_person() -> None:
    text = "Bernie Sanders spoke in Iowa on Monday.\n\nSanders said the plan would fail."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and (a.speaker.name, a.speaker.type) == ("Bernie Sanders", "person")


def test_an_office_of_a_place_is_a_role_not_part_of_the_name() -> None:
    text = (
        "Secretary of State Ada Fischer arrived on Monday.\n\n"
        "The secretary of state said the talks had been useful."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ada Fischer"
    assert "Secretary of State" in a.speaker.roles


def test_a_role_used_before_the_person_is_named_with_it() -> None:
    text = (
        "China\u2019s ambassador to Britain accused the two governments of meddling.\n\n"
        "China\u2019s ambassador to Britain Liu Xiaming has said that the army could be deployed."
    )
    first, second = extract_attributions(text)
    assert first.speaker is not None and first.speaker.name == "Liu Xiaming"
    assert second.speaker is not None and (second.speaker.name, second.speaker.type) == (
        "Liu Xiaming",
        "person",
    )


def test_he_is_the_person_named_earlier_in_his_own_sentence() -> None:
    text = (
        "Lena Ortiz, the defence lawyer, said the trial would take a week.\n\n"
        "Tomas Brandt was detained in May after a call in which he said he would burn the depot."
    )
    found = extract_attributions(text)
    last = found[-1]
    assert last.speaker_mention is not None and last.speaker_mention.text == "he"
    assert last.speaker is not None and last.speaker.name == "Tomas Brandt"


def test_he_is_the_subject_of_the_sentence_before_not_the_last_speaker() -> None:
    text = (
        "Piet Janssen said the port would reopen on Monday.\n\n"
        "Omar Haddad was the second witness to meet the minister, Karl Berg, on Tuesday. "
        "He said the meeting had been short."
    )
    found = extract_attributions(text)
    last = found[-1]
    assert last.speaker_mention is not None and last.speaker_mention.text == "He"
    assert last.speaker is not None and last.speaker.name == "Omar Haddad"


def test_a_name_inside_a_quotation_is_not_what_a_pronoun_refers_to() -> None:
    text = (
        "Piet Janssen spoke on Monday.\n\n"
        '"Karl Berg never called me back," he said. "We waited for a week," he added.'
    )
    found = extract_attributions(text)
    assert [a.speaker.name for a in found if a.speaker is not None] == ["Piet Janssen"] * 2


def test_a_name_after_the_is_an_organisation_not_a_person() -> None:
    (a,) = extract_attributions("The Blue Heron Collective said on Monday that the vote had been rigged.")
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type) == ("Blue Heron Collective", "organization")


def test_an_organisation_after_the_is_not_what_she_refers_to() -> None:
    text = "The Harbour Trust hired Ada Vos, a surveyor, in March.\n\nShe said the quay walls were sound."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ada Vos"


def test_a_reverend_after_the_is_still_a_person() -> None:
    text = "The Rev. Amos Okafor spoke on Sunday.\n\nOkafor said the shelter would stay open."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.type == "person"
    assert a.speaker.name is not None and a.speaker.name.endswith("Amos Okafor")


def test_a_role_noun_is_the_holder_of_the_role_named_last() -> None:
    text = (
        "Gov. Ada Vos of Ostland met teachers on Monday.\n\n"
        "Westland Gov. Karl Berg, who lost his seat this month, had cut their pay.\n\n"
        "Teachers did not see Vos at the capitol.\n\n"
        "The governor said she was waiting for a report."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ada Vos"


def test_a_role_noun_with_a_country_matches_a_title_without_one() -> None:
    text = (
        "Ukrainian President Olena Marchuk called for talks with President Orlov.\n\n"
        "The Russian president said on Friday that talks would have to wait."
    )
    a = extract_attributions(text)[-1]
    assert a.speaker_mention is not None and a.speaker_mention.text == "The Russian president"
    assert a.speaker is not None and a.speaker.name == "Orlov"


def test_the_company_is_the_company_just_introduced_under_its_name() -> None:
    text = (
        "The firm that prints her books, Lantern House, says the deal is off.\n\n"
        "But the company says it never signed anything."
    )
    first, second = extract_attributions(text)[:2]
    assert first.speaker is not None and first.speaker.name == "Lantern House"
    assert first.speaker.type == "organization"
    assert second.speaker is not None and second.speaker.name == "Lantern House"


def test_the_company_introducing_a_name_is_that_company() -> None:
    text = "The company that runs the fair, Orbit Events Ltd, denies that the show was cancelled."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and (a.speaker.name, a.speaker.type) == ("Orbit Events Ltd", "organization")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an organisation that just spoke under its name, though its name says nothing of a company
        (
            "Harbor News reported that the talks had stalled.\n\n"
            "The news organization, citing an official, said the mood was grim.",
            "Harbor News",
        ),
        (
            "Voltera Inc. said the car would be built in Ohio. The automaker said the price would fall.",
            "Voltera Inc.",
        ),
        # a description that spoke is no organisation to refer back to
        (
            "A statement from the mayor's office said the fair would go on.\n\n"
            "The company said its books were in order.",
            "company",
        ),
    ],
)
def test_the_company_is_the_organisation_that_just_spoke(text: str, name: str) -> None:
    a = extract_attributions(text)[-1]
    assert a.speaker is not None and a.speaker.name == name


def test_the_company_with_no_company_named_nearby_stays_the_company() -> None:
    text = "Ada Vos visited Westland on Monday.\n\nThe company said its books were in order."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "company"


def test_a_noun_with_an_appositive_name_is_that_person() -> None:
    text = (
        "Tomas Brandt arrived on Monday.\n\n"
        "Another diplomat, former envoy to France Lena Ortiz, said the talks had failed."
    )
    a = extract_attributions(text)[-1]
    assert a.speaker is not None and a.speaker.name == "Lena Ortiz"


def test_a_possessive_in_an_appositive_role_keeps_its_words_apart() -> None:
    text = "Sonya Vos, Tomas Brandt\u2019s attorney, told reporters that her client meant no harm."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Sonya Vos"
    assert a.speaker.roles == ("Tomas Brandt attorney",)


def test_the_person_after_a_dated_dateline_is_the_speaker() -> None:
    text = (
        "BRISTOL, March 3 (Wire) \u2014 Former Harbour Minister Ada Vos told delegates that the quay "
        "should be rebuilt.\n\nVos spoke for an hour."
    )
    a = extract_attributions(text)[0]
    assert a.speaker is not None and a.speaker.name == "Ada Vos"
    assert a.speaker_mention is not None and a.speaker_mention.text.endswith("Ada Vos")
    assert is_dateline(text, 0, 7)


def test_an_unnamed_source_is_unknown_and_described() -> None:
    (a,) = extract_attributions("A second person briefed on the talks said the deal was close.")
    assert a.speaker is not None and a.speaker.type == "unknown"
    assert a.speaker.name == "second person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an occupation or a rank before a name is a role, not part of the name
        ("Singer Lena Ortiz said the tour would go on.", "Lena Ortiz"),
        ("Lt. Col. Tomas Brandt said the call was improper.", "Tomas Brandt"),
        ("Superintendent Ada Vos said the schools would open.", "Ada Vos"),
        # a party, an adverb opening the sentence, or words before a courtesy title are not the name's
        ("Democrat Karl Berg said the plan was dead.", "Karl Berg"),
        ("Certainly Karl Berg said the plan was dead.", "Karl Berg"),
        ("Even Mr. Berg said the plan was dead.", "Berg"),
        # but a party word in an organisation's name and a first name ending in -ly stay
        ("The Democratic National Committee said the plan was dead.", "Democratic National Committee"),
        ("Emily Jane Kelly said the plan was dead.", "Emily Jane Kelly"),
        # a first name that is also an auxiliary stays
        ("Will Harding said the plan was dead.", "Will Harding"),
    ],
)
def test_words_before_a_name_that_are_not_the_name(text: str, name: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == name


@pytest.mark.parametrize(
    ("text", "description"),
    [
        # "he" is the man the clause around it is about, described, not named
        ("A New Haven man pleaded guilty to charges he threatened to burn the depot.", "New Haven man"),
        ("An Ohio River captain was fined on Monday. He said the warnings had come too late.", None),
    ],
)
def test_a_name_after_a_is_a_modifier_and_no_one_for_a_pronoun(text: str, description: str | None) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.type == "unknown" and a.speaker.name == description


def test_a_name_after_a_still_names_its_person_elsewhere() -> None:
    text = (
        "Mara Lind spoke at a Tomas Berger rally on Friday.\n\n"
        "Tomas Berger said the crowd was the largest of the campaign.\n\n"
        "He added that he would return in May."
    )
    found = extract_attributions(text)
    assert [a.speaker.name for a in found if a.speaker is not None] == ["Tomas Berger", "Tomas Berger"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the parser gives the cue two subjects, one inside the quotation: the one by the verb speaks
        (
            '"Thanks, everyone, for coming tonight," said festival director Ada Vos.',
            "festival director Ada Vos",
        ),
        ('"My apologies, I was wrong," Berg said after the vote.', "Berg"),
        # a relative pronoun and a pronoun before the cue: the pronoun speaks
        ("Lena Ortiz praised the agency, which she said saves lives every day.", "she"),
        # the cue hangs on the quoted clause: the speaker is the name after the closing mark
        ('"We were badly wrong from the start," Ramos, 58, told a reporter on Monday.', "Ramos"),
        # unchanged: a subject before the quotation, and a single subject before the cue
        ('Karl Berg said "we will win the state," adding that the polls were wrong.', "Karl Berg"),
        ('"The port will reopen on Monday," Piet Janssen said.', "Piet Janssen"),
        ("The mayor said the bridge, which engineers inspected last week, was safe.", "The mayor"),
    ],
)
def test_the_subject_outside_the_quotation_or_relative_speaks(text: str, mention: str) -> None:
    mentions = {a.speaker_mention.text for a in extract_attributions(text) if a.speaker_mention is not None}
    assert mention in mentions
    assert not any(m.split()[0].lower() in ("thanks", "my", "which", "we") for m in mentions)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a phrase cut off from the cue by a comma or a dash opens the sentence; the subject next
        # to the cue speaks
        ('Waving flags outside the hall, the strikers chanted "Fair pay now!"', "the strikers"),
        (
            "Cross-referencing voting records and patterns of job losses between 2002 and 2010, the "
            "researchers found that the hardest-hit areas were more likely to move to the far right.",
            "the researchers",
        ),
        ("The vote signals a turn for the coalition, said Lena Ortiz, a senator.", "Lena Ortiz"),
        # unchanged: a quantifier floated after the subject, and a subject with a name beside it
        (
            "The party's elders \u2014 once known for their discipline \u2014 both urged the mayor to resign.",
            "The party's elders",
        ),
        ('"I am better with my hands," said Tom Reyes, half joking.', "Tom Reyes"),
        (
            "On Saturday, Senator Ada Vos (D-Ore.) called on Governor Karl Berg to resign over the crisis.",
            "Senator Ada Vos",
        ),
    ],
)
def test_a_phrase_cut_off_from_the_cue_is_not_its_subject(text: str, mention: str) -> None:
    mentions = [a.speaker_mention.text for a in extract_attributions(text) if a.speaker_mention is not None]
    assert mentions and all(m == mention for m in mentions)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a dateline the parse hangs on the subject, or makes a second subject, ends at its dash
        (
            "RENO, Nev. (AP) \u2014 Republican presidential hopeful Karl Berg says he no longer watches football.",
            "Karl Berg",
        ),
        (
            "MACAU (Reuters) \u2013 Top party donor Ada Vos said on Friday she met the candidate this week.",
            "Top party donor Ada Vos",
        ),
        # unchanged: a subject with an aside between dashes
        ("Jason Sims \u2014 a teacher at the school \u2014 says it will close next year.", "Jason Sims"),
    ],
)
def test_a_dateline_before_its_dash_is_not_the_speaker(text: str, mention: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker_mention is not None and a.speaker_mention.text == mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a possessive ends a name: what follows is what it owns, not more of the name
        ("Ada Vos\u2019s September visit to Kyiv went well, she said.", "Ada Vos"),
        # no one's surname is a weekday
        (
            "Ada Vos Super Tuesday drew crowds. On Tuesday in Ohio, Karl Berg insisted that he had won, "
            "claiming that he is ahead.",
            "Karl Berg",
        ),
        # unchanged: a name that is not followed by anything it owns
        ("Wendy Sherman visited Kyiv in September, and she said the talks went well.", "Wendy Sherman"),
    ],
)
def test_a_name_ends_at_a_possessive_and_never_at_a_weekday(text: str, name: str) -> None:
    found = extract_attributions(text)
    assert found and all(a.speaker is not None and a.speaker.name == name for a in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We are cooperating with the inquiry," said a Larkspur spokesperson.', "Larkspur"),
        ("A spokesman for Halvorsen Shipping said the order was under review.", "Halvorsen Shipping"),
        ('"The visa was revoked," a State Department spokeswoman said.', "State Department"),
    ],
)
def test_an_unnamed_spokesperson_speaks_for_the_organisation(text: str, name: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == name and a.speaker.type == "organization"


@pytest.mark.parametrize(
    "text",
    [
        # no organisation named, or a person's spokesman: no organisation to speak for
        "A spokesman said the mayor was ill.",
        "Berger's spokesman said the rally would go ahead.",
    ],
)
def test_a_spokesperson_of_no_organisation_stays_unnamed(text: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name is None


def test_a_named_spokesperson_is_still_the_person() -> None:
    text = (
        "Harbour spokesman Piet Janssen spoke on Monday.\n\n"
        "The harbour spokesman said the port would reopen on Friday."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Piet Janssen"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a question word or a quantifier opening the sentence is not the first word of a name
        (
            "Whatever Lindqvist did for the bridge held up.\n\nLindqvist said the design would last.",
            "Lindqvist",
        ),
        ("Every Halvorsen ferry sailed on time.\n\nHalvorsen said the fleet was ready.", "Halvorsen"),
    ],
)
def test_a_question_word_or_quantifier_before_a_name_is_not_the_name(text: str, name: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == name


@pytest.mark.parametrize(
    "text",
    [
        # "we" in the writer's own words is the writer, never the group or company named before it
        "The data the engineers collected suggests the bridge is safe. We think the repairs worked.",
        "Local farmers met on Monday.\n\nWe believe the harvest will be late.",
    ],
)
def test_we_outside_a_quotation_stays_unknown(text: str) -> None:
    found = [a for a in extract_attributions(text) if a.speaker_mention and a.speaker_mention.text == "We"]
    assert found, "the cue after 'We' should be found"
    assert all(a.speaker is not None and a.speaker.type == "unknown" for a in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a nickname inside a quotation is not part of the name
        (
            'Lena Ortiz spoke on Monday.\n\n"Nobody beats Sneaky Lena Ortiz," Berg said.\n\n'
            "Ortiz said the plan would work.",
            "Lena Ortiz",
        ),
        # nor is a word opening a sentence that the article also writes in lower case
        (
            "Rival Lena Ortiz mocked the plan on Monday.\n\nHer rival, Karl Berg, defended it.\n\n"
            "Lena Ortiz said the plan would fail.\n\nOrtiz added that she would vote no.",
            "Lena Ortiz",
        ),
        # but a name of three words opening the article is the name, even when written shorter later
        (
            "Ana Lucia Ortiz visited the port on Monday.\n\nLucia Ortiz said the cranes were old.",
            "Ana Lucia Ortiz",
        ),
        # nor is a headline's first word that the article writes in lower case elsewhere
        (
            "Derelict Lindqvist Fails The Port Again\n\nThe derelict port was closed.\n\n"
            "Mayor Lindqvist said the port would reopen.",
            "Lindqvist",
        ),
        # a closing quotation mark or a plural possessive before a name ends what is not the name
        ("'Thin-skinned' Ortiz quells critics with threats.\n\nOrtiz said the press was unfair.", "Ortiz"),
        # a headline in title case names people, not one person with a long name
        (
            "Tomas Berger Calls Mara Lind a Liar\n\nOn Monday, mayor Mara Lind answered Tomas Berger.\n\n"
            "Lind said the attack was unfair.",
            "Mara Lind",
        ),
    ],
)
def test_the_name_a_surname_stands_for(text: str, name: str) -> None:
    found = extract_attributions(text)
    assert found and found[-1].speaker is not None and found[-1].speaker.name == name


def test_a_time_stamp_before_a_name_is_not_a_title() -> None:
    text = "9:09 PM Lena Ortiz answers her critics\n\nOrtiz said the plan would work."
    (a,) = [a for a in extract_attributions(text) if a.cue is not None and a.cue.text == "said"]
    assert a.speaker is not None and a.speaker.name == "Lena Ortiz"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a role never reaches back into the sentence before
        (
            "He opposed the Harbour Trade Pact. Republican nominee Lena Ortiz said the pact was a disaster.",
            "Republican nominee",
        ),
        # nor takes an adverb or a preposition before it
        ("Donors gave heavily for GOP nominee Lena Ortiz, who said the money would help.", "GOP nominee"),
    ],
)
def test_the_words_of_a_role_before_a_name(text: str, role: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.roles == (role,)


def test_a_title_before_a_surname_named_in_full_only_later_is_that_persons_role() -> None:
    text = (
        "Mayor Lindqvist opened the port on Monday.\n\n"
        "Ada Lindqvist, who took office in May, said the port would grow."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ada Lindqvist" and "Mayor" in a.speaker.roles


def test_a_title_before_a_surname_two_people_share_is_the_role_of_neither() -> None:
    text = (
        "Ada Lindqvist and Karl Lindqvist toured the port.\n\n"
        "Mayor Lindqvist opened it on Monday.\n\n"
        "Ada Lindqvist said the port would grow."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ada Lindqvist" and a.speaker.roles == ()


def test_a_title_before_a_shared_surname_is_the_role_of_the_one_introduced_with_it() -> None:
    text = (
        "Sen. Ada Lindqvist and her husband, Karl Lindqvist, toured the port.\n\n"
        "Senator Lindqvist opened it on Monday.\n\n"
        "Ada Lindqvist said the port would grow.\n\n"
        "Karl Lindqvist said the cranes were old."
    )
    roles = {a.speaker.name: a.speaker.roles for a in extract_attributions(text) if a.speaker is not None}
    assert roles == {"Ada Lindqvist": ("Sen.", "Senator"), "Karl Lindqvist": ()}


@pytest.mark.parametrize(
    ("text", "name", "type_", "roles"),
    [
        # a title standing alone is a role noun: the holder when one is known, else an unnamed holder
        (
            "Judge Ada Vos heard the case on Monday.\n\nJudge said the law was clear.",
            "Ada Vos",
            "person",
            ("Judge",),
        ),
        ("President said the talks would go on.", None, "person", ("President",)),
        # but a surname that is also a title is the person's ("Mr. King", a King named in full)
        ("Lena King hosts a show.\n\nMr. King said the show would go on.", "Lena King", "person", ()),
        # a descriptor before a name is the role, written as the article writes it
        (
            "Harbour-based consultant Lena Ortiz said the plan was dead.",
            "Lena Ortiz",
            "person",
            ("Harbour-based consultant",),
        ),
        (
            "South Korean-born Lena Ortiz said the plan was dead.",
            "Lena Ortiz",
            "person",
            ("South Korean-born",),
        ),
        # a negated auxiliary opening a question is not part of a name
        ("Don\u2019t Republicans say that the plan is dead?", "Republicans", "group", ()),
        # an acronym after a title word, and an assembly, are organisations
        ("Former DNC said the vote was final.", "DNC", "organization", ()),
        ("The Harbour Alliance said the vote was final.", "Harbour Alliance", "organization", ()),
    ],
)
def test_titles_acronyms_assemblies_and_opening_words(
    text: str, name: str | None, type_: str, roles: tuple[str, ...]
) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type, a.speaker.roles) == (name, type_, roles)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # a name seen in full only at the head of the title: a first word the tagger takes for
        # something other than a proper noun is the headline's, not the person's
        ("Understated Vela is quietly winning the race", "Vela"),
        ("Maybe Vela was right all along", "Vela"),
        ("Debating Vela: a hard task", "Vela"),
        ("Cecile Vela wins the seat", "Cecile Vela"),
    ],
)
def test_a_headline_word_before_a_surname_is_no_first_name(title: str, name: str) -> None:
    text = f"{title}\n\nThe senator ran a quiet campaign this year.\n\nVela said the polls showed her ahead."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # an adjective of the lexicon that the tagger reads as a first name before a name
        ("Derelict Vela and Ortiz;", "Vela"),
        ("Derelict Vela", "Vela"),
        ("Cecile Vela and Ortiz;", "Cecile Vela"),
    ],
)
def test_a_headline_adjective_tagged_as_a_name_is_no_first_name(title: str, name: str) -> None:
    text = (
        f"{title}\n\nPresident Vela and Senator Ortiz did not react to the attack.\n\n"
        "Vela said the polls showed her ahead."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == name


@pytest.mark.parametrize(
    ("title", "name"),
    [("Defiant Vela Vows To Stay In Race", "Vela"), ("Cecile Vela Vows To Stay In Race", "Cecile Vela")],
)
def test_the_headline_speaker_written_with_a_headline_word_is_the_surname(title: str, name: str) -> None:
    text = f"{title}\n\nThe senator ran a quiet campaign this year, and Vela won.\n\nVela said the polls were good."
    found = extract_attributions(text)
    assert [(a.speaker.name if a.speaker else None) for a in found] == [name, name]


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        # an adjective or adverb of the lexicon, read so by the tagger and never capitalised
        # inside a sentence, opens the sentence: no first name
        ("Maybe Vela is right about the deal after all.", "Vela"),
        # first names the tagger reads as names, and a role's word, stay
        ("Frank Vela is right about the deal after all.", "Frank Vela"),
        ("Retired Gen. Norman Vela is right about the deal after all.", "Norman Vela"),
    ],
)
def test_a_modifier_opening_a_sentence_is_no_first_name(opening: str, name: str) -> None:
    text = f"Talks resume in the capital\n\n{opening}\n\nVela said the deal was fine."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == name


def test_a_headline_word_gives_way_to_the_name_in_the_body() -> None:
    text = (
        "Top Vela adviser sent secret messages to her account\n\n"
        "Senator Ana Vela's top adviser wrote several of the messages.\n\n"
        "Vela said the messages were not marked secret."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ana Vela"


def test_a_spokesperson_of_a_named_person_speaks_for_no_organisation() -> None:
    text = (
        "Senator Ana Vela toured the port on Friday.\n\n"
        "A spokeswoman for Ana Vela said the senator would not comment."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.type, a.speaker.roles) == (
        None,
        "person",
        ("spokeswoman for Ana Vela",),
    )


def test_an_organisation_known_by_a_description_is_the_articles_own() -> None:
    said = "The campaign said the rally would go ahead."
    (a,) = extract_attributions(said, article="a1")
    (b,) = extract_attributions(said, article="a2")
    assert a.speaker is not None and b.speaker is not None
    assert (a.speaker.name, a.speaker.type) == ("campaign", "organization")
    assert a.speaker.id != b.speaker.id


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("FactLedger said the claim was false.", "FactLedger", "organization"),
        ("eVote said sales were up.", "eVote", "organization"),
        ("DataLeaks said it would publish more.", "DataLeaks", "organization"),
        # a capital inside a surname after its prefix is a person's
        ("McAllister said the bill would pass.", "McAllister", "person"),
        ("DeVries said the bill would pass.", "DeVries", "person"),
    ],
)
def test_a_single_word_with_a_capital_inside_is_a_brand(text: str, name: str, type_: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and (a.speaker.name, a.speaker.type) == (name, type_)


def test_a_word_before_a_full_name_that_is_not_part_of_it_elsewhere_gives_way() -> None:
    # "embattled" is written in lower case elsewhere: opening the sentence, it is no first name
    text = (
        "Senator Ana Vela spoke on Friday about the debate and about the embattled Ana Vela campaign.\n\n"
        "Embattled Ana Vela had mocked the complaint, saying the microphone was fine."
    )
    names = {a.speaker.name for a in extract_attributions(text) if a.speaker is not None}
    assert names == {"Ana Vela"}


def test_a_place_is_no_one_for_a_pronoun() -> None:
    text = (
        "Ana Vela held a rally in Port Saline on Friday.\n\n"
        "The crowd waited for hours outside Lake Corran before the doors opened.\n\n"
        "She said the state would vote for her."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ana Vela"


def test_a_place_named_elsewhere_too_is_no_one_for_a_pronoun() -> None:
    # "in Port Alder", then "Port Alder voters": a place is named in other ways too, but never
    # with a role, and "Alder" is never written alone
    text = (
        "Senator Ben Orr spoke to voters in Port Alder on Monday.\n\n"
        "Port Alder voters have backed the winner of every race since 1952. He said the town would "
        "decide again."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ben Orr"


@pytest.mark.parametrize(
    "place", ["Wall Street", "Harbor Island", "Alder County", "Vela Stadium", "New Alderland", "South Corran"]
)
def test_a_name_shaped_like_a_place_is_no_one_for_a_pronoun(place: str) -> None:
    text = (
        "Senator Ana Vela has long been a critic of the banks.\n\n"
        f"Her rival took money from {place} for years. She said the banks had to be broken up."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Ana Vela"


def test_a_person_from_a_place_is_still_a_person() -> None:
    # "a New Alderland Republican": three words, a person described by place and party
    text = "A New Alderland Republican said the race was close."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.type != "organization"


def test_a_person_named_after_in_is_still_a_person() -> None:
    text = (
        "The campaign had a fighter in Corin Lasko, its manager, until June.\n\n"
        "Mr. Lasko said he had no regrets."
    )
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name == "Corin Lasko"


def test_a_nickname_in_a_quotation_is_no_person_of_its_own() -> None:
    text = (
        "Ana Vela spoke in the capital on Friday.\n\n"
        'Her rival wrote: "Did Crooked Ana help the donors again?"\n\n'
        "She said the attacks would not stop her."
    )
    found = [a for a in extract_attributions(text) if a.speaker_mention and a.speaker_mention.text == "She"]
    assert [a.speaker.name for a in found if a.speaker] == ["Ana Vela"]


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Police Commissioner Ralf Ostby said the march would be allowed.",
            "Ralf Ostby",
            ("Police Commissioner",),
        ),
        ("Rear Admiral Tomas Vik said the fleet would sail on Monday.", "Tomas Vik", ("Rear Admiral",)),
        ("Assemblywoman Ines Duarte said the bill was dead.", "Ines Duarte", ("Assemblywoman",)),
        # a first name that is also a title elsewhere stays the name
        ("Dean Oswalt said the plan was dead.", "Dean Oswalt", ()),
    ],
)
def test_a_rank_or_office_before_a_name_is_a_role(text: str, name: str, roles: tuple[str, ...]) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and (a.speaker.name, a.speaker.roles) == (name, roles)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Polls show that the senator is ahead in Ohio.", "Polls", "unknown"),
        ("Public records show that the firm paid no tax.", "Public records", "unknown"),
        ("Protesters said the police had used force.", "Protesters", "group"),
        ("Party figures said the vote had been fair.", "Party figures", "group"),
    ],
)
def test_plural_sources_that_are_no_people_are_no_group(text: str, name: str, type_: str) -> None:
    (a,) = extract_attributions(text)
    assert a.speaker is not None and (a.speaker.name, a.speaker.type) == (name, type_)


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Vela will hold rallies in two counties and former President Ada Vela will speak on Friday.\n\n"
            "Ada Vela said the race was close.",
            "Ada Vela",
            ("former President",),
        ),
        (
            "Senators were angry after the disclosure that Vela lawyer Ben Orr had been granted immunity.\n\n"
            "Orr said he had done nothing wrong.",
            "Ben Orr",
            ("Vela lawyer",),
        ),
        (
            '"Subpoenas are not optional," panel Chairman Rep. Ben Orr said after the hearing.',
            "Ben Orr",
            ("Chairman", "panel Chairman"),
        ),
    ],
)
def test_roles_leave_out_the_sentence_around_them(text: str, name: str, roles: tuple[str, ...]) -> None:
    a = extract_attributions(text)[-1]
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.roles) == (name, roles)


def test_a_place_before_a_role_noun_is_no_person() -> None:
    # "the former New Mexico governor": New Mexico qualifies the role; "he" is no one named
    text = "The former New Mexico governor is a triathlete. He said he was fit for the job."
    (a,) = extract_attributions(text)
    assert a.speaker is not None and a.speaker.name != "New Mexico"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # a country's name (CLDR's, from babel) is no person's
        ("Japan said the talks would go on.", "Japan", "organization"),
        ("Saudi Arabia said the price of oil would rise.", "Saudi Arabia", "organization"),
        (
            "The talks began. Dominica said the vote would wait. It gave no reason.",
            "Dominica",
            "organization",
        ),
        # ... unless the article names a person with it
        ("Rep. Ben Jordan spoke on Friday. Jordan said the talks would go on.", "Ben Jordan", "person"),
    ],
)
def test_a_country_is_no_person(text: str, name: str, type_: str) -> None:
    a = extract_attributions(text)[-1]
    assert a.speaker is not None and (a.speaker.name, a.speaker.type) == (name, type_)


def test_an_acronym_after_a_title_is_no_person() -> None:
    # "Former NDC chairman ...": the acronym qualifies the role noun after it; "he" is no NDC
    text = (
        "Former NDC chairman calls for contingency plan.\n\n"
        "A former party chairman says leaders should come up with a process to pick a successor.\n\n"
        'The plan was urged by a man who led the NDC from 1995 to 1997. "It would be foolish not to '
        'prepare," he said.'
    )
    a = extract_attributions(text)[-1]
    assert a.speaker is not None and a.speaker.name != "NDC"


def test_a_headline_in_capitals_names_no_person() -> None:
    text = "FELLOW DOCTORS DON'T WANT TO ASSOCIATE WITH HIM\n\nThe board met on Friday. He said he was sorry."
    a = extract_attributions(text)[-1]
    assert a.speaker is not None and a.speaker.type == "unknown"


def test_an_abbreviated_title_alone_is_a_role() -> None:
    text = '"We need a plan," said Del. Marcia Price.'
    (a,) = extract_attributions(text)
    assert a.speaker is not None and (a.speaker.name, a.speaker.roles) == ("Marcia Price", ("Del.",))


@pytest.mark.parametrize(
    "sentence",
    [
        "Rain falls everywhere on the moon, but the poles are wetter, said study co-author Anna Delacroix, "
        "a research fellow.",
        "The vote was close, said campaign co-chair Anna Delacroix.",
    ],
)
def test_a_hyphenated_role_before_a_name_leaves_the_name_the_speaker(sentence: str) -> None:
    # the parse splits "co-author" at its hyphen and gives "said" two subjects, "co" and the name
    (a,) = extract_attributions(sentence)
    assert a.speaker is not None and a.speaker.name == "Anna Delacroix"
