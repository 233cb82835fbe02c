"""stated_publication_date: a date from a byline or wire dateline near the top, or None when unsure."""

from __future__ import annotations

from datetime import date

import pytest

from onrecord.ingest.dateline import HEADER_LINES, stated_publication_date

TODAY = date(2025, 12, 31)
TITLE = "Ministers Agree Budget After Week of Talks"
BODY = (
    "\n\nThe finance minister said on Tuesday that the plan would go ahead despite objections from the "
    "opposition.\n\nShe added that talks with the unions would continue next week.\n"
)


def _article(*header: str) -> str:
    return "\n".join((TITLE, *header)) + BODY


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Published March 3, 2025 10:14 AM", date(2025, 3, 3)),
        ("By Jane Doe | 3 March 2025", date(2025, 3, 3)),
        ("By Jane Doe and John Roe, Sept. 3rd, 2025", date(2025, 9, 3)),
        ("Posted 2025-03-03 14:00 UTC", date(2025, 3, 3)),
        ("Tuesday 3 June 2025 14:02 BST", date(2025, 6, 3)),
        ("First published on Mon 3 Mar 2025 09.00 GMT", date(2025, 3, 3)),
        ("March 3, 2025", date(2025, 3, 3)),
        ("Jan. 21, 2025 at 5:30 p.m. EST", date(2025, 1, 21)),
    ],
)
def test_byline_lines(header: str, expected: date) -> None:
    assert stated_publication_date(_article("By Jane Doe", header), today=TODAY) == expected


@pytest.mark.parametrize(
    ("first_paragraph", "expected"),
    [
        (
            "MOSCOW, March 3, 2025 (Reuters) — The minister said on Tuesday that the plan would go ahead.",
            date(2025, 3, 3),
        ),
        (
            "WASHINGTON, 3 March 2025 - The senator said that the bill, debated on 4 March 2025, would pass.",
            date(2025, 3, 3),
        ),
        (
            "NEW YORK, Jan 5, 2025 (AP) — Markets opened higher on Monday after a quiet weekend of trading.",
            date(2025, 1, 5),
        ),
    ],
)
def test_wire_dateline_with_a_year(first_paragraph: str, expected: date) -> None:
    text = f"{TITLE}\n\n{first_paragraph}{BODY}"
    assert stated_publication_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"{TITLE}\n\nMOSCOW, March 3 (Reuters) — The minister said the plan would go ahead.{BODY}",
        _article("Published March 3, 10:14 AM"),
        _article("By Jane Doe | 3 March"),
    ],
    ids=["wire-dateline", "byline", "byline-day-month"],
)
def test_a_date_without_a_year_is_never_completed(text: str) -> None:
    assert stated_publication_date(text, today=TODAY) is None


@pytest.mark.parametrize(
    "line",
    [
        "The minister said that on March 3, 2025 the cabinet had agreed on the new budget after long talks.",
        "Protesters gather outside parliament during the march of March 3, 2025 (AP Photo/John Smith)",
        "In a statement released on Monday, officials in MOSCOW, March 3, 2025 said the plan would go on.",
    ],
    ids=["sentence", "photo-caption", "city-mid-sentence"],
)
def test_a_date_inside_a_sentence_or_caption_is_not_a_publication_date(line: str) -> None:
    assert stated_publication_date(_article(line), today=TODAY) is None


def test_two_different_dates_mean_unknown() -> None:
    text = _article("Published March 3, 2025", "By Jane Doe | 4 March 2025")
    assert stated_publication_date(text, today=TODAY) is None


def test_two_dates_on_one_byline_line_mean_unknown() -> None:
    assert stated_publication_date(_article("March 3, 2025 - March 4, 2025"), today=TODAY) is None


def test_the_same_date_twice_is_one_date() -> None:
    text = _article("Published March 3, 2025", "By Jane Doe | 3 March 2025")
    assert stated_publication_date(text, today=TODAY) == date(2025, 3, 3)


@pytest.mark.parametrize(
    "header",
    [
        ("Published March 3, 2025", "Updated March 5, 2025 9:00 AM"),
        ("Last modified: 5 March 2025", "Posted 2025-03-03"),
        ("Updated March 5, 2025", "Published March 3, 2025"),
    ],
)
def test_updated_lines_are_ignored(header: tuple[str, str]) -> None:
    assert stated_publication_date(_article(*header), today=TODAY) == date(2025, 3, 3)


def test_only_an_updated_line_gives_no_date() -> None:
    assert stated_publication_date(_article("Updated March 5, 2025 9:00 AM"), today=TODAY) is None


@pytest.mark.parametrize(
    ("header", "today", "expected"),
    [
        ("Published March 3, 2026", date(2025, 12, 31), None),
        ("Published June 1, 2025", date(2025, 6, 1), date(2025, 6, 1)),  # today itself is fine
        ("Published June 2, 2025", date(2025, 6, 1), None),
    ],
)
def test_a_date_after_today_is_not_a_publication_date(
    header: str, today: date, expected: date | None
) -> None:
    assert stated_publication_date(_article(header), today=today) == expected


def test_a_future_date_does_not_hide_a_real_one() -> None:
    # The future date is dropped, leaving exactly one date.
    text = _article("Published March 3, 2025", "Event on March 3, 2030")
    assert stated_publication_date(text, today=TODAY) == date(2025, 3, 3)


def test_only_the_header_zone_is_searched() -> None:
    lines = [f"Paragraph {i} of the story." for i in range(HEADER_LINES)]
    text = "\n".join([*lines, "Published March 3, 2025"]) + BODY
    assert stated_publication_date(text, today=TODAY) is None
    lines[-1] = "Published March 3, 2025"
    assert stated_publication_date("\n".join(lines) + BODY, today=TODAY) == date(2025, 3, 3)


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", TITLE + BODY, _article("Published February 30, 2025"), _article("Published 2025-13-45")],
    ids=["empty", "blank", "no-date", "no-such-day", "bad-iso"],
)
def test_no_usable_date(text: str) -> None:
    assert stated_publication_date(text, today=TODAY) is None


def test_today_defaults_to_the_real_today() -> None:
    assert stated_publication_date(_article("Published March 3, 2025")) == date(2025, 3, 3)
    assert stated_publication_date(_article("Published March 3, 2999")) is None
