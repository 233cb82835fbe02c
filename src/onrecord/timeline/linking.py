"""The same statement reported by several outlets: group attributions that report one utterance.

Two reports are compared only when they have the same speaker entity and their statement dates
are close (blocking), so the work grows with the number of attributions times the number of
reports of one speaker in one time window, not with the square of the store. Within a block every
candidate pair is scored on lexical evidence (the longest run of words both contents share:
outlets quote the same words) and on the cosine of their sentence embeddings (paraphrases of one
remark). Accepted pairs are joined transitively; a pair from one article is never linked directly
(an article's separate quotes are separate remarks), though both may join one statement through a
report elsewhere that covers both.

Text similarity alone cannot tell a remark reported twice from the same talking point repeated on
another occasion (another interview, a tweet and a statement, the next day's rally). The statement
dates can (``when``): two reports that date the remark to the same day are evidence of one
occasion, so a looser cosine suffices. Two reports that date it to different days are two occasions
and are never linked, not even by a verbatim run (a speaker's stock line is repeated word for
word), and no statement ever holds reports dated to different days. A week, a month or a
publication date alone says too little either way.

The thresholds were calibrated on ``tests/data/statement_pairs.jsonl`` (same/different pairs of
PolNeAR reports labelled by hand): see ``benchmarks/timeline_eval.py`` for the figures. They sit on
the frontier of what this evidence can do (``benchmarks/statement_pairs_study.py``): a logistic
regression over the same features plus the publication gap and "undated report published on or the
day after the other's day", added to the rules, reached out of fold on train at best precision
0.941 for recall 0.547 (the rules alone: 0.968 / 0.513), and no single extra rule found more than
one more right link without a wrong one. Stemming the overlap (+1 right, +5 wrong) and embedding the
content without its cue (-2 right, +4 wrong) did worse too. Most misses are a remark reported
undated on one side or both, where only the words are left to decide. The occasion of each report
(the debate, rally, interview or tweet named around it) was tried as evidence too
(``benchmarks/statement_occasions_study.py``): 3 more right links on train out of fold, none on the
held-out pairs, one more wrong one; an agreeing occasion is weak evidence (two answers at one
debate are two statements).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from difflib import SequenceMatcher

import numpy as np

from onrecord.attribution.cues import lemma_of
from onrecord.models import StatementDate
from onrecord.nlp.embed import Vectors
from onrecord.nlp.stop_words import stop_words

__all__ = [
    "LinkItem",
    "PairFeatures",
    "Thresholds",
    "cue_key",
    "interval",
    "link",
    "linked_pair",
    "pair_features",
    "same_statement",
    "when",
]

_WORD = re.compile(r"[\w\u2019']+")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When two reports of one speaker are one statement.

    ``shared_run``: this many consecutive words in common is verbatim evidence on its own.
    ``cosine``: embeddings this close are paraphrases of one remark on their own.
    ``cosine_with_words`` and ``overlap``: a looser cosine is enough with this share of the shorter
    report's content words in common.
    ``cosine_with_cue`` and ``overlap_with_cue``: looser still when both reports use the same
    specific verb for the act ("ruled out", "accused"; not "said" or "told").
    ``cosine_same_day``: enough on its own when both reports date the statement to the same day.
    ``window_days``: reports whose periods are further apart are never compared.
    ``lookback_days``: an undated report may be of a remark made this long before publication.
    """

    shared_run: int = 10
    cosine: float = 0.96
    cosine_with_words: float = 0.91
    overlap: float = 0.8
    cosine_with_cue: float = 0.88
    overlap_with_cue: float = 0.5
    cosine_same_day: float = 0.87
    window_days: int = 7
    lookback_days: int = 30


DEFAULT = Thresholds()


@dataclass(frozen=True, slots=True)
class LinkItem:
    """What linking needs of one attribution."""

    id: str
    article: str
    speaker: str
    lo: date  # the statement was made no earlier than this ...
    hi: date  # ... and no later than this
    text: str
    cue: str | None
    vector: Vectors
    # the precision of the date the report itself gives ("day", "week", "month", "year"); None
    # when the report is undated and lo..hi is only the window before publication
    precision: str | None = None


def interval(
    stated: StatementDate | None, published: date | None, lookback_days: int
) -> tuple[date, date] | None:
    """The days a statement may have been made on: its dated period, or for an undated report
    the ``lookback_days`` before publication (news reports remarks of the last weeks)."""
    if stated is not None and stated.value is not None and stated.precision != "article":
        start = date.fromisoformat(stated.value)
        if stated.precision == "week":
            return start, start + timedelta(days=6)
        if stated.precision == "month":
            nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
            return start, nxt - timedelta(days=1)
        if stated.precision == "year":
            return start, start.replace(month=12, day=31)
        return start, start
    if published is None:
        return None
    return published - timedelta(days=lookback_days), published


