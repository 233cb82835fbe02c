from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from tests.integration.helpers import ONRECORD, run, run_json

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"

ARTICLE = """Harbour Strike Ends After Talks

The dock workers' union ended a nine-day strike on Thursday after reaching a wage agreement with the port authority, its leader said.

"We got most of what we asked for, and the members voted to accept it," union chief Maria Lindqvist told reporters at the harbour gate.

The port authority said in a statement that ships would be unloaded again from Friday morning.
"""


def test_ingest_list_and_show(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    src = tmp_path / "in" / "strike.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.db")

    proc = run("ingest", str(tmp_path / "in"), "--db", db)
    assert proc.returncode == 0, proc.stderr
    assert "1 new article stored" in proc.stdout

    listed = run_json("articles", "--db", db)
    assert len(listed) == 1 and listed[0]["source"] == str(src)

    shown = run_json("show", str(src), "--db", db)
    assert set(shown) == {"id", "title", "published", "outlet", "source", "text", "removed"}
    assert shown["title"] == "Harbour Strike Ends After Talks"
    assert "nine-day strike" in shown["text"] and "Harbour Strike Ends" not in shown["text"]
    assert shown["source"] == str(src)
    for r in shown["removed"]:
        assert set(r) == {"start", "end", "reason"}
    assert {"start": 0, "end": len("Harbour Strike Ends After Talks"), "reason": "title"} in shown["removed"]
    assert run_json("show", shown["id"], "--db", db) == shown

    human = run("show", shown["id"][:8], "--db", db)
    assert human.returncode == 0 and "Removed (" in human.stdout and "title" in human.stdout


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "strike.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert run("ingest", str(src), "--db", db).returncode == 0
    before = sqlite3.connect(db).execute("select id, body from articles").fetchall()
    second = json.loads(run("ingest", str(src), "--db", db, "--json").stdout)
    assert second["stored"] == 0 and second["already_stored"] == 1
    assert sqlite3.connect(db).execute("select id, body from articles").fetchall() == before


def test_a_syndicated_copy_is_recorded_as_a_near_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    copy = (
        ARTICLE.replace("Harbour Strike Ends After Talks", "Dock strike over")
        + "\nReporting by a wire service.\n"
    )
    (tmp_path / "b.txt").write_text(copy, encoding="utf-8")
    db = str(tmp_path / "t.db")
    report = json.loads(
        run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db, "--json").stdout
    )
    assert report["stored"] == 2 and report["near_duplicates"] == 1
    listed = {a["source"]: a for a in run_json("articles", "--db", db)}
    assert listed[str(tmp_path / "b.txt")]["duplicate_of"] == listed[str(tmp_path / "a.txt")]["id"]


def test_jsonl_metadata_wins_and_show_finds_it_by_its_own_id(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {
        "id": "story-1",
        "text": ARTICLE,
        "url": "https://www.example-news.org/x",
        "published": "2025-04-30",
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert run("ingest", str(feed), "--db", db).returncode == 0
    shown = run_json("show", "story-1", "--db", db)
    assert shown["published"] == "2025-04-30"
    assert shown["outlet"] == "example-news.org"
    assert shown["source"] == f"{feed}:1"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = run("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "t.db"))
    assert missing.returncode == 2 and "no such file or directory" in missing.stderr
    assert run("ingest", "--db", str(tmp_path / "t.db")).returncode == 2
    assert run("articles", "--bogus").returncode == 2
    notfound = run("show", "zzzz", "--db", str(tmp_path / "t.db"))
    assert notfound.returncode == 1 and "no article 'zzzz'" in notfound.stderr


def test_empty_store_lists_nothing(tmp_path: Path) -> None:
    proc = run("articles", "--db", str(tmp_path / "t.db"))
    assert proc.returncode == 0 and "No articles" in proc.stdout
    assert run_json("rejections", "--db", str(tmp_path / "t.db")) == []


def test_an_interrupted_run_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    n = 1500
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = (
                ARTICLE.replace("nine-day", f"{i}-day")
                + f"\nItem {i} of the feed, with its own closing sentence.\n"
            )
            f.write(json.dumps({"id": f"s{i}", "text": text}) + "\n")
    db = tmp_path / "t.db"
    proc = subprocess.Popen(
        [ONRECORD, "ingest", str(feed), "--db", str(db), "--quiet"], stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 50:
                break
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert b"run the same command again to resume" in stderr

    con = sqlite3.connect(db)
    partial = con.execute("select count(*) from articles").fetchone()[0]
    assert 0 < partial < n
    orphans = con.execute(
        "select count(*) from articles a where not exists (select 1 from article_sources s where s.article_id = a.id)"
    ).fetchone()[0]
    assert orphans == 0
    con.close()

    again = json.loads(run("ingest", str(feed), "--db", str(db), "--json").stdout)
    assert again["stored"] + again["already_stored"] == n
    assert again["already_stored"] == partial


def test_reprocess_rebuilds_what_is_derived(tmp_path: Path) -> None:
    src = tmp_path / "strike.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert run("ingest", str(src), "--db", db).returncode == 0
    fresh = run_json("show", str(src), "--db", db)
    fresh_quotes = run_json("quotes", "--db", db)
    assert fresh_quotes, "the example article has a quote"
    # What an older onrecord would have left: no attributions and another body.
    con = sqlite3.connect(db)
    con.execute("delete from attributions")
    con.execute("delete from removals")
    con.execute("update articles set body = 'stale', title = null")
    con.commit()
    con.close()
    proc = run("reprocess", "--db", db)
    assert proc.returncode == 0 and "1 of 1 articles reprocessed" in proc.stdout
    assert run_json("show", str(src), "--db", db) == fresh
    assert run_json("quotes", "--db", db) == fresh_quotes


def test_settings_lists_every_setting() -> None:
    rows = run_json("settings")
    assert {r["env"] for r in rows} >= {"ONRECORD_DB", "ONRECORD_MAX_INPUT_BYTES"}
    assert all(r["help"] for r in rows)


def test_delete_removes_an_article_and_what_came_from_it(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    assert (
        run(
            "ingest",
            str(SEEDS / "000_c6bb378875dca61c.txt"),
            str(SEEDS / "002_5eb1ee49e6ba1523.txt"),
            "--db",
            db,
        ).returncode
        == 0
    )
    before = run_json("articles", "--db", db)
    assert len(before) == 2
    gone = run("delete", "nosuchid", "--db", db, "--yes")
    assert gone.returncode == 1 and len(gone.stderr.strip().splitlines()) == 1
    assert len(run_json("articles", "--db", db)) == 2  # an unknown reference changes nothing
    victim = before[0]["id"]
    proc = run("delete", victim, "--db", db, "--yes")
    assert proc.returncode == 0, proc.stderr
    assert [a["id"] for a in run_json("articles", "--db", db)] == [before[1]["id"]]
    quotes = run_json("quotes", "--db", db)
    assert quotes and all(q["article"] == before[1]["id"] for q in quotes)
    statements = run("statements", "--db", db)
    assert statements.returncode == 0
    for line in statements.stdout.splitlines():
        assert all(r["article"] == before[1]["id"] for r in json.loads(line)["reports"])


def test_speaker_filter_takes_wildcards_literally(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    assert run("ingest", str(SEEDS / "000_c6bb378875dca61c.txt"), "--db", db).returncode == 0
    assert run_json("quotes", "--speaker", "peskov", "--db", db)
    assert run_json("quotes", "--speaker", "%", "--db", db) == []
    assert run_json("quotes", "--speaker", "_", "--db", db) == []
