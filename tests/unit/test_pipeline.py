from __future__ import annotations

from datetime import date

from onrecord.models import Article, Provenance, Rejection
from onrecord.pipeline import PreparedArticle, article_id, prepare

BODY = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, "
    "two years later than planned, because of rising construction costs.\n\n"
    '"We would rather open late than open unsafe," the authority\'s director told reporters.\n'
)


def _article(text: str, **kw: object) -> Article:
    return Article(text=text, provenance=Provenance("x.txt"), fmt="text", **kw)  # type: ignore[arg-type]


def test_ids_are_stable_content_hashes() -> None:
    assert article_id(BODY) == article_id(str(BODY))
    assert article_id(BODY) != article_id(BODY + " ")
    assert len(article_id(BODY)) == 16


def test_offsets_of_the_body_point_into_the_original() -> None:
    p = prepare(_article(BODY))
    assert isinstance(p, PreparedArticle)
    for seg in p.clean.segments:
        assert (
            p.clean.body[seg.clean_start : seg.clean_start + seg.length]
            == BODY[seg.orig_start : seg.orig_start + seg.length]
        )
    i = p.clean.body.index("ferry")
    assert BODY[p.clean.to_original(i) : p.clean.to_original(i) + 5] == "ferry"


def test_dateline_date_is_used_when_metadata_has_none() -> None:
    text = "HELSINKI, March 4, 2025 (Wire) - " + BODY
    p = prepare(_article(text), today=date(2026, 1, 1))
    assert isinstance(p, PreparedArticle)
    assert (p.published, p.published_source) == (date(2025, 3, 4), "text")


def test_metadata_date_wins_over_the_text() -> None:
    text = "HELSINKI, March 4, 2025 (Wire) - " + BODY
    p = prepare(_article(text, published=date(2025, 3, 5), published_source="metadata"))
    assert isinstance(p, PreparedArticle)
    assert (p.published, p.published_source) == (date(2025, 3, 5), "metadata")


def test_no_stated_date_stays_unknown() -> None:
    p = prepare(_article(BODY))
    assert isinstance(p, PreparedArticle) and p.published is None


def test_text_that_is_all_chrome_is_rejected_with_the_reasons() -> None:
    result = prepare(_article("Advertisement\n\nSkip to content\n\nScroll to Top\n"))
    assert isinstance(result, Rejection)
    assert result.stage == "clean" and "no article body left" in result.reason
