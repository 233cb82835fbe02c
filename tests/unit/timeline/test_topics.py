"""Topics: the taxonomy file is checked strictly, keywords match whole words, and clear statements score right."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from onrecord.errors import UsageError
from onrecord.nlp.embed import embed
from onrecord.timeline.topics import (
    DEFAULT_THRESHOLD,
    Taxonomy,
    TopicScorer,
    keyword_pattern,
    load_taxonomy,
    parse_taxonomy,
)

GOOD = """\
topics:
  ceasefire:
    description: A ceasefire or truce.   # a comment
    examples:
      - a ceasefire will take effect at midnight
      - both sides violated the truce
    keywords: [ceasefire, truce]
  Prisoners:
    description: Prisoners of war and exchanges.
    examples: [both sides exchanged prisoners of war]
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "topics.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def default() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def scorer(default: Taxonomy) -> TopicScorer:
    return TopicScorer(default)


def test_the_default_taxonomy_covers_politics_and_diplomacy(default: Taxonomy) -> None:
    for name in ("negotiations", "ceasefire", "sanctions", "territory", "security-alliances", "elections",
                 "humanitarian", "bilateral-relations", "economy", "military-operations", "campaign"):  # fmt: skip
        assert name in default.names
    assert "taxonomy.yaml" in default.source
    assert re.fullmatch(r"[0-9a-f]{64}", default.digest)
    for topic in default.topics:
        assert topic.description and topic.keywords, topic.name
        assert 5 <= len(topic.examples) <= 10, topic.name


def test_load_a_good_file(tmp_path: Path) -> None:
    taxonomy = load_taxonomy(_write(tmp_path, GOOD))
    assert taxonomy.names == ("ceasefire", "Prisoners")
    assert taxonomy.topics[0].description == "A ceasefire or truce."
    assert taxonomy.topics[0].examples == (
        "a ceasefire will take effect at midnight",
        "both sides violated the truce",
    )
    assert taxonomy.topics[1].keywords == ()
    assert taxonomy.source == str(tmp_path / "topics.yaml")


