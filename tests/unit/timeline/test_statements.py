"""From reports to statements: the date chosen, the wording that stands for them, ids, order, outlets."""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Sequence
from datetime import date

import numpy as np
import pytest

from onrecord.models import StatementDate
from onrecord.nlp.embed import Vectors
from onrecord.timeline.linking import Thresholds
from onrecord.timeline.statements import (
    BuiltStatement,
    ReportRow,
    build_statements,
    embed_text,
    link_item,
    text_hash,
)

DIM = 8
PUBLISHED = date(2025, 3, 5)


def unit(axis: int) -> Vectors:
    v = np.zeros(DIM, dtype=np.float32)
    v[axis] = 1.0
    return v


def rotated(degrees: float) -> Vectors:
    v = np.zeros(DIM, dtype=np.float32)
    v[0], v[1] = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return v


def row(
    ident: str,
    article: str,
    *,
    content: str = "Russia remains open to negotiations",
    stated: StatementDate | None = None,
    published: date | None = PUBLISHED,
    outlet: str | None = None,
    kind: str = "indirect",
    speaker: str = "dmitry-peskov",
    cue: str | None = "said",
    position: int = 0,
) -> ReportRow:
    if stated is None and published is not None:
        stated = StatementDate(published.isoformat(), "article")
    return ReportRow(ident, article, speaker, kind, cue, content, stated, published, outlet, position)


def build(rows: Sequence[ReportRow], vectors: Sequence[Vectors] | None = None) -> list[BuiltStatement]:
    """Statements of rows; without vectors every row gets the same one (all alike)."""
    vecs = np.stack(list(vectors)) if vectors is not None else np.stack([unit(0)] * len(rows))
    return build_statements(rows, vecs)


def sid(attribution: str) -> str:
    return "s" + hashlib.sha1(attribution.encode()).hexdigest()[:15]


def test_embed_text_puts_the_cue_first() -> None:
    assert (
        embed_text("ruled out", "speaking directly with Zelensky")
        == "ruled out speaking directly with Zelensky"
    )
    assert embed_text(None, "Kyiv does not want peace") == "Kyiv does not want peace"
    assert embed_text("", "Kyiv does not want peace") == "Kyiv does not want peace"


def test_text_hash_is_the_sha1_of_the_text() -> None:
    assert text_hash("abc") == hashlib.sha1(b"abc").hexdigest()
    assert text_hash("ä") != text_hash("a")


def test_reports_of_one_remark_become_one_statement() -> None:
    rows = [
        row("r1", "art1", published=date(2025, 3, 5), outlet="TASS"),
        row("r2", "art2", published=date(2025, 3, 4), outlet="Reuters"),
    ]
    [s] = build(rows)
    assert s.members == ("r2", "r1")  # oldest report first
    assert s.speaker == "dmitry-peskov"
    assert s.outlets == 2
    assert s.id == sid("r2")  # named after its first report
    assert s.ordinal == 0


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # the most precise date wins
        (
            [
                StatementDate("2025-03-05", "article"),
                StatementDate("2025-03-01", "month", "in March"),
                StatementDate("2025-03-03", "day", "on Monday"),
                StatementDate("2025-03-03", "week", "this week"),
            ],
            StatementDate("2025-03-03", "day", "on Monday"),
        ),
        # among equally precise dates, the earliest (a remark is first made, then reported; two
        # different days are two occasions and never one statement: see below)
        (
            [
                StatementDate("2025-03-03", "week", "this week"),
                StatementDate("2025-02-24", "week", "last week"),
            ],
            StatementDate("2025-02-24", "week", "last week"),
        ),
        (
            [
                StatementDate("2025-03-01", "month", "in March"),
                StatementDate("2025-03-03", "week", "this week"),
            ],
            StatementDate("2025-03-03", "week", "this week"),
        ),
        # publication dates only: the first publication
        (
            [StatementDate("2025-03-05", "article"), StatementDate("2025-03-04", "article")],
            StatementDate("2025-03-04", "article"),
        ),
    ],
)
def test_the_statement_date_is_the_most_precise_then_earliest(
    dates: list[StatementDate], expected: StatementDate
) -> None:
    rows = [row(f"r{k}", f"art{k}", stated=d) for k, d in enumerate(dates)]
    [s] = build(rows)
    assert len(s.members) == len(dates)
    assert (s.date.value, s.date.precision, s.date.text) == (
        expected.value,
        expected.precision,
        expected.text,
    )


