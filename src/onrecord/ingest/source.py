"""Finding input files and reading their bytes within a size limit.

A reader never sees a path it has to open itself: it gets an ``InputFile`` whose ``read_bytes``
applies the size limit and gzip decompression once, with errors worded for the user.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from onrecord.errors import InputError, UsageError

# File name endings we read, longest first so ".html.gz" wins over ".gz".
FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".jsonl.gz", "jsonl"),
    (".txt.gz", "text"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".txt", "text"),
    (".text", "text"),
    (".md", "text"),
)
STDIN = "-"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read: a file on disk or standard input."""

    name: str
    fmt: str
    path: Path | None = None

    @property
    def gzipped(self) -> bool:
        return self.name.lower().endswith(".gz")

    def size(self) -> int | None:
        return self.path.stat().st_size if self.path is not None else None

    def open_binary(self) -> BinaryIO:
        """A raw byte stream of the input (still compressed for .gz files)."""
        if self.path is None:
            return sys.stdin.buffer
        return self.path.open("rb")

    def read_bytes(self, max_bytes: int) -> bytes:
        """The whole input, decompressed, refusing anything over ``max_bytes``."""
        size = self.size()
        if size is not None and size > max_bytes and not self.gzipped:
            limit = _mib(max_bytes)
            raise InputError(self.name, f"too large ({_mib(size)}; the limit is {limit})", stage="read")
        try:
            with self.open_binary() as raw:
                stream: BinaryIO = gzip.GzipFile(fileobj=raw) if self.gzipped else raw  # type: ignore[assignment]
                data = stream.read(max_bytes + 1)
        except (EOFError, gzip.BadGzipFile, zlib.error) as err:
            raise InputError(self.name, f"damaged or truncated gzip data ({err})", stage="read") from err
        except OSError as err:
            raise InputError(self.name, f"cannot read ({err.strerror or err})", stage="read") from err
        if len(data) > max_bytes:
            raise InputError(self.name, f"too large (over the limit of {_mib(max_bytes)})", stage="read")
        return data


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"


def format_of(name: str) -> str | None:
    lower = name.lower()
    for suffix, fmt in FORMATS:
        if lower.endswith(suffix):
            return fmt
    return None


@dataclass(frozen=True, slots=True)
class Discovery:
    files: tuple[InputFile, ...]
    skipped: tuple[str, ...]


def discover(paths: list[str]) -> Discovery:
    """Expand the paths a user gave into input files.

    Directories are walked recursively in sorted order, taking files with a known ending and
    skipping hidden ones; a file named explicitly is read as plain text when its ending is unknown.
    A path that does not exist is a usage error, raised before anything is read.
    """
    missing = [p for p in paths if p != STDIN and not os.path.exists(p)]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    files: list[InputFile] = []
    skipped: list[str] = []
    for given in paths:
        if given == STDIN:
            files.append(InputFile(STDIN, "stdin"))
            continue
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                fmt = format_of(found.name)
                if fmt is None:
                    skipped.append(str(found))
                else:
                    files.append(InputFile(str(found), fmt, found))
        else:
            files.append(InputFile(given, format_of(path.name) or "text", path))
    return Discovery(tuple(files), tuple(skipped))


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name
