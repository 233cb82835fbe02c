"""Plain typed values that flow through the pipeline.

Every value is a frozen, slotted dataclass: stages hand them on and never mutate them, so a value
seen in a test is the value the store writes. Offsets are Python string indices (code points)
into the article text exactly as read from the input (for HTML: the extracted text).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article came from, precisely enough to find it again.

    ``source`` is the path as given (or ``-`` for standard input); ``url`` is the page's address
    when known; ``line`` (1-based, JSON Lines) or ``offset`` (byte offset of a WARC record) locate
    the article inside a file that holds several.
    """

    source: str
    url: str | None = None
    line: int | None = None
    offset: int | None = None

    def locator(self) -> str:
        """The source with its position, as shown to a user: ``feed.jsonl:12``."""
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.offset is not None:
            return f"{self.source}@{self.offset}"
        return self.source


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from its source, before cleaning.

    ``text`` is what all offsets refer to. ``fmt`` says how it was read (``text``, ``html``,
    ``jsonl``, ``warc``); for HTML inputs ``text`` is trafilatura's extraction and ``raw_html``
    keeps the page for re-extraction.
    """

    text: str
    provenance: Provenance
    fmt: str
    external_id: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    outlet: str | None = None
    language: str | None = None
    raw_html: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A stretch of the original text that cleaning removed, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of kept characters: ``body[clean_start:clean_start+length]`` is
    ``original[orig_start:orig_start+length]``."""

    clean_start: int
    orig_start: int
    length: int


@dataclass(frozen=True, slots=True)
class CleanText:
    """The article body found in a text, with a map back to the original.

    ``body`` is the kept paragraphs joined by blank lines; each paragraph is a verbatim slice of the
    original, or several where an inline stretch was removed from it (a hover card), so ``segments``
    map every body character to an original offset. Separators inserted between paragraphs map to
    the end of the preceding segment.
    """

    body: str
    segments: tuple[Segment, ...]
    removed: tuple[Removal, ...]
    title: Span | None = None
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.clean_start for s in self.segments))

    def to_original(self, clean_offset: int) -> int:
        """Map an offset in ``body`` to the offset of the same character in the original text."""
        if not self.segments:
            return 0
        i = max(bisect.bisect_right(self._starts, clean_offset) - 1, 0)
        seg = self.segments[i]
        return seg.orig_start + min(max(clean_offset - seg.clean_start, 0), seg.length)

    def original_span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Map a half-open ``body`` range to the original text (end is exclusive)."""
        if clean_end <= clean_start:
            start = self.to_original(clean_start)
            return start, start
        return self.to_original(clean_start), self.to_original(clean_end - 1) + 1


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an input produced no article: the stage that refused it and a one-line reason."""

    source: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a user should know about an accepted input (e.g. it was not UTF-8)."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A near-duplicate relation found by MinHash LSH (a syndicated copy or a re-scrape)."""

    article_id: str
    duplicate_of: str
    similarity: float


ATTRIBUTION_SCHEMA = "onrecord.attribution/1"


@dataclass(frozen=True, slots=True)
class Role:
    """A role and the articles it was learned from; none when the user declared it."""

    text: str
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or group across articles: canonical name, other forms, roles."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who an attribution is resolved to: a canonical entity, or ``unknown`` with a reason to doubt.

    ``type`` is ``person``, ``organization``, ``group`` or ``unknown``; an unresolved pronoun stays
    ``unknown`` rather than being guessed.
    """

    id: str
    name: str | None
    type: str
    roles: tuple[str, ...] = ()


PRECISIONS = ("day", "week", "month", "year", "article")
# Most precise first: where reports disagree, the closer date wins.
PRECISION_RANK = {p: k for k, p in enumerate(PRECISIONS)}


@dataclass(frozen=True, slots=True)
class StatementDate:
    """When a statement was made, as far as the article says.

    ``value`` is the ISO date of the first day of the period (the Monday of a week, the 1st of a
    month); ``precision`` is ``day``, ``week``, ``month``, ``year``, or ``article`` when the text
    gives nothing closer than the publication date. ``text``/``start``/``end`` locate the phrase
    it came from. With no publication date a relative phrase stays unresolved: ``value`` is None.
    """

    value: str | None
    precision: str
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class NamedMention:
    """A person or organisation (places count as organisations) named in an attribution's content."""

    start: int
    end: int
    text: str
    type: str  # person | organization
    role: str | None = None  # the title written before a person's name ("Russian President")
    entity: str | None = None  # the canonical entity id, once entities are resolved


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reported statement: what was said (content), the word that reports it (cue), and who.

    Every span indexes the article text as read. ``content`` excludes the quotation marks that
    enclose a direct quote. Fields that do not apply are None, never invented.
    """

    id: str
    article: str
    kind: str  # direct | indirect | mixed
    content: Span
    cue: Span | None
    speaker_mention: Span | None
    speaker: Speaker | None
    confidence: float
    addressee: Span | None = None
    via: Span | None = None
    date: StatementDate | None = None
    mentions: tuple[NamedMention, ...] = ()


STATEMENT_SCHEMA = "onrecord.statement/1"


@dataclass(frozen=True, slots=True)
class Report:
    """One outlet's report of a statement: the attribution and where it was published."""

    attribution: Attribution
    outlet: str | None
    published: date | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Shift:
    """Two statements of one speaker whose claims may be in tension: a candidate for a person to
    review, never a verdict. ``a`` is the earlier statement."""

    a: str
    b: str
    topic: str | None
    reason: str  # negation | number | deadline
    detail: str
    score: float


@dataclass(frozen=True, slots=True)
class Statement:
    """One utterance of one speaker, with every report of it across outlets, oldest first."""

    id: str
    speaker: Speaker
    date: StatementDate
    topics: tuple[tuple[str, float], ...]
    text: str
    reports: tuple[Report, ...]
    shifts: tuple[Shift, ...] = ()
    entities: tuple[str, ...] = ()
