"""Commands over statements: ``timeline``, ``statements`` and ``export``.

Registered on the ``onrecord`` command group when ``onrecord.cli`` is imported.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from rich.table import Column
from rich.text import Text

from onrecord.cli import _table as make_table
from onrecord.cli import cli, db_option, out, topics_option
from onrecord.errors import OnRecordError
from onrecord.models import Statement
from onrecord.serialize import attribution_json, entity_json, statement_json
from onrecord.service import Service

DATE = click.DateTime(formats=["%Y-%m-%d"])
FORMATS = ("table", "jsonl", "csv")


def _filters(func: Any) -> Any:
    func = click.option(
        "--until", type=DATE, metavar="YYYY-MM-DD", help="Only statements made on or before."
    )(func)
    func = click.option("--since", type=DATE, metavar="YYYY-MM-DD", help="Only statements made on or after.")(
        func
    )
    func = click.option(
        "--topic", metavar="TOPIC", help="Only statements on this topic (see --list-topics)."
    )(func)
    return func


def _day(d: datetime | None) -> Any:
    return d.date() if d else None


def _date_label(s: Statement) -> str:
    if s.date.value is None:
        return f"unknown ({s.date.text})" if s.date.text else "unknown"
    value = s.date.value
    if s.date.precision == "month":
        value = value[:7]
    elif s.date.precision == "year":
        value = value[:4]
    elif s.date.precision == "week":
        value = f"week of {value}"
    # "article": the report did not say when; the date is the (first) publication
    return value + (" (published)" if s.date.precision == "article" else "")


def _sources(s: Statement) -> str:
    seen: list[str] = []
    for r in s.reports:
        name = r.outlet or r.title or r.attribution.article
        if name not in seen:
            seen.append(name)
    return ", ".join(seen)


def _print_table(rows: list[Statement], title: str) -> None:
    table = make_table(
        title,
        Column("date", no_wrap=True),
        Column("speaker", ratio=1),
        Column("statement", ratio=4),
        Column("reported by", ratio=2),
        Column("topics", ratio=1),
        show_lines=True,
    )
    for s in rows:
        said = Text(s.text)
        flags = [x for x in s.shifts if x.b == s.id]
        if flags:
            said.append(
                f"\n⚑ possible shift ({flags[0].reason}: {flags[0].detail}) vs {flags[0].a}", style="yellow"
            )
        table.add_row(
            Text(_date_label(s)),
            Text(s.speaker.name or s.speaker.id),
            said,
            Text(f"{len(s.reports)} report{'s' * (len(s.reports) != 1)}: {_sources(s)}"),
            Text(", ".join(name for name, _ in s.topics) or "-"),
        )
    out.print(table)


def _csv_row(s: Statement) -> dict[str, Any]:
    return {
        "id": s.id,
        "date": s.date.value or "",
        "precision": s.date.precision,
        "date_text": s.date.text or "",
        "speaker_id": s.speaker.id,
        "speaker": s.speaker.name or "",
        "topics": ";".join(name for name, _ in s.topics),
        "text": s.text,
        "reports": len(s.reports),
        "outlets": _sources(s),
        "articles": ";".join(r.attribution.article for r in s.reports),
        "attributions": ";".join(r.attribution.id for r in s.reports),
        "shifts": ";".join(f"{x.a}>{x.b}:{x.reason}" for x in s.shifts),
    }


def _emit(rows: list[Statement], fmt: str, title: str) -> None:
    if fmt == "jsonl":
        for s in rows:
            click.echo(json.dumps(statement_json(s), ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(_csv_row(rows[0]).keys()) if rows else ["id"])
        writer.writeheader()
        for s in rows:
            writer.writerow(_csv_row(s))
        click.echo(buf.getvalue(), nl=False)
    elif not rows:
        out.print("No statements match.")
    else:
        _print_table(rows, title)


@cli.command()
@click.option(
    "--speaker", required=True, metavar="NAME", help="Whose statements (any part of the name, any case)."
)
@_filters
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@topics_option
@db_option
def timeline(
    speaker: str,
    topic: str | None,
    since: datetime | None,
    until: datetime | None,
    fmt: str,
    topics: str | None,
    db: str,
) -> None:
    """A speaker's statements in date order, each with the outlets that reported it.

    Dates are when the statement was made as far as the reports say ("on Sunday" resolved against
    the publication date); "(published)" marks a statement whose reports gave no closer date.
    Candidate shifts in position are flagged for review, never asserted.
    """
    with Service(db, topics=topics) as service:
        rows = service.statements(speaker=speaker, topic=topic, since=_day(since), until=_day(until))
    names = sorted({s.speaker.name or s.speaker.id for s in rows}) or [speaker]
    title = f"Timeline of {', '.join(names)}: {len(rows)} statement{'s' * (len(rows) != 1)}"
    _emit(rows, fmt, title + (f" on {topic}" if topic else ""))


@cli.command()
@click.option("--speaker", metavar="NAME", help="Only this speaker (any part of the name, any case).")
@_filters
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--list-topics", is_flag=True, help="Print the topics of the taxonomy in use and exit.")
@topics_option
@db_option
def statements(
    speaker: str | None,
    topic: str | None,
    since: datetime | None,
    until: datetime | None,
    fmt: str,
    list_topics: bool,
    topics: str | None,
    db: str,
) -> None:
    """Statements (one utterance, every report of it), oldest first; JSON Lines by default.

    Each line is an ``onrecord.statement/1`` record: speaker, date, topics, the wording that stands
    for it, every report with its article, outlet, publication date and exact offsets, and
    candidate shifts.
    """
    with Service(db, topics=topics) as service:
        if list_topics:
            for name, description in service.topics():
                out.print(Text(f"{name}: {description}"))
            return
        rows = service.statements(speaker=speaker, topic=topic, since=_day(since), until=_day(until))
    _emit(rows, fmt, f"{len(rows)} statement{'s' * (len(rows) != 1)} in {db}")


# -- export ----------------------------------------------------------------------------------------


def _flat(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested JSON flattened to columns (``content.start``); lists become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def _columns(records: list[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for r in records:
        names.update(dict.fromkeys(r))
    return list(names)


def _write_atomic(path: Path, write: Any) -> None:
    """Write through a temporary file in the same folder, renamed into place only when complete.

    The file gets the permissions any new file gets (mkstemp's private 0600 would survive the rename).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(records: list[dict[str, Any]], path: Path, fmt: str) -> None:
    if fmt == "jsonl":

        def jsonl(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")

        _write_atomic(path, jsonl)
        return
    flat = [_flat(r) for r in records]
    columns = _columns(flat)
    if fmt == "csv":

        def as_csv(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=columns or ["id"])
                writer.writeheader()
                writer.writerows(flat)

        _write_atomic(path, as_csv)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in flat]) if flat else pa.table({})
    _write_atomic(path, lambda tmp: pq.write_table(table, tmp))


