"""The per-document function: one read article in, one cleaned article record out.

It does no I/O, so the same function runs in-process, in a process pool or on a Dask worker; what
it needs from other articles (the outlet's repeated lines) is passed in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from onrecord import dedup
from onrecord.attribution import extract_attributions
from onrecord.clean import clean_text, line_key
from onrecord.ingest.dateline import stated_publication_date
from onrecord.models import Article, Attribution, CleanText, Rejection
from onrecord.timeline.dates import date_attributions
from onrecord.timeline.mentions import name_mentions

# Length of the hex content hash used as an article id: 64 bits make an accidental collision
# unlikely below billions of articles while keeping ids short enough to type.
ID_HEX_CHARS = 16


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    id: str
    article: Article
    clean: CleanText
    title: str | None
    published: date | None
    published_source: str | None
    line_hashes: frozenset[str]
    signature: bytes
    attributions: tuple[Attribution, ...] = ()


def article_id(text: str) -> str:
    """A stable id from the text as read: the same content always gets the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HEX_CHARS]


def _key_hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _line_keys(text: str) -> list[str]:
    """The normalised non-blank lines of a text."""
    return [key for key in map(line_key, text.splitlines()) if key]


def line_hashes(text: str) -> frozenset[str]:
    """Hashes of the normalised non-blank lines of a text, for learning an outlet's boilerplate."""
    return frozenset(_key_hash(key) for key in _line_keys(text))


def clean_article(article: Article, known_boilerplate: frozenset[str] = frozenset()) -> CleanText:
    """Clean an article the way its format calls for: text that came out of an HTML extractor
    only loses certain chrome, scraped plain text has its main content found."""
    extracted = article.fmt in ("html", "warc") or article.raw_html is not None
    return clean_text(article.text, known_boilerplate=known_boilerplate, extracted=extracted)


def prepare(
    article: Article, outlet_line_hashes: frozenset[str] = frozenset(), *, today: date | None = None
) -> PreparedArticle | Rejection:
    """Clean one article and derive its id, title, date and near-duplicate signature.

    ``outlet_line_hashes`` are the hashed lines that recur across the article's outlet; the ones
    present in this article are handed to the cleaner as known boilerplate.
    """
    known = frozenset(key for key in _line_keys(article.text) if _key_hash(key) in outlet_line_hashes)
    cleaned = clean_article(article, known)
    if not cleaned.body.strip():
        removed = ", ".join(sorted({r.reason for r in cleaned.removed})) or "nothing"
        return Rejection(
            article.provenance.locator(), "clean", f"no article body left after cleaning (removed: {removed})"
        )
    published, source = publication_date(article, today=today)
    title = article.title or (cleaned.title.text if cleaned.title else None)
    aid = article_id(article.text)
    return PreparedArticle(
        id=aid,
        article=article,
        clean=cleaned,
        title=title,
        published=published,
        published_source=source,
        line_hashes=line_hashes(article.text),
        signature=dedup.to_bytes(dedup.signature(cleaned.body)),
        attributions=tuple(attribute(article.text, cleaned, aid, published)),
    )


def body_regions(cleaned: CleanText) -> list[tuple[int, int]]:
    """Where statements are sought: the headline (quotes in headlines are statements too) and the
    stretches cleaning kept; never the removed site chrome."""
    regions = [(s.orig_start, s.orig_start + s.length) for s in cleaned.segments]
    if cleaned.title is not None:
        regions.append((cleaned.title.start, cleaned.title.end))
    return sorted(regions)


def publication_date(article: Article, *, today: date | None = None) -> tuple[date | None, str | None]:
    """The article's publication date and where it came from: metadata, or a dateline in the text."""
    if article.published is not None:
        return article.published, article.published_source
    stated = stated_publication_date(article.text, today=today)
    return stated, ("text" if stated else None)


def attribute(
    text: str, cleaned: CleanText | None, article: str, published: date | None = None
) -> list[Attribution]:
    """Attributions in an article's body (or in the whole text when it was not cleaned), each with
    its statement date and the names in its content."""
    regions = body_regions(cleaned) if cleaned is not None else None
    found = extract_attributions(text, article=article, regions=regions)
    return name_mentions(date_attributions(text, found, published, regions))
