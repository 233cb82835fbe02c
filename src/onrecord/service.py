"""The one object that the CLI, the REST API and the web UI all call.

It owns the order of work (read -> clean -> store) and the bookkeeping a user sees in the summary;
the stages it calls do no I/O of their own.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from onrecord import settings
from onrecord.entities import EntityIndex, Mention, Overrides, load_overrides, resolve_entities
from onrecord.errors import IntegrityStoreError, NotFoundError, UsageError
from onrecord.ingest import InputFile, discover, read_input
from onrecord.ingest.upload import read_upload
from onrecord.models import Article, Attribution, Entity, Notice, Rejection, Shift, Statement
from onrecord.store import (
    ArticleSummary,
    SpeakerSummary,
    SqlStore,
    StoredArticle,
    StoredAttribution,
    StoredRejection,
    open_store,
)
from onrecord.store.search import (
    ArticlePage,
    AttributionQuery,
    SearchPage,
    article_attributions,
    article_page,
    entity_summary,
    outlets,
    refresh_statistics,
    search_attributions,
)
from onrecord.store.statement_search import (
    ChartRow,
    StatementPage,
    StatementQuery,
    chart_rows,
    daily_counts,
    search_statements,
    speaker_shifts,
    statement_count,
)
from onrecord.timeline.linking import DEFAULT as DEFAULT_THRESHOLDS
from onrecord.timeline.topics import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from onrecord.dedup import NearDuplicateIndex
    from onrecord.timeline_job import TimelineSummary

# The article pipeline (spaCy), near-duplicate hashing (datasketch) and the timeline job are
# imported by the methods that use them: a command that only reads the store should not pay for
# loading them (``onrecord timeline`` starts in a fraction of the time).

# Articles are cleaned in chunks so that lines repeated across one outlet's articles in the same
# run are learned before those articles are cleaned, while memory stays bounded on huge feeds.
CHUNK_ARTICLES = 200


class IngestListener(Protocol):
    def inputs_found(self, total: int) -> None: ...
    def input_started(self, inp: InputFile) -> None: ...
    def input_done(self, inp: InputFile) -> None: ...
    def rejected(self, rejection: Rejection) -> None: ...
    def notice(self, notice: Notice) -> None: ...
    def stage_progress(self, stage: str, done: int, total: int) -> None: ...


class SilentListener:
    def inputs_found(self, total: int) -> None:
        pass

    def input_started(self, inp: InputFile) -> None:
        pass

    def input_done(self, inp: InputFile) -> None:
        pass

    def rejected(self, rejection: Rejection) -> None:
        pass

    def notice(self, notice: Notice) -> None:
        pass

    def stage_progress(self, stage: str, done: int, total: int) -> None:
        pass


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did, for the summary line and the exit code."""

    inputs: int = 0
    inputs_with_rejections: int = 0
    stored: int = 0
    already_stored: int = 0
    completed: int = 0  # already stored, and this run brought metadata they lacked
    near_duplicates: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped_files: tuple[str, ...] = ()
    stored_ids: list[str] = field(default_factory=list)
    statements: int = 0
    linked_statements: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.rejections


