"""onrecord: a source-linked record of who said what, to whom, and when.

The public Python API: ``Service`` opens a store and ingests and queries articles;
``clean_text`` finds an article body in scraped text with a map back to the original offsets.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("onrecord")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

from onrecord.clean import clean_text
from onrecord.errors import InputError, NotFoundError, OnRecordError, StoreError, UsageError
from onrecord.models import Article, CleanText, Provenance, Rejection, Removal, Segment, Span
from onrecord.service import IngestReport, Service

__all__ = [
    "Article",
    "CleanText",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "OnRecordError",
    "Provenance",
    "Rejection",
    "Removal",
    "Segment",
    "Service",
    "Span",
    "StoreError",
    "UsageError",
    "__version__",
    "clean_text",
]
