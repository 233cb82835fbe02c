"""Two people of one family share a surname ("Michelle Obama", "Mr. Obama"): a courtesy title
says which one a surname stands for, and a title before the bare surname ("President Obama") is
not given to the family member the article shows to be someone else. Invented names throughout."""

from __future__ import annotations

from onrecord.attribution import extract_attributions


def _speakers(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [
        (a.speaker_mention.text, a.speaker.name, a.speaker.roles)
        for a in extract_attributions(text)
        if a.speaker_mention is not None and a.speaker is not None
    ]


def test_a_courtesy_title_of_the_other_gender_is_another_family_member() -> None:
    text = (
        "First lady Dana Kessler visited a school in Ohio on Friday, as President Kessler toured Asia.\n\n"
        '"Every child deserves a library," Mrs. Kessler said.\n\n'
        "Later, Mr. Kessler told reporters that the trade talks were going well.\n\n"
        '"It is a good day," the president said.\n\n'
        "She said the tour of schools would go on."
    )
    assert _speakers(text) == [
        ("Mrs. Kessler", "Dana Kessler", ("First lady",)),
        ("Mr. Kessler", "Kessler", ("President",)),
        ("the president", "Kessler", ("President",)),
        ("She", "Dana Kessler", ("First lady",)),
    ]


def test_a_role_set_off_before_the_name_is_learned() -> None:
    text = (
        "The campaign hired a new manager, the senior adviser, Pavel Orlin, on Monday.\n\n"
        "The adviser said the campaign would move to Denver."
    )
    ((mention, name, roles),) = _speakers(text)
    assert (mention, name) == ("The adviser", "Pavel Orlin")
    assert roles == ("senior adviser",)


def test_a_family_member_named_with_a_title_of_their_own_gender_keeps_it() -> None:
    text = (
        "Rami Haddad and Congresswoman Leila Haddad spoke at the convention on Thursday.\n\n"
        "Mr. Haddad said the war had taken their son.\n\n"
        "Ms. Haddad said she had not been allowed to speak."
    )
    assert [(m, n) for m, n, _ in _speakers(text)] == [
        ("Mr. Haddad", "Rami Haddad"),
        ("Ms. Haddad", "Leila Haddad"),
    ]


def test_a_family_name_written_first_is_the_titled_surname() -> None:
    text = (
        "Finance Minister Lou Weiming of China spoke in Beijing on Monday.\n\n"
        "Mr. Lou said the currency would stay stable.\n\n"
        "President Zhao Kemin met the delegation. President Zhao said the talks were useful."
    )
    assert [(m, n) for m, n, _ in _speakers(text)] == [
        ("Mr. Lou", "Lou Weiming"),
        ("President Zhao", "Zhao Kemin"),
    ]


def test_the_title_and_surname_as_a_speaker_is_the_other_family_member() -> None:
    # "President Kessler said": the title was settled on the Kessler known by surname alone, not on
    # the first lady the article names in full
    text = (
        "The first lady, Dana Kessler, spoke in Ohio on Saturday. Mr. Kessler spoke after her.\n\n"
        '"We must vote," President Kessler said.'
    )
    assert _speakers(text)[-1] == ("President Kessler", "Kessler", ("President",))


def test_a_group_named_after_a_family_member_is_a_group() -> None:
    text = (
        "President Kessler spoke in Ohio on Saturday. Dana Kessler spoke too.\n\n"
        "In recent days, advisers to Mr. Kessler say, the president has been eager to campaign."
    )
    ((mention, name, _),) = _speakers(text)
    assert (mention, name) == ("advisers to Mr. Kessler", "advisers to Mr. Kessler")
