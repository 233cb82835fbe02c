"""Full-text search over attributions (SQLite FTS5), kept in sync by triggers; indexes for the web.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21

The index is its own FTS5 table rather than an external-content table over ``attributions``:
external content is joined on ``rowid``, and ``attributions`` has a text primary key, so its rowids
are not stable (SQLite's VACUUM may renumber them). Each indexed row carries the attribution id
instead, as an indexed column, so triggers can find and delete it by id. The triggers keep the
index right whatever writes the rows (ingest, reprocess, a later migration), so no Python code path
can forget it. Other databases get no index: search falls back to ILIKE there.

A later migration that rebuilds ``attributions`` with ``batch_alter_table`` on SQLite (copy and
rename) drops these triggers with the old table: it must create them again.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# What a row of the index holds: the content, and who said it (as resolved in the article, and
# the words that named them there), so that "Peskov ceasefire" finds a quote by Peskov.
SPEAKER_WORDS = "coalesce(new.speaker_name, '') || ' ' || coalesce(new.mention_text, '')"
DELETE_OLD = (
    "DELETE FROM attribution_search WHERE rowid IN (SELECT rowid FROM attribution_search "
    "WHERE attribution_search MATCH 'attribution_id:\"' || replace(old.id, '\"', '\"\"') || '\"');"
)
INSERT_NEW = (
    "INSERT INTO attribution_search (content, speaker, attribution_id) "
    f"VALUES (new.content_text, {SPEAKER_WORDS}, new.id);"
)


def upgrade() -> None:
    # Newest-first pages walk articles by date; a speaker's counts come from the index alone.
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_attributions_entity_article", "attributions", ["entity_id", "article_id"])
    op.create_index("ix_statement_topics_scores", "statement_topics", ["statement_id", "score", "topic"])
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE attribution_search USING fts5("
        "content, speaker, attribution_id, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for event, body in (("insert", INSERT_NEW), ("delete", DELETE_OLD)):
        op.execute(
            f"CREATE TRIGGER attribution_search_{event} AFTER {event.upper()} ON attributions "
            f"BEGIN {body} END"
        )
    op.execute(
        "CREATE TRIGGER attribution_search_update AFTER UPDATE OF content_text, speaker_name, mention_text "
        f"ON attributions BEGIN {DELETE_OLD} {INSERT_NEW} END"
    )
    # Index what is already stored.
    op.execute(
        "INSERT INTO attribution_search (content, speaker, attribution_id) "
        f"SELECT content_text, {SPEAKER_WORDS.replace('new.', '')}, id FROM attributions"
    )


def downgrade() -> None:
    op.drop_index("ix_statement_topics_scores", "statement_topics")
    op.drop_index("ix_attributions_entity_article", "attributions")
    op.drop_index("ix_articles_published", "articles")
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS attribution_search_{trigger}")
    op.execute("DROP TABLE IF EXISTS attribution_search")
