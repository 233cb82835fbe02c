"""The user's own word on entities: a YAML file of names, aliases, roles and pairs kept apart.

```yaml
entities:
  - name: Volodymyr Zelensky      # the canonical name, whatever the articles spell most
    type: person                  # person (default), organization or group
    aliases: [Zelenskyy, Ze]      # forms that are this entity, however unlike the name
    roles: [President of Ukraine]
separate: [[Donald Trump, Melania Trump]]   # never one entity, whatever the names look like
```

The file is checked strictly and every problem is reported in one line that names the file and
the place in it (``entities[1].aliases[0]``): an override that is silently ignored is worse than
none, because the user believes it is in force.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from onrecord.entities.names import form_key, tidy
from onrecord.errors import InputError

ENTITY_TYPES = ("person", "organization", "group")
_TOP_KEYS = ("entities", "separate")
_ENTITY_KEYS = ("aliases", "name", "roles", "type")


@dataclass(frozen=True, slots=True)
class EntityOverride:
    """One entity as the user declares it; its forms are pinned to it before any automatic merge."""

    name: str
    type: str = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Overrides:
    """Declared entities, and groups of names that must each stay a different entity."""

    entities: tuple[EntityOverride, ...] = ()
    separate: tuple[tuple[str, ...], ...] = ()


class _Invalid(Exception):
    """A problem found while checking, carried up to become one InputError."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice, which plain YAML loading resolves silently."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_overrides(path: Path) -> Overrides:
    """Read and check an overrides file; raise InputError with a one-line reason if it is bad."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(source, "not UTF-8 text", stage="entities") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}", stage="entities") from None
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        where = ""
        if exc.problem_mark is not None:
            where = f" (line {exc.problem_mark.line + 1}, column {exc.problem_mark.column + 1})"
        raise InputError(source, f"not valid YAML: {exc.problem}{where}", stage="entities") from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(source, f"not valid YAML: {first}", stage="entities") from None
    return parse_overrides(data, source)


def parse_overrides(data: object, source: str) -> Overrides:
    """Check already-parsed YAML (or JSON) data; ``source`` names it in the error message."""
    try:
        return _parse(data)
    except _Invalid as exc:
        raise InputError(source, str(exc), stage="entities") from None


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false (quote it if it is text)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _keys(value: dict[Any, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in value:
        if key not in allowed:
            raise _Invalid(f"unknown key {key!r} {where} (expected {', '.join(allowed)})")


def _text(value: object, where: str, what: str = "name") -> str:
    if not isinstance(value, str):
        raise _Invalid(f"{where}: expected a {what}, found {_describe(value)}")
    out = tidy(value)
    if not form_key(out):
        raise _Invalid(f"{where}: the {what} is empty")
    return out


def _texts(value: object, where: str, what: str = "name") -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Invalid(f"{where}: expected a list of {what}s, found {_describe(value)}")
    return tuple(_text(v, f"{where}[{k}]", what) for k, v in enumerate(value))


def _parse(data: object) -> Overrides:
    if data is None:
        raise _Invalid("the file is empty (expected the keys entities and/or separate)")
    if not isinstance(data, dict):
        raise _Invalid(f"expected a mapping with the keys entities and/or separate, found {_describe(data)}")
    _keys(data, _TOP_KEYS, "at the top")
    entities = tuple(_entity(v, f"entities[{k}]") for k, v in enumerate(_list(data, "entities")))
    _check_unique(entities)
    separate = tuple(_group(v, f"separate[{k}]") for k, v in enumerate(_list(data, "separate")))
    _check_consistent(entities, separate)
    return Overrides(entities, separate)


def _list(data: dict[Any, Any], key: str) -> list[Any]:
    if key not in data:
        return []
    value = data[key]
    if not isinstance(value, list):
        raise _Invalid(f"{key}: expected a list, found {_describe(value)}")
    return value


def _entity(value: object, where: str) -> EntityOverride:
    if not isinstance(value, dict):
        raise _Invalid(f"{where}: expected a mapping with a name, found {_describe(value)}")
    _keys(value, _ENTITY_KEYS, f"in {where}")
    if "name" not in value:
        raise _Invalid(f"{where}: the name is missing")
    name = _text(value["name"], f"{where}.name")
    type_ = value.get("type", "person")
    if type_ not in ENTITY_TYPES:
        shown = repr(type_) if isinstance(type_, str) else _describe(type_)
        raise _Invalid(f"{where}.type: expected one of {', '.join(ENTITY_TYPES)}, found {shown}")
    aliases = _texts(value.get("aliases", []), f"{where}.aliases")
    roles = _texts(value.get("roles", []), f"{where}.roles", "role")
    return EntityOverride(name, type_, aliases, roles)


def _check_unique(entities: tuple[EntityOverride, ...]) -> None:
    """One form may name one declared entity only, or the file would contradict itself."""
    owner: dict[tuple[str, str], int] = {}
    for k, ent in enumerate(entities):
        for form in (ent.name, *ent.aliases):
            other = owner.setdefault((ent.type, form_key(form)), k)
            if other != k:
                raise _Invalid(
                    f"entities[{k}]: {form!r} is already a name or alias of entities[{other}] "
                    f"({entities[other].name})"
                )


def _group(value: object, where: str) -> tuple[str, ...]:
    names = _texts(value, where)
    if len({form_key(n) for n in names}) < 2:
        raise _Invalid(f"{where}: expected at least two different names")
    if len({form_key(n) for n in names}) < len(names):
        raise _Invalid(f"{where}: a name is listed twice")
    return names


def _check_consistent(entities: tuple[EntityOverride, ...], separate: tuple[tuple[str, ...], ...]) -> None:
    """Two names kept apart must not both be forms of one declared entity."""
    for g, names in enumerate(separate):
        for k, ent in enumerate(entities):
            forms = {form_key(f) for f in (ent.name, *ent.aliases)}
            both = [n for n in names if form_key(n) in forms]
            if len(both) > 1:
                raise _Invalid(
                    f"separate[{g}]: {' and '.join(both)} are both forms of entities[{k}] ({ent.name})"
                )
