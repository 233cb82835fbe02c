"""Working state of one cleaning run: line verdicts, header-opened blocks, the main stretch.

The main content is the contiguous run of lines with the highest score, prose counting for and
chrome against (Finn's Body Text Extraction over lines); a second pass knows the indentation
column of the article's prose and scores lines beside it lower.
"""

from __future__ import annotations

import re

from onrecord.clean.blocks import mark_glued_teasers
from onrecord.clean.lines import MAX_HEADLINE_WORDS, Line, split_lines
from onrecord.clean.reasons import (
    AUTHOR_BIO,
    CAPTION,
    COMMENTS,
    CREDIT,
    DONATION_APPEAL,
    NEWSLETTER,
    REPEATED,
    TEASER,
)

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
BULLET_PENALTY = 4.0
BULLET_PROSE_WEIGHT = 0.3
# Recognised chrome counts strongly against, so that the article does not grow across it.
CHROME_PENALTY = 5.0
# A long line taken for chrome (a caption, a boilerplate paragraph) must not cut the article in two.
CHROME_MAX_WORDS = 12
# Any other short line (label, headline, byline) counts a little against.
SHORT_LINE_PENALTY = 1.5
SHORT_LINE_WORD_PENALTY = 0.3
# Once the article's column is known, lines beside it (sidebars, galleries, teaser boxes) count
# for less either way: the article can be bridged across a gallery, and sidebar prose counts less.
OFF_COLUMN_FACTOR = 0.5
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

_BLOCK_REASONS = frozenset({NEWSLETTER, DONATION_APPEAL})
_END_REASONS = frozenset({COMMENTS})


def is_prose(line: Line) -> bool:
    if line.words >= PROSE_MIN_WORDS and line.sentence_end:
        return True
    return line.words >= PROSE_LONG_WORDS and line.stop_ratio >= PROSE_MIN_STOP_RATIO


def is_sentence(line: Line) -> bool:
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