def _words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def _content_words(words: Sequence[str]) -> set[str]:
    return {w for w in words if w not in stop_words() and len(w) > 2}


# Words around a cue that say nothing about the act, and cues too common to be evidence.
_CUE_FILLER = frozenset(["has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will"])
_CUE_FILLER |= {"would", "also", "repeatedly", "once", "again", "previously", "later"}
_PARTICLES = frozenset(["out", "up", "down", "off", "back"])
_COMMON_CUES = frozenset(
    ["say", "tell", "add", "note", "accord", "write", "ask", "state", "explain", "continue"]
)


def cue_key(cue: str | None) -> str | None:
    """The verb of a cue as a lemma ("ruled out" -> "rule out"), or None when it is one of the
    everyday reporting verbs that every report uses."""
    words = [w for w in _words(cue or "") if w not in _CUE_FILLER]
    if not words:
        return None
    lemma = lemma_of(words[0]) or re.sub(r"(?:ing|ed|es|s)$", "", words[0]) or words[0]
    if lemma in _COMMON_CUES:
        return None
    if len(words) > 1 and words[1] in _PARTICLES:
        lemma += " " + words[1]
    return lemma


# What the two reports' statement dates say about the occasion (``when``).
SAME_DAY = "same day"  # both date the remark to the same day: one occasion, most likely
OTHER_DAYS = "other days"  # both date it, to different days: two occasions
APART = "apart"  # their periods are more than the window apart: never compared
OPEN = "open"  # nothing either way (both undated, a week, a month ...)


def when(a: LinkItem, b: LinkItem, t: Thresholds = DEFAULT) -> str:
    """What the dates of two reports say about whether they report one occasion.

    Only two day dates say something. An undated report published on the day the other dates the
    remark to, or the day after, was tried as weaker evidence (cosine 0.885): it joined two
    interviews given on consecutive days as soon as a date was inherited differently, so it is not
    used.
    """
    if not _close(a, b, t.window_days):
        return APART
    if a.precision == "day" and b.precision == "day":
        return SAME_DAY if a.lo == b.lo else OTHER_DAYS
    return OPEN


@dataclass(frozen=True, slots=True)
class PairFeatures:
    cosine: float
    shared_run: int
    overlap: float
    same_cue: bool = False
    when: str = OPEN


def pair_features(
    text_a: str,
    text_b: str,
    vec_a: Vectors,
    vec_b: Vectors,
    cue_a: str | None = None,
    cue_b: str | None = None,
    when: str = OPEN,
) -> PairFeatures:
    wa, wb = _words(text_a), _words(text_b)
    return PairFeatures(
        float(np.dot(vec_a, vec_b)),
        _shared_run(wa, wb),
        _overlap(_content_words(wa), _content_words(wb)),
        _same_cue(cue_key(cue_a), cue_key(cue_b)),
        when,
    )


def _shared_run(wa: Sequence[str], wb: Sequence[str]) -> int:
    return SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb)).size


def _overlap(ca: set[str], cb: set[str]) -> float:
    """The share of the shorter report's content words that the other one has too."""
    return len(ca & cb) / max(1, min(len(ca), len(cb)))


def _same_cue(key_a: str | None, key_b: str | None) -> bool:
    return key_a is not None and key_a == key_b


def same_statement(f: PairFeatures, t: Thresholds = DEFAULT) -> bool:
    if f.when in (APART, OTHER_DAYS):
        return False
    if f.shared_run >= t.shared_run:
        return True
    if f.cosine >= t.cosine:
        return True
    if f.when == SAME_DAY and f.cosine >= t.cosine_same_day:
        return True
    if f.same_cue and f.cosine >= t.cosine_with_cue and f.overlap >= t.overlap_with_cue:
        return True
    return f.cosine >= t.cosine_with_words and f.overlap >= t.overlap


def linked_pair(a: LinkItem, b: LinkItem, t: Thresholds = DEFAULT) -> bool:
    """Whether ``link`` joins two reports directly (before transitivity and copies are taken into
    account): the decision that ``benchmarks/timeline_eval.py`` scores on labelled pairs."""
    if a.speaker != b.speaker or a.article == b.article:
        return False
    return same_statement(pair_features(a.text, b.text, a.vector, b.vector, a.cue, b.cue, when(a, b, t)), t)


def _close(a: LinkItem, b: LinkItem, window: int) -> bool:
    return (b.lo - a.hi).days <= window and (a.lo - b.hi).days <= window


_GRAM = 5  # a verbatim run of ``shared_run`` words shares word 5-grams


def _grams(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[k : k + _GRAM]) for k in range(len(words) - _GRAM + 1)}


