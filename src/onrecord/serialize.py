"""The versioned JSON shapes that onrecord prints and serves (``onrecord.attribution/1``).

One function per record type, used by the CLI and the HTTP API alike, so the contract in
DESIGN.md has exactly one implementation.
"""

from __future__ import annotations

from typing import Any

from onrecord.models import ATTRIBUTION_SCHEMA, Attribution, Span, Speaker, StatementDate


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
