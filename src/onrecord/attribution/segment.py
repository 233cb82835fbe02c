"""Cheap paragraph and sentence boundaries, used to choose what to parse.

A regular-expression splitter is far cheaper than the parser and only has to be good enough to
cut the text into pieces that either do or do not deserve a parse; the parser's own sentence
boundaries are used for everything that needs precision.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from onrecord.attribution.cues import words

# Words that end in a period without ending a sentence ("Sen. Warren", "the U.S. economy").
ABBREVIATIONS = frozenset(
    words(
        "mr mrs ms dr sen rep gov del gen lt col sgt st jr sr prof rev hon inc corp co ltd no vs etc "
        "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u d.c a.m p.m"
    )
)
_BOUNDARY = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def paragraphs(text: str, regions: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Non-empty lines inside the regions: news text puts one paragraph on a line."""
    for rstart, rend in regions:
        for m in _PARAGRAPH.finditer(text, rstart, rend):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                yield start, end


def is_abbreviation(word: str) -> bool:
    """A word that a period after it does not end a sentence with: "Sen", "U.S", an initial."""
    w = word.lower()
    return w in ABBREVIATIONS or (len(w) == 1 and w.isalpha())


def sentences(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """Split one paragraph at sentence-final punctuation, skipping known abbreviations."""
    out: list[Sentence] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        word = re.search(r"(\S+)$", text[cur : m.start()])
        if word and is_abbreviation(word.group(1).lstrip('"\u201c(')):
            continue
        out.append(Sentence(cur, m.start() + len(m.group().rstrip()), paragraph))
        cur = m.end()
    if cur < end:
        out.append(Sentence(cur, end, paragraph))
    return out
