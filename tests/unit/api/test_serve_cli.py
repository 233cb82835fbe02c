"""`onrecord serve`: options, the warning for non-loopback addresses, and what it hands uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from onrecord.cli import _is_loopback, cli


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback


def _serve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str, env: dict[str, str] | None = None
) -> tuple[Any, dict[str, Any]]:
    called: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        called.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(tmp_path / "s.db"), *args], env=env or {"ONRECORD_TOKEN": ""}
    )
    return result, called


def test_serve_defaults_to_loopback_without_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, called = _serve(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert (called["host"], called["port"]) == ("127.0.0.1", 8000)
    assert "warning" not in result.output
    assert "http://127.0.0.1:8000/" in result.output
    assert called["app"].state.api.allow_anonymous_writes is False


def test_non_loopback_host_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result, called = _serve(tmp_path, monkeypatch, "--host", "0.0.0.0", "--port", "9999")
    assert result.exit_code == 0
    assert called["host"] == "0.0.0.0" and called["port"] == 9999
    assert "warning: listening on 0.0.0.0, not loopback" in result.output


def test_anonymous_writes_flag_and_token_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, called = _serve(tmp_path, monkeypatch, "--allow-anonymous-writes")
    assert "anonymous writes are allowed" in result.output
    assert called["app"].state.api.allow_anonymous_writes is True
    result, called = _serve(tmp_path, monkeypatch, env={"ONRECORD_TOKEN": "abc", "ONRECORD_PORT": "8123"})
    assert called["app"].state.api.token == "abc" and called["port"] == 8123


def test_bad_port_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result, called = _serve(tmp_path, monkeypatch, "--port", "70000")
    assert result.exit_code == 2 and not called
