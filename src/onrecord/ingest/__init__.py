"""Readers: one per input format, each yielding articles (or rejections) with provenance.

``read_inputs`` is the single entry point: it expands directories, picks the reader by file
ending, and turns every failure into a ``Rejection`` naming the input, so one bad file never stops
a run.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator

from onrecord.errors import InputError
from onrecord.ingest.html import article_from_html, read_html
from onrecord.ingest.jsonl import article_from_record, read_jsonl
from onrecord.ingest.source import STDIN, Discovery, InputFile, discover, format_of
from onrecord.ingest.text import article_from_bytes, read_text
from onrecord.ingest.warc import read_warc
from onrecord.models import Article, Notice, Provenance, Rejection

Item = Article | Rejection | Notice
Reader = Callable[[InputFile, int], Iterator[Item]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
}


def read_input(inp: InputFile, max_bytes: int) -> Iterator[Item]:
    """Everything one input yields; unexpected failures become a rejection, never a crash."""
    try:
        if inp.fmt == "stdin":
            yield from _read_stdin(max_bytes)
        else:
            yield from READERS[inp.fmt](inp, max_bytes)
    except InputError as err:
        yield Rejection(err.source, err.stage, err.reason)
    except (OSError, ValueError, RecursionError, MemoryError) as err:
        yield Rejection(inp.name, "read", f"unreadable ({type(err).__name__}: {err})")
    except Exception as err:  # a reader bug on one input must not stop the run or lose the rest
        yield Rejection(inp.name, "read", f"internal error ({type(err).__name__}: {err}); please report")


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    """Standard input is JSON Lines when it starts with ``{``, HTML with ``<``, else plain text."""
    stream = sys.stdin.buffer
    head = stream.peek(64)[:64] if isinstance(stream, io.BufferedReader) else b""
    first = head.lstrip()[:1]
    if first == b"{" or not head:
        yield from read_jsonl(InputFile(STDIN, "jsonl"), max_bytes)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Rejection(STDIN, "read", f"too large (over {max_bytes} bytes)")
        return
    if first == b"<":
        try:
            yield article_from_html(data, Provenance(STDIN))
        except InputError as err:
            yield Rejection(err.source, err.stage, err.reason)
        return
    try:
        article, note = article_from_bytes(data, STDIN)
    except InputError as err:
        yield Rejection(err.source, err.stage, err.reason)
        return
    if note:
        yield Notice(STDIN, note)
    yield article


__all__ = [
    "READERS",
    "Discovery",
    "InputFile",
    "Item",
    "article_from_bytes",
    "article_from_html",
    "article_from_record",
    "discover",
    "format_of",
    "read_input",
]
