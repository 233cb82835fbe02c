"""Rules over neighbouring lines that a line-by-line view misses: glued teasers, announced lists.

* A teaser whose headline and blurb were rendered without a space between them reads as one line
  of prose ("Council Votes To Close Old Library BranchThe city council voted on ...");
  two such lines close together are a teaser list.
* A list right after a kept line ending with a colon is the list that line announces.
"""

from __future__ import annotations

import itertools
import re

from onrecord.clean.lines import Line
from onrecord.clean.reasons import FRAGMENT, NAVIGATION, OUTSIDE, TEASER

# A Title Case headline of at least four words, glued to the capitalised first word of its blurb.
# The headline's last word ends in three lower-case letters (or a digit or closing punctuation), so
# that names with an inner capital ("McAllen", "LeBron", "MacBook") do not count as a seam.
_GLUED = re.compile(
    r"^(?:[\"'\u2018\u201c(]?[A-Z0-9$][\w'\u2019.,:;&$-]*[?!]?\s+){3,}"
    r"[\"'\u2018\u201c(]?[A-Z0-9$][\w'\u2019-]*?(?:[a-z]{3}|[0-9?!.\u2019'\"\u201d)])"
    r"[A-Z][a-z]*\b(?:\s+\S+){3,}"
)
# Two glued teasers this close together (in non-blank lines) are a list, not a typo.
GLUED_WINDOW = 3

# The items of an announced list each say something.
LIST_ITEM_MIN_WORDS = 4

# Reasons that say where a line stood, not what it is: a list announced in the article is kept.
_PLACE_REASONS = frozenset({OUTSIDE, FRAGMENT, NAVIGATION})


def glued_teaser(line: Line) -> bool:
    """A teaser's headline and blurb printed as one line."""
    return bool(_GLUED.match(line.text))


def mark_glued_teasers(lines: list[Line], own: dict[int, str | None], reason: dict[int, str]) -> None:
    """Mark glued teasers that stand near each other."""
    glued = [k for k, line in enumerate(lines) if own[line.index] is None and glued_teaser(line)]
    for a, b in itertools.pairwise(glued):
        if b - a <= GLUED_WINDOW:
            reason.setdefault(lines[a].index, TEASER)
            reason.setdefault(lines[b].index, TEASER)


def keep_announced_lists(lines: list[Line], own: dict[int, str | None], reason: dict[int, str]) -> None:
    """Keep the bulleted list right after a kept line that ends with a colon ("It offers:")."""
    for k, line in enumerate(lines):
        if line.index in reason or not line.text.endswith(":"):
            continue
        items: list[Line] = []
        j = k + 1
        while j < len(lines) and lines[j].bullet and (not items or lines[j].indent == items[0].indent):
            items.append(lines[j])
            j += 1
        if not items or any(
            own[item.index] is not None
            or item.words < LIST_ITEM_MIN_WORDS
            or reason.get(item.index, OUTSIDE) not in _PLACE_REASONS
            for item in items
        ):
            continue
        for item in items:
            reason.pop(item.index, None)
