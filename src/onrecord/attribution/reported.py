"""Rules over the dependency parse: a cue verb, the one who speaks, and what was said.

Each rule reads one cue token and its neighbourhood in the tree. The subject of the cue is the
speaker; the content is its clausal complement (``said that ...``, clause first ``..., he said``),
an infinitive for intentions (``vowed to ...``), or its object for verbs whose object is what was
said (``denied the report``). Cues without a subject inherit one from the verb they hang from
(``..., adding that``; ``went on to say``; ``X was quoted as saying``; ``TASS quoted X as
saying``, where TASS is the ``via``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.cues import CLAUSE_ONLY, CUE_LEMMAS, OBJECT_CONTENT, lemma_of, words
from onrecord.attribution.mentions import Mention, mention_from

_XCOMP_CONTENT = frozenset(
    words(
        "vow promise pledge threaten want plan intend hope expect urge ask agree propose demand "
        "refuse decline"
    )
)
_INHERIT = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl")
_EDGE = frozenset({"punct", "cc", "mark"})
_QUOTING = frozenset({"quote", "cite"})


@dataclass(frozen=True, slots=True)
class Found:
    """One attribution read off the parse, with offsets into the article text."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    mention: Mention | None
    confidence: float
    addressee: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    kind: str = "indirect"


def char_span(tokens: list[Token], offset: int) -> tuple[int, int] | None:
    """Characters covered by tokens, trimmed of edge punctuation and complementizers."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].dep_ in _EDGE or toks[0].is_punct) and not _is_quote(toks[0]):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc") and not _is_quote(toks[-1]):
        toks.pop()
    if not toks:
        return None
    last = toks[-1]
    return offset + toks[0].idx, offset + last.idx + len(last.text)


def _is_quote(t: Token) -> bool:
    return t.text in {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"}


def _subject(tok: Token) -> Token | None:
    # a passive cue ("it was announced that") has no speaker of its own
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def speaker_of(cue: Token) -> tuple[Token | None, Token | None, float]:
    """(speaker head, via head, confidence) for a cue verb, walking up when it has no subject."""
    cur = cue
    for step in range(4):
        if lemma_of(cur.text) in _QUOTING and cur is not cue:
            passive = any(c.dep_ == "nsubjpass" for c in cur.children)
            if passive:  # "X was quoted (by TASS) as saying"
                spk = next(c for c in cur.children if c.dep_ == "nsubjpass")
                agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                via = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                return spk, via, 0.85
            obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
            subj = _subject(cur)
            if obj is not None:  # "TASS quoted Peskov as saying"
                return obj, subj, 0.85
        subj = _subject(cur)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                return cur.head, None, 0.8  # "Peskov, who said ..."
            if subj.lower_ in ("it", "there") and cur is cue:
                return None, None, 0.0
            return subj, None, 0.9 - 0.05 * step
        if cur.dep_ == "relcl" and cur is cue:
            return cur.head, None, 0.7  # "the official quoted as saying"
        if cur.dep_ not in _INHERIT or cur.head is cur:
            break
        cur = cur.head
    return None, None, 0.0


def _content_tokens(cue: Token, lemma: str) -> list[Token] | None:
    kids = list(cue.children)
    for dep in ("ccomp",):
        comps = [c for c in kids if c.dep_ == dep]
        if comps:
            comp = max(comps, key=lambda c: len(list(c.subtree)))
            return list(comp.subtree)
    if lemma in _XCOMP_CONTENT or lemma in CUE_LEMMAS - CLAUSE_ONLY:
        for c in kids:
            if c.dep_ == "xcomp" and lemma_of(c.text) not in CUE_LEMMAS:
                toks = list(c.subtree)
                return toks if lemma in _XCOMP_CONTENT or len(toks) > 3 else None
    if lemma in OBJECT_CONTENT or lemma == "call":
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        extra = [c for c in kids if c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")]
        if lemma == "call" and obj is not None and not extra:
            return None  # "called the office" is not a statement; "called it a sham" is
        if obj is not None:
            toks = list(obj.subtree)
            for c in extra:
                toks.extend(c.subtree)
            return toks
    if lemma in ("call", "ask", "point"):
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("for", "to"):
                return list(c.subtree)[1:] or None
    if cue.dep_ in ("parataxis", "ccomp", "advcl") and cue.head.i < cue.i and lemma not in ("ask",):
        # "Contacts have picked up, Peskov told Ria Novosti": the clause before the cue
        head = cue.head
        toks = [t for t in head.subtree if t.i < cue.left_edge.i]
        return toks or None
    return None


def _addressee(cue: Token, offset: int) -> tuple[int, int] | None:
    for c in cue.children:
        if c.dep_ in ("dobj", "dative") and lemma_of(cue.text) in ("tell", "inform", "remind", "assure"):
            return char_span([c, *c.subtree], offset)
        if c.dep_ == "prep" and c.lower_ == "to" and lemma_of(cue.text) in ("say", "write", "explain"):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                return char_span(list(pobj[0].subtree), offset)
    return None


def _according(tok: Token, offset: int) -> Found | None:
    """``according to X``: the rest of the clause that the phrase modifies is the content."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = tok.head
    while (
        head.dep_ not in ("ROOT", "ccomp", "conj")
        and head.head is not head
        and not head.tag_.startswith("VB")
    ):
        head = head.head
    phrase = {t.i for t in tok.subtree} | {tok.i, to.i} | {t.i for t in to.subtree}
    toks = [t for t in head.subtree if t.i not in phrase]
    sent: Span = tok.sent
    toks = [t for t in toks if sent.start <= t.i < sent.end]
    span = char_span(toks, offset)
    if span is None:
        return None
    cue = (offset + tok.idx, offset + to.idx + len(to.text))
    return Found(span, cue, mention_from(pobj, offset), 0.85)


def find_reported(doc: Doc, offset: int) -> list[Found]:
    """All cue-anchored attributions in a parsed chunk that starts at ``offset`` in the article."""
    out: list[Found] = []
    for tok in doc:
        if tok.lower_ == "according":
            f = _according(tok, offset)
            if f is not None:
                out.append(f)
            continue
        lemma = lemma_of(tok.text)
        if lemma is None or lemma not in CUE_LEMMAS or not tok.tag_.startswith("VB") or tok.dep_ == "amod":
            continue
        toks = _content_tokens(tok, lemma)
        if not toks:
            continue
        spk, via, conf = speaker_of(tok)
        if spk is None:
            continue
        content = char_span(toks, offset)
        if content is None:
            continue
        cue_end = tok
        for c in tok.children:  # "pointed out", "went on": particles belong to the cue
            if c.dep_ == "prt" and c.i == tok.i + 1:
                cue_end = c
        out.append(
            Found(
                content,
                (offset + tok.idx, offset + cue_end.idx + len(cue_end.text)),
                mention_from(spk, offset),
                conf,
                addressee=_addressee(tok, offset),
                via=char_span([via], offset) if via is not None else None,
            )
        )
    return out
