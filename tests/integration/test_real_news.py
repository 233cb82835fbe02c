"""Real news end to end: PolNeAR dev, a slice of train and the 64 annotated news pages through
``onrecord ingest``, then the statement, speaker and timeline commands on what was stored.

The unit tests pin each rule on made-up sentences; this one is there for what only real text
finds. A title line attributed twice once stopped the ingest of PolNeAR at its 27th article
(two attributions with one id, refused by the database) while every unit test passed.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.integration.helpers import run, run_json

# PolNeAR dev (84 articles) and the first articles of train by name: enough kinds of page for a
# run of a couple of minutes.
TRAIN_SLICE = 100


def _articles(corpora: Path) -> list[dict[str, str]]:
    polnear = corpora / "polnear"
    lines = (polnear / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    meta = {row["filename"]: row for row in csv.DictReader(lines, delimiter="\t")}
    out = []
    paths = sorted((polnear / "dev" / "text").glob("*.txt"))
    paths += sorted((polnear / "train" / "text").glob("*.txt"))[:TRAIN_SLICE]
    for path in paths:
        row = meta.get(path.stem, {})
        out.append(
            {
                "id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "published": row.get("publication_date", ""),
                "outlet": row.get("publisher", ""),
            }
        )
    pages = json.loads(
        (corpora / "article-extraction-benchmark" / "output" / "inscriptis.json").read_text(encoding="utf-8")
    )["output"]
    data = Path(__file__).resolve().parents[1] / "data"
    names = [
        name
        for file in ("news_gold.json", "news_gold_more.json", "news_gold_third.json", "news_gold_fourth.json")
        for name in sorted(json.loads((data / file).read_text("utf-8")))
        if not name.startswith("_")
    ]
    for name in names:
        out.append({"id": name.removesuffix(".txt"), "text": pages[name.removesuffix(".txt")]["articleBody"]})
    return out


def test_real_news_goes_through_every_command(corpora_dir: Path, tmp_path: Path) -> None:
    articles = _articles(corpora_dir)
    feed = tmp_path / "news.jsonl"
    feed.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    db = str(tmp_path / "news.db")

    proc = run("ingest", str(feed), "--db", db, "--json", timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["stored"] + report["already_stored"] == len(articles), report.get("rejected")
    assert not report.get("rejected")

    statements = run("statements", "--db", db)
    assert statements.returncode == 0, statements.stderr
    records = [json.loads(line) for line in statements.stdout.splitlines() if line.strip()]
    assert len(records) > 1000
    assert all(r["schema"] == "onrecord.statement/1" and r["reports"] for r in records)

    speakers = run_json("speakers", "--db", db)
    named = {s["name"] for s in speakers}
    assert {"Donald Trump", "Hillary Clinton"} <= named

    timeline = run("timeline", "--speaker", "Hillary Clinton", "--format", "jsonl", "--db", db)
    assert timeline.returncode == 0, timeline.stderr
    dates = [json.loads(line)["date"]["value"] for line in timeline.stdout.splitlines() if line.strip()]
    assert dates and dates == sorted(dates)
