"""Headlines in title case, as the parser should read them.

A headline capitalises every word ("Clinton Says Russians Hacked DNC, Calls Trump Remarks
Troubling"); the tagger then reads every word as a proper noun, and the cue is lost. The parser is
given the line in sentence case instead: a word keeps its capital only where it opens the line, is
written in capitals (an acronym) or is "I", or the article writes it capitalised in the middle of a
sentence too (a name: "Clinton", "Russians", "Trump"). Only letters change case, one for one, so
every offset into the parsed text is an offset into the article.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from onrecord.attribution.cues import words

__all__ = ["capitalised_inside_sentences", "lower_case_words", "sentence_cased"]

_WORD = re.compile(r"[^\W\d_][\w\u2019'-]*")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*")
# A capitalised word after a lower-case one (not after a sentence end): the article's own evidence
# that the word is a name.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][\w\u2019'-]*)")
# A capitalised word after an abbreviated title ("Sen. Lindsey Graham", "Dr. Oz"): a name too,
# though the full stop before it would also end a sentence.
_AFTER_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Pres|Prof|Amb|Atty|Rev|Del)\. ([A-Z][\w\u2019'-]*)"
)
# At least this many words, and this share of them capitalised, make a line a title-case headline.
MIN_TITLE_WORDS = 3
MIN_CAPITALISED_SHARE = 0.75


# The only words a title-case headline leaves in lower case: articles, conjunctions, prepositions
# and, in some outlets' style, forms of "be".
_MINOR = frozenset(
    words(
        "a an the and but or nor for so yet as at by in of off on per to up via from into onto over with "
        "than that about above across after against along among around before behind below beside "
        "between beyond despite during except inside like near outside since through toward towards "
        "under until upon vs within without is are was were be"
    )
)


def _is_title_case(words: Sequence[str]) -> bool:
    if len(words) < MIN_TITLE_WORDS:
        return False
    if any(w.islower() and w not in _MINOR for w in words):
        # a dateline and a sentence full of names ("MEXICO CITY (UPI) - Count former Mexican
        # President Felipe Calderon among ...") still has lower-case words a headline would capitalise
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= MIN_CAPITALISED_SHARE and any(not w.isupper() for w in words)


def lower_case_words(text: str) -> set[str]:
    """The words the text writes in lower case: evidence that a capitalised one is no name."""
    return set(_LOWER_WORD.findall(text))


def _capitalised_inside(text: str, spans: Sequence[tuple[int, int]]) -> set[str]:
    return {
        m.group(1)
        for start, end in spans
        for pattern in (_MID_SENTENCE_CAPITAL, _AFTER_TITLE)
        for m in pattern.finditer(text, start, end)
    }


def capitalised_inside_sentences(text: str, paragraphs: Sequence[tuple[int, int]]) -> set[str]:
    """The words the article's prose (not its title-case headlines) capitalises inside a sentence
    or after an abbreviated title: its evidence that a word is a name ("Clinton", "Sen. Lindsey")."""
    prose = [(s, e) for s, e in paragraphs if not _is_title_case(_WORD.findall(text, s, e))]
    return _capitalised_inside(text, prose)


def sentence_cased(
    text: str, paragraphs: Sequence[tuple[int, int]], *, lower_first: Collection[str] = ()
) -> str:
    """``text`` with each title-case paragraph (line) in sentence case; the same length.

    A headline's first word keeps its capital unless it is in ``lower_first`` (for learning names:
    the words the article writes in lower case, so that "Derelict Obama and Clinton" names no
    "Derelict Obama" where the article says "derelict" elsewhere, but "Hillary Clinton Speaks ..."
    names her)."""
    titles = []
    prose = []
    for start, end in paragraphs:
        words = list(_WORD.finditer(text, start, end))
        if _is_title_case([m.group() for m in words]):
            titles.append(words)
        else:
            prose.append((start, end))
    if not titles:
        return text
    names = _capitalised_inside(text, prose)
    chars = list(text)
    for words in titles:
        for k, m in enumerate(words):
            w = m.group()
            if (
                (k == 0 and w.lower() not in lower_first)
                or w.isupper()
                or w == "I"
                or w in names
                or len(w.lower()) != len(w)
            ):
                continue
            chars[m.start() : m.end()] = w.lower()
    return "".join(chars)
