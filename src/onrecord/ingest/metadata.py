"""Article metadata given by a source: publication dates and outlet names."""

from __future__ import annotations

import ipaddress
import re
from datetime import date, datetime
from urllib.parse import urlsplit

import dateparser

_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")

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


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without ``www.``, as a fallback outlet name."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else f"//{url.strip()}").hostname
    except ValueError:
        return None
    # Free text in a url field ("see the website") is not a host name.
    if not host or not (_HOST.fullmatch(host) or _is_ip(host)):
        return None
    return host.removeprefix("www.")
