"""Speakers merged across articles through the CLI, with and without a user's overrides file."""

from __future__ import annotations

from pathlib import Path

from tests.integration.helpers import run, run_json

FIRST = """Minister Backs Rail Plan

Transport minister Johanna Lindqvist said on Monday that the northern rail line would be finished by 2030.

"We have the money and we have the workers," Lindqvist told reporters in the capital.
"""
SECOND = """Rail Plan Questioned

Critics doubted the timetable, but transport minister Johana Lindqvist said on Friday that the work was on schedule.

"Nothing has changed," Lindqvist told the regional broadcaster.
"""


def _write(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    return folder


def test_a_misspelt_name_is_one_speaker(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert run("ingest", str(_write(tmp_path)), "--db", db).returncode == 0
    speakers = run_json("speakers", "--db", db)
    lindqvist = [s for s in speakers if "Lindqvist" in s["name"]]
    assert len(lindqvist) == 1, speakers
    assert lindqvist[0]["articles"] == 2
    quotes = run_json("quotes", "--speaker", "johana", "--db", db)
    assert {q["speaker"]["id"] for q in quotes} == {lindqvist[0]["id"]}


def test_overrides_win_and_bad_files_are_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    overrides = tmp_path / "entities.yaml"
    overrides.write_text(
        "entities:\n  - name: Johanna Lindqvist\n    type: person\n    aliases: [J. Lindqvist]\n"
        "    roles: [Minister of Transport]\n",
        encoding="utf-8",
    )
    assert run("ingest", str(_write(tmp_path)), "--db", db, "--entities", str(overrides)).returncode == 0
    [entity] = [s for s in run_json("speakers", "--db", db) if "Lindqvist" in s["name"]]
    assert entity["name"] == "Johanna Lindqvist"
    assert "Minister of Transport" in [r["text"] for r in entity["roles"]]

    bad = tmp_path / "bad.yaml"
    bad.write_text("entities: [{nam: x}]\n", encoding="utf-8")
    proc = run("speakers", "--db", db, "--entities", str(bad))
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error: {bad}:"), proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_an_organisation_known_by_a_description_is_no_entity(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST + "\nThe campaign said the rally would go ahead.\n", encoding="utf-8")
    (folder / "b.txt").write_text(SECOND + "\nThe campaign said the vote was fair.\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert run("ingest", str(folder), "--db", db).returncode == 0
    names = {s["name"] for s in run_json("speakers", "--db", db)}
    assert "campaign" not in names, names
    campaigns = [
        q for q in run_json("quotes", "--db", db) if q["speaker"] and q["speaker"]["name"] == "campaign"
    ]
    assert len(campaigns) == 2 and campaigns[0]["speaker"]["id"] != campaigns[1]["speaker"]["id"]
