"""Every failure in one shape; writes only with the token; size limits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from tests.unit.api.conftest import TOKEN

from onrecord.api import ApiSettings, create_app

ARTICLE = (
    "Port Reopens After Storm\n\n"
    "The harbour master said on Tuesday that the port would reopen to cargo ships by the weekend.\n\n"
    '"We have cleared the channel and checked every berth," she told reporters at the quay.\n'
)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _shape(r: object, status: int) -> dict[str, object]:
    body = r.json()  # type: ignore[attr-defined]
    assert r.status_code == status  # type: ignore[attr-defined]
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body  # type: ignore[no-any-return]


def test_not_found_and_method_not_allowed(client: TestClient) -> None:
    _shape(client.get("/api/v1/no-such-thing"), 404)
    _shape(client.get("/api"), 404)
    body = _shape(client.delete("/api/v1/attributions"), 405)
    assert "DELETE" in str(body["error"])
    _shape(client.put("/api/v1/articles"), 405)


def test_pages_fail_as_pages(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Error 404" in r.text
    r = client.get("/articles/ffffffffffffff")
    assert r.status_code == 404 and "no article" in r.text


def test_an_internal_error_is_a_500_in_the_same_shape(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "e.db"), ApiSettings())
    boom = APIRouter()

    @boom.get("/api/v1/boom")
    def explode() -> None:
        raise RuntimeError("secret detail that must not leak")

    app.include_router(boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        body = _shape(c.get("/api/v1/boom"), 500)
    assert "RuntimeError" in str(body["error"]) and "secret detail" not in str(body["error"])


def test_writes_need_the_token(fresh_client: TestClient) -> None:
    plain = {"content-type": "text/plain"}
    r = fresh_client.post("/api/v1/articles", content=ARTICLE.encode(), headers=plain)
    _shape(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"
    for wrong in ("Bearer nope", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer "):
        _shape(
            fresh_client.post("/api/v1/articles", content=b"x", headers={**plain, "Authorization": wrong}),
            403,
        )
    assert fresh_client.get("/api/v1/articles").json()["items"] == []
    r = fresh_client.post("/api/v1/articles", content=ARTICLE.encode(), headers={**plain, **AUTH})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] == 1 and len(body["stored_ids"]) == 1 and body["rejected"] == []
    again = fresh_client.post("/api/v1/articles", content=ARTICLE.encode(), headers={**plain, **AUTH})
    assert again.status_code == 200 and again.json()["already_stored"] == 1
    # It went through the whole pipeline: cleaned, attributed, and searchable.
    found = fresh_client.get("/api/v1/attributions", params={"q": "cleared channel"}).json()["items"]
    assert found and found[0]["attribution"]["cue"]["text"] == "told"


@pytest.fixture
def no_token_client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(str(tmp_path / "n.db"), ApiSettings(token=None)), raise_server_exceptions=False
    ) as c:
        yield c


def test_without_a_configured_token_writes_are_refused(no_token_client: TestClient) -> None:
    r = no_token_client.post(
        "/api/v1/articles", content=ARTICLE.encode(), headers={"content-type": "text/plain"}
    )
    body = _shape(r, 403)
    assert "--allow-anonymous-writes" in str(body["error"])


def test_anonymous_writes_when_allowed(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "a.db"), ApiSettings(token=None, allow_anonymous_writes=True))
    with TestClient(app) as c:
        r = c.post("/api/v1/articles", content=ARTICLE.encode(), headers={"content-type": "text/plain"})
        assert r.status_code == 201


def test_html_json_and_jsonl_bodies(fresh_client: TestClient) -> None:
    html = f"<html><head><title>Port Reopens</title></head><body><article><h1>Port Reopens</h1>{''.join(f'<p>{p}</p>' for p in ARTICLE.split(chr(10) * 2)[1:])}</article></body></html>"
    r = fresh_client.post(
        "/api/v1/articles",
        content=html.encode(),
        headers={"content-type": "text/html; charset=utf-8", **AUTH},
    )
    assert r.status_code == 201, r.text
    record = {
        "id": "feed-1",
        "text": ARTICLE.replace("Tuesday", "Monday"),
        "published": "2025-03-04",
        "outlet": "Harbour News",
    }
    r = fresh_client.post("/api/v1/articles", json=record, headers=AUTH)
    assert r.status_code == 201, r.text
    got = fresh_client.get("/api/v1/articles/feed-1").json()
    assert got["published"] == "2025-03-04" and got["outlet"] == "Harbour News"
    lines = "\n".join(json.dumps({"text": ARTICLE.replace("Tuesday", d)}) for d in ("Friday", "Sunday"))
    r = fresh_client.post(
        "/api/v1/articles", content=lines.encode(), headers={"content-type": "application/x-ndjson", **AUTH}
    )
    assert r.status_code == 201 and r.json()["stored"] == 2


def test_partly_bad_feed_stores_the_good_and_lists_the_bad(fresh_client: TestClient) -> None:
    lines = json.dumps({"text": ARTICLE}) + "\n{not json\n"
    r = fresh_client.post(
        "/api/v1/articles", content=lines.encode(), headers={"content-type": "application/x-ndjson", **AUTH}
    )
    assert r.status_code == 201
    assert r.json()["rejected"][0]["source"] == "api:2" and r.json()["rejected"][0]["stage"] == "parse"


@pytest.mark.parametrize(
    ("body", "content_type", "fragment"),
    [
        (b"", "text/plain", "empty"),
        (b"   \n", "text/plain", "empty"),
        (b"\x00\x01\x02binary\xff\xfe" * 50, "text/plain", ""),
        (b"{not json", "application/json", "invalid JSON"),
        (b'{"title": "no text"}', "application/json", "text"),
        (b"[]", "application/json", "empty"),
        (b'{"text": "x", "published": "not a date"}', "application/json", "published"),
    ],
)
def test_bad_bodies_are_422_with_the_reason(
    fresh_client: TestClient, body: bytes, content_type: str, fragment: str
) -> None:
    r = fresh_client.post("/api/v1/articles", content=body, headers={"content-type": content_type, **AUTH})
    assert fragment in str(_shape(r, 422)["error"])


def test_unknown_body_type_is_415(fresh_client: TestClient) -> None:
    r = fresh_client.post(
        "/api/v1/articles", content=b"%PDF-1.4", headers={"content-type": "application/pdf", **AUTH}
    )
    assert "application/pdf" in str(_shape(r, 415)["error"])
    _shape(fresh_client.post("/api/v1/articles", content=b"x", headers=AUTH), 415)


def test_body_over_the_limit_is_413_declared_or_streamed(fresh_client: TestClient) -> None:
    big = b"word " * 20_000  # 100 kB against a 64 KiB limit
    r = fresh_client.post("/api/v1/articles", content=big, headers={"content-type": "text/plain", **AUTH})
    assert "too large" in str(_shape(r, 413)["error"])

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is applied while reading
        for _ in range(20):
            yield b"word " * 1000

    r = fresh_client.post(
        "/api/v1/articles", content=chunks(), headers={"content-type": "text/plain", **AUTH}
    )
    _shape(r, 413)
    assert fresh_client.get("/api/v1/articles").json()["items"] == []


def test_query_parameters_over_their_length_are_422(client: TestClient) -> None:
    _shape(client.get("/api/v1/attributions", params={"q": "x" * 501}), 422)


def test_no_cors_and_security_headers(client: TestClient) -> None:
    r = client.get("/api/v1/entities", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/v1/articles",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in pre.headers and pre.status_code == 405
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_deleting_an_article_needs_the_token_and_removes_all_derived_from_it(
    fresh_client: TestClient,
) -> None:
    plain = {"content-type": "text/plain"}
    r = fresh_client.post("/api/v1/articles", content=ARTICLE.encode(), headers={**plain, **AUTH})
    assert r.status_code == 201, r.text
    aid = r.json()["stored_ids"][0]
    assert fresh_client.get("/api/v1/attributions", params={"q": "cleared channel"}).json()["items"]
    _shape(fresh_client.delete(f"/api/v1/articles/{aid}"), 401)
    _shape(fresh_client.delete(f"/api/v1/articles/{aid}", headers={"Authorization": "Bearer nope"}), 403)
    _shape(fresh_client.delete("/api/v1/articles/ffffffffffffffff", headers=AUTH), 404)
    assert fresh_client.get(f"/api/v1/articles/{aid}").status_code == 200  # refused requests changed nothing
    r = fresh_client.delete(f"/api/v1/articles/{aid}", headers=AUTH)
    assert r.status_code == 200 and r.json() == {"ok": True, "deleted": [aid]}
    _shape(fresh_client.get(f"/api/v1/articles/{aid}"), 404)
    assert fresh_client.get("/api/v1/attributions", params={"q": "cleared channel"}).json()["items"] == []
    assert fresh_client.get("/api/v1/statements").json()["items"] == []
