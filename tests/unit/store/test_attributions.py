from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from onrecord.models import Article, Attribution, Entity, Provenance, Role, Span, Speaker
from onrecord.pipeline import PreparedArticle, prepare
from onrecord.store import SqlStore

TEXT = (
    "The mayor of Lakeside said on Monday that the new bridge would open in May, two months late.\n\n"
    '"We will not cut corners on safety," she told reporters at city hall.\n'
)


def _stored(store: SqlStore, text: str, published: date | None, atts: list[Attribution]) -> str:
    p = prepare(
        Article(text=text, provenance=Provenance(f"{hash(text)}.txt"), fmt="text", published=published)
    )
    assert isinstance(p, PreparedArticle)
    store.add_article(dataclasses.replace(p, attributions=tuple(atts)), None)
    return p.id


def _att(text: str, content: str, speaker: str | None, kind: str, cue: str = "said") -> Attribution:
    start = text.index(content)
    cue_start = text.index(cue)
    return Attribution(
        id=f"a{start}-{speaker}",
        article="",
        kind=kind,
        content=Span(start, start + len(content), content),
        cue=Span(cue_start, cue_start + len(cue), cue),
        speaker_mention=Span(0, 23, text[:23]),
        speaker=Speaker(speaker.lower().replace(" ", "-"), speaker, "person", ("mayor of Lakeside",))
        if speaker
        else Speaker("", None, "unknown"),
        confidence=0.9,
    )


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = SqlStore(str(tmp_path / "t.db"))
    yield s
    s.close()


def test_attributions_round_trip_with_their_spans(store: SqlStore) -> None:
    a = _att(TEXT, "We will not cut corners on safety,", "Ana Ruiz", "direct", "told")
    _stored(store, TEXT, date(2025, 5, 1), [a])
    [got] = store.list_attributions()
    assert got.attribution == dataclasses.replace(a, article=got.attribution.article)
    assert got.published == date(2025, 5, 1)


def test_filters_by_speaker_kind_and_date(store: SqlStore) -> None:
    other = TEXT.replace("Lakeside", "Hillview").replace("May", "June")
    _stored(
        store,
        TEXT,
        date(2025, 5, 1),
        [_att(TEXT, "We will not cut corners on safety,", "Ana Ruiz", "direct", "told")],
    )
    _stored(
        store,
        other,
        date(2025, 6, 1),
        [
            _att(other, "the new bridge would open in June, two months late", "Ben Ode", "indirect"),
            _att(other, "We will not cut corners on safety,", None, "direct", "told"),
        ],
    )
    assert len(store.list_attributions()) == 3
    assert [r.attribution.speaker.name for r in store.list_attributions(speaker="ruiz")] == ["Ana Ruiz"]  # type: ignore[union-attr]
    assert [r.attribution.kind for r in store.list_attributions(kind="indirect")] == ["indirect"]
    assert [r.published for r in store.list_attributions(since=date(2025, 5, 15))] == [date(2025, 6, 1)] * 2


def test_speakers_are_summarised_by_entity(store: SqlStore) -> None:
    att = _att(TEXT, "We will not cut corners on safety,", "Ana Ruiz", "direct", "told")
    _stored(store, TEXT, date(2025, 5, 1), [att])
    assert store.list_speakers() == [], "no entities before they are resolved"
    entity = Entity("ana-ruiz", "Ana Ruiz", "person", ("A. Ruiz",), (Role("mayor of Lakeside", ("x",)),))
    store.replace_entities([entity], {att.id: "ana-ruiz"})
    [s] = store.list_speakers()
    assert (s.entity, s.attributions, s.articles, s.first) == (entity, 1, 1, date(2025, 5, 1))
    assert store.list_entities() == [entity]
    [got] = store.list_attributions(speaker="a. ruiz")
    assert got.attribution.speaker is not None and got.attribution.speaker.id == "ana-ruiz"


def test_injection_through_filters_is_inert(store: SqlStore) -> None:
    _stored(
        store, TEXT, None, [_att(TEXT, "We will not cut corners on safety,", "Ana Ruiz", "direct", "told")]
    )
    assert store.list_attributions(speaker="x' OR '1'='1") == []
    assert len(store.list_attributions()) == 1
