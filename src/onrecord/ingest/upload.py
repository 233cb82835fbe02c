"""Articles from a request body (the HTTP API's POST), read by the same readers as files.

The media type says how to read the bytes: plain text, HTML, one JSON object (or a list of
them) in the JSON Lines record shape, or JSON Lines. Each article keeps ``name`` as its source.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from onrecord.errors import InputError, UnsupportedMediaError
from onrecord.ingest.html import article_from_html
from onrecord.ingest.jsonl import article_from_record, read_json_lines
from onrecord.ingest.text import article_from_bytes
from onrecord.models import Article, Notice, Provenance, Rejection

MEDIA_TYPES: dict[str, str] = {
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
}


def upload_format(content_type: str | None) -> str:
    """The reader for a Content-Type header (parameters such as charset are ignored)."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    fmt = MEDIA_TYPES.get(media)
    if fmt is None:
        shown = media or "none"
        raise UnsupportedMediaError(
            f"cannot read a body of type {shown}: send one of {', '.join(sorted(MEDIA_TYPES))}"
        )
    return fmt


def read_upload(data: bytes, fmt: str, name: str, max_bytes: int) -> Iterator[Article | Rejection | Notice]:
    """Everything one request body yields, as ``read_input`` does for a file."""
    if not data.strip():
        yield Rejection(name, "read", "empty input")
        return
    if len(data) > max_bytes:
        yield Rejection(name, "read", f"too large (over {max_bytes} bytes)")
        return
    try:
        if fmt == "text":
            article, note = article_from_bytes(data, name)
            if note:
                yield Notice(name, note)
            yield article
        elif fmt == "html":
            yield article_from_html(data, Provenance(name))
        elif fmt == "jsonl":
            yield from read_json_lines(name, io.BytesIO(data), max_bytes)
        else:
            yield from _json_records(data, name)
    except InputError as err:
        yield Rejection(err.source, err.stage, err.reason)


def _json_records(data: bytes, name: str) -> Iterator[Article | Rejection]:
    try:
        obj = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        yield Rejection(name, "parse", f"invalid JSON ({err})")
        return
    records = obj if isinstance(obj, list) else [obj]
    if not records:
        yield Rejection(name, "parse", "empty JSON list")
        return
    numbered = isinstance(obj, list)
    for number, record in enumerate(records, 1):
        try:
            yield article_from_record(record, Provenance(name, line=number if numbered else None))
        except InputError as err:
            yield Rejection(err.source, err.stage, err.reason)
