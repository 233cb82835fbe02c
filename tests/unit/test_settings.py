from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import settings

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("s", settings.SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_in_the_readme(s: settings.Setting) -> None:
    text = README.read_text(encoding="utf-8")
    assert s.env in text, f"{s.env} is not documented in README.md"
    assert s.help


def test_environment_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONRECORD_MAX_INPUT_BYTES", "1234")
    assert settings.int_setting("max_input_bytes") == 1234
    monkeypatch.delenv("ONRECORD_MAX_INPUT_BYTES")
    assert settings.int_setting("max_input_bytes") == 20 * 1024 * 1024
