"""Plain-text files: decoded once, kept exactly as written, refused with a reason otherwise."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from tests.unit.ingest.helpers import FRENCH, articles, only_rejection, read_file

from onrecord.errors import InputError
from onrecord.ingest.text import article_from_bytes
from onrecord.models import Article, Notice, Provenance

STORY = (
    "Harbour Strike Ends After Talks\n\n"
    "The dock workers' union ended a nine-day strike on Thursday after reaching a wage agreement with the "
    "port authority, its leader said.\r\n\r\n"
    '"We got most of what we asked for," union chief Maria Lindqvist told reporters at the harbour gate.\n'
)


def test_text_is_kept_exactly_as_written(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt"
    path.write_bytes(STORY.encode())
    items = read_file(path)
    assert items == [Article(text=STORY, provenance=Provenance(str(path)), fmt="text")]


def test_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode()))
    [article] = read_file(path)
    assert isinstance(article, Article)
    assert article.text == STORY and article.provenance == Provenance(str(path))


def test_legacy_encoding_gives_a_notice_then_the_article(tmp_path: Path) -> None:
    path = tmp_path / "retraites.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    items = read_file(path)
    assert items == [
        Notice(str(path), "decoded as cp1252, not UTF-8"),
        Article(text=FRENCH, provenance=Provenance(str(path)), fmt="text"),
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"  \n\n\t \n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (a PNG image), not text"),
        (b"%PDF-1.5\n%\xb5\xed\xae\xfb\n", "binary file (a PDF document), not text"),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
            "binary file (a ZIP archive (or an Office document)), not text",
        ),
        (b"some words\x00\x00\x00 and nulls", "binary file (contains NUL bytes), not text"),
        ("Zoë said ".encode() + b"\xc3\x28 oops\n", "invalid UTF-8 at byte 10 (the file looks damaged)"),
    ],
)
def test_bad_text_files_are_rejected_with_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    rejection = only_rejection(read_file(path))
    assert (rejection.source, rejection.stage, rejection.reason) == (str(path), "read", reason)


def test_article_from_bytes_names_the_source_in_its_errors() -> None:
    with pytest.raises(InputError) as info:
        article_from_bytes(b"   ", "-")
    assert (info.value.source, info.value.stage, info.value.reason) == ("-", "read", "empty input")
    article, note = article_from_bytes(STORY.encode(), "-")
    assert note is None and article.provenance.source == "-" and article.fmt == "text"


def test_too_large_text_file(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(STORY.encode() * 100)
    rejection = only_rejection(read_file(path, max_bytes=1000))
    assert rejection.stage == "read"
    assert rejection.reason.startswith("too large (")
    assert articles(read_file(path, max_bytes=len(STORY.encode()) * 100))
