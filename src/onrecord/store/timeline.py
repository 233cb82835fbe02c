"""Store queries of the timeline: embeddings, topic scores, named mentions, statements and shifts.

A mixin of ``SqlStore`` (which provides ``engine`` and ``_write``), kept apart so each module holds
one part of the schema's life.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, update

from onrecord.models import Report, Shift, Speaker, Statement, StatementDate
from onrecord.store.rows import attribution_from_row, attribution_select, entity_from_row, stated_date
from onrecord.store.schema import (
    articles,
    attribution_mentions,
    attribution_topics,
    attributions,
    entities,
    shifts,
    statement_reports,
    statement_topics,
    statements,
    store_state,
    vectors,
)
from onrecord.timeline.statements import BuiltStatement, ReportRow

__all__ = ["ContentMention", "TimelineStore"]

# SQLite allows 999 bound parameters in old builds; stay well under it in IN lists.
_CHUNK = 500
T = TypeVar("T")


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for k in range(0, len(items), _CHUNK):
        yield items[k : k + _CHUNK]


@dataclass(frozen=True, slots=True)
class ContentMention:
    attribution: str
    start: int
    article: str
    text: str
    type: str
    role: str | None


class TimelineStore:
    engine: Engine

    def _write(self) -> AbstractContextManager[Connection]:  # provided by SqlStore
        raise NotImplementedError

    # -- inputs of the timeline stage ------------------------------------------------------------

    def report_rows(self) -> list[ReportRow]:
        """Every attribution whose speaker is a known entity, with its article's date and outlet."""
        query = (
            select(
                attributions.c.id,
                attributions.c.article_id,
                attributions.c.entity_id,
                attributions.c.kind,
                attributions.c.cue_text,
                attributions.c.content_text,
                attributions.c.date_value,
                attributions.c.date_precision,
                attributions.c.date_text,
                attributions.c.date_start,
                attributions.c.date_end,
                attributions.c.content_start,
                articles.c.published,
                articles.c.outlet,
            )
            .join(articles, articles.c.id == attributions.c.article_id)
            .where(attributions.c.entity_id.is_not(None))
            .order_by(attributions.c.id)
        )
        with self.engine.connect() as conn:
            return [
                ReportRow(
                    r.id,
                    r.article_id,
                    r.entity_id,
                    r.kind,
                    r.cue_text,
                    r.content_text,
                    stated_date(r),
                    r.published,
                    r.outlet,
                    r.content_start,
                )
                for r in conn.execute(query)
            ]

    def vectors_for(self, hashes: Iterable[str]) -> dict[str, bytes]:
        wanted = sorted(set(hashes))
        out: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for part in _chunks(wanted):
                for r in conn.execute(select(vectors).where(vectors.c.text_hash.in_(part))):
                    out[r.text_hash] = r.vector
        return out

    def add_vectors(self, found: dict[str, bytes]) -> None:
        if not found:
            return
        with self._write() as conn:
            known = set()
            for part in _chunks(sorted(found)):
                known |= set(conn.scalars(select(vectors.c.text_hash).where(vectors.c.text_hash.in_(part))))
            rows = [{"text_hash": h, "vector": v} for h, v in found.items() if h not in known]
            if rows:
                conn.execute(insert(vectors), rows)

    def state(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            value: str | None = conn.scalar(select(store_state.c.value).where(store_state.c.key == key))
            return value

    def unscored_attributions(self) -> set[str]:
        """Attributions of resolved speakers that have no topic scores yet."""
        scored = select(attribution_topics.c.attribution_id).distinct()
        query = select(attributions.c.id).where(
            attributions.c.entity_id.is_not(None), attributions.c.id.not_in(scored)
        )
        with self.engine.connect() as conn:
            return set(conn.scalars(query))

    def add_topic_scores(self, scores: dict[str, dict[str, float]], digest: str, *, replace: bool) -> None:
        """Store topic scores; ``replace`` drops every earlier score (the taxonomy changed)."""
        with self._write() as conn:
            if replace:
                conn.execute(delete(attribution_topics))
            else:
                for part in _chunks(sorted(scores)):
                    conn.execute(
                        delete(attribution_topics).where(attribution_topics.c.attribution_id.in_(part))
                    )
            rows = [
                {"attribution_id": aid, "topic": topic, "score": score}
                for aid, by_topic in scores.items()
                for topic, score in by_topic.items()
            ]
            if rows:
                conn.execute(insert(attribution_topics), rows)
            conn.execute(delete(store_state).where(store_state.c.key == "taxonomy"))
            conn.execute(insert(store_state).values(key="taxonomy", value=digest))

    def topic_scores(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = defaultdict(dict)
        with self.engine.connect() as conn:
            for r in conn.execute(select(attribution_topics)):
                out[r.attribution_id][r.topic] = r.score
        return out

    def content_mentions(self) -> list[ContentMention]:
        query = select(
            attribution_mentions.c.attribution_id,
            attribution_mentions.c.start,
            attributions.c.article_id,
            attribution_mentions.c.text,
            attribution_mentions.c.type,
            attribution_mentions.c.role,
        ).join(attributions, attributions.c.id == attribution_mentions.c.attribution_id)
        with self.engine.connect() as conn:
            return [ContentMention(*r) for r in conn.execute(query)]

    def role_only_speakers(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(attribution, article, roles) of speakers known only by a role ("the Russian president")."""
        query = select(attributions.c.id, attributions.c.article_id, attributions.c.speaker_roles).where(
            attributions.c.speaker_name.is_(None), attributions.c.speaker_type.in_(("person", "organization"))
        )
        with self.engine.connect() as conn:
            return [(r.id, r.article_id, tuple(json.loads(r.speaker_roles))) for r in conn.execute(query)]

    def assign_role_speakers(self, assignment: dict[str, str]) -> None:
        """Give role-only speakers the entity that carries their role (see ``Service.refresh_entities``)."""
        if not assignment:
            return
        with self._write() as conn:
            conn.execute(
                update(attributions)
                .where(attributions.c.id == bindparam("aid"))
                .values(entity_id=bindparam("eid")),
                [{"aid": a, "eid": e} for a, e in assignment.items()],
            )

    def assign_mention_entities(self, assignment: dict[tuple[str, int], str | None]) -> None:
        with self._write() as conn:
            conn.execute(update(attribution_mentions).values(entity_id=None))
            pairs = [{"aid": a, "st": s, "eid": e} for (a, s), e in assignment.items() if e is not None]
            if pairs:
                conn.execute(
                    update(attribution_mentions)
                    .where(
                        attribution_mentions.c.attribution_id == bindparam("aid"),
                        attribution_mentions.c.start == bindparam("st"),
                    )
                    .values(entity_id=bindparam("eid")),
                    pairs,
                )

    # -- the timeline stage's output -------------------------------------------------------------

    def replace_statements(
        self, built: Sequence[BuiltStatement], topics: dict[str, dict[str, float]], found: Sequence[Shift]
    ) -> None:
        """Swap every statement, report link, statement topic and shift for new ones, atomically."""
        with self._write() as conn:
            conn.execute(delete(shifts))
            conn.execute(delete(statement_topics))
            conn.execute(delete(statement_reports))
            conn.execute(delete(statements))
            if built:
                conn.execute(insert(statements), [_statement_row(s) for s in built])
                conn.execute(
                    insert(statement_reports),
                    [{"statement_id": s.id, "attribution_id": a} for s in built for a in s.members],
                )
            rows = [
                {"statement_id": sid, "topic": t, "score": v}
                for sid, by in topics.items()
                for t, v in by.items()
            ]
            if rows:
                conn.execute(insert(statement_topics), rows)
            if found:
                conn.execute(
                    insert(shifts),
                    [
                        {
                            "statement_a": x.a,
                            "statement_b": x.b,
                            "topic": x.topic,
                            "reason": x.reason,
                            "detail": x.detail,
                            "score": x.score,
                        }
                        for x in found
                    ],
                )

    # -- queries ---------------------------------------------------------------------------------

    def match_speakers(self, name: str) -> list[str]:
        """Entity ids for a name typed by a user: exact name or alias if any, else any that contain it."""
        needle = name.strip().casefold()
        with self.engine.connect() as conn:
            rows = list(conn.execute(select(entities.c.id, entities.c.name, entities.c.aliases)))
        exact = [r.id for r in rows if needle in (r.name.casefold(), r.id) or needle in _folded(r.aliases)]
        if exact:
            return exact
        return [
            r.id for r in rows if needle in r.name.casefold() or any(needle in a for a in _folded(r.aliases))
        ]

    def list_statements(
        self,
        *,
        speakers: Sequence[str] | None = None,
        topic: str | None = None,
        threshold: float = 0.0,
        since: date | None = None,
        until: date | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Statement]:
        """Statements in date order (undated last), each with its reports, topics and shifts."""
        query = select(statements).order_by(
            statements.c.date_value.is_(None), statements.c.date_value, statements.c.ordinal
        )
        if speakers is not None:
            query = query.where(statements.c.speaker_id.in_(list(speakers)))
        if ids is not None:
            query = query.where(statements.c.id.in_(list(ids)))
        if since is not None:
            query = query.where(statements.c.date_value >= since.isoformat())
        if until is not None:
            query = query.where(statements.c.date_value <= until.isoformat())
        if topic is not None:
            on_topic = select(statement_topics.c.statement_id).where(
                func.lower(statement_topics.c.topic) == topic.casefold(),
                statement_topics.c.score >= threshold,
            )
            query = query.where(statements.c.id.in_(on_topic))
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
            return self._assemble(conn, rows, threshold)

    def _assemble(self, conn: Connection, rows: list[Any], threshold: float) -> list[Statement]:
        sids = [r.id for r in rows]
        speakers = {r.id: entity_from_row(r) for r in conn.execute(select(entities))}
        reports: dict[str, list[Report]] = defaultdict(list)
        topics: dict[str, list[tuple[str, float]]] = defaultdict(list)
        found: dict[str, list[Shift]] = defaultdict(list)
        named: dict[str, set[str]] = defaultdict(set)
        for part in _chunks(sids):
            query = (
                attribution_select(statement_reports.c.statement_id)
                .join(statement_reports, statement_reports.c.attribution_id == attributions.c.id)
                .where(statement_reports.c.statement_id.in_(part))
                .order_by(articles.c.published.is_(None), articles.c.published, attributions.c.id)
            )
            for r in conn.execute(query):
                reports[r.statement_id].append(
                    Report(attribution_from_row(r), r.outlet, r.published, r.title)
                )
            query_t = (
                select(statement_topics)
                .where(statement_topics.c.statement_id.in_(part), statement_topics.c.score >= threshold)
                .order_by(statement_topics.c.score.desc())
            )
            for r in conn.execute(query_t):
                topics[r.statement_id].append((r.topic, round(r.score, 3)))
            query_s = select(shifts).where(
                or_(shifts.c.statement_a.in_(part), shifts.c.statement_b.in_(part))
            )
            for r in conn.execute(query_s.order_by(shifts.c.score.desc())):
                shift = Shift(r.statement_a, r.statement_b, r.topic, r.reason, r.detail, r.score)
                for sid in {r.statement_a, r.statement_b} & set(part):
                    found[sid].append(shift)
            query_m = (
                select(statement_reports.c.statement_id, attribution_mentions.c.entity_id)
                .join(
                    attribution_mentions,
                    attribution_mentions.c.attribution_id == statement_reports.c.attribution_id,
                )
                .where(
                    statement_reports.c.statement_id.in_(part), attribution_mentions.c.entity_id.is_not(None)
                )
            )
            for r in conn.execute(query_m):
                named[r.statement_id].add(r.entity_id)
        out = []
        for r in rows:
            entity = speakers.get(r.speaker_id)
            speaker = (
                Speaker(entity.id, entity.name, entity.type, tuple(x.text for x in entity.roles))
                if entity
                else Speaker(r.speaker_id, None, "unknown")
            )
            out.append(
                Statement(
                    id=r.id,
                    speaker=speaker,
                    date=StatementDate(r.date_value, r.date_precision, r.date_text),
                    topics=tuple(topics.get(r.id, ())),
                    text=r.text,
                    reports=tuple(reports.get(r.id, ())),
                    shifts=tuple(found.get(r.id, ())),
                    entities=tuple(sorted(named.get(r.id, ()))),
                )
            )
        return out


def _folded(aliases_json: str) -> list[str]:
    return [a.casefold() for a in json.loads(aliases_json)]


def _statement_row(s: BuiltStatement) -> dict[str, object]:
    return {
        "id": s.id,
        "speaker_id": s.speaker,
        "date_value": s.date.value,
        "date_precision": s.date.precision,
        "date_text": s.date.text,
        "text": s.text,
        "attribution_id": s.attribution,
        "reports": len(s.members),
        "outlets": s.outlets,
        "ordinal": s.ordinal,
    }
