"""A publication date stated in an article's own text, when there is exactly one.

Scraped plain text often keeps a byline block ("Published March 3, 2025 10:14 AM") or a wire
dateline ("MOSCOW, March 3, 2025 (Reuters) —"). We take a date from such a line only: a date
inside a sentence or a photo caption is about an event, not about the article. A date without a
year is never completed with a guessed year, and when the header holds two different dates the
answer is "unknown", because a wrong date would misplace every statement on the timeline.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

# How many non-blank lines from the top make up the header zone where bylines and datelines sit.
HEADER_LINES = 12
# After the date and its labels are taken out, a date line has at most this many words left
# (a byline name, a city); more than that and the date is part of a sentence.
MAX_OTHER_WORDS = 6

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # March 3, 2025
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"  # 3 March 2025
    r"|\d{4}-\d{2}-\d{2})\b",  # 2025-03-03
    re.IGNORECASE,
)
_UPDATED = re.compile(r"\b(?:updated|modified|last edited)\b", re.IGNORECASE)
_LABELS = re.compile(
    r"\b(?:published|posted|first published|on|at|by|and|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|[ecmp][sd]t|msk|cet|cest|bst|mon|tue|wed|thu|fri|sat|sun)\b\.?"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d{1,2}:\d{2}",
    re.IGNORECASE,
)
# "MOSCOW," opening a wire dateline (the statement dater skips the date that follows it)
WIRE_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z .'\-]{2,40},")
_WORD = re.compile(r"[^\W\d_]+")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}


def stated_publication_date(text: str, *, today: date | None = None) -> date | None:
    """The single publication date stated on a byline or dateline line near the top, else None."""
    limit = today or date.today()
    found: set[date] = set()
    header = [line.strip() for line in text.splitlines() if line.strip()][:HEADER_LINES]
    for line in header:
        if _UPDATED.search(line):
            continue
        matches = list(_DATE.finditer(line))
        if not matches:
            continue
        rest = _DATE.sub(" ", line)
        if not WIRE_DATELINE_PLACE.match(line):
            rest = _LABELS.sub(" ", rest)
            if len(_WORD.findall(rest)) > MAX_OTHER_WORDS:
                continue
        elif matches[0].start() > 60:
            continue
        for m in matches if not WIRE_DATELINE_PLACE.match(line) else matches[:1]:
            parsed = dateparser.parse(m.group(0), languages=["en"], settings=_SETTINGS)
            if parsed is not None and parsed.date() <= limit:
                found.add(parsed.date())
    return found.pop() if len(found) == 1 else None
