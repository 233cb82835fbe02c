"""The ``onrecord`` command line.

Exit codes: 0 when every input went in, 1 when some inputs were rejected (or an operation failed),
2 on usage errors, 130 when interrupted. Lists print as tables, or as JSON with ``--json``.
Everything printed from an article is printed without markup interpretation: article text is
data, never formatting instructions.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Column, Table
from rich.text import Text

from onrecord import __version__, settings
from onrecord.errors import OnRecordError, UsageError
from onrecord.ingest import InputFile
from onrecord.models import Attribution, Notice, Rejection
from onrecord.serialize import article_summary_json, entity_json, iso_date
from onrecord.service import IngestReport, Service
from onrecord.store import SpeakerSummary, StoredArticle

F = TypeVar("F", bound=Callable[..., Any])

# Off a terminal (pipes, CI logs) rich would assume 80 columns and fold every table cell.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Snippets of removed text shown by `show` are cut to this many characters.
SNIPPET_CHARS = 72
# A stage after reading gets a progress bar when it has at least this many items to do.
STAGE_BAR_MIN = 200


def db_option(func: F) -> F:
    s = settings.setting("db")
    return click.option(
        "--db", envvar=s.env, default=str(s.default), show_default=True, help=s.help, metavar="PATH|URL"
    )(func)


def _yaml_file_option(name: str) -> Callable[[F], F]:
    """``--entities`` / ``--topics``: a user's YAML file, defaulting to the setting of that name."""
    s = settings.setting(name)
    return click.option(
        f"--{name}",
        envvar=s.env,
        default=None,
        type=click.Path(dir_okay=False),
        help=s.help,
        metavar="FILE.yaml",
    )


entities_option = _yaml_file_option("entities")
topics_option = _yaml_file_option("topics")


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def cli() -> None:
    """Turn news articles into a source-linked record of who said what, to whom, and when."""


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


