"""Candidate shifts in a speaker's position: two statements on one topic whose claims are in tension.

A flag is a pointer for a person to review, never a verdict. Only statements that are about the
same thing (same speaker, a shared topic, close embeddings) are compared, and only the few most
similar earlier statements of each, so the work stays near-linear. Tension is one of:

- ``negation``: one says it and the other denies it: a negation or refusal word on one side only
  ("ready for talks" / "not ready for talks", "ruled out", "rejected"), and what it negates (the
  few words after it) shares a common word with the other statement: a "not" somewhere in a long
  quote about something else is no reversal;
- ``number``: both give amounts of the same unit ("30 days" / "72 hours" are not; "$1 trillion" /
  "$2 trillion" are) and neither set of amounts contains the other (years and bare numbers, which
  are as often dates, ranks or pronouns, are not amounts);
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
from onrecord.nlp.stop_words import stop_words
from onrecord.timeline.dates import find_time_phrases

__all__ = ["ShiftInput", "find_shifts"]

# Two statements closer than this are about the same matter; looser pairs are not compared.
MIN_SIMILARITY = 0.86
# Whose positions can shift: one person, or one organisation speaking as such.
SPEAKER_TYPES = frozenset({"person", "organization"})
# How many of the most similar earlier statements each statement is compared with.
NEIGHBOURS = 5
_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|cannot|can't|won't|don't|doesn't|didn't|isn't|"
    r"aren't|wasn't|weren't|refus\w*|reject\w*|rul\w* out|den(?:y|ies|ied)|impossible|unacceptable|"
    r"dismiss\w*)\b|n't\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100,
}  # fmt: skip
_AMOUNT = re.compile(
    r"(?P<cur>[$\u20ac\u00a3])?\s?(?P<n>\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")\b"
    r"\s*(?P<scale>thousand|million|billion|trillion)?[\s-]*(?P<unit>%|percent|per cent|[a-z]+)?",
    re.IGNORECASE,
)
# Durations are one measure whatever the unit: "a 30-day ceasefire" and "a 72-hour ceasefire" differ.
_HOURS = {"hour": 1, "day": 24, "week": 24 * 7, "month": 24 * 30, "year": 24 * 365}
_UNITS = frozenset(
    [
        "percent",
        "troop",
        "soldier",
        "people",
        "dollar",
        "euro",
        "ruble",
        "vote",
        "seat",
        "delegate",
        "point",
        "job",
        "prisoner",
        "mile",
        "kilometer",
        "km",
        "tank",
        "missile",
        "state",
        "country",
    ]
)
# Words that are no evidence that a negation is about the other statement's matter.
_SCOPE_WORDS = 2
_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]+")
_NEVER = re.compile(r"\b(?:never|no deadline|no timeline|no time ?frame|indefinite\w*)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|within|until|before)\s+(?:the\s+end\s+of\s+)?\w+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ShiftInput:
    id: str
    speaker: str
    day: str | None  # ISO date the statement was made (None: unknown, not compared)
    text: str  # cue and content
    topics: dict[str, float]
    speaker_type: str = "person"
    speaker_name: str = ""


def _amounts(text: str) -> dict[str, frozenset[float]]:
    """Amounts by measure: {"$ trillion": {1.0}, "duration": {720.0}, "prisoner": {1000.0}}. A
    number with neither currency nor unit (a year, a rank, "one of them") is not an amount."""
    out: dict[str, set[float]] = defaultdict(set)
    for m in _AMOUNT.finditer(text):
        raw = m.group("n").lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw.replace(",", ""))
        unit = (m.group("unit") or "").lower()
        unit = "percent" if unit in ("%", "per cent") else unit.removesuffix("s")
        currency = m.group("cur") or ""
        if unit in _HOURS and not currency:
            out["duration"].add(value * _HOURS[unit])
            continue
        if unit not in _UNITS:
            unit = ""
        key = " ".join(x for x in (currency, (m.group("scale") or "").lower(), unit) if x)
        if key and (currency or unit):
            out[key].add(value)
    return {k: frozenset(v) for k, v in out.items()}


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 4 else word


def _common_words(text: str) -> set[str]:
    """Lower-case words (names left out: a shared name is no shared matter), crudely stemmed."""
    return {_stem(w) for w in _WORD.findall(text) if w not in stop_words()}


def _around_amounts(text: str, unit: str) -> set[str]:
    words: set[str] = set()
    for m in _AMOUNT.finditer(text):
        if _amounts(m.group()).keys() & {unit}:
            before = " ".join(text[: m.start()].split()[-3:])
            after = " ".join(text[m.end() :].split()[:3])
            words |= _common_words(f"{before} {m.group()} {after}")
    return words


def _same_measure(a: str, b: str, unit: str) -> bool:
    """Two amounts of one unit measure the same thing when the words around them meet ("minimum
    wage ... $12" / "a $15 minimum wage"), not "$3 to our campaign" / "$27 average donation"."""
    around_a, around_b = _around_amounts(a, unit), _around_amounts(b, unit)
    return not around_a or not around_b or bool(around_a & around_b)


def _negated_overlap(negated: str, match: re.Match[str], other: str) -> bool:
    """Does what the negation governs (the words after it) share a common word with the other?"""
    scope = " ".join(negated[match.end() :].split()[:_SCOPE_WORDS])
    return bool(_common_words(scope) & _common_words(other))


def _has_time(text: str) -> bool:
    return bool(_DEADLINE.search(text) or find_time_phrases(text))


def _plain(text: str) -> str:
    """Curly apostrophes as straight ones: news text writes them as often as straight ones."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _shown(values: frozenset[float]) -> str:
    return ", ".join(f"{v:g}" for v in sorted(values))


def tension(a: str, b: str) -> tuple[str, str] | None:
    """The kind of tension between two statements' texts and a short explanation, or None.

    "Never" or "no deadline" against a stated time is a deadline change before it is a negation.
    """
    a, b = _plain(a), _plain(b)
    if _NEVER.search(a) and not _NEVER.search(b) and _has_time(b):
        return "deadline", "“never” or no deadline, then a stated time"
    if _NEVER.search(b) and not _NEVER.search(a) and _has_time(a):
        return "deadline", "a stated time, then “never” or no deadline"
    na, nb = _NEGATION.search(a), _NEGATION.search(b)
    if bool(na) != bool(nb):
        negated, other, word = (a, b, na) if na else (b, a, nb)
        assert word is not None
        if _negated_overlap(negated, word, other):
            return "negation", f"“{word.group()}” on one side only"
    xa, xb = _amounts(a), _amounts(b)
    for unit in sorted(set(xa) & set(xb)):
        if not (xa[unit] <= xb[unit] or xb[unit] <= xa[unit]) and _same_measure(a, b, unit):
            shown = "duration in hours" if unit == "duration" else unit
            return "number", f"{_shown(xa[unit])} vs {_shown(xb[unit])} ({shown})"
    return None


def _named(s: ShiftInput) -> bool:
    return not s.speaker_name or any(ch.isupper() for ch in s.speaker_name)


def find_shifts(
    statements: Sequence[ShiftInput], vectors: Vectors, threshold: float, *, limit: int = NEIGHBOURS
) -> list[Shift]:
    """Candidate shifts among statements (aligned with ``vectors``), earlier statement first."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, s in enumerate(statements):
        # a group ("Republicans") is many voices: its statements differing is no shift; nor is an
        # organisation known only by a common noun ("poll", "the campaign"): each may be another
        if s.day is None or s.speaker_type not in SPEAKER_TYPES or not _named(s):
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
