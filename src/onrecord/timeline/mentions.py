"""Who and what a statement is about: the people, organisations and places named in its content.

spaCy's named-entity recogniser runs on the content spans only (tok2vec and NER, nothing else), so
the cost follows the amount of reported speech, not the article length. The names are canonicalised
later with the speakers, across articles (``entities``), so "Zelenskyy" in one report and "Zelensky"
in another point at one entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.attribution.mentions import split_title
from onrecord.attribution.roles import clean_role
from onrecord.models import Attribution, NamedMention
from onrecord.nlp import load_nlp

__all__ = ["NER_ONLY_DISABLE", "name_mentions"]

NER_ONLY_DISABLE: tuple[str, ...] = ("tagger", "parser", "attribute_ruler", "lemmatizer")
# Countries and cities speak in news ("Kyiv rejected ...") and are typed as organisations there, so
# places are typed the same way here to meet the speaker entities of the same name.
_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "organization"}
_MIN_CHARS = 2
_MAX_TITLE_WORDS = 4


def _title_before(doc: Doc, start: int, end: int) -> str | None:
    """ "Russian President" in "with Russian President Vladimir Putin": roles learned from what was
    said let "the Russian president" in another report be resolved to the person."""
    k = start
    while k > 0 and start - k < _MAX_TITLE_WORDS and doc[k - 1].text[:1].isupper():
        k -= 1
    words = [t.text for t in doc[k:end]]
    role, _ = split_title(words)
    return clean_role(role) if role else None


def name_mentions(attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions with ``mentions`` set to the names found in their content."""
    if not attributions:
        return []
    nlp = load_nlp()
    docs = nlp.pipe((a.content.text for a in attributions), disable=list(NER_ONLY_DISABLE))
    out: list[Attribution] = []
    for a, doc in zip(attributions, docs, strict=True):
        found: list[NamedMention] = []
        for ent in doc.ents:
            kind = _TYPES.get(ent.label_)
            name = ent.text.strip()
            if kind is None or len(name) < _MIN_CHARS or not any(ch.isupper() for ch in name):
                continue
            start = a.content.start + ent.start_char
            role = _title_before(doc, ent.start, ent.end) if kind == "person" else None
            found.append(NamedMention(start, start + len(ent.text), ent.text, kind, role))
        out.append(replace(a, mentions=tuple(found)))
    return out
