"""Errors that carry a message meant for the person running onrecord.

Each class has a one-line ``message`` and the HTTP status that the REST API will answer with, so
the CLI and the web app report the same failure the same way.
"""

from __future__ import annotations


class OnRecordError(Exception):
    """Base class: something the user can act on, told in one line."""

    status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(OnRecordError):
    """An input could not be read or made sense of (empty, binary, malformed, too large...)."""

    status = 422

    def __init__(self, source: str, reason: str, *, stage: str = "ingest") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.stage = stage


class NotFoundError(OnRecordError):
    """A requested article or entity is not in the store."""

    status = 404


class StoreError(OnRecordError):
    """The database could not be opened, migrated or written."""

    status = 503


class IntegrityStoreError(StoreError):
    """One write broke a database constraint: a fault in what was derived from that input (rolled
    back), not in the database, so the rest of a run can go on."""


class UsageError(OnRecordError):
    """The command was called wrongly (a missing path, an unknown option value)."""

    status = 400


class UnsupportedMediaError(OnRecordError):
    """A request body in a format onrecord does not read."""

    status = 415
