"""A participle set off by a comma after a reported clause ("X said the plan is failing, pointing
to ...") adds to the report: its speaker is the reporter, not the reported clause's subject, which
the parse would have it inherit. sentence -> expected (cue, speaker mention); and sentences where
the participle keeps its own clause's subject."""

from __future__ import annotations

import pytest
from tests.attribution_lookup import mentions_of_cue

REPORTER: list[tuple[str, str, str]] = [
    (
        "Ines Duarte said the new tariff is hurting local farmers, pointing to a drop in exports last year.",
        "pointing",
        "Ines Duarte",
    ),
    (
        "Mayor Tom Berger argued that the bridge would pay for itself, noting that tolls had doubled.",
        "noting",
        "Mayor Tom Berger",
    ),
    (
        "The union told members that the plant would close in June, adding that talks would go on.",
        "adding",
        "The union",
    ),
    # set off by a dash
    (
        "Ines Duarte said the new tariff is hurting local farmers \u2014 pointing to a drop in exports.",
        "pointing",
        "Ines Duarte",
    ),
    (
        "Party chairman Tom Berger dismissed accusations that the campaign is breaking the law \u2014 saying the "
        "rival campaign chose not to accept the same help.",
        "saying",
        "Party chairman Tom Berger",
    ),
    # a closing quotation mark between the comma and the participle
    (
        'Ines Duarte warned that the deal "was a mistake," arguing that prices would rise.',
        "arguing",
        "Ines Duarte",
    ),
    # past a verb conjoined in the reported clause
    (
        "Ines Duarte said her father has been an advocate for farmers and would do the same as mayor, "
        "saying that he supports lower taxes.",
        "saying",
        "Ines Duarte",
    ),
    # a clause completing the object of the reporting verb ("denied the notion that ...")
    (
        "Reached by the newspaper, Berger denied the notion that a campaign shakeup is coming, "
        "explaining that he was unaware of the interview.",
        "explaining",
        "Berger",
    ),
    (
        "Mayor Ines Duarte dismissed claims that the council is hiding the report, saying the documents "
        "will be released in May.",
        "saying",
        "Mayor Ines Duarte",
    ),
    # the reported clause has a person of its own as subject
    (
        "Senator Alma Reyes said the governor had misled voters, calling the budget a fraud.",
        "calling",
        "Senator Alma Reyes",
    ),
]

OWN_SUBJECT: list[tuple[str, str, str]] = [
    # no reported clause: the participle's verb is the one the speaker is subject of
    ("Berger praised the plan, saying it would help farmers.", "saying", "Berger"),
    # an aside reporting the words before it ("..., Duarte added, saying"): its own subject speaks
    (
        'The council cannot say that "from its point of view," Duarte added, saying the vote should wait.',
        "saying",
        "Duarte",
    ),
    # not set off by a comma: the participle belongs to the clause it follows
    ("Berger said the mayor had quit after saying that the bridge was safe.", "saying", "the mayor"),
    ("Berger said the mayor is right in saying that the bridge is safe.", "saying", "the mayor"),
]


@pytest.mark.parametrize(("text", "cue", "mention"), REPORTER)
def test_a_participle_after_a_reported_clause_is_the_reporters(text: str, cue: str, mention: str) -> None:
    assert mentions_of_cue(text, cue) == [mention]


@pytest.mark.parametrize(("text", "cue", "mention"), OWN_SUBJECT)
def test_a_participle_keeps_its_own_subject_otherwise(text: str, cue: str, mention: str) -> None:
    assert mentions_of_cue(text, cue) == [mention]
