"""Plain-text files: the text exactly as written, decoded once, cleaned later."""

from __future__ import annotations

from collections.abc import Iterator

from onrecord.errors import InputError
from onrecord.ingest.decode import decode_bytes
from onrecord.ingest.source import InputFile
from onrecord.models import Article, Notice, Provenance, Rejection


def article_from_bytes(data: bytes, source: str) -> tuple[Article, str | None]:
    """A plain-text article and an optional note about its encoding."""
    decoded = decode_bytes(data, source)
    return Article(text=decoded.text, provenance=Provenance(source), fmt="text"), decoded.note


def read_text(inp: InputFile, max_bytes: int) -> Iterator[Article | Rejection | Notice]:
    try:
        article, note = article_from_bytes(inp.read_bytes(max_bytes), inp.name)
    except InputError as err:
        yield Rejection(err.source, err.stage, err.reason)
        return
    if note:
        yield Notice(inp.name, note)
    yield article
