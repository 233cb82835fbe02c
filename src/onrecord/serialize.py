"""The versioned JSON shapes that onrecord prints and serves (``onrecord.attribution/1``).

One function per record type, used by the CLI and the HTTP API alike, so the contract in
DESIGN.md has exactly one implementation.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from onrecord.models import (
    ATTRIBUTION_SCHEMA,
    STATEMENT_SCHEMA,
    Attribution,
    Entity,
    Report,
    Shift,
    Span,
    Speaker,
    Statement,
    StatementDate,
)

if TYPE_CHECKING:
    from onrecord.store import ArticleSummary


def iso_date(d: date | None) -> str | None:
    return d.isoformat() if d else None


def article_summary_json(a: ArticleSummary) -> dict[str, Any]:
    """One line of the article list, as ``articles --json`` and ``GET /api/v1/articles`` give it."""
    return {
        "id": a.id,
        "title": a.title,
        "published": iso_date(a.published),
        "outlet": a.outlet,
        "source": a.source,
        "words": a.words,
        "removed": a.removed,
        "duplicate_of": a.duplicate_of,
    }


def span_json(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def speaker_json(speaker: Speaker | None) -> dict[str, Any] | None:
    if speaker is None:
        return None
    return {"id": speaker.id, "name": speaker.name, "type": speaker.type, "roles": list(speaker.roles)}


def date_json(d: StatementDate | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"value": d.value, "precision": d.precision, "text": d.text, "start": d.start, "end": d.end}


def attribution_json(a: Attribution) -> dict[str, Any]:
    """One attribution as the ``onrecord.attribution/1`` record."""
    return {
        "schema": ATTRIBUTION_SCHEMA,
        "id": a.id,
        "article": a.article,
        "kind": a.kind,
        "content": span_json(a.content),
        "cue": span_json(a.cue),
        "speaker_mention": span_json(a.speaker_mention),
        "speaker": speaker_json(a.speaker),
        "addressee": span_json(a.addressee),
        "via": span_json(a.via),
        "date": date_json(a.date),
        "confidence": round(a.confidence, 3),
    }


def report_json(r: Report) -> dict[str, Any]:
    a = r.attribution
    return {
        "article": a.article,
        "outlet": r.outlet,
        "published": r.published.isoformat() if r.published else None,
        "title": r.title,
        "attribution": a.id,
        "kind": a.kind,
        "cue": span_json(a.cue),
        "content": span_json(a.content),
        "date": date_json(a.date),
    }


def shift_json(s: Shift) -> dict[str, Any]:
    return {"a": s.a, "b": s.b, "topic": s.topic, "reason": s.reason, "detail": s.detail, "score": s.score}


def statement_json(s: Statement) -> dict[str, Any]:
    """One statement as the ``onrecord.statement/1`` record: every report with its provenance."""
    return {
        "schema": STATEMENT_SCHEMA,
        "id": s.id,
        "speaker": speaker_json(s.speaker),
        "date": {"value": s.date.value, "precision": s.date.precision, "text": s.date.text},
        "topics": [{"name": name, "score": score} for name, score in s.topics],
        "text": s.text,
        "entities": list(s.entities),
        "reports": [report_json(r) for r in s.reports],
        "shifts": [shift_json(x) for x in s.shifts],
    }


def entity_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "roles": [{"text": r.text, "articles": list(r.articles)} for r in e.roles],
    }
