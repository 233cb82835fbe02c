"""WARC archives (``.warc``, ``.warc.gz``): the HTML responses, read with warcio.

Each response record becomes one article located by its byte offset in the archive. Records that
are not successful HTML responses (requests, metadata, images, redirects) are passed over; a
malformed record ends the reading of that archive, since a WARC stream cannot be resynchronised.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from onrecord.errors import InputError
from onrecord.ingest.html import article_from_html
from onrecord.ingest.source import InputFile
from onrecord.models import Article, Notice, Provenance, Rejection

# Compressed bytes read at a time (and the most inflated at once) when checking a .warc.gz.
GZIP_CHUNK = 1 << 16


def read_warc(inp: InputFile, max_bytes: int) -> Iterator[Article | Rejection | Notice]:
    try:
        raw = inp.open_binary()
    except OSError as err:
        yield Rejection(inp.name, "read", f"cannot read ({err.strerror or err})")
        return
    with raw:
        damaged_at = _damaged_gzip_member(raw)
        raw.seek(0)
        yield from _records(inp.name, raw, max_bytes, damaged_at)


def _damaged_gzip_member(raw: BinaryIO) -> int | None:
    """Where the first incomplete or corrupt gzip member of a .warc.gz starts, or None if intact.

    warcio stops quietly at a gzip member cut short, so a truncated archive would lose its last
    record without a word; one streaming pass over the compressed bytes finds the damage first.
    """
    raw.seek(0)
    if raw.read(2) != b"\x1f\x8b":
        return None
    pos = 0
    while True:
        raw.seek(pos)
        inflater = zlib.decompressobj(wbits=31)
        consumed = 0
        try:
            while not inflater.eof:
                chunk = raw.read(GZIP_CHUNK)
                if not chunk:
                    return pos
                consumed += len(chunk)
                inflater.decompress(chunk, GZIP_CHUNK)
                while inflater.unconsumed_tail and not inflater.eof:
                    inflater.decompress(inflater.unconsumed_tail, GZIP_CHUNK)
        except zlib.error:
            return pos
        pos += consumed - len(inflater.unused_data)
        raw.seek(pos)
        if not raw.read(1):
            return None


def _records(
    name: str, raw: BinaryIO, max_bytes: int, damaged_at: int | None
) -> Iterator[Article | Rejection | Notice]:
    records = ArchiveIterator(raw)
    stream = iter(records)
    found = html_responses = 0
    while True:
        # warcio writes its complaints about malformed records straight to stderr, several lines
        # each; we catch them so the user gets one line per rejected input.
        diagnostics = io.StringIO()
        try:
            with contextlib.redirect_stderr(diagnostics):
                record = next(stream, None)
                item = None if record is None else _read_record(name, records, record, max_bytes, found)
        except ArchiveLoadFailed as err:
            yield Rejection(
                name, "parse", f"malformed WARC record after {found} records ({_first_line(err)})"
            )
            return
        except (
            EOFError,
            OSError,
            zlib.error,
            AttributeError,
            ValueError,
            TypeError,
            KeyError,
            IndexError,
        ) as err:
            # warcio fails with these when an archive ends inside a record's headers.
            yield Rejection(
                name, "read", f"damaged or truncated WARC data after {found} records ({_first_line(err)})"
            )
            return
        complaint = diagnostics.getvalue().strip()
        if complaint:
            yield Rejection(
                name, "parse", f"malformed WARC record after {found} records ({_first_line(complaint)})"
            )
            return
        if record is None:
            break
        if record.format != "warc" or not record.rec_headers.protocol.startswith("WARC/"):
            # warcio takes any line of five words for an old ARC header; that is not a WARC file.
            what = (
                "no WARC records found (not a WARC file)"
                if found == 0
                else f"malformed WARC record after {found} records"
            )
            yield Rejection(name, "parse", what)
            return
        found += 1
        if damaged_at is not None and records.get_record_offset() >= damaged_at:
            yield Rejection(
                name,
                "read",
                f"damaged or truncated WARC data after {found - 1} records (gzip data ends early)",
            )
            return
        if isinstance(item, Article):
            html_responses += 1
        if item is not None:
            yield item
            if isinstance(item, Rejection) and item.stage == "read" and "truncated" in item.reason:
                return
    if damaged_at is not None:
        yield Rejection(
            name, "read", f"damaged or truncated WARC data after {found} records (gzip data ends early)"
        )
    elif found == 0:
        yield Rejection(name, "parse", "no WARC records found (empty or not a WARC file)")
    elif html_responses == 0:
        yield Rejection(name, "extract", f"no HTML responses among {found} WARC records")


def _read_record(
    name: str, records: ArchiveIterator, record: ArcWarcRecord, max_bytes: int, found: int
) -> Article | Rejection | Notice | None:
    """One record as an article, a rejection, a notice, or None for records that are not pages."""
    if record.format != "warc" or record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    status = record.http_headers.get_statuscode()
    # Read the payload before asking for the offset: warcio's get_record_offset() reads the
    # record to its end, after which the content stream is empty.
    body = record.content_stream().read(max_bytes + 1) if status == "200" else b""
    missing = int(getattr(record.raw_stream, "limit", 0) or 0) if len(body) <= max_bytes else 0
    offset = records.get_record_offset()
    where = f"{name}@{offset}"
    if status != "200":
        return Notice(where, f"skipped HTTP {status} response")
    if missing > 0:
        return Rejection(
            name, "read", f"damaged or truncated WARC data after {found} records ({missing} bytes missing)"
        )
    if len(body) > max_bytes:
        return Rejection(where, "read", f"record too large (over {max_bytes} bytes)")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        return article_from_html(body, Provenance(name, url, offset=offset), url=url, fmt="warc")
    except InputError as err:
        return Rejection(err.source, err.stage, err.reason)


def _first_line(err: Exception | str) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