class _ProgressListener:
    """Shows a progress bar over input files and prints each rejection as one line."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.progress: Progress | None = None
        self.stages: dict[str, TaskID] = {}

    def inputs_found(self, total: int) -> None:
        if not self.quiet and err.is_terminal and total > 1:
            self.progress = _progress()
            self.task = self.progress.add_task("reading", total=total)
            self.progress.start()

    def input_started(self, inp: InputFile) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=_short(inp.name, 40))

    def input_done(self, inp: InputFile) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)

    def rejected(self, rejection: Rejection) -> None:
        err.print(Text(f"rejected: {rejection.source}: {rejection.reason} [{rejection.stage}]"), style="red")

    def notice(self, notice: Notice) -> None:
        if not self.quiet:
            err.print(Text(f"note: {notice.source}: {notice.message}"), style="yellow")

    def stage_progress(self, stage: str, done: int, total: int) -> None:
        """Long stages after reading (embedding thousands of statements) get a bar of their own."""
        if self.quiet or not err.is_terminal or total < STAGE_BAR_MIN:
            return
        if self.progress is None:
            self.progress = _progress()
            self.progress.start()
        if stage not in self.stages:
            self.stages[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.stages[stage], completed=done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@entities_option
@topics_option
@click.option("-q", "--quiet", is_flag=True, help="Print only rejections and errors.")
@json_option
def ingest(
    paths: tuple[str, ...], db: str, entities: str | None, topics: str | None, quiet: bool, as_json: bool
) -> None:
    """Read articles from files, directories (recursively) or - (standard input) into the store.

    Plain text (.txt), HTML (.html, .htm, .html.gz), JSON Lines (.jsonl, one article per line) and
    WARC (.warc, .warc.gz) are read. Running it again on the same inputs changes nothing.
    """
    listener = _ProgressListener(quiet)
    with Service(db, entities=entities, topics=topics) as service:
        try:
            with _stop_on_interrupt() as stop:
                report = service.ingest(list(paths), listener, stop=stop)
        except KeyboardInterrupt:
            listener.stop()
            n = service.store.count_articles()
            err.print(
                f"interrupted: {db} holds {n} complete articles; run the same command again to resume.",
                style="yellow",
            )
            sys.exit(130)
        finally:
            listener.stop()
    if as_json:
        out.print_json(json.dumps(_report_json(report, db)))
    elif not quiet:
        out.print(Text(_summary(report, db)))
    sys.exit(0 if report.ok else 1)


@contextlib.contextmanager
def _stop_on_interrupt() -> Iterator[threading.Event]:
    """The first Ctrl-C asks the run to stop before its next article (raising at an arbitrary
    point could land inside the database driver, which may swallow it); a second one stops at once."""
    stop = threading.Event()

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    if threading.current_thread() is not threading.main_thread():
        yield stop  # only the main thread may install a signal handler; Ctrl-C then stops at once
        return
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _summary(r: IngestReport, db: str) -> str:
    parts = [f"{r.stored} new article{'s' * (r.stored != 1)} stored in {db}"]
    if r.already_stored:
        filled = f", {r.completed} given metadata they lacked" if r.completed else ""
        parts.append(f"{r.already_stored} already there{filled}")
    if r.near_duplicates:
        parts.append(f"{r.near_duplicates} near-duplicate{'s' * (r.near_duplicates != 1)} recorded")
    accepted = r.inputs - r.inputs_with_rejections
    line = (
        f"{', '.join(parts)}. Inputs: {r.inputs} read, {accepted} accepted, "
        f"{r.inputs_with_rejections} with rejections"
    )
    if r.rejections:
        line += (
            f" ({len(r.rejections)} rejected item{'s' * (len(r.rejections) != 1)}; see `onrecord rejections`)"
        )
    if r.skipped_files:
        line += f"; {len(r.skipped_files)} file(s) of other types skipped"
    if r.statements:
        line += (
            f". The store holds {r.statements} statement{'s' * (r.statements != 1)}"
            f" ({r.linked_statements} reported in more than one article)"
        )
    return f"{line}. [{r.seconds:.1f} s]"


def _report_json(r: IngestReport, db: str) -> dict[str, Any]:
    return {
        "db": db,
        "inputs": r.inputs,
        "inputs_accepted": r.inputs - r.inputs_with_rejections,
        "inputs_with_rejections": r.inputs_with_rejections,
        "stored": r.stored,
        "already_stored": r.already_stored,
        "completed": r.completed,
        "near_duplicates": r.near_duplicates,
        "stored_ids": r.stored_ids,
        "rejected": [{"source": x.source, "stage": x.stage, "reason": x.reason} for x in r.rejections],
        "notices": [{"source": n.source, "message": n.message} for n in r.notices],
        "skipped_files": list(r.skipped_files),
        "seconds": round(r.seconds, 3),
    }


@cli.command()
@db_option
@entities_option
@topics_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def reprocess(db: str, entities: str | None, topics: str | None, quiet: bool) -> None:
    """Clean and attribute every stored article again (after upgrading onrecord).

    The text as read is kept; what is derived from it (body, removals, title and date found in
    the text, attributions) is recomputed, one article per transaction; then entities, statements,
    topics and shifts. Pass --topics to rescore every statement against another taxonomy.
    """
    with Service(db, entities=entities, topics=topics) as service:
        total = service.store.count_articles()
        listener = _ProgressListener(quiet)
        try:
            with _stop_on_interrupt() as stop:
                report = service.reprocess(listener, stop=stop)
        finally:
            listener.stop()
    if not quiet:
        out.print(Text(f"{report.stored} of {total} articles reprocessed in {db}. [{report.seconds:.1f} s]"))


@cli.command()
@db_option
@json_option
def articles(db: str, as_json: bool) -> None:
    """List the stored articles, oldest first (undated ones last)."""
    with Service(db) as service:
        rows = service.articles()
    if as_json:
        out.print_json(json.dumps([article_summary_json(a) for a in rows]))
        return
    if not rows:
        out.print(f"No articles in {db} yet. Add some with: onrecord ingest PATH --db {db}")
        return
    table = _table(
        f"{len(rows)} article{'s' * (len(rows) != 1)} in {db}",
        Column("id", no_wrap=True),
        Column("published", no_wrap=True),
        Column("outlet"),
        Column("words", justify="right"),
        Column("removed", justify="right"),
        Column("title", ratio=3),
        Column("source", ratio=2),
    )
    for a in rows:
        title = Text(a.title or "(no title)")
        if a.duplicate_of:
            title.append(f"  [near-duplicate of {a.duplicate_of}]", style="yellow")
        table.add_row(
            a.id,
            iso_date(a.published) or "unknown",
            Text(a.outlet or "-"),
            str(a.words),
            str(a.removed),
            title,
            Text(a.source),
        )
    out.print(table)


@cli.command()
@click.argument("article")
@db_option
@json_option
def show(article: str, db: str, as_json: bool) -> None:
    """Show one article: metadata, cleaned text, and what cleaning removed and why.

    ARTICLE is the article's id (or a unique prefix of it), its own id from JSON Lines, or the
    source path as it was ingested.
    """
    with Service(db) as service:
        a = service.article(article)
    if as_json:
        out.print_json(json.dumps(article_json(a)))
        return
    out.print(Text(a.title or "(no title)", style="bold"))
    published = iso_date(a.published) or "unknown"
    if a.published and a.published_source:
        published += f" (from {a.published_source})"
    for label, value in (
        ("id", a.id),
        ("published", published),
        ("outlet", a.outlet or "unknown"),
        ("source", ", ".join(a.sources)),
        ("url", a.url or "-"),
    ):
        out.print(Text(f"{label:>10}: {value}", style="dim"))
    if a.duplicate_of:
        out.print(
            Text(f"{'':>10}  near-duplicate of {a.duplicate_of[0]} (similarity {a.duplicate_of[1]:.2f})")
        )
    out.print()
    out.print(Text(a.body))
    out.print()
    out.print(Text(f"Removed ({len(a.removed)}):", style="bold"))
    for r in a.removed:
        snippet = " ".join(a.text[r.start : r.end].split())
        out.print(Text(f"  {r.start:>6}-{r.end:<6} {r.reason:<24} {_short(snippet, SNIPPET_CHARS)}"))


def article_json(a: StoredArticle) -> dict[str, Any]:
    """The stable `show --json` shape: exactly these keys."""
    return {
        "id": a.id,
        "title": a.title,
        "published": iso_date(a.published),
        "outlet": a.outlet,
        "source": a.sources[0] if a.sources else None,
        "text": a.body,
        "removed": [{"start": r.start, "end": r.end, "reason": r.reason} for r in a.removed],
    }


@cli.command()
@db_option
@json_option
def rejections(db: str, as_json: bool) -> None:
    """List inputs that produced no article, with the stage that refused them and why."""
    with Service(db) as service:
        rows = service.rejections()
    if as_json:
        out.print_json(
            json.dumps(
                [
                    {
                        "source": r.source,
                        "stage": r.stage,
                        "reason": r.reason,
                        "seen_at": r.seen_at.isoformat(),
                    }
                    for r in rows
                ]
            )
        )
        return
    if not rows:
        out.print(f"No rejected inputs recorded in {db}.")
        return
    table = _table(
        f"{len(rows)} rejected input(s) in {db}", Column("source"), Column("stage"), Column("reason")
    )
    for r in rows:
        table.add_row(Text(r.source), r.stage, Text(r.reason))
    out.print(table)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default=None,
    help="jsonl: one onrecord.attribution/1 record per line; table: for reading. "
    "Default: table on a terminal, jsonl otherwise.",
)
@click.option(
    "--no-clean", is_flag=True, help="The inputs are article text already: do not remove boilerplate."
)
@click.option("-q", "--quiet", is_flag=True, help="Print only rejections and errors on stderr.")
def extract(paths: tuple[str, ...], fmt: str | None, no_clean: bool, quiet: bool) -> None:
    """Print the attributions (who said what) found in FILE... without using a database.

    Offsets index each file's text as read; `article` is the path as given (or the record's id in
    JSON Lines). Reads the same formats as `ingest`.
    """
    from onrecord.serialize import attribution_json
    from onrecord.service import Extracted, extract_files

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    listener = _ProgressListener(quiet)
    rows: list[Extracted] = []
    rejected = 0
    for item in extract_files(list(paths), clean=not no_clean, listener=listener):
        if not isinstance(item, Extracted):
            rejected += 1
        elif fmt == "jsonl":
            for a in item.attributions:
                sys.stdout.write(json.dumps(attribution_json(a), ensure_ascii=False) + "\n")
        else:
            rows.append(item)
    if fmt == "table":
        total = sum(len(r.attributions) for r in rows)
        pairs = [(_short(r.article, 40), a) for r in rows for a in r.attributions]
        out.print(_attribution_table(f"{total} attribution{'s' * (total != 1)}", "article", pairs))
    sys.exit(1 if rejected else 0)


def _speaker_label(a: Attribution) -> str:
    """The resolved name, with the local mention beside it when that says something else."""
    # an unnamed source's name is only its description: the mention says it in full
    name = a.speaker.name if a.speaker and a.speaker.type != "unknown" else None
    mention = a.speaker_mention.text if a.speaker_mention else "?"
    return name if name and name == mention else f"{name or 'unknown'} ({mention})"


def _attribution_table(title: str, first: str, rows: list[tuple[str, Attribution]]) -> Table:
    """Attributions for reading: ``first`` names the leading column (article or date)."""
    table = _table(
        title,
        Column(first, ratio=1),
        Column("speaker", ratio=1),
        Column("cue"),
        Column("kind"),
        Column("content", ratio=4),
        show_lines=True,
    )
    for lead, a in rows:
        table.add_row(
            Text(lead),
            Text(_speaker_label(a)),
            Text(a.cue.text if a.cue else "-"),
            a.kind,
            Text(a.content.text),
        )
    return table


def _table(title: str, *columns: Column, show_lines: bool = False) -> Table:
    return Table(*columns, title=title, title_justify="left", show_lines=show_lines)


@cli.command()
@db_option
@click.option("--speaker", metavar="NAME", help="Only this speaker (any part of the name, any case).")
@click.option(
    "--kind", type=click.Choice(["direct", "indirect", "mixed"]), help="Only this kind of attribution."
)
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), help="Only from articles published on or after this date."
)
@json_option
def quotes(db: str, speaker: str | None, kind: str | None, since: Any, as_json: bool) -> None:
    """List stored attributions (who said what), oldest article first."""
    from onrecord.serialize import attribution_json

    with Service(db) as service:
        rows = service.attributions(speaker=speaker, kind=kind, since=since.date() if since else None)
    if as_json:
        out.print_json(
            json.dumps([attribution_json(r.attribution) | {"published": iso_date(r.published)} for r in rows])
        )
        return
    if not rows:
        out.print("No attributions match.")
        return
    title = f"{len(rows)} attribution{'s' * (len(rows) != 1)} in {db}"
    pairs = [(iso_date(r.published) or "unknown", r.attribution) for r in rows]
    out.print(_attribution_table(title, "published", pairs))


@cli.command()
@db_option
@entities_option
@json_option
def speakers(db: str, entities: str | None, as_json: bool) -> None:
    """List the people, organisations and groups quoted, merged across articles, most reported first."""
    with Service(db, entities=entities) as service:
        if entities is not None:
            service.refresh_entities()
        rows = service.speakers()
    if as_json:
        out.print_json(json.dumps([_speaker_json(r) for r in rows]))
        return
    if not rows:
        out.print(f"No speakers in {db} yet.")
        return
    table = _table(
        f"{len(rows)} speaker{'s' * (len(rows) != 1)} in {db}",
        Column("speaker", ratio=2),
        Column("type"),
        Column("also written", ratio=2),
        Column("roles", ratio=3),
        Column("attributions", justify="right"),
        Column("articles", justify="right"),
        Column("first"),
        Column("last"),
    )
    for r in rows:
        e = r.entity
        table.add_row(
            Text(e.name),
            e.type,
            Text(", ".join(e.aliases)),
            Text(", ".join(role.text for role in e.roles)),
            str(r.attributions),
            str(r.articles),
            iso_date(r.first) or "-",
            iso_date(r.last) or "-",
        )
    out.print(table)


def _speaker_json(r: SpeakerSummary) -> dict[str, Any]:
    return entity_json(r.entity) | {
        "attributions": r.attributions,
        "articles": r.articles,
        "first": iso_date(r.first),
        "last": iso_date(r.last),
    }


@cli.command()
@db_option
@entities_option
@click.option(
    "--host",
    envvar=settings.setting("host").env,
    default=str(settings.setting("host").default),
    show_default=True,
    help=settings.setting("host").help,
)
@click.option(
    "--port",
    envvar=settings.setting("port").env,
    default=int(settings.setting("port").default),
    show_default=True,
    type=click.IntRange(1, 65535),
    help=settings.setting("port").help,
)
@click.option(
    "--allow-anonymous-writes",
    is_flag=True,
    help="Accept POST /api/v1/articles without a token when ONRECORD_TOKEN is not set.",
)
def serve(db: str, entities: str | None, host: str, port: int, allow_anonymous_writes: bool) -> None:
    """Serve the web UI and the JSON API (/api/v1, schema at /api/openapi.json) over the store.

    Reads need nothing; writes need ONRECORD_TOKEN (Authorization: Bearer TOKEN).
    """
    import uvicorn

    from onrecord.api import ApiSettings, create_app

    api = ApiSettings.from_environment(allow_anonymous_writes=allow_anonymous_writes)
    app = create_app(lambda: Service(db, entities=entities), api)
    if not _is_loopback(host):
        err.print(
            Text(
                f"warning: listening on {host}, not loopback: anyone who can reach this machine can "
                "read the record. Use --host 127.0.0.1 to keep it local."
            ),
            style="yellow",
        )
    if api.allow_anonymous_writes and not api.token:
        err.print(
            Text("warning: anonymous writes are allowed: anyone who can reach the server can add articles."),
            style="yellow",
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(Text(f"onrecord: serving {db} at http://{shown}:{port}/ (Ctrl-C to stop)"))
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@db_option
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete(articles: tuple[str, ...], db: str, yes: bool) -> None:
    """Remove articles and everything derived from them (attributions, their place in statements).

    ARTICLE is anything `show` takes. Entities and statements are recomputed over what remains.
    Without --yes, asks first when run on a terminal.
    """
    with Service(db) as service:
        ids = [service.store.resolve(ref) for ref in articles]  # unknown references fail before any change
        if not yes and sys.stdin.isatty():
            click.confirm(f"Delete {len(set(ids))} article(s) from {db}?", abort=True)
        deleted = service.delete_articles(ids)
    out.print(
        Text(f"{len(deleted)} article{'s' * (len(deleted) != 1)} deleted from {db}: {', '.join(deleted)}")
    )


@cli.command(name="settings")
@json_option
def show_settings(as_json: bool) -> None:
    """List every setting with its environment variable, current value and meaning."""
    if as_json:
        rows = [
            {
                "name": s.name,
                "env": s.env,
                "value": settings.default(s.name),
                "default": s.default,
                "help": s.help,
            }
            for s in settings.SETTINGS
        ]
        out.print_json(json.dumps(rows))
        return
    table = _table(
        "onrecord settings", *(Column(c) for c in ("setting", "environment variable", "value", "meaning"))
    )
    for s in settings.SETTINGS:
        table.add_row(s.name, s.env, settings.default(s.name), s.help)
    out.print(table)


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def main() -> None:
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted", style="yellow")
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except UsageError as e:
        err.print(Text(f"error: {e.message}"), style="red")
        sys.exit(2)
    except OnRecordError as e:
        err.print(Text(f"error: {e.message}"), style="red")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted", style="yellow")
        sys.exit(130)


# The statement commands live in their own module; importing it registers them on the group.
from onrecord import cli_timeline  # noqa: E402, F401
