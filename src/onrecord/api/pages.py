"""The web UI: server-rendered pages over the same Service as the API.

Templates are rendered with autoescape on and a strict undefined: every value from an article is
escaped where it is written, and a template that names a missing value fails a test instead of
printing nothing. No template marks article text as safe.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from onrecord import __version__
from onrecord.api import chart
from onrecord.api.app import HERE
from onrecord.api.highlight import marks_for, runs
from onrecord.api.routes import ServiceDep
from onrecord.errors import UsageError
from onrecord.store.search import KINDS, AttributionQuery
from onrecord.store.statement_search import ChartRow, StatementQuery

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 30


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["iso"] = lambda d: d.isoformat() if d else "undated"
    return env


def render(name: str, request: Request, **context: Any) -> str:
    return environment().get_template(name).render(request=request, path=request.url.path, **context)


def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(name, request, **context), status)


def _date(value: str | None, label: str) -> date | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as err:
        raise UsageError(f"{label}: {value!r} is not a date (use YYYY-MM-DD)") from err


def _blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    svc: ServiceDep,
    q: str | None = None,
    speaker: str | None = None,
    kind: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    topic: str | None = None,
    cursor: str | None = None,
) -> HTMLResponse:
    form = {
        "q": q,
        "speaker": speaker,
        "kind": kind,
        "outlet": outlet,
        "since": since,
        "until": until,
        "topic": topic,
    }
    form = {k: v.strip() for k, v in form.items() if v and v.strip()}
    error = None
    hits: list[Any] = []
    next_url = None
    status = 200
    try:
        query = AttributionQuery(
            q=_blank(q),
            speaker=_blank(speaker),
            kind=_blank(kind),
            outlet=_blank(outlet),
            since=_date(since, "since"),
            until=_date(until, "until"),
            topic=_blank(topic),
        )
        result = svc.search(query, limit=PAGE_SIZE, cursor=_blank(cursor))
        hits = result.hits
        if result.next_cursor:
            next_url = "/?" + urlencode({**form, "cursor": result.next_cursor})
    except UsageError as err:
        error, status = err.message, 400
    return page(
        "search.html",
        request,
        status,
        title="Search",
        form=form,
        hits=hits,
        error=error,
        next_url=next_url,
        paged=bool(cursor),
        first_url="/?" + urlencode(form),
        kinds=KINDS,
        topics=[name for name, _ in svc.topics()],
        outlets=svc.outlets(),
        speakers=sorted({e.name for e in svc.entities()}),
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, svc: ServiceDep) -> HTMLResponse:
    return page("speakers.html", request, title="Speakers", speakers=svc.speakers())


@router.get("/speakers/{entity_id}", response_class=HTMLResponse)
def speaker_page(
    request: Request, svc: ServiceDep, entity_id: str, topic: str | None = None, cursor: str | None = None
) -> HTMLResponse:
    summary = svc.entity(entity_id)
    topic = _blank(topic)
    topics = [name for name, _ in svc.topics()]
    if topic and topic not in topics:
        raise UsageError(f"unknown topic {topic!r}; the taxonomy has: {', '.join(topics)}")
    plotted = svc.speaker_chart(entity_id, most=chart.MAX_DOTS)
    weekly = bool(plotted) and not isinstance(plotted[0], ChartRow)
    if weekly:
        counts = [c for c in plotted if isinstance(c, tuple) and (topic is None or c[1] == topic)]
        base = {"speaker": summary.entity.name, **({"topic": topic} if topic else {})}
        points = chart.binned(counts, lambda mon, sun: "/?" + urlencode({**base, "since": mon, "until": sun}))
        total = sum(n for _, _, n in counts)
    else:
        rows = [r for r in plotted if isinstance(r, ChartRow) and (topic is None or topic in r.topics)]
        points = [
            chart.Point(
                r.day,
                r.topics,
                r.outlets,
                f"{r.outlets} outlet{'s' * (r.outlets != 1)}: {r.text}",
                f"/statements/{quote(r.id, safe='')}",
            )
            for r in rows
        ]
        total = len(rows)
    listed = svc.statement_page(
        StatementQuery(entity=entity_id, topic=topic), limit=PAGE_SIZE, cursor=_blank(cursor)
    )
    here = {"topic": topic} if topic else {}
    next_url = None
    if listed.next_cursor:
        next_url = f"/speakers/{quote(entity_id, safe='')}?" + urlencode(
            {**here, "cursor": listed.next_cursor}
        )
    return page(
        "speaker.html",
        request,
        title=summary.entity.name,
        summary=summary,
        chart=chart.layout(points, chart.topic_colours(topics)),
        weekly=weekly,
        plotted=total,
        statements=listed.statements,
        next_url=next_url,
        paged=bool(cursor),
        shifts=svc.speaker_shifts(entity_id, limit=10),
        topics=topics,
        topic=topic,
        colours=chart.topic_colours(topics),
    )


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement_page(request: Request, svc: ServiceDep, statement_id: str) -> HTMLResponse:
    s = svc.statement(statement_id)
    # The other side of each candidate shift, to show the two side by side.
    related = {other: svc.statement(other) for other in {x.a if x.b == s.id else x.b for x in s.shifts}}
    outlets = {r.outlet or "unknown outlet" for r in s.reports}
    return page(
        "statement.html",
        request,
        title=f"{s.speaker.name or 'Unknown'}, {s.date.value or 'undated'}",
        s=s,
        outlets=len(outlets),
        related=related,
        colours=chart.topic_colours([name for name, _ in svc.topics()]),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, svc: ServiceDep, cursor: str | None = None) -> HTMLResponse:
    found = svc.article_page(limit=PAGE_SIZE * 2, cursor=_blank(cursor))
    next_url = "/articles?" + urlencode({"cursor": found.next_cursor}) if found.next_cursor else None
    return page(
        "articles.html",
        request,
        title="Articles",
        articles=found.articles,
        next_url=next_url,
        paged=bool(cursor),
    )


@router.get("/articles/{ref}", response_class=HTMLResponse)
def article_page(request: Request, svc: ServiceDep, ref: str) -> HTMLResponse:
    a = svc.article(ref)
    found = svc.article_attributions(a.id)
    attributions = [f.attribution for f in found]
    return page(
        "article.html",
        request,
        title=a.title or a.id,
        article=a,
        found=found,
        runs=runs(a.text, marks_for(a.text, attributions, a.removed)),
        removed_chars=sum(r.end - r.start for r in a.removed),
    )
