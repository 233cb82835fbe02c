"""English stop words, from spaCy's list, loaded on first use (importing spaCy costs half a
second that commands which never compare texts should not pay)."""

from __future__ import annotations

import functools


@functools.cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
