"""WARC archives (``.warc``, ``.warc.gz``): the HTML responses, read with warcio.

Each response record becomes one article located by its byte offset in the archive. Records that
are not successful HTML responses (requests, metadata, images, redirects) are passed over; a
malformed record ends the reading of that archive, since a WARC stream cannot be resynchronised.
"""

from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from onrecord.errors import InputError
from onrecord.ingest.html import article_from_html
from onrecord.ingest.source import InputFile
from onrecord.models import Article, Notice, Provenance, Rejection


def read_warc(inp: InputFile, max_bytes: int) -> Iterator[Article | Rejection | Notice]:
    try:
        raw = inp.open_binary()
    except OSError as err:
        yield Rejection(inp.name, "read", f"cannot read ({err.strerror or err})")
        return
    with raw:
        yield from _records(inp.name, ArchiveIterator(raw), max_bytes)


def _records(name: str, records: ArchiveIterator, max_bytes: int) -> Iterator[Article | Rejection | Notice]:
    found = 0
    html_responses = 0
    try:
        for record in records:
            found += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            status = record.http_headers.get_statuscode()
            # Read the payload before asking for the offset: warcio's get_record_offset() reads
            # the record to its end, after which the content stream is empty.
            body = record.content_stream().read(max_bytes + 1) if status == "200" else b""
            offset = records.get_record_offset()
            where = f"{name}@{offset}"
            if status != "200":
                yield Notice(where, f"skipped HTTP {status} response")
                continue
            html_responses += 1
            if len(body) > max_bytes:
                yield Rejection(where, "read", f"record too large (over {max_bytes} bytes)")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                yield article_from_html(body, Provenance(name, url, offset=offset), url=url, fmt="warc")
            except InputError as err:
                yield Rejection(err.source, err.stage, err.reason)
    except ArchiveLoadFailed as err:
        yield Rejection(name, "parse", f"malformed WARC record after {found} records ({_first_line(err)})")
        return
    except (EOFError, OSError, ValueError) as err:
        yield Rejection(name, "read", f"damaged or truncated WARC data after {found} records ({err})")
        return
    if found == 0:
        yield Rejection(name, "parse", "no WARC records found (empty or not a WARC file)")
    elif html_responses == 0:
        yield Rejection(name, "extract", f"no HTML responses among {found} WARC records")


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