class Service:
    """onrecord's operations over one store."""

    def __init__(
        self, db: str | None = None, *, entities: str | None = None, topics: str | None = None
    ) -> None:
        """Open the store; ``entities`` is a YAML file of entity overrides and ``topics`` a topic
        taxonomy (default: the settings)."""
        path = entities if entities is not None else settings.default("entities")
        # Read the user's files first: a bad file should stop the run before anything is written.
        self.overrides: Overrides | None = load_overrides(Path(path)) if path else None
        taxonomy_path = topics if topics is not None else settings.default("topics")
        self.taxonomy: Taxonomy = load_taxonomy(Path(taxonomy_path) if taxonomy_path else None)
        self.store: SqlStore = open_store(db or settings.default("db"))
        self._index: NearDuplicateIndex | None = None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ------------------------------------------------------------------------------

    def ingest(
        self, paths: list[str], listener: IngestListener | None = None, *, stop: threading.Event | None = None
    ) -> IngestReport:
        """Read, clean and store every article in ``paths``; a bad input never stops the run.

        When ``stop`` is set (the CLI sets it on Ctrl-C) the run ends with KeyboardInterrupt before
        the next article, never inside one: the store holds whole articles and a rerun resumes."""
        listen = listener or SilentListener()
        started = time.perf_counter()
        found = discover(paths)
        listen.inputs_found(len(found.files))
        report = IngestReport(inputs=len(found.files), skipped_files=found.skipped)
        max_bytes = settings.int_setting("max_input_bytes")
        for chunk in _chunks(self._read_all(found.files, max_bytes, listen, report), CHUNK_ARTICLES):
            self._store_chunk(chunk, listen, report, stop)
        _check(stop)
        self._derive_across_articles(listen, report)
        report.seconds = time.perf_counter() - started
        return report

    def _derive_across_articles(self, listen: IngestListener, report: IngestReport) -> None:
        """After storing articles: entities, then statements, topics and shifts over the store."""
        self.refresh_entities()
        timeline = self.refresh_timeline(listen)
        report.statements, report.linked_statements = timeline.statements, timeline.linked

    def ingest_upload(self, data: bytes, fmt: str, name: str) -> IngestReport:
        """One request body (``fmt``: text, html, json or jsonl; see ``ingest.upload``) through
        the same pipeline as ``ingest``: the HTTP API's way in."""
        started = time.perf_counter()
        listen = SilentListener()
        report = IngestReport(inputs=1)
        items = read_upload(data, fmt, name, settings.int_setting("max_input_bytes"))
        for chunk in _chunks(self._articles(items, listen, report), CHUNK_ARTICLES):
            self._store_chunk(chunk, listen, report)
        if report.stored:
            self._derive_across_articles(listen, report)
            refresh_statistics(self.store)
        report.seconds = time.perf_counter() - started
        return report

    def delete_articles(self, refs: list[str], listener: IngestListener | None = None) -> list[str]:
        """Remove articles (any reference ``show`` takes) and all that was derived from them; the
        entities and statements are recomputed over what remains. Unknown references raise
        NotFoundError before anything is deleted."""
        ids = [self.store.resolve(ref) for ref in refs]
        for aid in dict.fromkeys(ids):
            self.store.delete_article(aid)
        self._index = None  # the near-duplicate index still holds them
        report = IngestReport()
        self._derive_across_articles(listener or SilentListener(), report)
        refresh_statistics(self.store)
        return list(dict.fromkeys(ids))

    def refresh_entities(self) -> int:
        """Merge the speakers of all stored attributions into entities across articles.

        Recomputed over the whole store, so an article added today can settle how a name seen
        last month is spelled canonically; the user's overrides win over automatic merges.
        """
        named = self.store.speaker_mentions()
        # names inside what was said count too: "Zelenskyy" in a quote and "Zelensky" as a speaker
        # are one entity, and a statement is found by the entities it is about
        inside = self.store.content_mentions()
        mentions = [m for _, m in named] + [
            Mention(c.article, c.text, c.type, (c.role,) if c.role else ()) for c in inside
        ]
        index = resolve_entities(mentions, self.overrides)
        assignment: dict[str, str | None] = {}
        in_article: dict[str, set[str]] = defaultdict(set)
        for aid, m in named:
            entity = index.entity_for(m.article, m.name, m.type)
            assignment[aid] = entity.id if entity else None
            if entity:
                in_article[m.article].add(entity.id)
        self.store.replace_entities(index.entities(), assignment)
        about: dict[tuple[str, int], str | None] = {}
        for c in inside:
            entity = index.entity_for(c.article, c.text, c.type)
            about[(c.attribution, c.start)] = entity.id if entity else None
            if entity:
                in_article[c.article].add(entity.id)
        self.store.assign_mention_entities(about)
        self.store.assign_role_speakers(_role_speakers(self.store.role_only_speakers(), index, in_article))
        return len(index)

    def refresh_timeline(self, listener: IngestListener | None = None) -> TimelineSummary:
        """Group every stored report into statements, score topics and flag candidate shifts."""
        from onrecord.timeline_job import refresh_timeline

        listen = listener or SilentListener()
        thresholds = replace(
            DEFAULT_THRESHOLDS,
            window_days=settings.int_setting("link_window_days"),
            lookback_days=settings.int_setting("link_lookback_days"),
        )
        return refresh_timeline(
            self.store,
            self.taxonomy,
            thresholds=thresholds,
            topic_threshold=settings.float_setting("topic_threshold"),
            progress=listen.stage_progress,
        )

    def _read_all(
        self, files: Iterable[InputFile], max_bytes: int, listen: IngestListener, report: IngestReport
    ) -> Iterator[Article]:
        for inp in files:
            listen.input_started(inp)
            yield from self._articles(read_input(inp, max_bytes), listen, report)
            listen.input_done(inp)

    def _articles(
        self, items: Iterable[Article | Rejection | Notice], listen: IngestListener, report: IngestReport
    ) -> Iterator[Article]:
        """The articles of one input; its rejections and notices go to the report and listener."""
        rejected_here = False
        for item in items:
            if isinstance(item, Rejection):
                rejected_here = True
                self._reject(item, listen, report)
            elif isinstance(item, Notice):
                report.notices.append(item)
                listen.notice(item)
            else:
                yield item
        report.inputs_with_rejections += rejected_here

    def _reject(self, rejection: Rejection, listen: IngestListener, report: IngestReport) -> None:
        self.store.record_rejection(rejection)
        report.rejections.append(rejection)
        listen.rejected(rejection)

    def _store_chunk(
        self,
        chunk: list[Article],
        listen: IngestListener,
        report: IngestReport,
        stop: threading.Event | None = None,
    ) -> None:
        from onrecord import dedup
        from onrecord.pipeline import article_id, prepare

        known = self._outlet_boilerplate(chunk)
        index = self._near_duplicates()
        for article in chunk:
            _check(stop)
            aid = article_id(article.text)
            if self.store.has_article(aid):
                self.store.add_source(aid, article.provenance)
                report.already_stored += 1
                report.completed += self._complete_metadata(aid, article, known)
                continue
            try:
                prepared = prepare(article, known.get(article.outlet or "", frozenset()))
            except Exception as exc:  # a bug on one article must not stop the run or lose the rest
                prepared = Rejection(
                    article.provenance.locator(),
                    "clean",
                    f"internal error ({type(exc).__name__}: {exc}); please report",
                )
            if isinstance(prepared, Rejection):
                self._reject(prepared, listen, report)
                continue
            signature = dedup.from_bytes(prepared.signature)
            duplicate_of = index.best_match(signature)
            try:
                self.store.add_article(prepared, duplicate_of)
            except IntegrityStoreError as err:  # rolled back: refuse this article, keep the rest
                rejection = Rejection(article.provenance.locator(), "store", f"{err}; please report")
                self._reject(rejection, listen, report)
                continue
            index.add(prepared.id, signature)
            report.stored += 1
            report.near_duplicates += duplicate_of is not None
            report.stored_ids.append(prepared.id)

    def _complete_metadata(self, aid: str, article: Article, known: dict[str, frozenset[str]]) -> bool:
        """Fill what a stored article lacked (publication date, outlet, title, id) from a new source
        of the same text, and derive it again: a date makes "on Wednesday" resolvable. Nothing
        already known is overwritten."""
        from onrecord.pipeline import prepare

        if not (article.published or article.outlet or article.title or article.external_id):
            return False  # nothing to bring: spare the read of every re-ingested article
        stored = self.store.stored_input(aid)
        merged = replace(
            stored,
            published=stored.published or article.published,
            published_source=stored.published_source if stored.published else article.published_source,
            outlet=stored.outlet or article.outlet,
            title=stored.title or article.title,
            external_id=stored.external_id or article.external_id,
        )
        if merged == stored:
            return False
        prepared = prepare(merged, known.get(merged.outlet or "", frozenset()))
        if isinstance(prepared, Rejection):
            return False
        self.store.fill_metadata(aid, outlet=merged.outlet, external_id=merged.external_id)
        self.store.replace_derived(prepared)
        return True

    def _outlet_boilerplate(self, chunk: list[Article]) -> dict[str, frozenset[str]]:
        """Per outlet, the line hashes seen in enough articles (stored ones plus this chunk)."""
        from onrecord.pipeline import article_id, line_hashes

        by_outlet: dict[str, list[Article]] = defaultdict(list)
        for article in chunk:
            if article.outlet:
                by_outlet[article.outlet].append(article)
        known: dict[str, frozenset[str]] = {}
        for outlet, group in by_outlet.items():
            counts: Counter[str] = self.store.outlet_line_counts(outlet)
            stored = self.store.outlet_article_ids(outlet)
            seen: set[str] = set()
            for article in group:
                aid = article_id(article.text)
                if aid in stored or aid in seen:
                    continue
                seen.add(aid)
                counts.update(line_hashes(article.text))
            known[outlet] = _recurring(counts)
        return known

    def _near_duplicates(self) -> NearDuplicateIndex:
        from onrecord import dedup

        if self._index is None:
            self._index = dedup.NearDuplicateIndex(settings.float_setting("near_duplicate_threshold"))
            for aid, blob in self.store.signatures():
                self._index.add(aid, dedup.from_bytes(blob))
        return self._index

    def reprocess(
        self, listener: IngestListener | None = None, *, stop: threading.Event | None = None
    ) -> IngestReport:
        """Clean and attribute every stored article again with this version of onrecord.

        Ingesting the same input twice changes nothing, by design; after an upgrade this is how
        the derived data catches up. Each article is replaced in one transaction; ``stop`` ends
        the run between two articles, as in ``ingest``.
        """
        from onrecord.pipeline import prepare

        listen = listener or SilentListener()
        started = time.perf_counter()
        report = IngestReport()
        known: dict[str, frozenset[str]] = {}
        for aid in self.store.article_ids():
            _check(stop)
            article = self.store.stored_input(aid)
            if article.outlet and article.outlet not in known:
                known[article.outlet] = _recurring(self.store.outlet_line_counts(article.outlet))
            prepared = prepare(article, known.get(article.outlet or "", frozenset()))
            if isinstance(prepared, Rejection):
                # Keep the stored version rather than lose an article to a stricter cleaner.
                report.notices.append(
                    Notice(article.provenance.locator(), f"kept as it was: {prepared.reason}")
                )
                listen.notice(report.notices[-1])
                continue
            try:
                self.store.replace_derived(prepared)
            except IntegrityStoreError as err:  # rolled back: the stored version stays
                report.notices.append(Notice(article.provenance.locator(), f"kept as it was: {err}"))
                listen.notice(report.notices[-1])
                continue
            report.stored += 1
            report.stored_ids.append(aid)
        self._derive_across_articles(listen, report)
        report.seconds = time.perf_counter() - started
        return report

    # -- queries -----------------------------------------------------------------------------

    def articles(self) -> list[ArticleSummary]:
        return self.store.list_articles()

    def article(self, ref: str) -> StoredArticle:
        return self.store.get_article(ref)

    def rejections(self) -> list[StoredRejection]:
        return self.store.list_rejections()

    def attributions(
        self, *, speaker: str | None = None, kind: str | None = None, since: date | None = None
    ) -> list[StoredAttribution]:
        return self.store.list_attributions(speaker=speaker, kind=kind, since=since)

    def speakers(self) -> list[SpeakerSummary]:
        return self.store.list_speakers()

    def entities(self) -> list[Entity]:
        return self.store.list_entities()

    def statements(
        self,
        *,
        speaker: str | None = None,
        topic: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[Statement]:
        """Statements in date order; ``speaker`` is a name as a user types it ("peskov")."""
        speakers = None
        if speaker is not None:
            speakers = self.store.match_speakers(speaker)
            if not speakers:
                raise NotFoundError(f"no speaker matches {speaker!r} (see `onrecord speakers`)")
        if topic is not None and topic.casefold() not in {t.name.casefold() for t in self.taxonomy.topics}:
            names = ", ".join(t.name for t in self.taxonomy.topics)
            raise UsageError(f"unknown topic {topic!r}; the taxonomy has: {names}")
        return self.store.list_statements(
            speakers=speakers,
            topic=topic,
            threshold=settings.float_setting("topic_threshold"),
            since=since,
            until=until,
        )

    def statement(self, statement_id: str) -> Statement:
        found = self.store.list_statements(
            ids=[statement_id], threshold=settings.float_setting("topic_threshold")
        )
        if not found:
            raise NotFoundError(f"no statement {statement_id!r}")
        return found[0]

    def topics(self) -> list[tuple[str, str]]:
        """(name, description) of every topic in the taxonomy in use."""
        return [(t.name, t.description) for t in self.taxonomy.topics]

    # -- queries for the web (issue 5) ---------------------------------------------------------

    def search(self, query: AttributionQuery, *, limit: int = 50, cursor: str | None = None) -> SearchPage:
        """A page of attributions matching a full-text query and filters (see ``store.search``)."""
        query = dataclasses.replace(query, threshold=settings.float_setting("topic_threshold"))
        return search_attributions(self.store, query, limit=limit, cursor=cursor)

    def article_attributions(self, article_id: str) -> list[StoredAttribution]:
        """Every attribution of one stored article (its id, as ``article`` gives it), in text order."""
        return article_attributions(self.store, article_id)

    def entity(self, entity_id: str) -> SpeakerSummary:
        """One entity with its aliases, roles and counts; NotFoundError if there is none."""
        return entity_summary(self.store, entity_id)

    def outlets(self) -> list[str]:
        return outlets(self.store)

    def article_page(self, *, limit: int = 50, cursor: str | None = None) -> ArticlePage:
        """A page of stored articles, newest first (``articles()`` gives them all, oldest first)."""
        return article_page(self.store, limit=limit, cursor=cursor)

    def statement_page(
        self, query: StatementQuery, *, limit: int = 50, cursor: str | None = None, oldest_first: bool = False
    ) -> StatementPage:
        """A page of statements matching ``query`` (its threshold: the topic_threshold setting)."""
        query = dataclasses.replace(query, threshold=settings.float_setting("topic_threshold"))
        return search_statements(self.store, query, limit=limit, cursor=cursor, oldest_first=oldest_first)

    def speaker_chart(
        self, entity_id: str, *, most: int
    ) -> list[ChartRow] | list[tuple[date, str | None, int]]:
        """What one entity's timeline chart plots: every dated statement with its topics, or, past
        ``most`` statements, (day, topic, statements) counts."""
        threshold = settings.float_setting("topic_threshold")
        if statement_count(self.store, entity_id) > most:
            return daily_counts(self.store, entity_id, threshold)
        return chart_rows(self.store, entity_id, threshold)

    def speaker_shifts(self, entity_id: str, *, limit: int = 20) -> list[tuple[Shift, Statement, Statement]]:
        """One entity's candidate shifts, strongest first, with both statements."""
        return speaker_shifts(self.store, entity_id, settings.float_setting("topic_threshold"), limit=limit)


@dataclass(frozen=True, slots=True)
class Extracted:
    """The attributions found in one article read by ``extract_files``."""

    article: str
    text: str
    attributions: list[Attribution]


def _check(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise KeyboardInterrupt


def article_name(article: Article) -> str:
    """How ``extract`` names an article: its own id when a feed gives one, else where it was read."""
    return article.external_id or article.provenance.locator()


def extract_files(
    paths: list[str], *, clean: bool = True, listener: IngestListener | None = None
) -> Iterator[Extracted | Rejection]:
    """Attributions from files, without a store: for pipelines and for evaluation.

    With ``clean`` the body is found first and statements are sought only there; offsets always
    index the article text as read from the input.
    """
    from onrecord.pipeline import attribute, clean_article, publication_date

    listen = listener or SilentListener()
    max_bytes = settings.int_setting("max_input_bytes")
    files = discover(paths).files
    listen.inputs_found(len(files))
    for inp in files:
        listen.input_started(inp)
        for item in read_input(inp, max_bytes):
            if isinstance(item, Rejection):
                listen.rejected(item)
                yield item
            elif isinstance(item, Notice):
                listen.notice(item)
            else:
                cleaned = clean_article(item) if clean else None
                name = article_name(item)
                published, _ = publication_date(item)
                yield Extracted(name, item.text, attribute(item.text, cleaned, name, published))
        listen.input_done(inp)


def _role_speakers(
    role_only: list[tuple[str, str, tuple[str, ...]]], index: EntityIndex, in_article: dict[str, set[str]]
) -> dict[str, str]:
    """Speakers known only by a role ("the Russian president") resolved to the one entity named in
    the same article that carries that role, as learned anywhere in the store ("Russian President
    Vladimir Putin" in another report). No such entity, or two: the speaker stays unresolved."""
    out: dict[str, str] = {}
    for aid, article, roles in role_only:
        wanted = [w for r in roles for w in r.casefold().split() if w not in ("the", "a", "an")]
        if not wanted:
            continue
        fits = []
        for eid in sorted(in_article.get(article, ())):
            entity = index.get(eid)
            if entity is not None and any(role_fits(r.text, wanted) for r in entity.roles):
                fits.append(eid)
        if len(fits) == 1:
            out[aid] = fits[0]
    return out


def role_fits(role: str, wanted: list[str]) -> bool:
    """ "Russian President" fits "the Russian president": same head noun, every other word present."""
    words = role.casefold().split()
    return bool(words) and words[-1] == wanted[-1] and all(w in words for w in wanted[:-1])


def _recurring(counts: Counter[str]) -> frozenset[str]:
    """The line hashes seen in enough of an outlet's articles to be its boilerplate."""
    minimum = settings.int_setting("outlet_repeat_min")
    return frozenset(h for h, n in counts.items() if n >= minimum)


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
