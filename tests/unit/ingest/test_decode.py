"""decode_bytes: UTF-8 in, legacy single-byte encodings accepted with a note, everything else refused."""

from __future__ import annotations

import random

import pytest
from tests.unit.ingest.helpers import FRENCH

from onrecord.errors import InputError
from onrecord.ingest.decode import SNIFF_BYTES, binary_reason, decode_bytes

ENGLISH_CP1252 = (
    "The café owner said on Tuesday that the naïve plan to close the old market square would hurt local "
    "trade.\n"
)


def _refused(data: bytes) -> InputError:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "in/story.txt")
    assert info.value.source == "in/story.txt"
    assert info.value.stage == "read"
    return info.value


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII news text.\n",
        "Zoë Müller said «bonjour» — and left.\n",
        "Премьер-министр заявил журналистам, что переговоры продолжатся.\n",
        "首相は記者団に対し、交渉は続くと述べた。\n",
        'Emoji in a quote: 🎉 "we won" 🏆\n',
    ],
)
def test_utf8_is_taken_as_is(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"), "a.txt")
    assert decoded.text == text
    assert decoded.encoding == "utf-8"
    assert decoded.note is None


def test_utf8_bom_is_dropped() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + "Zoë said hello.\n".encode(), "a.txt")
    assert decoded.text == "Zoë said hello.\n"
    assert decoded.encoding == "utf-8"
    assert decoded.note is None


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_single_byte_text_is_accepted_with_a_note(encoding: str) -> None:
    data = FRENCH.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = decode_bytes(data, "a.txt")
    assert decoded.text == FRENCH
    assert decoded.encoding == "cp1252"
    assert decoded.note == "decoded as cp1252, not UTF-8"


def test_cp1252_text_with_typographic_quotes_and_euro_sign() -> None:
    text = FRENCH + (
        "Le coût du projet est estimé à 2 millions d\u2019euros (2 000 000 €), selon le \u201crapport\u201d."
        "\n"
    )
    decoded = decode_bytes(text.encode("cp1252"), "a.txt")
    assert decoded.text == text
    assert decoded.note is not None and decoded.encoding in decoded.note


def test_short_english_cp1252_text_is_not_decoded_into_other_characters() -> None:
    # The text must come back as written (or be refused): every offset points at the author's characters.
    data = ENGLISH_CP1252.encode("cp1252")
    try:
        decoded = decode_bytes(data, "a.txt")
    except InputError as err:
        assert "no other encoding fits" in err.reason
        return
    assert decoded.text == ENGLISH_CP1252, f"decoded as {decoded.encoding}: {decoded.text!r}"


def test_damaged_utf8_is_refused_with_the_byte_offset() -> None:
    good = "Zoë said the talks had failed. ".encode()
    err = _refused(good + b"\xff\xfe and then more text followed.\n")
    assert err.reason == f"invalid UTF-8 at byte {len(good)} (the file looks damaged)"


def test_damaged_utf8_truncated_multibyte_sequence() -> None:
    good = "Le ministre a déclaré que ".encode()
    cut = "é".encode()[:1]  # first byte of a two-byte sequence, then ASCII
    err = _refused(good + cut + b"la reforme etait necessaire.\n")
    assert err.reason == f"invalid UTF-8 at byte {len(good)} (the file looks damaged)"


def test_damaged_utf8_offset_counts_the_bom() -> None:
    # "byte N" must point into the file as it is on disk, BOM included.
    data = b"\xef\xbb\xbf" + "Zoë said hello. ".encode() + b"\xff more text\n"
    err = _refused(data)
    assert data[20] == 0xFF
    assert err.reason == "invalid UTF-8 at byte 20 (the file looks damaged)"


@pytest.mark.parametrize("data", [b"", b" ", b"\n\n\n", b" \t\r\n \x0c \n"])
def test_empty_or_whitespace_only(data: bytes) -> None:
    assert _refused(data).reason == "empty input"


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n\n"])
def test_a_byte_order_mark_alone_is_empty_input(data: bytes) -> None:
    assert _refused(data).reason == "empty input"


def test_nul_bytes() -> None:
    err = _refused(b"Some text\x00with a NUL in the middle of it.\n")
    assert err.reason == "binary file (contains NUL bytes), not text"


def test_utf16_is_binary_because_of_its_nul_bytes() -> None:
    err = _refused("The minister said hello.\n".encode("utf-16-le"))
    assert err.reason == "binary file (contains NUL bytes), not text"


@pytest.mark.parametrize(
    ("magic", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or an Office document)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"\x1f\x8b\x08\x00", "gzip-compressed data without a .gz extension"),
        (b"\x7fELF\x02\x01\x01", "an executable"),
        (b"SQLite format 3\x00", "an SQLite database"),
    ],
)
def test_known_binary_formats_are_named(magic: bytes, what: str) -> None:
    err = _refused(magic + b"more bytes that follow the header" * 10)
    assert err.reason == f"binary file ({what}), not text"


def test_pdf_with_only_text_after_magic_is_still_a_pdf() -> None:
    # A PDF's header is ASCII; the magic alone decides.
    assert _refused(b"%PDF-1.4 this looks like text\n").reason == "binary file (a PDF document), not text"


def test_random_control_characters() -> None:
    rng = random.Random(7)
    controls = [b for b in range(1, 32) if b not in (9, 10, 12, 13)]
    data = bytes(rng.choice(controls) for _ in range(4000))
    assert _refused(data).reason == "binary file (too many control characters), not text"


def test_a_few_control_characters_in_text_are_tolerated() -> None:
    text = "The minister\x07 said the talks would go on, and that both sides had agreed to meet again.\n"
    assert decode_bytes(text.encode(), "a.txt").text == text


def test_binary_sniffing_looks_only_at_the_start() -> None:
    text = b"a" * SNIFF_BYTES
    assert binary_reason(text + b"\x00") is None
    assert binary_reason(text[:-1] + b"\x00") == "binary file (contains NUL bytes), not text"


def test_random_bytes_are_refused() -> None:
    rng = random.Random(3)
    data = bytes(rng.randrange(256) for _ in range(20000))
    err = _refused(data)
    assert err.reason.startswith("binary file (")
