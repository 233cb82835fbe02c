"""WARC archives built with warcio's own writer: HTML responses become articles located by offset."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.unit.ingest.helpers import (
    PARAGRAPHS,
    SITE_NAME,
    TITLE,
    article_page,
    articles,
    read_file,
    rejections,
)
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.models import Article, Notice, Rejection

PAGE = article_page().encode()


@dataclass
class Archive:
    """A WARC being written in memory, remembering where each record starts."""

    gz: bool
    buf: io.BytesIO = field(default_factory=io.BytesIO)
    offsets: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.writer = WARCWriter(self.buf, gzip=self.gz)

    def _write(self, record: Any) -> int:
        offset = self.buf.tell()
        self.offsets.append(offset)
        self.writer.write_record(record)
        record.raw_stream.close()  # warcio spools payloads of unknown length to a temporary file
        return offset

    def warcinfo(self) -> int:
        return self._write(self.writer.create_warcinfo_record("test.warc", {"software": "onrecord-tests"}))

    def request(self, uri: str) -> int:
        payload = io.BytesIO(b"GET / HTTP/1.1\r\nHost: news.example.com\r\n\r\n")
        return self._write(self.writer.create_warc_record(uri, "request", payload=payload))

    def metadata(self, uri: str) -> int:
        record = self.writer.create_warc_record(
            uri,
            "metadata",
            payload=io.BytesIO(b"outlink: https://x.example/\r\n"),
            warc_content_type="application/warc-fields",
        )
        return self._write(record)

    def response(
        self, uri: str, body: bytes = PAGE, *, ctype: str = "text/html; charset=utf-8", status: str = "200 OK"
    ) -> int:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        return self._write(record)

    def save(self, path: Path) -> bytes:
        data = self.buf.getvalue()
        path.write_bytes(data)
        return data


def _name(gz: bool, stem: str = "crawl") -> str:
    return f"{stem}.warc.gz" if gz else f"{stem}.warc"


def _page(n: int) -> bytes:
    return article_page(paragraphs=(f"Story number {n}: {PARAGRAPHS[0]}", *PARAGRAPHS[1:])).encode()


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_articles_and_everything_else_is_passed_over(tmp_path: Path, gz: bool) -> None:
    archive = Archive(gz)
    archive.warcinfo()
    archive.request("https://news.example.com/bridge")
    first = archive.response("https://news.example.com/bridge")
    archive.metadata("https://news.example.com/bridge")
    archive.response(
        "https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40, ctype="image/png"
    )
    archive.response("https://news.example.com/data.json", b'{"a": 1}', ctype="application/json")
    missing = archive.response(
        "https://news.example.com/gone", b"<html><body><p>Not found</p></body></html>", status="404 Not Found"
    )
    moved = archive.response(
        "https://news.example.com/old", b"<html><body>Moved</body></html>", status="301 Moved"
    )
    second = archive.response("https://news.example.com/ferry", _page(2), ctype="application/xhtml+xml")
    path = tmp_path / _name(gz)
    archive.save(path)

    items = read_file(path)
    assert [type(i) for i in items] == [Article, Notice, Notice, Article]
    a1, n404, n301, a2 = items
    assert isinstance(a1, Article) and isinstance(a2, Article)
    assert n404 == Notice(f"{path}@{missing}", "skipped HTTP 404 response")
    assert n301 == Notice(f"{path}@{moved}", "skipped HTTP 301 response")

    assert a1.provenance.source == str(path)
    assert a1.provenance.url == "https://news.example.com/bridge"
    assert a1.provenance.offset == first
    assert a1.provenance.line is None
    assert a1.provenance.locator() == f"{path}@{first}"
    assert a1.fmt == "warc"
    assert PARAGRAPHS[3] in a1.text
    assert (a1.title, a1.outlet, a1.published) == (TITLE, SITE_NAME, date(2024, 5, 1))
    assert a1.raw_html == PAGE.decode()

    assert a2.provenance.url == "https://news.example.com/ferry"
    assert a2.provenance.offset == second
    assert "Story number 2:" in a2.text


def test_archive_without_html_responses(tmp_path: Path) -> None:
    archive = Archive(gz=True)
    archive.warcinfo()
    archive.request("https://news.example.com/")
    archive.response("https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png")
    path = tmp_path / "images.warc.gz"
    archive.save(path)
    assert read_file(path) == [Rejection(str(path), "extract", "no HTML responses among 3 WARC records")]


def test_archive_of_only_error_pages(tmp_path: Path) -> None:
    archive = Archive(gz=False)
    off = archive.response(
        "https://news.example.com/x", b"<html><p>Server error</p></html>", status="500 Oops"
    )
    path = tmp_path / "errors.warc"
    archive.save(path)
    assert read_file(path) == [
        Notice(f"{path}@{off}", "skipped HTTP 500 response"),
        Rejection(str(path), "extract", "no HTML responses among 1 WARC records"),
    ]


def test_an_html_response_without_text_is_rejected_at_its_offset(tmp_path: Path) -> None:
    archive = Archive(gz=False)
    empty = archive.response("https://news.example.com/empty", b"<html><body><div></div></body></html>")
    blank = archive.response("https://news.example.com/blank", b"")
    good = archive.response("https://news.example.com/bridge")
    path = tmp_path / "mixed.warc"
    archive.save(path)
    items = read_file(path)
    assert items[:2] == [
        Rejection(f"{path}@{empty}", "extract", "no article text found in the HTML"),
        Rejection(f"{path}@{blank}", "read", "empty HTML"),
    ]
    assert len(items) == 3 and isinstance(items[2], Article) and items[2].provenance.offset == good


@pytest.mark.parametrize("gz", [False, True])
def test_a_record_over_the_limit_is_rejected_and_the_next_is_read(tmp_path: Path, gz: bool) -> None:
    archive = Archive(gz)
    big = archive.response("https://news.example.com/big", PAGE + b"<!--" + b"x" * 50_000 + b"-->")
    small = archive.response("https://news.example.com/small", _page(7))
    path = tmp_path / _name(gz)
    archive.save(path)
    items = read_file(path, max_bytes=20_000)
    assert items[0] == Rejection(f"{path}@{big}", "read", "record too large (over 20000 bytes)")
    assert len(items) == 2 and isinstance(items[1], Article)
    assert items[1].provenance.offset == small


@pytest.mark.parametrize(
    "data",
    [
        b"hello\nworld\n",
        b"WARX/1.0\r\nWARC-Type: response\r\n\r\n",
        b"\x00\x01\x02\x03" * 100,
        PAGE,  # an HTML page saved under a .warc name
    ],
    ids=["short-text", "bad-version-line", "binary", "html-page"],
)
def test_garbage_is_a_malformed_warc(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbage.warc"
    path.write_bytes(data)
    [rejection] = read_file(path)
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(path)
    assert rejection.stage == "parse"
    assert rejection.reason.startswith(
        "malformed WARC record after 0 records (Unknown archive format, first line:"
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.warc", b"The mayor said on Monday that the new library would open in June.\nMore text.\n"),
        ("notes.warc.gz", gzip.compress(b"hello world, this is not a warc\n")),
        ("blank.warc", b"\n\n\r\n"),
    ],
    ids=["sentence", "gzipped-sentence", "blank-lines"],
)
def test_text_that_is_not_a_warc_is_not_taken_for_one(tmp_path: Path, name: str, data: bytes) -> None:
    # warcio reads a first line of five or more words as an old-style ARC header, and blank lines as
    # an empty record; neither is a WARC record, and "no HTML responses among 1 WARC records" is wrong.
    path = tmp_path / name
    path.write_bytes(data)
    [rejection] = read_file(path)
    assert isinstance(rejection, Rejection)
    assert rejection.stage == "parse"
    assert rejection.reason.startswith(("malformed WARC", "no WARC records")), rejection


def test_empty_warc(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    assert read_file(path) == [
        Rejection(str(path), "parse", "no WARC records found (empty or not a WARC file)")
    ]


def test_garbage_after_good_records_keeps_the_good_ones(tmp_path: Path) -> None:
    archive = Archive(gz=False)
    first = archive.response("https://news.example.com/bridge")
    path = tmp_path / "tail.warc"
    path.write_bytes(archive.buf.getvalue() + b"garbage here\n\x01 more bytes")
    items = read_file(path)
    assert len(items) == 2
    assert isinstance(items[0], Article) and items[0].provenance.offset == first
    assert items[1] == Rejection(
        str(path),
        "parse",
        "malformed WARC record after 1 records (Invalid WARC record, first line: garbage here)",
    )


def test_a_single_gzip_stream_instead_of_one_member_per_record(tmp_path: Path) -> None:
    archive = Archive(gz=False)
    archive.warcinfo()
    archive.response("https://news.example.com/bridge")
    archive.response("https://news.example.com/ferry", _page(2))
    path = tmp_path / "solid.warc.gz"
    path.write_bytes(gzip.compress(archive.buf.getvalue()))
    items = read_file(path)
    assert isinstance(items[-1], Rejection)
    assert items[-1].stage == "parse"
    assert items[-1].reason.startswith("malformed WARC record after 1 records (ERROR: non-chunked gzip file")


def _three_pages(gz: bool) -> tuple[Archive, list[int]]:
    archive = Archive(gz)
    offsets = [archive.response(f"https://news.example.com/{n}", _page(n)) for n in range(3)]
    return archive, offsets


def test_truncated_warc_gz_cut_in_half(tmp_path: Path) -> None:
    archive, offsets = _three_pages(gz=True)
    data = archive.buf.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) // 2])
    assert offsets[1] < len(data) // 2 < offsets[2]  # the cut falls inside the second record

    items = read_file(path)
    first = articles(items)[0]
    assert first.provenance.offset == offsets[0]
    assert first.provenance.url == "https://news.example.com/0"
    assert rejections(items), items
    assert "internal error" not in rejections(items)[-1].reason


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("where", ["in-headers", "in-payload", "just-before-end"])
def test_a_truncated_archive_is_reported_as_truncated(tmp_path: Path, gz: bool, where: str) -> None:
    archive, offsets = _three_pages(gz)
    data = archive.buf.getvalue()
    cut = {
        "in-headers": offsets[1] + 100,  # inside the WARC headers of the second record
        "in-payload": (offsets[1] + offsets[2]) // 2,  # inside the second page's HTML
        "just-before-end": offsets[2] - 10,
    }[where]
    path = tmp_path / _name(gz, "cut")
    path.write_bytes(data[:cut])

    items = read_file(path)
    good = articles(items)
    assert [a.provenance.url for a in good] == ["https://news.example.com/0"], items
    [rejection] = rejections(items)
    assert rejection.stage == "read"
    assert "truncated" in rejection.reason, rejection


def test_a_response_record_without_a_target_uri_is_malformed_not_an_internal_error(tmp_path: Path) -> None:
    path = tmp_path / "no-uri.warc"
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
        + b"\r\n\r\n"
    )
    [rejection] = rejections(read_file(path))
    assert "internal error" not in rejection.reason
    assert rejection.reason.startswith(("malformed WARC", "damaged or truncated WARC"))


def test_warcio_diagnostics_do_not_leak_to_stderr(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # The CLI promises one line per rejected input on stderr; warcio's multi-line warnings break that.
    path = tmp_path / "badlen.warc"
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: abc\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n\r\n<p>hi</p>\r\n\r\n"
    )
    items = read_file(path)
    assert rejections(items) and rejections(items)[0].stage == "parse"
    assert rejections(items)[0].reason.startswith("malformed WARC record")
    assert capfd.readouterr().err == ""
