"""Canonical entities across articles: name variants merged, aliases and roles collected.

Attribution resolves speakers within one article; this package merges those per-article names
into entities for the whole corpus (Zelensky / Zelenskyy / Zelenskiy, "Vladmir Putin", a bare
"Putin"), without merging different people who share a surname, and lets a user's YAML file of
entities, aliases and roles override the automatic merges. Pure: only ``load_overrides`` reads.
"""

from __future__ import annotations

from onrecord.entities.overrides import (
    ENTITY_TYPES,
    EntityOverride,
    Overrides,
    load_overrides,
    parse_overrides,
)
from onrecord.entities.resolve import (
    EntityIndex,
    Mention,
    mentions_from_attributions,
    names_entity,
    resolve_entities,
)
from onrecord.models import Entity, Role

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "EntityIndex",
    "EntityOverride",
    "Mention",
    "Overrides",
    "Role",
    "load_overrides",
    "mentions_from_attributions",
    "names_entity",
    "parse_overrides",
    "resolve_entities",
]
