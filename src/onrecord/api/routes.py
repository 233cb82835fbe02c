"""The JSON API, ``/api/v1``: the same queries as the CLI, through the same Service."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from onrecord.api import schemas
from onrecord.api.app import ApiSettings, check_write_token
from onrecord.errors import InputError, UsageError
from onrecord.ingest.upload import MEDIA_TYPES, upload_format
from onrecord.serialize import article_summary_json, attribution_json, entity_json, iso_date, statement_json
from onrecord.service import Service
from onrecord.store import SpeakerSummary, StoredArticle
from onrecord.store.search import MAX_PAGE, AttributionQuery, SearchHit
from onrecord.store.statement_search import StatementPage, StatementQuery

router = APIRouter(prefix="/api/v1", responses=schemas.ERRORS)


def service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


ServiceDep = Annotated[Service, Depends(service)]
# Query parameters shared by the endpoints that list things.
SpeakerParam = Annotated[str | None, Query(max_length=200, description="any part of a speaker's name")]
EntityParam = Annotated[str | None, Query(max_length=200, description="an entity id, exactly")]
TopicParam = Annotated[str | None, Query(max_length=200, description="a topic of the taxonomy")]
SinceParam = Annotated[date | None, Query(description="stated on or after (YYYY-MM-DD)")]
UntilParam = Annotated[date | None, Query(description="stated on or before (YYYY-MM-DD)")]
LimitParam = Annotated[int, Query(ge=1, le=MAX_PAGE)]
CursorParam = Annotated[str | None, Query(max_length=2000, description="a page's next_cursor")]
Kind = Literal["direct", "indirect", "mixed"]


def search_item(hit: SearchHit) -> dict[str, Any]:
    f = hit.found
    return {
        "attribution": attribution_json(f.attribution),
        "published": iso_date(f.published),
        "outlet": f.outlet,
        "title": f.title,
        "context": {"before": hit.before, "after": hit.after},
    }


def article_record(a: StoredArticle, attributions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "ok": True,
        "id": a.id,
        "title": a.title,
        "published": iso_date(a.published),
        "published_source": a.published_source,
        "outlet": a.outlet,
        "url": a.url,
        "sources": list(a.sources),
        "duplicate_of": a.duplicate_of[0] if a.duplicate_of else None,
        "text": a.text,
        "body": a.body,
        "removed": [
            {"start": r.start, "end": r.end, "reason": r.reason, "text": a.text[r.start : r.end]}
            for r in a.removed
        ],
        "attributions": attributions,
    }


def entity_record(s: SpeakerSummary) -> dict[str, Any]:
    return {
        **entity_json(s.entity),
        "attributions": s.attributions,
        "articles": s.articles,
        "first": iso_date(s.first),
        "last": iso_date(s.last),
    }


@router.get("/attributions", response_model=schemas.SearchPageOut, summary="Search attributions")
def search_attributions(
    svc: ServiceDep,
    q: Annotated[
        str | None, Query(max_length=500, description="words in the content or the speaker's name")
    ] = None,
    speaker: SpeakerParam = None,
    entity: EntityParam = None,
    kind: Kind | None = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    article: Annotated[str | None, Query(max_length=64, description="an article id")] = None,
    since: SinceParam = None,
    until: UntilParam = None,
    topic: TopicParam = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """Attributions matching every filter given, newest article first. Full text on SQLite uses the
    FTS5 index: each word must occur (a trailing * matches a prefix; "quoted words" a phrase).
    since/until bound the statement's date (the article's where no closer one was resolved)."""
    _known_topic(svc, topic)
    query = AttributionQuery(q, speaker, entity, kind, outlet, article, since, until, topic)
    page = svc.search(query, limit=limit, cursor=cursor)
    return {"ok": True, "items": [search_item(h) for h in page.hits], "next_cursor": page.next_cursor}


@router.get("/statements", response_model=schemas.StatementPageOut, summary="Search statements")
def search_statement_list(
    svc: ServiceDep,
    q: Annotated[
        str | None, Query(max_length=500, description="words in any report of the statement")
    ] = None,
    speaker: SpeakerParam = None,
    entity: EntityParam = None,
    topic: TopicParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """Statements (one utterance with every outlet's report of it), newest first, undated last."""
    _known_topic(svc, topic)
    page = svc.statement_page(
        StatementQuery(q, speaker, entity, topic, since, until), limit=limit, cursor=cursor
    )
    return {
        "ok": True,
        "items": [statement_json(x) for x in page.statements],
        "next_cursor": page.next_cursor,
    }


@router.get("/statements/{statement_id}", response_model=schemas.StatementOut, summary="One statement")
def get_statement(svc: ServiceDep, statement_id: str) -> dict[str, Any]:
    """A statement with all its reports across outlets and its candidate shifts."""
    return {"ok": True, **statement_json(svc.statement(statement_id))}


@router.get(
    "/entities/{entity_id}/timeline", response_model=schemas.StatementPageOut, summary="A speaker's timeline"
)
def speaker_timeline(
    svc: ServiceDep,
    entity_id: str,
    topic: TopicParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """One speaker's statements in date order, oldest first (undated last), each with its reports."""
    svc.entity(entity_id)  # 404 for an unknown speaker rather than an empty timeline
    _known_topic(svc, topic)
    query = StatementQuery(entity=entity_id, topic=topic, since=since, until=until)
    page = svc.statement_page(query, limit=limit, cursor=cursor, oldest_first=True)
    return {
        "ok": True,
        "items": [statement_json(x) for x in page.statements],
        "next_cursor": page.next_cursor,
    }


@router.get("/topics", response_model=schemas.TopicListOut, summary="The topic taxonomy")
def list_topics(svc: ServiceDep) -> dict[str, Any]:
    """The topics statements are scored against (the taxonomy in use), with their descriptions."""
    return {"ok": True, "items": [{"name": n, "description": d} for n, d in svc.topics()]}


def _statements(page: StatementPage) -> dict[str, Any]:
    return {
        "ok": True,
        "items": [statement_json(x) for x in page.statements],
        "next_cursor": page.next_cursor,
    }


def _known_topic(svc: Service, topic: str | None) -> None:
    names = [n for n, _ in svc.topics()]
    if topic is not None and topic.casefold() not in {n.casefold() for n in names}:
        raise UsageError(f"unknown topic {topic!r}; the taxonomy has: {', '.join(names)}")


@router.get("/articles", response_model=schemas.ArticleListOut, summary="List articles")
def list_articles(
    svc: ServiceDep,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """Stored articles, newest first (undated last), a page at a time."""
    page = svc.article_page(limit=limit, cursor=cursor)
    items = [article_summary_json(a) for a in page.articles]
    return {"ok": True, "items": items, "next_cursor": page.next_cursor}


@router.get("/articles/{ref}", response_model=schemas.ArticleOut, summary="One article with all its spans")
def get_article(svc: ServiceDep, ref: str) -> dict[str, Any]:
    """The article as read, its cleaned text, what cleaning removed (and why), and every
    attribution with its spans. ``ref``: the id, a unique id prefix, the feed's own id or the source."""
    a = svc.article(ref)
    return article_record(a, [attribution_json(f.attribution) for f in svc.article_attributions(a.id)])


@router.get("/entities", response_model=schemas.EntityListOut, summary="List speakers")
def list_entities(svc: ServiceDep) -> dict[str, Any]:
    """Everyone quoted, merged across articles, most reported first."""
    return {"ok": True, "items": [entity_record(s) for s in svc.speakers()]}


@router.get("/entities/{entity_id}", response_model=schemas.EntityOut, summary="One speaker")
def get_entity(svc: ServiceDep, entity_id: str) -> dict[str, Any]:
    """An entity's name, other spellings, roles (with the articles they were learned from) and counts."""
    return {"ok": True, **entity_record(svc.entity(entity_id))}


_BODY_DOC = {
    "requestBody": {
        "required": True,
        "description": "One article: plain text, an HTML page, a JSON object in the JSON Lines record "
        'shape ({"text" | "html", "id", "url", "title", "published", "outlet", "language"}) or a '
        "list of them, or JSON Lines.",
        "content": {
            media: {"schema": {"type": "string"} if fmt in ("text", "html", "jsonl") else {"type": "object"}}
            for media, fmt in MEDIA_TYPES.items()
        },
    }
}


@router.post(
    "/articles",
    response_model=schemas.IngestOut,
    status_code=201,
    summary="Ingest articles",
    openapi_extra=_BODY_DOC,
    responses={
        200: {"model": schemas.IngestOut, "description": "nothing new: every article was stored already"},
        401: {"model": schemas.ErrorOut, "description": "no token given"},
        403: {"model": schemas.ErrorOut, "description": "wrong token, or writes are disabled"},
        413: {"model": schemas.ErrorOut, "description": "body over ONRECORD_MAX_REQUEST_BYTES"},
        415: {"model": schemas.ErrorOut, "description": "a body type onrecord does not read"},
    },
)
async def post_articles(
    request: Request,
    name: Annotated[str, Query(max_length=200, description="the source recorded for these articles")] = "api",
    authorization: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    """Read, clean, attribute and store the body, through the same pipeline as ``onrecord ingest``.
    Needs ``Authorization: Bearer TOKEN`` (the server's ONRECORD_TOKEN)."""
    api: ApiSettings = request.app.state.api
    check_write_token(api, authorization)
    fmt = upload_format(request.headers.get("content-type"))
    data = await request.body()
    svc: Service = request.app.state.service

    def ingest() -> Any:
        with request.app.state.write_lock:
            return svc.ingest_upload(data, fmt, name)

    report = await run_in_threadpool(ingest)
    if not report.stored and not report.already_stored and report.rejections:
        first = report.rejections[0]
        raise InputError(first.source, "; ".join(f"{r.reason} [{r.stage}]" for r in report.rejections))
    body = {
        "ok": True,
        "stored": report.stored,
        "already_stored": report.already_stored,
        "near_duplicates": report.near_duplicates,
        "stored_ids": report.stored_ids,
        "rejected": [{"source": r.source, "stage": r.stage, "reason": r.reason} for r in report.rejections],
        "notices": [n.message for n in report.notices],
    }
    return JSONResponse(body, 201 if report.stored else 200)


@router.delete(
    "/articles/{ref}",
    response_model=schemas.DeleteOut,
    summary="Delete an article",
    responses={
        401: {"model": schemas.ErrorOut, "description": "no token given"},
        403: {"model": schemas.ErrorOut, "description": "wrong token, or writes are disabled"},
        404: {"model": schemas.ErrorOut, "description": "no such article"},
    },
)
async def delete_article(
    request: Request, ref: str, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """Remove the article and all that was derived from it; entities and statements are recomputed.
    Needs ``Authorization: Bearer TOKEN`` (the server's ONRECORD_TOKEN)."""
    api: ApiSettings = request.app.state.api
    check_write_token(api, authorization)
    svc: Service = request.app.state.service

    def remove() -> list[str]:
        with request.app.state.write_lock:
            return svc.delete_articles([ref])

    deleted = await run_in_threadpool(remove)
    return {"ok": True, "deleted": deleted}
