"""Persistence: the only stage that writes. ``open_store`` picks the backend from the URL."""

from __future__ import annotations

from onrecord.store.sql import (
    ArticleSummary,
    SpeakerSummary,
    SqlStore,
    StoredArticle,
    StoredAttribution,
    StoredRejection,
)


def open_store(db: str) -> SqlStore:
    """Open (creating and migrating as needed) the database a user named with ``--db``."""
    return SqlStore(db)


__all__ = [
    "ArticleSummary",
    "SpeakerSummary",
    "SqlStore",
    "StoredArticle",
    "StoredAttribution",
    "StoredRejection",
    "open_store",
]
