"""Searching stored attributions: full text, filters, and pages that do not shift under a reader.

On SQLite the words of a query are matched in the FTS5 index ``attribution_search`` (migration
0005), which triggers keep in sync with ``attributions``; on other databases, or an SQLite built
without FTS5, every word must occur in the content or the speaker's name (ILIKE), which is slower
but finds the same kind of thing.

Pages use a keyset cursor (the sort key of the last row shown) rather than an offset, so that an
article ingested while someone reads page 3 neither repeats nor hides a row on page 4. The user's
query never reaches SQL as text: FTS5 gets every word as a quoted string bound as a parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    and_,
    column,
    false,
    func,
    inspect,
    literal,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.exc import SQLAlchemyError

from onrecord.errors import NotFoundError, UsageError
from onrecord.models import Entity
from onrecord.store.rows import (
    attribution_from_row,
    attribution_select,
    entity_from_row,
    like_pattern,
    speaker_matches,
)
from onrecord.store.schema import (
    SEARCH_INDEX,
    article_sources,
    articles,
    attribution_topics,
    attributions,
    duplicates,
    entities,
    removals,
)
from onrecord.store.sql import (
    ArticleSummary,
    SpeakerSummary,
    SqlStore,
    StoredAttribution,
)

KINDS = ("direct", "indirect", "mixed")
# Characters of article text shown on each side of a quote in a search result.
CONTEXT_CHARS = 90
MAX_PAGE = 200
_WORD = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True, slots=True)
class AttributionQuery:
    """What a user asked for; every field is optional and they combine with AND.

    ``speaker`` matches any part of the resolved name, another spelling or the mention (as in
    ``onrecord quotes``); ``entity`` is an exact entity id. ``since``/``until`` bound the date of
    the statement (the article's publication date where the text gives no closer one, or none
    could be resolved), both inclusive. ``topic`` keeps attributions scored at or above
    ``threshold`` for it.
    """

    q: str | None = None
    speaker: str | None = None
    entity: str | None = None
    kind: str | None = None
    outlet: str | None = None
    article: str | None = None
    since: date | None = None
    until: date | None = None
    topic: str | None = None
    # Topic score at or above which an attribution is about ``topic`` (the topic_threshold setting).
    threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One attribution with its article's metadata and the text around its content."""

    found: StoredAttribution
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: list[SearchHit]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class Term:
    """One word or "quoted phrase" of a query: as typed, and as the words FTS5 indexes."""

    raw: str
    words: str
    prefix: bool


def terms(q: str) -> list[Term]:
    """The searchable terms of a query; punctuation alone is no term."""
    found = []
    for phrase, word in _WORD.findall(q):
        raw = phrase or word
        prefix = bool(word) and raw.endswith("*")
        raw = raw.rstrip("*") if prefix else raw
        # Letters and digits only: FTS5's tokenizer drops the rest anyway.
        words = " ".join(re.findall(r"\w+", raw))
        if words:
            found.append(Term(raw, words, prefix))
    return found


def fts_query(q: str) -> str | None:
    """The user's words as an FTS5 query: each word (or "quoted phrase") a quoted string, ANDed.

    A trailing ``*`` on a word asks for a prefix match. Nothing the user types can reach FTS5's
    own syntax (column filters, NEAR, boolean operators), so no query is an error.
    """
    quoted = ['"' + t.words.replace('"', '""') + '"' + ("*" if t.prefix else "") for t in terms(q)]
    if not quoted:
        return None
    return "{content speaker} : (" + " AND ".join(quoted) + ")"


