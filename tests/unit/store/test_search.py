"""Full-text search over attributions: the FTS5 index, its sync triggers, the ILIKE fallback."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text
from tests.unit.store.test_attributions import TEXT, _att, _stored

from onrecord.errors import NotFoundError, UsageError
from onrecord.models import Entity
from onrecord.pipeline import PreparedArticle, prepare
from onrecord.store import SqlStore
from onrecord.store import search as search_module
from onrecord.store.engine import _alembic_config, make_engine, migrate
from onrecord.store.schema import attributions
from onrecord.store.search import AttributionQuery, entity_summary, fts_query, search_attributions

OTHER = TEXT.replace("Lakeside", "Hillview").replace("new bridge", "ferry terminal")


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = SqlStore(str(tmp_path / "t.db"))
    _stored(
        s,
        TEXT,
        date(2025, 5, 1),
        [_att(TEXT, "We will not cut corners on safety,", "Ana Ruiz", "direct", "told")],
    )
    _stored(
        s,
        OTHER,
        date(2025, 6, 1),
        [_att(OTHER, "the ferry terminal would open in May, two months late", "Ben Ode", "indirect")],
    )
    yield s
    s.close()


def _ids(store: SqlStore, **query: object) -> list[str]:
    page = search_attributions(store, AttributionQuery(**query), limit=50)  # type: ignore[arg-type]
    return [h.found.attribution.content.text for h in page.hits]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ceasefire", '{content speaker} : ("ceasefire")'),
        ("peace talks", '{content speaker} : ("peace" AND "talks")'),
        ('"peace deal" now', '{content speaker} : ("peace deal" AND "now")'),
        ("negotiat*", '{content speaker} : ("negotiat"*)'),
        (
            'x" OR 1=1 NEAR(a b) content:y',
            '{content speaker} : ("x" AND "OR" AND "1 1" AND "NEAR a" AND "b" AND "content y")',
        ),
        ("*** ()", None),
        ("", None),
    ],
)
def test_user_words_never_become_fts_syntax(typed: str, expected: str | None) -> None:
    assert fts_query(typed) == expected


def test_words_content_and_speaker(store: SqlStore) -> None:
    assert _ids(store, q="corners safety") == ["We will not cut corners on safety,"]
    assert _ids(store, q="Ode") == ["the ferry terminal would open in May, two months late"]
    assert _ids(store, q="corners ferry") == []
    assert _ids(store, q="term*") == ["the ferry terminal would open in May, two months late"]


def test_index_follows_reprocessing_and_deletion(store: SqlStore, tmp_path: Path) -> None:
    [hit] = search_attributions(store, AttributionQuery(q="ferry"), limit=5).hits
    article_id = hit.found.attribution.article
    prepared = prepare(dataclasses.replace(store.stored_input(article_id)))
    assert isinstance(prepared, PreparedArticle)
    renamed = OTHER.replace("ferry terminal", "cable car")
    fresh = _att(renamed, "the cable car would open in May, two months late", "Ben Ode", "indirect")
    store.replace_derived(dataclasses.replace(prepared, attributions=(fresh,)))
    assert _ids(store, q="ferry") == []
    assert _ids(store, q="cable") == ["the cable car would open in May, two months late"]
    with store.engine.begin() as conn:
        conn.execute(attributions.delete())
        assert conn.execute(text("SELECT count(*) FROM attribution_search")).scalar() == 0
    assert _ids(store, q="cable") == []


def test_migration_indexes_what_was_stored_before_it(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    s = SqlStore(db)
    _stored(s, TEXT, None, [_att(TEXT, "We will not cut corners on safety,", "Ana Ruiz", "direct", "told")])
    s.close()
    engine = make_engine(db)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        assert not search_module.inspect(conn).has_table("attribution_search")
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM attribution_search")).scalar() == 1
    engine.dispose()
    again = SqlStore(db)
    assert _ids(again, q="corners") == ["We will not cut corners on safety,"]
    again.close()


def test_fallback_without_the_index_finds_the_same(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = ["corners safety", "Ode", "corners ferry", "two months", "%", "_", "\\"]
    with_index = [_ids(store, q=q) for q in queries]
    monkeypatch.setattr(search_module, "has_search_index", lambda engine: False)
    assert [_ids(store, q=q) for q in queries] == with_index


def test_like_wildcards_in_filters_are_literal(store: SqlStore) -> None:
    assert len(_ids(store)) == 2
    for typed in ("%", "_", "%%", "\\", "' OR '1'='1"):
        assert _ids(store, speaker=typed) == []
        assert _ids(store, outlet=typed) == []
        assert _ids(store, q=typed) == []


def test_filters_and_cursor(store: SqlStore) -> None:
    assert _ids(store, kind="indirect") == ["the ferry terminal would open in May, two months late"]
    assert _ids(store, since=date(2025, 5, 2)) == ["the ferry terminal would open in May, two months late"]
    assert _ids(store, until=date(2025, 5, 1)) == ["We will not cut corners on safety,"]
    first = search_attributions(store, AttributionQuery(), limit=1)
    assert first.next_cursor is not None
    second = search_attributions(store, AttributionQuery(), limit=1, cursor=first.next_cursor)
    assert second.next_cursor is None
    assert first.hits[0].found.published == date(2025, 6, 1)  # newest first
    assert second.hits[0].found.published == date(2025, 5, 1)
    with pytest.raises(UsageError, match="invalid cursor"):
        search_attributions(store, AttributionQuery(), cursor="e30")  # base64 of {}
    with pytest.raises(UsageError, match="kind"):
        search_attributions(store, AttributionQuery(kind="rumour"))


def test_entity_summary(store: SqlStore) -> None:
    [hit] = search_attributions(store, AttributionQuery(q="corners"), limit=5).hits
    store.replace_entities([Entity("ana-ruiz", "Ana Ruiz", "person")], {hit.found.attribution.id: "ana-ruiz"})
    s = entity_summary(store, "ana-ruiz")
    assert (s.entity.name, s.attributions, s.articles, s.first, s.last) == (
        "Ana Ruiz",
        1,
        1,
        date(2025, 5, 1),
        date(2025, 5, 1),
    )
    with pytest.raises(NotFoundError):
        entity_summary(store, "nobody")
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(attributions)) == 2