def candidate_pairs(
    items: Sequence[LinkItem], t: Thresholds = DEFAULT, *, floor: float = -1.0
) -> Iterator[tuple[int, int, float]]:
    """Pairs of one speaker, from different articles, close in time, with their cosine.

    Only pairs whose cosine reaches ``floor`` or that share a word 5-gram (the only way a pair
    below the cosine thresholds can still be one statement: a verbatim run) are yielded; both
    tests are cheap (a vector product per window, an index of 5-grams per speaker).
    """
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        by_speaker[it.speaker].append(k)
    for members in by_speaker.values():
        members.sort(key=lambda k: (items[k].lo, items[k].id))
        vectors = np.stack([items[k].vector for k in members])
        grams = [_grams(_words(items[k].text)) for k in members]
        index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for pos, g in enumerate(grams):
            for gram in g:
                index[gram].append(pos)
        for pos, k in enumerate(members):
            a = items[k]
            end = pos + 1
            limit = a.hi + timedelta(days=t.window_days)
            while end < len(members) and items[members[end]].lo <= limit:
                end += 1
            if end == pos + 1:
                continue
            sims = vectors[pos + 1 : end] @ vectors[pos]
            wanted = set((np.nonzero(sims >= floor)[0] + pos + 1).tolist())
            for gram in grams[pos]:
                seen = index[gram]  # positions in ascending order: take the window's slice
                wanted.update(seen[bisect.bisect_right(seen, pos) : bisect.bisect_left(seen, end)])
            for q in sorted(wanted):
                b = items[members[q]]
                if b.article != a.article and _close(a, b, t.window_days):
                    yield k, members[q], float(sims[q - pos - 1])


def _collapse_copies(items: Sequence[LinkItem], t: Thresholds, join: Callable[[int, int], None]) -> list[int]:
    """Join reports of one speaker with the very same words close in time (syndicated copies, one
    quote in many outlets) and keep one of each run, its time span widened to the run's. Without
    this a story copied by a thousand sites would cost a million comparisons."""
    keys = [(it.speaker, " ".join(_words(it.text))) for it in items]
    order = sorted(range(len(items)), key=lambda k: (keys[k], items[k].lo, items[k].id))
    kept: list[int] = []
    hi: date | None = None
    for k in order:
        # as the verbatim rule: only copies long enough to be evidence (not "no comment")
        long_enough = len(keys[k][1].split()) >= t.shared_run
        same = (
            long_enough and kept and keys[kept[-1]] == keys[k] and items[kept[-1]].article != items[k].article
        )
        if same and hi is not None and (items[k].lo - hi).days <= t.window_days:
            join(k, kept[-1])
            hi = max(hi, items[k].hi)
            continue
        kept.append(k)
        hi = items[k].hi
    return kept


def link(items: Sequence[LinkItem], t: Thresholds = DEFAULT) -> list[list[int]]:
    """Groups of item indices that report one statement (every item is in exactly one group).

    Two groups whose reports date the statement to different days are never joined, whatever the
    pair that would join them: a chain of paraphrases must not merge two occasions."""
    parent = list(range(len(items)))
    days: dict[int, frozenset[date]] = {
        k: frozenset([it.lo]) for k, it in enumerate(items) if it.precision == "day"
    }

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[rx] = ry
            if rx in days:
                days[ry] = days.get(ry, frozenset()) | days.pop(rx)

    def other_days(x: int, y: int) -> bool:
        dx, dy = days.get(find(x)), days.get(find(y))
        return dx is not None and dy is not None and dx.isdisjoint(dy)

    kept = _collapse_copies(items, t, join)
    # a kept report stands for its copies: it spans their dates
    span: dict[int, tuple[date, date]] = {}
    for k in range(len(items)):
        root = find(k)
        lo, hi = span.get(root, (items[k].lo, items[k].hi))
        span[root] = (min(lo, items[k].lo), max(hi, items[k].hi))
    reps = []
    for k in kept:
        lo, hi = span[find(k)]
        widened = (lo, hi) != (items[k].lo, items[k].hi)
        reps.append(replace(items[k], lo=lo, hi=hi, precision=None if widened else items[k].precision))
    floor = min(t.cosine, t.cosine_with_words, t.cosine_with_cue, t.cosine_same_day)
    words = [_words(it.text) for it in reps]
    content = [_content_words(w) for w in words]
    cues = [cue_key(it.cue) for it in reps]
    for i, j, sim in candidate_pairs(reps, t, floor=floor):
        if find(kept[i]) == find(kept[j]) or other_days(kept[i], kept[j]):
            continue
        f = PairFeatures(
            sim, 0, _overlap(content[i], content[j]), _same_cue(cues[i], cues[j]), when(reps[i], reps[j], t)
        )
        if not same_statement(f, t):
            # the longest common run (the costly feature) only where it could decide
            if not same_statement(replace(f, shared_run=t.shared_run), t):
                continue
            if not same_statement(replace(f, shared_run=_shared_run(words[i], words[j])), t):
                continue
        join(kept[i], kept[j])
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(items)):
        groups[find(k)].append(k)
    return sorted(groups.values(), key=lambda g: g[0])
