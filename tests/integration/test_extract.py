"""`onrecord extract`: the attribution contract, without a database."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.helpers import run

STORY = """Port Deal Signed

The harbour master said on Tuesday that the new container terminal would double the port's capacity.

"This is the biggest investment in the port for fifty years," she told reporters.
"""
KEYS = {
    "schema",
    "id",
    "article",
    "kind",
    "content",
    "cue",
    "speaker_mention",
    "speaker",
    "addressee",
    "via",
    "date",
    "confidence",
}


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_jsonl_records_follow_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "port.txt"
    path.write_text(STORY, encoding="utf-8")
    proc = run("extract", str(path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    records = _records(proc.stdout)
    assert records, "no attributions found"
    for r in records:
        assert set(r) == KEYS
        assert r["schema"] == "onrecord.attribution/1"
        assert r["article"] == str(path)
        assert r["kind"] in {"direct", "indirect", "mixed"}
        for key in ("content", "cue", "speaker_mention", "addressee", "via"):
            span = r[key]
            if span is not None:
                assert isinstance(span, dict)
                assert STORY[span["start"] : span["end"]] == span["text"]
    contents = {r["content"]["text"] for r in records}  # type: ignore[index]
    assert any("biggest investment in the port" in c for c in contents)
    assert not any(c.startswith('"') for c in contents), "direct quotes exclude their marks"


def test_nothing_is_taken_from_boilerplate(tmp_path: Path) -> None:
    chrome = (
        '\n\nSign up for our newsletter\n\nOur editors say "you will love it" and send it every Friday.\n'
    )
    path = tmp_path / "port.txt"
    path.write_text(STORY + chrome, encoding="utf-8")
    records = _records(run("extract", str(path), "--format", "jsonl").stdout)
    assert not any("love it" in r["content"]["text"] for r in records)  # type: ignore[index]


def test_table_output_and_rejections(tmp_path: Path) -> None:
    good = tmp_path / "port.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run("extract", str(good), str(empty), "--format", "table")
    assert proc.returncode == 1
    assert "attribution" in proc.stdout and "biggest investment" in proc.stdout
    assert f"rejected: {empty}: empty input" in proc.stderr
