"""The JSON shapes the API answers with, as pydantic models for the OpenAPI document.

Records are built by ``onrecord.serialize`` (one implementation of each contract, shared with the
CLI); these models describe them so that the published schema and the answers agree (a test
checks every documented endpoint against it).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class SpanOut(_Model):
    text: str
    start: int = Field(description="Python string index into the article text as read")
    end: int


class SpeakerOut(_Model):
    id: str
    name: str | None
    type: str = Field(description="person | organization | group | unknown")
    roles: list[str]


class DateOut(_Model):
    value: str | None = Field(description="ISO date (YYYY-MM-DD), or null when it could not be resolved")
    precision: str = Field(description="day | week | month | year | article")
    text: str | None = Field(description="the phrase it came from, null for the article's date")
    start: int | None = Field(description="where that phrase is in the article text")
    end: int | None


class AttributionOut(_Model):
    schema_: Literal["onrecord.attribution/1"] = Field(alias="schema")
    id: str
    article: str
    kind: Literal["direct", "indirect", "mixed"]
    content: SpanOut
    cue: SpanOut | None
    speaker_mention: SpanOut | None
    speaker: SpeakerOut | None
    addressee: SpanOut | None
    via: SpanOut | None
    date: DateOut | None
    confidence: float


class ContextOut(_Model):
    before: str = Field(description="article text just before the content, within its paragraph")
    after: str


class SearchItemOut(_Model):
    attribution: AttributionOut
    published: str | None
    outlet: str | None
    title: str | None
    context: ContextOut


class SearchPageOut(_Model):
    ok: Literal[True] = True
    items: list[SearchItemOut]
    next_cursor: str | None = Field(description="pass as cursor= for the next page; null on the last")


class RemovedOut(_Model):
    start: int
    end: int
    reason: str
    text: str


class ArticleOut(_Model):
    ok: Literal[True] = True
    id: str
    title: str | None
    published: str | None
    published_source: str | None
    outlet: str | None
    url: str | None
    sources: list[str]
    duplicate_of: str | None
    text: str = Field(description="the article as read; every offset indexes this")
    body: str = Field(description="the cleaned text: kept paragraphs joined by blank lines")
    removed: list[RemovedOut]
    attributions: list[AttributionOut]


class ArticleSummaryOut(_Model):
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    source: str
    words: int
    removed: int
    duplicate_of: str | None


class ArticleListOut(_Model):
    ok: Literal[True] = True
    items: list[ArticleSummaryOut]
    next_cursor: str | None = Field(description="pass as cursor= for the next page; null on the last")


class RoleOut(_Model):
    text: str
    articles: list[str]


class EntityFields(_Model):
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[RoleOut]
    attributions: int
    articles: int
    first: str | None
    last: str | None


class EntityOut(EntityFields):
    ok: Literal[True] = True


class EntityListOut(_Model):
    ok: Literal[True] = True
    items: list[EntityFields]


class StatementDateOut(_Model):
    value: str | None = Field(description="ISO date of the period's first day, null if unresolved")
    precision: str = Field(description="day | week | month | year | article")
    text: str | None


class TopicScoreOut(_Model):
    name: str
    score: float


class ReportOut(_Model):
    article: str
    outlet: str | None
    published: str | None
    title: str | None
    attribution: str
    kind: str
    cue: SpanOut | None
    content: SpanOut
    date: DateOut | None


class ShiftOut(_Model):
    a: str = Field(description="the earlier statement's id")
    b: str
    topic: str | None
    reason: str = Field(description="negation | number | deadline: why the two may be in tension")
    detail: str
    score: float


class StatementFields(_Model):
    schema_: Literal["onrecord.statement/1"] = Field(alias="schema")
    id: str
    speaker: SpeakerOut
    date: StatementDateOut
    topics: list[TopicScoreOut]
    text: str
    entities: list[str]
    reports: list[ReportOut]
    shifts: list[ShiftOut] = Field(description="candidates for a person to review, never verdicts")


class StatementOut(StatementFields):
    ok: Literal[True] = True


class StatementPageOut(_Model):
    ok: Literal[True] = True
    items: list[StatementFields]
    next_cursor: str | None = Field(description="pass as cursor= for the next page; null on the last")


class TopicOut(_Model):
    name: str
    description: str


class TopicListOut(_Model):
    ok: Literal[True] = True
    items: list[TopicOut]


class RejectedOut(_Model):
    source: str
    stage: str
    reason: str


class IngestOut(_Model):
    ok: Literal[True] = True
    stored: int
    already_stored: int
    near_duplicates: int
    stored_ids: list[str]
    rejected: list[RejectedOut]
    notices: list[str]


class DeleteOut(_Model):
    ok: bool
    deleted: list[str]


class ErrorOut(_Model):
    ok: Literal[False] = False
    error: str
    status: int


ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in (
        (400, "bad request (e.g. an invalid cursor)"),
        (404, "not found"),
        (422, "invalid parameters"),
        (500, "internal error"),
    )
}
