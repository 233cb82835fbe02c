"""The spaCy pipeline loads once per process, with a tokenizer that splits glued quotation marks."""

from __future__ import annotations

import pytest

from onrecord.nlp import PARSE_ONLY_DISABLE, load_nlp


def test_loaded_once_with_parser() -> None:
    nlp = load_nlp()
    assert nlp is load_nlp()
    assert "parser" in nlp.pipe_names
    assert set(PARSE_ONLY_DISABLE) <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("said,\u201cLook", ["said", ",", "\u201c", "Look"]),
        ('told reporters:"We', ["told", "reporters", ":", '"', "We"]),
        # a closing mark glued to the word after it
        ("paranoia,\u201dClinton said", ["paranoia", ",", "\u201d", "Clinton", "said"]),
        ("ratings.\u201dTrump tells", ["ratings", ".", "\u201d", "Trump", "tells"]),
        ('he said."We will', ["he", "said", ".", '"', "We", "will"]),
        # what the stock tokenizer already splits stays as it was
        ("U.S.-led talks, 3,000 people", ["U.S.-led", "talks", ",", "3,000", "people"]),
    ],
)
def test_a_quotation_mark_glued_to_punctuation_is_split_off(text: str, tokens: list[str]) -> None:
    assert [t.text for t in load_nlp().tokenizer(text)] == tokens
