"""Merging speakers across articles: what merges, what must not, canonical names, roles, ids."""

from __future__ import annotations

import random

import pytest

from onrecord.entities import Entity, Mention, Role, mentions_from_attributions, resolve_entities
from onrecord.models import Attribution, Span, Speaker


def _index(names: list[str], type_: str = "person") -> list[Entity]:
    mentions = [Mention(f"art{k}", n, type_) for k, n in enumerate(names)]
    return resolve_entities(mentions).entities()


@pytest.mark.parametrize(
    ("names", "type_"),
    [
        (["Mykola Zhuravsky", "Mykola Zhuravskyy", "Mykola Zhuravskiy"], "person"),  # romanisation
        (["Svetlana Morozova", "Svetalna Morozova"], "person"),  # misspelt given name
        (["Anatoly Vorobyov", "Anatoly Vorobyiov"], "person"),  # misspelt surname
        (["Aleksandr Volkov", "Alexander Volkov"], "person"),
        (["Hans Müller", "Hans Muller"], "person"),
        (["Carla Mendes", "President Carla Mendes", "Ms. Mendes", "Mendes"], "person"),  # titles, surname
        (["Ines van der Berg", "van der Berg"], "person"),
        (["John F. Kennedy", "John Kennedy", "Kennedy"], "person"),
        (["Rashid al-Tamimi", "Tamimi"], "person"),
        (["Lviv", "Lvov"], "organization"),  # place spellings
        (["Odessa", "Odesa"], "organization"),
        (["the Harbour Board", "Harbour Board", "HARBOUR BOARD"], "organization"),
        (["Kharkiv city council", "Kharkov city council"], "organization"),
    ],
)
def test_variants_merge_into_one_entity(names: list[str], type_: str) -> None:
    entities = _index(names, type_)
    assert len(entities) == 1, entities


@pytest.mark.parametrize(
    "names",
    [
        ["Donald Trump", "Melania Trump"],  # shared surname, different given names
        ["Kyle Busch", "Kurt Busch"],
        ["Daniel Okafor", "Daniela Okafor"],
        ["Igor Petrov", "Igor Petrova"],  # gendered surname forms
        ["Jon Berg", "John Berg"],
        ["Peter Holm", "Peter Holm Jr."],
        ["George H. W. Bush", "George W. Bush"],
        ["Anna Lind", "Anne Lind"],
    ],
)
def test_different_people_stay_apart(names: list[str]) -> None:
    entities = _index(names)
    assert sorted(e.name for e in entities) == sorted(names)


@pytest.mark.parametrize(
    ("names", "ambiguous"),
    [
        (["Donald Trump", "Melania Trump", "Trump"], "Trump"),
        (["George H. W. Bush", "George W. Bush", "George Bush"], "George Bush"),
        (["Kyle Busch", "Kurt Busch", "President Busch"], "Busch"),
    ],
)
def test_an_ambiguous_short_form_is_its_own_entity_not_a_guess(names: list[str], ambiguous: str) -> None:
    entities = _index(names)
    assert len(entities) == len(names)
    (alone,) = [e for e in entities if e.name == ambiguous]
    assert alone.aliases == ()


def test_surname_merges_into_the_only_person_with_it() -> None:
    entities = _index(["Melania Trump", "Trump", "Kyle Busch", "Busch"])
    assert {e.name: e.aliases for e in entities} == {"Melania Trump": ("Trump",), "Kyle Busch": ("Busch",)}


def test_types_must_agree_and_unknown_never_merges() -> None:
    mentions = [
        Mention("a1", "Jordan", "person"),
        Mention("a2", "Jordan", "organization"),
        Mention("a3", "he", "unknown"),
        Mention("a4", "he", "unknown"),
    ]
    index = resolve_entities(mentions)
    assert sorted((e.id, e.type) for e in index.entities()) == [
        ("jordan-organization", "organization"),
        ("jordan-person", "person"),
    ]
    assert index.entity_for("a3", "he") is None
    entity = index.entity_for("a1", "Jordan")
    assert entity is not None and entity.type == "person"


def test_entity_for_needs_the_type_only_when_an_article_uses_a_name_twice() -> None:
    mentions = [Mention("a1", "Jordan", "person"), Mention("a1", "Jordan", "organization")]
    index = resolve_entities(mentions)
    assert index.entity_for("a1", "Jordan") is None
    found = index.entity_for("a1", "Jordan", "organization")
    assert found is not None and found.type == "organization"
    assert index.entity_for("a2", "Jordan") is None  # not seen in that article


def test_canonical_name_is_the_most_frequent_full_form() -> None:
    names = ["Mendes"] * 5 + ["Carla Mendes"] * 2 + ["Carla Mednes"] + ["President Carla Mendes"]
    (entity,) = _index(names)
    assert entity.name == "Carla Mendes"  # the titled mentions count for it too
    assert entity.aliases == ("Carla Mednes", "Mendes")
    assert entity.id == "carla-mendes"


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (["Mykola Zhuravsky", "Mykola Zhuravskyy"], "Mykola Zhuravskyy"),  # tie: the longer
        (["Lviv", "Lvov"], "Lviv"),  # tie, same length: alphabetical
    ],
)
def test_canonical_name_ties(names: list[str], canonical: str) -> None:
    type_ = "organization" if canonical == "Lviv" else "person"
    (entity,) = _index(names, type_)
    assert entity.name == canonical


