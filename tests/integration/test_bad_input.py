"""End to end: the installed `onrecord` command on a directory of bad inputs next to good ones.

Every bad input must be rejected on one stderr line naming it, the good articles must still be
stored, the exit code must say that something was rejected, and running the same ingest again must
change nothing.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ONRECORD = str(Path(sys.executable).parent / "onrecord")
MiB = 1024 * 1024

ARTICLE = """Harbour Strike Ends After Nine Days

The dock workers' union ended a nine-day strike on Thursday after reaching a wage agreement with the \
port authority, its leader said.

"We got most of what we asked for, and the members voted to accept it," union chief Maria Lindqvist \
told reporters at the harbour gate on Thursday afternoon.

The agreement raises wages by four percent this year and three percent next year, and limits night \
shifts to two a week. The port authority said in a statement that ships would be unloaded again from \
Friday morning.

Shipping companies had diverted more than forty vessels to other ports during the strike, and local \
businesses said they had lost millions in trade.
"""

FEED_TEXT = (
    "The regional hospital opened a new maternity ward on Friday, its director said, after three years "
    "of construction work.\n\n"
    '"Mothers will no longer have to travel two hours to give birth," director Jonas Berg told local '
    "radio.\n\nThe ward has twenty beds and will employ forty midwives and nurses."
)
SECOND_FEED_TEXT = (
    "Farmers in the northern district said the late frost had damaged much of this year's apple harvest, "
    "raising fears for prices.\n\n"
    '"We lost half of the blossom in one night," said grower Anna Holm, whose family has farmed there '
    "for four generations."
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council Approves New Harbour Bridge | The Coastal Herald</title>
<meta property="og:site_name" content="The Coastal Herald">
<meta property="article:published_time" content="2024-05-01">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather and tide tables</a></nav>
<article><h1>Council Approves New Harbour Bridge</h1>
<p>The city council voted eleven to four on Tuesday evening to approve the construction of a new
pedestrian bridge across the inner harbour, ending a debate that has divided residents for a decade.</p>
<p>"This bridge will connect two neighbourhoods that have looked at each other across the water for a
hundred years," said councillor Amira Haddad, who proposed the plan.</p>
<p>Opponents argued that the estimated cost of forty million crowns was too high for a city that is
still repaying the loans taken out to renovate its schools.</p>
</article>
<footer>Copyright The Coastal Herald. All rights reserved.</footer>
</body></html>
"""


@dataclass(frozen=True)
class Expected:
    """A rejection the run must report: where, at which stage, and the start of the reason."""

    source: str
    stage: str
    reason_start: str

    def matches(self, source: str, stage: str, reason: str) -> bool:
        return source == self.source and stage == self.stage and reason.startswith(self.reason_start)


@dataclass(frozen=True)
class BadInputs:
    root: Path
    good_txt: Path
    feed: Path
    expected: tuple[Expected, ...]


