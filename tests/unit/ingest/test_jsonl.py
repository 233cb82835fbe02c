"""JSON Lines: one article per line; each bad line is rejected on its own, naming file:LINE."""

from __future__ import annotations

import gzip
import json
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
    only_rejection,
    read_file,
    rejections,
)

from onrecord.ingest.jsonl import article_from_record
from onrecord.models import Article, Provenance, Rejection

TEXT = (
    "The mayor said on Monday that the new library would open in June, three months later than planned.\n\n"
    "She said the council had agreed to cover the extra cost from its reserves."
)


def _line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode() + b"\n"


def _feed(tmp_path: Path, *lines: bytes, name: str = "feed.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(b"".join(lines))
    return path


def _kinds(items: list[Any]) -> list[tuple[str, str]]:
    """(kind, where) for every item, to check order and line numbers at once."""
    out = []
    for item in items:
        if isinstance(item, Article):
            out.append(("article", item.provenance.locator()))
        else:
            out.append((type(item).__name__.lower(), item.source))
    return out


def test_text_and_html_lines_with_metadata(tmp_path: Path) -> None:
    path = _feed(
        tmp_path,
        _line(
            {
                "id": "a1",
                "text": TEXT,
                "url": "https://www.example-news.org/2025/04/library",
                "title": "Library delayed",
                "published": "2025-04-30",
                "language": "en",
            }
        ),
        _line({"id": "a2", "html": article_page(), "url": "https://news.example.com/bridge"}),
        _line(
            {"id": "a3", "text": TEXT + " More.", "outlet": "Valley Gazette", "url": "https://x.example.org/"}
        ),
        _line({"text": TEXT + " Again.", "published": "2025-04-30T23:30:00-05:00"}),
    )
    items = read_file(path)
    assert len(items) == 4 and all(isinstance(i, Article) for i in items), items
    a1, a2, a3, a4 = articles(items)

    assert a1.text == TEXT
    assert a1.fmt == "jsonl"
    assert a1.external_id == "a1"
    assert a1.title == "Library delayed"
    assert a1.outlet == "example-news.org"
    assert a1.published == date(2025, 4, 30)
    assert a1.published_source == "metadata"
    assert a1.language == "en"
    assert a1.provenance == Provenance(str(path), "https://www.example-news.org/2025/04/library", line=1)
    assert a1.raw_html is None

    assert a2.fmt == "jsonl"
    assert a2.external_id == "a2"
    assert PARAGRAPHS[1] in a2.text
    assert a2.title == TITLE
    assert a2.outlet == SITE_NAME
    assert a2.published == date(2024, 5, 1)
    assert a2.published_source == "htmldate"
    assert a2.raw_html is not None
    assert a2.provenance == Provenance(str(path), "https://news.example.com/bridge", line=2)

    assert a3.outlet == "Valley Gazette"  # an explicit outlet wins over the host
    assert a4.published == date(2025, 4, 30)  # the date as written, not shifted to UTC
    assert a4.outlet is None and a4.external_id is None


def test_html_line_metadata_wins_over_the_page(tmp_path: Path) -> None:
    path = _feed(
        tmp_path,
        _line({"html": article_page(), "title": "Feed title", "published": "2025-01-02", "outlet": "Feed"}),
    )
    [article] = read_file(path)
    assert isinstance(article, Article)
    assert (article.title, article.published, article.published_source, article.outlet) == (
        "Feed title",
        date(2025, 1, 2),
        "metadata",
        "Feed",
    )


def test_invalid_json_line_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = _feed(
        tmp_path,
        _line({"id": "first", "text": TEXT}),
        b'{"id": "broken", "text": "unterminated\n',
        b'{"id": "x", "text": "trailing comma",}\n',
        _line({"id": "after", "text": TEXT + " After."}),
    )
    items = read_file(path)
    assert _kinds(items) == [
        ("article", f"{path}:1"),
        ("rejection", f"{path}:2"),
        ("rejection", f"{path}:3"),
        ("article", f"{path}:4"),
    ]
    for rejection in rejections(items):
        assert rejection.stage == "parse"
        assert rejection.reason.startswith("invalid JSON (")
    assert rejections(items)[1].reason == (
        "invalid JSON (Expecting property name enclosed in double quotes at column 38)"
    )
    assert [a.external_id for a in articles(items)] == ["first", "after"]


def test_invalid_json_column_points_into_the_line(tmp_path: Path) -> None:
    # A line cut short (a common way for a feed to be damaged): the column is where the line ends,
    # not column 1 of the newline that follows.
    cut = b'{"id": "j2", "text": '
    path = _feed(tmp_path, cut + b"\n")
    rejection = only_rejection(read_file(path))
    assert rejection.source == f"{path}:1"
    assert rejection.reason == f"invalid JSON (Expecting value at column {len(cut) + 1})"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"[1, 2, 3]\n", "expected a JSON object, got list"),
        (b'"just a string"\n', "expected a JSON object, got str"),
        (b"42\n", "expected a JSON object, got int"),
        (b"null\n", "expected a JSON object, got NoneType"),
        (_line({"title": "no body", "url": "https://x.org/"}), "needs a non-empty 'text' or 'html' field"),
        (_line({"text": "   \n ", "html": ""}), "needs a non-empty 'text' or 'html' field"),
        (_line({}), "needs a non-empty 'text' or 'html' field"),
        (_line({"text": 5}), "field 'text' must be a string"),
        (_line({"html": ["<p>x</p>"]}), "field 'html' must be a string"),
        (_line({"text": TEXT, "id": 17}), "field 'id' must be a string"),
        (_line({"text": TEXT, "url": {"href": "x"}}), "field 'url' must be a string"),
        (_line({"text": TEXT, "title": True}), "field 'title' must be a string"),
        (
            _line({"text": TEXT, "published": "not a date"}),
            "'published' is not a calendar date: 'not a date'",
        ),
        (
            _line({"text": TEXT, "published": "April 2025"}),
            "'published' is not a calendar date: 'April 2025'",
        ),
        (
            _line({"text": TEXT, "published": "2025-02-30"}),
            "'published' is not a calendar date: '2025-02-30'",
        ),
    ],
)
def test_bad_records_are_rejected_with_a_reason(tmp_path: Path, line: bytes, reason: str) -> None:
    good = _line({"id": "ok", "text": TEXT})
    path = _feed(tmp_path, line, good)
    items = read_file(path)
    assert _kinds(items) == [("rejection", f"{path}:1"), ("article", f"{path}:2")]
    rejection = items[0]
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.reason) == ("parse", reason)


