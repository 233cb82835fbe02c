"""The timeline end to end through the CLI, on the five seed articles with their publication dates
(000: 2025-04-30, 001: 2025-03-03, 002: 2025-02-06, 003: none, 004: 2025-07-20)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.integration.helpers import run

from onrecord.entities import names_entity

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds.jsonl"
STATEMENT_KEYS = {"schema", "id", "speaker", "date", "topics", "text", "reports", "shifts"}
REPORT_KEYS = {"article", "outlet", "published", "attribution", "content"}


@dataclass(frozen=True)
class Seeded:
    db: str
    seed_of: dict[str, str]  # article id -> seed number ("000" ... "004")
    article_of: dict[str, str]  # seed number -> article id
    inputs: dict[str, dict[str, Any]]  # seed number -> its JSON Lines record (the text as read)
    statements: list[dict[str, Any]]  # `statements --format jsonl`, parsed
    peskov: list[dict[str, Any]]  # `timeline --speaker Peskov --format jsonl`, parsed
    quotes: list[dict[str, Any]]  # `quotes --json`
    shown: dict[str, dict[str, Any]]  # article id -> `show ID --json`


def _jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _run_all(commands: Sequence[Sequence[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Independent commands side by side (each spends most of its time starting up)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda args: run(*args), commands))
    for args, proc in zip(commands, done, strict=True):
        assert proc.returncode == 0, (args, proc.stderr)
    return done


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    db = str(tmp_path_factory.mktemp("timeline") / "onrecord.db")
    proc = run("ingest", str(SEEDS), "--db", db)
    assert proc.returncode == 0, proc.stderr
    inputs = {}
    lines = SEEDS.read_text(encoding="utf-8").splitlines()
    for line in lines:
        record = json.loads(line)
        inputs[record["id"][:3]] = record
    articles, listed, peskov, quotes = _run_all(
        [
            ["articles", "--db", db, "--json"],
            ["statements", "--db", db, "--format", "jsonl"],
            ["timeline", "--speaker", "Peskov", "--db", db, "--format", "jsonl"],
            ["quotes", "--db", db, "--json"],
        ]
    )
    seed_of = {}
    for a in json.loads(articles.stdout):
        line_no = int(a["source"].rsplit(":", 1)[1])
        seed_of[a["id"]] = json.loads(lines[line_no - 1])["id"][:3]
    assert sorted(seed_of.values()) == ["000", "001", "002", "003", "004"]
    shown = _run_all([["show", aid, "--db", db, "--json"] for aid in seed_of])
    return Seeded(
        db,
        seed_of,
        {v: k for k, v in seed_of.items()},
        inputs,
        _jsonl(listed.stdout),
        _jsonl(peskov.stdout),
        json.loads(quotes.stdout),
        {aid: json.loads(p.stdout) for aid, p in zip(seed_of, shown, strict=True)},
    )


def _find(statements: list[dict[str, Any]], start: str) -> dict[str, Any]:
    found = [s for s in statements if any(r["content"]["text"].startswith(start) for r in s["reports"])]
    assert len(found) == 1, [s["text"] for s in found]
    return found[0]


def _dates(rows: list[dict[str, Any]]) -> list[str | None]:
    return [s["date"]["value"] for s in rows]


def _in_date_order(values: list[str | None]) -> bool:
    dated = [v for v in values if v is not None]
    first_undated = next((k for k, v in enumerate(values) if v is None), len(values))
    return dated == sorted(dated) and all(v is None for v in values[first_undated:])


# -- (1) statement dates -------------------------------------------------------------------------------


def test_dates_of_statements_in_seed_004(seeded: Seeded) -> None:
    peskov = _find(seeded.statements, "Russia is ready to work for peace")
    assert peskov["speaker"]["name"] == "Dmitry Peskov"
    assert peskov["date"] == {"value": "2025-07-20", "precision": "day", "text": "on Sunday"}
    trump = _find(seeded.statements, "to impose severe economic sanctions")
    assert trump["speaker"]["name"] == "Donald Trump"
    assert trump["date"] == {"value": "2025-07-14", "precision": "day", "text": "Last Monday"}
    # the phrase is located in the article text as read
    text = seeded.inputs["004"]["text"]
    for statement, phrase in ((peskov, "on Sunday"), (trump, "Last Monday")):
        [report] = statement["reports"]
        assert seeded.seed_of[report["article"]] == "004"
        assert report["published"] == "2025-07-20"
        d = report["date"]
        assert (d["value"], d["text"]) == (statement["date"]["value"], phrase)
        assert text[d["start"] : d["end"]] == phrase


def test_a_statement_without_a_closer_date_is_dated_by_publication(seeded: Seeded) -> None:
    # seed 002 (2025-02-06) says nothing closer about when Peskov called it "empty words"
    empty = _find(seeded.statements, "So far, this cannot be seen as anything but empty words")
    assert empty["date"] == {"value": "2025-02-06", "precision": "article", "text": None}
    # seed 003 has no publication date: its statements are undated, no year invented
    undated = [
        s for s in seeded.statements if {seeded.seed_of[r["article"]] for r in s["reports"]} == {"003"}
    ]
    assert undated
    assert all(s["date"]["value"] is None for s in undated)


# -- (2) one statement, two reports ---------------------------------------------------------------------


def test_putin_ruling_out_direct_talks_is_one_statement_of_two_reports(seeded: Seeded) -> None:
    ruled_out = [
        s
        for s in seeded.statements
        if s["speaker"]["name"] == "Vladimir Putin"
        and any(r["cue"] and r["cue"]["text"] == "ruled out" for r in s["reports"])
    ]
    assert len(ruled_out) == 1, [s["text"] for s in ruled_out]
    [s] = ruled_out
    assert len(s["reports"]) == 2
    assert sorted(seeded.seed_of[r["article"]] for r in s["reports"]) == ["000", "002"]
    # oldest report first: 002 was published on 2025-02-06, 000 on 2025-04-30
    assert [r["published"] for r in s["reports"]] == ["2025-02-06", "2025-04-30"]
    assert all("speaking directly with" in r["content"]["text"] for r in s["reports"])
    assert s["text"] in {r["content"]["text"] for r in s["reports"]}
    # the statement date is the closer one that 000 gives ("in January")
    assert (s["date"]["value"], s["date"]["precision"]) == ("2025-01-01", "month")


def test_every_report_is_in_exactly_one_statement(seeded: Seeded) -> None:
    reports = [r["attribution"] for s in seeded.statements for r in s["reports"]]
    assert len(reports) == len(set(reports))
    quotes = seeded.quotes
    # a statement is an entity's: an unnamed source ("a second person", type unknown) has none, nor
    # has an organisation known only by a description ("the ministry")
    named = {
        q["id"] for q in quotes if q["speaker"] and names_entity(q["speaker"]["name"], q["speaker"]["type"])
    }
    assert named <= set(reports) <= {q["id"] for q in quotes}
    linked = [s for s in seeded.statements if len(s["reports"]) > 1]
    assert len(linked) >= 1


# -- (3) the spokesman's timeline ---------------------------------------------------------------------


def test_timeline_jsonl_is_the_spokesman_oldest_first(seeded: Seeded) -> None:
    rows = seeded.peskov
    assert len(rows) >= 20
    assert {s["speaker"]["name"] for s in rows} == {"Dmitry Peskov"}
    values = _dates(rows)
    assert _in_date_order(values)
    assert values[0] == "2025-02-06"
    assert "2025-07-20" in values and "2025-03-03" in values and "2025-04-30" in values
    assert values[-1] is None  # seed 003's statements, undated, last
    # the design's example line: 2025-03-03 Peskov: Kiev "does not want peace"
    kiev = _find(rows, "Ukrainian President Volodymyr Zelensky's statements at the White House")
    assert kiev["date"]["value"] == "2025-03-03"
    # the same statements as the whole record holds for him, in the same order
    his = [s["id"] for s in seeded.statements if s["speaker"]["name"] == "Dmitry Peskov"]
    assert [s["id"] for s in rows] == his


def test_timeline_csv_has_the_same_order(seeded: Seeded) -> None:
    as_jsonl = seeded.peskov
    proc = run("timeline", "--speaker", "peskov", "--db", seeded.db, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["id"] for r in rows] == [s["id"] for s in as_jsonl]
    assert _in_date_order([r["date"] or None for r in rows])
    assert {r["speaker"] for r in rows} == {"Dmitry Peskov"}
    assert [r["text"] for r in rows] == [s["text"] for s in as_jsonl]


def test_timeline_table_mentions_the_dates_in_order(seeded: Seeded) -> None:
    proc = run("timeline", "--speaker", "Peskov", "--db", seeded.db)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Dmitry Peskov" in out
    assert "2025-02-06" in out and "2025-07-20" in out
    assert (
        out.index("2025-02-06") < out.index("2025-03-03") < out.index("2025-04-30") < out.index("2025-07-20")
    )


def test_timeline_since_and_until(seeded: Seeded) -> None:
    proc = run(
        "timeline", "--speaker", "Peskov", "--since", "2025-03-01", "--until", "2025-04-30",
        "--db", seeded.db, "--format", "jsonl",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    values = _dates(_jsonl(proc.stdout))
    assert values and all(v is not None and "2025-03-01" <= v <= "2025-04-30" for v in values)
    assert "2025-04-30" in values and "2025-03-03" in values


# -- (4) the statement contract -------------------------------------------------------------------------


def test_statement_records_follow_the_schema(seeded: Seeded) -> None:
    assert len(seeded.statements) >= 50
    ids = {s["id"] for s in seeded.statements}
    assert len(ids) == len(seeded.statements)
    for s in seeded.statements:
        assert set(s) >= STATEMENT_KEYS, s
        assert s["schema"] == "onrecord.statement/1"
        assert set(s["speaker"]) >= {"id", "name", "type", "roles"}
        assert set(s["date"]) >= {"value", "precision", "text"}
        assert s["date"]["precision"] in {"day", "week", "month", "year", "article"}
        assert isinstance(s["text"], str) and s["text"]
        for t in s["topics"]:
            assert isinstance(t["name"], str) and 0.0 <= t["score"] <= 1.0
        assert s["reports"]
        assert s["text"] in {r["content"]["text"] for r in s["reports"]}
        for r in s["reports"]:
            assert set(r) >= REPORT_KEYS, r
            assert r["article"] in seeded.seed_of
            assert set(r["content"]) >= {"text", "start", "end"}
        for x in s["shifts"]:
            assert set(x) >= {"a", "b", "topic", "reason", "detail", "score"}
            assert s["id"] in (x["a"], x["b"]) and {x["a"], x["b"]} <= ids
            assert x["reason"] in {"negation", "number", "deadline"}


def test_report_offsets_index_the_stored_article_text(seeded: Seeded) -> None:
    shown = seeded.shown
    checked = 0
    for s in seeded.statements:
        for r in s["reports"]:
            article = shown[r["article"]]
            assert r["published"] == article["published"]
            assert r["outlet"] == article["outlet"]
            # offsets index the article text as read (the input line's text) ...
            original = seeded.inputs[seeded.seed_of[r["article"]]]["text"]
            c = r["content"]
            assert original[c["start"] : c["end"]] == c["text"]
            # ... and come from the body `show` prints, or from the headline
            title = [x for x in article["removed"] if x["reason"] == "title"]
            in_title = any(x["start"] <= c["start"] and c["end"] <= x["end"] for x in title)
            assert c["text"] in article["text"] or in_title, c
            checked += 1
    assert checked == sum(len(s["reports"]) for s in seeded.statements) >= 50


def test_statements_filter_by_speaker(seeded: Seeded) -> None:
    proc = run("statements", "--speaker", "putin", "--db", seeded.db)
    assert proc.returncode == 0, proc.stderr
    rows = _jsonl(proc.stdout)  # JSON Lines by default
    assert rows and {s["speaker"]["name"] for s in rows} == {"Vladimir Putin"}
    assert [s["id"] for s in rows] == [
        s["id"] for s in seeded.statements if s["speaker"]["name"] == "Vladimir Putin"
    ]


# -- (5) topic and speaker errors ---------------------------------------------------------------------


def test_topic_filters(seeded: Seeded) -> None:
    proc = run("statements", "--topic", "negotiations", "--db", seeded.db, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = _jsonl(proc.stdout)
    assert 0 < len(rows) < len(seeded.statements)
    assert all("negotiations" in {t["name"] for t in s["topics"]} for s in rows)
    expected = [s["id"] for s in seeded.statements if "negotiations" in {t["name"] for t in s["topics"]}]
    assert [s["id"] for s in rows] == expected
    proc = run(
        "timeline", "--speaker", "Peskov", "--topic", "ceasefire", "--db", seeded.db, "--format", "jsonl"
    )
    assert proc.returncode == 0, proc.stderr
    rows = _jsonl(proc.stdout)
    assert rows and all("ceasefire" in {t["name"] for t in s["topics"]} for s in rows)
    assert {s["speaker"]["name"] for s in rows} == {"Dmitry Peskov"}


def test_an_unknown_topic_is_a_usage_error(seeded: Seeded) -> None:
    proc = run("timeline", "--speaker", "Peskov", "--topic", "weather", "--db", seeded.db)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "weather" in lines[0]
    for known in ("negotiations", "ceasefire", "sanctions", "territory"):
        assert known in lines[0]
    assert "Traceback" not in proc.stderr


def test_an_unknown_speaker_fails_with_one_line(seeded: Seeded) -> None:
    proc = run("statements", "--speaker", "Nobody Atall", "--db", seeded.db)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Nobody Atall" in lines[0], proc.stderr
    assert proc.stdout == ""


# -- (6) export -----------------------------------------------------------------------------------------


def _counts(db: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            name: conn.execute(f"select count(*) from {name}").fetchone()[0]
            for name in ("attributions", "statements", "entities")
        }


def _read(path: Path, fmt: str) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        return _jsonl(path.read_text(encoding="utf-8"))
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


FORMATS = ("jsonl", "csv", "parquet")


@pytest.fixture(scope="module")
def exported(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each format's export folder (created by export: it did not exist) and what export printed."""
    root = tmp_path_factory.mktemp("export")
    outs = {fmt: root / fmt / "nested" for fmt in FORMATS}
    done = _run_all(
        [["export", "--format", fmt, "--out", str(outs[fmt]), "--db", seeded.db] for fmt in FORMATS]
    )
    return {fmt: (outs[fmt], proc.stdout) for fmt, proc in zip(FORMATS, done, strict=True)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_every_record(seeded: Seeded, exported: dict[str, tuple[Path, str]], fmt: str) -> None:
    out, stdout = exported[fmt]
    counts = _counts(seeded.db)
    assert counts["statements"] == len(seeded.statements)
    assert sorted(os.listdir(out)) == sorted(f"{name}.{fmt}" for name in counts)  # no temporary files
    for name, n in counts.items():
        records = _read(out / f"{name}.{fmt}", fmt)
        assert len(records) == n, name
        assert f"{name}.{fmt}: {n} records" in stdout
    statements = _read(out / f"statements.{fmt}", fmt)
    attributions = _read(out / f"attributions.{fmt}", fmt)
    assert sorted(str(s["id"]) for s in statements) == sorted(s["id"] for s in seeded.statements)
    if fmt == "jsonl":
        assert statements == seeded.statements
        assert all(a["schema"] == "onrecord.attribution/1" for a in attributions)
    else:
        # flattened columns; offsets read back as numbers in Parquet
        assert {"id", "content.text", "content.start", "content.end", "date.value"} <= set(attributions[0])
        if fmt == "parquet":
            assert all(isinstance(a["content.start"], int) for a in attributions)
        reports = [json.loads(s["reports"]) for s in statements]
        assert sum(len(r) for r in reports) == sum(len(s["reports"]) for s in seeded.statements)


def test_export_to_an_unwritable_place_fails_with_one_line(seeded: Seeded, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = run("export", "--format", "jsonl", "--out", str(blocker / "sub"), "--db", seeded.db)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(blocker / "sub") in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_failed_export_leaves_no_temporary_file(seeded: Seeded, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "statements.jsonl").mkdir(parents=True)  # a folder where the file should go
    proc = run("export", "--format", "jsonl", "--out", str(out), "--db", seeded.db)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "statements.jsonl" in lines[0], proc.stderr
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_exported_files_have_the_usual_permissions(exported: dict[str, tuple[Path, str]]) -> None:
    umask = os.umask(0)
    os.umask(umask)
    if umask & 0o044:
        pytest.skip("this umask hides files from others anyway")
    out, _ = exported["csv"]
    assert (out / "statements.csv").stat().st_mode & 0o777 == 0o666 & ~umask


# -- (7) extract fills the date ---------------------------------------------------------------------------


def _extracted(path: Path) -> list[dict[str, Any]]:
    proc = run("extract", str(path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    return _jsonl(proc.stdout)


def _date_of(found: list[dict[str, Any]], start: str) -> dict[str, Any]:
    [date] = [a["date"] for a in found if a["content"]["text"].startswith(start)]
    return date  # type: ignore[no-any-return]


def test_extract_dates_attributions_against_the_publication_date(seeded: Seeded, tmp_path: Path) -> None:
    record = seeded.inputs["004"]
    path = tmp_path / "004.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    found = _extracted(path)
    assert found
    for a in found:
        assert a["date"] is not None and set(a["date"]) >= {"value", "precision", "text", "start", "end"}
        assert a["date"]["value"] is not None
        if a["date"]["precision"] == "article":
            assert a["date"]["value"] == "2025-07-20" and a["date"]["text"] is None
    sunday = _date_of(found, "Russia is ready to work for peace")
    assert (sunday["value"], sunday["precision"], sunday["text"]) == ("2025-07-20", "day", "on Sunday")
    assert record["text"][sunday["start"] : sunday["end"]] == "on Sunday"
    monday = _date_of(found, "to impose severe economic sanctions")
    assert (monday["value"], monday["precision"], monday["text"]) == ("2025-07-14", "day", "Last Monday")


def test_extract_without_a_publication_date_keeps_the_phrase_unresolved(
    seeded: Seeded, tmp_path: Path
) -> None:
    path = tmp_path / "004.txt"
    path.write_text(seeded.inputs["004"]["text"], encoding="utf-8")
    found = _extracted(path)
    assert found
    assert all(a["date"] is not None and a["date"]["value"] is None for a in found)
    sunday = _date_of(found, "Russia is ready to work for peace")
    assert (sunday["value"], sunday["precision"], sunday["text"]) == (None, "day", "on Sunday")
    monday = _date_of(found, "to impose severe economic sanctions")
    assert (monday["value"], monday["precision"], monday["text"]) == (None, "day", "Last Monday")
    assert {a["date"]["precision"] for a in found} == {"day", "article"}
