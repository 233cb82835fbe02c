"""Article metadata given by a source: publication dates and outlet names."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

import dateparser

# dateparser settings for a date stated in metadata: a full calendar date is required, because
# "March 2025" is not a day, and relative expressions ("yesterday") mean nothing in metadata.
_STRICT_DATE = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time", "timestamp"],
}


def parse_published(value: object) -> date | None:
    """A publication date from a metadata value (ISO date or datetime, or a written-out date).

    Returns None when the value does not name one calendar day; the caller reports that.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    parsed = dateparser.parse(text, settings=_STRICT_DATE)
    return parsed.date() if parsed is not None else None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without ``www.``, as a fallback outlet name."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host.removeprefix("www.")