def test_html_line_without_text_is_rejected_at_extract(tmp_path: Path) -> None:
    path = _feed(tmp_path, _line({"html": "<html><body><div></div></body></html>"}))
    rejection = only_rejection(read_file(path))
    assert (rejection.source, rejection.stage, rejection.reason) == (
        f"{path}:1",
        "extract",
        "no article text found in the HTML",
    )


def test_invalid_utf8_in_one_line(tmp_path: Path) -> None:
    bad = b'{"text": "caf\xe9 au lait"}\n'
    path = _feed(tmp_path, _line({"id": "a", "text": TEXT}), bad, _line({"id": "b", "text": TEXT + " B."}))
    items = read_file(path)
    assert _kinds(items) == [("article", f"{path}:1"), ("rejection", f"{path}:2"), ("article", f"{path}:3")]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.reason) == ("read", "invalid UTF-8 at byte 13 of the line")


def test_a_bom_on_the_first_line_is_accepted(tmp_path: Path) -> None:
    path = _feed(tmp_path, b"\xef\xbb\xbf" + _line({"id": "a", "text": TEXT}))
    [article] = read_file(path)
    assert isinstance(article, Article) and article.external_id == "a" and article.text == TEXT


def test_a_line_over_the_limit_is_rejected_and_the_next_line_is_read(tmp_path: Path) -> None:
    long_line = _line({"id": "huge", "text": "word " * 5000})
    path = _feed(
        tmp_path, _line({"id": "a", "text": TEXT}), long_line, _line({"id": "b", "text": TEXT + " B."})
    )
    items = read_file(path, max_bytes=1000)
    assert _kinds(items) == [("article", f"{path}:1"), ("rejection", f"{path}:2"), ("article", f"{path}:3")]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.reason) == ("read", "line too large (over 1000 bytes)")
    assert [a.external_id for a in articles(items)] == ["a", "b"]


def test_the_limit_applies_to_a_line_without_its_newline(tmp_path: Path) -> None:
    line = _line({"id": "a", "text": TEXT})
    path = _feed(tmp_path, line)
    assert len(articles(read_file(path, max_bytes=len(line) - 1))) == 1
    items = read_file(path, max_bytes=len(line) - 2)
    assert articles(items) == []
    assert rejections(items)[0].source == f"{path}:1"
    assert rejections(items)[0].reason == f"line too large (over {len(line) - 2} bytes)"


