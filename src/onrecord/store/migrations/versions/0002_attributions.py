"""Attributions found in stored articles.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _span(name: str) -> list[sa.Column[object]]:
    return [
        sa.Column(f"{name}_start", sa.Integer),
        sa.Column(f"{name}_end", sa.Integer),
        sa.Column(f"{name}_text", sa.Text),
    ]


def upgrade() -> None:
    op.create_table(
        "attributions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        *_span("cue"),
        *_span("mention"),
        *_span("addressee"),
        *_span("via"),
        sa.Column("speaker_id", sa.Text),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_type", sa.String(16)),
        sa.Column("speaker_roles", sa.Text, nullable=False, server_default="[]"),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_index("ix_attributions_article_id", "attributions", ["article_id"])
    op.create_index("ix_attributions_speaker_name", "attributions", ["speaker_name"])


def downgrade() -> None:
    op.drop_table("attributions")
