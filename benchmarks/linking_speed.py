"""How linking reports into statements grows with the number of attributions: 10k and 100k.

The attributions are real ones, replicated: PolNeAR train attributions whose source is a name
(gold spans), with cue, content and the article's publication date; within the set, outlets report
the same remarks, as in real news. Copy k of the set is moved k times the set's time span later
(plus a margin wider than the linking window), as if the news year repeated: the density of reports
per speaker and time window stays that of real news, which is what near-linear linking relies on,
so the growth from 10k to 100k measures the algorithm and not a denser synthetic world. Embeddings
are computed once per distinct text and cached under ``.cache/`` (the first run embeds a few thousand texts:
minutes), so the timings are of linking alone: candidate pairs by speaker and time window, pair
scoring, grouping and choosing each statement's date and wording (``build_statements``).
"""

from __future__ import annotations

import argparse
import csv
import re
import resource
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"
SIZES = (10_000, 100_000)
# copies are this much further apart than the set's span: beyond the window plus the lookback
MARGIN_DAYS = 60
# distinct texts embedded (once, then cached): enough for realistic density, bounded first-run cost
BASE_LIMIT = 5_000

sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from onrecord.models import StatementDate  # noqa: E402
from onrecord.timeline.statements import ReportRow, build_statements, embed_text  # noqa: E402
from timeline_eval import cached_embed  # noqa: E402

_NAME = re.compile(r"^(?:[A-Z][\w.'-]+\s+){0,3}[A-Z][\w'-]+$")


def base_rows(limit: int) -> list[ReportRow]:
    """PolNeAR train attributions with a named source, oldest first."""
    from score_attributions import parse_ann  # type: ignore[import-not-found]

    published: dict[str, date] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["compartment"] == "train":
                published[row["filename"]] = date.fromisoformat(row["publication_date"])
    rows: list[ReportRow] = []
    seen: set[str] = set()
    for ann in sorted((POLNEAR / "train" / "attributions").glob("*.ann")):
        stem = ann.name.rsplit("_", 1)[0]
        if stem in seen or stem not in published:
            continue
        seen.add(stem)
        text = (POLNEAR / "train" / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        for k, a in enumerate(parse_ann(ann.read_text(encoding="utf-8"))):
            source = " ".join(text[x:y] for x, y in a["source"]).strip()
            if not _NAME.match(source):
                continue
            content = " ".join(text[x:y] for x, y in a["content"])
            cue = " ".join(text[x:y] for x, y in a["cue"]) or None
            speaker = source.split()[-1].casefold()  # surnames: "Trump", "Donald Trump", "Mr. Trump"
            day = published[stem]
            rows.append(
                ReportRow(
                    f"{stem}:{k}",
                    stem,
                    speaker,
                    "direct",
                    cue,
                    content,
                    StatementDate(day.isoformat(), "article"),
                    day,
                    stem.split("_", 1)[0],
                    a["content"][0][0],
                )
            )
    rows.sort(key=lambda r: (r.published or date.min, r.id))
    return rows[:limit]


def replicate(rows: list[ReportRow], n: int) -> list[ReportRow]:
    days = [r.published for r in rows if r.published]
    span = (max(days) - min(days)).days + MARGIN_DAYS
    out: list[ReportRow] = []
    k = 0
    while len(out) < n:
        shift = timedelta(days=span * k)
        for r in rows:
            if len(out) == n:
                break
            day = (r.published or date(2016, 1, 1)) + shift
            out.append(
                replace(
                    r,
                    id=f"{r.id}#{k}",
                    article=f"{r.article}#{k}",
                    published=day,
                    date=StatementDate(day.isoformat(), "article"),
                )
            )
        k += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    if not POLNEAR.exists():
        print(f"{POLNEAR} not found: the linking benchmark needs ../shared/corpora", file=sys.stderr)
        return 0
    rows = base_rows(limit=min(max(args.sizes), BASE_LIMIT))
    vectors = cached_embed([embed_text(r.cue, r.content) for r in rows])
    by_id = {r.id: k for k, r in enumerate(rows)}
    print(
        f"{len(rows)} distinct PolNeAR train attributions with a named source, "
        "replicated one time span after another"
    )
    print(f"{'attributions':>12} {'seconds':>8} {'statements':>10} {'linked':>7} {'per 1k (ms)':>11}")
    timings: list[tuple[int, float]] = []
    for n in args.sizes:
        copies = replicate(rows, n)
        vecs = vectors[[by_id[r.id.rsplit("#", 1)[0]] for r in copies]]
        started = time.perf_counter()
        built = build_statements(copies, vecs)
        seconds = time.perf_counter() - started
        linked = sum(1 for s in built if len(s.members) > 1)
        timings.append((n, seconds))
        print(f"{n:>12} {seconds:>8.2f} {len(built):>10} {linked:>7} {1000 * seconds / n * 1000:>11.1f}")
    if len(timings) >= 2:
        (n0, t0), (n1, t1) = timings[0], timings[-1]
        growth = t1 / t0 if t0 else float("nan")
        scale = n1 / n0
        print(f"growth {n0} -> {n1}: x{growth:.1f} time for x{scale:.0f} attributions (linear: x{scale:.0f})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
