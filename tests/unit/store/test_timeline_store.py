"""The timeline's part of the store: vectors, topic scores, statements with their reports and shifts,
speaker matching and role-only speakers, on real SQLite files."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from onrecord.models import (
    Article,
    Attribution,
    Entity,
    NamedMention,
    Provenance,
    Role,
    Shift,
    Span,
    Speaker,
    StatementDate,
)
from onrecord.pipeline import PreparedArticle, prepare
from onrecord.store import SqlStore
from onrecord.timeline.statements import BuiltStatement

MAY = (
    "Lakeside bridge to open late\n\n"
    "The mayor of Lakeside, Ana Ruiz, said on Monday that the new bridge would open in May, two months late.\n\n"
    '"We will not cut corners on safety," she told reporters at city hall.\n\n'
    "Councillor Ben Ode said the delay would cost the city more than a million dollars.\n"
)
JUNE = (
    "Bridge delay confirmed\n\n"
    "Lakeside's mayor Ana Ruiz said the bridge would open in May, two months later than planned.\n\n"
    "The Russian president said on Friday that the talks with Kyiv would go on.\n"
)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def _att(
    text: str,
    content: str,
    speaker: Speaker,
    *,
    cue: str = "said",
    date_: StatementDate | None = None,
    mentions: tuple[NamedMention, ...] = (),
) -> Attribution:
    start = text.index(content)
    cue_start = text.index(cue)
    return Attribution(
        id=f"a{_digest(text)}-{start}",
        article="",
        kind="indirect",
        content=Span(start, start + len(content), content),
        cue=Span(cue_start, cue_start + len(cue), cue),
        speaker_mention=None,
        speaker=speaker,
        confidence=0.9,
        date=date_,
        mentions=mentions,
    )


def _stored(
    store: SqlStore, text: str, published: date | None, outlet: str | None, atts: list[Attribution]
) -> str:
    p = prepare(
        Article(
            text=text,
            provenance=Provenance(f"{_digest(text)}.txt"),
            fmt="text",
            published=published,
            outlet=outlet,
        )
    )
    assert isinstance(p, PreparedArticle)
    store.add_article(dataclasses.replace(p, attributions=tuple(atts)), None)
    return p.id


RUIZ = Speaker("ana-ruiz", "Ana Ruiz", "person", ("mayor of Lakeside",))
ODE = Speaker("ben-ode", "Ben Ode", "person", ("Councillor",))
RUIZ_ENTITY = Entity(
    "ana-ruiz", "Ana Ruiz", "person", ("A. Ruiz", "Ruiz"), (Role("mayor of Lakeside", ("x",)),)
)
ODE_ENTITY = Entity("ben-ode", "Ben Ode", "person")
LAKESIDE = Entity("lakeside", "Lakeside", "organization")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    s = SqlStore(str(tmp_path / "t.db"))
    yield s
    s.close()


@dataclasses.dataclass
class Seeded:
    may: str  # article ids
    june: str
    ruiz_may: Attribution
    ruiz_june: Attribution
    safety: Attribution
    ode: Attribution
    putin: Attribution  # a speaker known only by a role


@pytest.fixture
def seeded(store: SqlStore) -> Seeded:
    ruiz_may = _att(
        MAY,
        "the new bridge would open in May, two months late",
        RUIZ,
        date_=StatementDate(
            "2025-05-05", "day", "on Monday", MAY.index("on Monday"), MAY.index("on Monday") + 9
        ),
    )
    safety = _att(
        MAY,
        "We will not cut corners on safety,",
        RUIZ,
        cue="told",
        mentions=(),
    )
    ode = _att(
        MAY,
        "the delay would cost the city more than a million dollars",
        ODE,
        date_=StatementDate("2025-05-07", "article"),
        mentions=(
            NamedMention(MAY.index("the city"), MAY.index("the city") + 8, "the city", "organization"),
        ),
    )
    lake = JUNE.index("Lakeside")
    ruiz_june = _att(
        JUNE,
        "the bridge would open in May, two months later than planned",
        RUIZ,
        date_=StatementDate("2025-06-02", "article"),
        mentions=(NamedMention(lake, lake + 8, "Lakeside", "organization"),),
    )
    putin = _att(
        JUNE,
        "the talks with Kyiv would go on",
        Speaker("", None, "person", ("Russian president",)),
        cue="said on",
    )
    may = _stored(store, MAY, date(2025, 5, 7), "Lakeside Herald", [ruiz_may, safety, ode])
    june = _stored(store, JUNE, date(2025, 6, 2), None, [ruiz_june, putin])
    store.replace_entities(
        [RUIZ_ENTITY, ODE_ENTITY, LAKESIDE],
        {ruiz_may.id: "ana-ruiz", safety.id: "ana-ruiz", ruiz_june.id: "ana-ruiz", ode.id: "ben-ode"},
    )
    return Seeded(may, june, ruiz_may, ruiz_june, safety, ode, putin)


# -- vectors ---------------------------------------------------------------------------------------------


def test_vectors_are_cached_by_text_hash(store: SqlStore) -> None:
    assert store.vectors_for([]) == {}
    assert store.vectors_for(["h1"]) == {}
    store.add_vectors({"h1": b"\x01\x02", "h2": b"\x03\x04"})
    assert store.vectors_for(["h1", "h2", "h3", "h1"]) == {"h1": b"\x01\x02", "h2": b"\x03\x04"}
    # a hash already stored keeps its vector; adding nothing is harmless
    store.add_vectors({"h1": b"\xff\xff", "h3": b"\x05\x06"})
    store.add_vectors({})
    assert store.vectors_for(["h1", "h3"]) == {"h1": b"\x01\x02", "h3": b"\x05\x06"}


def test_many_vectors_at_once(store: SqlStore) -> None:
    # more than one IN-list chunk of the store
    found = {f"h{k:05d}": k.to_bytes(4, "little") for k in range(1234)}
    store.add_vectors(found)
    assert store.vectors_for(found) == found
    assert store.vectors_for([*list(found)[:700], "missing"]) == {h: found[h] for h in list(found)[:700]}


def test_vectors_persist_in_the_file(tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    first = SqlStore(db)
    first.add_vectors({"h1": b"\x01\x02"})
    first.close()
    again = SqlStore(db)
    try:
        assert again.vectors_for(["h1"]) == {"h1": b"\x01\x02"}
    finally:
        again.close()


# -- report rows and topic scores -------------------------------------------------------------------------


def test_report_rows_are_the_attributions_of_known_speakers(store: SqlStore, seeded: Seeded) -> None:
    rows = {r.id: r for r in store.report_rows()}
    assert set(rows) == {seeded.ruiz_may.id, seeded.safety.id, seeded.ode.id, seeded.ruiz_june.id}
    r = rows[seeded.ruiz_may.id]
    assert (r.article, r.speaker, r.kind, r.cue, r.content) == (
        seeded.may,
        "ana-ruiz",
        "indirect",
        "said",
        "the new bridge would open in May, two months late",
    )
    assert r.date == seeded.ruiz_may.date
    assert (r.published, r.outlet, r.position) == (
        date(2025, 5, 7),
        "Lakeside Herald",
        seeded.ruiz_may.content.start,
    )
    assert rows[seeded.ruiz_june.id].outlet is None
    assert rows[seeded.safety.id].date is None


def test_topic_scores_are_added_and_replaced(store: SqlStore, seeded: Seeded) -> None:
    everyone = {seeded.ruiz_may.id, seeded.safety.id, seeded.ode.id, seeded.ruiz_june.id}
    assert store.state("taxonomy") is None
    assert store.topic_scores() == {}
    assert store.unscored_attributions() == everyone

    store.add_topic_scores({seeded.ruiz_may.id: {"infrastructure": 0.8, "budget": 0.2}}, "d1", replace=False)
    assert store.topic_scores() == {seeded.ruiz_may.id: {"infrastructure": 0.8, "budget": 0.2}}
    assert store.state("taxonomy") == "d1"
    assert store.unscored_attributions() == everyone - {seeded.ruiz_may.id}

    # adding scores for others keeps the earlier ones; an attribution scored again loses its old topics
    store.add_topic_scores(
        {seeded.ode.id: {"budget": 0.9}, seeded.ruiz_may.id: {"safety": 0.5}}, "d1", replace=False
    )
    assert store.topic_scores() == {seeded.ruiz_may.id: {"safety": 0.5}, seeded.ode.id: {"budget": 0.9}}
    assert store.unscored_attributions() == {seeded.safety.id, seeded.ruiz_june.id}

    # a new taxonomy: everything earlier goes, and its digest is kept
    store.add_topic_scores({seeded.safety.id: {"safety": 0.7}}, "d2", replace=True)
    assert store.topic_scores() == {seeded.safety.id: {"safety": 0.7}}
    assert store.state("taxonomy") == "d2"
    assert store.unscored_attributions() == everyone - {seeded.safety.id}
    rows = sqlite3.connect(store.db).execute("select key, value from store_state where key = 'taxonomy'")
    assert rows.fetchall() == [("taxonomy", "d2")]


def test_a_replacement_with_no_scores_empties_them(store: SqlStore, seeded: Seeded) -> None:
    store.add_topic_scores({seeded.ode.id: {"budget": 0.9}}, "d1", replace=False)
    store.add_topic_scores({}, "d3", replace=True)
    assert store.topic_scores() == {}
    assert store.state("taxonomy") == "d3"


# -- statements -------------------------------------------------------------------------------------------


def _statements(seeded: Seeded) -> list[BuiltStatement]:
    return [
        BuiltStatement(
            id="s-open-may",
            speaker="ana-ruiz",
            date=StatementDate("2025-05-05", "day", "on Monday"),
            text=seeded.ruiz_may.content.text,
            attribution=seeded.ruiz_may.id,
            members=(seeded.ruiz_may.id, seeded.ruiz_june.id),
            outlets=2,
            ordinal=0,
        ),
        BuiltStatement(
            id="s-cost",
            speaker="ben-ode",
            date=StatementDate("2025-05-07", "article"),
            text=seeded.ode.content.text,
            attribution=seeded.ode.id,
            members=(seeded.ode.id,),
            outlets=1,
            ordinal=1,
        ),
        BuiltStatement(
            id="s-safety",
            speaker="ana-ruiz",
            date=StatementDate("2025-06-10", "day", "on Tuesday"),
            text=seeded.safety.content.text,
            attribution=seeded.safety.id,
            members=(seeded.safety.id,),
            outlets=1,
            ordinal=2,
        ),
    ]


TOPICS = {
    "s-open-may": {"infrastructure": 0.8, "safety": 0.3},
    "s-cost": {"budget": 0.9, "Infrastructure": 0.5},
    "s-safety": {"safety": 0.6},
}
SHIFT = Shift("s-open-may", "s-safety", "safety", "negation", "“not” on one side only", 0.91)


@pytest.fixture
def with_statements(store: SqlStore, seeded: Seeded) -> Seeded:
    store.replace_statements(_statements(seeded), TOPICS, [SHIFT])
    return seeded


def _ids(store: SqlStore, **filters: object) -> list[str]:
    return [s.id for s in store.list_statements(**filters)]  # type: ignore[arg-type]


def test_statements_come_back_in_date_order(store: SqlStore, with_statements: Seeded) -> None:
    assert _ids(store) == ["s-open-may", "s-cost", "s-safety"]


def test_undated_statements_come_last(store: SqlStore, seeded: Seeded) -> None:
    built = _statements(seeded)
    built[0] = dataclasses.replace(built[0], date=StatementDate(None, "day", "on Monday"), ordinal=0)
    store.replace_statements(built, {}, [])
    assert _ids(store) == ["s-cost", "s-safety", "s-open-may"]
    [undated] = store.list_statements(ids=["s-open-may"])
    assert undated.date == StatementDate(None, "day", "on Monday")


def test_a_statement_is_assembled_with_its_reports(store: SqlStore, with_statements: Seeded) -> None:
    s = with_statements
    [got] = store.list_statements(ids=["s-open-may"], threshold=0.45)
    assert got.speaker == Speaker("ana-ruiz", "Ana Ruiz", "person", ("mayor of Lakeside",))
    assert got.date == StatementDate("2025-05-05", "day", "on Monday")
    assert got.text == s.ruiz_may.content.text
    assert [(r.attribution.id, r.attribution.article, r.outlet, r.published) for r in got.reports] == [
        (s.ruiz_may.id, s.may, "Lakeside Herald", date(2025, 5, 7)),
        (s.ruiz_june.id, s.june, None, date(2025, 6, 2)),
    ]
    first = got.reports[0]
    assert first.title == "Lakeside bridge to open late"
    assert first.attribution.content == s.ruiz_may.content
    assert first.attribution.cue == s.ruiz_may.cue
    assert first.attribution.date == s.ruiz_may.date
    assert first.attribution.speaker is not None and first.attribution.speaker.name == "Ana Ruiz"
    # the offsets index the stored article text
    stored = (
        sqlite3.connect(store.db).execute("select text from articles where id = ?", (s.june,)).fetchone()[0]
    )
    june = got.reports[1].attribution.content
    assert stored[june.start : june.end] == june.text


def test_topics_are_filtered_by_the_threshold_and_ordered_by_score(
    store: SqlStore, with_statements: Seeded
) -> None:
    [got] = store.list_statements(ids=["s-open-may"], threshold=0.45)
    assert got.topics == (("infrastructure", 0.8),)
    [got] = store.list_statements(ids=["s-open-may"])
    assert got.topics == (("infrastructure", 0.8), ("safety", 0.3))


def test_filter_by_speaker(store: SqlStore, with_statements: Seeded) -> None:
    assert _ids(store, speakers=["ana-ruiz"]) == ["s-open-may", "s-safety"]
    assert _ids(store, speakers=["ben-ode", "ana-ruiz"]) == ["s-open-may", "s-cost", "s-safety"]
    assert _ids(store, speakers=[]) == []
    assert _ids(store, speakers=["nobody"]) == []


def test_filter_by_topic_and_threshold(store: SqlStore, with_statements: Seeded) -> None:
    assert _ids(store, topic="safety", threshold=0.45) == ["s-safety"]
    assert _ids(store, topic="safety", threshold=0.2) == ["s-open-may", "s-safety"]
    assert _ids(store, topic="safety", threshold=0.6) == ["s-safety"]  # at the threshold counts
    assert _ids(store, topic="safety", threshold=0.61) == []
    # topic names match whatever their case
    assert _ids(store, topic="INFRASTRUCTURE", threshold=0.45) == ["s-open-may", "s-cost"]
    assert _ids(store, topic="weather") == []
    assert _ids(store, topic="budget", speakers=["ana-ruiz"]) == []


def test_filter_by_date(store: SqlStore, with_statements: Seeded) -> None:
    assert _ids(store, since=date(2025, 5, 6)) == ["s-cost", "s-safety"]
    assert _ids(store, since=date(2025, 5, 7)) == ["s-cost", "s-safety"]  # inclusive
    assert _ids(store, until=date(2025, 5, 7)) == ["s-open-may", "s-cost"]
    assert _ids(store, since=date(2025, 5, 6), until=date(2025, 6, 1)) == ["s-cost"]
    assert _ids(store, since=date(2026, 1, 1)) == []


def test_filter_by_ids(store: SqlStore, with_statements: Seeded) -> None:
    assert _ids(store, ids=["s-safety", "s-cost"]) == ["s-cost", "s-safety"]
    assert _ids(store, ids=["nope"]) == []


def test_a_shift_is_attached_to_both_statements(store: SqlStore, with_statements: Seeded) -> None:
    by_id = {s.id: s for s in store.list_statements()}
    assert by_id["s-open-may"].shifts == (SHIFT,)
    assert by_id["s-safety"].shifts == (SHIFT,)
    assert by_id["s-cost"].shifts == ()
    # also when only one of the two statements is asked for
    [only] = store.list_statements(ids=["s-safety"])
    assert only.shifts == (SHIFT,)


def test_named_entities_of_a_statement(store: SqlStore, with_statements: Seeded) -> None:
    s = with_statements
    found = {(m.attribution, m.text) for m in store.content_mentions()}
    assert found == {(s.ode.id, "the city"), (s.ruiz_june.id, "Lakeside")}
    assert {s.id: s.entities for s in store.list_statements()} == {
        "s-open-may": (),
        "s-cost": (),
        "s-safety": (),
    }
    lake = JUNE.index("Lakeside")
    store.assign_mention_entities(
        {(s.ruiz_june.id, lake): "lakeside", (s.ode.id, MAY.index("the city")): None}
    )
    assert {s.id: s.entities for s in store.list_statements()} == {
        "s-open-may": ("lakeside",),
        "s-cost": (),
        "s-safety": (),
    }


def test_a_speaker_without_an_entity_is_unknown(store: SqlStore, seeded: Seeded) -> None:
    built = [dataclasses.replace(_statements(seeded)[1], speaker="gone")]
    store.replace_statements(built, {}, [])
    [got] = store.list_statements()
    assert got.speaker == Speaker("gone", None, "unknown")


def test_replacing_statements_drops_the_old_ones(store: SqlStore, with_statements: Seeded) -> None:
    built = _statements(with_statements)
    store.replace_statements([built[1]], {"s-cost": {"budget": 0.9}}, [])
    [got] = store.list_statements()
    assert (got.id, got.topics, got.shifts) == ("s-cost", (("budget", 0.9),), ())
    db = sqlite3.connect(store.db)
    for table, n in (("statements", 1), ("statement_reports", 1), ("statement_topics", 1), ("shifts", 0)):
        assert db.execute(f"select count(*) from {table}").fetchone()[0] == n, table
    store.replace_statements([], {}, [])
    assert store.list_statements() == []


# -- speakers ----------------------------------------------------------------------------------------------


@pytest.fixture
def people(store: SqlStore) -> SqlStore:
    store.replace_entities(
        [
            Entity("donald-trump", "Donald Trump", "person", ("Trump",)),
            Entity("melania-trump", "Melania Trump", "person"),
            Entity("trump-organization", "Trump Organization", "organization"),
            Entity("volodymyr-zelensky", "Volodymyr Zelensky", "person", ("Zelenskyy", "Zelenskiy")),
        ],
        {},
    )
    return store


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # an exact name, alias or id beats every name that merely contains it
        ("Trump", ["donald-trump"]),
        ("  donald TRUMP ", ["donald-trump"]),
        ("melania-trump", ["melania-trump"]),
        ("ZELENSKIY", ["volodymyr-zelensky"]),
        # otherwise any that contain it
        ("tru", ["donald-trump", "melania-trump", "trump-organization"]),
        ("melania", ["melania-trump"]),
        ("zelenskyy", ["volodymyr-zelensky"]),
        ("Organization", ["trump-organization"]),
        ("Peskov", []),
    ],
)
def test_match_speakers(people: SqlStore, name: str, expected: list[str]) -> None:
    assert sorted(people.match_speakers(name)) == expected


def test_a_bare_surname_finds_everyone_who_has_it_when_nobody_is_called_so(store: SqlStore) -> None:
    store.replace_entities(
        [
            Entity("donald-trump", "Donald Trump", "person"),
            Entity("melania-trump", "Melania Trump", "person"),
        ],
        {},
    )
    assert sorted(store.match_speakers("trump")) == ["donald-trump", "melania-trump"]


def test_role_only_speakers_get_the_entity_of_their_role(store: SqlStore, seeded: Seeded) -> None:
    assert store.role_only_speakers() == [(seeded.putin.id, seeded.june, ("Russian president",))]
    assert seeded.putin.id not in {r.id for r in store.report_rows()}
    store.assign_role_speakers({})
    store.assign_role_speakers({seeded.putin.id: "vladimir-putin"})
    [row] = [r for r in store.report_rows() if r.id == seeded.putin.id]
    assert (row.speaker, row.content, row.article) == (
        "vladimir-putin",
        "the talks with Kyiv would go on",
        seeded.june,
    )
    # still role-only by name: the assignment is redone after each entity refresh
    assert [aid for aid, _, _ in store.role_only_speakers()] == [seeded.putin.id]


def test_unknown_speakers_are_not_role_only(store: SqlStore) -> None:
    text = 'The talks will go on, he said.\n\n"We are ready," a spokesman said.\n'
    att = _att(text, "The talks will go on,", Speaker("", None, "unknown"))
    _stored(store, text, date(2025, 1, 1), None, [att])
    assert store.role_only_speakers() == []
