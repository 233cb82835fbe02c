"""Entities: speakers merged across articles, and each attribution's entity.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("aliases", sa.Text, nullable=False, server_default="[]"),
        sa.Column("roles", sa.Text, nullable=False, server_default="[]"),
    )
    with op.batch_alter_table("attributions") as batch:
        batch.add_column(sa.Column("entity_id", sa.Text))
        batch.create_index("ix_attributions_entity_id", ["entity_id"])


def downgrade() -> None:
    with op.batch_alter_table("attributions") as batch:
        batch.drop_index("ix_attributions_entity_id")
        batch.drop_column("entity_id")
    op.drop_table("entities")
