"""Find the article body and the headline in scraped plain text, keeping a map to the original.

The text is taken line by line. Each line gets features (length, sentence end, share of function
words, list bullet, indentation) and, where a phrase list or pattern recognises it, a chrome
reason. Blocks that open with a recognisable header (newsletter boxes, donation appeals, teaser
lists, comment sections) take the lines that follow them. The main content is then the
contiguous stretch of lines with the highest score (prose counts for, chrome against: Finn's Body
Text Extraction over lines). Inside it, bylines, datelines and lines beside the article's
indentation column go; in unindented text, short lines stay only where they head prose.
Within a kept paragraph, a name's hover card rendered inline goes (:mod:`onrecord.clean.inline`).
The headline is the heading-like line just before that stretch (the first copy, if printed twice).
With ``extracted=True`` only lines that are chrome on their own are removed.

The removal reasons are listed in :mod:`onrecord.clean.reasons`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from onrecord.clean.blocks import keep_announced_lists
from onrecord.clean.inline import hover_cards
from onrecord.clean.lines import MAX_HEADLINE_WORDS, Line
from onrecord.clean.page import PROSE_LONG_WORDS, PROSE_MIN_WORDS, Page, is_prose, is_sentence
from onrecord.clean.phrases import line_key
from onrecord.clean.reasons import (
    BYLINE,
    DATELINE,
    DUPLICATE_TITLE,
    FRAGMENT,
    HOVER_CARD,
    NAVIGATION,
    OUTSIDE,
    REASONS,
    STANDFIRST,
    TITLE,
)
from onrecord.models import CleanText, Removal, Segment, Span

__all__ = ["REASONS", "clean_text", "repeated_lines"]

PARAGRAPH_SEPARATOR = "\n\n"
_BREAK = re.compile(r"\r\n|\r|\n")

# --- Headline ------------------------------------------------------------------------------------
# The headline stands within this many non-blank lines before the article.
TITLE_WINDOW = 30
# Kickers and section labels ("Company Town", "Opinion") are shorter than headlines.
TITLE_MIN_WORDS = 3


def clean_text(
    text: str, *, known_boilerplate: frozenset[str] = frozenset(), extracted: bool = False
) -> CleanText:
    """The article body and headline of ``text``, with a map back to ``text``.

    ``known_boilerplate`` holds :func:`line_key` values of lines seen on many pages of the same
    outlet (see :func:`repeated_lines`). With ``extracted=True`` the text is already the main
    content of a page, and only lines that are certainly chrome are removed.
    """
    page = Page(text, known_boilerplate)
    lines = page.nonblank
    if not lines:
        return CleanText(body="", segments=(), removed=())
    if extracted:
        for line in lines:
            own = page.own[line.index]
            if own is not None:
                page.reason[line.index] = own
        start, end = 0, len(lines)
    else:
        page.mark_blocks()
        start, end = page.main_span()
    title = _find_title(page, start, end)
    if not extracted:
        _mark_standfirst(page, start, end)
        _select_inside(page, start, end)
        for k, line in enumerate(lines):
            if k < start or k >= end:
                page.reason.setdefault(line.index, page.own[line.index] or OUTSIDE)
        _drop_isolated(page)
        keep_announced_lists(page.nonblank, page.own, page.reason)
    _rejoin_wrapped(page)
    return _assemble(page, title)


def _drop_isolated(page: Page) -> None:
    """A kept short line (a label, a link) with removed lines on both sides is a stray piece of the
    chrome around it, not part of the article: prose stands on its own, a label does not."""
    lines = page.nonblank
    drop = [
        lines[k]
        for k in range(1, len(lines) - 1)
        if lines[k].index not in page.reason
        and lines[k - 1].index in page.reason
        and lines[k + 1].index in page.reason
        and not is_prose(lines[k])
    ]
    for line in drop:
        page.reason[line.index] = FRAGMENT


def _rejoin_wrapped(page: Page) -> None:
    """Give back to a kept paragraph the start of it that a hard line wrap left looking short."""
    lines = page.lines
    for k in range(len(lines) - 1, 0, -1):
        line, prev = lines[k], lines[k - 1]
        if line.blank or prev.blank or line.index in page.reason:
            continue
        if page.reason.get(prev.index) in _WEAK_REASONS and _continues(prev, line):
            del page.reason[prev.index]


# Reasons given for where a line stands rather than for what it says.
_WEAK_REASONS = frozenset({OUTSIDE, FRAGMENT})


def _find_title(page: Page, start: int, end: int) -> Line | None:
    """Pick the headline before (or at the top of) the main stretch and mark its copies."""
    lines = page.nonblank
    first_body = start
    while first_body < end and not is_prose(lines[first_body]):
        first_body += 1
    window = lines[max(0, first_body - TITLE_WINDOW) : first_body]
    following = {a.index: b for a, b in itertools.pairwise(lines)}
    candidates = [
        ln
        for ln in window
        if ln.headline_like
        and not (
            ln.index in following
            and _continues(ln, following[ln.index])
            and _adjoining(ln, following[ln.index])
        )
        and ln.words >= TITLE_MIN_WORDS
        and page.own[ln.index] is None
        and ln.index not in page.reason
        and not ln.byline
    ]
    if not candidates:
        return None
    title: Line | None = None
    # A headline printed twice (page title and heading) is the surest sign of the headline.
    for later in reversed(candidates):
        for earlier in candidates:
            if earlier.index >= later.index:
                break
            if _same_headline(earlier.key, later.key):
                title = earlier
                break
        if title is not None:
            break
    if title is None:
        title = candidates[-1]
    page.reason[title.index] = TITLE
    for line in lines:
        if (
            line.index != title.index
            and line.words <= MAX_HEADLINE_WORDS
            and _same_headline(line.key, title.key)
        ):
            page.reason[line.index] = DUPLICATE_TITLE
    return title


def _same_headline(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    # "Opinion | Headline" and "Headline - Site Name" are the headline with a label.
    return len(short) >= MIN_TITLE_AFFIX_CHARS and (long.endswith(short) or long.startswith(short))


# A label-stripped headline must still be this long to count as the same headline.
MIN_TITLE_AFFIX_CHARS = 20


def _mark_standfirst(page: Page, start: int, end: int) -> None:
    """A prose line separated from the rest of the article by a byline or date is its summary."""
    lines = page.nonblank
    k = start
    while k < end and (lines[k].index in page.reason or not is_prose(lines[k])):
        k += 1
    for j in range(k + 1, min(end, k + 1 + STANDFIRST_LOOKAHEAD)):
        nxt = lines[j]
        if nxt.byline or nxt.datelike:
            if any(is_prose(ln) for ln in lines[j + 1 : end]):
                page.reason[lines[k].index] = STANDFIRST
            return
        if is_prose(nxt) and nxt.index not in page.reason:
            return


# The byline or date follows the standfirst within this many lines (photo, credit, author name).
STANDFIRST_LOOKAHEAD = 4


def _select_inside(page: Page, start: int, end: int) -> None:
    """Inside the main stretch, keep prose and the short lines that head or continue it."""
    lines = page.nonblank
    column = page.column
    for k in range(start, end):
        line = lines[k]
        if line.index in page.reason:
            continue
        own = page.own[line.index]
        if own is not None:
            page.reason[line.index] = own
            continue
        in_column = not column or line.indent in column
        if is_prose(line):
            if in_column or line.bullet or line.words >= PROSE_LONG_WORDS:
                continue
            page.reason[line.index] = FRAGMENT
        elif line.byline:
            page.reason[line.index] = BYLINE
        elif line.datelike:
            page.reason[line.index] = DATELINE
        elif line.bullet and line.words < PROSE_MIN_WORDS and not (column and in_column):
            # A list inside the article's column is part of it; elsewhere it is a menu.
            page.reason[line.index] = NAVIGATION
        elif not in_column:
            page.reason[line.index] = FRAGMENT
        elif is_sentence(line) or column:
            # In the article's column, tables, lists and subheadings belong to the article.
            continue
        elif not _heads_prose(page, k, end):
            page.reason[line.index] = FRAGMENT


def _heads_prose(page: Page, k: int, end: int) -> bool:
    """Whether the next line still in play after ``k`` is prose: a subheading is followed by text."""
    lines = page.nonblank
    for j in range(k + 1, end):
        nxt = lines[j]
        if nxt.index in page.reason or page.own[nxt.index] is not None:
            continue
        return is_prose(nxt) or is_sentence(nxt)
    return False


def _assemble(page: Page, title: Line | None) -> CleanText:
    text = page.text
    parts: list[str] = []
    segments: list[Segment] = []
    removed: list[Removal] = []
    clean_pos = 0
    para: list[Line] = []

    def flush() -> None:
        nonlocal clean_pos
        if not para:
            return
        orig_start, orig_end = para[0].start, para[-1].end
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            clean_pos += len(PARAGRAPH_SEPARATOR)
        # a hover card inside the paragraph is left out of it; the prose on both sides stays
        pos = orig_start
        for cut_start, cut_end in [*hover_cards(text, orig_start, orig_end), (orig_end, orig_end)]:
            if cut_start > pos:
                parts.append(text[pos:cut_start])
                segments.append(Segment(clean_pos, pos, cut_start - pos))
                clean_pos += cut_start - pos
            if cut_end > cut_start:
                removed.append(Removal(cut_start, cut_end, HOVER_CARD))
            pos = cut_end
        para.clear()

    prev: Line | None = None
    for line in page.lines:
        if line.blank:
            flush()
            prev = None
            continue
        reason = page.reason.get(line.index)
        if reason is None:
            if prev is not None and para and not _continues(prev, line):
                flush()
            para.append(line)
            prev = line
            continue
        flush()
        prev = None
        if removed and removed[-1].reason == reason and not para and _adjacent(page, removed[-1], line):
            removed[-1] = Removal(removed[-1].start, line.end, reason)
        else:
            removed.append(Removal(line.start, line.end, reason))
    flush()
    title_span = Span(title.start, title.end, title.text) if title is not None else None
    return CleanText(body="".join(parts), segments=tuple(segments), removed=tuple(removed), title=title_span)


def _adjacent(page: Page, last: Removal, line: Line) -> bool:
    """Whether only whitespace lies between a removal and a line (so they may be merged)."""
    return not page.text[last.end : line.start].strip()


def _adjoining(prev: Line, line: Line) -> bool:
    """Whether ``line`` is the line right after ``prev``, with no blank line between."""
    return line.index == prev.index + 1


def _continues(prev: Line, line: Line) -> bool:
    """Whether ``line`` continues the paragraph of ``prev`` (a hard-wrapped text)."""
    if prev.sentence_end or not line.text[:1].islower():
        return False
    return prev.indent == line.indent or line.indent == 0


def repeated_lines(texts: Iterable[str], *, min_articles: int = 3) -> frozenset[str]:
    """Keys of non-empty lines that occur in at least ``min_articles`` distinct texts."""
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for text in texts:
        # The same page fed twice (a re-scrape) is one article, not two.
        if text in seen:
            continue
        seen.add(text)
        for key in {line_key(raw) for raw in _BREAK.split(text)}:
            if key:
                counts[key] = counts.get(key, 0) + 1
    return frozenset(k for k, n in counts.items() if n >= min_articles)