def test_reports_dated_to_two_days_are_two_statements() -> None:
    rows = [
        row("r1", "art1", stated=StatementDate("2025-03-03", "day", "on Monday")),
        row("r2", "art2", stated=StatementDate("2025-03-04", "day", "on Tuesday")),
    ]
    assert sorted(s.members for s in build(rows)) == [("r1",), ("r2",)]


def test_reports_dated_to_one_day_link_at_a_moderate_cosine() -> None:
    monday = StatementDate("2025-03-03", "day", "on Monday")
    rows = [
        row("r1", "art1", content="police killings must stop", stated=monday),
        row("r2", "art2", content="she called for an end to the shootings", stated=monday),
    ]
    moderate = [rotated(0), rotated(math.degrees(math.acos(0.87)))]
    [s] = build(rows, moderate)
    assert s.members == ("r1", "r2")
    # dated only by publication, the same pair stays apart
    undated = [dataclasses.replace(r, date=StatementDate("2025-03-05", "article")) for r in rows]
    assert len(build(undated, moderate)) == 2


@pytest.mark.parametrize(
    ("stated", "precision"),
    [
        (StatementDate("2025-03-03", "day", "on Monday"), "day"),
        (StatementDate("2025-03-03", "week", "this week"), "week"),
        (StatementDate("2025-03-05", "article"), None),  # the publication date is no statement date
        (StatementDate(None, "day", "on Monday"), None),  # unresolved: only the publication bounds it
        (None, None),
    ],
)
def test_link_item_knows_whether_the_report_gives_a_date(
    stated: StatementDate | None, precision: str | None
) -> None:
    it = link_item(dataclasses.replace(row("r1", "art1"), date=stated), unit(0))
    assert it is not None and it.precision == precision
    # without a publication date only a report that gives its own date can be compared
    alone = link_item(dataclasses.replace(row("r1", "art1"), date=stated, published=None), unit(0))
    assert (alone is None) is (precision is None)
    assert alone is None or alone.precision == precision


def test_a_report_without_any_date_stands_alone() -> None:
    # identical wording and vectors, but nothing to say when the undated ones were said
    rows = [
        row("r1", "art1"),
        row("r2", "art2", published=None, stated=None),
        row("r3", "art3", published=None, stated=StatementDate(None, "day", "on Monday")),
    ]
    built = build(rows)
    assert sorted(s.members for s in built) == [("r1",), ("r2",), ("r3",)]
    by_member = {s.members[0]: s for s in built}
    assert by_member["r2"].date == StatementDate(None, "article")
    # an unresolved phrase is kept as it was found, not given a year
    assert (by_member["r3"].date.value, by_member["r3"].date.precision, by_member["r3"].date.text) == (
        None,
        "day",
        "on Monday",
    )
    # undated statements come last, in the order of their articles
    assert [(s.members[0], s.ordinal) for s in built] == [("r1", 0), ("r2", 1), ("r3", 2)]


def test_two_undated_reports_are_not_linked_with_each_other() -> None:
    rows = [row("r1", "art1", published=None), row("r2", "art2", published=None)]
    assert sorted(s.members for s in build(rows)) == [("r1",), ("r2",)]


def test_the_representative_of_two_is_the_direct_quote_then_the_fuller_wording() -> None:
    rows = [
        row("r1", "art1", content="Kyiv has to be the first to show openness to such talks", kind="indirect"),
        row("r2", "art2", content="Kyiv has to be the first", kind="direct"),
    ]
    [s] = build(rows)
    assert (s.attribution, s.text) == ("r2", "Kyiv has to be the first")
    rows = [
        row("r1", "art1", content="Kyiv has to be the first", kind="indirect"),
        row("r2", "art2", content="Kyiv has to be the first to show openness", kind="indirect"),
    ]
    [s] = build(rows)
    assert (s.attribution, s.text) == ("r2", "Kyiv has to be the first to show openness")


