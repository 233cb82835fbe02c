"""Nominal cues: a noun of saying with a "that" clause and a possessive speaker.

``Zelensky's statement that he was ready for talks``, ``her claim that the vote was rigged``,
``the minister's warning that prices will rise``. The clause is the content and the possessor the
speaker; without a possessor nothing is found (``the claim that ...`` names no one).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.attribution.cues import NOMINAL_CUES
from onrecord.attribution.mentions import mention_from
from onrecord.attribution.reported import Found, char_span

# Nominal findings are less certain than verbal ones: the parse of "N that ..." is often a
# relative clause ("the statement that he issued") rather than a complement.
CONFIDENCE = 0.7


def _complement(noun: Token) -> Token | None:
    """The complement clause of the noun: an acl/ccomp opened by the complementizer "that"."""
    for c in noun.children:
        if c.dep_ not in ("acl", "ccomp") or c.i < noun.i:
            continue
        first = c.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" and first.i == noun.i + 1:
            return c
    return None


def find_nominal(doc: Doc, offset: int) -> list[Found]:
    """Possessed nouns of saying with a "that" complement, in a chunk starting at ``offset``."""
    out: list[Found] = []
    for tok in doc:
        if not tok.tag_.startswith("NN") or tok.lower_ not in NOMINAL_CUES:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        comp = _complement(tok)
        if poss is None or comp is None:
            continue
        content = char_span([t for t in comp.subtree if t.i > tok.i + 1], offset)
        if content is None:
            continue
        cue = (offset + tok.idx, offset + tok.idx + len(tok.text))
        features = ("r=nominal", f"w={tok.lower_}", f"s={poss.tag_}")
        out.append(Found(content, cue, mention_from(poss, offset), CONFIDENCE, features=features))
    return out
