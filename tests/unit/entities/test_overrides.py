"""The user's overrides file: it wins over automatic merges, and a bad file says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.entities import (
    EntityOverride,
    Mention,
    Overrides,
    Role,
    load_overrides,
    parse_overrides,
    resolve_entities,
)
from onrecord.errors import InputError

GOOD = """\
entities:
  - name: Mykola Zhuravsky
    type: person
    aliases: [Zhura, "Mayor Zhuravsky"]
    roles: [Mayor of Lviv]
  - name: Harbour Board
    type: organization
    aliases: [the port authority]
  - name: Lena Holt      # type defaults to person
separate: [[Peter Lindqvist, Peter Lindquist]]
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "entities.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_load_a_good_file(tmp_path: Path) -> None:
    overrides = load_overrides(_write(tmp_path, GOOD))
    assert overrides == Overrides(
        entities=(
            EntityOverride("Mykola Zhuravsky", "person", ("Zhura", "Mayor Zhuravsky"), ("Mayor of Lviv",)),
            EntityOverride("Harbour Board", "organization", ("the port authority",)),
            EntityOverride("Lena Holt"),
        ),
        separate=(("Peter Lindqvist", "Peter Lindquist"),),
    )


def test_declared_name_aliases_and_roles_win(tmp_path: Path) -> None:
    overrides = load_overrides(_write(tmp_path, GOOD))
    mentions = [
        Mention("a1", "Zhura", "person"),  # nothing like the name: only the alias joins it
        Mention("a2", "Mykola Zhuravskyy", "person", ("mayor",)),
        Mention("a3", "Mykola Zhuravskyy", "person"),
        Mention("a4", "Zhuravskiy", "person"),
        Mention("a5", "port authority", "organization"),
        Mention("a6", "Harbour Board", "organization"),
    ]
    index = resolve_entities(mentions, overrides)
    person = index.entity_for("a1", "Zhura")
    assert person is not None
    assert person == index.entity_for("a2", "Mykola Zhuravskyy") == index.entity_for("a4", "Zhuravskiy")
    # the declared name is canonical although the articles spell another form more often
    assert person.name == "Mykola Zhuravsky"
    assert person.id == "mykola-zhuravsky"
    assert person.aliases == ("Mayor Zhuravsky", "Mykola Zhuravskyy", "Zhura", "Zhuravskiy")
    assert person.roles == (Role("Mayor of Lviv"), Role("mayor", ("a2",)))
    board = index.entity_for("a5", "port authority")
    assert board is not None and board.name == "Harbour Board"
    assert board == index.entity_for("a6", "Harbour Board")
    # a declared entity that no article mentions is not listed
    assert "Lena Holt" not in {e.name for e in index.entities()}


def test_separate_keeps_apart_what_would_merge() -> None:
    mentions = [Mention("a1", "Peter Lindqvist", "person"), Mention("a2", "Peter Lindquist", "person")]
    assert len(resolve_entities(mentions).entities()) == 1  # close enough to merge on their own
    overrides = Overrides(separate=(("Peter Lindqvist", "Peter Lindquist"),))
    index = resolve_entities(mentions, overrides)
    assert sorted(e.name for e in index.entities()) == ["Peter Lindquist", "Peter Lindqvist"]


def test_separate_makes_a_short_form_choose_no_side() -> None:
    mentions = [
        Mention("a1", "George W. Bush", "person"),
        Mention("a2", "George Bush", "person"),
    ]
    (merged,) = resolve_entities(mentions).entities()
    assert merged.name == "George W. Bush"
    index = resolve_entities(mentions, Overrides(separate=(("George Bush", "George W. Bush"),)))
    assert len(index.entities()) == 2


def test_two_declared_entities_never_merge() -> None:
    overrides = Overrides(entities=(EntityOverride("Peter Lindqvist"), EntityOverride("Peter Lindquist")))
    mentions = [Mention("a1", "Peter Lindqvist", "person"), Mention("a2", "Peter Lindquist", "person")]
    assert len(resolve_entities(mentions, overrides).entities()) == 2


