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
    # When the statement was made: ISO date of the period start, precision, and the phrase.
    Column("date_value", String(10)),
    Column("date_precision", String(8)),
    Column("date_text", Text),
    Column("date_start", Integer),
    Column("date_end", Integer),
)

# People, organisations and places named in an attribution's content, with their entity.
attribution_mentions = Table(
    "attribution_mentions",
    metadata,
    Column(
        "attribution_id",
        String(32),
        ForeignKey("attributions.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("role", Text),
    Column("entity_id", Text, index=True),
)

# Sentence embeddings keyed by the SHA-1 of the text embedded: computed once, whatever reprocesses.
vectors = Table(
    "vectors",
    metadata,
    Column("text_hash", String(40), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

# Every topic's score for every attribution, so a threshold can change without reprocessing.
attribution_topics = Table(
    "attribution_topics",
    metadata,
    Column("attribution_id", String(32), ForeignKey("attributions.id", ondelete="CASCADE"), primary_key=True),
    Column("topic", Text, primary_key=True),
    Column("score", Float, nullable=False),
)

# Small facts about the store's derived data, e.g. the digest of the taxonomy topics were scored with.
store_state = Table(
    "store_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("speaker_id", Text, nullable=False, index=True),
    Column("date_value", String(10), index=True),
    Column("date_precision", String(8), nullable=False),
    Column("date_text", Text),
    Column("text", Text, nullable=False),
    # the report whose wording stands for the statement
    Column("attribution_id", String(32), nullable=False),
    Column("reports", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    # order in the record: date, then the first report's publication and place in its article
    Column("ordinal", Integer, nullable=False),
)

statement_reports = Table(
    "statement_reports",
    metadata,
    Column("attribution_id", String(32), primary_key=True),
    Column(
        "statement_id",
        String(32),
        ForeignKey("statements.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
)

# A statement's topic scores: the best of its reports', so a threshold is applied at query time.
statement_topics = Table(
    "statement_topics",
    metadata,
    Column("statement_id", String(32), ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("topic", Text, primary_key=True),
    Column("score", Float, nullable=False),
)

# Candidate shifts: two statements of one speaker whose claims may be in tension, for review.
shifts = Table(
    "shifts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "statement_a", String(32), ForeignKey("statements.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column(
        "statement_b", String(32), ForeignKey("statements.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("topic", Text),
    Column("reason", String(16), nullable=False),
    Column("detail", Text, nullable=False),
    Column("score", Float, nullable=False),
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
# A speaker's chart reads only the topics above the threshold of each statement, from the index.
Index(
    "ix_statement_topics_scores",
    statement_topics.c.statement_id,
    statement_topics.c.score,
    statement_topics.c.topic,
)