def test_roles_are_united_deduplicated_and_keep_their_articles() -> None:
    mentions = [
        Mention("a1", "Carla Mendes", "person", ("president",)),
        Mention("a2", "Carla Mendes", "person", ("President",)),
        Mention("a3", "President Carla Mendes", "person"),
        Mention("a4", "Mendes", "person", ("the party leader",)),
    ]
    (entity,) = resolve_entities(mentions).entities()
    assert entity.roles == (
        Role("President", ("a1", "a2", "a3")),  # the most frequent spelling, from three articles
        Role("party leader", ("a4",)),
    )


def test_mixed_corpus_is_deterministic_under_shuffling() -> None:
    mentions = [
        Mention("a1", "Mykola Zhuravsky", "person", ("mayor",)),
        Mention("a2", "Mykola Zhuravskyy", "person", ("Mayor",)),
        Mention("a3", "Zhuravsky", "person"),
        Mention("a4", "Donald Trump", "person"),
        Mention("a5", "Melania Trump", "person"),
        Mention("a6", "Trump", "person"),
        Mention("a7", "Lviv", "organization"),
        Mention("a8", "Lvov", "organization"),
        Mention("a9", "Svetlana Morozova", "person"),
        Mention("a9", "Svetalna Morozova", "person"),
        Mention("a9", "she", "unknown"),
        Mention("a10", "city officials", "group"),
    ] * 2
    first = resolve_entities(mentions)
    rng = random.Random(7)
    for _ in range(10):
        shuffled = list(mentions)
        rng.shuffle(shuffled)
        again = resolve_entities(shuffled)
        assert again.entities() == first.entities()
        for m in mentions:
            assert again.entity_for(m.article, m.name) == first.entity_for(m.article, m.name)
    ids = [e.id for e in first.entities()]
    assert len(ids) == len(set(ids)) == 7


def test_ids_are_slugs_and_stable_for_non_latin_names() -> None:
    (cyrillic,) = _index(["Микола Журавський"])
    assert cyrillic.id.startswith("entity-")
    assert _index(["Микола Журавський"])[0].id == cyrillic.id
    (accented,) = _index(["Hélène Durand"])
    assert accented.id == "helene-durand"


def test_mentions_from_attributions_skips_unresolved_speakers() -> None:
    span = Span(0, 4, "text")

    def attribution(speaker: Speaker | None) -> Attribution:
        return Attribution("x", "art1", "direct", span, None, None, speaker, 0.9)

    found = mentions_from_attributions(
        [
            attribution(Speaker("s1", "Carla Mendes", "person", ("mayor",))),
            attribution(Speaker("s2", None, "unknown")),
            attribution(Speaker("s3", None, "person", ("the doctor",))),
            # "the campaign": a description, a different campaign in each article
            attribution(Speaker("s4", "campaign", "organization")),
            attribution(Speaker("s5", "Mendes campaign", "organization")),
            attribution(None),
        ]
    )
    assert found == [
        Mention("art1", "Carla Mendes", "person", ("mayor",)),
        Mention("art1", "Mendes campaign", "organization"),
    ]


def test_a_surname_with_the_role_of_only_one_person_joins_that_person() -> None:
    mentions = [
        Mention("a1", "Ada Lindqvist", "person", ("Mayor",)),
        Mention("a2", "Per Lindqvist", "person", ("first gentleman",)),
        Mention("a3", "Lindqvist", "person", ("former mayor",)),
        Mention("a4", "Lindqvist", "person"),
    ]
    entities = {e.name: e.aliases for e in resolve_entities(mentions).entities()}
    assert entities == {"Ada Lindqvist": ("Lindqvist",), "Per Lindqvist": ()}


def test_a_surname_with_a_role_two_people_share_stays_apart() -> None:
    mentions = [
        Mention("a1", "Ada Lindqvist", "person", ("senator",)),
        Mention("a2", "Per Lindqvist", "person", ("state senator",)),
        Mention("a3", "Lindqvist", "person", ("Senator",)),
    ]
    assert len(resolve_entities(mentions).entities()) == 3


def test_markup_glued_to_a_name_is_not_a_spelling_of_it() -> None:
    mentions = [Mention("a1", "Bernie Sanders", "person"), Mention("a2", '">Sanders', "person")]
    assert [(e.name, e.aliases) for e in resolve_entities(mentions).entities()] == [
        ("Bernie Sanders", ("Sanders",))
    ]


def test_a_handle_keeps_its_at_sign() -> None:
    mentions = [Mention("a1", "@harbourwatch", "person")]
    assert [e.name for e in resolve_entities(mentions).entities()] == ["@harbourwatch"]
