"""Phrase lists of site chrome, loaded once from package data.

Each ``phrases/<reason>.txt`` lists phrases for one removal reason, one per line, ``#`` starting a
comment. A phrase is matched against :func:`line_key` of a whole line:

* ``phrase``: the key equals it;
* ``phrase*``: the key starts with it; ``*phrase``: ends with it; ``a*b``: starts and ends so;
* ``*phrase*``: the key contains it.

All but the last form only apply to short lines (:data:`MAX_CHROME_WORDS`): a long line that
merely starts with "Sign up" is prose, while "*all rights reserved*" is chrome at any length.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

# A line longer than this is prose, whatever its first words: menus, buttons and box headers are
# short. Only "contains" phrases (written to be specific) are tried on longer lines.
MAX_CHROME_WORDS = 15

# Files under phrases/ whose stem is the removal reason they assign.
PHRASE_FILES = (
    "navigation",
    "advertisement",
    "social",
    "legal",
    "newsletter",
    "donation-appeal",
    "teaser",
    "comments",
    "correction-notice",
)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
# Bullets, separators and closing punctuation around a line say nothing about what it is;
# "!" and "?" are kept because phrases such as "what do you think?" need them.
_EDGE = " \t*\u2022\u00b7|>\u203a-:;,.\"'\u2026"


def line_key(line: str) -> str:
    """The form of a line used to compare lines across pages and with the phrase lists.

    Casefolded, NFKC-normalised, curly quotes and dashes made plain, digit runs replaced by ``0``
    (dates and counters change from page to page while the chrome around them does not),
    whitespace collapsed, bullets and punctuation at either end dropped.
    """
    key = unicodedata.normalize("NFKC", line).translate(_QUOTES).casefold()
    key = _DIGITS.sub("0", key)
    key = _SPACE.sub(" ", key)
    return key.strip(_EDGE)


class _ReasonMatcher:
    """The phrases of one list: exact keys in a set, wildcards as one regex each way."""

    def __init__(self, reason: str, phrases: tuple[str, ...]) -> None:
        self.reason = reason
        exact: set[str] = set()
        shaped: list[str] = []
        anywhere: list[str] = []
        for phrase in phrases:
            parts = [re.escape(line_key(p)) if p.strip() else "" for p in phrase.split("*")]
            if len(parts) == 1:
                exact.add(line_key(phrase))
            elif len(parts) == 3 and not parts[0] and not parts[2]:
                anywhere.append(parts[1])
            else:
                shaped.append(".*".join(parts))
        self.exact = frozenset(exact)
        self.shaped = re.compile("|".join(shaped)) if shaped else None
        self.anywhere = re.compile("|".join(anywhere)) if anywhere else None

    def matches(self, key: str, short: bool) -> bool:
        if self.anywhere is not None and self.anywhere.search(key):
            return True
        if not short:
            return False
        return key in self.exact or (self.shaped is not None and self.shaped.fullmatch(key) is not None)


@cache
def _matchers() -> tuple[_ReasonMatcher, ...]:
    return tuple(_ReasonMatcher(reason, read_phrases(f"{reason}.txt")) for reason in PHRASE_FILES)


@cache
def read_phrases(name: str) -> tuple[str, ...]:
    """The phrases in ``phrases/<name>``, comments and blank lines dropped."""
    raw = resources.files("onrecord.clean").joinpath("phrases", name).read_text(encoding="utf-8")
    phrases: list[str] = []
    for line in raw.splitlines():
        phrase = line.split("#", 1)[0].strip()
        if phrase:
            phrases.append(phrase)
    return tuple(phrases)


@cache
def stopwords() -> frozenset[str]:
    """Function words of several languages, casefolded."""
    words: set[str] = set()
    for line in read_phrases("stopwords.txt"):
        words.update(w.casefold() for w in line.split())
    return frozenset(words)


def chrome_reason(key: str, n_words: int) -> str | None:
    """The reason of the first phrase list that matches a line key, or None."""
    if not key:
        return None
    short = n_words <= MAX_CHROME_WORDS
    for matcher in _matchers():
        if matcher.matches(key, short):
            return matcher.reason
    return None
