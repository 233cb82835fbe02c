"""Server time of every web page and API call, on the seeds store and on a large synthetic store.

Time is measured in-process around each request through FastAPI's TestClient (the whole app:
routing, queries, rendering, middleware; no network), after one warm-up request, as the median
and the slowest of ``--repeat`` requests. The target is under 200 ms for every page on the seeds
store.

The large store is built fast and honestly: the five seed articles are ingested once through the
real pipeline, then copied through the store API (``SqlStore.add_article``) under new ids, with
every date of round r moved r days back, over twenty outlets, until it holds ``--attributions``
attributions (100,000 by default); each copy keeps the seed's cleaned text, removals and
attributions (ids made unique), the entities are assigned as in the seeds, and the seeds'
statements, report links, topic scores and shifts are copied with each round (linking 100,000
near-identical reports afresh would measure the linker, not the web, and takes far longer). The
FTS5 index is filled by its triggers, as in real use. The text repeats, so full-text queries
match more rows than real news would: a pessimistic case for search.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.seeds_store import build_seeds_db  # noqa: E402

from onrecord.api import ApiSettings, create_app  # noqa: E402
from onrecord.models import StatementDate  # noqa: E402
from onrecord.pipeline import PreparedArticle, prepare  # noqa: E402
from onrecord.service import Service  # noqa: E402
from onrecord.store import SqlStore  # noqa: E402
from onrecord.store.schema import (  # noqa: E402
    attribution_topics,
    attributions,
    shifts,
    statement_reports,
    statement_topics,
    statements,
)

# In the order they can be inserted (statements before what refers to them).
TIMELINE_TABLES = (statements, statement_reports, statement_topics, attribution_topics, shifts)

TARGET_MS = 200.0
OUTLETS = [f"Outlet {i:02d}" for i in range(20)]


def urls(store: SqlStore) -> list[str]:
    with store.engine.connect() as conn:
        article = conn.scalar(select(attributions.c.article_id).limit(1))
        statement = conn.scalar(
            select(statements.c.id).order_by(statements.c.reports.desc(), statements.c.id).limit(1)
        )
    return [
        "/",
        "/?q=peace",
        "/?q=ceasefire&speaker=peskov",
        "/?q=%22peace+agreement%22&kind=direct&since=2024-01-01",
        "/?speaker=peskov&outlet=The+Moscow+Times",
        "/speakers",
        "/speakers/dmitry-peskov",
        "/articles",
        f"/articles/{article}",
        f"/statements/{statement}",
        "/api/v1/attributions?q=peace",
        "/api/v1/attributions?speaker=peskov&kind=direct&limit=200",
        "/api/v1/entities",
        "/api/v1/entities/dmitry-peskov",
        f"/api/v1/articles/{article}",
        "/api/v1/statements?q=ceasefire",
        "/api/v1/entities/dmitry-peskov/timeline",
        f"/api/v1/statements/{statement}",
    ]


def measure(db: str, repeat: int) -> list[tuple[str, float, float, int]]:
    rows = []
    with TestClient(create_app(db, ApiSettings())) as client:
        service: Service = client.app.state.service  # type: ignore[attr-defined]
        for url in urls(service.store):
            r = client.get(url)
            assert r.status_code == 200, (url, r.status_code, r.text[:200])
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            rows.append((url, statistics.median(times), max(times), len(r.content)))
    return rows


def _shifted(d: StatementDate | None, days: int) -> StatementDate | None:
    if d is None or d.value is None:
        return d
    return dataclasses.replace(d, value=(date.fromisoformat(d.value) + timedelta(days=days)).isoformat())


def build_large(folder: Path, target: int) -> tuple[str, int, int]:
    """The seeds copied in rounds until ``target`` attributions are stored: articles through
    ``SqlStore.add_article``, the timeline's rows (statements, their reports, topic scores, shifts)
    copied with them, every date of round ``r`` moved ``r`` days back."""
    (folder / "seeds").mkdir()
    seeds = build_seeds_db(folder / "seeds")
    db = str(folder / "large.db")
    with Service(seeds) as source, Service(db) as large:
        with source.store.engine.connect() as conn:
            entity_of: dict[str, str | None] = dict(
                conn.execute(select(attributions.c.id, attributions.c.entity_id)).all()
            )
            derived = {t.name: [r._asdict() for r in conn.execute(select(t))] for t in TIMELINE_TABLES}
        originals = []
        for summary in source.articles():
            prepared = prepare(source.store.stored_input(summary.id))
            assert isinstance(prepared, PreparedArticle)
            # The undated seed (003) gets a date, so that copies spread over time like the rest.
            originals.append(dataclasses.replace(prepared, published=prepared.published or date(2025, 5, 15)))
        assignment: dict[str, str | None] = {}
        rounds = total = 0
        while total < target:
            back = -rounds  # days: round r is dated r days before the seeds
            rename = {}
            for prepared in originals:
                new_id = f"{rounds:08x}{prepared.id[:8]}"
                atts = []
                for a in prepared.attributions:
                    rename[a.id] = f"{rounds:08x}{a.id[:8]}"
                    assignment[rename[a.id]] = entity_of.get(a.id)
                    atts.append(
                        dataclasses.replace(a, id=rename[a.id], article=new_id, date=_shifted(a.date, back))
                    )
                copy = dataclasses.replace(
                    prepared,
                    id=new_id,
                    published=prepared.published + timedelta(days=back) if prepared.published else None,
                    article=dataclasses.replace(
                        prepared.article, outlet=OUTLETS[(rounds + len(rename)) % len(OUTLETS)]
                    ),
                    attributions=tuple(atts),
                    line_hashes=frozenset(),
                )
                large.store.add_article(copy, None)
                total += len(atts)
            _copy_timeline(large.store, derived, rename, rounds, back)
            rounds += 1
        large.store.replace_entities(source.entities(), assignment)
    return db, rounds * len(originals), total


def _copy_timeline(
    store: SqlStore, derived: dict[str, list[dict[str, Any]]], rename: dict[str, str], r: int, back: int
) -> None:
    """One round's copy of the seeds' statements, report links, topic scores and shifts."""

    def sid(old: str) -> str:
        return f"s{r:07x}{old[1:9]}"

    def day(value: str | None) -> str | None:
        return (date.fromisoformat(value) + timedelta(days=back)).isoformat() if value else None

    rows = {
        "statements": [
            {
                **x,
                "id": sid(x["id"]),
                "date_value": day(x["date_value"]),
                "attribution_id": rename.get(x["attribution_id"], x["attribution_id"]),
                "ordinal": r * 100_000 + x["ordinal"],
            }
            for x in derived["statements"]
        ],
        "statement_reports": [
            {"statement_id": sid(x["statement_id"]), "attribution_id": rename[x["attribution_id"]]}
            for x in derived["statement_reports"]
            if x["attribution_id"] in rename
        ],
        "statement_topics": [
            {**x, "statement_id": sid(x["statement_id"])} for x in derived["statement_topics"]
        ],
        "attribution_topics": [
            {**x, "attribution_id": rename[x["attribution_id"]]}
            for x in derived["attribution_topics"]
            if x["attribution_id"] in rename
        ],
        "shifts": [
            {
                **{k: v for k, v in x.items() if k != "id"},
                "statement_a": sid(x["statement_a"]),
                "statement_b": sid(x["statement_b"]),
            }
            for x in derived["shifts"]
        ],
    }
    with store.engine.begin() as conn:
        for table in TIMELINE_TABLES:
            if rows[table.name]:
                conn.execute(insert(table), rows[table.name])


def report(title: str, rows: list[tuple[str, float, float, int]]) -> bool:
    print(f"\n{title}")
    print(f"{'request':<60} {'median ms':>10} {'max ms':>8} {'kB':>7}")
    ok = True
    for url, median, slowest, size in rows:
        flag = "" if median < TARGET_MS or url.startswith("/api") else "  over target"
        ok = ok and median < TARGET_MS
        print(f"{url[:60]:<60} {median:>10.1f} {slowest:>8.1f} {size / 1024:>7.1f}{flag}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--attributions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--keep", metavar="DIR", help="build the large store in DIR and keep it (reused when it is there)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeds_ok = report("seeds store (5 articles)", measure(build_seeds_db(folder), args.repeat))
        started = time.perf_counter()
        where = Path(args.keep) if args.keep else folder
        where.mkdir(parents=True, exist_ok=True)
        if (where / "large.db").exists():
            large = str(where / "large.db")
            kept = SqlStore(large)
            with kept.engine.connect() as conn:
                total = int(conn.scalar(select(func.count()).select_from(attributions)) or 0)
            articles = kept.count_articles()
            kept.close()
            print(f"\nreusing the store in {large}: {total:,} attributions in {articles:,} articles")
        else:
            large, articles, total = build_large(where, args.attributions)
            built = time.perf_counter() - started
            print(f"\nbuilt a store of {total:,} attributions in {articles:,} articles in {built:.0f} s")
        report(f"synthetic store ({total:,} attributions)", measure(large, args.repeat))
    print(f"\nseeds store: every page under {TARGET_MS:.0f} ms: {'yes' if seeds_ok else 'NO'}")
    return 0 if seeds_ok else 1


if __name__ == "__main__":
    sys.exit(main())
