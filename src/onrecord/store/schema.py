"""The database schema as SQLAlchemy Core tables.

This module describes the current shape for queries; the migrations under ``migrations/`` are what
create and change it, so a table changed here needs a new migration revision as well (a test
compares the two).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# The SQLite FTS5 index over attributions (migration 0005). It is a virtual table with shadow
# tables of its own, created by raw SQL and kept in sync by triggers, so it is not described here;
# schema comparisons leave out every table whose name starts with this.
SEARCH_INDEX = "attribution_search"

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("external_id", Text, index=True),
    Column("title", Text),
    Column("published", Date),
    Column("published_source", String(16)),
    Column("outlet", Text, index=True),
    Column("language", String(16)),
    Column("url", Text),
    Column("fmt", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("title_start", Integer),
    Column("title_end", Integer),
    # JSON list of [clean_start, orig_start, length]: read whole with the body, never queried.
    Column("segments", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("raw_html", Text),
    Column("ingested_at", DateTime, nullable=False),
)

article_sources = Table(
    "article_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("source", Text, nullable=False, index=True),
    Column("locator", Text, nullable=False),
    Column("url", Text),
    Column("line", Integer),
    Column("byte_offset", Integer),
    UniqueConstraint("article_id", "locator", name="uq_article_sources_article_locator"),
)

removals = Table(
    "removals",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("reason", String(40), nullable=False),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("duplicate_of", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("similarity", Float, nullable=False),
)

outlet_lines = Table(
    "outlet_lines",
    metadata,
    Column("outlet", Text, primary_key=True),
    Column("line_hash", String(16), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False, index=True),
    Column("stage", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("seen_at", DateTime, nullable=False),
    UniqueConstraint("source", "stage", "reason", name="uq_rejections_source_stage_reason"),
)


def _span(name: str) -> list[Column[object]]:
    """Three columns for one optional span of the article text."""
    return [Column(f"{name}_start", Integer), Column(f"{name}_end", Integer), Column(f"{name}_text", Text)]


attributions = Table(
    "attributions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column(
        "article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("kind", String(8), nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content_text", Text, nullable=False),
    *_span("cue"),
    *_span("mention"),
    *_span("addressee"),
    *_span("via"),
    Column("speaker_id", Text),
    Column("speaker_name", Text, index=True),
    Column("speaker_type", String(16)),
    # JSON list of role phrases learned from the article ("Kremlin spokesman").
    Column("speaker_roles", Text, nullable=False, server_default="[]"),
    Column("confidence", Float, nullable=False),
    # The cross-article entity the speaker was merged into (None: not resolved to one).
    Column("entity_id", Text, index=True),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    # JSON lists: every other name form seen, and [{"text", "article"}] roles with their source.
    Column("aliases", Text, nullable=False, server_default="[]"),
    Column("roles", Text, nullable=False, server_default="[]"),
)

# Indexes for the web's queries (migration 0005): newest-first pages walk articles by date, and a
# speaker's counts are read from the index alone.
Index("ix_articles_published", articles.c.published)
Index("ix_attributions_entity_article", attributions.c.entity_id, attributions.c.article_id)
