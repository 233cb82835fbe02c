"""The timeline stage run over a whole store: embeddings, topics, statements across outlets, shifts.

Statements are recomputed from every stored report after each ingest, because a report read today
can join a statement first reported last month. What is expensive is kept: embeddings are stored
by the hash of the text embedded, topic scores per attribution (rescored only when the taxonomy
file changes), so a rerun costs the linking itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from onrecord.models import Shift
from onrecord.nlp.embed import DIM, Vectors, embed, from_bytes, to_bytes
from onrecord.store import SqlStore
from onrecord.timeline.linking import Thresholds
from onrecord.timeline.shifts import ShiftInput, find_shifts
from onrecord.timeline.statements import BuiltStatement, ReportRow, build_statements, embed_text, text_hash
from onrecord.timeline.topics import Taxonomy, TopicScorer

__all__ = ["EMBED_BATCH", "Progress", "TimelineSummary", "refresh_timeline"]

EMBED_BATCH = 64
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True, slots=True)
class TimelineSummary:
    statements: int
    linked: int  # statements with two or more reports
    shifts: int
    embedded: int  # texts embedded in this run (the rest came from the store)


def report_vectors(store: SqlStore, texts: Sequence[str], progress: Progress = _quiet) -> tuple[Vectors, int]:
    """One embedding per report text, from the store where known, computed (and stored) otherwise."""
    hashes = [text_hash(t) for t in texts]
    known = store.vectors_for(hashes)
    missing = sorted({h: t for h, t in zip(hashes, texts, strict=True) if h not in known}.items())
    for k in range(0, len(missing), EMBED_BATCH):
        part = missing[k : k + EMBED_BATCH]
        found = embed([t for _, t in part])
        new = {h: to_bytes(v) for (h, _), v in zip(part, found, strict=True)}
        store.add_vectors(new)
        known.update(new)
        progress("embedding", min(k + EMBED_BATCH, len(missing)), len(missing))
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32), 0
    return np.stack([from_bytes(known[h]) for h in hashes]), len(missing)


def _score_topics(
    store: SqlStore, rows: Sequence[ReportRow], texts: Sequence[str], vecs: Vectors, taxonomy: Taxonomy
) -> dict[str, dict[str, float]]:
    """Topic scores of every report: new ones scored, all of them again when the taxonomy changed."""
    rescore_all = store.state("taxonomy") != taxonomy.digest
    todo = set(r.id for r in rows) if rescore_all else store.unscored_attributions()
    pick = [k for k, r in enumerate(rows) if r.id in todo]
    if pick or rescore_all:
        scorer = TopicScorer(taxonomy)
        scored = scorer.score([texts[k] for k in pick], vecs[pick])
        store.add_topic_scores(
            {rows[k].id: s for k, s in zip(pick, scored, strict=True)}, taxonomy.digest, replace=rescore_all
        )
    return store.topic_scores()


def _statement_topics(
    built: Sequence[BuiltStatement], scores: dict[str, dict[str, float]]
) -> dict[str, dict[str, float]]:
    """A statement is about what its most explicit report is about: the best score per topic."""
    out: dict[str, dict[str, float]] = {}
    for s in built:
        best: dict[str, float] = {}
        for aid in s.members:
            for topic, score in scores.get(aid, {}).items():
                best[topic] = max(best.get(topic, 0.0), score)
        out[s.id] = best
    return out


def refresh_timeline(
    store: SqlStore,
    taxonomy: Taxonomy,
    *,
    thresholds: Thresholds,
    topic_threshold: float,
    progress: Progress = _quiet,
) -> TimelineSummary:
    """Recompute statements, their topics and candidate shifts from every stored report."""
    rows = store.report_rows()
    texts = [embed_text(r.cue, r.content) for r in rows]  # what is embedded, scored and compared
    vecs, embedded = report_vectors(store, texts, progress)
    scores = _score_topics(store, rows, texts, vecs, taxonomy)
    built = build_statements(rows, vecs, thresholds)
    topics = _statement_topics(built, scores)
    position = {r.id: k for k, r in enumerate(rows)}
    entities = store.list_entities()
    kinds = {e.id: e.type for e in entities}
    names = {e.id: e.name for e in entities}
    inputs = [
        ShiftInput(
            s.id,
            s.speaker,
            s.date.value,
            texts[position[s.attribution]],
            topics.get(s.id, {}),
            kinds.get(s.speaker, ""),
            names.get(s.speaker, ""),
        )
        for s in built
    ]
    svecs = vecs[[position[s.attribution] for s in built]] if built else vecs[:0]
    found: list[Shift] = find_shifts(inputs, svecs, topic_threshold)
    store.replace_statements(built, topics, found)
    return TimelineSummary(len(built), sum(1 for s in built if len(s.members) > 1), len(found), embedded)
