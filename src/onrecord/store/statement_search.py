"""Searching statements (one utterance with all its reports) for the web: filters, full text
through the reports' attributions, keyset pages; and the light rows a speaker's chart needs.

Statements are assembled by ``TimelineStore.list_statements``, for one page of ids at a time, so
a speaker with thousands of statements costs one page, not all of them.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from onrecord.errors import UsageError
from onrecord.models import Shift, Statement
from onrecord.store.rows import like_pattern
from onrecord.store.schema import (
    attributions,
    entities,
    shifts,
    statement_reports,
    statement_topics,
    statements,
)
from onrecord.store.search import MAX_PAGE, match_text
from onrecord.store.sql import SqlStore

# A chart label is cut to this many characters of the statement's wording.
LABEL_CHARS = 140


@dataclass(frozen=True, slots=True)
class StatementQuery:
    """Filters, combined with AND: words in any report, a speaker (any part of a name, or an exact
    entity id), a topic scored at or above ``threshold``, and the statement's date range."""

    q: str | None = None
    speaker: str | None = None
    entity: str | None = None
    topic: str | None = None
    since: date | None = None
    until: date | None = None
    threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class StatementPage:
    statements: list[Statement]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class ChartRow:
    """What a chart needs of one statement, without assembling its reports."""

    id: str
    day: date
    outlets: int
    text: str
    topics: tuple[str, ...]


