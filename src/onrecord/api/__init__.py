"""REST API and web UI over the Service (``onrecord serve``)."""

from __future__ import annotations

from onrecord.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
