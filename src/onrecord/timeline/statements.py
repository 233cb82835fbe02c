"""From linked reports to statements: id, date, the wording that stands for them, their outlets.

Pure functions over rows the store hands out; the store writes what comes back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from onrecord.models import PRECISION_RANK, StatementDate
from onrecord.nlp.embed import Vectors, text_hash
from onrecord.timeline.linking import DEFAULT, LinkItem, Thresholds, interval, link

__all__ = ["BuiltStatement", "ReportRow", "build_statements", "embed_text", "link_item", "text_hash"]


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One attribution of a resolved speaker, as the timeline needs it."""

    id: str
    article: str
    speaker: str
    kind: str
    cue: str | None
    content: str
    date: StatementDate | None
    published: dt.date | None
    outlet: str | None
    position: int = 0  # where the content starts in its article


@dataclass(frozen=True, slots=True)
class BuiltStatement:
    id: str
    speaker: str
    date: StatementDate
    text: str
    attribution: str  # the report whose wording stands for the statement
    members: tuple[str, ...]  # attribution ids, oldest report first
    outlets: int
    ordinal: int = 0  # place in the whole record: date, then first publication and position


def embed_text(cue: str | None, content: str) -> str:
    """What is embedded for a report: the cue carries half the meaning ("ruled out", "denied")."""
    return f"{cue} {content}" if cue else content


def _best_date(rows: Sequence[ReportRow]) -> StatementDate:
    """The most precise date any report gives; among equals the earliest (a remark is first made,
    then reported); with only publication dates, the first publication."""
    dated = [r.date for r in rows if r.date is not None and r.date.value is not None]
    if dated:
        return min(dated, key=lambda d: (PRECISION_RANK.get(d.precision, 5), d.value or ""))
    unresolved = [r.date for r in rows if r.date is not None]
    if unresolved:
        return min(unresolved, key=lambda d: PRECISION_RANK.get(d.precision, 5))
    return StatementDate(None, "article")


def _representative(members: Sequence[int], rows: Sequence[ReportRow], vectors: Vectors) -> int:
    """The report closest to all the others (the medoid); with two, the fuller wording."""
    if len(members) <= 2:
        return max(members, key=lambda k: (rows[k].kind == "direct", len(rows[k].content), -k))
    sub = vectors[list(members)]
    centrality = (sub @ sub.T).sum(axis=1)
    return members[int(np.argmax(centrality))]


def _report_order(row: ReportRow) -> tuple[dt.date, str, int, str]:
    return (row.published or dt.date.max, row.article, row.position, row.id)


def link_item(row: ReportRow, vector: Vectors, t: Thresholds = DEFAULT) -> LinkItem | None:
    """What linking needs of a report, or None when it has no date at all (nothing to compare it
    with safely)."""
    span = interval(row.date, row.published, t.lookback_days)
    if span is None:
        return None
    d = row.date
    precision = d.precision if d is not None and d.value is not None and d.precision != "article" else None
    return LinkItem(row.id, row.article, row.speaker, *span, row.content, row.cue, vector, precision)


def build_statements(
    rows: Sequence[ReportRow], vectors: Vectors, t: Thresholds = DEFAULT
) -> list[BuiltStatement]:
    """Group the reports into statements (rows and vectors are aligned)."""
    items: list[LinkItem] = []
    index: list[int] = []
    alone: list[int] = []
    for k, r in enumerate(rows):
        it = link_item(r, vectors[k], t)
        if it is None:
            alone.append(k)
            continue
        items.append(it)
        index.append(k)
    groups = [[index[i] for i in g] for g in link(items, t)] + [[k] for k in alone]
    made: list[tuple[tuple[str, tuple[dt.date, str, int, str]], BuiltStatement]] = []
    for members in groups:
        members.sort(key=lambda k: _report_order(rows[k]))
        first = rows[members[0]]
        rep = rows[_representative(members, rows, vectors)]
        statement = BuiltStatement(
            id="s" + hashlib.sha1(first.id.encode()).hexdigest()[:15],
            speaker=first.speaker,
            date=_best_date([rows[k] for k in members]),
            text=rep.content,
            attribution=rep.id,
            members=tuple(rows[k].id for k in members),
            outlets=len({rows[k].outlet or rows[k].article for k in members}),
        )
        made.append(((statement.date.value or "9999", _report_order(first)), statement))
    made.sort(key=lambda pair: pair[0])
    return [replace(s, ordinal=k) for k, (_, s) in enumerate(made)]
