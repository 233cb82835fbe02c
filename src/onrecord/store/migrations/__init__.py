"""Alembic migration scripts, shipped inside the package so an installed onrecord can upgrade."""
