"""Quotation spans found on the raw text, before any parsing.

Double quotes (curly, straight, low-9, guillemets) are paired across a paragraph; a quote whose
paragraph ends while it is still open continues when the next paragraph starts with an opening
mark of the same kind, straight or curly (the news convention for multi-paragraph quotes). A
straight mark inside a straight quotation, after a space and before a word, opens a quotation
within it that closes at the next straight mark, so the outer one runs on to its own close. Single
quotes are only looked for outside double quotes, and a right single quote followed by a letter is
an apostrophe, never a close.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_OPEN_DOUBLE = "\u201c\u201e\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_OPENERS_BEFORE = " \t\n([{\u2014\u2013-/"  # after these (dashes included) a straight quote opens


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``open``/``close`` are the mark positions, ``start``/``end`` the inner text."""

    open: int
    close: int
    start: int
    end: int
    closed: bool

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _inner(text: str, open_: int, close: int, closed: bool) -> Quote:
    start, end = open_ + mark_len(text, open_), close
    while start < end and text[start].isspace():
        start += 1
    # the comma before "he said" belongs to the reporting sentence, not to the quote
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Quote(open_, close, start, end, closed)


def mark_len(text: str, i: int) -> int:
    """Two apostrophes stand for a straight double quote in some archives (the NYT's ``''``)."""
    return 2 if text.startswith("''", i) else 1


def _opens_straight(text: str, i: int, para_start: int) -> bool:
    # any white space opens, the no-break space of scraped text included ('said.\xa0"And ...')
    if i == para_start or text[i - 1] in _OPENERS_BEFORE or text[i - 1].isspace():
        return True
    # scraped text glues the mark to the comma or colon before it: 'told reporters:"We will'
    return text[i - 1] in ",:;" and i + 1 < len(text) and text[i + 1].isalnum()


def find_quotes(text: str, paras: Sequence[tuple[int, int]]) -> list[Quote]:
    """All double- and single-quoted spans in the given paragraphs, in text order."""
    doubles = _double_quotes(text, paras)
    singles: list[Quote] = []
    for ps, pe in paras:
        cuts = [(q.open, q.close + 1) for q in doubles if q.open < pe and q.close >= ps]
        singles.extend(_single_quotes(text, ps, pe, cuts))
    return sorted(doubles + singles, key=lambda q: q.open)


def _misused_open(text: str, i: int, end: int) -> bool:
    """An opening curly mark after sentence punctuation and before a space closes a quotation
    (a typo common in scraped text: '...for her here,“ said Jim Clyburn')."""
    return text[i - 1] in ",.!?" and (i + 1 >= end or text[i + 1].isspace())


def _misused_close(text: str, i: int, ps: int, end: int) -> bool:
    """A closing curly mark that opens a quotation: the mirror typo, at the start of a paragraph
    or after a space and glued to the word it opens ('”Mr. Trump embodies ...”')."""
    return (i == ps or text[i - 1].isspace()) and i + 1 < end and text[i + 1].isalnum()


def _double_quotes(text: str, paras: Sequence[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    pending: int | None = None  # position of the open mark not yet closed
    for k, (ps, pe) in enumerate(paras):
        i = ps - 1
        while i + 1 < pe:
            i += 1
            c = '"' if text.startswith("''", i) else text[i]
            if i == ps and pending is not None and c in _OPEN_DOUBLE + '"':
                i += mark_len(text, i) - 1
                continue  # the re-opening mark of a continued multi-paragraph quote
            if pending is not None and c in _OPEN_DOUBLE and _misused_open(text, i, pe):
                out.append(_inner(text, pending, i, True))
                pending = None
                continue
            if pending is None and c in _CLOSE_DOUBLE and _misused_close(text, i, ps, pe):
                pending = i
            elif c in _OPEN_DOUBLE or (c == '"' and pending is None):
                if c == '"' and not _opens_straight(text, i, ps) and i + 1 < pe:
                    i += mark_len(text, i) - 1
                    continue  # a stray straight mark glued to a word: not an opening
                pending = i
            elif c == '"' and pending is not None and _nested_straight(text, pending, i, pe):
                inner = _straight_close(text, i + mark_len(text, i), pe)
                if inner is not None:
                    i = inner + mark_len(text, inner) - 1
                    continue  # 'isn't about "Equal Justice" anymore': a quotation inside it
                out.append(_inner(text, pending, i, True))
                pending = None
            elif (c in _CLOSE_DOUBLE or c == '"') and pending is not None:
                out.append(_inner(text, pending, i, True))
                pending = None
            i += mark_len(text, i) - 1
        if pending is not None:
            nxt = paras[k + 1][0] if k + 1 < len(paras) else None
            if nxt is not None and _reopens(text, pending, nxt) and _adjacent(text, pe, nxt):
                continue  # the quote runs on into the next paragraph
            out.append(_inner(text, pending, pe, False))
            pending = None
    return out


def _nested_straight(text: str, pending: int, i: int, end: int) -> bool:
    """Whether the straight mark at ``i``, inside a straight quotation opened at ``pending``,
    opens a quotation within it: it stands after a space and before a word, as no closing mark
    does ('... isn't about "Equal Justice Under Law" anymore ...')."""
    return (
        _straight(text, pending)
        and text[i - 1].isspace()
        and i + mark_len(text, i) < end
        and text[i + mark_len(text, i)].isalnum()
    )


def _straight_close(text: str, start: int, end: int) -> int | None:
    """The closing straight mark of a quotation inside another, from ``start`` to the paragraph
    end: the next straight mark, if it closes (after a non-space, not before a word)."""
    j = start
    while j < end:
        if _straight(text, j):
            after = j + mark_len(text, j)
            closes = not text[j - 1].isspace() and (after >= end or not text[after].isalnum())
            return j if closes else None
        j += 1
    return None


def _reopens(text: str, pending: int, nxt: int) -> bool:
    """Whether the paragraph at ``nxt`` reopens the quotation opened at ``pending``: with a mark
    of the same kind (a straight quotation's next paragraph opened by a curly mark is a quotation
    inside it, as when a blog quotes a whole passage of another article)."""
    straight = _straight(text, pending)
    if _straight(text, nxt):
        return straight
    return text[nxt] in _OPEN_DOUBLE and not straight


def _straight(text: str, i: int) -> bool:
    """A straight double mark at ``i``, or the two apostrophes that stand for one."""
    return text[i] == '"' or text.startswith("''", i)


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether only white space lies between two paragraphs: a quotation never runs on across
    text that was removed (a caption, an advertisement), or its content would hold it."""
    return all(c.isspace() for c in text[end:start])


def _single_quotes(text: str, ps: int, pe: int, cuts: Sequence[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    pending: int | None = None
    k = 0  # the first cut not yet behind ``i`` (cuts are the paragraph's double quotes, in order)
    for i in range(ps, pe):
        while k < len(cuts) and cuts[k][1] < i:
            k += 1
        if k < len(cuts) and cuts[k][0] <= i:
            pending = None
            continue
        c = text[i]
        nxt = text[i + 1] if i + 1 < pe else " "
        if c in "\u2018'" and pending is None:
            if nxt.isalnum() and (c == "\u2018" or _opens_straight(text, i, ps)):
                pending = i
        elif c in "\u2019'" and pending is not None and not nxt.isalnum() and not text[i - 1].isspace():
            # a plural possessive ("leaders' ") closes too early only when a quote is pending
            out.append(_inner(text, pending, i, True))
            pending = None
    return out
