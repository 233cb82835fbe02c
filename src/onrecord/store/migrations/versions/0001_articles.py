"""Articles, their sources, removals, near-duplicates, outlet boilerplate lines and rejections.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("external_id", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_source", sa.String(16)),
        sa.Column("outlet", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("url", sa.Text),
        sa.Column("fmt", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("title_start", sa.Integer),
        sa.Column("title_end", sa.Integer),
        sa.Column("segments", sa.Text, nullable=False),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("raw_html", sa.Text),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_articles_external_id", "articles", ["external_id"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_table(
        "article_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("line", sa.Integer),
        sa.Column("byte_offset", sa.Integer),
        sa.UniqueConstraint("article_id", "locator", name="uq_article_sources_article_locator"),
    )
    op.create_index("ix_article_sources_article_id", "article_sources", ["article_id"])
    op.create_index("ix_article_sources_source", "article_sources", ["source"])
    op.create_table(
        "removals",
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
    )
    op.create_table(
        "duplicates",
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "duplicate_of", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_table(
        "outlet_lines",
        sa.Column("outlet", sa.Text, primary_key=True),
        sa.Column("line_hash", sa.String(16), primary_key=True),
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("source", "stage", "reason", name="uq_rejections_source_stage_reason"),
    )
    op.create_index("ix_rejections_source", "rejections", ["source"])


def downgrade() -> None:
    for table in ("rejections", "outlet_lines", "duplicates", "removals", "article_sources", "articles"):
        op.drop_table(table)
