"""Statement dates: the time phrase attached to the cue, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from onrecord.attribution import extract_attributions
from onrecord.timeline.dates import date_attributions, find_time_phrases, resolve_phrase

SUNDAY = date(2025, 7, 20)


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("on Sunday", "2025-07-20", "day"),  # the publication day itself
        ("Sunday", "2025-07-20", "day"),
        ("Last Monday", "2025-07-14", "day"),
        ("last Sunday", "2025-07-13", "day"),
        ("on Wednesday", "2025-07-16", "day"),
        ("this past Friday", "2025-07-18", "day"),
        ("on Friday evening", "2025-07-18", "day"),
        ("early Sunday", "2025-07-20", "day"),  # a modifier does not push it back a week
        ("late Sunday", "2025-07-20", "day"),
        ("early Friday", "2025-07-18", "day"),
        ("yesterday", "2025-07-19", "day"),
        ("March 2", "2025-03-02", "day"),
        ("on Feb. 4", "2025-02-04", "day"),
        ("in February", "2025-02-01", "month"),
        ("in early March", "2025-03-01", "month"),
        ("earlier this month", "2025-07-01", "month"),
        ("last month", "2025-06-01", "month"),
        ("last week", "2025-07-07", "week"),
        ("earlier this week", "2025-07-14", "week"),
        ("over the weekend", "2025-07-14", "week"),
        ("two weeks ago", "2025-06-30", "week"),
        ("in 2022", "2022-01-01", "year"),
        ("September 2022", "2022-09-01", "month"),
        ("March 2, 2024", "2024-03-02", "day"),
    ],
)
def test_resolve_phrase_against_publication(phrase: str, value: str, precision: str) -> None:
    assert resolve_phrase(phrase, SUNDAY) == (value, precision)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Wednesday", (None, "day")),  # no year is invented
        ("in February", (None, "month")),
        ("March 2", (None, "day")),
        ("March 2, 2024", ("2024-03-02", "day")),  # the year is stated
        ("in 2022", ("2022-01-01", "year")),
    ],
)
def test_without_publication_date_only_stated_years_resolve(
    phrase: str, expected: tuple[str | None, str]
) -> None:
    assert resolve_phrase(phrase, None) == expected


def test_a_date_after_publication_is_not_a_statement_date() -> None:
    assert resolve_phrase("December 25", date(2025, 3, 1)) == ("2024-12-25", "day")
    assert resolve_phrase("December 25, 2025", date(2025, 3, 1)) is None


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        # a month and day just after publication: an upcoming event or a dateline filed after the
        # date the article carries, not the same day a year earlier
        ("Dec. 22", date(2015, 12, 21), None),
        ("on Feb. 5", date(2016, 2, 2), None),
        ("Jan. 5", date(2015, 12, 21), None),  # into the next year
        # a month and day before publication, also across the new year
        ("Dec. 20", date(2015, 12, 21), ("2015-12-20", "day")),
        ("Dec. 28", date(2016, 1, 3), ("2015-12-28", "day")),
        ("December 25", date(2025, 3, 1), ("2024-12-25", "day")),
        # nearer in the past than in the future
        ("September 3", date(2016, 1, 10), ("2015-09-03", "day")),
    ],
)
def test_a_month_and_day_without_a_year_is_the_nearest_such_day(
    phrase: str, published: date, expected: tuple[str, str] | None
) -> None:
    assert resolve_phrase(phrase, published) == expected


def test_a_dateline_does_not_date_the_statement() -> None:
    text = (
        "Chelsea Clinton expecting second child.\n\n"
        "NEW YORK, Dec. 20 (UPI) — Chelsea Clinton announced she is expecting her second child.\n"
    )
    rows = _dated(text, date(2015, 12, 21))
    assert rows == [("she is expecting her second child", "2015-12-21", "article", None)], rows
    # the same date in the sentence itself does
    rows = _dated(
        "On Dec. 20, Chelsea Clinton announced she is expecting her second child.", date(2015, 12, 21)
    )
    assert rows == [("she is expecting her second child", "2015-12-20", "day", "On Dec. 20")], rows


def test_a_participle_cue_shares_the_time_of_its_verb() -> None:
    text = (
        "Hillary Clinton spoke out Tuesday about the death of an unarmed man in Tulsa, arguing that "
        "police killings should be recognized as intolerable."
    )
    rows = _dated(text, date(2016, 9, 21))
    assert ("police killings should be recognized as intolerable", "2016-09-20", "day", "Tuesday") in rows, (
        rows
    )


def test_months_must_be_capitalised() -> None:
    text = "They may march on. It happened in May and on March 3."
    assert [p.text for p in find_time_phrases(text)] == ["in May", "on March 3"]


def _dated(text: str, published: date | None) -> list[tuple[str, str | None, str, str | None]]:
    found = date_attributions(text, extract_attributions(text), published)
    return [(a.content.text, a.date.value, a.date.precision, a.date.text) for a in found if a.date]


@pytest.mark.parametrize(
    ("text", "content", "value", "precision", "phrase"),
    [
        (
            "Dmitry Peskov said on Sunday that Russia is ready to work for peace.",
            "Russia is ready to work for peace",
            "2025-07-20",
            "day",
            "on Sunday",
        ),
        (
            "Last Monday, Donald Trump threatened to impose severe sanctions on Russia.",
            "to impose severe sanctions on Russia",
            "2025-07-14",
            "day",
            "Last Monday",
        ),
        (
            "Peskov said Wednesday that Ukraine should engage directly with Moscow.",
            "Ukraine should engage directly with Moscow",
            "2025-07-16",
            "day",
            "Wednesday",
        ),
        (
            "In an interview aired on March 2, Peskov said that the talks had stalled.",
            "the talks had stalled",
            "2025-03-02",
            "day",
            "on March 2",
        ),
        (
            "“We are open to talks,” the minister told reporters earlier this month.",
            "We are open to talks",
            "2025-07-01",
            "month",
            "earlier this month",
        ),
    ],
)
def test_phrase_attached_to_the_cue_dates_the_statement(
    text: str, content: str, value: str, precision: str, phrase: str
) -> None:
    rows = _dated(text, SUNDAY)
    assert (content, value, precision, phrase) in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        # the date belongs to the reported content, not to the act of saying
        "Peskov said that the referenda of September 2022 could not be reversed.",
        "Peskov said the ceasefire would begin on Monday.",
        # the date belongs to another clause
        "Peskov, who visited Minsk in February, said that talks were possible.",
    ],
)
def test_event_dates_do_not_date_the_statement(text: str) -> None:
    rows = _dated(text, SUNDAY)
    assert rows, "the sentence should yield an attribution"
    assert all(precision == "article" for _, _, precision, _ in rows), rows
    assert all(value == "2025-07-20" for _, value, _, _ in rows)


def test_without_publication_date_the_phrase_is_kept_unresolved() -> None:
    rows = _dated("Peskov said on Wednesday that talks were possible.", None)
    assert rows == [("talks were possible", None, "day", "on Wednesday")]


def test_a_continuing_quote_inherits_the_date_of_the_report_it_continues() -> None:
    text = (
        "Peskov told reporters on Wednesday that the talks were difficult.\n"
        "“We will not give up on them. Our position is clear and it has not changed at all.”\n"
    )
    rows = _dated(text, SUNDAY)
    assert [r[1] for r in rows] == ["2025-07-16", "2025-07-16"], rows


def test_a_month_or_a_year_dates_the_rest_of_its_paragraph() -> None:
    text = (
        "“We cast the correct vote on the war,” Ada Fischer told CNN last year. “The others voted "
        "for it, and they were wrong about it.”\n"
        "“We must act now,” Fischer said."
    )
    assert [r[1:3] for r in _dated(text, SUNDAY)] == [
        ("2024-01-01", "year"),
        ("2024-01-01", "year"),
        ("2025-07-20", "article"),
    ]


def test_a_dated_occasion_of_speech_dates_the_speakers_later_reports() -> None:
    text = (
        "The council met after the speech made by Mayor Ada Fischer on Tuesday.\n"
        "“We must act now,” Fischer said."
    )
    assert _dated(text, SUNDAY) == [("We must act now", "2025-07-15", "day", "on Tuesday")]


@pytest.mark.parametrize(
    "text",
    [
        # a year or a month dates an event, not the interview quoted in a later paragraph
        "In 2014, Ada Fischer unveiled the first draft of the plan.\n“We must act now,” Fischer said.",
        "Fischer's announcement in 2014 of the rules changed the talks.\n“We must act now,” Fischer said.",
        "Ada Fischer said in February that the rules would change.\n“We must act now,” Fischer said.",
        # not an occasion of speech
        "The storm on Tuesday flooded the harbour.\n“We must act now,” Ada Fischer said.",
        # another person's speech
        "Tom Rivers's speech on Tuesday was short.\n“We must act now,” Ada Fischer said.",
        # named after the report: it cannot date what came before it
        "“We must act now,” Ada Fischer said.\nAda Fischer's speech on Tuesday was short.",
    ],
)
def test_other_occasions_do_not_date_a_report(text: str) -> None:
    rows = _dated(text, SUNDAY)
    assert [r[2] for r in rows if r[0].startswith("We must")] == ["article"], rows


def test_each_report_in_one_long_line_is_dated_by_its_own_sentence() -> None:
    # a scraped page with no line breaks: the sentence around each cue is looked up in one split
    # of the whole line (two lines here, so that the second is split on its own)
    names = ["Anna Kowalski", "Piet Maas", "Ines Duarte", "Aldo Ferri", "Lena Ortiz", "Marek Novak"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    said = [(names[i % 6], days[i * 5 % 6]) for i in range(60)]
    sentences = [
        f"{name} said on {day} that the plan number {i} would fail." for i, (name, day) in enumerate(said)
    ]
    text = " ".join(sentences[:30]) + "\n" + " ".join(sentences[30:])
    found = date_attributions(text, extract_attributions(text), SUNDAY)
    assert [a.date.text if a.date else None for a in found] == [f"on {day}" for _, day in said]


MONDAY = date(2019, 11, 18)


@pytest.mark.parametrize(
    ("text", "content", "value", "precision", "phrase"),
    [
        # a time phrase opening the sentence dates the report in a clause coordinated with it
        (
            "In 2011, the regulators were blamed for the delays, and the agency eventually conceded "
            "that the inspections had been rushed.",
            "the inspections had been rushed",
            "2011-01-01",
            "year",
            "In 2011",
        ),
        (
            "Last year, the bakery grew quickly, and its owner said that sales doubled.",
            "sales doubled",
            "2018-01-01",
            "year",
            "Last year",
        ),
        # a 'when' clause right after a time phrase happens at that time
        (
            "The leak came to light last week, when engineers in Oslo announced that two valves had failed.",
            "two valves had failed",
            "2019-11-11",
            "week",
            "last week",
        ),
        # "later" before a past time is no plan
        (
            "Later on Sunday, the minister said that the budget is balanced.",
            "the budget is balanced",
            "2019-11-17",
            "day",
            "on Sunday",
        ),
        (
            "The strike began in March, when union leaders said that the talks had failed.",
            "the talks had failed",
            "2019-03-01",
            "month",
            "in March",
        ),
    ],
)
def test_a_fronted_phrase_or_a_when_clause_dates_the_report(
    text: str, content: str, value: str, precision: str, phrase: str
) -> None:
    rows = _dated(text, MONDAY)
    assert (content, value, precision, phrase) in rows, rows


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the fronted phrase belongs to the reported content: an event date
        ("In 2011, the town had 40 cases, officials said.", "In 2011, the town had 40 cases"),
        (
            "In 2011, the town had 40 cases, officials said, and the mayor added that the clinics were full.",
            "the clinics were full",
        ),
        # a report in a clause below the dated one has a time of its own
        (
            "On Friday, the mayor opened a new bridge, a project that critics have described as a waste of money.",
            "a waste of money",
        ),
        # a plan or a deadline, not when anything was said
        (
            "The vote is due by Monday, when the chair will announce that the motion has passed.",
            "the motion has passed",
        ),
        (
            "Next month, when the board meets, the chair will say that the motion has passed.",
            "the motion has passed",
        ),
        ("Later this week, the minister will say that the budget is balanced.", "the budget is balanced"),
        ("The minister said later this week that the budget is balanced.", "the budget is balanced"),
        ("The minister will announce on Monday that the budget is balanced.", "the budget is balanced"),
    ],
)
def test_fronted_phrases_that_do_not_date_the_report(text: str, content: str) -> None:
    rows = _dated(text, MONDAY)
    assert [r[2] for r in rows if r[0] == content] == ["article"], rows


@pytest.mark.parametrize(
    "text",
    [
        # the other party of a dated conversation speaks on the same occasion
        "The bridge is safe, Mayor Ada Fischer said on Tuesday in a debate with councillor Tom Rivers.\n"
        "“The bridge is not safe at all,” Rivers said.",
        "Ada Fischer told Tom Rivers on Tuesday that the bridge was safe.\n“The bridge is not safe at all,” Rivers said.",
    ],
)
def test_the_other_party_of_a_dated_conversation_inherits_its_date(text: str) -> None:
    rows = _dated(text, MONDAY)
    assert ("The bridge is not safe at all", "2019-11-12", "day", "on Tuesday") in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        # named in the report, but not as the one spoken with
        "Ada Fischer said on Tuesday that she would debate Tom Rivers.\n“The bridge is not safe at all,” Rivers said.",
        "A poll out Tuesday showed Ada Fischer with a lead over Tom Rivers.\n“The bridge is not safe at all,” Rivers said.",
        # the possessor of the one spoken with is not a party to the conversation
        "“The bridge is safe,” Ada Fischer said on Tuesday in an interview with the Herald's Tom Rivers.\n"
        "“The bridge is not safe at all,” the Herald said.",
    ],
)
def test_others_named_in_a_dated_report_do_not_inherit_its_date(text: str) -> None:
    rows = _dated(text, MONDAY)
    assert [r[2] for r in rows if r[0] == "The bridge is not safe at all"] == ["article"], rows


def test_a_report_on_the_same_occasion_takes_its_date() -> None:
    text = (
        "“The bridge is safe,” Ada Fischer said on Tuesday on Channel 4.\n"
        "“The bridge is unsafe,” Tom Rivers said during the same programme.\n"
        "“It needs new cables,” Rivers said."
    )
    rows = _dated(text, MONDAY)
    assert [r[1:] for r in rows] == [("2019-11-12", "day", "on Tuesday")] * 3, rows


@pytest.mark.parametrize(
    "text",
    [
        # "the same" inside the reported words, or not naming an occasion of the cue
        "Ada Fischer said on Tuesday that the bridge was safe.\nTom Rivers said that the bridge faced the same problems.",
        "Ada Fischer said on Tuesday that the bridge was safe.\nTom Rivers said that he would vote the same way.",
        # nothing dated before it
        "“The bridge is unsafe,” Tom Rivers said during the same programme.",
    ],
)
def test_the_same_elsewhere_does_not_date_the_report(text: str) -> None:
    rows = _dated(text, MONDAY)
    assert [r[2] for r in rows if "Rivers" not in r[0] and "Fischer" not in r[0]][-1] == "article", rows
