"""Helpers shared by the store's query modules."""

from __future__ import annotations

import pytest

from onrecord.errors import UsageError
from onrecord.store.rows import like_pattern


@pytest.mark.parametrize(
    ("typed", "pattern"),
    [
        ("Peskov", "%peskov%"),
        ("100%", "%100\\%%"),
        ("a_b", "%a\\_b%"),
        ("back\\slash", "%back\\\\slash%"),
    ],
)
def test_like_wildcards_typed_by_a_user_are_literal(typed: str, pattern: str) -> None:
    assert like_pattern(typed) == pattern


def test_a_nul_is_refused_rather_than_cutting_the_pattern() -> None:
    with pytest.raises(UsageError, match="NUL"):
        like_pattern("peskov\x00")
