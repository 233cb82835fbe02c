"""parse_published: one calendar day or None; outlet_from_url: the host without www."""

from __future__ import annotations

from datetime import date

import pytest

from onrecord.ingest.metadata import outlet_from_url, parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-30", date(2025, 4, 30)),
        ("  2025-04-30\n", date(2025, 4, 30)),
        ("2025-04-30T10:00:00Z", date(2025, 4, 30)),
        ("2025-04-30T10:00:00", date(2025, 4, 30)),
        ("2025-04-30 10:00:00+02:00", date(2025, 4, 30)),
        ("2025-04-30T23:30:00-05:00", date(2025, 4, 30)),  # the day as stated, not converted to UTC
        ("20250430", date(2025, 4, 30)),
        ("30 April 2025", date(2025, 4, 30)),
        ("April 30, 2025", date(2025, 4, 30)),
        ("Wed, 30 Apr 2025 10:00:00 GMT", date(2025, 4, 30)),
        ("30/04/2025", date(2025, 4, 30)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_full_calendar_dates(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "April 2025",  # a month is not a day
        "2025",
        "2025-04",
        "Spring 2025",
        "",
        "   ",
        None,
        "not a date",
        "yesterday",
        "3 days ago",
        "2025-02-30",
        "2023-02-29",
        "31 April 2025",
        "☃",
        "0000-00-00",
        "{}",
    ],
)
def test_values_that_name_no_single_day(value: str | None) -> None:
    assert parse_published(value) is None


def test_a_date_object_and_other_values() -> None:
    assert parse_published(date(2025, 4, 30)) == date(2025, 4, 30)
    assert parse_published(False) is None
    assert parse_published([]) is None


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example.com/2025/04/story", "example.com"),
        ("http://news.bbc.co.uk/1/hi/world.stm", "news.bbc.co.uk"),
        ("https://WWW.Example.COM:8080/x?q=1#frag", "example.com"),
        ("https://user:secret@host.example.net/", "host.example.net"),
        ("example.org/path/to/story", "example.org"),
        ("www.foo.com", "foo.com"),
        ("https://wwwx.com/", "wwwx.com"),  # only a leading "www." is dropped
        ("https://www2.example.com/", "www2.example.com"),
        ("https://[2001:db8::1]/x", "2001:db8::1"),
    ],
)
def test_outlet_from_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url", [None, "", "/relative/path", "https://", "?q=1", "#top"])
def test_no_outlet_without_a_host(url: str | None) -> None:
    assert outlet_from_url(url) is None


@pytest.mark.parametrize("url", ["not a url", "see the website"])
def test_free_text_in_a_url_field_is_not_an_outlet(url: str) -> None:
    # A host name holds no spaces; text like this must not become an outlet name.
    assert outlet_from_url(url) is None