def test_an_oversized_last_line_without_newline(tmp_path: Path) -> None:
    path = _feed(tmp_path, _line({"id": "a", "text": TEXT}), json.dumps({"text": "x " * 5000}).encode())
    items = read_file(path, max_bytes=1000)
    assert _kinds(items) == [("article", f"{path}:1"), ("rejection", f"{path}:2")]


def test_a_feed_whose_every_line_is_too_large_is_not_called_empty(tmp_path: Path) -> None:
    path = _feed(tmp_path, _line({"text": "word " * 500}), _line({"text": "more " * 500}))
    items = read_file(path, max_bytes=1000)
    assert [(r.source, r.reason) for r in rejections(items)] == [
        (f"{path}:1", "line too large (over 1000 bytes)"),
        (f"{path}:2", "line too large (over 1000 bytes)"),
    ]


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = _feed(
        tmp_path,
        b"\n",
        _line({"id": "a", "text": TEXT}),
        b"   \r\n",
        b"\t\n",
        _line({"id": "b", "text": TEXT + " B."}),
        b"\n\n",
    )
    items = read_file(path)
    assert _kinds(items) == [("article", f"{path}:2"), ("article", f"{path}:5")]


def test_crlf_line_endings(tmp_path: Path) -> None:
    path = _feed(tmp_path, json.dumps({"id": "a", "text": TEXT}).encode() + b"\r\n")
    [article] = read_file(path)
    assert isinstance(article, Article) and article.external_id == "a"


def test_last_line_without_newline_is_read(tmp_path: Path) -> None:
    path = _feed(
        tmp_path, _line({"id": "a", "text": TEXT}), json.dumps({"id": "b", "text": TEXT + " B."}).encode()
    )
    assert [a.external_id for a in articles(read_file(path))] == ["a", "b"]


@pytest.mark.parametrize("data", [b"", b"\n", b"\n  \n\t\r\n"])
def test_empty_feed(tmp_path: Path, data: bytes) -> None:
    path = _feed(tmp_path, data)
    rejection = only_rejection(read_file(path))
    assert (rejection.source, rejection.stage, rejection.reason) == (
        str(path),
        "read",
        "empty input (no JSON lines)",
    )


def test_gzipped_feed(tmp_path: Path) -> None:
    lines = b"".join(_line({"id": f"g{i}", "text": f"{TEXT} Item {i}."}) for i in range(3))
    path = _feed(tmp_path, gzip.compress(lines), name="feed.jsonl.gz")
    items = read_file(path)
    assert [a.external_id for a in articles(items)] == ["g0", "g1", "g2"]
    assert [a.provenance.line for a in articles(items)] == [1, 2, 3]
    assert articles(items)[0].provenance.source == str(path)


def test_truncated_gzipped_feed_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    filler = "filler words to make the line long enough " * 40
    lines = b"".join(_line({"id": f"g{i}", "text": f"{TEXT} Item {i}. {filler}{i}"}) for i in range(20))
    packed = gzip.compress(lines)
    path = _feed(tmp_path, packed[: len(packed) * 2 // 3], name="feed.jsonl.gz")
    items = read_file(path)
    good = articles(items)
    assert len(good) >= 1
    assert [a.external_id for a in good] == [f"g{i}" for i in range(len(good))]
    assert isinstance(items[-1], Rejection)
    assert items[-1].source == str(path)
    assert items[-1].stage == "read"
    assert items[-1].reason.startswith(f"damaged or truncated gzip data after line {len(good)} (")
    assert len(items) == len(good) + 1


def test_a_jsonl_gz_that_is_not_gzip(tmp_path: Path) -> None:
    path = _feed(tmp_path, _line({"text": TEXT}), name="feed.jsonl.gz")
    rejection = only_rejection(read_file(path))
    assert rejection.source == str(path)
    assert rejection.reason.startswith("damaged or truncated gzip data after line 0 (")


def test_article_from_record_uses_the_locator_in_errors() -> None:
    from onrecord.errors import InputError

    with pytest.raises(InputError) as info:
        article_from_record({"text": 1}, Provenance("-", line=4))
    assert info.value.source == "-:4"
    article = article_from_record({"text": TEXT, "url": "news.example.com/x"}, Provenance("-", line=1))
    assert article.outlet == "news.example.com"
