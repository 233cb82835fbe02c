"""What a statement is about: scores against a user-editable taxonomy of topics.

A taxonomy is a YAML file (the default ships as ``taxonomy.yaml`` next to this module)::

    topics:
      ceasefire:
        description: A ceasefire, truce or pause in fighting, and whether it holds.
        examples:                      # phrases as reported speech reads; at least one
          - a ceasefire will take effect at midnight
        keywords: [ceasefire, truce]   # optional; whole words, any case, plurals and -ed/-ing forms too

A statement's score for a topic combines two pieces of evidence that a person can check:

* **meaning**: the cosine between the statement's embedding and the topic's centroid (the mean of its
  description and examples), both taken relative to a centre, the average over the topics and a set
  of reference sentences about nothing in particular (e5 puts any two sentences of news close
  together; what they share says nothing about the topic), mapped linearly onto [0, 1] between
  ``SIM_LOW`` and ``SIM_HIGH``;
* **words**: 1 when one of the topic's keywords occurs in the statement, else 0.

``score = (1 - KEYWORD_WEIGHT) * meaning + KEYWORD_WEIGHT * words``, stored per statement and topic so
a threshold can change without reprocessing; ``digest`` changes with the taxonomy, the reference
sentences and the scoring version, telling the store when scores are stale. The constants and
``DEFAULT_THRESHOLD`` were chosen on one half of ``tests/data/topics_gold.jsonl`` and are reported on
the other (``benchmarks/topics_eval.py``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from onrecord.entities.overrides import _describe, _StrictLoader
from onrecord.errors import UsageError
from onrecord.nlp.embed import Vectors, embed, text_hash

__all__ = [
    "DEFAULT_THRESHOLD",
    "Taxonomy",
    "Topic",
    "TopicEvidence",
    "TopicScorer",
    "keyword_pattern",
    "load_taxonomy",
    "parse_taxonomy",
]

# Part of the digest: changing how scores are computed must invalidate stored scores too.
SCORING_VERSION = "onrecord.topics/1"
DEFAULT_THRESHOLD = 0.45
# Centred cosine to a topic's centroid: up to SIM_LOW counts as nothing, from SIM_HIGH on as
# certain (multilingual-e5-small).
SIM_LOW = 0.05
SIM_HIGH = 0.4
# Share of the score that a keyword match brings; the rest comes from meaning.
KEYWORD_WEIGHT = 0.3

_TOPIC_KEYS = ("description", "examples", "keywords")
_DEFAULT_SOURCE = "the default taxonomy (onrecord/timeline/taxonomy.yaml)"


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    description: str
    examples: tuple[str, ...]
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    source: str  # the file it was read from, for messages
    digest: str  # sha256 of the normalised topics and the scoring version: scores are stale when it changes

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.topics)


@dataclass(frozen=True, slots=True)
class TopicEvidence:
    """Why a statement got its score for one topic."""

    topic: str
    score: float
    similarity: float  # centred cosine to the topic's centroid (before mapping to [0, 1])
    nearest: str  # the topic's description or example nearest to the statement
    keywords: tuple[str, ...]  # keyword matches as written in the statement


class _Invalid(Exception):
    """A problem found while checking, carried up to become one UsageError."""


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and check a taxonomy file (None: the default one); a bad file raises a one-line UsageError."""
    source = _DEFAULT_SOURCE if path is None else str(path)
    try:
        if path is None:
            text = resources.files("onrecord.timeline").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass that refuses repeated keys
    except UnicodeDecodeError:
        raise UsageError(f"{source}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise UsageError(f"{source}: not valid YAML: {exc.problem}{where}") from None
    except yaml.YAMLError as exc:
        raise UsageError(
            f"{source}: not valid YAML: {(str(exc) or type(exc).__name__).splitlines()[0]}"
        ) from None
    return parse_taxonomy(data, source)


def parse_taxonomy(data: object, source: str) -> Taxonomy:
    """Check already-parsed YAML (or JSON) data; ``source`` names it in the error message."""
    try:
        topics = _parse(data)
    except _Invalid as exc:
        raise UsageError(f"{source}: {exc}") from None
    canonical = json.dumps(
        [[t.name, t.description, list(t.examples), list(t.keywords)] for t in topics], ensure_ascii=False
    )
    reference = "\n".join(_reference())
    digest = hashlib.sha256(f"{SCORING_VERSION}\n{canonical}\n{reference}".encode()).hexdigest()
    return Taxonomy(topics, source, digest)


def _parse(data: object) -> tuple[Topic, ...]:
    if data is None:
        raise _Invalid("the file is empty (expected the key topics)")
    if not isinstance(data, dict):
        raise _Invalid(f"expected a mapping with the key topics, found {_describe(data)}")
    for key in data:
        if key != "topics":
            raise _Invalid(f"unknown key {key!r} at the top (expected topics)")
    value = data.get("topics")
    if not isinstance(value, dict) or not value:
        raise _Invalid(f"topics: expected a mapping of topic names to topics, found {_describe(value)}")
    topics: list[Topic] = []
    seen: dict[str, str] = {}
    for name, body in value.items():
        if not isinstance(name, str) or not name.strip():
            raise _Invalid(f"topics: a topic name must be text, found {_describe(name)}")
        name = " ".join(name.split())
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            raise _Invalid(f"topics.{name}: the same topic as {other!r} (names are compared ignoring case)")
        topics.append(_topic(name, body))
    return tuple(topics)


def _topic(name: str, body: object) -> Topic:
    where = f"topics.{name}"
    if not isinstance(body, dict):
        raise _Invalid(f"{where}: expected a mapping with description and examples, found {_describe(body)}")
    for key in body:
        if key not in _TOPIC_KEYS:
            raise _Invalid(f"unknown key {key!r} in {where} (expected {', '.join(_TOPIC_KEYS)})")
    if "description" not in body:
        raise _Invalid(f"{where}: the description is missing")
    description = _text(body["description"], f"{where}.description")
    if "examples" not in body:
        raise _Invalid(f"{where}: the examples are missing (at least one example phrase)")
    examples = _texts(body["examples"], f"{where}.examples")
    if not examples:
        raise _Invalid(f"{where}.examples: the list is empty (at least one example phrase)")
    keywords = _texts(body.get("keywords", []), f"{where}.keywords")
    return Topic(name, description, examples, keywords)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"{where}: expected text, found {_describe(value)}")
    out = " ".join(value.split())
    if not out:
        raise _Invalid(f"{where}: the text is empty")
    return out


