"""Timeline: statement dates and named mentions of attributions, embeddings, topic scores,
statements with their reports, and candidate shifts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attributions") as batch:
        batch.add_column(sa.Column("date_value", sa.String(10)))
        batch.add_column(sa.Column("date_precision", sa.String(8)))
        batch.add_column(sa.Column("date_text", sa.Text))
        batch.add_column(sa.Column("date_start", sa.Integer))
        batch.add_column(sa.Column("date_end", sa.Integer))
    op.create_table(
        "attribution_mentions",
        sa.Column(
            "attribution_id",
            sa.String(32),
            sa.ForeignKey("attributions.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("entity_id", sa.Text, index=True),
        sa.PrimaryKeyConstraint("attribution_id", "start"),
    )
    op.create_table(
        "vectors",
        sa.Column("text_hash", sa.String(40), primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "attribution_topics",
        sa.Column(
            "attribution_id",
            sa.String(32),
            sa.ForeignKey("attributions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("attribution_id", "topic"),
    )
    op.create_table(
        "store_state",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("speaker_id", sa.Text, nullable=False, index=True),
        sa.Column("date_value", sa.String(10), index=True),
        sa.Column("date_precision", sa.String(8), nullable=False),
        sa.Column("date_text", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("attribution_id", sa.String(32), nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
    )
    op.create_table(
        "statement_reports",
        sa.Column("attribution_id", sa.String(32), primary_key=True),
        sa.Column(
            "statement_id",
            sa.String(32),
            sa.ForeignKey("statements.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
    )
    op.create_table(
        "statement_topics",
        sa.Column(
            "statement_id", sa.String(32), sa.ForeignKey("statements.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("statement_id", "topic"),
    )
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "statement_a",
            sa.String(32),
            sa.ForeignKey("statements.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "statement_b",
            sa.String(32),
            sa.ForeignKey("statements.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("topic", sa.Text),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("shifts")
    op.drop_table("statement_topics")
    op.drop_table("statement_reports")
    op.drop_table("statements")
    op.drop_table("store_state")
    op.drop_table("attribution_topics")
    op.drop_table("vectors")
    op.drop_table("attribution_mentions")
    with op.batch_alter_table("attributions") as batch:
        for name in ("date_end", "date_start", "date_text", "date_precision", "date_value"):
            batch.drop_column(name)
