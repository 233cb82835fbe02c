"""The spaCy pipeline loads once per process."""

from __future__ import annotations

from onrecord.nlp import PARSE_ONLY_DISABLE, load_nlp


def test_loaded_once_with_parser() -> None:
    nlp = load_nlp()
    assert nlp is load_nlp()
    assert "parser" in nlp.pipe_names
    assert set(PARSE_ONLY_DISABLE) <= set(nlp.pipe_names)
