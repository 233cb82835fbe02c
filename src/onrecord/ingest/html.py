"""HTML pages: main content, title, date and site name through trafilatura and htmldate.

trafilatura runs with ``favor_precision`` because a quote lifted from a sidebar or a comment would
be attributed to the article's speakers; htmldate runs with ``original_date`` because a page's
"updated" stamp is not when the statements in it were published.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import trafilatura
from htmldate import find_date

from onrecord.errors import InputError
from onrecord.ingest.decode import binary_reason
from onrecord.ingest.metadata import outlet_from_url, parse_published
from onrecord.ingest.source import InputFile
from onrecord.models import Article, Provenance, Rejection


def article_from_html(
    html: bytes | str,
    provenance: Provenance,
    *,
    url: str | None = None,
    fmt: str = "html",
    external_id: str | None = None,
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    language: str | None = None,
) -> Article:
    """Extract an article from one HTML page; metadata passed in wins over what the page says."""
    where = provenance.locator()
    raw = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    if not raw.strip():
        raise InputError(where, "empty HTML", stage="read")
    reason = binary_reason(raw)
    if reason:
        raise InputError(where, reason, stage="read")
    if b"<" not in raw[:65536]:
        raise InputError(where, "not HTML (no markup found)", stage="parse")
    try:
        doc = trafilatura.bare_extraction(
            raw, url=url, favor_precision=True, with_metadata=True, include_comments=False
        )
    except Exception as err:  # trafilatura raises a variety of lxml and value errors on bad markup
        raise InputError(where, f"malformed HTML ({type(err).__name__}: {err})", stage="parse") from err
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(where, "no article text found in the HTML", stage="extract")
    page_url = url or getattr(doc, "url", None)
    found_date = published
    date_source = "metadata" if published else None
    if found_date is None:
        try:
            stamp = find_date(raw, original_date=True, url=page_url)
        except Exception:  # htmldate is best effort: a date it cannot find is simply unknown
            stamp = None
        found_date = parse_published(stamp)
        date_source = "htmldate" if found_date else None
    html_text = raw.decode("utf-8", errors="replace")
    return Article(
        text=text,
        provenance=Provenance(provenance.source, page_url, provenance.line, provenance.offset),
        fmt=fmt,
        external_id=external_id,
        title=title or getattr(doc, "title", None),
        published=found_date,
        published_source=date_source,
        outlet=outlet or getattr(doc, "sitename", None) or outlet_from_url(page_url),
        language=language or getattr(doc, "language", None),
        raw_html=html_text,
    )


def read_html(inp: InputFile, max_bytes: int) -> Iterator[Article | Rejection]:
    try:
        data = inp.read_bytes(max_bytes)
        yield article_from_html(data, Provenance(inp.name))
    except InputError as err:
        yield Rejection(err.source, err.stage, err.reason)
