from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from onrecord.errors import NotFoundError, StoreError
from onrecord.models import Article, Provenance, Rejection, Removal
from onrecord.pipeline import PreparedArticle, prepare
from onrecord.store import SqlStore
from onrecord.store.engine import current_revision, head_revision
from onrecord.store.schema import SEARCH_INDEX, article_sources, articles, metadata, removals

TEXT = (
    "Ministers Agree on Water Plan\n\n"
    "The regional water ministers agreed on Tuesday to share the cost of a new reservoir, "
    "the council's chair said after a meeting that ran late into the evening.\n\n"
    '"This is a fair deal for every town in the valley," she told reporters outside the hall.\n'
)


def _prepared(text: str = TEXT, source: str = "a.txt", outlet: str | None = None) -> PreparedArticle:
    result = prepare(Article(text=text, provenance=Provenance(source), fmt="text", outlet=outlet))
    assert isinstance(result, PreparedArticle)
    return result


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = SqlStore(str(tmp_path / "t.db"))
    yield s
    s.close()


def test_new_database_is_migrated_to_head(store: SqlStore) -> None:
    assert current_revision(store.engine) == head_revision()


def test_migrations_match_the_schema_module(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"include_name": lambda name, kind, _parent: not (name or "").startswith(SEARCH_INDEX)},
        )
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_reopening_keeps_data_and_revision(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    first = SqlStore(db)
    first.add_article(_prepared(), None)
    first.close()
    again = SqlStore(db)
    assert again.count_articles() == 1
    assert current_revision(again.engine) == head_revision()
    again.close()


def test_database_from_a_newer_onrecord_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    s = SqlStore(db)
    with s.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    s.close()
    with pytest.raises(StoreError, match="newer onrecord"):
        SqlStore(db)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        SqlStore(str(tmp_path / "nope" / "t.db"))


def test_article_round_trip(store: SqlStore) -> None:
    p = _prepared()
    store.add_article(p, None)
    got = store.get_article(p.id)
    assert got.text == TEXT
    assert got.body == p.clean.body
    assert got.segments == p.clean.segments
    assert got.removed == p.clean.removed
    assert got.sources == ("a.txt",)
    for seg in got.segments:
        assert (
            got.body[seg.clean_start : seg.clean_start + seg.length]
            == TEXT[seg.orig_start : seg.orig_start + seg.length]
        )


def test_a_failing_write_leaves_no_half_article(store: SqlStore) -> None:
    p = _prepared()
    # Two removals at the same start violate the removals primary key half-way through the write.
    broken = PreparedArticle(
        p.id,
        p.article,
        type(p.clean)(p.clean.body, p.clean.segments, (Removal(0, 1, "x"), Removal(0, 2, "y"))),
        p.title,
        p.published,
        p.published_source,
        p.line_hashes,
        p.signature,
    )
    with pytest.raises(StoreError):
        store.add_article(broken, None)
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(articles)) == 0
        assert conn.scalar(select(func.count()).select_from(article_sources)) == 0
        assert conn.scalar(select(func.count()).select_from(removals)) == 0
    store.add_article(p, None)
    assert store.count_articles() == 1


def test_sources_are_recorded_once(store: SqlStore) -> None:
    p = _prepared()
    store.add_article(p, None)
    assert store.add_source(p.id, Provenance("a.txt")) is False
    assert store.add_source(p.id, Provenance("copy/a.txt")) is True
    assert store.get_article(p.id).sources == ("a.txt", "copy/a.txt")


def test_resolve_by_id_prefix_source_and_external_id(store: SqlStore) -> None:
    text2 = TEXT.replace("Tuesday", "Wednesday")
    a = _prepared()
    b = prepare(
        Article(text=text2, provenance=Provenance("feed.jsonl", line=3), fmt="jsonl", external_id="ext-7")
    )
    assert isinstance(b, PreparedArticle)
    store.add_article(a, None)
    store.add_article(b, None)
    assert store.resolve(a.id) == a.id
    assert store.resolve(a.id[:6]) == a.id
    assert store.resolve("a.txt") == a.id
    assert store.resolve("ext-7") == b.id
    assert store.resolve("feed.jsonl:3") == b.id
    with pytest.raises(NotFoundError, match="no article"):
        store.resolve("missing.txt")


def test_rejections_are_kept_once_and_cleared_on_success(store: SqlStore) -> None:
    r = Rejection("a.txt", "read", "empty input")
    store.record_rejection(r)
    store.record_rejection(r)
    assert [(x.source, x.stage, x.reason) for x in store.list_rejections()] == [
        ("a.txt", "read", "empty input")
    ]
    store.add_article(_prepared(), None)
    assert store.list_rejections() == []


def test_outlet_line_counts(store: SqlStore) -> None:
    footer = "\nAll rights reserved by the Valley Gazette.\n"
    for i in range(3):
        store.add_article(
            _prepared(TEXT.replace("Tuesday", f"day {i}") + footer, f"{i}.txt", "Gazette"), None
        )
    counts = store.outlet_line_counts("Gazette")
    assert max(counts.values()) == 3
    assert store.outlet_line_counts("Other") == {}


def test_articles_are_listed_oldest_first(store: SqlStore) -> None:
    old = prepare(
        Article(
            text=TEXT + "\nold\n", provenance=Provenance("old.txt"), fmt="text", published=date(2020, 1, 1)
        )
    )
    assert isinstance(old, PreparedArticle)
    store.add_article(_prepared(), None)
    store.add_article(old, None)
    listed = store.list_articles()
    assert [a.source for a in listed] == ["old.txt", "a.txt"]
    assert listed[0].published == date(2020, 1, 1)