class Page:
    """Mutable working state of one cleaning run."""

    def __init__(self, text: str, known_boilerplate: frozenset[str]) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.nonblank = [ln for ln in self.lines if not ln.blank]
        self.table_rows = _table_rows(self.nonblank)
        self.reason: dict[int, str] = {}
        self.column: frozenset[int] = frozenset()
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
            elif own is None and _ABOUT.match(line.text) and line.headline_like:
                i = self._about_block(i)
            else:
                if own == CREDIT and i > 0:
                    self._caption_before(i)
                i += 1
        self._teaser_lists()
        mark_glued_teasers(lines, self.own, self.reason)

    def _teaser_lists(self) -> None:
        """Mark runs of "headline, blurb" items: the related-stories lists around an article."""
        lines = self.nonblank
        i = 0
        while i < len(lines):
            items: list[tuple[int, int]] = []
            j = i
            while (item_end := self._teaser_item(j)) is not None:
                items.append((j, item_end))
                j = item_end
            if len(items) >= MIN_TEASER_ITEMS:
                for k in range(i, j):
                    self.reason.setdefault(lines[k].index, TEASER)
                i = j
            else:
                i += 1

    def _teaser_item(self, i: int) -> int | None:
        """End (exclusive) of a teaser item starting at ``i``: head lines, then one short blurb
        that is not followed by more prose."""
        lines = self.nonblank
        j = i
        strong = False
        while j < len(lines) and j - i < MAX_TEASER_HEAD_LINES and _teaser_head(lines[j]):
            # A button or label that the phrase lists know heads no teaser.
            strong = strong or (_teaser_headline(lines[j]) and self.own[lines[j].index] is None)
            j += 1
        if j == i or not strong or j >= len(lines):
            return None
        blurb = lines[j]
        if not (is_prose(blurb) or is_sentence(blurb)) or blurb.words > MAX_TEASER_LIST_BLURB_WORDS:
            return None
        if blurb.index in self.reason or self.own[blurb.index] is not None:
            return None
        if j + 1 < len(lines) and not _teaser_head(lines[j + 1]):
            return None
        return j + 1

    def _about_block(self, i: int) -> int:
        """An "About the author" / "About <company>" header and the few paragraphs under it."""
        lines = self.nonblank
        self.reason[lines[i].index] = AUTHOR_BIO
        j = i + 1
        while j < len(lines) and j - i <= MAX_ABOUT_LINES:
            line = lines[j]
            if self.own[line.index] is not None or line.headline_like:
                break
            self.reason[line.index] = AUTHOR_BIO
            j += 1
        return j

    def _caption_before(self, i: int) -> None:
        """A short credit line ("Photo: Jane Doe / AFP") follows the caption it credits."""
        line = self.nonblank[i - 1]
        if (
            line.index not in self.reason
            and self.own[line.index] is None
            and line.words <= MAX_CAPTION_WORDS
            and not line.bullet
        ):
            self.reason[line.index] = CAPTION

    def _appeal_block(self, i: int, reason: str) -> int:
        lines = self.nonblank
        self.reason[lines[i].index] = reason
        taken = 0
        j = i + 1
        while j < len(lines) and taken < MAX_APPEAL_LINES:
            line = lines[j]
            own = self.own[line.index]
            if own in _BLOCK_REASONS and own != reason:
                break
            if own is not None and own not in _BLOCK_REASONS:
                # The box's buttons ("Continue", "Privacy Policy") keep their own reason.
                if line.words > APPEAL_BUTTON_WORDS:
                    break
                taken += 1
                j += 1
                continue
            button = line.words <= APPEAL_BUTTON_WORDS
            sales_text = line.reader_address and (is_prose(line) or is_sentence(line))
            if not (button or sales_text or own is not None):
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
        headline: Line | None = None
        j = i + 1
        while j < len(lines) and j - i <= MAX_TEASER_LINES:
            line = lines[j]
            own = self.own[line.index]
            if own is not None and own != TEASER:
                break
            if own == TEASER or line.bullet or line.headline_like or line.words <= 2:
                headlines.add(line.key)
                # The item's outermost line decides where its blurb may stand.
                if headline is None or line.indent < headline.indent:
                    headline = line
            elif (
                headline is not None
                and line.words <= MAX_TEASER_BLURB_WORDS
                # A blurb sits in its teaser box, not to the left of it in the article column; a
                # bulleted headline's blurb is nested under it, else the prose is the article's.
                and line.indent >= headline.indent + (1 if headline.bullet else 0)
            ):
                headline = None
            else:
                break
            self.reason[line.index] = TEASER
            j += 1
        # A teaser headline is often printed once more just before the header.
        if i > 0 and lines[i - 1].key in headlines and lines[i - 1].headline_like:
            self.reason[lines[i - 1].index] = TEASER
        return j

    # -- main content --------------------------------------------------------------------------

    def weights(self, column: frozenset[int] = frozenset()) -> list[float]:
        """Score of each non-blank line; ``column`` holds the indentations of the article's prose
        found by a first pass, where non-prose lines (tables, lists, short lines) are neutral."""
        lines = self.nonblank
        prose_total = sum(ln.words for ln in lines if is_prose(ln))
        prose_seen = 0
        in_comments = False
        out: list[float] = []
        for line in lines:
            reason = self.reason.get(line.index) or self.own[line.index]
            prose = is_prose(line)
            if reason in _END_REASONS and prose_seen >= COMMENTS_MIN_PROSE_BEFORE * prose_total:
                in_comments = True
            if reason is not None:
                weight = -(min(line.words, CHROME_MAX_WORDS) + CHROME_PENALTY)
            elif line.bullet:
                weight = line.words * BULLET_PROSE_WEIGHT if prose else -(line.words + BULLET_PENALTY)
            elif line.index in self.table_rows:
                weight = line.words * TABLE_WORD_WEIGHT
            elif prose:
                weight = float(line.words)
            elif is_sentence(line):
                weight = line.words * SHORT_SENTENCE_WEIGHT
            elif line.indent in column and not line.byline and not line.datelike:
                weight = 0.0
            else:
                weight = -(SHORT_LINE_PENALTY + SHORT_LINE_WORD_PENALTY * line.words)
            if in_comments and weight > 0:
                weight *= COMMENT_PROSE_FACTOR
            if column and line.indent not in column:
                weight *= OFF_COLUMN_FACTOR
            if prose:
                prose_seen += line.words
            out.append(weight)
        return out

    def main_span(self) -> tuple[int, int]:
        """Indices into ``nonblank`` of the best-scoring contiguous run (end exclusive)."""
        start, end = _max_run(self.weights())
        column = _column(self.nonblank[start:end])
        if column:
            start, end = _max_run(self.weights(column))
        self.column = column
        return start, end


def _max_run(weights: list[float]) -> tuple[int, int]:
    best = (0.0, 0, 0)
    run_sum = 0.0
    run_start = 0
    for i, w in enumerate(weights):
        if run_sum <= 0:
            run_sum = 0.0
            run_start = i
        run_sum += w
        if run_sum > best[0]:
            best = (run_sum, run_start, i + 1)
    return best[1], best[2]


