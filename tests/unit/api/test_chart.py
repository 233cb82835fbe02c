from __future__ import annotations

from datetime import date, timedelta

from onrecord.api.chart import NO_TOPIC, NO_TOPIC_COLOUR, Point, binned, layout, topic_colours


def _p(day: date, *topics: str, outlets: int = 1) -> Point:
    return Point(day, topics, outlets, f"{outlets} outlets: said something", f"/statements/{day}")


def test_nothing_to_draw_gives_no_chart() -> None:
    assert layout([]) is None


def test_one_lane_per_topic_time_runs_left_to_right() -> None:
    chart = layout(
        [
            _p(date(2025, 2, 6), "negotiations"),
            _p(date(2025, 7, 20), "ceasefire", "negotiations", outlets=3),
            _p(date(2025, 4, 30)),
        ]
    )
    assert chart is not None
    assert [lane.name for lane in chart.lanes] == ["negotiations", NO_TOPIC, "ceasefire"]
    assert len(chart.dots) == 4  # the July statement is drawn in both of its lanes
    xs = sorted((d.x, d.label[:10]) for d in chart.dots)
    assert xs[0][1] == "2025-02-06" and xs[-1][1] == "2025-07-20"
    assert xs[0][0] == chart.left and xs[-1][0] == chart.right
    big = [d for d in chart.dots if d.label.startswith("2025-07-20")]
    assert all(d.r > 6 for d in big) and "3 outlets" in big[0].label
    assert [t.label for t in chart.ticks] == ["Mar 2025", "Apr 2025", "May 2025", "Jun 2025", "Jul 2025"]
    assert {d.colour for d in chart.dots if NO_TOPIC in d.label} == {NO_TOPIC_COLOUR}


def test_statements_of_one_day_in_one_lane_do_not_hide_each_other() -> None:
    chart = layout(
        [
            _p(date(2025, 3, 3), "sanctions"),
            _p(date(2025, 3, 3), "sanctions"),
            _p(date(2025, 3, 9), "sanctions"),
        ]
    )
    assert chart is not None
    same_day = [(d.x, d.y) for d in chart.dots if d.label.startswith("2025-03-03")]
    assert len(set(same_day)) == 2 and same_day[0][0] == same_day[1][0]


def test_a_single_day_is_centred() -> None:
    chart = layout([_p(date(2025, 3, 3), "sanctions")])
    assert chart is not None
    assert chart.left < chart.dots[0].x < chart.right
    assert [t.label for t in chart.ticks] == ["2025-03-03"]


def test_long_spans_tick_by_year() -> None:
    chart = layout([_p(date(2019, 5, 1), "a"), _p(date(2025, 5, 1), "a")])
    assert chart is not None
    assert [t.label for t in chart.ticks] == ["2020", "2021", "2022", "2023", "2024", "2025"]


def test_many_statements_are_drawn_a_dot_per_topic_and_week() -> None:
    days = [date(2025, 1, 6) + timedelta(days=k % 21) for k in range(900)]
    counts = [(d, "ceasefire" if k % 3 else "sanctions", 1) for k, d in enumerate(days)]
    weeks = binned(counts, lambda monday, sunday: f"/?since={monday}&until={sunday}")
    assert len(weeks) == 6  # three weeks, two topics
    assert sum(p.size for p in weeks) == 900
    assert weeks[0].href == "/?since=2025-01-06&until=2025-01-12" and weeks[0].day.weekday() == 0
    chart = layout(weeks)
    assert chart is not None and len(chart.dots) == 6
    assert max(d.r for d in chart.dots) <= 14
    untopical = binned([(date(2025, 1, 8), None, 4)], lambda monday, sunday: "/")
    assert untopical[0].topics == () and untopical[0].day == date(2025, 1, 6) and untopical[0].size == 4


def test_over_two_years_the_bins_are_months() -> None:
    counts = [(date(2022, 1, 1) + timedelta(days=k), "ceasefire", 1) for k in range(0, 1000, 5)]
    months = binned(counts, lambda first, last: f"{first}/{last}")
    assert months[0].day == date(2022, 1, 1) and months[0].href == "2022-01-01/2022-01-31"
    assert all(p.day.day == 1 for p in months) and sum(p.size for p in months) == 200
    assert "in the month" in months[0].label
    assert binned([], lambda first, last: "") == []


def test_topic_colours_are_stable_and_distinct() -> None:
    colours = topic_colours(["a", "b", "c"])
    assert colours == topic_colours(["a", "b", "c"])
    assert len({colours["a"], colours["b"], colours["c"]}) == 3
