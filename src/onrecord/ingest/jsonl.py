"""JSON Lines: one article per line, ``{"id", "text" | "html", "url", "title", "published",
"outlet", "language"}`` with only ``text`` or ``html`` required.

The file is streamed line by line, so a feed of any length is read in bounded memory; the size
limit applies to each line (each article), and a bad line is rejected on its own.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import IO, Any, cast

from onrecord.errors import InputError
from onrecord.ingest.decode import UTF8_BOM
from onrecord.ingest.html import article_from_html
from onrecord.ingest.metadata import outlet_from_url, parse_published
from onrecord.ingest.source import InputFile
from onrecord.models import Article, Notice, Provenance, Rejection

_STRING_FIELDS = ("id", "text", "html", "url", "title", "outlet", "language")


def read_jsonl(inp: InputFile, max_bytes: int) -> Iterator[Article | Rejection | Notice]:
    try:
        raw = inp.open_binary()
    except OSError as err:
        yield Rejection(inp.name, "read", f"cannot read ({err.strerror or err})")
        return
    with raw:
        stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if inp.gzipped else raw
        yield from read_json_lines(inp.name, stream, max_bytes)


def read_json_lines(name: str, stream: IO[bytes], max_bytes: int) -> Iterator[Article | Rejection | Notice]:
    lineno = 0
    seen_any = False
    while True:
        try:
            line = stream.readline(max_bytes + 1)
        except (EOFError, gzip.BadGzipFile, zlib.error) as err:
            yield Rejection(name, "read", f"damaged or truncated gzip data after line {lineno} ({err})")
            return
        if not line:
            break
        lineno += 1
        where = f"{name}:{lineno}"
        if line.strip():
            seen_any = True
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream, max_bytes)
            yield Rejection(where, "read", f"line too large (over {max_bytes} bytes)")
            continue
        if not line.strip():
            continue
        try:
            yield article_from_json_line(line, name, lineno)
        except InputError as err:
            yield Rejection(err.source, err.stage, err.reason)
    if not seen_any:
        yield Rejection(name, "read", "empty input (no JSON lines)")


def _skip_rest_of_line(stream: IO[bytes], chunk: int) -> None:
    while True:
        rest = stream.readline(chunk)
        if not rest or rest.endswith(b"\n"):
            return


def article_from_json_line(line: bytes, name: str, lineno: int) -> Article:
    where = f"{name}:{lineno}"
    bom = len(UTF8_BOM) if lineno == 1 and line.startswith(UTF8_BOM) else 0
    try:
        text_line = line[bom:].decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as err:
        raise InputError(where, f"invalid UTF-8 at byte {bom + err.start} of the line", stage="read") from err
    try:
        obj: Any = json.loads(text_line)
    except json.JSONDecodeError as err:
        # Some of CPython's messages end in "at" already ("Invalid control character at").
        message = err.msg.removesuffix(" at")
        raise InputError(where, f"invalid JSON ({message} at column {err.colno})", stage="parse") from err
    return article_from_record(obj, Provenance(name, line=lineno))


def article_from_record(obj: Any, provenance: Provenance) -> Article:
    """An article from one decoded JSON object (also used by the HTTP API)."""
    where = provenance.locator()
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {type(obj).__name__}", stage="parse")
    for key in _STRING_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(where, f"field {key!r} must be a string", stage="parse")
    text, html = obj.get("text"), obj.get("html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(where, "needs a non-empty 'text' or 'html' field", stage="parse")
    published = parse_published(obj.get("published"))
    if obj.get("published") not in (None, "") and published is None:
        raise InputError(where, f"'published' is not a calendar date: {obj['published']!r}", stage="parse")
    url = obj.get("url")
    prov = Provenance(provenance.source, url, provenance.line, provenance.offset)
    if text and text.strip():
        return Article(
            text=text,
            provenance=prov,
            fmt="jsonl",
            external_id=obj.get("id"),
            title=obj.get("title"),
            published=published,
            published_source="metadata" if published else None,
            outlet=obj.get("outlet") or outlet_from_url(url),
            language=obj.get("language"),
        )
    return article_from_html(
        str(html),
        prov,
        url=url,
        fmt="jsonl",
        external_id=obj.get("id"),
        title=obj.get("title"),
        published=published,
        outlet=obj.get("outlet"),
        language=obj.get("language"),
    )
