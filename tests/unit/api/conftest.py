from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.seeds_store import build_seeds_db

from onrecord.api import ApiSettings, create_app

TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_seeds_db(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="session")
def client(seeds_db: str) -> Iterator[TestClient]:
    """A read-mostly client over the seeds store (tests that write use their own store)."""
    with TestClient(create_app(seeds_db, ApiSettings(token=TOKEN)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def fresh_client(tmp_path: Path) -> Iterator[TestClient]:
    """A client over an empty store, with a token and a small body limit."""
    app = create_app(str(tmp_path / "w.db"), ApiSettings(token=TOKEN, max_request_bytes=64 * 1024))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
