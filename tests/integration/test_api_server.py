"""The real `onrecord serve` process on a loopback port: pages, API, writes with the token."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.hostile import feed_line
from tests.live_server import serve
from tests.seeds_store import build_seeds_db

TOKEN = "live-test-token"


def _get(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), dict(err.headers)


def _post(url: str, body: bytes, content_type: str, token: str | None) -> tuple[int, Any]:
    headers = {"Content-Type": content_type, **({"Authorization": f"Bearer {token}"} if token else {})}
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_served_pages_api_and_token_writes(tmp_path: Path) -> None:
    db = build_seeds_db(tmp_path)
    with serve(db, env={"ONRECORD_TOKEN": TOKEN}) as base:
        status, html, headers = _get(base + "/?q=ceasefire")
        assert status == 200 and "Dmitry Peskov" in html and "hl-content" in html
        assert "script-src 'self'" in headers["content-security-policy"]
        status, body, _ = _get(base + "/api/v1/entities/dmitry-peskov")
        assert status == 200 and json.loads(body)["name"] == "Dmitry Peskov"
        status, body, _ = _get(base + "/api/openapi.json")
        assert status == 200 and "/api/v1/attributions" in json.loads(body)["paths"]
        status, body, _ = _get(base + "/static/app.js")
        assert status == 200 and "addEventListener" in body

        assert _post(base + "/api/v1/articles", feed_line().encode(), "application/x-ndjson", None)[0] == 401
        assert (
            _post(base + "/api/v1/articles", feed_line().encode(), "application/x-ndjson", "wrong")[0] == 403
        )
        status, report = _post(base + "/api/v1/articles", feed_line().encode(), "application/x-ndjson", TOKEN)
        assert status == 201 and report["stored"] == 1, report

        status, html, _ = _get(base + "/articles/hostile-1")
        assert status == 200
        for raw in (
            "<script>window",
            "<img src=x",
            "<svg onload",
            "<b onmouseover",
            "onmouseover='window",
            'href="javascript:',
        ):
            assert raw not in html, raw
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_serve_refuses_writes_without_a_token_and_allows_them_when_told(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    with serve(db, env={"ONRECORD_TOKEN": ""}) as base:
        status, body = _post(base + "/api/v1/articles", feed_line().encode(), "application/x-ndjson", None)
        assert status == 403 and "--allow-anonymous-writes" in body["error"]
    with serve(db, "--allow-anonymous-writes", env={"ONRECORD_TOKEN": ""}) as base:
        status, body = _post(base + "/api/v1/articles", feed_line().encode(), "application/x-ndjson", None)
        assert status == 201 and body["stored"] == 1
