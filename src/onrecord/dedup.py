"""Near-duplicate articles (syndicated copies, re-scrapes) by MinHash LSH from datasketch.

Signatures are computed over word 5-gram shingles of the cleaned body, so two copies of a wire
story wrapped in different site chrome still match. They are stored with the article, and the LSH
index is rebuilt from the store when a run starts: a store of 100k articles is ~50 MB of
signatures, which is the point where a persistent LSH backend would be worth its setup.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
# datasketch 2 needs the permutation scheme named when a MinHash is rebuilt from stored values;
# affine32 stores 32-bit values, half the size of the legacy scheme.
SCHEME = "affine32"
HASH_DTYPE = np.uint32
# Word n-gram size: 5 words is long enough that unrelated articles on one topic share few shingles.
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return bytes(np.asarray(mh.hashvalues, dtype=HASH_DTYPE).tobytes())


def from_bytes(data: bytes) -> MinHash:
    return MinHash(hashvalues=np.frombuffer(data, dtype=HASH_DTYPE), scheme=SCHEME)


class NearDuplicateIndex:
    """An LSH index over article signatures that answers "which stored article is this a copy of"."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, mh: MinHash) -> None:
        if article_id not in self._signatures:
            self._lsh.insert(article_id, mh)
            self._signatures[article_id] = mh

    def best_match(self, mh: MinHash) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold, with its estimated Jaccard."""
        best: tuple[str, float] | None = None
        for key in self._lsh.query(mh):
            sim = float(mh.jaccard(self._signatures[key]))
            if sim >= self.threshold and (
                best is None or sim > best[1] or (sim == best[1] and key < best[0])
            ):
                best = (key, sim)
        return best
