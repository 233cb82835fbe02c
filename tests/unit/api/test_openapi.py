"""The published OpenAPI document against the API's own answers: every documented endpoint
answers, and its answer fits the schema it documents."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from pydantic import BaseModel

from onrecord.api import schemas


def _model(response_doc: dict[str, Any]) -> type[BaseModel]:
    ref = response_doc["content"]["application/json"]["schema"]["$ref"]
    model = getattr(schemas, ref.rsplit("/", 1)[-1])
    assert issubclass(model, BaseModel)
    return model


def test_schema_is_served_and_lists_the_endpoints(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) >= {
        "/api/v1/attributions",
        "/api/v1/statements",
        "/api/v1/statements/{statement_id}",
        "/api/v1/entities/{entity_id}/timeline",
        "/api/v1/topics",
        "/api/v1/articles",
        "/api/v1/articles/{ref}",
        "/api/v1/entities",
        "/api/v1/entities/{entity_id}",
    }
    assert all(p.startswith("/api/v1/") for p in doc["paths"])  # pages are not part of the API
    post = doc["paths"]["/api/v1/articles"]["post"]
    assert {"text/plain", "text/html", "application/json", "application/x-ndjson"} <= set(
        post["requestBody"]["content"]
    )
    assert {"401", "403", "413", "415", "422"} <= set(post["responses"])


def test_every_documented_get_answers_as_documented(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    article = client.get("/api/v1/articles").json()["items"][0]["id"]
    statement = client.get("/api/v1/statements").json()["items"][0]["id"]
    values = {"ref": article, "entity_id": "dmitry-peskov", "statement_id": statement}
    checked = 0
    for path, operations in doc["paths"].items():
        if "get" not in operations:
            continue
        op = operations["get"]
        url = path.format(**values)
        ok = client.get(url)
        assert ok.status_code == 200, (url, ok.text)
        _model(op["responses"]["200"]).model_validate(ok.json())
        # Each documented error answers in the documented error shape.
        if "{" in path:
            missing = client.get(path.format(**dict.fromkeys(values, "zzzz-not-there")))
            assert missing.status_code == 404, path
            assert str(missing.status_code) in op["responses"], (path, missing.status_code)
            _model(op["responses"][str(missing.status_code)]).model_validate(missing.json())
        for param in op.get("parameters", []):
            if param["in"] == "query" and param["schema"].get("anyOf", [{}])[0].get("format") == "date":
                bad = client.get(url, params={param["name"]: "not-a-date"})
                assert bad.status_code == 422
                _model(op["responses"]["422"]).model_validate(bad.json())
        checked += 1
    assert checked >= 9