BAD = [
    ("", "the file is empty"),
    ("- ceasefire\n- sanctions\n", "expected a mapping with the key topics, found a list"),
    ("topics: [ceasefire]\n", "topics: expected a mapping of topic names to topics, found a list"),
    ("topics: {}\n", "topics: expected a mapping"),
    ("topic:\n  x: {description: d, examples: [e]}\n", "unknown key 'topic' at the top"),
    ("topics:\n  ceasefire:\n    examples: [a truce]\n", "topics.ceasefire: the description is missing"),
    ("topics:\n  ceasefire:\n    description: d\n", "topics.ceasefire: the examples are missing"),
    (
        "topics:\n  ceasefire:\n    description: d\n    examples: []\n",
        "topics.ceasefire.examples: the list is empty",
    ),
    (
        "topics:\n  ceasefire:\n    description: d\n    examples: a truce\n",
        "topics.ceasefire.examples: expected a list of texts, found text",
    ),
    (
        "topics:\n  ceasefire:\n    description: 3\n    examples: [a]\n",
        "topics.ceasefire.description: expected text, found a number",
    ),
    (
        "topics:\n  ceasefire:\n    description: d\n    examples: [a, yes]\n",
        "topics.ceasefire.examples[1]: expected text, found true/false",
    ),
    (
        "topics:\n  ceasefire:\n    description: d\n    examples: [a, '  ']\n",
        "topics.ceasefire.examples[1]: the text is empty",
    ),
    (
        "topics:\n  ceasefire:\n    description: d\n    examples: [a]\n    keywords: truce\n",
        "topics.ceasefire.keywords: expected a list",
    ),
    (
        "topics:\n  ceasefire:\n    description: d\n    examples: [a]\n    weight: 2\n",
        "unknown key 'weight' in topics.ceasefire",
    ),
    (
        "topics:\n  ceasefire: a truce\n",
        "topics.ceasefire: expected a mapping with description and examples, found text",
    ),
    (
        "topics:\n  ceasefire: {description: d, examples: [a]}\n  ceasefire: {description: e, examples: [b]}\n",
        "the key 'ceasefire' is given twice",
    ),
    (
        "topics:\n  ceasefire: {description: d, examples: [a]}\n  Ceasefire: {description: e, examples: [b]}\n",
        "topics.Ceasefire: the same topic as 'ceasefire'",
    ),
    ("topics:\n  12: {description: d, examples: [a]}\n", "a topic name must be text, found a number"),
    ("topics:\n  ceasefire: {description: d, examples: [a]\n", "not valid YAML"),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_a_malformed_file_is_refused_in_one_line_naming_it(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        load_taxonomy(path)
    message = caught.value.message
    assert message.startswith(f"{path}: "), message
    assert expected in message, message
    assert "\n" not in message


def test_a_file_that_is_not_utf8_or_missing_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "topics:\n  caf\xe9: {description: d, examples: [a]}\n".encode("latin-1"))
    with pytest.raises(UsageError, match=r"topics\.yaml: not UTF-8 text$"):
        load_taxonomy(path)
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(UsageError, match=r"nowhere\.yaml: cannot read: No such file"):
        load_taxonomy(missing)


def test_parse_taxonomy_names_its_source() -> None:
    with pytest.raises(UsageError, match=r"^settings: expected a mapping with the key topics, found text$"):
        parse_taxonomy("topics", "settings")


def test_the_digest_follows_the_content_not_the_layout(tmp_path: Path) -> None:
    first = load_taxonomy(_write(tmp_path, GOOD)).digest
    relaid = GOOD.replace("# a comment", "").replace("examples: [both", "examples:   [both")
    assert load_taxonomy(_write(tmp_path, relaid, "other.yaml")).digest == first
    changed = GOOD.replace("both sides violated the truce", "the truce was broken")
    assert load_taxonomy(_write(tmp_path, changed)).digest != first
    with_keyword = GOOD.replace("[ceasefire, truce]", "[ceasefire, truce, armistice]")
    assert load_taxonomy(_write(tmp_path, with_keyword)).digest != first


@pytest.mark.parametrize(
    ("keyword", "text", "found"),
    [
        ("sanction", "new sanctions on banks", True),
        ("sanction", "the sanctioned firms", True),
        ("negotiate", "they are negotiating", True),
        ("negotiate", "he negotiated the deal", True),
        ("ally", "the allies met", True),
        ("ceasefire", "a Ceasefire in Gaza", True),
        ("cease fire", "a cease-fire was agreed", True),
        ("peace talk", "the peace talks resumed", True),
        ("peace talk", "the peace   talks resumed", True),
        ("NATO", "NATO's summit", True),
        ("NATO", "NATO\u2019s summit", True),
        ("women's rights", "women\u2019s rights", True),
        ("gun", "the gunfire stopped", False),
        ("war", "the award went to her", False),
        ("peace talk", "peace and then talks", False),
        ("tax", "taxi drivers", False),
    ],
)
def test_keywords_match_whole_words_and_simple_inflections(keyword: str, text: str, found: bool) -> None:
    pattern = re.compile(keyword_pattern(keyword), re.I)
    assert bool(pattern.search(text.replace("\u2019", "'"))) is found


def test_keywords_in_reports_the_matches_as_written(scorer: TopicScorer) -> None:
    hits = scorer.keywords_in("The EU extended its Sanctions and called for a cease-fire.")
    assert hits["sanctions"] == ("Sanctions",)
    assert hits["ceasefire"] == ("cease-fire",)
    assert "campaign" not in hits


CEASEFIRE = "Russia and Ukraine agreed to a thirty-day truce starting on Monday, with all shelling to stop"
SANCTIONS = "The European Union will freeze the assets of Russian banks and ban imports of their steel"
NOTHING = "The museum will reopen in the spring after a long renovation"


def test_clear_statements_score_on_their_topic(scorer: TopicScorer) -> None:
    texts = [CEASEFIRE, SANCTIONS, NOTHING]
    scores = scorer.score(texts, embed(texts))
    assert all(set(row) == set(scorer.taxonomy.names) for row in scores)
    assert all(0.0 <= v <= 1.0 for row in scores for v in row.values())
    ceasefire, sanctions, nothing = scores
    assert ceasefire["ceasefire"] >= DEFAULT_THRESHOLD
    assert max(ceasefire, key=lambda t: ceasefire[t]) == "ceasefire"
    assert sanctions["sanctions"] >= DEFAULT_THRESHOLD
    assert sanctions["ceasefire"] < DEFAULT_THRESHOLD
    assert ceasefire["campaign"] < DEFAULT_THRESHOLD
    assert max(nothing.values()) < DEFAULT_THRESHOLD


def test_explain_shows_the_evidence(scorer: TopicScorer) -> None:
    evidence = scorer.explain(CEASEFIRE, embed([CEASEFIRE])[0])
    top = evidence[0]
    assert top.topic == "ceasefire"
    assert top.keywords == ("truce",)
    ceasefire = scorer.taxonomy.topics[scorer.taxonomy.names.index("ceasefire")]
    assert top.nearest in (ceasefire.description, *ceasefire.examples)
    assert [e.score for e in evidence] == sorted((e.score for e in evidence), reverse=True)


def test_score_checks_its_inputs(scorer: TopicScorer) -> None:
    assert scorer.score([], embed([])) == []
    with pytest.raises(ValueError, match="2 texts but 1 vectors"):
        scorer.score(["a", "b"], embed(["a"]))


def test_a_taxonomy_of_one_topic_still_discriminates(tmp_path: Path) -> None:
    one = TopicScorer(load_taxonomy(_write(tmp_path, GOOD.split("  Prisoners:")[0])))
    texts = [CEASEFIRE, NOTHING]
    on, off = one.score(texts, embed(texts))
    # The threshold is calibrated for a taxonomy of many topics; one topic still tells the two apart.
    assert on["ceasefire"] > off["ceasefire"] + 0.3
    assert off["ceasefire"] < DEFAULT_THRESHOLD


def test_shipped_vectors_cover_the_default_taxonomy_and_match_the_model() -> None:
    """Run ``python -m onrecord.timeline.build_topic_vectors`` after editing the default taxonomy."""
    from onrecord.nlp.embed import embed, text_hash
    from onrecord.timeline.topics import _shipped, anchor_texts

    shipped = _shipped()
    texts = anchor_texts(load_taxonomy())
    assert [t for t in texts if text_hash(t) not in shipped] == []
    sample = texts[:: max(1, len(texts) // 3)][:3]
    fresh = embed(sample)
    for text, vector in zip(sample, fresh, strict=True):
        assert float(np.dot(shipped[text_hash(text)], vector)) > 0.999
