"""HTML pages through real trafilatura and htmldate: prose in, chrome out, metadata found, bad pages out."""

from __future__ import annotations

import gzip
import random
from datetime import date
from pathlib import Path

import pytest
from tests.unit.ingest.helpers import (
    FOOTER_TEXT,
    HEADER_TEXT,
    NAV_TEXT,
    PARAGRAPHS,
    SITE_NAME,
    TITLE,
    article_page,
    only_rejection,
    read_file,
)

from onrecord.errors import InputError
from onrecord.ingest.html import article_from_html
from onrecord.models import Article, Provenance


def _one_article(path: Path) -> Article:
    items = read_file(path)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_article_page_yields_prose_title_outlet_and_date(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    html = article_page()
    path.write_text(html, encoding="utf-8")
    article = _one_article(path)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for chrome in (NAV_TEXT, HEADER_TEXT, FOOTER_TEXT, "Sport", "Privacy policy"):
        assert chrome not in article.text
    assert article.title == TITLE
    assert article.outlet == SITE_NAME
    assert article.published == date(2024, 5, 1)
    assert article.published_source == "htmldate"
    assert article.fmt == "html"
    assert article.provenance == Provenance(str(path))
    assert article.raw_html == html
    assert article.text == article.text.strip()


def test_a_page_without_a_date_has_no_date_not_today(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(article_page(published=None), encoding="utf-8")
    article = _one_article(path)
    assert PARAGRAPHS[0] in article.text
    assert article.published is None
    assert article.published_source is None


def test_gzip_compressed_page(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html.gz"
    path.write_bytes(gzip.compress(article_page().encode()))
    article = _one_article(path)
    assert PARAGRAPHS[2] in article.text
    assert (article.title, article.outlet, article.published) == (TITLE, SITE_NAME, date(2024, 5, 1))
    assert article.provenance.source == str(path)


def test_truncated_gzip_page_is_rejected(tmp_path: Path) -> None:
    packed = gzip.compress(article_page().encode())
    path = tmp_path / "bridge.html.gz"
    path.write_bytes(packed[: len(packed) // 2])
    rejection = only_rejection(read_file(path))
    assert rejection.source == str(path)
    assert rejection.stage == "read"
    assert rejection.reason.startswith("damaged or truncated gzip data (")


def test_metadata_passed_in_wins_over_the_page() -> None:
    article = article_from_html(
        article_page(),
        Provenance("feed.jsonl", line=3),
        url="https://www.harbour-news.example/bridge",
        fmt="jsonl",
        external_id="story-9",
        title="Given title",
        published=date(2024, 4, 30),
        outlet="Given Outlet",
        language="en",
    )
    assert article.title == "Given title"
    assert article.outlet == "Given Outlet"
    assert article.published == date(2024, 4, 30)
    assert article.published_source == "metadata"
    assert article.language == "en"
    assert article.external_id == "story-9"
    assert article.fmt == "jsonl"
    assert article.provenance == Provenance("feed.jsonl", "https://www.harbour-news.example/bridge", 3)


def test_outlet_falls_back_to_the_url_host() -> None:
    page = article_page().replace(f'<meta property="og:site_name" content="{SITE_NAME}">', "")
    page = page.replace(f" | {SITE_NAME}", "")
    article = article_from_html(page, Provenance("x.html"), url="https://www.harbour-news.example/bridge")
    assert article.outlet == "harbour-news.example"
    assert article_from_html(page, Provenance("x.html")).outlet is None


def test_malformed_html_with_unclosed_tags_still_yields_the_prose(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_bytes(
        b"<html><head><title>Library delayed</title><body><div><p>Unclosed <b>bold <i>italic <table><tr><td>"
        b"<p>The mayor said on Monday that the new library would open in June, three months later than "
        b"planned, because of delays in the delivery of steel for the roof."
        b"<p>She said the council had agreed to cover the extra cost from its reserves. <<<>>> &&&; </scr"
    )
    article = _one_article(path)
    assert "three months later than planned" in article.text
    assert "cover the extra cost" in article.text


@pytest.mark.parametrize(
    "data",
    [
        b"<<<>>><!-- <![CDATA[ <?xml ?> </ </ </div></div>" * 10,
        b"<html><body>" + b"<div>" * 5000 + b"</span>" * 300 + b"<p>&#xFFFFFFF; &bogus;",
        b"<?xml version='1.0' encoding='klingon'?><html><body><p></p></body></html>",
        b"<html><head><meta charset='no-such-charset'></head><body><p>" + "é".encode("latin-1") * 40,
        b"<",
        b"</>",
        b"<html><body><script>" + b"var x = 1;" * 200 + b"</script></body></html>",
    ],
)
def test_garbage_markup_is_an_article_or_a_clear_rejection_never_an_exception(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "garbage.html"
    path.write_bytes(data)
    items = read_file(path)
    assert len(items) == 1
    item = items[0]
    if isinstance(item, Article):
        assert item.text.strip()
    else:
        assert item.source == str(path)
        assert (item.stage, item.reason) in {
            ("extract", "no article text found in the HTML"),
        } or (item.stage == "parse" and item.reason.startswith("malformed HTML ("))


def test_random_bytes_after_a_tag_never_raise(tmp_path: Path) -> None:
    rng = random.Random(11)
    for i in range(5):
        path = tmp_path / f"noise{i}.html"
        noise = bytes(rng.choice(b"<>/=\"' abcdefghijklmnop\n&;!-") for _ in range(3000))
        path.write_bytes(b"<html>" + noise)
        items = read_file(path)
        assert len(items) == 1
        assert "internal error" not in getattr(items[0], "reason", "")


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>Empty</title></head><body></body></html>",
        b"<html><body><div></div><p>   </p><script>var a = 'not prose';</script></body></html>",
        b"<!DOCTYPE html><html><head><style>p { color: red }</style></head>"
        b"<body><img src='x.png'></body></html>",
    ],
)
def test_a_page_with_no_text_is_rejected_at_extract(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty-page.html"
    path.write_bytes(data)
    rejection = only_rejection(read_file(path))
    assert (rejection.source, rejection.stage, rejection.reason) == (
        str(path),
        "extract",
        "no article text found in the HTML",
    )


def test_plain_text_in_an_html_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(
        "The mayor said on Monday that the new library would open in June.\nThe council will pay.\n",
        encoding="utf-8",
    )
    rejection = only_rejection(read_file(path))
    assert (rejection.source, rejection.stage, rejection.reason) == (
        str(path),
        "parse",
        "not HTML (no markup found)",
    )


@pytest.mark.parametrize(
    ("data", "stage", "reason"),
    [
        (b"", "read", "empty HTML"),
        (b" \n\t\n", "read", "empty HTML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "read", "binary file (a PNG image), not text"),
        (b"<html>\x00\x00\x00</html>", "read", "binary file (contains NUL bytes), not text"),
    ],
)
def test_empty_and_binary_html_files(tmp_path: Path, data: bytes, stage: str, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    rejection = only_rejection(read_file(path))
    assert (rejection.source, rejection.stage, rejection.reason) == (str(path), stage, reason)


def test_article_from_html_raises_input_error_with_the_locator() -> None:
    with pytest.raises(InputError) as info:
        article_from_html("", Provenance("feed.jsonl", line=7))
    assert info.value.source == "feed.jsonl:7"
    assert info.value.reason == "empty HTML"


def test_too_large_html_file(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    page = article_page().encode()
    path.write_bytes(page)
    rejection = only_rejection(read_file(path, max_bytes=len(page) - 1))
    assert rejection.stage == "read" and rejection.reason.startswith("too large (")


def test_non_utf8_page_is_read(tmp_path: Path) -> None:
    page = article_page(paragraphs=(*PARAGRAPHS, "Le maire a déclaré que le pont était « nécessaire »."))
    page = page.replace('charset="utf-8"', 'charset="windows-1252"')
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("cp1252"))
    article = _one_article(path)
    assert PARAGRAPHS[0] in article.text
    assert "Le maire a déclaré que le pont était « nécessaire »." in article.text
    assert "Le maire a déclaré que le pont était « nécessaire »." in article.text