def _column(lines: list[Line]) -> frozenset[int]:
    """Indentations (give or take :data:`INDENT_TOLERANCE`) carrying a fair share of the prose.

    Text browsers indent by nesting depth, so the article's paragraphs share an indentation that
    menus and sidebars do not. Unindented text has no column.
    """
    by_indent: dict[int, int] = {}
    for line in lines:
        if is_prose(line) and not line.bullet:
            by_indent[line.indent] = by_indent.get(line.indent, 0) + line.words
    total = sum(by_indent.values())
    if not total or set(by_indent) == {0}:
        return frozenset()
    column: set[int] = set()
    for indent, words in by_indent.items():
        if words >= COLUMN_MIN_SHARE * total:
            column.update(range(indent - INDENT_TOLERANCE, indent + INDENT_TOLERANCE + 1))
    return frozenset(column)


# An indentation holds part of the article when this share of its prose words stand there.
COLUMN_MIN_SHARE = 0.1
# A line a column off the article's (rendering jitter) still stands in it; a box nested a level
# deeper (a sidebar, a gallery, a teaser) does not.
INDENT_TOLERANCE = 1


def _table_rows(lines: list[Line]) -> frozenset[int]:
    """Indices of lines in runs of table rows: several cells apart, several rows in a row."""
    rows: set[int] = set()
    run: list[int] = []
    for line in [*lines, None]:
        if line is not None and line.cells >= MIN_TABLE_CELLS and not line.bullet:
            run.append(line.index)
            continue
        if len(run) >= MIN_TABLE_ROWS:
            rows.update(run)
        run = []
    return frozenset(rows)


# A table has a few columns and a few rows; its cells count for less than prose.
MIN_TABLE_CELLS = 3
MIN_TABLE_ROWS = 3
TABLE_WORD_WEIGHT = 0.5


def _teaser_head(line: Line) -> bool:
    """A line that may head a teaser: its headline, section label, author, date or counters."""
    if _truncated_headline(line):
        return True
    if line.cells >= MIN_TABLE_CELLS:
        # A table row is a row of data, not a label over a blurb.
        return False
    return not (is_prose(line) or (is_sentence(line) and not line.bullet))


def _teaser_headline(line: Line) -> bool:
    """A headline (questions and exclamations included) rather than a label or a table row."""
    if (
        not MIN_TEASER_HEADLINE_WORDS <= line.words <= MAX_HEADLINE_WORDS
        or line.digit_share > MAX_HEADLINE_DIGIT_SHARE
    ):
        return False
    return _truncated_headline(line) or (not line.statement_end and not is_prose(line))


def _truncated_headline(line: Line) -> bool:
    """A headline cut short to fit a teaser box ("Microsoft offers a new bundle plus JBL he...")."""
    return line.text.endswith(("...", "\u2026")) and line.words <= MAX_HEADLINE_WORDS


# Rows of a results table are mostly numbers; headlines are mostly words.
MAX_HEADLINE_DIGIT_SHARE = 0.3


# A list of at least this many "headline, blurb" items is a teaser list, not an article.
MIN_TEASER_ITEMS = 3
# An item heads its blurb with a headline and at most a few labels (section, author, date).
MAX_TEASER_HEAD_LINES = 5
MIN_TEASER_HEADLINE_WORDS = 4
# Teaser blurbs are a sentence or two; an article's paragraphs under subheadings run longer.
MAX_TEASER_LIST_BLURB_WORDS = 40


# "About the author", "About Ascom", "Sobre Carlos Nadalim", "Über Moritz Bachmann".
_ABOUT = re.compile(
    r"^(?:about|sobre|\u00fcber|a propos de|\u00e0 propos de|acerca de|o autorze|"
    r"\u043e\u0431 \u0430\u0432\u0442\u043e\u0440\u0435|tentang)\s+\S+(?:\s+\S+){0,3}\s*:?$",
    re.IGNORECASE,
)
# An author box is a short biography; a company boilerplate a paragraph or two.
MAX_ABOUT_LINES = 4
# A caption is a sentence or two about the picture.
MAX_CAPTION_WORDS = 60


def _bare_header(line: Line) -> bool:
    """A teaser header on its own ("Related"), not an inline "Read more: headline" line."""
    return ":" not in line.text.rstrip(":") and line.words <= TEASER_HEADER_WORDS


# "You may also like", "Other topics of interest", "More from the Los Angeles Times".
TEASER_HEADER_WORDS = 7