def test_declared_type_must_agree() -> None:
    overrides = Overrides(entities=(EntityOverride("Jordan", "organization"),))
    index = resolve_entities([Mention("a1", "Jordan", "person")], overrides)
    (entity,) = index.entities()
    assert entity.type == "person"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "the file is empty"),
        ("# nothing but a comment\n", "the file is empty"),
        (
            "- Lena Holt\n- Ivo Kranjc\n",
            "expected a mapping with the keys entities and/or separate, found a list",
        ),
        ("just text\n", "found text"),
        ("entites: []\n", "unknown key 'entites' at the top (expected entities, separate)"),
        ("entities: {name: Lena Holt}\n", "entities: expected a list, found a mapping"),
        ("entities:\n", "entities: expected a list, found nothing"),
        ("entities: [Lena Holt]\n", "entities[0]: expected a mapping with a name, found text"),
        ("entities: [{aliases: [Holt]}]\n", "entities[0]: the name is missing"),
        ("entities: [{name: ''}]\n", "entities[0].name: the name is empty"),
        ("entities: [{name: '  '}]\n", "entities[0].name: the name is empty"),
        ("entities: [{name: 42}]\n", "entities[0].name: expected a name, found a number"),
        ("entities: [{name: Lena Holt, alias: [Holt]}]\n", "unknown key 'alias' in entities[0]"),
        (
            "entities: [{name: Lena Holt, type: place}]\n",
            "entities[0].type: expected one of person, organization, group, found 'place'",
        ),
        (
            "entities: [{name: Lena Holt, type: [person]}]\n",
            "entities[0].type: expected one of person, organization, group, found a list",
        ),
        (
            "entities: [{name: Lena Holt, aliases: Holt}]\n",
            "entities[0].aliases: expected a list of names, found text",
        ),
        (
            "entities: [{name: Lena Holt, aliases: [Holt, no]}]\n",
            "entities[0].aliases[1]: expected a name, found true/false",
        ),
        (
            "entities: [{name: Lena Holt, roles: [2024-01-01]}]\n",
            "entities[0].roles[0]: expected a role, found a date",
        ),
        (
            "entities: [{name: Lena Holt}, {name: Lena Hold, aliases: [lena holt]}]\n",
            "entities[1]: 'lena holt' is already a name or alias of entities[0] (Lena Holt)",
        ),
        ("separate: [Lena Holt, Ivo Kranjc]\n", "separate[0]: expected a list of names, found text"),
        ("separate: [[Lena Holt]]\n", "separate[0]: expected at least two different names"),
        ("separate: [[Lena Holt, LENA HOLT]]\n", "separate[0]: expected at least two different names"),
        ("separate: [[Lena Holt, Ivo Kranjc, Lena Holt]]\n", "separate[0]: a name is listed twice"),
        (
            "separate: [[Lena Holt, Holt]]\nentities: [{name: Lena Holt, aliases: [Holt]}]\n",
            "separate[0]: Lena Holt and Holt are both forms of entities[0] (Lena Holt)",
        ),
        ("separate: []\nseparate: []\n", "the key 'separate' is given twice (line 2, column 1)"),
        ("entities: [{name: Lena Holt\n", "not valid YAML"),
        ("entities:\n  - name: x\n   type: person\n", "not valid YAML"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, text: str, reason: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_overrides(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message
    assert caught.value.stage == "entities"


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_overrides(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="not UTF-8 text"):
        load_overrides(_write(tmp_path, b"entities: [{name: \xff\xfe}]\n"))


def test_parse_overrides_takes_already_parsed_data() -> None:
    assert parse_overrides({"separate": [["A B", "C D"]]}, "request") == Overrides(separate=(("A B", "C D"),))
    with pytest.raises(InputError, match=r"^request: unknown key 'extra' at the top"):
        parse_overrides({"extra": 1}, "request")
