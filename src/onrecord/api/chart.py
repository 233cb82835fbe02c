"""A speaker's statements over time as an SVG chart, laid out here and drawn by the template.

One lane per topic (a statement with several topics appears in each), time left to right, one dot
per statement sized by how many outlets reported it and linking to it. Computed on the server, the
chart needs no script and no library, prints, and reads the same in every browser.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), then more.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#8C6D31",
    "#7F3C8D",
    "#3969AC",
    "#11A579",
)
NO_TOPIC = "(no topic)"
NO_TOPIC_COLOUR = "#777777"
WIDTH = 900
LANE_HEIGHT = 34
LEFT = 170  # room for the lane labels
RIGHT = 24
TOP = 12
AXIS = 30


# Above this many statements, a chart draws one dot per topic and week (or month) instead of one
# per statement.
MAX_DOTS = 400


@dataclass(frozen=True, slots=True)
class Point:
    """One statement (or a week's) to plot: when, under which topics, how big (outlets reporting
    it, or statements in the week), what its tooltip says and where it links."""

    day: date
    topics: tuple[str, ...]
    size: int
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class Lane:
    name: str
    y: float
    colour: str


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    colour: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    lanes: tuple[Lane, ...]
    dots: tuple[Dot, ...]
    ticks: tuple[Tick, ...]


def topic_colours(topics: list[str]) -> dict[str, str]:
    """A stable colour per topic name, in the order given (e.g. the taxonomy's order)."""
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(t for t in topics if t != NO_TOPIC)}
    colours[NO_TOPIC] = NO_TOPIC_COLOUR
    return colours


def layout(points: list[Point], colours: dict[str, str] | None = None) -> Chart | None:
    """The chart of ``points``; None when there is nothing dated to draw."""
    if not points:
        return None
    lane_names: list[str] = []
    for p in sorted(points, key=lambda p: p.day):
        for t in p.topics or (NO_TOPIC,):
            if t not in lane_names:
                lane_names.append(t)
    palette = colours or topic_colours(lane_names)
    lanes = tuple(
        Lane(name, TOP + LANE_HEIGHT * (i + 0.5), palette.get(name, NO_TOPIC_COLOUR))
        for i, name in enumerate(lane_names)
    )
    lane_y = {lane.name: lane.y for lane in lanes}
    first = min(p.day for p in points)
    last = max(p.day for p in points)
    span = max((last - first).days, 1)
    plot = WIDTH - LEFT - RIGHT

    def x_of(d: date) -> float:
        if first == last:
            return LEFT + plot / 2
        return LEFT + plot * (d - first).days / span

    dots: list[Dot] = []
    stacked: dict[tuple[float, str], int] = {}
    for p in points:
        x = round(x_of(p.day), 1)
        for t in p.topics or (NO_TOPIC,):
            # Statements of the same day in one lane are fanned out up and down, not drawn on top of
            # each other.
            k = stacked[(x, t)] = stacked.get((x, t), -1) + 1
            offset = ((k + 1) // 2) * (1 if k % 2 else -1) * 7 if k else 0
            dots.append(
                Dot(
                    x,
                    lane_y[t] + max(min(offset, LANE_HEIGHT // 2), -(LANE_HEIGHT // 2)),
                    round(min(3.0 + 2.0 * math.sqrt(p.size), 14.0), 1),
                    palette.get(t, NO_TOPIC_COLOUR),
                    f"{p.day.isoformat()} · {t} · {p.label}",
                    p.href,
                )
            )
    axis_y = TOP + LANE_HEIGHT * len(lanes) + 6
    return Chart(
        WIDTH,
        int(axis_y + AXIS),
        LEFT,
        WIDTH - RIGHT,
        axis_y,
        lanes,
        tuple(dots),
        tuple(Tick(round(x_of(d), 1), label) for d, label in _ticks(first, last)),
    )


def binned(counts: Iterable[tuple[date, str | None, int]], href: Callable[[date, date], str]) -> list[Point]:
    """One point per topic and week (Monday first), or per month over more than two years, from
    (day, topic or None, statements) counts; sized by the statements it stands for and linking to
    ``href(first day, last day)``: a chart of thousands of statements stays readable and small."""
    counted = list(counts)
    if not counted:
        return []
    span = (max(d for d, _, _ in counted) - min(d for d, _, _ in counted)).days
    by_month = span > 2 * 365
    bins: dict[tuple[date, str | None], int] = {}
    for day, topic, n in counted:
        start = day.replace(day=1) if by_month else day - timedelta(days=day.weekday())
        bins[(start, topic)] = bins.get((start, topic), 0) + n
    unit = "month" if by_month else "week"
    return [
        Point(
            start,
            (topic,) if topic else (),
            n,
            f"{n} statement{'s' * (n != 1)} in the {unit}",
            href(start, _bin_end(start, by_month)),
        )
        for (start, topic), n in sorted(bins.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
    ]


def _bin_end(start: date, by_month: bool) -> date:
    if not by_month:
        return start + timedelta(days=6)
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Month starts (or years, over a long span) between the two dates, at most about a dozen."""
    if first == last:
        return [(first, first.isoformat())]
    months = (last.year - first.year) * 12 + last.month - first.month
    if months > 36:
        return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)] or [
            (first, str(first.year))
        ]
    step = max(1, -(-months // 12))
    ticks = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        d = date(y, m, 1)
        if first <= d <= last:
            ticks.append((d, d.strftime("%b %Y")))
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return ticks or [(first, first.strftime("%b %Y"))]
