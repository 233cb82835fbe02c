"""Draw a sample of the candidate shifts that onrecord flags on PolNeAR, for hand labelling.

A shift flag (``onrecord.timeline.shifts``) says that two statements of one speaker on one topic
may be in tension: one side negated (``negation``), different numbers (``number``), or "never"
against a stated time (``deadline``). How often such a flag is worth an analyst's time can only be
measured by reading flags, so this script produces the flags to read:

1. write the PolNeAR articles (``{train,dev}/text/*.txt``, publisher and publication date from
   ``metadata.tsv``) as onrecord ingest input, one JSON object per line:
   ``{"id": filename, "text", "published": "YYYY-MM-DD", "outlet": publisher}``;
2. ingest them into a fresh SQLite database with ``onrecord ingest FILE --db DB`` (the timeline,
   and with it the shifts, is refreshed at the end of the ingest; about ten minutes for the 924
   articles, most of it spent embedding);
3. read every statement with ``onrecord statements --format jsonl --db DB`` and collect the
   flagged shifts (each statement lists the shifts it takes part in; ``a`` is the earlier one);
4. draw a deterministic sample: at most ``--per-pair`` flags per speaker and topic, stratified by
   ``reason`` (each reason gets an equal share of ``--size``, a reason with fewer flags gives its
   unused share to the others), seeded;
5. write the sample without labels, one row per flag:
   ``{"a": {"statement", "date", "speaker", "text", "articles"}, "b": {...}, "topic", "reason",
   "detail", "score", "right": null, "note": ""}``.

The labels are not produced here: a person read both statements (and their articles where the
text alone did not settle it) and set ``right`` and ``note``; the labelled rows are stored in
``tests/data/shift_flags.jsonl``. ``--labels FILE`` prints the counts of a labelled file (flags,
right, by reason).

Run: ``python3 benchmarks/build_shift_sample.py [--workdir DIR] [--out FILE]`` (about ten minutes);
``--skip-ingest`` samples from the database of an earlier run, ``--skip-ingest --refresh`` recomputes
its timeline first (after a change to the detector); ``--train-limit N`` ingests only the dev split
and the first N train articles, for a quicker run.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"
DEFAULT_WORKDIR = Path("/tmp/onrecord-shift-sample")
SPLITS = ("train", "dev")
SAMPLE_SIZE = 80  # flags drawn in all; enough to tell 30% from 60% right, few enough to read them all
PER_PAIR = 2  # flags kept per (speaker, topic): one talkative speaker on one topic would flood the sample
SEED = 20161108

Row = dict[str, Any]


def onrecord_command() -> list[str]:
    """The onrecord CLI next to the running interpreter (the project's .venv), else on PATH."""
    beside = Path(sys.executable).parent / "onrecord"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("onrecord")
    if found is None:
        raise SystemExit("onrecord is not installed: run `make` first or put it on PATH")
    return [found]


def read_metadata(corpus: Path) -> dict[str, dict[str, str]]:
    with (corpus / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def write_articles(corpus: Path, out: Path, train_limit: int | None) -> int:
    """Write the corpus as onrecord ingest input (JSON Lines); returns the number of articles."""
    meta = read_metadata(corpus)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for split in SPLITS:
            paths = sorted((corpus / split / "text").glob("*.txt"))
            if split == "train" and train_limit is not None:
                paths = paths[:train_limit]
            for path in paths:
                row = meta.get(path.stem, {})
                record: Row = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
                if row.get("publication_date"):
                    record["published"] = row["publication_date"]
                if row.get("publisher"):
                    record["outlet"] = row["publisher"]
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def ingest(articles: Path, db: Path) -> None:
    """Ingest into a fresh database (an old one is removed so that the flags are this run's)."""
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    started = time.monotonic()
    done = subprocess.run([*onrecord_command(), "ingest", str(articles), "--db", str(db), "--quiet"])
    print(f"ingest: exit {done.returncode} after {time.monotonic() - started:.0f}s", file=sys.stderr)
    if done.returncode not in (0, 1):  # 1: some inputs rejected, the rest went in
        raise SystemExit(done.returncode)


def refresh(db: Path) -> None:
    """Recompute statements, topics and shifts of an existing database with the installed onrecord.

    The timeline is derived from the stored reports, so a change to the shift detector can be
    sampled again in a minute or two instead of ingesting everything again.
    """
    from onrecord.service import Service

    started = time.monotonic()
    with Service(str(db)) as service:
        summary = service.refresh_timeline()
    seconds = time.monotonic() - started
    print(f"timeline refreshed: {summary.shifts} shifts after {seconds:.0f}s", file=sys.stderr)


def read_statements(db: Path) -> list[Row]:
    done = subprocess.run(
        [*onrecord_command(), "statements", "--format", "jsonl", "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def article_names(db: Path, articles: Path) -> dict[str, str]:
    """Stored article id -> the id it was given in the input (the PolNeAR filename).

    ``onrecord articles`` shows where each article was read from (``FILE:LINE`` for JSON Lines);
    the line of the ingest input holds the filename.
    """
    given: dict[int, str] = {}
    if articles.exists():
        with articles.open(encoding="utf-8") as f:
            given = {n: str(json.loads(line)["id"]) for n, line in enumerate(f, start=1) if line.strip()}
    done = subprocess.run(
        [*onrecord_command(), "articles", "--json", "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    names: dict[str, str] = {}
    for row in json.loads(done.stdout):
        source, _, line = str(row["source"]).rpartition(":")
        found = line.isdigit() and Path(source).name == articles.name and int(line) in given
        names[str(row["id"])] = given[int(line)] if found else str(row["source"])
    return names


def side(statement: Row, names: dict[str, str]) -> Row:
    """One statement of a flag as the labeller reads it: date, speaker name, wording, articles."""
    articles = sorted({names.get(str(r["article"]), str(r["article"])) for r in statement.get("reports", [])})
    speaker = statement.get("speaker") or {}
    date = statement.get("date") or {}
    return {
        "statement": statement["id"],
        "date": date.get("value"),
        "speaker": speaker.get("name"),
        "speaker_id": speaker.get("id"),
        "text": statement.get("text"),
        "articles": articles,
    }


def collect_flags(statements: list[Row], names: dict[str, str]) -> list[Row]:
    """Every flagged shift once, with both statements spelled out."""
    by_id = {str(s["id"]): s for s in statements}
    flags: dict[tuple[str, str, str], Row] = {}
    for s in statements:
        for shift in s.get("shifts") or []:
            key = (str(shift["a"]), str(shift["b"]), str(shift["topic"]))
            if key in flags or key[0] not in by_id or key[1] not in by_id:
                continue
            flags[key] = {
                "a": side(by_id[key[0]], names),
                "b": side(by_id[key[1]], names),
                "topic": shift["topic"],
                "reason": shift["reason"],
                "detail": shift.get("detail"),
                "score": shift.get("score"),
                "right": None,
                "note": "",
            }
    order = sorted(flags.items(), key=lambda kv: (str(kv[1]["reason"]), kv[0]))
    return [flag for _, flag in order]


def speaker_of(flag: Row) -> str:
    return str(flag["a"].get("speaker_id") or flag["a"].get("speaker"))


def draw(flags: list[Row], size: int, per_pair: int, seed: int) -> list[Row]:
    """Seeded sample stratified by reason, at most ``per_pair`` flags per (speaker, topic)."""
    rng = random.Random(seed)
    shuffled = list(flags)
    rng.shuffle(shuffled)
    # The rarest reason takes its flags first, so that the cap per (speaker, topic) does not spend a
    # pair's two places on common negation flags when a rarer number flag is there too.
    size_of = Counter(str(f["reason"]) for f in flags)
    shuffled.sort(key=lambda f: size_of[str(f["reason"])])  # stable: random order within a reason
    kept_per_pair: Counter[tuple[str, str]] = Counter()
    pools: dict[str, list[Row]] = defaultdict(list)
    for flag in shuffled:  # the cap is applied in random order, so which two survive is not biased
        pair = (speaker_of(flag), str(flag["topic"]))
        if kept_per_pair[pair] < per_pair:
            kept_per_pair[pair] += 1
            pools[str(flag["reason"])].append(flag)
    chosen: list[Row] = []
    reasons = sorted(pools)
    left = size
    # Equal shares; a reason with fewer flags than its share hands the rest to the larger ones.
    for k, reason in enumerate(sorted(reasons, key=lambda r: len(pools[r]))):
        share = left // (len(reasons) - k)
        take = pools[reason][:share]
        chosen.extend(take)
        left -= len(take)
    return sorted(chosen, key=lambda r: (r["reason"], -float(r["score"] or 0), r["a"]["statement"]))


def published(row: Row) -> Row:
    """The row as written: the speaker's entity id only served the cap per (speaker, topic)."""
    sides = {k: {f: v for f, v in row[k].items() if f != "speaker_id"} for k in ("a", "b")}
    return row | sides


def report_labels(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total: Counter[str] = Counter(str(r["reason"]) for r in rows)
    right: Counter[str] = Counter(str(r["reason"]) for r in rows if r.get("right") is True)
    unlabelled = sum(1 for r in rows if r.get("right") is None)
    n_right = sum(right.values())
    share = n_right / max(len(rows), 1)
    print(f"{path}: {len(rows)} flags, {n_right} right ({share:.0%}), {unlabelled} unlabelled")
    for reason in sorted(total):
        n, k = total[reason], right[reason]
        print(f"  {reason:<9} {n:>3} flags, {k:>3} right ({k / n:.0%})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="ingest input and database")
    parser.add_argument("--db", type=Path, help="database (default: WORKDIR/polnear.db)")
    parser.add_argument("--out", type=Path, help="unlabelled sample (default: in WORKDIR)")
    parser.add_argument("--train-limit", type=int, help="ingest only the first N train articles, and dev")
    parser.add_argument("--skip-ingest", action="store_true", help="sample from an existing database")
    parser.add_argument("--refresh", action="store_true", help="recompute the timeline (with --skip-ingest)")
    parser.add_argument("--size", type=int, default=SAMPLE_SIZE)
    parser.add_argument("--per-pair", type=int, default=PER_PAIR)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--labels", type=Path, help="print the counts of a labelled file and exit")
    args = parser.parse_args(argv)
    if args.labels is not None:
        report_labels(args.labels)
        return 0
    workdir: Path = args.workdir
    db: Path = args.db or workdir / "polnear.db"
    out: Path = args.out or workdir / "shift_flags_unlabelled.jsonl"
    articles = workdir / "polnear_articles.jsonl"
    if not args.skip_ingest:
        n = write_articles(args.corpus, articles, args.train_limit)
        print(f"wrote {n} articles to {articles}", file=sys.stderr)
        ingest(articles, db)
    elif args.refresh:
        refresh(db)
    statements = read_statements(db)
    flags = collect_flags(statements, article_names(db, articles))
    by_reason = Counter(str(f["reason"]) for f in flags)
    print(f"{len(statements)} statements, {len(flags)} flagged shifts: {dict(sorted(by_reason.items()))}")
    sample = draw(flags, args.size, args.per_pair, args.seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for row in sample:
            f.write(json.dumps(published(row), ensure_ascii=False) + "\n")
    drawn = Counter(str(r["reason"]) for r in sample)
    print(f"sample of {len(sample)} written to {out}: {dict(sorted(drawn.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
