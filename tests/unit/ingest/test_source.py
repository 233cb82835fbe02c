"""discover() and InputFile.read_bytes(): which files are read, in what order, and within what size."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from tests.unit.ingest.helpers import MiB, only_rejection, read_file

from onrecord.errors import InputError, UsageError
from onrecord.ingest.source import STDIN, InputFile, discover, format_of

TEXT = b"The minister said on Monday that the new library would open in June.\n"


def _touch(path: Path, data: bytes = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.TXT", "text"),
        ("a.text", "text"),
        ("a.md", "text"),
        ("a.txt.gz", "text"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.xhtml", "html"),
        ("a.HTML.GZ", "html"),
        ("a.html.gz", "html"),
        ("a.htm.gz", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.gz", None),
        ("a.json", None),
        ("a.pdf", None),
        ("README", None),
        ("archive.tar.gz", None),
    ],
)
def test_format_of(name: str, fmt: str | None) -> None:
    assert format_of(name) == fmt


def test_discover_walks_nested_directories_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for rel in [
        "b.txt",
        "a.html",
        "sub/z.jsonl",
        "sub/deeper/c.warc.gz",
        "sub/a.md",
        "aa/x.txt",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/y.txt",
        "notes.pdf",
        "sub/image.png",
        "sub/data.json",
    ]:
        _touch(root / rel)
    found = discover([str(root)])
    assert [(f.name, f.fmt) for f in found.files] == [
        (str(root / "a.html"), "html"),
        (str(root / "b.txt"), "text"),
        (str(root / "aa" / "x.txt"), "text"),
        (str(root / "sub" / "a.md"), "text"),
        (str(root / "sub" / "z.jsonl"), "jsonl"),
        (str(root / "sub" / "deeper" / "c.warc.gz"), "warc"),
    ]
    assert all(f.path == Path(f.name) for f in found.files)
    assert found.skipped == (
        str(root / "notes.pdf"),
        str(root / "sub" / "data.json"),
        str(root / "sub" / "image.png"),
    )


def test_discover_keeps_the_order_of_the_paths_given(tmp_path: Path) -> None:
    b = _touch(tmp_path / "b.txt")
    a = _touch(tmp_path / "d" / "a.txt")
    found = discover([str(b), str(tmp_path / "d"), STDIN])
    assert [f.name for f in found.files] == [str(b), str(a), STDIN]
    assert found.files[2].fmt == "stdin" and found.files[2].path is None


def test_an_explicit_file_with_an_unknown_ending_is_read_as_text(tmp_path: Path) -> None:
    notes = _touch(tmp_path / "story.rst")
    hidden = _touch(tmp_path / ".draft")
    found = discover([str(notes), str(hidden)])
    assert [(f.name, f.fmt) for f in found.files] == [(str(notes), "text"), (str(hidden), "text")]
    assert found.skipped == ()
    items = read_file(notes, fmt="text")
    assert [getattr(i, "text", None) for i in items] == [TEXT.decode()]


def test_an_empty_directory_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found = discover([str(tmp_path / "empty")])
    assert found.files == () and found.skipped == ()


def test_a_missing_path_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    good = _touch(tmp_path / "a.txt")
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(UsageError) as info:
        discover([str(good), missing])
    assert info.value.message == f"no such file or directory: {missing}"


def test_all_missing_paths_are_named_at_once(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        discover([str(tmp_path / "x"), STDIN, str(tmp_path / "y")])
    assert info.value.message == f"no such file or directory: {tmp_path / 'x'}, {tmp_path / 'y'}"


def test_read_bytes_plain_and_gzip(tmp_path: Path) -> None:
    plain = _touch(tmp_path / "a.txt")
    packed = _touch(tmp_path / "a.txt.gz", gzip.compress(TEXT))
    assert InputFile(str(plain), "text", plain).read_bytes(1000) == TEXT
    inp = InputFile(str(packed), "text", packed)
    assert inp.gzipped
    assert inp.read_bytes(1000) == TEXT


def test_read_bytes_exactly_at_the_limit_is_accepted(tmp_path: Path) -> None:
    path = _touch(tmp_path / "a.txt")
    assert InputFile(str(path), "text", path).read_bytes(len(TEXT)) == TEXT


def test_a_file_over_the_limit_is_rejected_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * MiB)  # sparse: costs nothing to create

    def never(self: InputFile) -> None:
        raise AssertionError(f"{self.name} was opened although it is over the limit")

    monkeypatch.setattr(InputFile, "open_binary", never)
    with pytest.raises(InputError) as info:
        InputFile(str(big), "text", big).read_bytes(20 * MiB)
    assert info.value.source == str(big)
    assert info.value.stage == "read"
    assert info.value.reason == "too large (50.0 MiB; the limit is 20.0 MiB)"


def test_one_byte_over_the_limit_is_too_large(tmp_path: Path) -> None:
    path = _touch(tmp_path / "a.txt")
    rejection = only_rejection(read_file(path, max_bytes=len(TEXT) - 1))
    assert rejection.stage == "read"
    assert rejection.reason.startswith("too large (")


def test_gzip_that_inflates_over_the_limit_is_too_large(tmp_path: Path) -> None:
    bomb = _touch(tmp_path / "bomb.txt.gz", gzip.compress(b"word " * 400_000))  # 2 MB inflated
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputError) as info:
        InputFile(str(bomb), "text", bomb).read_bytes(MiB)
    assert info.value.reason == "too large (over the limit of 1.0 MiB)"
    assert info.value.stage == "read"


@pytest.mark.parametrize("name", ["a.txt.gz", "a.html.gz"])
def test_truncated_gzip(tmp_path: Path, name: str) -> None:
    packed = gzip.compress(TEXT * 200)
    path = _touch(tmp_path / name, packed[: len(packed) // 2])
    with pytest.raises(InputError) as info:
        InputFile(str(path), format_of(name) or "text", path).read_bytes(MiB)
    assert info.value.stage == "read"
    assert info.value.reason.startswith("damaged or truncated gzip data (")


def test_a_gz_file_that_is_not_gzip(tmp_path: Path) -> None:
    path = _touch(tmp_path / "a.txt.gz", TEXT)
    rejection = only_rejection(read_file(path))
    assert rejection.source == str(path)
    assert rejection.stage == "read"
    assert rejection.reason.startswith("damaged or truncated gzip data (Not a gzipped file")


def test_a_directory_given_as_a_file_cannot_be_read(tmp_path: Path) -> None:
    rejection = only_rejection(read_file(tmp_path, fmt="text"))
    assert rejection.source == str(tmp_path)
    assert rejection.stage == "read"
    assert rejection.reason.startswith("cannot read (")


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.jsonl", "a.warc", "a.html.gz", "a.warc.gz"])
def test_a_file_that_vanished_after_discovery_is_a_rejection_not_a_crash(tmp_path: Path, name: str) -> None:
    path = _touch(tmp_path / name)
    found = discover([str(path)])
    path.unlink()
    items = read_file(path, fmt=found.files[0].fmt)
    rejection = only_rejection(items)
    assert rejection.source == str(path)
    assert rejection.stage == "read"
    assert "No such file or directory" in rejection.reason
