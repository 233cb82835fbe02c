"""Names in a statement's content, with the role written before a person's name."""

from __future__ import annotations

from onrecord import extract


def _mentions(text: str) -> dict[str, str | None]:
    (a,) = extract(text)
    return {m.text: m.role for m in a.mentions}


def test_a_title_before_a_name_in_the_content_is_its_role() -> None:
    found = _mentions("Vela said she had met with Russian President Ivan Orlov in March.")
    assert found.get("Ivan Orlov") == "Russian President"


def test_a_qualifier_alone_is_no_role() -> None:
    # "Secretary of State Ivan Orlov": the capitalised words before the name stop at "of", and
    # "State" on its own is no role
    found = _mentions("Vela said she had spoken with Secretary of State Ivan Orlov on Tuesday.")
    assert "Ivan Orlov" in found and found["Ivan Orlov"] != "State"
