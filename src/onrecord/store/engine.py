"""Opening a database: an SQLite path or any SQLAlchemy URL, migrated to the current schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from onrecord.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(db: str) -> str:
    """A user's ``--db`` value as an SQLAlchemy URL: plain paths mean SQLite files."""
    return db if "://" in db else f"sqlite:///{db}"


def make_engine(db: str) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        parent = Path(url.removeprefix("sqlite:///")).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot create database {db}: directory {parent} does not exist")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets a reader (the web UI, a second CLI) read while an ingest writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known_revision(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def migrate(engine: Engine) -> None:
    """Bring the schema to the current revision; refuse a database made by a newer onrecord."""
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    try:
        current = current_revision(engine)
        if current is not None and not _known_revision(script, current):
            raise StoreError(
                f"database {engine.url.render_as_string(hide_password=True)} has schema revision {current}, "
                "made by a newer onrecord; upgrade onrecord to use it"
            )
        if current != script.get_current_head():
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except SQLAlchemyError as err:
        raise StoreError(f"cannot open database {engine.url}: {err.__class__.__name__}: {err}") from err
