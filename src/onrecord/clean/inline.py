"""Chrome inside a kept paragraph: stretches of a line that are not the article's prose.

Some sites attach a card to every linked name that pops up on hover: the name again, the
person's latest headlines, and a ``MORE`` link. A text browser (or an HTML extractor) renders the
card inline, right after the link, so the paragraph reads "threatened to kill Rep. Ilhan
OmarIlhan OmarHillicon Valley: Progressives oppose ... her MORE (D-Minn.)". The card's headlines
hold verbs and quotations that would be taken for statements of the article. The card is known
by its shape: a name printed twice with nothing between (no prose ever does that), then the card's
text up to its ``MORE``.
"""

from __future__ import annotations

import re

__all__ = ["hover_cards"]

# A name of two to four capitalised words, printed twice with nothing between.
_DOUBLED_NAME = re.compile(r"(?<![\w.'\u2019-])((?:[A-Z][\w.'\u2019-]* ){1,3}[A-Z][\w'\u2019-]*)\1")
# The card's link to the person's page closes it; a card is a few headlines long.
_MORE = re.compile(r"\bMORE\b")
MAX_CARD_CHARS = 1500


def hover_cards(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The hover cards in ``text[start:end]``, as ``(start, end)`` spans of ``text``: from the
    card's copy of the name through its ``MORE`` (the name as linked in the prose stays)."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        m = _DOUBLED_NAME.search(text, pos, end)
        if m is None:
            return out
        card_start = m.start() + len(m.group(1))
        more = _MORE.search(text, m.end(), min(end, m.end() + MAX_CARD_CHARS))
        if more is None:
            pos = card_start
            continue
        out.append((card_start, more.end()))
        pos = more.end()