def _texts(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Invalid(f"{where}: expected a list of texts, found {_describe(value)}")
    return tuple(_text(v, f"{where}[{k}]") for k, v in enumerate(value))


def _word_pattern(word: str) -> str:
    """One word and its simple inflections: plural, -ed, -ing, possessive (sanction -> sanctions)."""
    w = word.casefold().replace("\u2019", "'")
    if not w[-1].isalpha():
        stem, endings = w, ""
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        stem, endings = w[:-1], "(?:y|ies|ied)"  # party -> parties, ally -> allied
    elif w.endswith("e"):
        stem, endings = w[:-1], "(?:e|es|ed|ing)"  # negotiate -> negotiating
    else:
        stem, endings = w, "(?:s|es|ed|ing)?"
    return f"{re.escape(stem)}{endings}(?:'s)?"


def keyword_pattern(keyword: str) -> str:
    """A regex for a keyword as a whole word or phrase; words may be joined by spaces or hyphens."""
    words = keyword.split()
    return r"(?<!\w)" + r"[\s\-]+".join(_word_pattern(w) for w in words) + r"(?!\w)"


@dataclass(frozen=True, slots=True)
class _Anchors:
    """A taxonomy's embeddings, centred: what every sentence of news shares is taken away first."""

    centre: Vectors  # average of the topics' mean embeddings and of the reference sentences'
    centroids: Vectors  # per topic, the unit mean of its centred description and examples
    vectors: Vectors  # every description and example, centred, unit length
    spans: tuple[slice, ...]  # rows of ``vectors`` per topic
    texts: tuple[str, ...]


_ANCHORS: dict[str, _Anchors] = {}


def _unit(x: Vectors) -> Vectors:
    out: Vectors = (x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)).astype(np.float32)
    return out


