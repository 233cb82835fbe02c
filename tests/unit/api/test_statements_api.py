"""Statements through the API: search, one statement with its reports, a speaker's timeline."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _pages(client: TestClient, url: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        body = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        assert body["ok"] is True, body
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def test_one_remark_reported_by_two_outlets_is_one_statement(client: TestClient) -> None:
    found = _pages(client, "/api/v1/statements", speaker="putin", q="counterpart")
    assert len(found) == 1
    s = found[0]
    assert s["schema"] == "onrecord.statement/1" and s["speaker"]["name"] == "Vladimir Putin"
    assert {r["outlet"] for r in s["reports"]} == {"The Moscow Times", "Outlet C"}
    again = client.get(f"/api/v1/statements/{s['id']}").json()
    assert again["ok"] is True and again["id"] == s["id"] and len(again["reports"]) == 2
    for r in again["reports"]:
        art = client.get(f"/api/v1/articles/{r['article']}").json()
        assert art["text"][r["content"]["start"] : r["content"]["end"]] == r["content"]["text"]


def test_speaker_timeline_is_oldest_first_and_pages_cover_it_once(client: TestClient) -> None:
    whole = _pages(client, "/api/v1/entities/dmitry-peskov/timeline", limit=200)
    paged = _pages(client, "/api/v1/entities/dmitry-peskov/timeline", limit=4)
    assert [s["id"] for s in paged] == [s["id"] for s in whole] and len(whole) >= 10
    dated = [s["date"]["value"] for s in whole if s["date"]["value"]]
    assert dated == sorted(dated) and dated[0] == "2025-02-06"
    assert {s["speaker"]["id"] for s in whole} == {"dmitry-peskov"}
    newest = _pages(client, "/api/v1/statements", entity="dmitry-peskov", limit=3)
    assert {s["id"] for s in newest} == {s["id"] for s in whole}
    assert newest[0]["date"]["value"] == dated[-1]


def test_topic_and_date_filters(client: TestClient) -> None:
    topics = [t["name"] for t in client.get("/api/v1/topics").json()["items"]]
    assert "ceasefire" in topics and "negotiations" in topics
    about = _pages(client, "/api/v1/statements", topic="ceasefire")
    assert about and all("ceasefire" in [t["name"] for t in s["topics"]] for s in about)
    spring = _pages(client, "/api/v1/statements", since="2025-03-01", until="2025-04-30")
    assert spring and all("2025-03-01" <= s["date"]["value"] <= "2025-04-30" for s in spring)
    quotes = _pages(client, "/api/v1/attributions", topic="ceasefire")
    assert quotes and len(quotes) < len(_pages(client, "/api/v1/attributions"))
    r = client.get("/api/v1/statements", params={"topic": "weather"})
    assert r.status_code == 400 and "negotiations" in r.json()["error"]


def test_unknown_statement_and_speaker_timeline_are_404(client: TestClient) -> None:
    assert client.get("/api/v1/statements/s000000").json() == {
        "ok": False,
        "error": "no statement 's000000'",
        "status": 404,
    }
    assert client.get("/api/v1/entities/nobody/timeline").status_code == 404