def _records(service: Service) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    yield (
        "attributions",
        [
            attribution_json(r.attribution)
            | {"published": r.published.isoformat() if r.published else None, "outlet": r.outlet}
            for r in service.attributions()
        ],
    )
    yield "statements", [statement_json(s) for s in service.statements()]
    yield "entities", [entity_json(e) for e in service.entities()]


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(("jsonl", "csv", "parquet")), default="jsonl", show_default=True
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("export"),
    show_default=True,
    help="Folder to write attributions, statements and entities into (created if missing).",
)
@db_option
def export(fmt: str, out_dir: Path, db: str) -> None:
    """Write every attribution, statement and entity to files: JSON Lines, CSV or Parquet.

    JSON Lines keeps the nested records as ``onrecord extract`` and ``statements`` print them; CSV
    and Parquet flatten them into columns (``content.start``; lists as JSON text). Each file is
    written completely or not at all.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OnRecordError(f"cannot create {out_dir}: {e.strerror}") from e
    with Service(db) as service:
        written: list[tuple[Path, int]] = []
        for name, records in _records(service):
            path = out_dir / f"{name}.{fmt}"
            try:
                _write(records, path, fmt)
            except OSError as e:
                raise OnRecordError(f"cannot write {path}: {e.strerror}") from e
            written.append((path, len(records)))
    for path, n in written:
        out.print(Text(f"{path}: {n} record{'s' * (n != 1)}"))
