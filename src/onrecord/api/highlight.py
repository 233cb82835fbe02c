"""Cutting an article's text into runs to highlight, without ever writing markup from the text.

Every span (an attribution's content, cue and speaker mention, a removed stretch) becomes a pair of
boundaries; the text between two neighbouring boundaries is one run, tagged with every span that
covers it. Spans may nest or overlap (a cue inside a mixed quote, two attributions sharing a
mention): flat runs represent any overlap without having to nest elements. The template writes
each run's text through Jinja's autoescape, so article text is only ever text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from onrecord.models import Attribution, Removal

# The parts of an attribution that are highlighted, each in its own style.
ROLES = ("content", "cue", "mention")


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text to highlight: a ``role`` of attribution ``ref``, or a removal (role
    ``removed``, ``ref`` its reason)."""

    start: int
    end: int
    role: str
    ref: str


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text under one set of marks."""

    text: str
    roles: tuple[str, ...]
    attributions: tuple[str, ...]
    removed: str | None
    # True on the first content run of each attribution: the one that takes keyboard focus.
    anchor: str | None = None

    @property
    def classes(self) -> str:
        return " ".join([*(f"hl-{r}" for r in self.roles), *(["removed"] if self.removed else [])])


def marks_for(text: str, attributions: Iterable[Attribution], removed: Iterable[Removal]) -> list[Mark]:
    """The marks of an article. A removal takes the blank lines after it along, so that hiding
    removed boilerplate leaves no gap where it stood."""
    marks = [Mark(r.start, _past_blanks(text, r.end), "removed", r.reason) for r in removed]
    for a in attributions:
        for role, span in (("content", a.content), ("cue", a.cue), ("mention", a.speaker_mention)):
            if span is not None:
                marks.append(Mark(span.start, span.end, role, a.id))
    return marks


def _past_blanks(text: str, end: int) -> int:
    """Past the whitespace after ``end`` when the removal ended a line (never inside a line)."""
    if end >= len(text) or text[end] not in "\r\n":
        return end
    while end < len(text) and text[end].isspace():
        end += 1
    return end


def runs(text: str, marks: Iterable[Mark]) -> list[Run]:
    """The whole of ``text`` as consecutive runs; marks outside the text are clipped."""
    kept = [m for m in marks if 0 <= m.start < m.end and m.start < len(text)]
    cuts = sorted({0, len(text), *(m.start for m in kept), *(min(m.end, len(text)) for m in kept)})
    anchored: set[str] = set()
    out: list[Run] = []
    for start, end in pairwise(cuts):
        covering = [m for m in kept if m.start <= start and end <= m.end]
        roles = tuple(r for r in ROLES if any(m.role == r for m in covering))
        atts = tuple(dict.fromkeys(m.ref for m in covering if m.role != "removed"))
        removed = next((m.ref for m in covering if m.role == "removed"), None)
        anchor = None
        for m in covering:
            if m.role == "content" and m.ref not in anchored:
                anchored.add(m.ref)
                anchor = m.ref
                break
        out.append(Run(text[start:end], roles, atts, removed, anchor))
    return out
