"""Server time of every web page and API call, on the seeds store and on a large synthetic store.

Time is measured in-process around each request through FastAPI's TestClient (the whole app:
routing, queries, rendering, middleware; no network), after one warm-up request, as the median
and the slowest of ``--repeat`` requests. The target is under 200 ms for every page on the seeds
store.

The large store is built fast and honestly: the five seed articles are ingested once through the
real pipeline, then copied through the store API (``SqlStore.add_article``) under new ids, with
publication dates spread over five years and twenty outlets, until it holds ``--attributions``
attributions (100,000 by default); each copy keeps the seed's cleaned text, removals and
attributions (ids made unique), and the entities are assigned as in the seeds. The FTS5 index is
filled by its triggers, as in real use. The text repeats, so full-text queries match more rows
than real news would: a pessimistic case for search.
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

from fastapi.testclient import TestClient
from sqlalchemy import select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.seeds_store import build_seeds_db  # noqa: E402

from onrecord.api import ApiSettings, create_app  # noqa: E402
from onrecord.pipeline import PreparedArticle, prepare  # noqa: E402
from onrecord.service import Service  # noqa: E402
from onrecord.store import SqlStore  # noqa: E402
from onrecord.store.schema import attributions, statements  # noqa: E402

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


def build_large(folder: Path, target: int) -> tuple[str, int, int]:
    """The seeds copied through the store API until ``target`` attributions are stored."""
    (folder / "seeds").mkdir()
    seeds = build_seeds_db(folder / "seeds")
    db = str(folder / "large.db")
    with Service(seeds) as source, Service(db) as large:
        with source.store.engine.connect() as conn:
            rows = conn.execute(select(attributions.c.id, attributions.c.entity_id))
            entity_of: dict[str, str | None] = {aid: eid for aid, eid in rows}
        originals = []
        for summary in source.articles():
            prepared = prepare(source.store.stored_input(summary.id))
            assert isinstance(prepared, PreparedArticle)
            originals.append(prepared)
        assignment: dict[str, str | None] = {}
        copies = total = 0
        first_day = date(2021, 1, 1)
        while total < target:
            for prepared in originals:
                new_id = f"{copies:08x}{prepared.id[:8]}"
                atts = tuple(
                    dataclasses.replace(a, id=f"{copies:08x}{a.id[:8]}", article=new_id)
                    for a in prepared.attributions
                )
                for old, new in zip(prepared.attributions, atts, strict=True):
                    assignment[new.id] = entity_of.get(old.id)
                copy = dataclasses.replace(
                    prepared,
                    id=new_id,
                    published=first_day + timedelta(days=copies % 1800),
                    article=dataclasses.replace(prepared.article, outlet=OUTLETS[copies % len(OUTLETS)]),
                    attributions=atts,
                    line_hashes=frozenset(),
                )
                large.store.add_article(copy, None)
                copies += 1
                total += len(atts)
                if total >= target:
                    break
        large.store.replace_entities(source.entities(), assignment)
        # Statements, topics and shifts as ingest derives them (embeddings are cached by text, so
        # the repeated wordings are embedded once).
        large.refresh_timeline()
    return db, copies, total


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeds_ok = report("seeds store (5 articles)", measure(build_seeds_db(folder), args.repeat))
        started = time.perf_counter()
        large, articles, total = build_large(folder, args.attributions)
        built = time.perf_counter() - started
        print(f"\nbuilt a store of {total:,} attributions in {articles:,} articles in {built:.0f} s")
        report(f"synthetic store ({total:,} attributions)", measure(large, args.repeat))
    print(f"\nseeds store: every page under {TARGET_MS:.0f} ms: {'yes' if seeds_ok else 'NO'}")
    return 0 if seeds_ok else 1


if __name__ == "__main__":
    sys.exit(main())
