"""The JSON API over the seeds store: search, filters, pages, articles, entities."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _all_pages(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/v1/attributions", params=query).json()
        assert body["ok"] is True
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def test_search_finds_words_in_the_content(client: TestClient) -> None:
    body = client.get("/api/v1/attributions", params={"q": "ceasefire"}).json()
    assert body["items"]
    for item in body["items"]:
        assert (
            "ceasefire" in item["attribution"]["content"]["text"].lower()
            or "ceasefire" in (item["context"]["before"] + item["context"]["after"]).lower()
            or "ceasefire" in (item["attribution"]["speaker"] or {}).get("name", "").lower()
        )


def test_every_word_must_match_and_phrases_stay_together(client: TestClient) -> None:
    both = _all_pages(client, q="peace agreement")
    phrase = _all_pages(client, q='"peace agreement"')
    assert phrase and len(phrase) <= len(both)
    assert all("peace agreement" in i["attribution"]["content"]["text"].lower() for i in phrase)
    assert _all_pages(client, q="ceasefire zzzunknownword") == []


def test_prefix_search(client: TestClient) -> None:
    texts = [i["attribution"]["content"]["text"].lower() for i in _all_pages(client, q="negotiat*")]
    assert texts and all("negotiat" in t for t in texts)
    assert _all_pages(client, q="negotiat") == []  # a word is a whole word unless it ends in *


def test_speaker_matches_the_resolved_name_and_filters_combine(client: TestClient) -> None:
    peskov = _all_pages(client, speaker="peskov")
    assert len(peskov) >= 30
    assert {i["attribution"]["speaker"]["name"] for i in peskov} == {"Dmitry Peskov"}
    direct = _all_pages(client, speaker="peskov", kind="direct")
    assert 0 < len(direct) < len(peskov) and {i["attribution"]["kind"] for i in direct} == {"direct"}
    by_entity = _all_pages(client, entity="dmitry-peskov")
    assert {i["attribution"]["id"] for i in by_entity} == {i["attribution"]["id"] for i in peskov}


def test_outlet_and_date_range(client: TestClient) -> None:
    everything = _all_pages(client)
    moscow = _all_pages(client, outlet="the moscow times")
    assert moscow and {i["outlet"] for i in moscow} == {"The Moscow Times"}
    spring = _all_pages(client, since="2025-03-01", until="2025-04-30")
    assert {i["published"] for i in spring} == {"2025-03-03", "2025-04-30"}
    assert len(spring) < len(everything)
    assert _all_pages(client, since="2025-05-01", until="2025-06-30") == []


def test_pages_are_newest_first_and_cover_everything_once(client: TestClient) -> None:
    everything = _all_pages(client, limit=200)
    paged = _all_pages(client, limit=7)
    assert [i["attribution"]["id"] for i in paged] == [i["attribution"]["id"] for i in everything]
    assert len({i["attribution"]["id"] for i in paged}) == len(paged)
    dates = [i["published"] for i in paged if i["published"]]
    assert dates == sorted(dates, reverse=True)
    assert paged[-1]["published"] is None  # the undated article comes last


def test_search_result_carries_context_from_the_same_paragraph(client: TestClient) -> None:
    item = client.get("/api/v1/attributions", params={"q": "intense efforts"}).json()["items"][0]
    assert item["attribution"]["content"]["text"].startswith("America is trying to mediate")
    assert "\n\n" not in item["context"]["before"] + item["context"]["after"]
    assert item["context"]["after"].startswith(",”")


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"cursor": "not-a-cursor"}, "invalid cursor"),
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"kind": "rumour"}, "kind"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2025-05-01", "until": "2025-01-01"}, "after until"),
    ],
)
def test_bad_parameters_are_refused_in_the_error_shape(
    client: TestClient, params: dict[str, Any], fragment: str
) -> None:
    r = client.get("/api/v1/attributions", params=params)
    assert r.status_code in (400, 422)
    body = r.json()
    assert body == {"ok": False, "error": body["error"], "status": r.status_code}
    assert fragment in body["error"]


def test_article_has_text_body_removals_and_every_span(client: TestClient) -> None:
    listed = client.get("/api/v1/articles").json()["items"]
    assert len(listed) == 5
    moscow = next(a for a in listed if a["outlet"] == "The Moscow Times")
    a = client.get(f"/api/v1/articles/{moscow['id'][:8]}").json()
    assert a["id"] == moscow["id"] and a["published"] == "2025-04-30"
    assert "Support The Moscow Times!" in a["text"] and "Support The Moscow Times!" not in a["body"]
    assert any(r["text"].startswith("Support The Moscow Times") for r in a["removed"])
    for r in a["removed"]:
        assert a["text"][r["start"] : r["end"]] == r["text"] and r["reason"]
    assert len(a["attributions"]) >= 10
    for att in a["attributions"]:
        for key in ("content", "cue", "speaker_mention"):
            span = att[key]
            if span:
                assert a["text"][span["start"] : span["end"]] == span["text"]
    starts = [att["content"]["start"] for att in a["attributions"]]
    assert starts == sorted(starts)


def test_unknown_article_and_entity_are_404(client: TestClient) -> None:
    for url in ("/api/v1/articles/ffffffffffff", "/api/v1/entities/nobody-at-all"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["ok"] is False and r.json()["status"] == 404


def test_entity_with_roles_and_counts(client: TestClient) -> None:
    e = client.get("/api/v1/entities/dmitry-peskov").json()
    assert e["name"] == "Dmitry Peskov" and e["type"] == "person"
    assert {"Kremlin spokesman", "Kremlin spokesperson"} <= {r["text"] for r in e["roles"]}
    assert e["articles"] == 5 and e["attributions"] >= 30
    assert (e["first"], e["last"]) == ("2025-02-06", "2025-07-20")
    listed = client.get("/api/v1/entities").json()["items"]
    assert listed[0]["id"] == "dmitry-peskov"
    assert listed[0]["attributions"] == e["attributions"]
