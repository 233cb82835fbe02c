"""Hostile input against the API and the pages: injection through every query parameter and path,
and article text that tries to become markup. (The browser tests check that nothing runs.)"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.hostile import PAYLOADS, RECORD, feed_line
from tests.seeds_store import build_seeds_db

from onrecord.api import ApiSettings, create_app
from onrecord.service import Service

INJECTIONS = (
    "' OR '1'='1",
    "'; DROP TABLE attributions; --",
    '" OR 1=1 --',
    "x') UNION SELECT id, text FROM articles --",
    "1; DELETE FROM articles",
    "%",
    "_",
    "%' --",
    "\\",
    "*",
    '") OR ("1"="1',
    "content:* OR speaker:*",
    "NEAR(a b)",
    "attribution_id:*",
    "\x00",
)
# Filters that are free text: an injection must find nothing (it is only ever a literal).
TEXT_PARAMS = ("q", "speaker", "entity", "outlet", "article")
# Typed parameters: an injection must be refused as invalid.
TYPED_PARAMS = ("kind", "since", "until", "limit", "cursor", "topic")
# The statement search and a speaker's timeline take these.
STATEMENT_TEXT = ("q", "speaker", "entity")
STATEMENT_TYPED = ("topic", "since", "until", "limit", "cursor")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("security")
    db = build_seeds_db(folder)
    (folder / "hostile.jsonl").write_text(feed_line(), encoding="utf-8")
    with Service(db) as service:
        assert service.ingest([str(folder / "hostile.jsonl")]).stored == 1
    return db


@pytest.fixture(scope="module")
def client(store: str) -> Iterator[TestClient]:
    with TestClient(create_app(store, ApiSettings(token="t")), raise_server_exceptions=False) as c:
        yield c


def _counts(db: str) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "attributions", "entities")
        )


@pytest.mark.parametrize("param", TEXT_PARAMS + TYPED_PARAMS)
def test_injection_through_every_query_parameter(client: TestClient, store: str, param: str) -> None:
    before = _counts(store)
    for payload in INJECTIONS:
        api = client.get("/api/v1/attributions", params={param: payload})
        page = client.get("/", params={param: payload})
        assert api.status_code < 500 and page.status_code < 500, (param, payload, api.text)
        if param in TEXT_PARAMS and payload == "\x00":
            assert api.status_code == 400 and "NUL" in api.json()["error"]
        elif param in TEXT_PARAMS:
            if param == "q" and payload in ("*", "%", "_", "\\"):
                assert api.status_code == 200 and api.json()["items"] == [], payload
            elif param == "q":
                # Words of the payload are searched as words; nothing outside the index leaks in.
                assert api.status_code == 200
                for item in api.json()["items"]:
                    assert item["attribution"]["content"]["text"]
            else:
                assert api.status_code == 200 and api.json()["items"] == [], (param, payload)
        else:
            assert api.status_code in (400, 422), (param, payload, api.status_code)
            assert api.json()["ok"] is False
    assert _counts(store) == before


@pytest.mark.parametrize("param", STATEMENT_TEXT + STATEMENT_TYPED)
def test_injection_through_statement_parameters(client: TestClient, store: str, param: str) -> None:
    before = _counts(store)
    for payload in INJECTIONS:
        for url in (
            "/api/v1/statements",
            "/api/v1/entities/dmitry-peskov/timeline",
            "/speakers/dmitry-peskov",
        ):
            r = client.get(url, params={param: payload})
            assert r.status_code < 500, (url, param, payload, r.text[:300])
        r = client.get("/api/v1/statements", params={param: payload})
        if param in STATEMENT_TYPED or payload == "\x00":
            assert r.status_code in (400, 422) and r.json()["ok"] is False, (param, payload)
        elif param != "q" or payload in ("*", "%", "_", "\\"):
            assert r.status_code == 200 and r.json()["items"] == [], (param, payload)
    assert _counts(store) == before


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_through_path_parameters(client: TestClient, store: str, payload: str) -> None:
    before = _counts(store)
    for url in (
        "/api/v1/articles/{}",
        "/api/v1/entities/{}",
        "/api/v1/entities/{}/timeline",
        "/api/v1/statements/{}",
        "/articles/{}",
        "/speakers/{}",
        "/statements/{}",
    ):
        r = client.get(url.format(quote(payload, safe="")))
        assert r.status_code in (404, 400, 422), (url, payload, r.status_code)
    assert _counts(store) == before


def test_search_words_that_look_like_sql_are_searched_as_words(client: TestClient) -> None:
    items = client.get("/api/v1/attributions", params={"q": "'; DROP TABLE attributions; --"}).json()["items"]
    assert items == []  # no quote contains the words "drop", "table" and "attributions"


def test_hostile_article_is_escaped_on_every_page(client: TestClient) -> None:
    pages = [
        "/articles/hostile-1",
        "/articles",
        "/?q=harbour",
        "/?q=script",
        "/speakers",
        "/?outlet=" + RECORD["outlet"],
    ]
    found = client.get("/api/v1/attributions", params={"article": "x"}).json()
    assert found["items"] == []
    voss = client.get("/api/v1/entities").json()["items"]
    pages += [f"/speakers/{e['id']}" for e in voss if e["name"] in ("Clara Voss", "Marek Holm")]
    hostile = [
        s
        for s in client.get("/api/v1/statements", params={"limit": 200}).json()["items"]
        if "pwned" in s["text"]
    ]
    assert hostile, "no statement carries the hostile wording"
    pages += [f"/statements/{s['id']}" for s in hostile]
    assert len(pages) >= 7, "the hostile article's speakers were not found"
    for url in pages:
        html = client.get(url).text
        for payload in (*PAYLOADS, RECORD["title"], RECORD["outlet"]):
            assert payload not in html, (url, payload)
        for raw in ("<script>window", "<img src=x", "<svg onload", "<b onmouseover", "onmouseover='window"):
            assert raw not in html, (url, raw)
        assert 'href="javascript:' not in html and "href='javascript:" not in html
    article = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in article
    assert "javascript:window.__pwned=9" in article  # the URL is shown as text, never as a link


def test_hostile_text_round_trips_through_the_api_as_data(client: TestClient) -> None:
    a = client.get("/api/v1/articles/hostile-1").json()
    assert a["text"] == RECORD["text"] and a["title"] == RECORD["title"] and a["url"] == RECORD["url"]
    assert any("<script>" in att["content"]["text"] for att in a["attributions"])
