"""Merge the speakers of many articles into entities: one per person, organisation or group.

Within an article, attribution already resolved "he", "Putin" and "the Kremlin spokesman" to one
name. Across articles the same person still appears as "Volodymyr Zelensky", "Zelenskyy" and
"Vladmir Putin"-style misspellings. Here every distinct form is placed in a cluster, most specific
forms first, so that a full name is settled before a bare surname has to choose between people:

1. forms named in the user's overrides go straight to the declared entity;
2. every other form, in a fixed order (more name parts, then more mentions, then longer, then
   alphabetical), joins the one cluster it fits: it matches some form of the cluster and
   contradicts none (complete linkage), so "George Bush" cannot chain "George H. W. Bush" to
   "George W. Bush". With no such cluster it starts its own; with two or more ("Trump" when both
   Donald and Melania Trump are known) it also starts its own: a guess is never a merge.

Types must agree, and unresolved (``unknown``) speakers are never entities. The result depends only
on the set of mentions, not their order, so ids are stable from run to run.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from onrecord.entities.names import (
    SKELETON_SIMILARITY,
    PersonName,
    ascii_fold,
    form_key,
    names_compatible,
    parse_person,
    persons_compatible,
    strip_titles,
    tidy,
    translit_key,
)
from onrecord.entities.overrides import ENTITY_TYPES, EntityOverride, Overrides
from onrecord.models import Attribution, Entity, Role

UNKNOWN = "unknown"


def names_entity(name: str | None, type_: str) -> bool:
    """Whether a speaker as resolved in its article can be an entity across articles: named, not
    unknown, and not an organisation known only by a description ("the campaign", "the
    government"), which is a different one in each article."""
    if not name or type_ == UNKNOWN:
        return False
    return not (type_ == "organization" and name.islower())


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved speaker name as seen in one article (its in-article canonical name)."""

    article: str
    name: str
    type: str
    roles: tuple[str, ...] = ()


def mentions_from_attributions(attributions: Iterable[Attribution]) -> list[Mention]:
    """The named speakers of attributions, one mention per attribution (counts give canonical names)."""
    out = []
    for a in attributions:
        sp = a.speaker
        if sp is not None and sp.name and names_entity(sp.name, sp.type):
            out.append(Mention(a.article, sp.name, sp.type, sp.roles))
    return out


@dataclass(slots=True)
class _Form:
    """All mentions whose name, titles stripped, has one key: "Putin", "PUTIN", "Mr. Putin"."""

    type: str
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    roles: dict[str, tuple[Counter[str], set[str]]] = field(default_factory=dict)
    tags: set[tuple[int, int]] = field(default_factory=set)
    person: PersonName | None = None

    @property
    def name(self) -> str:
        """The most frequent spelling; ties alphabetical, so input order does not matter."""
        return min(self.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    @property
    def count(self) -> int:
        return self.spellings.total()

    def add_role(self, text: str, article: str | None) -> None:
        key = _role_key(text)
        if not key:
            return
        texts, articles = self.roles.setdefault(key, (Counter(), set()))
        words = tidy(text).split()
        while words and words[0].lower() in ("the", "a", "an"):
            words.pop(0)
        texts[" ".join(words)] += 1
        if article is not None:
            articles.add(article)


@dataclass(slots=True)
class _Cluster:
    type: str
    members: list[_Form] = field(default_factory=list)
    joined: list[_Form] = field(default_factory=list)  # members that joined by similarity
    tags: set[tuple[int, int]] = field(default_factory=set)
    declared: EntityOverride | None = None
    anchors: list[_Form] = field(default_factory=list)  # the declared name and aliases


def _role_key(text: str) -> str:
    words = form_key(text).strip(" .,;:").split()
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


def _make_form(type_: str, name: str) -> _Form:
    form = _Form(type_, form_key(name))
    if type_ == "person":
        form.person = parse_person(name)
    return form


def _compatible(a: _Form, b: _Form, *, loose: bool = False) -> bool:
    if a.person is not None and b.person is not None:
        return persons_compatible(a.person, b.person, loose=loose)
    return names_compatible(a.key, b.key)


def _specificity(form: _Form) -> int:
    return form.person.specificity if form.person is not None else 0


def _order(form: _Form) -> tuple[int, int, int, str, str]:
    name = form.name
    return (-_specificity(form), -form.count, -len(name), name, form.key)


class EntityIndex:
    """The entities found, and which one each (article, name) mention belongs to."""

    def __init__(self, entities: Sequence[Entity], lookup: dict[tuple[str, str], dict[str, str]]) -> None:
        self._by_id = {e.id: e for e in sorted(entities, key=lambda e: e.id)}
        self._lookup = lookup

    def entity_for(self, article: str, name: str, type: str | None = None) -> Entity | None:
        """The entity of a speaker name as given in an article, or None if it is not one.

        ``type`` is needed only when one article uses the same name for two types of speaker.
        """
        by_type = self._lookup.get((article, form_key(tidy(name))), {})
        if type is not None:
            entity_id = by_type.get(type)
        elif len(by_type) == 1:
            entity_id = next(iter(by_type.values()))
        else:
            entity_id = None
        return self._by_id.get(entity_id) if entity_id is not None else None

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def entities(self) -> list[Entity]:
        """Every entity, ordered by id."""
        return list(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)


def resolve_entities(mentions: Iterable[Mention], overrides: Overrides | None = None) -> EntityIndex:
    """Merge mentions from many articles into entities; the user's overrides win over any merge."""
    overrides = overrides or Overrides()
    forms: dict[tuple[str, str], _Form] = {}
    seen: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    for m in mentions:
        if m.type == UNKNOWN:
            continue
        name, title = strip_titles(m.name, m.type)
        key = form_key(name)
        if not key:
            continue
        if (m.type, key) not in forms:
            forms[(m.type, key)] = _make_form(m.type, name)
        form = forms[(m.type, key)]
        form.spellings[name] += 1
        for role in (*m.roles, *([title] if title else [])):
            form.add_role(role, m.article)
        seen[(m.article, form_key(tidy(m.name)))][m.type] = (m.type, key)

    separate = _separate_tags(overrides)
    for (type_, key), form in forms.items():
        form.tags = set(separate.get((type_, key), ()))
    clusters, pinned = _declared_clusters(overrides, separate)
    candidates = _Candidates()
    for c in clusters:
        for anchor in c.anchors:
            candidates.add(c, anchor)
    for form in sorted(forms.values(), key=lambda f: (f.type, _order(f))):
        target = pinned.get((form.type, form.key))
        if target is None:
            target = _choose(form, candidates.near(form))
            if target is None:
                clusters.append(_Cluster(form.type))
                target = clusters[-1]
            target.joined.append(form)
        target.members.append(form)
        target.tags |= form.tags
        candidates.add(target, form)

    built = [(c, _build(c)) for c in clusters if c.members]
    entities = _assign_ids([e for _, e in built])
    ids = {id(c): e.id for (c, _), e in zip(built, entities, strict=True)}
    where = {(f.type, f.key): ids[id(c)] for c, _ in built for f in c.members}
    lookup = {k: {t: where[fk] for t, fk in v.items()} for k, v in seen.items()}
    return EntityIndex(entities, lookup)


def _separate_tags(overrides: Overrides) -> dict[tuple[str, str], set[tuple[int, int]]]:
    """(group, position) tags: two different positions of one group may never share a cluster."""
    tags: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for g, names in enumerate(overrides.separate):
        for i, raw in enumerate(names):
            for type_ in ENTITY_TYPES:
                tags[(type_, form_key(strip_titles(raw, type_)[0]))].add((g, i))
    # Declared entities are kept apart from each other as if listed in one more group.
    extra = len(overrides.separate)
    for i, ent in enumerate(overrides.entities):
        for raw in (ent.name, *ent.aliases):
            tags[(ent.type, form_key(strip_titles(raw, ent.type)[0]))].add((extra, i))
    return tags


def _declared_clusters(
    overrides: Overrides, separate: dict[tuple[str, str], set[tuple[int, int]]]
) -> tuple[list[_Cluster], dict[tuple[str, str], _Cluster]]:
    clusters: list[_Cluster] = []
    pinned: dict[tuple[str, str], _Cluster] = {}
    for ent in overrides.entities:
        cluster = _Cluster(ent.type, declared=ent)
        for raw in (ent.name, *ent.aliases):
            name = strip_titles(raw, ent.type)[0]
            anchor = _make_form(ent.type, name)
            cluster.anchors.append(anchor)
            cluster.tags |= separate.get((ent.type, anchor.key), set())
            pinned.setdefault((ent.type, anchor.key), cluster)
        clusters.append(cluster)
    return clusters, pinned


class _Candidates:
    """Clusters filed under the folded surname (first word, if not a person) of their forms.

    Every merge rule needs the surnames to pass ``part_match``, which wants the same first letter
    and never accepts a similarity below SKELETON_SIMILARITY; so one rapidfuzz scan (at C speed)
    of the keys filed under that letter finds every cluster a form could join, and the slower
    part-by-part comparison runs only on those.
    """

    def __init__(self) -> None:
        self._by_type: dict[tuple[str, str], dict[str, list[_Cluster]]] = defaultdict(dict)

    @staticmethod
    def _key(form: _Form) -> str:
        return translit_key(form.person.surname if form.person is not None else form.key.split()[0])

    def add(self, cluster: _Cluster, form: _Form) -> None:
        key = self._key(form)
        filed = self._by_type[(form.type, key[:1])].setdefault(key, [])
        if not any(c is cluster for c in filed):
            filed.append(cluster)

    def near(self, form: _Form) -> list[_Cluster]:
        key = self._key(form)
        filed = self._by_type.get((form.type, key[:1]), {})
        found = process.extract(
            key,
            list(filed),
            scorer=JaroWinkler.similarity,
            score_cutoff=SKELETON_SIMILARITY,
            limit=None,
        )
        out: dict[int, _Cluster] = {}  # by identity: a cluster is filed under each of its keys
        for key, _, _ in found:
            for c in filed[key]:
                out.setdefault(id(c), c)
        return list(out.values())


def _tags_clash(a: set[tuple[int, int]], b: set[tuple[int, int]]) -> bool:
    return any(g == h and i != j for g, i in a for h, j in b)


def _choose(form: _Form, clusters: Sequence[_Cluster]) -> _Cluster | None:
    """The one cluster this form fits, or None when it fits none or several (no guessing)."""
    fits = []
    for c in clusters:
        if c.type != form.type or _tags_clash(form.tags, c.tags):
            continue
        # It must match some form of the cluster and contradict none that joined by similarity
        # (complete linkage), so no form bridges two people. A user's alias ("Ze") is exempt:
        # it is the user's word, not a spelling to be compared.
        if not all(_compatible(form, m, loose=True) for m in c.joined):
            continue
        if any(_compatible(form, m) for m in (*c.anchors, *c.joined)):
            fits.append(c)
    if len(fits) > 1:
        # A surname that fits several people ("Obama": Barack, Michelle) goes to the one whose
        # role it was given ("President Obama"), when no other of them had that role: evidence
        # from the text, not a guess. With no such role, or a role shared, it stays apart.
        heads = _role_heads(form.roles)
        fits = [c for c in fits if heads & _role_heads(r for m in c.members for r in m.roles)]
    return fits[0] if len(fits) == 1 else None


def _role_heads(keys: Iterable[str]) -> set[str]:
    """The head word of each role ("former president" -> "president", "secretary of state" ->
    "secretary")."""
    heads = set()
    for key in keys:
        words = key.split()
        if "of" in words:
            words = words[: words.index("of")]
        if words:
            heads.add(words[-1].strip("."))
    return heads


def _build(c: _Cluster) -> Entity:
    if c.declared is not None:
        name = c.declared.name
    else:
        # The most frequent full form: a bare surname names the entity only when nothing else does.
        full = [f for f in c.members if f.person is None or f.person.full] or c.members
        name = min(full, key=lambda f: (-f.count, -len(f.name), f.name)).name
    forms = [f.name for f in c.members] + list(c.declared.aliases if c.declared else ())
    aliases: dict[str, str] = {}
    for alias in sorted(forms):
        if alias.casefold() != name.casefold():
            aliases.setdefault(alias.casefold(), alias)
    return Entity("", name, c.type, tuple(sorted(aliases.values())), _roles(c))


def _roles(c: _Cluster) -> tuple[Role, ...]:
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    for f in c.members:
        for key, (t, a) in f.roles.items():
            texts[key].update(t)
            articles[key] |= a
    declared = {_role_key(r): tidy(r) for r in (c.declared.roles if c.declared else ())}
    out = [Role(text, tuple(sorted(articles.get(key, ())))) for key, text in declared.items()]
    learned = sorted((k for k in texts if k not in declared), key=lambda k: (-len(articles[k]), k))
    for key in learned:
        text = min(texts[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        out.append(Role(text, tuple(sorted(articles[key]))))
    return tuple(out)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(name: str) -> str:
    slug = _NOT_SLUG.sub("-", ascii_fold(name)).strip("-")
    return slug or "entity-" + hashlib.sha1(name.encode()).hexdigest()[:10]


def _assign_ids(entities: list[Entity]) -> list[Entity]:
    """Ids are slugs of canonical names, so they stay put while the canonical name does.

    Clashes (one name for a person and for an organisation, or "Jean-Luc"/"Jean Luc") get the type
    and then a counter appended, in an order fixed by the entities' contents.
    """
    by_slug: dict[str, list[int]] = defaultdict(list)
    for k, e in enumerate(entities):
        by_slug[_slug(e.name)].append(k)
    ids = [""] * len(entities)
    for slug, ks in by_slug.items():
        if len(ks) == 1:
            ids[ks[0]] = slug
            continue
        typed: dict[str, list[int]] = defaultdict(list)
        for k in ks:
            typed[f"{slug}-{entities[k].type}"].append(k)
        for base, group in typed.items():
            group.sort(key=lambda k: (entities[k].name, entities[k].aliases))
            for n, k in enumerate(group):
                ids[k] = base if n == 0 else f"{base}-{n + 1}"
    used: set[str] = set()
    out = []
    for i, e in zip(ids, entities, strict=True):
        unique, n = i, 1
        while unique in used:  # a name that is itself "<slug>-<type>": vanishingly rare
            n += 1
            unique = f"{i}-{n}"
        used.add(unique)
        out.append(Entity(unique, e.name, e.type, e.aliases, e.roles))
    return out
