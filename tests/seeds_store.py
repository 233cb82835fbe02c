"""The five example articles as a store, ingested from JSON Lines with their publication dates
(as a newsroom feed would give them; 003 has none), for the API, UI and browser tests."""

from __future__ import annotations

import json
from pathlib import Path

from onrecord.service import Service

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
PUBLISHED = {"000": "2025-04-30", "001": "2025-03-03", "002": "2025-02-06", "004": "2025-07-20"}
# Only 000 names its outlet in the text; the others get made-up names, so filters have something to
# tell apart (B appears twice).
OUTLETS = {
    "000": "The Moscow Times",
    "001": "Outlet B",
    "002": "Outlet C",
    "003": "Outlet B",
    "004": "Outlet D",
}


def seeds_feed(path: Path) -> Path:
    """Write the seeds as one JSON Lines feed and return its path."""
    with path.open("w", encoding="utf-8") as out:
        for f in sorted(SEEDS.glob("*.txt")):
            number = f.name[:3]
            record = {
                "id": f.stem,
                "text": f.read_text(encoding="utf-8"),
                "published": PUBLISHED.get(number),
                "outlet": OUTLETS[number],
            }
            out.write(json.dumps(record) + "\n")
    return path


def build_seeds_db(folder: Path) -> str:
    """A store of the seeds under ``folder``; returns the database path."""
    db = str(folder / "seeds.db")
    with Service(db) as service:
        report = service.ingest([str(seeds_feed(folder / "seeds.jsonl"))])
    assert report.stored == 5, report
    return db