def has_search_index(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite" and inspect(engine).has_table(SEARCH_INDEX)


def encode_cursor(published: date | None, article_id: str, start: int, attribution_id: str) -> str:
    key = [published.isoformat() if published else None, article_id, start, attribution_id]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date | None, str, int, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        day, article_id, start, attribution_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        published = date.fromisoformat(day) if day is not None else None
        return published, str(article_id), int(start), str(attribution_id)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as err:
        raise UsageError(f"invalid cursor {cursor[:40]!r}: pass back the next_cursor of a page") from err


def _published_desc(engine: Engine) -> Any:
    """Newest first, undated last, in an order that the index on ``articles.published`` serves,
    so the first page of 100,000 rows costs a few reads. (SQLite puts NULLs last in a descending
    sort already, and would not use the index with an explicit NULLS LAST.)"""
    published = articles.c.published.desc()
    return published if engine.dialect.name == "sqlite" else published.nulls_last()


def _after(day: date | None, rest: ColumnElement[bool]) -> ColumnElement[bool]:
    """Rows after a cursor's row, newest first: an older date, no date, or the same date and
    ``rest`` (the cursor's tie-breaking columns) later."""
    if day is None:
        return and_(articles.c.published.is_(None), rest)
    return or_(
        articles.c.published < day, articles.c.published.is_(None), and_(articles.c.published == day, rest)
    )


def _filtered(store: SqlStore, query: AttributionQuery) -> Select[Any]:
    stmt = attribution_select(
        # Enough of the text to show the context after the quote, without the whole article.
        func.substr(articles.c.text, 1, attributions.c.content_end + CONTEXT_CHARS).label("head"),
    )
    if query.q and query.q.strip():
        stmt = match_text(store, stmt, query.q)
    if query.speaker:
        stmt = stmt.where(speaker_matches(query.speaker))
    if query.entity:
        stmt = stmt.where(attributions.c.entity_id == query.entity)
    if query.kind:
        if query.kind not in KINDS:
            raise UsageError(f"unknown kind {query.kind!r}: use one of {', '.join(KINDS)}")
        stmt = stmt.where(attributions.c.kind == query.kind)
    if query.outlet:
        stmt = stmt.where(func.lower(articles.c.outlet) == query.outlet.casefold())
    if query.article:
        stmt = stmt.where(attributions.c.article_id == query.article)
    if query.since:
        stmt = stmt.where(_stated_on_or_after(query.since))
    if query.until:
        stmt = stmt.where(_stated_on_or_before(query.until))
    if query.topic:
        about = select(attribution_topics.c.attribution_id).where(
            func.lower(attribution_topics.c.topic) == query.topic.casefold(),
            attribution_topics.c.score >= query.threshold,
        )
        stmt = stmt.where(attributions.c.id.in_(about))
    return stmt


def _stated_on_or_after(day: date) -> ColumnElement[bool]:
    """The statement's date (ISO text), else the article's publication date, is ``day`` or later."""
    return or_(
        attributions.c.date_value >= day.isoformat(),
        and_(attributions.c.date_value.is_(None), articles.c.published >= day),
    )


def _stated_on_or_before(day: date) -> ColumnElement[bool]:
    return or_(
        attributions.c.date_value <= day.isoformat(),
        and_(attributions.c.date_value.is_(None), articles.c.published <= day),
    )


def match_text(store: SqlStore, stmt: Select[Any], q: str) -> Select[Any]:
    """Every term must match. Typed text with no searchable term (only punctuation) matches nothing."""
    found = terms(q)
    if not found:
        return stmt.where(false())
    if has_search_index(store.engine):
        matching = text(
            "SELECT attribution_id FROM attribution_search WHERE attribution_search MATCH :m"
        ).bindparams(m=fts_query(q))
        return stmt.where(attributions.c.id.in_(matching.columns(column("attribution_id"))))
    for term in found:
        pattern = like_pattern(term.raw)
        stmt = stmt.where(
            or_(
                func.lower(attributions.c.content_text).like(pattern, escape="\\"),
                func.lower(attributions.c.speaker_name).like(pattern, escape="\\"),
                func.lower(attributions.c.mention_text).like(pattern, escape="\\"),
            )
        )
    return stmt


def search_attributions(
    store: SqlStore, query: AttributionQuery, *, limit: int = 50, cursor: str | None = None
) -> SearchPage:
    """One page of attributions matching ``query``, newest article first, then in text order."""
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
    for name in ("q", "speaker", "entity", "kind", "outlet", "article", "topic"):
        if "\x00" in (getattr(query, name) or ""):
            # SQLite would cut the value at the NUL: "%\0" would become "%" and match everything.
            raise UsageError(f"{name} contains a NUL character")
    if query.since and query.until and query.since > query.until:
        raise UsageError(f"since ({query.since}) is after until ({query.until})")
    stmt = _filtered(store, query)
    if cursor:
        day, article_id, start, attribution_id = decode_cursor(cursor)
        rest = tuple_(articles.c.id, attributions.c.content_start, attributions.c.id) > tuple_(
            literal(article_id), literal(start), literal(attribution_id)
        )
        stmt = stmt.where(_after(day, rest))
    order = (_published_desc(store.engine), articles.c.id, attributions.c.content_start, attributions.c.id)
    stmt = stmt.order_by(*order).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = list(conn.execute(stmt))
    hits = [_hit(r) for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = encode_cursor(last.published, last.article_id, last.content_start, last.id)
    return SearchPage(hits, next_cursor)


def _hit(row: Any) -> SearchHit:
    head: str = row.head or ""
    before = head[max(row.content_start - CONTEXT_CHARS, 0) : row.content_start]
    after = head[row.content_end : row.content_end + CONTEXT_CHARS]
    # Stay inside the paragraph, and do not start or end in the middle of a word.
    before = before.rsplit("\n\n", 1)[-1]
    after = after.split("\n\n", 1)[0]
    if row.content_start - CONTEXT_CHARS > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if len(after) == CONTEXT_CHARS and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    found = StoredAttribution(attribution_from_row(row), row.published, row.outlet, row.title)
    return SearchHit(found, before, after)


def article_attributions(store: SqlStore, article_id: str) -> list[StoredAttribution]:
    """Every attribution of one article, in text order."""
    stmt = _filtered(store, AttributionQuery(article=article_id)).order_by(
        attributions.c.content_start, attributions.c.id
    )
    with store.engine.connect() as conn:
        return [_hit(r).found for r in conn.execute(stmt)]


def entity_summary(store: SqlStore, entity_id: str) -> SpeakerSummary:
    """One entity with how often it is quoted, in how many articles, first and last date."""
    with store.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            raise NotFoundError(f"no entity {entity_id!r} (see /api/v1/entities for the list)")
        # From the covering index (entity, article), then the dates of those articles only.
        per_article = (
            select(attributions.c.article_id, func.count().label("n"))
            .where(attributions.c.entity_id == entity_id)
            .group_by(attributions.c.article_id)
            .subquery()
        )
        counts = conn.execute(
            select(
                func.coalesce(func.sum(per_article.c.n), 0).label("n"),
                func.count(per_article.c.article_id).label("articles"),
                func.min(articles.c.published).label("first"),
                func.max(articles.c.published).label("last"),
            ).select_from(per_article.join(articles, articles.c.id == per_article.c.article_id, isouter=True))
        ).one()
    entity: Entity = entity_from_row(row)
    return SpeakerSummary(entity, counts.n, counts.articles, counts.first, counts.last)


@dataclass(frozen=True, slots=True)
class ArticlePage:
    articles: list[ArticleSummary]
    next_cursor: str | None


def article_page(store: SqlStore, *, limit: int = 50, cursor: str | None = None) -> ArticlePage:
    """One page of stored articles, newest first (undated last), as ``onrecord articles`` lists them."""
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
    stmt = select(articles.c.id, articles.c.title, articles.c.published, articles.c.outlet, articles.c.body)
    if cursor:
        day, article_id, _, _ = decode_cursor(cursor)
        stmt = stmt.where(_after(day, articles.c.id > article_id))
    stmt = stmt.order_by(_published_desc(store.engine), articles.c.id).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
        ids = [r.id for r in rows[:limit]]
        sources: dict[str, str] = {
            aid: locator
            for aid, locator in conn.execute(
                select(article_sources.c.article_id, func.min(article_sources.c.locator))
                .where(article_sources.c.article_id.in_(ids))
                .group_by(article_sources.c.article_id)
            )
        }
        removed: dict[str, int] = {
            aid: n
            for aid, n in conn.execute(
                select(removals.c.article_id, func.count())
                .where(removals.c.article_id.in_(ids))
                .group_by(removals.c.article_id)
            )
        }
        dups: dict[str, str] = {
            aid: of
            for aid, of in conn.execute(
                select(duplicates.c.article_id, duplicates.c.duplicate_of).where(
                    duplicates.c.article_id.in_(ids)
                )
            )
        }
    summaries = [
        ArticleSummary(
            id=r.id,
            title=r.title,
            published=r.published,
            outlet=r.outlet,
            source=sources.get(r.id, ""),
            words=len(r.body.split()),
            removed=removed.get(r.id, 0),
            duplicate_of=dups.get(r.id),
        )
        for r in rows[:limit]
    ]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = encode_cursor(last.published, last.id, 0, "")
    return ArticlePage(summaries, next_cursor)


def refresh_statistics(store: SqlStore) -> None:
    """Let SQLite's planner know the tables' shapes (``ANALYZE``, sampled: tens of ms at 100,000
    attributions). Without statistics it guesses, and at that size a guess can turn a 5 ms
    newest-first page into a 300 ms sort of every row. A store that cannot be written is left as
    it is."""
    if store.engine.dialect.name != "sqlite":
        return
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")
    except SQLAlchemyError:
        return


def outlets(store: SqlStore) -> list[str]:
    """Every outlet with a stored article, for the search form's filter."""
    with store.engine.connect() as conn:
        return [
            o
            for o in conn.scalars(
                select(articles.c.outlet)
                .where(articles.c.outlet.is_not(None))
                .distinct()
                .order_by(articles.c.outlet)
            )
            if o
        ]
