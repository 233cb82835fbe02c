"""The server-rendered pages over the seeds store (the browser tests drive the same pages)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from onrecord.api import chart


def test_search_page_lists_results_with_speaker_date_outlet_and_quote(client: TestClient) -> None:
    html = client.get("/", params={"q": "ceasefire", "outlet": "The Moscow Times"}).text
    assert html.count('class="result"') >= 1
    assert '<mark class="hl-content">' in html and "The Moscow Times" in html
    assert re.search(r"<time[^>]*>2025-04-\d\d", html)
    assert 'value="ceasefire"' in html  # the form keeps what was asked


def test_search_page_pages_with_a_cursor(client: TestClient) -> None:
    first = client.get("/").text
    link = re.search(r'href="(/\?cursor=[^"]+)" rel="next"', first)
    assert link
    second = client.get(link.group(1).replace("&amp;", "&")).text
    assert "a later page" in second and "First page" in second


def test_bad_filters_are_shown_on_the_page(client: TestClient) -> None:
    r = client.get("/", params={"since": "31/12/2024"})
    assert r.status_code == 400 and "is not a date" in r.text and "<form" in r.text
    r = client.get("/", params={"cursor": "garbage"})
    assert r.status_code == 400 and "invalid cursor" in r.text


def test_speaker_page_has_the_chart_shifts_and_statements(client: TestClient) -> None:
    html = client.get("/speakers/dmitry-peskov").text
    assert "<h1>Dmitry Peskov</h1>" in html and "Kremlin spokesman" in html
    assert html.count('class="dot"') >= 10
    assert re.search(r'<a href="/statements/s[0-9a-f]+" class="dot-link"', html)
    assert "Flagged shifts" in html and "candidates for review" in html
    assert html.count('class="result"') >= 10 and "outlet" in html
    topical = client.get("/speakers/dmitry-peskov", params={"topic": "negotiations"}).text
    assert 0 < topical.count('class="dot"') < html.count('class="dot"')
    assert client.get("/speakers/dmitry-peskov", params={"topic": "weather"}).status_code == 400
    assert client.get("/speakers/nobody-here").status_code == 404


def test_statement_page_shows_every_report(client: TestClient) -> None:
    [s] = client.get("/api/v1/statements", params={"q": "counterpart", "speaker": "putin"}).json()["items"]
    html = client.get(f"/statements/{s['id']}").text
    assert "Reported 2 times by 2 outlets" in html
    assert html.count('class="report"') == 2
    for r in s["reports"]:
        assert f"/articles/{r['article']}#a-{r['attribution']}" in html


def test_article_page_highlights_every_attribution(client: TestClient) -> None:
    [moscow] = [
        a for a in client.get("/api/v1/articles").json()["items"] if a["outlet"] == "The Moscow Times"
    ]
    data = client.get(f"/api/v1/articles/{moscow['id']}").json()
    html = client.get(f"/articles/{moscow['id']}").text
    assert html.count('role="button"') == len(data["attributions"])
    assert html.count('class="card"') == len(data["attributions"])
    for cls in ("hl-content", "hl-cue", "hl-mention", "removed"):
        assert f'class="{cls}' in html or f" {cls}" in html, cls
    assert 'id="show-removed"' in html
    assert "Support The Moscow Times!" in html  # present, hidden by CSS until the toggle
    articles = client.get("/articles").text
    assert articles.count("<tr>") == 6  # a header row and five articles


def test_a_prolific_speaker_is_charted_a_dot_per_topic_and_week(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chart, "MAX_DOTS", 5)
    html = client.get("/speakers/dmitry-peskov").text
    assert "one dot per topic and week" in html
    weeks = re.findall(r'<a href="(/\?[^"]+)" class="dot-link" aria-label="([^"]+)"', html)
    assert weeks and all("since=" in href and "until=" in href for href, _ in weeks)
    assert sum(int(label.split(" · ")[-1].split()[0]) for _, label in weeks) >= 28
