"""Write the embeddings of the default taxonomy's texts shipped with the package.

Run after editing ``taxonomy.yaml`` or ``topic_reference.txt``::

    python -m onrecord.timeline.build_topic_vectors

A user's own taxonomy needs none of this: texts without a shipped vector are embedded when used.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from onrecord.nlp.embed import embed, text_hash
from onrecord.timeline.topics import SHIPPED_VECTORS, anchor_texts, load_taxonomy


def main() -> None:
    texts = sorted(set(anchor_texts(load_taxonomy())))
    vectors = embed(texts)
    out = Path(__file__).with_name(SHIPPED_VECTORS)
    np.savez_compressed(out, **{text_hash(t): v for t, v in zip(texts, vectors, strict=True)})
    print(f"{out}: {len(texts)} vectors")


if __name__ == "__main__":
    main()
