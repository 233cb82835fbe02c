"""The ``onrecord`` command line.

Exit codes: 0 when every input went in, 1 when some inputs were rejected (or an operation failed),
2 on usage errors, 130 when interrupted. Lists print as tables, or as JSON with ``--json``.
Everything printed from an article is printed without markup interpretation: article text is
data, never formatting instructions.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from onrecord import __version__, settings
from onrecord.errors import OnRecordError, UsageError
from onrecord.ingest import InputFile
from onrecord.models import Notice, Rejection
from onrecord.service import IngestReport, Service
from onrecord.store import StoredArticle

F = TypeVar("F", bound=Callable[..., Any])

# Off a terminal (pipes, CI logs) rich would assume 80 columns and fold every table cell.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Snippets of removed text shown by `show` are cut to this many characters.
SNIPPET_CHARS = 72


def db_option(func: F) -> F:
    s = settings.setting("db")
    return click.option(
        "--db", envvar=s.env, default=str(s.default), show_default=True, help=s.help, metavar="PATH|URL"
    )(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def cli() -> None:
    """Turn news articles into a source-linked record of who said what, to whom, and when."""


class _ProgressListener:
    """Shows a progress bar over input files and prints each rejection as one line."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.quiet = quiet
        self.progress: Progress | None = None
        if not quiet and err.is_terminal and total > 1:
            self.progress = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
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

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("-q", "--quiet", is_flag=True, help="Print only rejections and errors.")
@json_option
def ingest(paths: tuple[str, ...], db: str, quiet: bool, as_json: bool) -> None:
    """Read articles from files, directories (recursively) or - (standard input) into the store.

    Plain text (.txt), HTML (.html, .htm, .html.gz), JSON Lines (.jsonl, one article per line) and
    WARC (.warc, .warc.gz) are read. Running it again on the same inputs changes nothing.
    """
    from onrecord.ingest import discover

    total = len(discover(list(paths)).files)
    listener = _ProgressListener(total, quiet)
    with Service(db) as service:
        try:
            report = service.ingest(list(paths), listener)
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


def _summary(r: IngestReport, db: str) -> str:
    parts = [f"{r.stored} new article{'s' * (r.stored != 1)} stored in {db}"]
    if r.already_stored:
        parts.append(f"{r.already_stored} already there")
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
    return f"{line}. [{r.seconds:.1f} s]"


def _report_json(r: IngestReport, db: str) -> dict[str, Any]:
    return {
        "db": db,
        "inputs": r.inputs,
        "inputs_accepted": r.inputs - r.inputs_with_rejections,
        "inputs_with_rejections": r.inputs_with_rejections,
        "stored": r.stored,
        "already_stored": r.already_stored,
        "near_duplicates": r.near_duplicates,
        "stored_ids": r.stored_ids,
        "rejected": [{"source": x.source, "stage": x.stage, "reason": x.reason} for x in r.rejections],
        "notices": [{"source": n.source, "message": n.message} for n in r.notices],
        "skipped_files": list(r.skipped_files),
        "seconds": round(r.seconds, 3),
    }


@cli.command()
@db_option
@json_option
def articles(db: str, as_json: bool) -> None:
    """List the stored articles, oldest first (undated ones last)."""
    with Service(db) as service:
        rows = service.articles()
    if as_json:
        out.print_json(
            json.dumps(
                [
                    {
                        "id": a.id,
                        "title": a.title,
                        "published": _iso(a.published),
                        "outlet": a.outlet,
                        "source": a.source,
                        "words": a.words,
                        "removed": a.removed,
                        "duplicate_of": a.duplicate_of,
                    }
                    for a in rows
                ]
            )
        )
        return
    if not rows:
        out.print(f"No articles in {db} yet. Add some with: onrecord ingest PATH --db {db}")
        return
    table = Table(title=f"{len(rows)} article{'s' * (len(rows) != 1)} in {db}", title_justify="left")
    for name, kw in (
        ("id", {"no_wrap": True}),
        ("published", {"no_wrap": True}),
        ("outlet", {}),
        ("words", {"justify": "right"}),
        ("removed", {"justify": "right"}),
        ("title", {"ratio": 3}),
        ("source", {"ratio": 2}),
    ):
        table.add_column(name, **kw)
    for a in rows:
        title = Text(a.title or "(no title)")
        if a.duplicate_of:
            title.append(f"  [near-duplicate of {a.duplicate_of}]", style="yellow")
        table.add_row(
            a.id,
            _iso(a.published) or "unknown",
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
    published = _iso(a.published) or "unknown"
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
        "published": _iso(a.published),
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
    table = Table(title=f"{len(rows)} rejected input(s) in {db}", title_justify="left")
    table.add_column("source")
    table.add_column("stage")
    table.add_column("reason")
    for r in rows:
        table.add_row(Text(r.source), r.stage, Text(r.reason))
    out.print(table)


@cli.command(name="settings")
def show_settings() -> None:
    """List every setting with its environment variable, current value and meaning."""
    table = Table(title="onrecord settings", title_justify="left")
    for col in ("setting", "environment variable", "value", "meaning"):
        table.add_column(col)
    for s in settings.SETTINGS:
        table.add_row(s.name, s.env, settings.default(s.name), s.help)
    out.print(table)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


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