def _encode(day: str | None, statement_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([day, statement_id]).encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[str | None, str]:
    try:
        day, statement_id = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
        if day is not None:
            date.fromisoformat(day)
        return (str(day) if day is not None else None), str(statement_id)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as err:
        raise UsageError(f"invalid cursor {cursor[:40]!r}: pass back the next_cursor of a page") from err


def _filtered(store: SqlStore, query: StatementQuery) -> Select[Any]:
    for name in ("q", "speaker", "entity", "topic"):
        if "\x00" in (getattr(query, name) or ""):
            raise UsageError(f"{name} contains a NUL character")
    if query.since and query.until and query.since > query.until:
        raise UsageError(f"since ({query.since}) is after until ({query.until})")
    stmt = select(statements.c.id, statements.c.date_value)
    if query.entity:
        stmt = stmt.where(statements.c.speaker_id == query.entity)
    if query.speaker:
        pattern = like_pattern(query.speaker)
        named = select(entities.c.id).where(
            or_(
                func.lower(entities.c.name).like(pattern, escape="\\"),
                func.lower(entities.c.aliases).like(pattern, escape="\\"),
            )
        )
        stmt = stmt.where(statements.c.speaker_id.in_(named))
    if query.topic:
        about = select(statement_topics.c.statement_id).where(
            func.lower(statement_topics.c.topic) == query.topic.casefold(),
            statement_topics.c.score >= query.threshold,
        )
        stmt = stmt.where(statements.c.id.in_(about))
    if query.since:
        stmt = stmt.where(statements.c.date_value >= query.since.isoformat())
    if query.until:
        stmt = stmt.where(statements.c.date_value <= query.until.isoformat())
    if query.q and query.q.strip():
        matching = match_text(store, select(attributions.c.id), query.q)
        reported = select(statement_reports.c.statement_id).where(
            statement_reports.c.attribution_id.in_(matching)
        )
        stmt = stmt.where(statements.c.id.in_(reported))
    return stmt


def _after(day: str | None, statement_id: str, oldest_first: bool) -> ColumnElement[bool]:
    later_id = statements.c.id > statement_id
    if day is None:
        return and_(statements.c.date_value.is_(None), later_id)
    beyond = statements.c.date_value > day if oldest_first else statements.c.date_value < day
    return or_(beyond, statements.c.date_value.is_(None), and_(statements.c.date_value == day, later_id))


def search_statements(
    store: SqlStore,
    query: StatementQuery,
    *,
    limit: int = 50,
    cursor: str | None = None,
    oldest_first: bool = False,
) -> StatementPage:
    """One page of statements, newest first (or oldest first, for a timeline); undated last."""
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
    stmt = _filtered(store, query)
    if cursor:
        stmt = stmt.where(_after(*_decode(cursor), oldest_first))
    by_date = statements.c.date_value.asc() if oldest_first else statements.c.date_value.desc()
    stmt = stmt.order_by(statements.c.date_value.is_(None), by_date, statements.c.id).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    ids = [r.id for r in rows[:limit]]
    assembled = {s.id: s for s in store.list_statements(ids=ids, threshold=query.threshold)} if ids else {}
    next_cursor = _encode(rows[limit - 1].date_value, rows[limit - 1].id) if len(rows) > limit else None
    return StatementPage([assembled[i] for i in ids if i in assembled], next_cursor)


def chart_rows(store: SqlStore, entity_id: str, threshold: float) -> list[ChartRow]:
    """Every dated statement of a speaker, oldest first, with its topics at ``threshold``."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(
                statements.c.id,
                statements.c.date_value,
                statements.c.outlets,
                func.substr(statements.c.text, 1, LABEL_CHARS).label("text"),
            )
            .where(statements.c.speaker_id == entity_id, statements.c.date_value.is_not(None))
            .order_by(statements.c.date_value, statements.c.id)
        ).all()
        topics: dict[str, list[str]] = {}
        about = (
            select(statement_topics.c.statement_id, statement_topics.c.topic)
            .join(statements, statements.c.id == statement_topics.c.statement_id)
            .where(statements.c.speaker_id == entity_id, statement_topics.c.score >= threshold)
            .order_by(statement_topics.c.score.desc())
        )
        for sid, topic in conn.execute(about):
            topics.setdefault(sid, []).append(topic)
    return [
        ChartRow(r.id, date.fromisoformat(r.date_value), r.outlets, r.text, tuple(topics.get(r.id, ())))
        for r in rows
    ]


def statement_count(store: SqlStore, entity_id: str) -> int:
    """How many dated statements a speaker has (what a chart would draw)."""
    with store.engine.connect() as conn:
        n = conn.scalar(
            select(func.count())
            .select_from(statements)
            .where(statements.c.speaker_id == entity_id, statements.c.date_value.is_not(None))
        )
    return int(n or 0)


def daily_counts(store: SqlStore, entity_id: str, threshold: float) -> list[tuple[date, str | None, int]]:
    """(day, topic or None, statements) for a speaker: a chart of thousands of statements counted
    in the database rather than loaded. A statement with several topics counts under each."""
    on_topic = and_(statement_topics.c.statement_id == statements.c.id, statement_topics.c.score >= threshold)
    query = (
        select(statements.c.date_value, statement_topics.c.topic, func.count())
        .select_from(statements.outerjoin(statement_topics, on_topic))
        .where(statements.c.speaker_id == entity_id, statements.c.date_value.is_not(None))
        .group_by(statements.c.date_value, statement_topics.c.topic)
        .order_by(statements.c.date_value)
    )
    with store.engine.connect() as conn:
        return [(date.fromisoformat(d), topic, n) for d, topic, n in conn.execute(query)]


def speaker_shifts(
    store: SqlStore, entity_id: str, threshold: float, *, limit: int = 20
) -> list[tuple[Shift, Statement, Statement]]:
    """A speaker's candidate shifts, strongest first, each with both statements assembled."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(shifts)
            .join(statements, statements.c.id == shifts.c.statement_a)
            .where(statements.c.speaker_id == entity_id)
            .order_by(shifts.c.score.desc(), shifts.c.id)
            .limit(limit)
        ).all()
    wanted = sorted({r.statement_a for r in rows} | {r.statement_b for r in rows})
    found = {s.id: s for s in store.list_statements(ids=wanted, threshold=threshold)} if wanted else {}
    return [
        (
            Shift(r.statement_a, r.statement_b, r.topic, r.reason, r.detail, r.score),
            found[r.statement_a],
            found[r.statement_b],
        )
        for r in rows
        if r.statement_a in found and r.statement_b in found
    ]
