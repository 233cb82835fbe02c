"""Candidate shifts in a speaker's position: two statements on one topic whose claims are in tension.

A flag is a pointer for a person to review, never a verdict. Only statements that are about the
same thing (same speaker, a shared topic, close embeddings) are compared, and only the few most
similar earlier statements of each, so the work stays near-linear. Tension is one of:

- ``negation``: one says it and the other denies it (negation or a refusal word on one side only:
  "ready for talks" / "not ready for talks", "ruled out", "rejected");
- ``number``: both give numbers and they differ ("30 days" / "72 hours");
- ``deadline``: one names a time ("by May", "within 24 hours") and the other says "never" or "no
  deadline".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from onrecord.models import Shift
from onrecord.nlp.embed import Vectors
from onrecord.timeline.dates import find_time_phrases

__all__ = ["ShiftInput", "find_shifts"]

# Two statements closer than this are about the same matter; looser pairs are not compared.
MIN_SIMILARITY = 0.86
# How many of the most similar earlier statements each statement is compared with.
NEIGHBOURS = 5
_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|cannot|can't|won't|don't|doesn't|didn't|isn't|"
    r"aren't|wasn't|weren't|refus\w*|reject\w*|rul\w* out|den(?:y|ies|ied)|impossible|unacceptable|"
    r"dismiss\w*)\b|n't\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b", re.IGNORECASE
)
_NEVER = re.compile(r"\b(?:never|no deadline|no timeline|no time ?frame|indefinite\w*)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|within|until|before)\s+(?:the\s+end\s+of\s+)?\w+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ShiftInput:
    id: str
    speaker: str
    day: str | None  # ISO date the statement was made (None: unknown, not compared)
    text: str  # cue and content
    topics: dict[str, float]


def _numbers(text: str) -> frozenset[str]:
    return frozenset(m.group().lower().rstrip(".,") for m in _NUMBER.finditer(text))


def _has_time(text: str) -> bool:
    return bool(_DEADLINE.search(text) or find_time_phrases(text))


def tension(a: str, b: str) -> tuple[str, str] | None:
    """The kind of tension between two statements' texts and a short explanation, or None."""
    na, nb = bool(_NEGATION.search(a)), bool(_NEGATION.search(b))
    if na != nb:
        word = _NEGATION.search(a) or _NEGATION.search(b)
        assert word is not None
        return "negation", f"“{word.group()}” on one side only"
    if _NEVER.search(a) and not _NEVER.search(b) and _has_time(b):
        return "deadline", "“never” or no deadline, then a stated time"
    if _NEVER.search(b) and not _NEVER.search(a) and _has_time(a):
        return "deadline", "a stated time, then “never” or no deadline"
    xa, xb = _numbers(a), _numbers(b)
    if xa and xb and xa != xb:
        return "number", f"{', '.join(sorted(xa))} vs {', '.join(sorted(xb))}"
    return None


def find_shifts(
    statements: Sequence[ShiftInput], vectors: Vectors, threshold: float, *, limit: int = NEIGHBOURS
) -> list[Shift]:
    """Candidate shifts among statements (aligned with ``vectors``), earlier statement first."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, s in enumerate(statements):
        if s.day is None:
            continue
        for topic, score in s.topics.items():
            if score >= threshold:
                groups[(s.speaker, topic)].append(k)
    found: dict[tuple[str, str], Shift] = {}
    for (_, topic), members in sorted(groups.items()):
        members.sort(key=lambda k: (statements[k].day or "", statements[k].id))
        sub = vectors[members]
        sims = sub @ sub.T
        for j in range(1, len(members)):
            earlier = sims[j, :j]
            for i in np.argsort(-earlier)[:limit]:
                sim = float(earlier[i])
                if sim < MIN_SIMILARITY:
                    break
                a, b = statements[members[int(i)]], statements[members[j]]
                if a.day == b.day:
                    continue
                why = tension(a.text, b.text)
                if why is None or (a.id, b.id) in found:
                    continue
                found[(a.id, b.id)] = Shift(a.id, b.id, topic, why[0], why[1], round(sim, 3))
    return sorted(found.values(), key=lambda s: (-s.score, s.a, s.b))