def test_the_representative_of_several_is_the_most_central() -> None:
    # r1 - r2 - r3 on an arc: r2 is the closest to the others though the shortest and not direct
    step = math.degrees(math.acos(0.98))
    rows = [
        row("r1", "art1", content="the longest wording of all of the three reports here", kind="direct"),
        row("r2", "art2", content="short"),
        row("r3", "art3", content="a wording of middling length here", kind="direct"),
    ]
    [s] = build(rows, [rotated(0), rotated(step), rotated(2 * step)])
    assert (s.attribution, s.text) == ("r2", "short")
    assert len(s.members) == 3


def test_outlets_count_distinct_outlets_or_articles_without_one() -> None:
    rows = [
        row("r1", "art1", outlet="TASS"),
        row("r2", "art2", outlet="TASS"),
        row("r3", "art3", outlet=None),
        row("r4", "art4", outlet=None),
    ]
    [s] = build(rows)
    assert s.outlets == 3  # TASS, art3, art4


def test_ids_are_stable_whatever_the_input_order() -> None:
    rows = [
        row("r1", "art1", published=date(2025, 3, 5)),
        row("r2", "art2", published=date(2025, 3, 3)),
        row("r3", "art3", content="Sanctions will be lifted", published=date(2025, 3, 4)),
    ]
    vectors = [unit(0), unit(0), unit(1)]
    first = build(rows, vectors)
    assert {s.id for s in first} == {sid("r2"), sid("r3")}
    again = build(rows[::-1], vectors[::-1])
    assert [(s.id, s.members, s.date, s.ordinal) for s in again] == [
        (s.id, s.members, s.date, s.ordinal) for s in first
    ]
    # a report of something else does not change the ids of the others
    more = [*rows, row("r4", "art4", content="Talks will resume", published=date(2025, 3, 1))]
    ids = {s.members: s.id for s in build(more, [*vectors, unit(2)])}
    assert ids[("r2", "r1")] == sid("r2") and ids[("r3",)] == sid("r3") and ids[("r4",)] == sid("r4")


def test_statements_are_ordered_by_date_then_first_report() -> None:
    rows = [
        row("late", "art1", stated=StatementDate("2025-03-04", "day", "on Tuesday")),
        row("early", "art2", stated=StatementDate("2025-02-20", "day", "on Feb. 20")),
        # same day: the first publication, then the place in the article
        row("b-second", "art3", stated=StatementDate("2025-03-01", "day"), position=500),
        row("b-first", "art3", stated=StatementDate("2025-03-01", "day"), position=10),
        row("a-sooner", "art4", stated=StatementDate("2025-03-01", "day"), published=date(2025, 3, 2)),
        row("undated", "art5", published=None),
    ]
    built = build(rows, [unit(k) for k in range(len(rows))])
    assert [s.members for s in built] == [
        ("early",),
        ("a-sooner",),
        ("b-first",),
        ("b-second",),
        ("late",),
        ("undated",),
    ]
    assert [s.ordinal for s in built] == list(range(len(rows)))


def test_reports_of_a_statement_are_oldest_first_undated_last() -> None:
    rows = [
        row("r1", "art9", published=date(2025, 3, 5), position=3),
        row("r2", "art1", published=date(2025, 3, 5), position=7),
        row("r3", "art0", published=date(2025, 3, 1)),
    ]
    [s] = build(rows)
    assert s.members == ("r3", "r2", "r1")


def test_only_one_speakers_reports_make_a_statement() -> None:
    rows = [row("r1", "art1"), row("r2", "art2", speaker="vladimir-putin")]
    built = build(rows)
    assert sorted((s.speaker, s.members) for s in built) == [
        ("dmitry-peskov", ("r1",)),
        ("vladimir-putin", ("r2",)),
    ]


def test_thresholds_are_passed_to_linking() -> None:
    rows = [row("r1", "art1", published=date(2025, 3, 1)), row("r2", "art2", published=date(2025, 3, 31))]
    vecs = np.stack([unit(0), unit(0)])
    # publication windows: 30 days back from each overlap; with a 5-day look-back they are 25 days apart
    assert len(build_statements(rows, vecs)) == 1
    assert len(build_statements(rows, vecs, Thresholds(lookback_days=5))) == 2


def test_no_reports_no_statements() -> None:
    assert build_statements([], np.zeros((0, DIM), dtype=np.float32)) == []


def test_a_statement_is_frozen() -> None:
    [s] = build([row("r1", "art1")])
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.text = "x"  # type: ignore[misc]
