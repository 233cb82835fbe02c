"""Who said what: quotes and reported speech in news text, with speakers resolved in the article.

``extract_attributions`` (in ``extract``) is the entry point; the other modules hold its parts:
``quotes`` (quotation marks on the raw text), ``reported`` (rules over the dependency parse),
``assemble`` (joining the two), ``learned`` (the filter), ``speakers`` (resolution in the
article), ``cues`` (the lexicon). ``extract_attributions`` is loaded on first use: the lexicon
(``cues``) is read by code that never parses, and importing the parser costs half a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onrecord.attribution.extract import extract_attributions

__all__ = ["extract_attributions"]


def __getattr__(name: str) -> Any:
    if name == "extract_attributions":
        from onrecord.attribution.extract import extract_attributions

        return extract_attributions
    raise AttributeError(f"module 'onrecord.attribution' has no attribute {name!r}")
