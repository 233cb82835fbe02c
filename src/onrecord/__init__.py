"""onrecord: a source-linked record of who said what, to whom, and when.

The public Python API: ``extract`` finds who said what in a text; ``Service`` opens a store and
ingests and queries articles; ``clean_text`` finds an article body in scraped text with a map back
to the original offsets.
"""

from __future__ import annotations

import importlib
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("onrecord")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

# The public names are loaded on first use (PEP 562): importing any ``onrecord.X`` runs this file
# first, and importing spaCy, SQLAlchemy and the rest here made every command, even ``--help``,
# pay for all of them.
_LAZY = {
    "clean_text": "onrecord.clean",
    "IngestReport": "onrecord.service",
    "Service": "onrecord.service",
    **dict.fromkeys(
        ("InputError", "NotFoundError", "OnRecordError", "StoreError", "UsageError"), "onrecord.errors"
    ),
    **dict.fromkeys(
        (
            "Article",
            "Attribution",
            "CleanText",
            "NamedMention",
            "Provenance",
            "Rejection",
            "Removal",
            "Report",
            "Segment",
            "Shift",
            "Span",
            "Speaker",
            "Statement",
            "StatementDate",
        ),
        "onrecord.models",
    ),
}

if TYPE_CHECKING:
    from onrecord.clean import clean_text
    from onrecord.errors import InputError, NotFoundError, OnRecordError, StoreError, UsageError
    from onrecord.models import (
        Article,
        Attribution,
        CleanText,
        NamedMention,
        Provenance,
        Rejection,
        Removal,
        Report,
        Segment,
        Shift,
        Span,
        Speaker,
        Statement,
        StatementDate,
    )
    from onrecord.service import IngestReport, Service


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'onrecord' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def extract(
    text: str, *, article: str = "", clean: bool = False, published: date | None = None
) -> list[Attribution]:
    """The attributions in ``text``, with offsets into it.

    Pass ``clean=True`` for scraped pages: site chrome is found and nothing is taken from it.
    ``published`` anchors relative statement dates ("on Wednesday"); without it they stay unresolved.
    """
    from onrecord.clean import clean_text
    from onrecord.pipeline import attribute

    return attribute(text, clean_text(text) if clean else None, article, published)


__all__ = [
    "Article",
    "Attribution",
    "CleanText",
    "IngestReport",
    "InputError",
    "NamedMention",
    "NotFoundError",
    "OnRecordError",
    "Provenance",
    "Rejection",
    "Removal",
    "Report",
    "Segment",
    "Service",
    "Shift",
    "Span",
    "Speaker",
    "Statement",
    "StatementDate",
    "StoreError",
    "UsageError",
    "__version__",
    "clean_text",
    "extract",
]
