"""Alembic environment: migrations always run on a connection handed in by onrecord.store."""

from alembic import context

connection = context.config.attributes["connection"]
# Batch mode lets later revisions alter SQLite tables (which cannot ALTER most things in place).
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
