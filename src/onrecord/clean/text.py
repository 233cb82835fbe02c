"""Find the article body and the headline in scraped plain text, keeping a map to the original.

The text is taken line by line. Each line gets features (length, sentence end, share of function
words, list bullet, indentation) and, where a phrase list or pattern recognises it, a chrome
reason. Blocks that open with a recognisable header (newsletter boxes, donation appeals, teaser
lists, comment sections) take the lines that follow them. The main content is then the
contiguous stretch of lines with the highest score (prose counts for, chrome against: Finn's Body
Text Extraction over lines), inside which short lines survive only where they read as
subheadings of the prose. The headline is the heading-like line just before that stretch.

Removal reasons (the vocabulary of :attr:`Removal.reason`):

``title``                 the headline (reported as :attr:`CleanText.title`, not part of the body)
``duplicate-title``       another copy of the headline
``navigation``            menus, skip links, buttons, pagers, gallery controls
``advertisement``         ad slots and sponsored-content labels
``newsletter``            newsletter / mailing-list boxes, including their sales text
``donation-appeal``       appeals for donations or membership, including their prose
``teaser``                related / recommended / "read more" blocks with their headlines and blurbs
``caption``               photo captions, recognised by the credit at their end
``credit``                stand-alone photo or image credits
``byline``                author lines ("By Jane Doe")
``dateline``              lines of dates, times and counters only
``correction-notice``     "to suggest a correction", "press Ctrl+Enter", reprint notices
``social``                share buttons and follow-us prompts
``legal``                 copyright, terms, privacy and cookie notices
``comments``              comment sections
``repeated-across-outlet`` lines the caller found on many pages of the same outlet
``fragment``              short non-prose lines inside the article stretch (labels, counters)
``outside-main-content``  everything before or after the article stretch that no rule named
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from onrecord.clean.lines import MAX_HEADLINE_WORDS, Line, split_lines
from onrecord.clean.phrases import line_key
from onrecord.models import CleanText, Removal, Segment, Span

TITLE = "title"
DUPLICATE_TITLE = "duplicate-title"
NAVIGATION = "navigation"
ADVERTISEMENT = "advertisement"
NEWSLETTER = "newsletter"
DONATION_APPEAL = "donation-appeal"
TEASER = "teaser"
CAPTION = "caption"
CREDIT = "credit"
BYLINE = "byline"
DATELINE = "dateline"
CORRECTION_NOTICE = "correction-notice"
SOCIAL = "social"
LEGAL = "legal"
COMMENTS = "comments"
REPEATED = "repeated-across-outlet"
FRAGMENT = "fragment"
OUTSIDE = "outside-main-content"

REASONS = frozenset(
    {
        TITLE,
        DUPLICATE_TITLE,
        NAVIGATION,
        ADVERTISEMENT,
        NEWSLETTER,
        DONATION_APPEAL,
        TEASER,
        CAPTION,
        CREDIT,
        BYLINE,
        DATELINE,
        CORRECTION_NOTICE,
        SOCIAL,
        LEGAL,
        COMMENTS,
        REPEATED,
        FRAGMENT,
        OUTSIDE,
    }
)

PARAGRAPH_SEPARATOR = "\n\n"
_BREAK = re.compile(r"\r\n|\r|\n")

# --- What counts as prose -------------------------------------------------------------------
# A sentence of running text: at least this many words and a sentence end ...
PROSE_MIN_WORDS = 10
# ... or this many words with plenty of function words (a paragraph cut off without a full stop).
PROSE_LONG_WORDS = 20
PROSE_MIN_STOP_RATIO = 0.2
# A short sentence ("He declined to comment.") still reads as text.
SHORT_SENTENCE_MIN_WORDS = 4

# --- Weights of the main-content search (units: words) --------------------------------------
# A prose line counts its words; a short sentence half of them.
SHORT_SENTENCE_WEIGHT = 0.5
# A list item counts against, whatever its length: menus are lists.
BULLET_PENALTY = 2.0
BULLET_PROSE_WEIGHT = 0.3
# Recognised chrome counts strongly against, so that the article does not grow across it.
CHROME_PENALTY = 5.0
# Any other short line (label, headline, byline) counts a little against.
SHORT_LINE_PENALTY = 1.5
SHORT_LINE_WORD_PENALTY = 0.3
# Prose after a comment-section header belongs to readers, not to the article.
COMMENT_PROSE_FACTOR = -1.0

# --- Blocks opened by a header line ------------------------------------------------------------
# A newsletter or donation box is short: header, a few paragraphs, buttons.
MAX_APPEAL_LINES = 16
# Lines this short inside such a box are its buttons and options ("Monthly", "Continue").
APPEAL_BUTTON_WORDS = 6
# A teaser list holds a handful of headlines with blurbs; this stops a runaway block.
MAX_TEASER_LINES = 40
# A teaser blurb is a sentence or two.
MAX_TEASER_BLURB_WORDS = 80
# A comment header only ends the article once this share of the page's prose lies before it
# (a "Comments (3)" link near the top of a page is not the comment section).
COMMENTS_MIN_PROSE_BEFORE = 0.5

# --- Headline ------------------------------------------------------------------------------------
# The headline stands within this many non-blank lines before the article.
TITLE_WINDOW = 30
# Kickers and section labels ("Company Town", "Opinion") are shorter than headlines.
TITLE_MIN_WORDS = 3

_BLOCK_REASONS = frozenset({NEWSLETTER, DONATION_APPEAL})
_END_REASONS = frozenset({COMMENTS})


def _is_prose(line: Line) -> bool:
    if line.words >= PROSE_MIN_WORDS and line.sentence_end:
        return True
    return line.words >= PROSE_LONG_WORDS and line.stop_ratio >= PROSE_MIN_STOP_RATIO


def _is_sentence(line: Line) -> bool:
    return line.words >= SHORT_SENTENCE_MIN_WORDS and line.sentence_end and not line.headline_like


def _line_reason(line: Line, known_boilerplate: frozenset[str]) -> str | None:
    """The reason a line is chrome on its own, whatever surrounds it."""
    if line.key in known_boilerplate:
        return REPEATED
    if line.chrome is not None:
        return line.chrome
    if line.credit:
        return CAPTION if line.words > MAX_CREDIT_WORDS else CREDIT
    return None


# "Photo: Damian Dovarganes, AP" is a credit; a longer line ending in a credit is a caption.
MAX_CREDIT_WORDS = 8


class _Page:
    """Mutable working state of one cleaning run."""

    def __init__(self, text: str, known_boilerplate: frozenset[str]) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.nonblank = [ln for ln in self.lines if not ln.blank]
        self.reason: dict[int, str] = {}
        self.own: dict[int, str | None] = {
            ln.index: _line_reason(ln, known_boilerplate) for ln in self.nonblank
        }

    # -- blocks --------------------------------------------------------------------------------

    def mark_blocks(self) -> None:
        """Expand newsletter/donation boxes and teaser lists from their header lines."""
        lines = self.nonblank
        i = 0
        while i < len(lines):
            line = lines[i]
            own = self.own[line.index]
            if own in _BLOCK_REASONS:
                i = self._appeal_block(i, own)
            elif own == TEASER and _bare_header(line):
                i = self._teaser_block(i)
            else:
                i += 1

    def _appeal_block(self, i: int, reason: str) -> int:
        lines = self.nonblank
        self.reason[lines[i].index] = reason
        taken = 0
        j = i + 1
        while j < len(lines) and taken < MAX_APPEAL_LINES:
            line = lines[j]
            own = self.own[line.index]
            if own is not None and own not in _BLOCK_REASONS:
                break
            if not (line.reader_address or line.words <= APPEAL_BUTTON_WORDS or own is not None):
                break
            self.reason[line.index] = reason
            taken += 1
            j += 1
        return j

    def _teaser_block(self, i: int) -> int:
        lines = self.nonblank
        header = lines[i]
        self.reason[header.index] = TEASER
        headlines: set[str] = set()
        after_headline = False
        j = i + 1
        while j < len(lines) and j - i <= MAX_TEASER_LINES:
            line = lines[j]
            own = self.own[line.index]
            if own is not None and own != TEASER:
                break
            if own == TEASER or line.bullet or line.headline_like or line.words <= 2:
                headlines.add(line.key)
                after_headline = line.headline_like or line.bullet
            elif after_headline and line.words <= MAX_TEASER_BLURB_WORDS:
                after_headline = False
            else:
                break
            self.reason[line.index] = TEASER
            j += 1
        # A teaser headline is often printed once more just before the header.
        if i > 0 and lines[i - 1].key in headlines and lines[i - 1].headline_like:
            self.reason[lines[i - 1].index] = TEASER
        return j

    # -- main content --------------------------------------------------------------------------

    def weights(self) -> list[float]:
        lines = self.nonblank
        prose_total = sum(ln.words for ln in lines if _is_prose(ln))
        prose_seen = 0
        in_comments = False
        out: list[float] = []
        for line in lines:
            reason = self.reason.get(line.index) or self.own[line.index]
            prose = _is_prose(line)
            if reason in _END_REASONS and prose_seen >= COMMENTS_MIN_PROSE_BEFORE * prose_total:
                in_comments = True
            if reason is not None:
                weight = -(line.words + CHROME_PENALTY)
            elif line.bullet:
                weight = line.words * BULLET_PROSE_WEIGHT if prose else -(line.words + BULLET_PENALTY)
            elif prose:
                weight = float(line.words)
            elif _is_sentence(line):
                weight = line.words * SHORT_SENTENCE_WEIGHT
            else:
                weight = -(SHORT_LINE_PENALTY + SHORT_LINE_WORD_PENALTY * line.words)
            if in_comments and weight > 0:
                weight *= COMMENT_PROSE_FACTOR
            if prose:
                prose_seen += line.words
            out.append(weight)
        return out

    def main_span(self) -> tuple[int, int]:
        """Indices into ``nonblank`` of the best-scoring contiguous run (end exclusive)."""
        best = (0.0, 0, 0)
        run_sum = 0.0
        run_start = 0
        for i, w in enumerate(self.weights()):
            if run_sum <= 0:
                run_sum = 0.0
                run_start = i
            run_sum += w
            if run_sum > best[0]:
                best = (run_sum, run_start, i + 1)
        return best[1], best[2]


def _bare_header(line: Line) -> bool:
    """A teaser header on its own ("Related"), not an inline "Read more: headline" line."""
    return ":" not in line.text.rstrip(":") and line.words <= TEASER_HEADER_WORDS


# "You may also like", "Other topics of interest", "More from the Los Angeles Times".
TEASER_HEADER_WORDS = 7


def clean_text(
    text: str, *, known_boilerplate: frozenset[str] = frozenset(), extracted: bool = False
) -> CleanText:
    """The article body and headline of ``text``, with a map back to ``text``.

    ``known_boilerplate`` holds :func:`line_key` values of lines seen on many pages of the same
    outlet (see :func:`repeated_lines`). With ``extracted=True`` the text is already the main
    content of a page, and only lines that are certainly chrome are removed.
    """
    page = _Page(text, known_boilerplate)
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
        _select_inside(page, start, end)
        for k, line in enumerate(lines):
            if k < start or k >= end:
                page.reason.setdefault(line.index, page.own[line.index] or OUTSIDE)
    return _assemble(page, title)


def _find_title(page: _Page, start: int, end: int) -> Line | None:
    """Pick the headline before (or at the top of) the main stretch and mark its copies."""
    lines = page.nonblank
    first_body = start
    while first_body < end and not _is_prose(lines[first_body]):
        first_body += 1
    window = lines[max(0, first_body - TITLE_WINDOW) : first_body]
    candidates = [
        ln
        for ln in window
        if ln.headline_like
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
        if line.index != title.index and line.words <= MAX_HEADLINE_WORDS and _same_headline(
            line.key, title.key
        ):
            page.reason[line.index] = DUPLICATE_TITLE
    return title


def _same_headline(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    # "Opinion | Headline" and "Headline - Site Name" are the headline with a label.
    return len(short) >= MIN_TITLE_AFFIX_CHARS and long.endswith(short) or long.startswith(short)


# A label-stripped headline must still be this long to count as the same headline.
MIN_TITLE_AFFIX_CHARS = 20


def _select_inside(page: _Page, start: int, end: int) -> None:
    """Inside the main stretch, keep prose and the short lines that head or continue it."""
    lines = page.nonblank
    body_indent = _body_indent(lines[start:end])
    for k in range(start, end):
        line = lines[k]
        if line.index in page.reason:
            continue
        own = page.own[line.index]
        if own is not None:
            page.reason[line.index] = own
            continue
        if _is_prose(line):
            if line.bullet or line.indent == body_indent or body_indent is None:
                continue
            if line.words >= PROSE_LONG_WORDS:
                continue
            page.reason[line.index] = FRAGMENT
            continue
        if line.byline:
            page.reason[line.index] = BYLINE
        elif line.datelike:
            page.reason[line.index] = DATELINE
        elif line.bullet and line.words < PROSE_MIN_WORDS:
            page.reason[line.index] = NAVIGATION
        elif body_indent is not None and line.indent != body_indent:
            page.reason[line.index] = FRAGMENT
        elif _is_sentence(line):
            continue
        elif not _heads_prose(page, k, end):
            page.reason[line.index] = FRAGMENT


def _heads_prose(page: _Page, k: int, end: int) -> bool:
    """Whether the next line still in play after ``k`` is prose: a subheading is followed by text."""
    lines = page.nonblank
    for j in range(k + 1, end):
        nxt = lines[j]
        if nxt.index in page.reason or page.own[nxt.index] is not None:
            continue
        return _is_prose(nxt) or _is_sentence(nxt)
    return False


def _body_indent(lines: list[Line]) -> int | None:
    """The indentation carrying most prose words, when the text is indented at all."""
    by_indent: dict[int, int] = {}
    for line in lines:
        if _is_prose(line) and not line.bullet:
            by_indent[line.indent] = by_indent.get(line.indent, 0) + line.words
    if not by_indent or set(by_indent) == {0}:
        return None
    return max(by_indent.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def _assemble(page: _Page, title: Line | None) -> CleanText:
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
        parts.append(text[orig_start:orig_end])
        segments.append(Segment(clean_pos, orig_start, orig_end - orig_start))
        clean_pos += orig_end - orig_start
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


def _adjacent(page: _Page, last: Removal, line: Line) -> bool:
    """Whether only whitespace lies between a removal and a line (so they may be merged)."""
    return not page.text[last.end : line.start].strip()


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