def _env() -> dict[str, str]:
    """The user's environment without onrecord settings, so the documented defaults apply."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONRECORD_") and k != "FORCE_COLOR"}
    env["NO_COLOR"] = "1"
    return env


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ONRECORD, *args], input=input, capture_output=True, text=True, timeout=120, env=_env(), check=False
    )


def run_json(*args: str, input: str | None = None, rc: int = 0) -> Any:
    proc = run(*args, "--json", input=input)
    assert proc.returncode == rc, proc.stderr
    return json.loads(proc.stdout)


def _warc_bytes() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    body = PAGE.encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example.com/bridge", "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)
    record.raw_stream.close()
    return buf.getvalue()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> BadInputs:
    """One good article, one good feed line, and every kind of bad input, written once per module."""
    root = tmp_path_factory.mktemp("bad") / "in"
    root.mkdir()

    good_txt = root / "good.txt"
    good_txt.write_text(ARTICLE, encoding="utf-8")

    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    )

    huge = root / "huge.txt"
    line = b"The quick brown fox jumps over the lazy dog near the harbour gate.\n"
    with huge.open("wb") as f:
        block = line * (MiB // len(line) + 1)
        for _ in range(50):
            f.write(block[:MiB])
    assert huge.stat().st_size == 50 * MiB

    prefix = "Zoë Müller said the talks had failed. ".encode()
    (root / "damaged.txt").write_bytes(prefix + b"\xff\xfe\xfd" + b" The rest of the story follows.\n")

    packed = gzip.compress(PAGE.encode())
    (root / "truncated.html.gz").write_bytes(packed[: len(packed) // 2])

    (root / "malformed.html").write_bytes(b"<<<>>><!-- <![CDATA[ <?xml ?> </ </ </div></div>" * 10)

    feed = root / "feed.jsonl"
    feed.write_bytes(
        json.dumps(
            {"id": "feed-1", "text": FEED_TEXT, "url": "https://www.valley-gazette.example/ward"}
        ).encode()
        + b"\n"
        + b'{"id": "feed-2", "text": "The mayor said\n'
    )

    warc = _warc_bytes()
    assert warc.startswith(b"WARC/1.0\r\n")
    (root / "broken.warc").write_bytes(b"WARX/1.0\r\n" + warc[len(b"WARC/1.0\r\n") :])

    expected = (
        Expected(
            str(root / "broken.warc"),
            "parse",
            "malformed WARC record after 0 records (Unknown archive format",
        ),
        Expected(
            str(root / "damaged.txt"), "read", f"invalid UTF-8 at byte {len(prefix)} (the file looks damaged)"
        ),
        Expected(str(root / "empty.txt"), "read", "empty input"),
        Expected(str(root / "feed.jsonl:2"), "parse", "invalid JSON ("),
        Expected(str(root / "huge.txt"), "read", "too large (50.0 MiB; the limit is 20.0 MiB)"),
        Expected(str(root / "image.txt"), "read", "binary file (a PNG image), not text"),
        Expected(str(root / "malformed.html"), "extract", "no article text found in the HTML"),
        Expected(str(root / "truncated.html.gz"), "read", "damaged or truncated gzip data ("),
    )
    return BadInputs(root, good_txt, feed, expected)


REJECTED_LINE = re.compile(r"^rejected: (?P<source>.+?): (?P<reason>.+) \[(?P<stage>[a-z]+)\]$")


def _rejected_lines(stderr: str) -> list[tuple[str, str, str]]:
    """(source, stage, reason) for each stderr line; every line must be a rejection line."""
    out = []
    for line in stderr.splitlines():
        m = REJECTED_LINE.match(line)
        assert m, f"unexpected stderr line: {line!r}"
        out.append((m["source"], m["stage"], m["reason"]))
    return out


def _assert_rejections(found: list[tuple[str, str, str]], expected: tuple[Expected, ...]) -> None:
    assert len(found) == len(expected), found
    for exp in expected:
        hits = [f for f in found if exp.matches(*f)]
        assert len(hits) == 1, f"{exp} not reported exactly once in {found}"


def test_bad_inputs_are_rejected_and_good_articles_stored(bad_inputs: BadInputs, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    proc = run("ingest", str(bad_inputs.root), "--db", db, "--json")
    assert proc.returncode == 1, proc.stderr

    # One stderr line per bad input, naming it, with the reason and the stage.
    _assert_rejections(_rejected_lines(proc.stderr), bad_inputs.expected)

    report = json.loads(proc.stdout)
    assert report["db"] == db
    assert report["inputs"] == 9
    assert report["stored"] == 2
    assert report["already_stored"] == 0
    assert report["inputs_with_rejections"] == 8
    assert report["inputs_accepted"] == 1
    assert report["skipped_files"] == []
    assert len(report["stored_ids"]) == 2
    _assert_rejections(
        [(r["source"], r["stage"], r["reason"]) for r in report["rejected"]], bad_inputs.expected
    )

    listed = run_json("articles", "--db", db)
    assert sorted(a["source"] for a in listed) == sorted([str(bad_inputs.good_txt), f"{bad_inputs.feed}:1"])
    assert sorted(a["id"] for a in listed) == sorted(report["stored_ids"])
    by_source = {a["source"]: a for a in listed}
    assert by_source[str(bad_inputs.good_txt)]["title"] == "Harbour Strike Ends After Nine Days"
    assert by_source[f"{bad_inputs.feed}:1"]["outlet"] == "valley-gazette.example"

    stored = run_json("rejections", "--db", db)
    _assert_rejections([(r["source"], r["stage"], r["reason"]) for r in stored], bad_inputs.expected)
    assert all(r["seen_at"] for r in stored)

    shown = run_json("show", "feed-1", "--db", db)
    assert "maternity ward" in shown["text"]


def test_the_same_ingest_again_stores_nothing_and_does_not_duplicate_rejections(
    bad_inputs: BadInputs, tmp_path: Path
) -> None:
    db = str(tmp_path / "t.db")
    first = run_json("ingest", str(bad_inputs.root), "--db", db, rc=1)
    assert first["stored"] == 2

    again = run("ingest", str(bad_inputs.root), "--db", db, "--json")
    assert again.returncode == 1
    _assert_rejections(_rejected_lines(again.stderr), bad_inputs.expected)
    second = json.loads(again.stdout)
    assert second["stored"] == 0
    assert second["already_stored"] == 2
    assert second["stored_ids"] == []
    assert second["inputs_with_rejections"] == 8

    assert len(run_json("articles", "--db", db)) == 2
    stored = run_json("rejections", "--db", db)
    _assert_rejections([(r["source"], r["stage"], r["reason"]) for r in stored], bad_inputs.expected)

    human = run("ingest", str(bad_inputs.root), "--db", db)
    assert human.returncode == 1
    assert human.stdout.startswith(f"0 new articles stored in {db}, 2 already there. ")
    assert "Inputs: 9 read, 1 accepted, 8 with rejections (8 rejected items; see `onrecord rejections`)" in (
        human.stdout
    )


def test_exit_code_0_when_every_input_is_good(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "bridge.html").write_text(PAGE, encoding="utf-8")
    (root / "sub" / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": FEED_TEXT})
        + "\n\n"
        + json.dumps({"id": "f2", "text": SECOND_FEED_TEXT})
        + "\n",
        encoding="utf-8",
    )
    (root / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4\n")  # not an article type: skipped, not rejected
    db = str(tmp_path / "t.db")
    proc = run("ingest", str(root), "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    report = json.loads(proc.stdout)
    assert (report["stored"], report["inputs"], report["inputs_with_rejections"]) == (4, 3, 0)
    assert report["rejected"] == []
    assert report["skipped_files"] == [str(root / "sub" / "notes.pdf")]
    assert run_json("rejections", "--db", db) == []


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    good = tmp_path / "strike.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "no-such-dir"
    db = str(tmp_path / "t.db")
    proc = run("ingest", str(good), str(missing), "--db", db)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: no such file or directory: {missing}"
    assert proc.stdout == ""
    assert run_json("articles", "--db", db) == []  # nothing was read before the error


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "--bogus", "."], "No such option"),
        (["ingest"], "Missing argument"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_mistakes_exit_2_with_a_message(tmp_path: Path, args: list[str], message: str) -> None:
    proc = run(*args, "--db", str(tmp_path / "t.db"))
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Usage: onrecord" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_json_lines_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    feed = (
        json.dumps({"id": "s1", "text": FEED_TEXT, "published": "2025-04-30"})
        + "\n"
        + json.dumps(
            {"id": "s2", "text": SECOND_FEED_TEXT, "url": "https://www.valley-gazette.example/frost"}
        )
        + "\n"
        + '{"id": "s3", "text": 5}\n'
    )
    proc = run("ingest", "-", "--db", db, "--json", input=feed)
    assert proc.returncode == 1
    assert _rejected_lines(proc.stderr) == [("-:3", "parse", "field 'text' must be a string")]
    report = json.loads(proc.stdout)
    assert (report["inputs"], report["stored"], report["inputs_with_rejections"]) == (1, 2, 1)
    listed = {a["source"]: a for a in run_json("articles", "--db", db)}
    assert set(listed) == {"-:1", "-:2"}
    assert listed["-:1"]["published"] == "2025-04-30"
    assert listed["-:2"]["outlet"] == "valley-gazette.example"


def test_plain_text_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    report = run_json("ingest", "-", "--db", db, input=ARTICLE)
    assert (report["inputs"], report["stored"], report["rejected"]) == (1, 1, [])
    [article] = run_json("articles", "--db", db)
    assert article["source"] == "-"
    assert article["title"] == "Harbour Strike Ends After Nine Days"


def test_empty_stdin_is_rejected(tmp_path: Path) -> None:
    proc = run("ingest", "-", "--db", str(tmp_path / "t.db"), input="")
    assert proc.returncode == 1
    assert _rejected_lines(proc.stderr) == [("-", "read", "empty input (no JSON lines)")]