@functools.cache
def _reference() -> tuple[str, ...]:
    raw = resources.files("onrecord.timeline").joinpath("topic_reference.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


# Embeddings of the default taxonomy's texts and the reference sentences, computed once with the
# bundled model and shipped (build_topic_vectors.py writes them; a test checks they are current),
# so that a process does not spend seconds embedding the same sentences at every start.
SHIPPED_VECTORS = "topic_vectors.npz"


@functools.cache
def _shipped() -> dict[str, Vectors]:
    path = resources.files("onrecord.timeline").joinpath(SHIPPED_VECTORS)
    if not path.is_file():
        return {}
    with path.open("rb") as f, np.load(f) as z:
        return {k: z[k].astype(np.float32) for k in z.files}


def embed_known(texts: Sequence[str]) -> Vectors:
    """``embed`` for anchor texts, taking the shipped vectors where the text is one of them."""
    known = _shipped()
    missing = sorted({t for t in texts if text_hash(t) not in known})
    fresh = dict(zip(missing, embed(missing), strict=True)) if missing else {}
    rows = [known[text_hash(t)] if t not in fresh else fresh[t] for t in texts]
    return np.stack(rows).astype(np.float32) if rows else embed([])


def anchor_texts(taxonomy: Taxonomy) -> list[str]:
    """Every text a taxonomy embeds: descriptions, examples, and the reference sentences."""
    out = [t for topic in taxonomy.topics for t in (topic.description, *topic.examples)]
    return out + list(_reference())


def _anchors(taxonomy: Taxonomy) -> _Anchors:
    """Embed the descriptions, examples and reference sentences once per taxonomy and process.

    The centre counts the reference sentences as one more topic, "anything else", so that even a
    taxonomy of one topic has a direction to measure nearness along.
    """
    cached = _ANCHORS.get(taxonomy.digest)
    if cached is None:
        texts: list[str] = []
        spans: list[slice] = []
        for topic in taxonomy.topics:
            start = len(texts)
            texts.extend((topic.description, *topic.examples))
            spans.append(slice(start, len(texts)))
        reference = _reference()
        raw = embed_known([*texts, *reference])
        means = [raw[s].mean(axis=0) for s in spans] + [raw[len(texts) :].mean(axis=0)]
        centre: Vectors = np.mean(means, axis=0).astype(np.float32)
        vectors = _unit(raw[: len(texts)] - centre)
        centroids = _unit(np.stack([vectors[s].mean(axis=0) for s in spans]))
        cached = _Anchors(centre, centroids, vectors, tuple(spans), tuple(texts))
        _ANCHORS[taxonomy.digest] = cached
    return cached


class TopicScorer:
    """Scores statements against one taxonomy; build it once, the taxonomy is embedded on first use."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._keywords = tuple(
            re.compile("|".join(keyword_pattern(k) for k in sorted(t.keywords, key=len, reverse=True)), re.I)
            for t in taxonomy.topics
            if t.keywords
        )
        self._keyword_topics = tuple(t.name for t in taxonomy.topics if t.keywords)

    def keywords_in(self, text: str) -> dict[str, tuple[str, ...]]:
        """Each topic's keyword matches in ``text``, as written there (topics without one left out)."""
        norm = text.replace("\u2019", "'")
        found: dict[str, tuple[str, ...]] = {}
        for name, pattern in zip(self._keyword_topics, self._keywords, strict=True):
            if hits := tuple(m.group(0) for m in pattern.finditer(norm)):
                found[name] = hits
        return found

    def _similarities(self, vectors: Vectors) -> tuple[Any, Any]:
        """Per statement and topic: the centred cosine to the topic's centroid, and the nearest anchor."""
        anchors = _anchors(self.taxonomy)
        centred = _unit(np.asarray(vectors, dtype=np.float32) - anchors.centre)
        near = centred @ anchors.vectors.T
        nearest = np.stack([near[:, s].argmax(axis=1) + s.start for s in anchors.spans], axis=1)
        return centred @ anchors.centroids.T, nearest

    def _combine(self, similarity: Any, texts: Sequence[str]) -> Any:
        meaning = np.clip((similarity - SIM_LOW) / (SIM_HIGH - SIM_LOW), 0.0, 1.0)
        words = np.zeros_like(meaning)
        names = self.taxonomy.names
        for i, text in enumerate(texts):
            for name in self.keywords_in(text):
                words[i, names.index(name)] = 1.0
        return (1.0 - KEYWORD_WEIGHT) * meaning + KEYWORD_WEIGHT * words

    def score(self, texts: Sequence[str], vectors: Vectors) -> list[dict[str, float]]:
        """For each statement, every topic's score in [0, 1]; ``vectors`` are the statements' embeddings."""
        if len(texts) != len(vectors):
            raise ValueError(f"{len(texts)} texts but {len(vectors)} vectors")
        if not texts:
            return []
        similarity, _ = self._similarities(vectors)
        scores = self._combine(similarity, texts)
        names = self.taxonomy.names
        return [{n: round(float(v), 4) for n, v in zip(names, row, strict=True)} for row in scores]

    def explain(self, text: str, vector: Vectors) -> list[TopicEvidence]:
        """The evidence behind one statement's scores, highest score first."""
        similarity, nearest = self._similarities(np.asarray(vector, dtype=np.float32).reshape(1, -1))
        scores, anchors = self._combine(similarity, [text])[0], _anchors(self.taxonomy).texts
        hits = self.keywords_in(text)
        rows = zip(self.taxonomy.topics, scores, similarity[0], nearest[0], strict=True)
        out = [
            TopicEvidence(
                t.name, round(float(sc), 4), round(float(sim), 4), anchors[int(k)], hits.get(t.name, ())
            )
            for t, sc, sim, k in rows
        ]
        return sorted(out, key=lambda e: -e.score)
