"""Turning bytes into text, or into a one-line reason why they are not text.

UTF-8 (with or without a byte-order mark) is taken as is. Bytes that are not UTF-8 are handed to
charset-normalizer, and accepted only when it finds a single-byte legacy encoding that fits
cleanly; UTF-8 that is merely damaged is refused rather than decoded into mojibake, because every
offset we report must point at the characters the author wrote.
"""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from onrecord.errors import InputError

# How much of the start of an input we sniff for binary content. Text files almost never hold a
# NUL byte, and a few KiB is enough to recognise the formats people feed by mistake.
SNIFF_BYTES = 8192
# Share of control characters (other than tab, newline, carriage return, form feed) above which
# bytes are called binary even without a NUL.
MAX_CONTROL_SHARE = 0.05
# charset-normalizer's "chaos" (mess ratio) above which a legacy-encoding guess is not trusted.
MAX_CHAOS = 0.2

# Two legacy-encoding guesses whose chaos differs by less than this are equally good fits.
CHAOS_TIE = 0.01
PREFERRED_LEGACY = "cp1252"
UTF8_BOM = b"\xef\xbb\xbf"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data without a .gz extension"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text, or None when it may be."""
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    if head:
        controls = sum(1 for b in head if b in _CONTROL)
        if controls / len(head) > MAX_CONTROL_SHARE:
            return "binary file (too many control characters), not text"
    return None


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode an input's bytes, raising InputError with a one-line reason when it cannot be read."""
    bom = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    if not data[bom:].strip():
        raise InputError(source, "empty input", stage="read")
    reason = binary_reason(data[bom:])
    if reason:
        raise InputError(source, reason, stage="read")
    try:
        return Decoded(data[bom:].decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        bad_byte = bom + err.start  # an offset into the file as it is on disk
    if _has_valid_utf8_multibyte(data[bom:]):
        # Valid multi-byte UTF-8 next to invalid bytes means damaged UTF-8, not another encoding.
        raise InputError(source, f"invalid UTF-8 at byte {bad_byte} (the file looks damaged)", stage="read")
    encoding = _legacy_encoding(data)
    if encoding is None:
        raise InputError(
            source, f"not UTF-8 (invalid byte at {bad_byte}) and no other encoding fits", stage="read"
        )
    return Decoded(data.decode(encoding), encoding, note=f"decoded as {encoding}, not UTF-8")


def _legacy_encoding(data: bytes) -> str | None:
    """The single-byte encoding charset-normalizer finds cleanest, windows-1252 on a tie.

    Short texts fit several code pages equally well (an "é" is a valid letter in many); like
    browsers (WHATWG's fallback for legacy Western pages), we then take windows-1252, the
    encoding such files were by far most often written in.
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    if best > MAX_CHAOS:
        return None
    tied = [m.encoding for m in matches if m.chaos <= best + CHAOS_TIE]
    return PREFERRED_LEGACY if PREFERRED_LEGACY in tied else tied[0]


def _has_valid_utf8_multibyte(data: bytes) -> bool:
    """True when the bytes contain at least one well-formed non-ASCII UTF-8 sequence."""
    text = data.decode("utf-8", errors="replace")
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in text)
