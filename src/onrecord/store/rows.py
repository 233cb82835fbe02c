"""Rows of the store's tables to and from the package's models, shared by every query module."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from onrecord.errors import UsageError
from onrecord.models import Attribution, Entity, Role, Span, Speaker, StatementDate
from onrecord.store.schema import articles, attributions, entities


def attribution_select(*extra: ColumnElement[Any]) -> Select[Any]:
    """Attributions with their article's date, outlet and title and their entity's name (the
    columns ``attribution_from_row`` and the stored-attribution records read), plus ``extra``."""
    return (
        select(
            attributions,
            articles.c.published,
            articles.c.outlet,
            articles.c.title,
            entities.c.name.label("entity_name"),
            *extra,
        )
        .join(articles, articles.c.id == attributions.c.article_id)
        .join(entities, entities.c.id == attributions.c.entity_id, isouter=True)
    )


def entity_row(e: Entity) -> dict[str, object]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": json.dumps(list(e.aliases)),
        "roles": json.dumps([{"text": r.text, "articles": list(r.articles)} for r in e.roles]),
    }


def entity_from_row(row: Any) -> Entity:
    roles = tuple(Role(r["text"], tuple(r["articles"])) for r in json.loads(row.roles))
    return Entity(row.id, row.name, row.type, tuple(json.loads(row.aliases)), roles)


def span_columns(prefix: str, span: Span | None) -> dict[str, object]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def attribution_row(article_id: str, a: Attribution) -> dict[str, object]:
    return {
        "id": a.id,
        "article_id": article_id,
        "kind": a.kind,
        **span_columns("content", a.content),
        **span_columns("cue", a.cue),
        **span_columns("mention", a.speaker_mention),
        **span_columns("addressee", a.addressee),
        **span_columns("via", a.via),
        "speaker_id": a.speaker.id if a.speaker else None,
        "speaker_name": a.speaker.name if a.speaker else None,
        "speaker_type": a.speaker.type if a.speaker else None,
        "speaker_roles": json.dumps(list(a.speaker.roles) if a.speaker else []),
        "confidence": a.confidence,
        "date_value": a.date.value if a.date else None,
        "date_precision": a.date.precision if a.date else None,
        "date_text": a.date.text if a.date else None,
        "date_start": a.date.start if a.date else None,
        "date_end": a.date.end if a.date else None,
    }


def mention_rows(a: Attribution) -> list[dict[str, object]]:
    return [
        {
            "attribution_id": a.id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "type": m.type,
            "role": m.role,
        }
        for m in a.mentions
    ]


def stated_date(row: Any) -> StatementDate | None:
    """The statement date columns of an attribution row."""
    if row.date_precision is None:
        return None
    return StatementDate(row.date_value, row.date_precision, row.date_text, row.date_start, row.date_end)


def span_from(row: Any, prefix: str) -> Span | None:
    start = getattr(row, f"{prefix}_start")
    if start is None:
        return None
    return Span(start, getattr(row, f"{prefix}_end"), getattr(row, f"{prefix}_text"))


def attribution_from_row(row: Any) -> Attribution:
    speaker = None
    if row.speaker_type is not None:
        # Merged across articles, the entity's canonical name and id stand for the speaker.
        entity_name = getattr(row, "entity_name", None)
        speaker = Speaker(
            row.entity_id or row.speaker_id or "",
            entity_name or row.speaker_name,
            row.speaker_type,
            tuple(json.loads(row.speaker_roles)),
        )
    content = span_from(row, "content")
    assert content is not None
    return Attribution(
        id=row.id,
        article=row.article_id,
        kind=row.kind,
        content=content,
        cue=span_from(row, "cue"),
        speaker_mention=span_from(row, "mention"),
        speaker=speaker,
        confidence=row.confidence,
        addressee=span_from(row, "addressee"),
        via=span_from(row, "via"),
        date=stated_date(row),
    )


def like_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with LIKE's own wildcards taken literally (use
    with ``escape="\\"``). A NUL is refused: SQLite would cut the pattern there and match all."""
    if "\x00" in value:
        raise UsageError("a search value contains a NUL character")
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def speaker_matches(speaker: str) -> ColumnElement[bool]:
    """Attributions whose speaker, as resolved, mentioned or merged (any alias), contains what a
    user typed ("peskov" finds "Dmitry Peskov"); the query must join ``entities`` on the entity."""
    pattern = like_pattern(speaker)
    columns = (attributions.c.speaker_name, attributions.c.mention_text, entities.c.name, entities.c.aliases)
    return or_(*(func.lower(column).like(pattern, escape="\\") for column in columns))
