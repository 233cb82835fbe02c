"""HTML and WARC inputs end to end, on real saved news pages from the shared benchmark corpus."""

from __future__ import annotations

import gzip
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from tests.integration.helpers import run, run_json
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = 3


def _pages(corpora: Path) -> list[tuple[str, bytes, dict[str, str]]]:
    bench = corpora / "article-extraction-benchmark"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:PAGES]
    return [(i, gzip.decompress((bench / "html" / f"{i}.html.gz").read_bytes()), truth[i]) for i in ids]


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def _overlap(found: str, expected: str) -> float:
    """Share of the expected body's words that the extraction kept (as a bag of words)."""
    want = _words(expected)
    have = set(_words(found))
    return sum(w in have for w in want) / max(len(want), 1)


def test_html_pages(tmp_path: Path, corpora_dir: Path) -> None:
    for page_id, html, _ in _pages(corpora_dir):
        (tmp_path / f"{page_id[:12]}.html.gz").write_bytes(gzip.compress(html))
    db = str(tmp_path / "t.db")
    proc = run("ingest", str(tmp_path), "--db", db)
    assert proc.returncode == 0, proc.stderr
    listed = run_json("articles", "--db", db)
    assert len(listed) == PAGES
    truth = {p[0][:12]: p[2] for p in _pages(corpora_dir)}
    for a in listed:
        shown = run_json("show", a["id"], "--db", db)
        assert shown["title"], a
        assert shown["outlet"], a
        assert _overlap(shown["text"], truth[Path(a["source"]).name[:12]]["articleBody"]) > 0.8


# warcio's WARCWriter (used here only to build the test archive) leaves the spooled temporary
# files it uses for digests to the garbage collector; that is the writer's, not onrecord's.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_warc_archive(tmp_path: Path, corpora_dir: Path) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    pages = _pages(corpora_dir)
    for _, html, meta in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(meta["url"], "response", payload=io.BytesIO(html), http_headers=headers)
        )
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(buf.getvalue())
    db = str(tmp_path / "t.db")
    report = json.loads(run("ingest", str(archive), "--db", db, "--json").stdout)
    assert report["stored"] == PAGES and report["rejected"] == []
    urls = {meta["url"] for _, _, meta in pages}
    for a in run_json("articles", "--db", db):
        assert re.fullmatch(rf"{re.escape(str(archive))}@\d+", a["source"])
        shown = run_json("show", a["source"], "--db", db)
        assert shown["source"] == a["source"]
    with sqlite3.connect(db) as con:
        assert {row[0] for row in con.execute("select url from articles")} == urls


def test_jsonl_with_html_field(tmp_path: Path, corpora_dir: Path) -> None:
    page_id, html, meta = _pages(corpora_dir)[0]
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {"id": page_id, "html": html.decode("utf-8", "replace"), "url": meta["url"], "outlet": "Desk"}
        )
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    assert run("ingest", str(feed), "--db", db).returncode == 0
    shown = run_json("show", page_id, "--db", db)
    assert shown["outlet"] == "Desk"
    assert _overlap(shown["text"], meta["articleBody"]) > 0.8
